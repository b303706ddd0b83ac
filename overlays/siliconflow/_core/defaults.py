"""Where a client connects when told nothing: the API's base URL and the environment variables.

A module of its own, with no imports, so the command line can show these in `--help` without
loading the client.
"""

from __future__ import annotations

__all__ = ["API_KEY_ENV", "BASE_URL_ENV", "DEFAULT_BASE_URL", "STRICT_PARAMS_ENV"]

DEFAULT_BASE_URL = "https://api.siliconflow.cn/v1"
API_KEY_ENV = "SILICONFLOW_API_KEY"
BASE_URL_ENV = "SILICONFLOW_BASE_URL"
# "0" turns off the check of request values against the documented ranges (request_params.py).
STRICT_PARAMS_ENV = "SILICONFLOW_STRICT_PARAMS"

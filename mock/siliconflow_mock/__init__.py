"""A mock SiliconFlow server driven by `openapi.yaml`, for tests, demos and contract runs.

    from siliconflow_mock import serve_in_background
    with serve_in_background() as mock:          # a free port on 127.0.0.1
        client = OpenAI(base_url=mock.base_url, api_key=mock.token)

`create_app()` gives the Starlette app (for in-process ASGI tests), `serve()` runs it in the
foreground (`python -m siliconflow_mock`, `make mock`). Faults are switched on per request with
`X-Mock-Fault` headers (see `siliconflow_mock.faults`), bulk answers for benchmarks with
`X-Mock-Bulk-Chunks` (see `siliconflow_mock.bulk`), and the answers' rules are in
`siliconflow_mock.answers`.
"""

from siliconflow_mock.app import DEFAULT_TOKEN, MISSING_MODEL, NO_JSON_MODE_MODEL, create_app
from siliconflow_mock.rate_limits import RateLimits
from siliconflow_mock.server import TOKEN_ENV, RunningMock, serve, serve_in_background

__all__ = [
    "DEFAULT_TOKEN",
    "MISSING_MODEL",
    "NO_JSON_MODE_MODEL",
    "TOKEN_ENV",
    "RateLimits",
    "RunningMock",
    "create_app",
    "serve",
    "serve_in_background",
]

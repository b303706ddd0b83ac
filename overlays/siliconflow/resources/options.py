"""The per-call `timeout` and `max_retries` of every request the client sends (chat and resources).

Sans-IO: the resources build the request arguments here; only the one line that sends is written
twice (sync and async). A 2xx answer is parsed by `responses.py`; for other statuses the retry
transport raises the typed errors of `errors.py`, as for chat.
"""

from __future__ import annotations

from typing import Any

import httpx

from .._core.retries import MAX_RETRIES_EXTENSION, check_max_retries
from .._core.timeouts import as_timeout


def with_options(
    kwargs: dict[str, Any], timeout: float | httpx.Timeout | None, max_retries: int | None
) -> dict[str, Any]:
    """The generated request arguments plus the per-call timeout and retry overrides."""
    if timeout is not None:
        kwargs["timeout"] = as_timeout(timeout)
    if max_retries is not None:
        kwargs.setdefault("extensions", {})[MAX_RETRIES_EXTENSION] = check_max_retries(max_retries)
    return kwargs

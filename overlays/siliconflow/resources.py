"""What the `models` and `user` resources share: per-call options and reading a 2xx JSON body.

Sans-IO: the resources build the request arguments here and hand the response back here; only the
one line that sends is written twice (sync and async). Non-2xx statuses never reach this module:
the retry transport raises the typed errors of `errors.py` for them, as for chat.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import httpx
import orjson

from .errors import MalformedResponseError, preview
from .retries import MAX_RETRIES_EXTENSION, check_max_retries
from .timeouts import as_timeout

T = TypeVar("T")
_PREVIEW_CHARS = 200


def with_options(
    kwargs: dict[str, Any], timeout: float | httpx.Timeout | None, max_retries: int | None
) -> dict[str, Any]:
    """The generated request arguments plus the per-call timeout and retry overrides."""
    if timeout is not None:
        kwargs["timeout"] = as_timeout(timeout)
    if max_retries is not None:
        kwargs["extensions"] = {MAX_RETRIES_EXTENSION: check_max_retries(max_retries)}
    return kwargs


def parse_json(response: httpx.Response, what: str, parse: Callable[[Any], T]) -> T:
    """`parse(decoded body)`, or a `MalformedResponseError` naming `what` was expected."""
    try:
        return parse(orjson.loads(response.content))
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError, ArithmeticError) as exc:
        shown = preview(response.text, _PREVIEW_CHARS)
        raise MalformedResponseError(
            f"HTTP {response.status_code}: the body is not {what}: {shown!r}", response=response
        ) from exc

"""Per-call options of every request method, with openai-python's names, checked before sending.

    client.create(request, extra_headers={"X-Tenant": "a"}, extra_query={"debug": "1"},
                  extra_body={"new_field": True}, trace_id="order-1234")

- `extra_headers`: added to the request's headers (over the client's `headers=`).
- `extra_query`: added to the URL's query string.
- `extra_body`: merged over the typed request's JSON (top-level keys; a key here wins), for fields
  the spec does not know yet.
- `trace_id`: sent as `X-Trace-Id`, SiliconFlow's caller-chosen trace id, which its support can look
  up (the response's `x-siliconcloud-trace-id` is the platform's).
- `traceparent`: a W3C Trace Context header (`00-<32 hex>-<16 hex>-<2 hex>`); its trace-id becomes
  the request's trace id on SiliconFlow's side.

A wrong type or value raises `TypeError` / `ValueError` naming the option, before anything is sent.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any, TypedDict

from .request_checks import check_headers

__all__ = ["TRACEPARENT_HEADER", "TRACE_ID_REQUEST_HEADER", "CallOptions", "apply_call_options"]

TRACE_ID_REQUEST_HEADER = "X-Trace-Id"
TRACEPARENT_HEADER = "traceparent"
_TRACE_ID = re.compile(r"[\x21-\x7e]{1,256}")
_TRACEPARENT = re.compile(r"(?!ff)[0-9a-f]{2}-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}")


class CallOptions(TypedDict, total=False):
    """The keyword arguments every request method takes besides `timeout` and `max_retries`."""

    extra_headers: Mapping[str, str] | None
    extra_query: Mapping[str, str | int | float | bool] | None
    extra_body: Mapping[str, object] | None
    trace_id: str | None
    traceparent: str | None


_KNOWN_OPTIONS = frozenset(CallOptions.__annotations__)


def apply_call_options(kwargs: dict[str, Any], options: CallOptions) -> None:
    """Merge `options` into the httpx request arguments `kwargs` (from the generated `_get_kwargs`)."""
    if not options:
        return  # the common case, kept cheap: nothing to check or merge
    unknown = options.keys() - _KNOWN_OPTIONS
    if unknown:
        raise TypeError(f"unexpected keyword argument {sorted(unknown)[0]!r}")
    headers: dict[str, str] = kwargs.setdefault("headers", {})
    headers.update(check_headers(options.get("extra_headers"), "extra_headers"))
    trace_id = options.get("trace_id")
    if trace_id is not None:
        if not isinstance(trace_id, str) or not _TRACE_ID.fullmatch(trace_id):
            raise ValueError(f"trace_id must be 1-256 visible ASCII characters, got {trace_id!r}")
        headers[TRACE_ID_REQUEST_HEADER] = trace_id
    traceparent = options.get("traceparent")
    if traceparent is not None:
        if not isinstance(traceparent, str) or not _TRACEPARENT.fullmatch(traceparent):
            raise ValueError(
                "traceparent must be a W3C trace context like "
                f"'00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>', got {traceparent!r}"
            )
        headers[TRACEPARENT_HEADER] = traceparent
    query = options.get("extra_query")
    if query is not None:
        kwargs["params"] = _query(query)
    body = options.get("extra_body")
    if body is not None:
        kwargs["json"] = {**kwargs.get("json", {}), **_body(body)}


def _query(value: object) -> dict[str, str | int | float | bool]:
    if not isinstance(value, Mapping):
        raise TypeError(f"extra_query must be a mapping, got {type(value).__name__}")
    for name, content in value.items():
        if not isinstance(name, str) or not isinstance(content, str | int | float | bool):
            raise TypeError(f"extra_query[{name!r}] must be a string or number, got {type(content).__name__}")
    return dict(value)


def _body(value: object) -> dict[str, object]:
    if not isinstance(value, Mapping):
        raise TypeError(f"extra_body must be a mapping, got {type(value).__name__}")
    for name in value:
        if not isinstance(name, str):
            raise TypeError(f"extra_body keys must be strings, got {name!r}")
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"extra_body must be JSON-serialisable: {exc}") from None
    return dict(value)

"""From a failed exchange to the typed error of `errors.py` (sans-IO, private).

`parse_error_body` reads every error body SiliconFlow is known to send: `{code, message, data}`,
the 429 `{message, data}` without code, a bare JSON string, non-JSON text, an empty body, and
OpenAI's `{"error": {...}}` envelope (from OpenAI-compatible gateways in front of it). Messages are
cut to `MAX_MESSAGE_CHARS` and redacted against the request's key; `.body` keeps what was read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import httpx

from .errors import (
    BALANCE_CODE,
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    GatewayTimeoutError,
    GoneError,
    InsufficientBalanceError,
    InternalServerError,
    NotFoundError,
    OverloadedError,
    PermissionDeniedError,
    RateLimitError,
)
from .redact import preview, public_url, redact, secret_of

__all__ = ["ErrorDetails", "connection_error", "error_details", "parse_error_body", "status_error"]

# Long HTML error pages from proxies would drown the useful part of str(error); `.body` keeps it all.
MAX_MESSAGE_CHARS = 500


@dataclass(frozen=True, slots=True)
class ErrorDetails:
    """What an error body says: SiliconFlow's `code` (if any), a message, and the parsed body."""

    code: int | None
    message: str
    body: object


def parse_error_body(content: bytes) -> ErrorDetails:
    """Read any error body SiliconFlow (or a gateway in front of it) sends. Never raises."""
    text = content.decode("utf-8", errors="replace").strip()
    if not text:
        return ErrorDetails(code=None, message="", body=None)
    try:
        body: object = json.loads(text)
    except (ValueError, RecursionError):
        return ErrorDetails(code=None, message=_shorten(text), body=text)
    return error_details(body)


def error_details(body: object) -> ErrorDetails:
    """Read an already-decoded error payload (a body, or the data of an error event)."""
    payload = body
    if isinstance(payload, dict) and isinstance(payload.get("error"), dict | str):
        payload = payload["error"]  # OpenAI's envelope (some gateways put a bare string in it)
    if isinstance(payload, dict):
        message = payload.get("message")
        if not isinstance(message, str):
            message = json.dumps(payload, ensure_ascii=False, default=str)
        return ErrorDetails(code=_as_code(payload.get("code")), message=_shorten(message), body=body)
    if isinstance(payload, str):
        return ErrorDetails(code=None, message=_shorten(payload), body=body)
    return ErrorDetails(code=None, message=_shorten(json.dumps(payload)), body=body)


def status_error(response: httpx.Response) -> APIStatusError:
    """The typed error for a non-2xx response whose body has been read."""
    details = parse_error_body(response.content)
    message = redact(details.message, secret_of(response.request)) or response.reason_phrase
    status = response.status_code
    error_class = _STATUS_ERRORS.get(status, APIStatusError)
    if status == 403 and details.code == BALANCE_CODE:
        error_class = InsufficientBalanceError
    elif error_class is APIStatusError and status >= 500:
        error_class = InternalServerError
    return error_class(message, response=response, body=details.body, code=details.code)


def connection_error(
    error: Exception, request: httpx.Request, attempts: int, *, note: str = ""
) -> APIConnectionError:
    """The typed error for a transport failure (`error` is the httpx exception) after `attempts` tries."""
    timed_out = isinstance(error, httpx.TimeoutException)
    what = "Request timed out" if timed_out else "Connection error"
    detail = redact(str(error), secret_of(request)) or type(error).__name__
    tries = f" (after {attempts} attempts)" if attempts > 1 else ""
    message = f"{what}: {request.method} {public_url(request.url)}: {detail}{tries}{note}"
    return (APITimeoutError if timed_out else APIConnectionError)(message, request=request)


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: InsufficientBalanceError,
    403: PermissionDeniedError,
    404: NotFoundError,
    410: GoneError,
    429: RateLimitError,
    503: OverloadedError,
    504: GatewayTimeoutError,
}


def _as_code(value: object) -> int | None:
    # SiliconFlow sends integers; gateways sometimes send numeric strings. OpenAI's string codes
    # ("invalid_api_key") are not SiliconFlow codes and stay available in `.body`.
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) < 10:
        return int(value)
    return None


def _shorten(text: str) -> str:
    return preview(text.strip(), MAX_MESSAGE_CHARS)

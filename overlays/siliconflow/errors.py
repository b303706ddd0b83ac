"""Every error the SiliconFlow client raises, in one hierarchy.

```
SiliconFlowError                   base of everything below (and the "no API key" error)
├── APIConnectionError             no response arrived: connect failure, reset, protocol error
│   └── APITimeoutError            ... because a timeout expired before the response (or first event)
├── APIStatusError                 a non-2xx response: status_code, code, message, trace_id, body
│   ├── BadRequestError            400  (codes 20012 unknown model, 20015 invalid parameter, ...)
│   ├── AuthenticationError        401  missing or wrong API key (keys are per site: .cn / .com)
│   ├── InsufficientBalanceError   402, or 403 with code 30001
│   ├── PermissionDeniedError      403  (e.g. the model needs real-name verification)
│   ├── NotFoundError              404  wrong path or base URL
│   ├── RateLimitError             429  (RPM/TPM/... limit; the body names which)
│   └── InternalServerError        5xx
│       ├── OverloadedError        503  (codes 50505, 50508)
│       └── GatewayTimeoutError    504
├── MalformedResponseError         a 2xx non-stream response that is not a ChatCompletion
└── StreamError                    a 200 stream that failed after it started; `.partial` keeps the output
    ├── IncompleteStreamError      the stream ended without `data: [DONE]`
    ├── StreamInterruptedError     transport error or timeout mid-stream (chained with `from`)
    ├── MalformedChunkError        an event whose data is not a JSON chunk
    └── StreamAPIError             an error payload sent as an event: code, message, body
```

Statuses other than those listed raise `APIStatusError` itself. Retryable failures (see
`retries.py`) are raised only after the retries are used up.

`parse_error_body` reads every error body SiliconFlow is known to send: `{code, message, data}`,
the 429 `{message, data}` without code, a bare JSON string, non-JSON text, an empty body, and
OpenAI's `{"error": {...}}` envelope (from OpenAI-compatible gateways in front of it).

No error carries the API key in its message, `str()` or `repr()`: messages are redacted against the
request's `Authorization` header before they are stored (a proxy may echo the key back).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from siliconflow_api.models.chat_completion import ChatCompletion

TRACE_ID_HEADER = "x-siliconcloud-trace-id"
BALANCE_CODE = 30001
# Long HTML error pages from proxies would drown the useful part of str(error); `.body` keeps it all.
_MAX_MESSAGE_CHARS = 500
# Redact only secrets long enough not to collide with ordinary words in a message.
_MIN_SECRET_CHARS = 8
_REDACTED = "[redacted]"


class SiliconFlowError(Exception):
    """Base class of every error raised by this package."""


class APIConnectionError(SiliconFlowError):
    """No response arrived: the connection failed, was reset, or broke the protocol."""

    def __init__(self, message: str, *, request: httpx.Request) -> None:
        super().__init__(message)
        self.request = request


class APITimeoutError(APIConnectionError):
    """A timeout expired before the response (for a stream: before its first bytes) arrived."""


class APIStatusError(SiliconFlowError):
    """The server answered with a non-2xx status.

    Attributes: `status_code`; `code`, SiliconFlow's business code when the body has one;
    `message`, the server's message; `trace_id`, the `x-siliconcloud-trace-id` header to quote to
    support; `body`, the parsed JSON body (or the text when it is not JSON, `None` when empty);
    `response` and `request`.
    """

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: object,
        code: int | None = None,
    ) -> None:
        self.status_code = response.status_code
        self.code = code
        self.message = message
        self.body = body
        self.response = response
        self.request = response.request
        self.trace_id: str | None = response.headers.get(TRACE_ID_HEADER)
        super().__init__(_describe(f"HTTP {self.status_code}", code, message, self.trace_id))


class BadRequestError(APIStatusError):
    """400: invalid request (20012 unknown model, 20015 invalid parameter, 20024 no JSON mode)."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing or invalid (a .com key gets 401 on .cn and vice versa)."""


class InsufficientBalanceError(APIStatusError):
    """402, or 403 with code 30001: the account balance is insufficient."""


class PermissionDeniedError(APIStatusError):
    """403: not allowed, for example a model that needs real-name verification."""


class NotFoundError(APIStatusError):
    """404: wrong path or base URL (the base URL must end in /v1)."""


class RateLimitError(APIStatusError):
    """429: a rate limit (RPM, TPM, ...) was reached; the message names which."""


class InternalServerError(APIStatusError):
    """5xx: a server-side failure."""


class OverloadedError(InternalServerError):
    """503: the model service is overloaded or the system is busy (codes 50505, 50508)."""


class GatewayTimeoutError(InternalServerError):
    """504: the upstream timed out. Streaming avoids it for long answers."""


class MalformedResponseError(SiliconFlowError):
    """A 2xx non-stream response whose body is not the documented ChatCompletion.

    `path` and `expected` name the first field that does not match the spec, when that is the
    trouble (`usage.completion_tokens`, `integer`); None when the body is not JSON at all.
    """

    path: str | None = None
    expected: str | None = None

    def __init__(self, message: str, *, response: httpx.Response) -> None:
        super().__init__(message)
        self.response = response


class StreamError(SiliconFlowError):
    """A 200 stream failed after it started.

    `partial` is the ChatCompletion accumulated from every chunk received before the failure (None
    when no chunk arrived or the stream was opened with `accumulate=False`).
    """

    def __init__(
        self,
        message: str,
        *,
        partial: ChatCompletion | None = None,
        response: httpx.Response | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.partial = partial
        self.response = response

    @property
    def trace_id(self) -> str | None:
        """The stream's `x-siliconcloud-trace-id`, when known."""
        return None if self.response is None else self.response.headers.get(TRACE_ID_HEADER)


class IncompleteStreamError(StreamError):
    """The stream ended without `data: [DONE]` (the connection was closed early)."""


class StreamInterruptedError(StreamError):
    """A transport error or timeout broke the stream; the httpx error is the `__cause__`."""


class MalformedChunkError(StreamError):
    """An event's data is neither `[DONE]` nor a JSON chat.completion.chunk.

    `path` and `expected`: as for `MalformedResponseError` (`choices[0].delta.content`).
    """

    path: str | None = None
    expected: str | None = None


class StreamAPIError(StreamError):
    """The server sent an error payload as an event (`{"code", "message"}` or `{"error": {...}}`)."""

    def __init__(
        self,
        message: str,
        *,
        code: int | None = None,
        body: object = None,
        partial: ChatCompletion | None = None,
        response: httpx.Response | None = None,
    ) -> None:
        super().__init__(
            _describe("Error event in stream", code, message, None), partial=partial, response=response
        )
        self.message = message
        self.code = code
        self.body = body


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


def connection_error(error: Exception, request: httpx.Request, attempts: int) -> APIConnectionError:
    """The typed error for a transport failure (`error` is the httpx exception) after `attempts` tries."""
    timed_out = isinstance(error, httpx.TimeoutException)
    what = "Request timed out" if timed_out else "Connection error"
    detail = redact(str(error), secret_of(request)) or type(error).__name__
    tries = f" (after {attempts} attempts)" if attempts > 1 else ""
    message = f"{what}: {request.method} {public_url(request.url)}: {detail}{tries}"
    return (APITimeoutError if timed_out else APIConnectionError)(message, request=request)


def public_url(url: httpx.URL) -> httpx.URL:
    """`url` without user info, fit for messages and logs."""
    return url.copy_with(username=None, password=None) if url.userinfo else url


def secret_of(request: httpx.Request) -> str | None:
    """The credential in the request's Authorization header (without the "Bearer" scheme)."""
    value: str = request.headers.get("authorization", "")
    if not value:
        return None
    scheme, _, credential = value.partition(" ")
    return credential.strip() or scheme


def redact(text: str, secret: str | None) -> str:
    """`text` with every occurrence of `secret` replaced."""
    if secret and len(secret) >= _MIN_SECRET_CHARS and secret in text:
        return text.replace(secret, _REDACTED)
    return text


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: InsufficientBalanceError,
    403: PermissionDeniedError,
    404: NotFoundError,
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


def preview(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, with "..." when something was cut (for messages)."""
    return text if len(text) <= limit else text[:limit] + "..."


def _shorten(text: str) -> str:
    return preview(text.strip(), _MAX_MESSAGE_CHARS)


def _describe(prefix: str, code: int | None, message: str, trace_id: str | None) -> str:
    head = prefix if code is None else f"{prefix} (code {code})"
    text = f"{head}: {message}" if message else head
    return text if trace_id is None else f"{text} [trace id {trace_id}]"

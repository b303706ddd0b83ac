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
│   ├── GoneError                  410  a retired endpoint (GET /user/info since 2026-08-14)
│   ├── RateLimitError             429  (RPM/TPM/... limit; the body names which)
│   └── InternalServerError        5xx
│       ├── OverloadedError        503  (codes 50505, 50508)
│       └── GatewayTimeoutError    504
├── MalformedResponseError         a 2xx non-stream response that is not a ChatCompletion
├── ResponseTooLargeError          a body larger than `max_response_size` once decoded
├── ClientClosedError              (also a RuntimeError) a call on a closed client; nothing was sent
├── ThinkingOptionError            (also a ValueError) a thinking option out of range; nothing was sent
└── StreamError                    a 200 stream that failed after it started; `.partial` keeps the output
    ├── IncompleteStreamError      the stream ended without `data: [DONE]`
    ├── StreamInterruptedError     transport error mid-stream, or closed from another thread
    │   └── StreamTimeoutError     no complete event within the read timeout, or the deadline passed
    ├── MalformedChunkError        an event whose data is not a JSON chunk
    └── StreamAPIError             an error payload sent as an event: code, message, body
```

Statuses other than those listed raise `APIStatusError` itself. Retryable failures (see
`retries.py`) are raised only after the retries are used up.

This module holds only the tree. Reading error bodies is `_error_bodies.py`; redaction and previews
are `_redact.py`.

No error carries the API key in its message, `str()`, `repr()` or traceback: messages are redacted
against the request's `Authorization` header before they are stored (a proxy may echo the key back).
`error.body` and `error.response` are what the server sent, kept as they arrived (cut at the
error-body cap): they may hold anything the server put there, the key included if it echoed it, so
log them with care.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx

from .redact import redact, secret_of

if TYPE_CHECKING:
    from siliconflow_api.models.chat_completion import ChatCompletion

__all__ = [
    "BALANCE_CODE",
    "TRACE_ID_HEADER",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "GatewayTimeoutError",
    "GoneError",
    "IncompleteStreamError",
    "InsufficientBalanceError",
    "InternalServerError",
    "MalformedChunkError",
    "MalformedResponseError",
    "NotFoundError",
    "OverloadedError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseTooLargeError",
    "SiliconFlowError",
    "StreamAPIError",
    "StreamError",
    "StreamInterruptedError",
    "StreamTimeoutError",
    "ThinkingOptionError",
]

TRACE_ID_HEADER = "x-siliconcloud-trace-id"
BALANCE_CODE = 30001


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
        # The trace id is the server's text too: a proxy may echo the key in any header.
        text = _describe(f"HTTP {self.status_code}", code, message, self.trace_id)
        super().__init__(redact(text, secret_of(response.request)))


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


class GoneError(APIStatusError):
    """410: the endpoint was retired (SiliconFlow retired GET /user/info on 2026-08-14, code 20092)."""


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


class ResponseTooLargeError(SiliconFlowError):
    """A response body larger than the client's `max_response_size` once decoded (gzip inflated).

    `limit` is the bound in bytes; `response` has the status and headers (its body was not kept).
    """

    def __init__(self, message: str, *, response: httpx.Response, limit: int) -> None:
        super().__init__(message)
        self.response = response
        self.limit = limit


class ClientClosedError(SiliconFlowError, RuntimeError):
    """A call on a client that was closed (`close()`, `aclose()` or the end of its `with` block).

    Nothing was sent. Also a `RuntimeError`, which httpx raised before."""

    def __init__(
        self,
        message: str = "The client was closed: make a new one (or keep it open, in a `with` block, "
        "while it is used)",
    ) -> None:
        super().__init__(message)


class ThinkingOptionError(SiliconFlowError, ValueError):
    """A thinking option outside what the API accepts; raised before anything is sent."""


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
    """A transport error broke the stream (the httpx error is the `__cause__`), or `close()` was
    called from another thread while this one was reading."""


class StreamTimeoutError(StreamInterruptedError):
    """No complete event arrived within the read timeout (comments and partial lines do not count),
    or the call's `deadline` passed while the stream was running."""


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


def _describe(prefix: str, code: int | None, message: str, trace_id: str | None) -> str:
    head = prefix if code is None else f"{prefix} (code {code})"
    text = f"{head}: {message}" if message else head
    return text if trace_id is None else f"{text} [trace id {trace_id}]"

"""`client.with_raw_response`: the HTTP response of a successful call, and `.parse()` for the model.

As in openai-python:

    raw = client.with_raw_response.create(request)
    log.info("trace %s status %s", raw.trace_id, raw.status_code)
    completion = raw.parse()                                  # the ChatCompletion

    with client.with_raw_response.stream(request) as raw:     # async: async with
        print(raw.trace_id, raw.headers["content-type"])
        for chunk in raw.parse():                             # the open ChatCompletionStream
            ...

Failures raise the same typed errors as the plain calls (a non-2xx status has its own
`trace_id`, `status_code` and `response`), so what comes back here is always a success.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import TYPE_CHECKING, Generic, TypeVar, Unpack

import httpx
from siliconflow_api.models.chat_completion import ChatCompletion
from siliconflow_api.models.chat_completion_request import ChatCompletionRequest

from .._core.call_options import TRACE_ID_REQUEST_HEADER, CallOptions
from .._core.errors import TRACE_ID_HEADER
from .._streaming.stream import AsyncChatCompletionStream, ChatCompletionStream

if TYPE_CHECKING:
    from ..client import AsyncSiliconFlow, SiliconFlow

__all__ = [
    "AsyncRawStream",
    "AsyncWithRawResponse",
    "RawResponse",
    "RawStream",
    "WithRawResponse",
]

T = TypeVar("T")
_Timeout = float | httpx.Timeout | None


class RawResponse(Generic[T]):
    """One HTTP response: `status_code`, `headers`, `trace_id`, `http_response`; `parse()` the model."""

    def __init__(self, http_response: httpx.Response, parse: Callable[[], T]) -> None:
        self.http_response = http_response
        self._parse = parse
        self._parsed: list[T] = []

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def trace_id(self) -> str | None:
        """SiliconFlow's `x-siliconcloud-trace-id`: quote it to support, log it per call."""
        value: str | None = self.http_response.headers.get(TRACE_ID_HEADER)
        return value

    @property
    def request_trace_id(self) -> str | None:
        """The `X-Trace-Id` this call sent (`trace_id=` or `extra_headers`), if any."""
        value: str | None = self.http_response.request.headers.get(TRACE_ID_REQUEST_HEADER)
        return value

    def parse(self) -> T:
        """The model of the body (parsed once; later calls return the same object)."""
        if not self._parsed:
            self._parsed.append(self._parse())
        return self._parsed[0]

    def __repr__(self) -> str:
        return f"RawResponse(status_code={self.status_code}, trace_id={self.trace_id!r})"


class RawStream:
    """`with client.with_raw_response.stream(request) as raw:` opens the stream; `raw.parse()` is it."""

    def __init__(self, stream: ChatCompletionStream) -> None:
        self._stream = stream

    def __enter__(self) -> RawResponse[ChatCompletionStream]:
        stream = self._stream.__enter__()
        return RawResponse(stream.response, lambda: stream)

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._stream.__exit__(exc_type, exc, tb)


class AsyncRawStream:
    """The async twin of `RawStream` (`async with`)."""

    def __init__(self, stream: AsyncChatCompletionStream) -> None:
        self._stream = stream

    async def __aenter__(self) -> RawResponse[AsyncChatCompletionStream]:
        stream = await self._stream.__aenter__()
        return RawResponse(stream.response, lambda: stream)

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self._stream.__aexit__(exc_type, exc, tb)


class WithRawResponse:
    """`SiliconFlow.with_raw_response`: `create` and `stream` with the same arguments as the client's."""

    def __init__(
        self,
        client: SiliconFlow,
        send: Callable[..., httpx.Response],
        parse: Callable[[httpx.Response], ChatCompletion],
    ) -> None:
        self._client = client
        self._send = send
        self._parse = parse

    def create(
        self,
        request: ChatCompletionRequest,
        *,
        timeout: _Timeout = None,
        max_retries: int | None = None,
        **options: Unpack[CallOptions],
    ) -> RawResponse[ChatCompletion]:
        """`create`, returning the HTTP response (`status_code`, `headers`, `trace_id`, `.parse()`)."""
        response = self._send(request, timeout=timeout, max_retries=max_retries, **options)
        return RawResponse(response, lambda: self._parse(response))

    def stream(
        self,
        request: ChatCompletionRequest,
        *,
        timeout: _Timeout = None,
        max_retries: int | None = None,
        **options: Unpack[CallOptions],
    ) -> RawStream:
        """`stream`, returning the HTTP response; `.parse()` gives the open stream."""
        return RawStream(self._client.stream(request, timeout=timeout, max_retries=max_retries, **options))


class AsyncWithRawResponse:
    """`AsyncSiliconFlow.with_raw_response`: `await ....create(...)`, `async with ....stream(...)`."""

    def __init__(
        self,
        client: AsyncSiliconFlow,
        send: Callable[..., Awaitable[httpx.Response]],
        parse: Callable[[httpx.Response], ChatCompletion],
    ) -> None:
        self._client = client
        self._send = send
        self._parse = parse

    async def create(
        self,
        request: ChatCompletionRequest,
        *,
        timeout: _Timeout = None,  # noqa: ASYNC109 - an HTTP timeout, as on the client
        max_retries: int | None = None,
        **options: Unpack[CallOptions],
    ) -> RawResponse[ChatCompletion]:
        """The async twin of `WithRawResponse.create`."""
        response = await self._send(request, timeout=timeout, max_retries=max_retries, **options)
        return RawResponse(response, lambda: self._parse(response))

    def stream(
        self,
        request: ChatCompletionRequest,
        *,
        timeout: _Timeout = None,
        max_retries: int | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncRawStream:
        """The async twin of `WithRawResponse.stream`."""
        return AsyncRawStream(
            self._client.stream(request, timeout=timeout, max_retries=max_retries, **options)
        )

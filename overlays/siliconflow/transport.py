"""httpx transports that retry, and turn failures into the typed errors of `errors.py`.

The behaviour lives in the transport, below httpx's Client, so every request made through the
client gets it: `SiliconFlow.create()`, `SiliconFlow.stream()`, and the plain generated call
`siliconflow_api.api.chat.create_chat_completion.sync(client=sf.api, body=...)` alike.

Per attempt: send; on a 2xx, make sure the response can be handed over (below) and return it; on
another status, read the body and ask the `RetryPolicy`; on a transport error, ask the policy too.
When it says stop, raise the typed error: `APIStatusError` subclasses for statuses,
`APITimeoutError` / `APIConnectionError` for transport errors.

Handing over a 2xx response:
- a non-stream body is read here in full, so that a timeout or reset while it arrives is retried
  like any other failure before the response (httpx would otherwise read it after the transport);
- a `text/event-stream` body has its first chunk read here, and replayed in front of the rest. A
  failure before that chunk is retried; after it the stream belongs to the caller and a failure
  raises `StreamInterruptedError` there (retrying then would duplicate output already delivered).

`max_retries` can be overridden per request with `request.extensions["siliconflow.max_retries"]`.
Retries are logged at INFO on the "siliconflow" logger (method, URL, reason, delay, attempt),
never with headers.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncGenerator, AsyncIterator, Generator, Iterator

import anyio
import httpx

from .errors import connection_error, public_url, status_error
from .retries import MAX_RETRIES_EXTENSION, RetryPolicy, check_max_retries
from .sse import EVENT_STREAM, media_type

__all__ = ["AsyncRetryTransport", "RetryTransport"]

logger = logging.getLogger("siliconflow")


class RetryTransport(httpx.BaseTransport):
    """Wrap a transport (default `httpx.HTTPTransport()`) with retries and typed errors."""

    def __init__(
        self, transport: httpx.BaseTransport | None = None, *, policy: RetryPolicy | None = None
    ) -> None:
        self._transport = transport if transport is not None else httpx.HTTPTransport()
        self.policy = policy if policy is not None else RetryPolicy()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        attempts = _Attempts(self.policy, request)
        while True:
            try:
                response = self._transport.handle_request(request)
                if response.is_success:
                    return _hand_over(request, response)
                delay = attempts.after_status(_read_failed(request, response))
            except httpx.TransportError as exc:
                delay = attempts.after_error(exc)
            time.sleep(delay)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Reached only when this sync transport was given to an httpx.AsyncClient."""
        raise TypeError(
            "RetryTransport is synchronous: use AsyncRetryTransport (or AsyncSiliconFlow) with async code"
        )

    def close(self) -> None:
        self._transport.close()

    async def aclose(self) -> None:
        """Closing from an httpx.AsyncClient that was (wrongly) given this transport."""
        self._transport.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """Wrap an async transport (default `httpx.AsyncHTTPTransport()`) with retries and typed errors."""

    def __init__(
        self, transport: httpx.AsyncBaseTransport | None = None, *, policy: RetryPolicy | None = None
    ) -> None:
        self._transport = transport if transport is not None else httpx.AsyncHTTPTransport()
        self.policy = policy if policy is not None else RetryPolicy()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        attempts = _Attempts(self.policy, request)
        while True:
            try:
                response = await self._transport.handle_async_request(request)
                if response.is_success:
                    return await _ahand_over(request, response)
                delay = attempts.after_status(await _aread_failed(request, response))
            except httpx.TransportError as exc:
                delay = attempts.after_error(exc)
            await anyio.sleep(delay)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Reached only when this async transport was given to a sync httpx.Client."""
        raise TypeError(
            "AsyncRetryTransport is asynchronous: use RetryTransport (or SiliconFlow) with sync code"
        )

    async def aclose(self) -> None:
        await self._transport.aclose()

    def close(self) -> None:
        """Closing from a sync httpx.Client that was (wrongly) given this transport: it sent nothing."""


class _Attempts:
    """The retry bookkeeping of one request, shared by both transports (only the sleeping differs)."""

    __slots__ = ("attempt", "max_retries", "policy", "request")

    def __init__(self, policy: RetryPolicy, request: httpx.Request) -> None:
        self.policy = policy
        self.request = request
        self.attempt = 0
        override = request.extensions.get(MAX_RETRIES_EXTENSION)
        self.max_retries = policy.max_retries if override is None else check_max_retries(override)

    def after_status(self, response: httpx.Response) -> float:
        """The wait before the next attempt, or raise the response's typed error."""
        self.attempt += 1
        delay = self.policy.decide(
            self.attempt, status=response.status_code, headers=response.headers, max_retries=self.max_retries
        )
        if delay is None:
            raise status_error(response)
        self._log(f"HTTP {response.status_code}", delay)
        return delay

    def after_error(self, error: httpx.TransportError) -> float:
        """The wait before the next attempt, or raise the typed connection error."""
        self.attempt += 1
        delay = self.policy.decide(self.attempt, error=error, max_retries=self.max_retries)
        if delay is None:
            raise connection_error(error, self.request, self.attempt) from error
        self._log(type(error).__name__, delay)
        return delay

    def _log(self, reason: str, delay: float) -> None:
        logger.info(
            "Retrying %s %s in %.2f s after %s (retry %d of %d)",
            self.request.method,
            public_url(self.request.url),
            delay,
            reason,
            self.attempt,
            self.max_retries,
        )


def _rebuild(
    request: httpx.Request,
    response: httpx.Response,
    stream: httpx.SyncByteStream | httpx.AsyncByteStream,
) -> httpx.Response:
    """The same response (status, headers, extensions) with another body stream."""
    return httpx.Response(
        response.status_code,
        headers=response.headers,
        stream=stream,
        extensions=response.extensions,
        request=request,
    )


def _error_response(request: httpx.Request, response: httpx.Response, body: bytes) -> httpx.Response:
    """A read response carrying `body`, decoded (gzip...) when it can be, raw when it cannot."""
    failed = _rebuild(request, response, httpx.ByteStream(body))
    try:
        failed.read()
    except httpx.DecodingError:
        headers = response.headers.copy()
        del headers["content-encoding"]
        failed = httpx.Response(response.status_code, headers=headers, content=body, request=request)
    return failed


# ---- sync hand-over -------------------------------------------------------------------------------


def _hand_over(request: httpx.Request, response: httpx.Response) -> httpx.Response:
    stream = response.stream
    assert isinstance(stream, httpx.SyncByteStream)  # httpx.Client guarantees it for sync transports
    if media_type(response) == EVENT_STREAM:
        chunks = iter(stream)
        try:
            first = _first_chunk(chunks)
        except BaseException:
            stream.close()
            raise
        return _rebuild(request, response, _ReplayStream(first, chunks, stream))
    try:
        body = b"".join(stream)
    finally:
        stream.close()
    return _rebuild(request, response, httpx.ByteStream(body))


def _read_failed(request: httpx.Request, response: httpx.Response) -> httpx.Response:
    stream = response.stream
    assert isinstance(stream, httpx.SyncByteStream)
    try:
        body = b"".join(stream)
    finally:
        stream.close()
    return _error_response(request, response, body)


def _first_chunk(chunks: Iterator[bytes]) -> bytes:
    for chunk in chunks:
        if chunk:
            return chunk
    return b""


class _ReplayStream(httpx.SyncByteStream):
    """The body of a stream whose first chunk was already read: that chunk, then the rest."""

    def __init__(self, first: bytes, rest: Iterator[bytes], stream: httpx.SyncByteStream) -> None:
        self._first = first
        self._rest = rest
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        if self._first:
            first, self._first = self._first, b""
            yield first
        yield from self._rest

    def close(self) -> None:
        if isinstance(self._rest, Generator):
            self._rest.close()
        self._stream.close()


# ---- async hand-over ------------------------------------------------------------------------------


async def _ahand_over(request: httpx.Request, response: httpx.Response) -> httpx.Response:
    stream = response.stream
    assert isinstance(stream, httpx.AsyncByteStream)  # httpx.AsyncClient guarantees it
    if media_type(response) == EVENT_STREAM:
        chunks = aiter(stream)
        try:
            first = await _afirst_chunk(chunks)
        except BaseException:
            await _aclose_iterator(chunks)
            await stream.aclose()
            raise
        return _rebuild(request, response, _AsyncReplayStream(first, chunks, stream))
    try:
        body = b"".join([chunk async for chunk in stream])
    finally:
        await stream.aclose()
    return _rebuild(request, response, httpx.ByteStream(body))


async def _aread_failed(request: httpx.Request, response: httpx.Response) -> httpx.Response:
    stream = response.stream
    assert isinstance(stream, httpx.AsyncByteStream)
    try:
        body = b"".join([chunk async for chunk in stream])
    finally:
        await stream.aclose()
    return _error_response(request, response, body)


async def _afirst_chunk(chunks: AsyncIterator[bytes]) -> bytes:
    async for chunk in chunks:
        if chunk:
            return chunk
    return b""


async def _aclose_iterator(chunks: AsyncIterator[bytes]) -> None:
    # An abandoned async generator is finalised later by the event loop, possibly after it closed.
    if isinstance(chunks, AsyncGenerator):
        await chunks.aclose()


class _AsyncReplayStream(httpx.AsyncByteStream):
    """The async twin of `_ReplayStream`."""

    def __init__(self, first: bytes, rest: AsyncIterator[bytes], stream: httpx.AsyncByteStream) -> None:
        self._first = first
        self._rest = rest
        self._stream = stream

    async def __aiter__(self) -> AsyncIterator[bytes]:
        if self._first:
            first, self._first = self._first, b""
            yield first
        async for chunk in self._rest:
            yield chunk

    async def aclose(self) -> None:
        await _aclose_iterator(self._rest)
        await self._stream.aclose()

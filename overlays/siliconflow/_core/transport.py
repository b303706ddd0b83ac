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

`max_retries` can be overridden per request with `request.extensions["siliconflow.max_retries"]`,
and a `Deadline` for the whole call travels in `request.extensions["siliconflow.deadline"]` (a
request without one gets the transport's `deadline=` seconds, if any: the client sets it for the plain
generated calls on `client.api`, up to the response only, never across a stream's body): each
attempt's timeouts are cut to the time left, a wait that would end after it is not started (the
last error is raised at once), and a body still arriving when it passes fails as a timeout.

Bodies are counted after decoding (gzip inflated), as they come out of the decoder (`bodies.py`): a
non-stream 2xx body larger than `max_response_size` (default 64 MiB) raises
`ResponseTooLargeError`; an error body is read up to `max_error_body` decoded bytes (default
1 MiB): the message needs the start, and a hostile or broken server must not make the client read
hundreds of megabytes. The response handed over carries the decoded body, without
`Content-Encoding`.
Retries are logged at INFO on the "siliconflow" logger (method, URL, reason, delay, attempt),
never with headers.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncGenerator, AsyncIterator, Generator, Iterable, Iterator

import anyio
import httpx

from .bodies import (
    DEFAULT_MAX_RESPONSE_SIZE,
    AsyncSlicedStream,
    SlicedStream,
    check_max_response_size,
    decoded_headers,
    decoding_failed,
    too_large,
    undecodable_encoding,
    unsupported_error,
)
from .error_bodies import connection_error, status_error
from .errors import ClientClosedError, StreamInterruptedError
from .interrupt import OPENING, Interrupt
from .media_types import EVENT_STREAM, media_type
from .redact import public_url
from .retries import MAX_RETRIES_EXTENSION, RetryPolicy, check_max_retries
from .telemetry import note_retry, propagate_context
from .timeouts import DEADLINE_EXTENSION, Deadline, check_deadline

__all__ = ["DEFAULT_MAX_ERROR_BODY", "AsyncRetryTransport", "RetryTransport"]

logger = logging.getLogger("siliconflow")

_DEADLINE_SLACK = 0.05  # seconds
# A request with this extension set gets its 2xx body unread, for the caller to stream (to a file).
STREAM_BODY_EXTENSION = "siliconflow.stream_body"
DEFAULT_MAX_ERROR_BODY = 1 << 20  # bytes of an error body read for its message; SiliconFlow's are < 1 KiB


def _check_max_error_body(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"max_error_body must be a number of bytes >= 1, got {value!r}")
    return value


class RetryTransport(httpx.BaseTransport):
    """Wrap a transport (default `httpx.HTTPTransport()`) with retries and typed errors."""

    def __init__(
        self,
        transport: httpx.BaseTransport | None = None,
        *,
        policy: RetryPolicy | None = None,
        max_error_body: int = DEFAULT_MAX_ERROR_BODY,
        deadline: float | None = None,
        max_response_size: int = DEFAULT_MAX_RESPONSE_SIZE,
    ) -> None:
        self._transport = transport if transport is not None else httpx.HTTPTransport()
        self.policy = policy if policy is not None else RetryPolicy()
        self.max_error_body = _check_max_error_body(max_error_body)
        self.max_response_size = check_max_response_size(max_response_size)
        self.deadline = check_deadline(deadline)
        self.closed = False  # set by close(): every request from then on raises ClientClosedError

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.closed:
            raise ClientClosedError
        propagate_context(request)  # telemetry.py: the active trace context as `traceparent`
        attempts = _Attempts(self.policy, request, self.deadline)
        while True:
            _check_interrupt(OPENING.get())
            attempts.start()
            try:
                response = self._transport.handle_request(request)
                if response.is_success:
                    return _hand_over(request, response, attempts.deadline, self.max_response_size)
                failed = _read_failed(request, response, self.max_error_body, attempts.deadline)
                delay = attempts.after_status(failed)
            except httpx.TransportError as exc:
                delay = attempts.after_error(exc)
            time.sleep(delay)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Reached only when this sync transport was given to an httpx.AsyncClient."""
        raise TypeError(
            "RetryTransport is synchronous: use AsyncRetryTransport (or AsyncSiliconFlow) with async code"
        )

    def close(self) -> None:
        self.closed = True
        self._transport.close()

    async def aclose(self) -> None:
        """Closing from an httpx.AsyncClient that was (wrongly) given this transport."""
        self._transport.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """Wrap an async transport (default `httpx.AsyncHTTPTransport()`) with retries and typed errors."""

    def __init__(
        self,
        transport: httpx.AsyncBaseTransport | None = None,
        *,
        policy: RetryPolicy | None = None,
        max_error_body: int = DEFAULT_MAX_ERROR_BODY,
        deadline: float | None = None,
        max_response_size: int = DEFAULT_MAX_RESPONSE_SIZE,
    ) -> None:
        self._transport = transport if transport is not None else httpx.AsyncHTTPTransport()
        self.policy = policy if policy is not None else RetryPolicy()
        self.max_error_body = _check_max_error_body(max_error_body)
        self.max_response_size = check_max_response_size(max_response_size)
        self.deadline = check_deadline(deadline)
        self.closed = False

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send the request through the inner transport, retrying by the policy within the deadline."""
        if self.closed:
            raise ClientClosedError
        propagate_context(request)  # telemetry.py: the active trace context as `traceparent`
        attempts = _Attempts(self.policy, request, self.deadline)
        while True:
            attempts.start()
            try:
                response = await self._transport.handle_async_request(request)
                if response.is_success:
                    return await _ahand_over(request, response, attempts.deadline, self.max_response_size)
                failed = await _aread_failed(request, response, self.max_error_body, attempts.deadline)
                delay = attempts.after_status(failed)
            except httpx.TransportError as exc:
                delay = attempts.after_error(exc)
            await anyio.sleep(delay)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Reached only when this async transport was given to a sync httpx.Client."""
        raise TypeError(
            "AsyncRetryTransport is asynchronous: use RetryTransport (or SiliconFlow) with sync code"
        )

    async def aclose(self) -> None:
        """Close the inner transport: the pool of one event loop (the client may open another)."""
        await self._transport.aclose()

    async def aclose_for_good(self) -> None:
        """The client was closed: every request from now on raises `ClientClosedError`.

        Not `aclose()`, which httpx calls when the pool of an event loop ends (the client may go on
        under another loop); and the httpx client is left open, so that a request through it (the
        generated `client.api` included) reaches this transport and gets the typed error, not
        httpx's RuntimeError.
        """
        if not self.closed:
            self.closed = True
            await self._transport.aclose()

    def close(self) -> None:
        """Closing from a sync httpx.Client that was (wrongly) given this transport: it sent nothing."""


class _Attempts:
    """The retry bookkeeping of one request, shared by both transports (only the sleeping differs)."""

    __slots__ = ("attempt", "deadline", "max_retries", "policy", "request", "timeouts")

    def __init__(self, policy: RetryPolicy, request: httpx.Request, default_deadline: float | None) -> None:
        self.policy = policy
        self.request = request
        self.attempt = 0
        override = request.extensions.get(MAX_RETRIES_EXTENSION)
        self.max_retries = policy.max_retries if override is None else check_max_retries(override)
        if DEADLINE_EXTENSION in request.extensions:  # the client's calls say, None included
            deadline = request.extensions[DEADLINE_EXTENSION]
        else:  # a plain generated call, or another httpx client using this transport
            deadline = None if default_deadline is None else Deadline.after(default_deadline)
        self.deadline: Deadline | None = deadline if isinstance(deadline, Deadline) else None
        self.timeouts: dict[str, float | None] = dict(request.extensions.get("timeout") or {})

    def start(self) -> None:
        """Before an attempt: cut its timeouts to what is left of the deadline, if there is one."""
        if self.deadline is None:
            return
        left = self.deadline.remaining()
        if left <= 0:  # only reachable through a wait that ended late
            raise connection_error(
                httpx.TimeoutException(self.deadline.describe()), self.request, self.attempt
            )
        self.request.extensions["timeout"] = {
            phase: left if limit is None else min(limit, left)
            for phase, limit in (self.timeouts or dict.fromkeys(("connect", "read", "write", "pool"))).items()
        }

    def after_status(self, response: httpx.Response) -> float:
        """The wait before the next attempt, or raise the response's typed error."""
        self.attempt += 1
        delay = self.policy.decide(
            self.attempt, status=response.status_code, headers=response.headers, max_retries=self.max_retries
        )
        if delay is None or self._past_deadline(delay):
            raise status_error(response)
        self._log(f"HTTP {response.status_code}", delay)
        return delay

    def after_error(self, error: httpx.TransportError) -> float:
        """The wait before the next attempt, or raise the typed connection error."""
        self.attempt += 1
        delay = self.policy.decide(self.attempt, error=error, max_retries=self.max_retries)
        if delay is None or self._past_deadline(delay):
            note = ""
            # A timeout cut to the deadline fires at it, give or take the clock's resolution.
            if self.deadline is not None and self.deadline.remaining() < _DEADLINE_SLACK:
                note = f" ({self.deadline.describe()})"
            raise connection_error(error, self.request, self.attempt, note=note) from error
        self._log(type(error).__name__, delay)
        return delay

    def _past_deadline(self, delay: float) -> bool:
        """A retry after `delay` would start too late to be worth making."""
        return self.deadline is not None and self.deadline.remaining() <= delay

    def _log(self, reason: str, delay: float) -> None:
        note_retry(self.request, reason, delay, self.attempt)  # a span event, when the call has a span
        logger.info(
            "Retrying %s %s in %.2f s after %s (retry %d of %d)",
            self.request.method,
            public_url(self.request.url),
            delay,
            reason,
            self.attempt,
            self.max_retries,
        )


def rebuild(
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


def _error_response(
    request: httpx.Request, response: httpx.Response, raw: bytes, limit: int
) -> httpx.Response:
    """A read response carrying the error body: `raw` decoded up to `limit` bytes, else `raw` itself."""
    headers = response.headers.copy()
    body = raw
    if headers.get("content-encoding") and undecodable_encoding(headers) is None:
        try:
            body = _read_body(
                _decoding(request, response, httpx.ByteStream(raw)).iter_bytes(), _Body(limit, cut=True), None
            )
        except httpx.DecodingError:  # a broken gzip error page: its raw start
            body = raw
        else:
            headers = decoded_headers(response, len(body))
    if "content-encoding" in headers:
        del headers["content-encoding"]
    return httpx.Response(response.status_code, headers=headers, content=body, request=request)


def _bounded(request: httpx.Request, response: httpx.Response, body: bytes) -> httpx.Response:
    """The 2xx response handed over: its decoded body, and headers that say so."""
    if _identity(response):
        return rebuild(request, response, httpx.ByteStream(body))
    return rebuild(
        request, _with_headers(response, decoded_headers(response, len(body))), httpx.ByteStream(body)
    )


def _identity(response: httpx.Response) -> bool:
    """No content coding: the raw bytes are the body (the common case, read without httpx's decoders)."""
    return not response.headers.get("content-encoding")


def _with_headers(response: httpx.Response, headers: httpx.Headers) -> httpx.Response:
    return httpx.Response(response.status_code, headers=headers, extensions=response.extensions)


def _decoding(
    request: httpx.Request, response: httpx.Response, stream: httpx.SyncByteStream
) -> httpx.Response:
    """A response whose `iter_bytes()` decodes `stream` a slice at a time."""
    return rebuild(request, response, SlicedStream(stream))


def _adecoding(
    request: httpx.Request, response: httpx.Response, stream: httpx.AsyncByteStream
) -> httpx.Response:
    return rebuild(request, response, AsyncSlicedStream(aiter(stream)))


class _Oversize(Exception):  # an internal signal, never escapes this module
    pass


class _Body:
    """Decoded bytes gathered up to a limit: cut there (error bodies) or refused (answers)."""

    __slots__ = ("buffer", "cut", "limit")

    def __init__(self, limit: int, *, cut: bool) -> None:
        self.buffer = bytearray()
        self.limit = limit
        self.cut = cut

    def add(self, part: bytes) -> bool:
        """Keep `part`; True when the limit is reached and reading must stop."""
        self.buffer += part
        if len(self.buffer) <= self.limit:
            return False
        if not self.cut:
            raise _Oversize
        del self.buffer[self.limit :]
        return True


# ---- sync hand-over -------------------------------------------------------------------------------


def _hand_over(
    request: httpx.Request, response: httpx.Response, deadline: Deadline | None, limit: int
) -> httpx.Response:
    stream = response.stream
    assert isinstance(stream, httpx.SyncByteStream)  # httpx.Client guarantees it for sync transports
    encoding = undecodable_encoding(response.headers)
    if encoding is not None:
        stream.close()
        raise unsupported_error(request, response, encoding)
    if request.extensions.get(STREAM_BODY_EXTENSION):  # read by the caller, a chunk at a time
        return response
    if media_type(response) == EVENT_STREAM:
        # Compressed: sliced, so that one decoder step stays small (the SSE decoder caps events).
        chunks = iter(SlicedStream(stream)) if response.headers.get("content-encoding") else iter(stream)
        interrupt = OPENING.get()
        if interrupt is not None:
            interrupt.watch(response)
        try:
            first = _first_chunk(chunks)
            _check_interrupt(interrupt)
        except BaseException as exc:
            stream.close()
            if interrupt is not None and interrupt.fired:  # closed by another thread: no retry
                raise _closed_while_opening() from exc
            raise
        return rebuild(request, response, _ReplayStream(first, chunks, stream))
    try:
        parts = stream if _identity(response) else _decoding(request, response, stream).iter_bytes()
        body = _read_body(parts, _Body(limit, cut=False), deadline)
    except _Oversize:
        raise too_large(request, response, limit) from None
    except httpx.DecodingError as exc:
        raise decoding_failed(request, response, exc) from None
    finally:
        stream.close()
    return _bounded(request, response, body)


def _read_failed(
    request: httpx.Request, response: httpx.Response, limit: int, deadline: Deadline | None
) -> httpx.Response:
    stream = response.stream
    assert isinstance(stream, httpx.SyncByteStream)
    try:
        raw = _read_body(stream, _Body(limit, cut=True), deadline)
    finally:
        stream.close()
    return _error_response(request, response, raw, limit)


def _read_body(parts: Iterable[bytes], body: _Body, deadline: Deadline | None) -> bytes:
    """The body made of `parts`, up to `body.limit`; a deadline that passes while it arrives is a read
    timeout."""
    for part in parts:
        if body.add(part):
            break
        _check_deadline(deadline)
    return bytes(body.buffer)


def _check_interrupt(interrupt: Interrupt | None) -> None:
    if interrupt is not None and interrupt.fired:
        raise _closed_while_opening()


def _closed_while_opening() -> StreamInterruptedError:
    return StreamInterruptedError("The stream was closed by another thread before its first event")


def _check_deadline(deadline: Deadline | None) -> None:
    if deadline is not None and deadline.passed():
        raise httpx.ReadTimeout(deadline.describe())


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


async def _ahand_over(
    request: httpx.Request, response: httpx.Response, deadline: Deadline | None, limit: int
) -> httpx.Response:
    stream = response.stream
    assert isinstance(stream, httpx.AsyncByteStream)  # httpx.AsyncClient guarantees it
    encoding = undecodable_encoding(response.headers)
    if encoding is not None:
        await stream.aclose()
        raise unsupported_error(request, response, encoding)
    if request.extensions.get(STREAM_BODY_EXTENSION):
        return response
    if media_type(response) == EVENT_STREAM:
        chunks = (
            aiter(AsyncSlicedStream(aiter(stream)))
            if response.headers.get("content-encoding")
            else aiter(stream)
        )
        try:
            first = await _afirst_chunk(chunks)
        except BaseException:
            await _aclose_iterator(chunks)
            await stream.aclose()
            raise
        return rebuild(request, response, _AsyncReplayStream(first, chunks, stream))
    try:
        parts = aiter(stream) if _identity(response) else _adecoding(request, response, stream).aiter_bytes()
        body = await _aread_body(parts, _Body(limit, cut=False), deadline)
    except _Oversize:
        raise too_large(request, response, limit) from None
    except httpx.DecodingError as exc:
        raise decoding_failed(request, response, exc) from None
    finally:
        await stream.aclose()
    return _bounded(request, response, body)


async def _aread_failed(
    request: httpx.Request, response: httpx.Response, limit: int, deadline: Deadline | None
) -> httpx.Response:
    stream = response.stream
    assert isinstance(stream, httpx.AsyncByteStream)
    try:
        raw = await _aread_body(aiter(stream), _Body(limit, cut=True), deadline)
    finally:
        await stream.aclose()
    return _error_response(request, response, raw, limit)


async def _aread_body(chunks: AsyncIterator[bytes], body: _Body, deadline: Deadline | None) -> bytes:
    """The async twin of `_read_body`."""
    try:
        async for part in chunks:
            if body.add(part):
                break
            _check_deadline(deadline)
    finally:
        await _aclose_iterator(chunks)
    return bytes(body.buffer)


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

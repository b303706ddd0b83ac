"""Streamed chat completions: iterate `ChatCompletionChunk`s, keep a snapshot, never lose output.

```python
with client.stream(request) as stream:          # async: async with ... / async for ...
    for chunk in stream:
        ...                                      # generated ChatCompletionChunk models
completion = stream.get_final_completion()       # the ChatCompletion a non-stream call returns
```

Both twins drive one sans-IO core (`_StreamCore`: SSE events -> chunks -> accumulator -> errors);
only the loops that read the network are written twice. With `accumulate=True` (the default) every
chunk is merged as it arrives, so a failure raises a `StreamError` whose `.partial` is everything
received; `snapshot()` shows the same at any moment. `accumulate=False` keeps nothing: memory stays
flat however long the stream, and `.partial` is None.

The connection is closed on leaving the `with` block, including after an early `break`.

Time limits, checked as the bytes arrive (see `timeouts.py`): the read timeout bounds the time
between two complete data events, so comments and partial lines do not keep a stream alive; a
`deadline` bounds the whole call. Both raise `StreamTimeoutError` with the partial output. For the
sync twin a timer enforces the deadline even while a read blocks, and `close()` from another thread
unblocks the reading thread, which raises `StreamInterruptedError`: both shut the socket down under
the blocked read.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Generator, Iterator
from types import TracebackType
from typing import Any, Self

import anyio
import httpx
from siliconflow_api.models.chat_completion import ChatCompletion
from siliconflow_api.models.chat_completion_chunk import ChatCompletionChunk

from .._core.error_bodies import parse_error_body
from .._core.errors import (
    TRACE_ID_HEADER,
    APIConnectionError,
    IncompleteStreamError,
    MalformedChunkError,
    StreamAPIError,
    StreamError,
    StreamInterruptedError,
    StreamTimeoutError,
)
from .._core.interrupt import OPENING, Interrupt
from .._core.redact import preview, redact, secret_of
from .._core.telemetry import NO_CALL, CallTelemetry
from .._core.timeouts import Deadline
from .accumulate import ChatCompletionAccumulator
from .chunks import DONE, parse_event
from .sse import DEFAULT_MAX_EVENT_SIZE, EVENT_STREAM, EventDecoder, media_type

__all__ = ["AsyncChatCompletionStream", "ChatCompletionStream"]

_NOT_OPEN = "the stream is not open: use `with client.stream(request) as stream:`"
_PREVIEW_CHARS = 200


def _is_error_payload(body: object) -> bool:
    """`{"error": ...}`, `{"code"/"message": ...}` without choices, or a bare JSON string."""
    if isinstance(body, str):
        return True
    if not isinstance(body, dict):
        return False
    return bool(body.get("error")) or ("choices" not in body and ("code" in body or "message" in body))


class StreamLimits:
    """The limits of one stream: event gap (the read timeout), whole-call deadline, event size."""

    __slots__ = ("deadline_seconds", "max_event_size", "read_timeout")

    def __init__(
        self,
        read_timeout: float | None = None,
        deadline_seconds: float | None = None,
        max_event_size: int = DEFAULT_MAX_EVENT_SIZE,
    ) -> None:
        self.read_timeout = read_timeout
        self.deadline_seconds = deadline_seconds
        self.max_event_size = max_event_size


class _StreamCore:
    """Everything both twins share: decoding, parsing, accumulating, and the errors they raise.

    A read may complete several events. They are parsed at once, but a chunk is accumulated only
    when it is handed to the caller, so `snapshot()` always matches the chunks seen so far; a bad
    event is raised after the good ones before it have been handed over.
    """

    __slots__ = (
        "accumulator",
        "bad_event",
        "deadline",
        "decoder",
        "done",
        "failure",
        "finished",
        "last_event",
        "read_timeout",
        "response",
        "stopped_by",
        "timed",
    )

    def __init__(
        self, response: httpx.Response, accumulate: bool, limits: StreamLimits, deadline: Deadline | None
    ) -> None:
        self.response = response
        self.decoder = EventDecoder(limits.max_event_size)
        self.accumulator = ChatCompletionAccumulator() if accumulate else None
        self.bad_event: StreamError | None = None  # found by feed(), raised by end_of_read()
        self.done = False  # `[DONE]` arrived
        self.finished = False  # ... and every chunk before it was handed over
        self.failure: StreamError | None = None  # the error the stream failed with, raised again later
        self.read_timeout = limits.read_timeout
        self.deadline = deadline
        self.timed = limits.read_timeout is not None or deadline is not None
        self.last_event = time.monotonic()
        self.stopped_by: StreamError | None = None  # set by close() from another thread, or the deadline

    def check_content_type(self) -> None:
        """Raise when the (read) response is not an event stream: its error, if it is one."""
        received = media_type(self.response)
        # A missing header is tolerated (some proxies drop it); a different media type is not SSE.
        if not received or received == EVENT_STREAM:
            return
        content = self.response.content
        details = parse_error_body(content)
        if received.endswith("json") and details.message and _is_error_payload(details.body):
            # An error sent as a whole JSON body with status 200 (gateways do): keep its message.
            raise self.failed(StreamAPIError(details.message, code=details.code, body=details.body))
        shown = preview(content.decode("utf-8", errors="replace"), _PREVIEW_CHARS)
        raise self.failed(
            MalformedChunkError(f"Expected an event stream ({EVENT_STREAM}), got {received!r}: {shown!r}")
        )

    def feed(self, data: bytes) -> list[ChatCompletionChunk]:
        """The chunks completed by `data`, up to `[DONE]` or a bad event."""
        chunks: list[ChatCompletionChunk] = []
        if self.stopped_by is not None:
            self.bad_event = self.stopped_by
            return chunks
        try:
            for event in self.decoder.feed_data(data):
                chunk = parse_event(event)
                if chunk is DONE:
                    self.done = True
                    break
                chunks.append(chunk)
        except StreamError as exc:
            self.bad_event = exc
        if self.decoder.error is not None and self.bad_event is None:
            self.bad_event = self.decoder.error
        if self.timed and self.bad_event is None:
            self.check_time(bool(chunks) or self.done)
        return chunks

    def check_time(self, got_event: bool) -> None:
        now = time.monotonic()
        if got_event:
            self.last_event = now
        elif self.read_timeout is not None and now - self.last_event > self.read_timeout:
            self.bad_event = StreamTimeoutError(
                f"No complete event for {now - self.last_event:.1f} s (read timeout {self.read_timeout:g} s)"
            )
        if self.deadline is not None and now >= self.deadline.at:
            self.bad_event = self.deadline_error()

    def deadline_error(self) -> StreamTimeoutError:
        assert self.deadline is not None
        return StreamTimeoutError(f"The stream was stopped: {self.deadline.describe()}")

    def accept(self, chunk: ChatCompletionChunk) -> None:
        """Accumulate a chunk that is about to be handed over."""
        if self.accumulator is not None:
            try:
                self.accumulator.add(chunk)
            except StreamError as exc:
                raise self.failed(exc) from None

    def end_of_read(self) -> bool:
        """After the chunks of one read were handed over: raise a bad event; True at `[DONE]`."""
        if self.bad_event is not None:
            raise self.failed(self.bad_event)
        return self.done

    def end_of_body(self) -> None:
        """The body ended before `[DONE]` was seen in an event closed by a blank line."""
        if self.stopped_by is not None:
            raise self.failed(self.stopped_by)
        event = self.decoder.flush()
        if self.decoder.error is not None:
            raise self.failed(self.decoder.error)
        if event is None or event.data.strip() != "[DONE]":
            raise self.failed(IncompleteStreamError("The stream ended before `data: [DONE]`"))
        self.done = True

    def interrupted(self, error: Exception) -> StreamError:
        if self.stopped_by is not None:  # the read failed because close() or the deadline shut it
            return self.failed(self.stopped_by)
        detail = redact(str(error), secret_of(self.response.request)) or type(error).__name__
        message = f"The stream broke off: {type(error).__name__}: {detail}"
        if isinstance(error, httpx.TimeoutException):
            return self.failed(StreamTimeoutError(message))
        return self.failed(StreamInterruptedError(message))

    def stop(self, reason: StreamError) -> None:
        """From another thread: make the reading thread fail with `reason`, unblocking its read."""
        if self.stopped_by is not None or self.finished:
            return
        self.stopped_by = reason
        network = self.response.extensions.get("network_stream")
        sock = network.get_extra_info("socket") if network is not None else None
        if isinstance(sock, socket.socket):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)  # a blocked recv() returns at once

    def failed(self, error: StreamError) -> StreamError:
        """`error` with the partial output and the response attached, and no secret in its message."""
        error.partial = self.snapshot()
        error.response = self.response
        secret = secret_of(self.response.request)
        if secret and secret in str(error):
            error.args = (redact(str(error), secret),)
            error.message = redact(error.message, secret)
        self.failure = error
        return error

    def snapshot(self) -> ChatCompletion | None:
        return None if self.accumulator is None else self.accumulator.snapshot()

    def final(self) -> ChatCompletion:
        if self.failure is not None:
            raise self.failure
        if self.accumulator is None:
            raise RuntimeError("get_final_completion() needs accumulate=True")
        if not self.finished:
            raise RuntimeError("the stream was closed before it finished; snapshot() has what arrived")
        completion = self.accumulator.snapshot()
        if completion is None:
            raise self.failed(IncompleteStreamError("The stream ended without any chunk"))
        return completion


class _StreamBase:
    """The state and accessors both twins share."""

    def __init__(self, accumulate: bool, telemetry: CallTelemetry | Any) -> None:
        self._accumulate = accumulate
        self._telemetry = telemetry  # the call's span, touched at the first bytes and at the end
        self._core: _StreamCore | None = None
        self._closed = False
        self._entered = False

    @property
    def response(self) -> httpx.Response:
        """The HTTP response (status, headers) of the open stream."""
        return self._open_core().response

    @property
    def trace_id(self) -> str | None:
        """SiliconFlow's `x-siliconcloud-trace-id` for this request: quote it to support."""
        trace_id: str | None = self.response.headers.get(TRACE_ID_HEADER)
        return trace_id

    def snapshot(self) -> ChatCompletion | None:
        """The completion accumulated so far (a new object), or None before the first chunk."""
        if not self._accumulate:
            raise RuntimeError("snapshot() needs accumulate=True")
        return None if self._core is None else self._core.snapshot()

    def _open_core(self) -> _StreamCore:
        if self._core is None:
            raise RuntimeError(_NOT_OPEN)
        return self._core


class ChatCompletionStream(_StreamBase):
    """A streamed chat completion (sync). Obtain it from `SiliconFlow.stream()`; use it with `with`.

    `send(deadline)` sends the request (with the call's `Deadline`, or None) and returns the
    response, unread.
    """

    def __init__(
        self,
        send: Callable[[Deadline | None], httpx.Response],
        *,
        accumulate: bool = True,
        limits: StreamLimits | None = None,
        telemetry: CallTelemetry | Any = NO_CALL,
    ) -> None:
        super().__init__(accumulate, telemetry)
        self._send = send
        self._limits = limits or StreamLimits()
        self._chunks: Generator[ChatCompletionChunk] | None = None
        self._timer: threading.Timer | None = None
        self._opening = Interrupt()

    def __enter__(self) -> Self:
        # Opened at the call (`create(stream=True)`): the first `with` only closes it on leaving.
        if self._entered or (self._core is None and self._closed):
            raise RuntimeError("a stream can be entered only once")
        self._entered = True
        return self if self._core is not None else self.open()

    def open(self) -> Self:
        """Send the request and check the answer's status and type (what `with` does first)."""
        if self._core is not None or self._closed:
            raise RuntimeError("a stream can be opened only once")
        seconds = self._limits.deadline_seconds
        deadline = None if seconds is None else Deadline.after(seconds)
        # close() from another thread while the transport waits for the first bytes (interrupt.py).
        opening = OPENING.set(self._opening)
        try:
            response = self._send(deadline)
        finally:
            OPENING.reset(opening)
        core = self._core = _StreamCore(response, self._accumulate, self._limits, deadline)
        try:
            if media_type(response) not in ("", EVENT_STREAM):
                response.read()  # in memory already (the transport read it): for the error and .text
            core.check_content_type()
        except BaseException as exc:
            response.close()
            self._telemetry.end(error=exc, response=response)
            raise
        self._telemetry.first_chunk(
            response
        )  # the transport hands the stream over once its first bytes arrived
        if deadline is not None:
            # A read blocked on a silent server would outlive the deadline: the timer unblocks it.
            self._timer = threading.Timer(max(0.0, deadline.remaining()), core.stop, (core.deadline_error(),))
            self._timer.daemon = True
            self._timer.start()
        self._chunks = self._iterate(core)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __iter__(self) -> Iterator[ChatCompletionChunk]:
        # The generator itself: a `for` loop then pays no extra __next__ call per chunk.
        if self._chunks is None:
            raise RuntimeError(_NOT_OPEN)
        return self._chunks

    def __next__(self) -> ChatCompletionChunk:
        if self._chunks is None:
            raise RuntimeError(_NOT_OPEN)
        return next(self._chunks)

    def get_final_completion(self) -> ChatCompletion:
        """Read the rest of the stream and return the whole completion."""
        if self._chunks is not None and not self._closed:
            for _ in self._chunks:
                pass
        return self._open_core().final()

    def close(self) -> None:
        """Close the connection (idempotent). Iterating afterwards ends at once.

        Called from another thread while one is reading, it unblocks that thread, which raises
        `StreamInterruptedError` with what arrived (and closes the connection when it leaves `with`).
        """
        self._closed = True
        core = self._core
        if core is None:
            self._opening.fire()  # a thread may be in __enter__, waiting for the first bytes
            return
        if self._timer is not None:
            self._timer.cancel()
        if self._chunks is not None:
            try:
                self._chunks.close()
            except ValueError:  # "generator already executing": another thread is in a read
                core.stop(StreamInterruptedError("The stream was closed by another thread"))
                return
        self._telemetry.stream_closed(core.snapshot, core.failure, core.finished)
        core.response.close()

    @staticmethod
    def _iterate(core: _StreamCore) -> Generator[ChatCompletionChunk]:
        accept = core.accept if core.accumulator is not None else None
        try:
            for data in core.response.iter_bytes():
                for chunk in core.feed(data):
                    if accept is not None:
                        accept(chunk)
                    yield chunk
                if core.end_of_read():
                    break
            else:
                core.end_of_body()
        except (httpx.RequestError, APIConnectionError) as exc:
            raise core.interrupted(exc) from exc
        core.finished = True
        core.response.close()  # iterated without `with` (create(stream=True)): free the connection


class AsyncChatCompletionStream(_StreamBase):
    """The async twin of `ChatCompletionStream`: `async with` and `async for`."""

    def __init__(
        self,
        send: Callable[[Deadline | None], Awaitable[httpx.Response]],
        *,
        accumulate: bool = True,
        limits: StreamLimits | None = None,
        telemetry: CallTelemetry | Any = NO_CALL,
    ) -> None:
        super().__init__(accumulate, telemetry)
        self._send = send
        self._limits = limits or StreamLimits()
        self._chunks: AsyncGenerator[ChatCompletionChunk] | None = None

    async def __aenter__(self) -> Self:
        if self._entered or (self._core is None and self._closed):
            raise RuntimeError("a stream can be entered only once")
        self._entered = True
        return self if self._core is not None else await self.open()

    async def open(self) -> Self:
        """Send the request and check the answer's status and type (what `async with` does first)."""
        if self._core is not None or self._closed:
            raise RuntimeError("a stream can be opened only once")
        seconds = self._limits.deadline_seconds
        deadline = None if seconds is None else Deadline.after(seconds)
        response = await self._send(deadline)
        core = self._core = _StreamCore(response, self._accumulate, self._limits, deadline)
        try:
            if media_type(response) not in ("", EVENT_STREAM):
                await response.aread()
            core.check_content_type()
        except BaseException as exc:
            await response.aclose()
            self._telemetry.end(error=exc, response=response)
            raise
        self._telemetry.first_chunk(
            response
        )  # the transport hands the stream over once its first bytes arrived
        self._chunks = self._iterate(core)
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    def __aiter__(self) -> AsyncIterator[ChatCompletionChunk]:
        # The generator itself: an `async for` then pays no extra __anext__ call per chunk.
        if self._chunks is None:
            raise RuntimeError(_NOT_OPEN)
        return self._chunks

    async def __anext__(self) -> ChatCompletionChunk:
        if self._chunks is None:
            raise RuntimeError(_NOT_OPEN)
        return await anext(self._chunks)

    async def get_final_completion(self) -> ChatCompletion:
        """Read the rest of the stream and return the whole completion."""
        if self._chunks is not None and not self._closed:
            async for _ in self._chunks:
                pass
        return self._open_core().final()

    async def aclose(self) -> None:
        """Close the connection (idempotent). Iterating afterwards ends at once."""
        if self._closed or self._core is None:
            self._closed = True
            return
        self._closed = True
        if self._chunks is not None:
            await self._chunks.aclose()
        core = self._core
        self._telemetry.stream_closed(core.snapshot, core.failure, core.finished)
        await core.response.aclose()

    @staticmethod
    async def _iterate(core: _StreamCore) -> AsyncGenerator[ChatCompletionChunk]:
        accept = core.accept if core.accumulator is not None else None
        reads = core.response.aiter_bytes()
        if core.deadline is not None:
            reads = _before(core.deadline, reads)
        try:
            async for data in reads:
                for chunk in core.feed(data):
                    if accept is not None:
                        accept(chunk)
                    yield chunk
                if core.end_of_read():
                    break
            else:
                core.end_of_body()
        except (httpx.RequestError, APIConnectionError) as exc:
            raise core.interrupted(exc) from exc
        except TimeoutError as exc:  # from _before()
            raise core.failed(core.deadline_error()) from exc
        finally:
            # Close httpx's generator now, inside the loop, not whenever the GC finds it.
            if isinstance(reads, AsyncGenerator):
                await reads.aclose()
        core.finished = True
        await core.response.aclose()  # iterated without `async with`: free the connection


async def _before(deadline: Deadline, reads: AsyncIterator[bytes]) -> AsyncGenerator[bytes]:
    """`reads`, each one cancelled when the deadline passes (TimeoutError): a silent server too."""
    try:
        while True:
            with anyio.fail_after(max(0.0, deadline.remaining())):
                try:
                    data = await anext(reads)
                except StopAsyncIteration:
                    return
            yield data
    finally:
        if isinstance(reads, AsyncGenerator):
            await reads.aclose()

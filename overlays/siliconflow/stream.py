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
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Generator, Iterator
from types import TracebackType
from typing import Self, cast

import httpx
from siliconflow_api.models.chat_completion import ChatCompletion
from siliconflow_api.models.chat_completion_chunk import ChatCompletionChunk

from .accumulate import ChatCompletionAccumulator
from .chunks import DONE, parse_event
from .errors import (
    TRACE_ID_HEADER,
    APIConnectionError,
    IncompleteStreamError,
    MalformedChunkError,
    StreamError,
    StreamInterruptedError,
    redact,
    secret_of,
)
from .sse import EVENT_STREAM, EventDecoder, media_type

__all__ = ["AsyncChatCompletionStream", "ChatCompletionStream"]

_NOT_OPEN = "the stream is not open: use `with client.stream(request) as stream:`"


class _StreamCore:
    """Everything both twins share: decoding, parsing, accumulating, and the errors they raise.

    A read may complete several events. They are parsed at once, but a chunk is accumulated only
    when it is handed to the caller, so `snapshot()` always matches the chunks seen so far; a bad
    event is raised after the good ones before it have been handed over.
    """

    __slots__ = ("accumulator", "bad_event", "decoder", "done", "failure", "finished", "response")

    def __init__(self, response: httpx.Response, accumulate: bool) -> None:
        self.response = response
        self.decoder = EventDecoder()
        self.accumulator = ChatCompletionAccumulator() if accumulate else None
        self.bad_event: StreamError | None = None  # found by feed(), raised by end_of_read()
        self.done = False  # `[DONE]` arrived
        self.finished = False  # ... and every chunk before it was handed over
        self.failure: StreamError | None = None  # the error the stream failed with, raised again later

    def check_content_type(self) -> None:
        received = media_type(self.response)
        # A missing header is tolerated (some proxies drop it); a different media type is not SSE.
        if received and received != EVENT_STREAM:
            raise self.failed(
                MalformedChunkError(f"Expected an event stream ({EVENT_STREAM}), got {received!r}")
            )

    def feed(self, text: str) -> list[ChatCompletionChunk]:
        """The chunks completed by `text`, up to `[DONE]` or a bad event."""
        chunks: list[ChatCompletionChunk] = []
        try:
            for event in self.decoder.feed(text):
                chunk = parse_event(event)
                if chunk is DONE:
                    self.done = True
                    break
                chunks.append(chunk)
        except StreamError as exc:
            self.bad_event = exc
        return chunks

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
        event = self.decoder.flush()
        if event is None or event.data.strip() != "[DONE]":
            raise self.failed(IncompleteStreamError("The stream ended before `data: [DONE]`"))
        self.done = True

    def interrupted(self, error: Exception) -> StreamError:
        detail = redact(str(error), secret_of(self.response.request)) or type(error).__name__
        return self.failed(StreamInterruptedError(f"The stream broke off: {type(error).__name__}: {detail}"))

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

    def __init__(self, accumulate: bool) -> None:
        self._accumulate = accumulate
        self._core: _StreamCore | None = None
        self._closed = False

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
    """A streamed chat completion (sync). Obtain it from `SiliconFlow.stream()`; use it with `with`."""

    def __init__(self, send: Callable[[], httpx.Response], *, accumulate: bool = True) -> None:
        super().__init__(accumulate)
        self._send = send
        self._chunks: Generator[ChatCompletionChunk] | None = None

    def __enter__(self) -> Self:
        if self._core is not None or self._closed:
            raise RuntimeError("a stream can be entered only once")
        response = self._send()
        self._core = _StreamCore(response, self._accumulate)
        try:
            self._core.check_content_type()
        except BaseException:
            response.close()
            raise
        self._chunks = self._iterate(self._core)
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
        """Close the connection (idempotent). Iterating afterwards ends at once."""
        if self._closed or self._core is None:
            self._closed = True
            return
        self._closed = True
        if self._chunks is not None:
            self._chunks.close()
        self._core.response.close()

    @staticmethod
    def _iterate(core: _StreamCore) -> Generator[ChatCompletionChunk]:
        accept = core.accept if core.accumulator is not None else None
        try:
            for text in core.response.iter_text():
                for chunk in core.feed(text):
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


class AsyncChatCompletionStream(_StreamBase):
    """The async twin of `ChatCompletionStream`: `async with` and `async for`."""

    def __init__(self, send: Callable[[], Awaitable[httpx.Response]], *, accumulate: bool = True) -> None:
        super().__init__(accumulate)
        self._send = send
        self._chunks: AsyncGenerator[ChatCompletionChunk] | None = None

    async def __aenter__(self) -> Self:
        if self._core is not None or self._closed:
            raise RuntimeError("a stream can be entered only once")
        response = await self._send()
        self._core = _StreamCore(response, self._accumulate)
        try:
            self._core.check_content_type()
        except BaseException:
            await response.aclose()
            raise
        self._chunks = self._iterate(self._core)
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
        await self._core.response.aclose()

    @staticmethod
    async def _iterate(core: _StreamCore) -> AsyncGenerator[ChatCompletionChunk]:
        accept = core.accept if core.accumulator is not None else None
        texts = cast(AsyncGenerator[str], core.response.aiter_text())
        try:
            async for text in texts:
                for chunk in core.feed(text):
                    if accept is not None:
                        accept(chunk)
                    yield chunk
                if core.end_of_read():
                    break
            else:
                core.end_of_body()
        except (httpx.RequestError, APIConnectionError) as exc:
            raise core.interrupted(exc) from exc
        finally:
            # Close httpx's text generator now, inside the loop, not whenever the GC finds it.
            await texts.aclose()
        core.finished = True

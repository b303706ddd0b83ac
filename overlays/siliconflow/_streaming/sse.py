"""Server-Sent Events decoding: text pieces in, events with data out (sans-IO).

Built on httpx-sse's two decoders, `SSELineDecoder` (splits on CR, LF and CRLF only, carrying a
trailing CR and a partial line across pieces) and `SSEDecoder` (the WHATWG event algorithm:
multi-line `data`, comments, `event`, `id`, `retry`). We use the decoders rather than
`EventSource.iter_sse()` because the sync and async streams must drive one decoder from two loops,
and `EventSource` owns the loop. They live in httpx-sse's private `_decoders` module, so
pyproject.toml pins httpx-sse below 0.5.

Bytes become text in `stream.py`, always as UTF-8: the SSE standard fixes the encoding, so a
`charset=` parameter on the content type is ignored, a leading byte order mark is dropped, and
bytes that are not UTF-8 are an error, never replacement characters.

`max_size` caps what one event may hold, in characters: the text since the last completed event
(an event's lines, or one endless line). Without it a server could make the client buffer a line
of any size; with it the stream fails with a clear `MalformedChunkError` instead.
"""

from __future__ import annotations

from httpx_sse import ServerSentEvent
from httpx_sse._decoders import SSEDecoder, SSELineDecoder

from .._core.errors import MalformedChunkError
from .._core.media_types import EVENT_STREAM, media_type

__all__ = ["DEFAULT_MAX_EVENT_SIZE", "EVENT_STREAM", "EventDecoder", "ServerSentEvent", "media_type"]

# SiliconFlow's chunks are well under 10 KB; a 16 MiB event is far beyond any real one (a whole
# long answer in one chunk from a gateway would still fit), and small enough to bound memory.
DEFAULT_MAX_EVENT_SIZE = 16 * 1024 * 1024


def check_max_event_size(value: object) -> int:
    """`value` if it is a valid event size cap, else a clear ValueError."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"max_event_size must be a number of characters >= 1, got {value!r}")
    return value


class EventDecoder:
    """Feed text as it arrives; get back the completed events that carry data.

    Events with empty data (keep-alives made of `id:`/`retry:`/`event:` lines alone) are dropped
    here: they carry nothing to parse, and JSON-decoding "" is the classic crash of SSE clients.
    """

    __slots__ = ("_events", "_lines", "_max_size", "_size", "too_large")

    def __init__(self, max_size: int = DEFAULT_MAX_EVENT_SIZE) -> None:
        self._lines = SSELineDecoder()
        self._events = SSEDecoder()
        self._max_size = max_size
        self._size = 0  # characters fed since the last completed event (about: see below)
        self.too_large: MalformedChunkError | None = None  # set once max_size is passed

    def feed(self, text: str) -> list[ServerSentEvent]:
        """The events completed by `text` (a blank line ends an event).

        When more than `max_size` characters arrive without an event being completed, the events
        completed so far are still returned, and `too_large` holds the error to raise after them.
        """
        events: list[ServerSentEvent] = []
        decode = self._events.decode
        dispatched = False
        for line in self._lines.decode(text):
            event = decode(line)
            if event is not None:
                dispatched = True
                if event.data:
                    events.append(event)
        if dispatched:
            # What follows the last line break belongs to the next event. (Lines of that event
            # already complete in `text` are not counted: at most one read's worth is missed.)
            self._size = len(text) - 1 - max(text.rfind("\n"), text.rfind("\r"))
        else:
            self._size += len(text)
        if self._size > self._max_size:
            self.too_large = MalformedChunkError(
                f"An event is larger than max_event_size ({self._max_size:,} characters) and was not "
                "read further; pass max_event_size= to the client to allow more"
            )
            self._lines = SSELineDecoder()  # drop what was buffered
        return events

    def flush(self) -> ServerSentEvent | None:
        """At end of input: the event still pending because no blank line closed it, if any.

        The SSE standard discards such an event; the caller decides (a final `data: [DONE]` without
        its blank line is still a clean end). With CR-only line endings the last event is always
        pending here, since a final CR might have been the first half of a CRLF.
        """
        decode = self._events.decode
        pending = [decode(line) for line in self._lines.flush()]
        pending.append(decode(""))
        for event in pending:
            if event is not None and event.data:
                return event
        return None

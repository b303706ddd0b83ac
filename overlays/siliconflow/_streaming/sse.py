"""Server-Sent Events decoding: bytes in, events with data out (sans-IO).

Our own decoder, for speed and for a public API to build on (httpx-sse's decoders are private and
work on text lines). The common event of a chat stream, `data: {...}` followed by a blank line, takes
a bytes-level fast path: the buffered bytes are split on `\\n\\n` and a block that is one `data: `
line is the event's data. `feed_data` hands such data over as the bytes themselves (no text, no
event object: orjson decodes bytes and checks their UTF-8), which is what the chat stream reads.
Everything else follows the WHATWG rules
(https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation), in
`_Fields.line`: CR, LF and CRLF line endings (a CR at the end of a read may be half of a CRLF, so it
waits for the next read), multi-line `data`, comments, the `event`, `id` and `retry` fields, a
leading byte order mark.

The SSE standard fixes the encoding to UTF-8, so a `charset=` parameter on the content type is
ignored, and an event's text that is not UTF-8 is an error (`error`), never replacement characters.
Only the fields we keep are decoded: a comment's bytes are skipped unread.

`max_size` caps what one event may hold, in bytes: the bytes buffered since the last completed
event. Without it a server could make the client buffer a line of any size; with it the stream fails
with a clear `MalformedChunkError` instead. Blank lines complete (empty) events, so an endless run of
newlines buffers nothing.
"""

from __future__ import annotations

from typing import cast

from .._core.errors import MalformedChunkError
from .._core.media_types import EVENT_STREAM, media_type

__all__ = ["DEFAULT_MAX_EVENT_SIZE", "EVENT_STREAM", "EventDecoder", "ServerSentEvent", "media_type"]

# SiliconFlow's chunks are well under 10 KB; a 16 MiB event is far beyond any real one (a whole
# long answer in one chunk from a gateway would still fit), and small enough to bound memory.
DEFAULT_MAX_EVENT_SIZE = 16 * 1024 * 1024
_BOM = b"\xef\xbb\xbf"
_DATA = b"data: "
_BLANK = b"\n\n"


def not_utf8(exc: UnicodeDecodeError) -> MalformedChunkError:
    """The stream's error for event bytes that are not UTF-8 (the decoder's, or a reader's of raw data)."""
    return MalformedChunkError(
        f"The stream is not valid UTF-8: byte 0x{exc.object[exc.start]:02x} in an event"
    )


def check_max_event_size(value: object) -> int:
    """`value` if it is a valid event size cap, else a clear ValueError."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"max_event_size must be a number of bytes >= 1, got {value!r}")
    return value


class ServerSentEvent:
    """One dispatched event: its type (`event`, "message" by default), `data`, last `id`, `retry`."""

    __slots__ = ("data", "event", "id", "retry")

    def __init__(self, event: str = "", data: str = "", id: str = "", retry: int | None = None) -> None:
        self.event = event or "message"
        self.data = data
        self.id = id
        self.retry = retry

    def __repr__(self) -> str:
        return (
            f"ServerSentEvent(event={self.event!r}, data={self.data!r}, id={self.id!r}, retry={self.retry!r})"
        )


class _Fields:
    """The WHATWG field rules for the lines of one block (the lines between two blank lines)."""

    __slots__ = ("last_id",)

    def __init__(self) -> None:
        self.last_id = ""  # the last event ID persists across events, as the standard says

    def event(self, block: bytes) -> ServerSentEvent | None:
        """The event the lines of `block` (LF-separated, no blank line) dispatch, if it has data."""
        data: list[bytes] = []
        name = b""
        retry: int | None = None
        for line in block.split(b"\n"):
            if not line:  # a block's first line may be the blank line of "\n\n\n"; nothing is pending then
                continue
            field, colon, value = line.partition(b":")
            if not field:  # a comment
                continue
            if colon and value[:1] == b" ":
                value = value[1:]
            if field == b"data":
                data.append(value)
            elif field == b"event":
                name = value
            elif field == b"id":
                if b"\0" not in value:
                    self.last_id = value.decode()
            elif field == b"retry" and value.isdigit():
                retry = int(value)
        if not data:
            return None
        text = b"\n".join(data).decode()
        if not text:
            return None
        return ServerSentEvent(name.decode(), text, self.last_id, retry)


class EventDecoder:
    """Feed bytes as they arrive; get back the completed events that carry data.

    Events with empty data (keep-alives made of `id:`/`retry:`/`event:` lines alone) are dropped
    here: they carry nothing to parse, and JSON-decoding "" is the classic crash of SSE clients.
    `feed` also takes text (encoded as UTF-8), for tests and callers that hold text.
    """

    __slots__ = ("_cr", "_fields", "_max_size", "_pending", "_size", "_started", "error")

    def __init__(self, max_size: int = DEFAULT_MAX_EVENT_SIZE) -> None:
        self._pending: list[bytes] = []  # bytes of the event not yet completed, LF line endings only
        self._size = 0  # their length
        self._cr = False  # a read ended with CR: the next one may start with its LF
        self._started = False  # the byte order mark is looked for only at the start
        self._max_size = max_size
        self._fields = _Fields()
        # Set when the input is bad (an event over max_size, text not UTF-8): raise it after the events
        # `feed` returned, which came before it. Feeding further returns nothing.
        self.error: MalformedChunkError | None = None

    @property
    def too_large(self) -> MalformedChunkError | None:  # the name this error had before `error`
        return self.error

    def feed(self, data: bytes | str) -> list[ServerSentEvent]:
        """The events completed by `data` (a blank line ends an event)."""
        return cast("list[ServerSentEvent]", self._feed(data, False))  # raw=False gives events only

    def feed_data(self, data: bytes) -> list[ServerSentEvent | bytes]:
        """As `feed`, but the data of a plain event (one `data:` line, no other field) is given as its
        bytes, undecoded: the stream's hot path, where orjson reads bytes and checks their UTF-8."""
        return self._feed(data, True)

    def _feed(self, data: bytes | str, raw: bool) -> list[ServerSentEvent | bytes]:
        if self.error is not None:
            return []
        if isinstance(data, str):
            data = data.encode()
        if not self._started:
            if self._pending:  # the start of a byte order mark, cut by a read
                data = b"".join(self._pending) + data
                self._pending, self._size = [], 0
            if len(data) < len(_BOM) and _BOM.startswith(data):
                self._hold(data)
                return []
            self._started = True
            if data.startswith(_BOM):
                data = data[len(_BOM) :]
        if self._cr:
            data = b"\r" + data
            self._cr = False
        if b"\r" in data:
            if data[-1:] == b"\r":
                data = data[:-1]
                self._cr = True
            data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        if _BLANK not in data and not (data[:1] == b"\n" and self._ends_with_lf()):
            self._hold(data)
            return []
        if self._pending:
            data = b"".join(self._pending) + data
            self._pending = []
        blocks = data.split(_BLANK)
        rest = blocks.pop()
        self._size = 0
        self._hold(rest)
        return self._events(blocks, raw)

    def flush(self) -> ServerSentEvent | None:
        """At end of input: the event still pending because no blank line closed it, if any.

        The SSE standard discards such an event; the caller decides (a final `data: [DONE]` without
        its blank line is still a clean end). With CR-only line endings the last event is always
        pending here, since a final CR might have been the first half of a CRLF.
        """
        if self.error is not None:
            return None
        rest = b"".join(self._pending)
        self._pending, self._size = [], 0
        if self._cr:
            self._cr = False
            rest += b"\n"
        if not rest:
            return None
        events = self._events(rest.split(_BLANK), False)
        return cast("ServerSentEvent", events[-1]) if events else None  # raw=False gives events only

    def _ends_with_lf(self) -> bool:
        return bool(self._pending) and self._pending[-1][-1:] == b"\n"

    def _hold(self, data: bytes) -> None:
        if not data:
            return
        self._pending.append(data)
        self._size += len(data)
        if self._size > self._max_size:
            self._pending, self._size = [], 0  # drop what was buffered
            self.error = MalformedChunkError(
                f"An event is larger than max_event_size ({self._max_size:,} bytes) and was not "
                "read further; pass max_event_size= to the client to allow more"
            )

    def _events(self, blocks: list[bytes], raw: bool) -> list[ServerSentEvent | bytes]:
        events: list[ServerSentEvent | bytes] = []
        append = events.append
        for block in blocks:
            try:
                # The fast path: one `data: ` line (its own bytes hold no line break).
                if block[:6] == _DATA and b"\n" not in block:
                    if len(block) > 6:
                        if raw:
                            append(block[6:])
                        else:
                            append(ServerSentEvent("", block[6:].decode(), self._fields.last_id))
                    continue
                event = self._fields.event(block)
            except UnicodeDecodeError as exc:
                self.error = not_utf8(exc)
                self._pending, self._size = [], 0
                break
            if event is not None:
                append(event)
        return events

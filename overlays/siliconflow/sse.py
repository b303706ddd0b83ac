"""Server-Sent Events decoding: text pieces in, events with data out (sans-IO).

Built on httpx-sse's two decoders, `SSELineDecoder` (splits on CR, LF and CRLF only, carrying a
trailing CR and a partial line across pieces) and `SSEDecoder` (the WHATWG event algorithm:
multi-line `data`, comments, `event`, `id`, `retry`). We use the decoders rather than
`EventSource.iter_sse()` because the sync and async streams must drive one decoder from two loops,
and `EventSource` owns the loop. They live in httpx-sse's private `_decoders` module, so
pyproject.toml pins httpx-sse below 0.5.

Bytes become text in httpx (`Response.iter_text()`), whose incremental decoder keeps a UTF-8
character split across network reads whole.
"""

from __future__ import annotations

import httpx
from httpx_sse import ServerSentEvent
from httpx_sse._decoders import SSEDecoder, SSELineDecoder

__all__ = ["EVENT_STREAM", "EventDecoder", "ServerSentEvent", "media_type"]

EVENT_STREAM = "text/event-stream"


def media_type(response: httpx.Response) -> str:
    """The response's media type without parameters, lower-case ("" when there is no header)."""
    content_type: str = response.headers.get("content-type", "")
    return content_type.partition(";")[0].strip().lower()


class EventDecoder:
    """Feed text as it arrives; get back the completed events that carry data.

    Events with empty data (keep-alives made of `id:`/`retry:`/`event:` lines alone) are dropped
    here: they carry nothing to parse, and JSON-decoding "" is the classic crash of SSE clients.
    """

    __slots__ = ("_events", "_lines")

    def __init__(self) -> None:
        self._lines = SSELineDecoder()
        self._events = SSEDecoder()

    def feed(self, text: str) -> list[ServerSentEvent]:
        """The events completed by `text` (a blank line ends an event)."""
        events: list[ServerSentEvent] = []
        decode = self._events.decode
        for line in self._lines.decode(text):
            event = decode(line)
            if event is not None and event.data:
                events.append(event)
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

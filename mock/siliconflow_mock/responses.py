"""HTTP responses of the mock: SiliconFlow's error shapes, the SSE stream (with its faults) and the reset.

A connection reset needs the server's socket, which ASGI does not expose. Under uvicorn the `send`
callable is a bound method of the request cycle that owns the asyncio transport; `MockApp` reads it
there (see `server_transport`). Elsewhere (an in-process ASGI test transport) there is no socket to
reset, so the reset raises ConnectionResetError inside the app, which such transports hand to the
client as an exception: the client still sees a failed request, never an answer.
"""

from __future__ import annotations

import socket
import struct
from collections.abc import Sequence
from typing import Any

import anyio
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from siliconflow_mock.faults import OVERLOADED_CODE, OVERLOADED_MESSAGE, Fault
from siliconflow_mock.wire import DONE_EVENT, dumps, sse_event

JSON_MEDIA_TYPE = "application/json; charset=utf-8"
SSE_MEDIA_TYPE = "text/event-stream; charset=utf-8"
TRANSPORT_SCOPE_KEY = "siliconflow_mock.transport"
# How long a reset waits for the server to notice its own closed socket before giving up.
_RESET_SETTLE_SECONDS = 1.0


def json_response(status: int, body: object, headers: dict[str, str] | None = None) -> Response:
    """A JSON body in SiliconFlow's compact form with its `charset=utf-8` content type."""
    return Response(dumps(body), status_code=status, headers=headers, media_type=JSON_MEDIA_TYPE)


def error_body(code: int, message: str) -> dict[str, Any]:
    """SiliconFlow's error object, as sent with 400, 402 and 503."""
    return {"code": code, "message": message, "data": None}


def server_transport(send: Send) -> Any:
    """The asyncio transport behind a uvicorn `send`, or None under any other server."""
    transport = getattr(getattr(send, "__self__", None), "transport", None)
    return transport if callable(getattr(transport, "abort", None)) else None


async def reset_connection(scope: Scope, receive: Receive) -> None:
    """Reset the client's TCP connection (RST, no response), or raise where there is no socket."""
    transport = scope.get(TRANSPORT_SCOPE_KEY)
    if transport is None:
        raise ConnectionResetError("siliconflow_mock: connection reset by fault injection")
    sock = transport.get_extra_info("socket")
    if sock is not None:
        # SO_LINGER with a zero timeout turns close() into an RST instead of an orderly FIN.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    transport.abort()
    # Return only once uvicorn has seen the disconnect, so it does not try to answer with a 500.
    with anyio.move_on_after(_RESET_SETTLE_SECONDS):
        while (await receive())["type"] != "http.disconnect":
            pass


class ConnectionReset(Response):
    """A 'response' that resets the connection instead of answering."""

    def __init__(self) -> None:
        self.status_code = 0
        self.background = None
        self.raw_headers = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await reset_connection(scope, receive)


class EventStream(Response):
    """An SSE body written piece by piece, with an optional pause between pieces and a mid-stream fault.

    `pieces` are complete SSE events (or, in bulk mode, large blocks of them) ending with
    `data: [DONE]`. The fault, if any, strikes after `after` pieces (default: half of the chunks).
    """

    def __init__(
        self,
        pieces: Sequence[bytes],
        *,
        fault: Fault | None = None,
        after: int | None = None,
        pause_seconds: float = 0.0,
    ) -> None:
        self.status_code = 200
        self.media_type = SSE_MEDIA_TYPE
        self.background = None
        self.init_headers({"cache-control": "no-cache"})
        self._pieces = pieces
        self._fault = fault
        self._after = after
        self._pause = pause_seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers})
        pieces, reset_at_end = self._faulted_pieces()
        last = len(pieces) - 1
        for position, piece in enumerate(pieces):
            await send({"type": "http.response.body", "body": piece, "more_body": True})
            if self._pause and position < last and await _disconnected_within(receive, self._pause):
                return
        if reset_at_end:
            await reset_connection(scope, receive)
            return
        await send({"type": "http.response.body", "body": b"", "more_body": False})

    def _faulted_pieces(self) -> tuple[Sequence[bytes], bool]:
        """The pieces to send once the fault is applied, and whether to reset the socket after them."""
        if self._fault is None:
            return self._pieces, False
        chunks = [piece for piece in self._pieces if piece != DONE_EVENT]
        after = len(chunks) // 2 if self._after is None else min(self._after, len(chunks))
        head = chunks[:after]
        if self._fault is Fault.STREAM_CUT:
            return head, False
        if self._fault is Fault.STREAM_RESET:
            return head, True
        if self._fault is Fault.ERROR_EVENT:
            return [*head, sse_event(dumps(error_body(OVERLOADED_CODE, OVERLOADED_MESSAGE)))], False
        if self._fault is Fault.MALFORMED_CHUNK:
            sample = chunks[min(after, len(chunks) - 1)].removesuffix(b"\n\n")
            broken = sample[: max(len(b"data: {"), len(sample) // 2)] + b"\n\n"  # JSON cut mid-object
            return [*head, broken, *chunks[after:], DONE_EVENT], False
        raise AssertionError(f"{self._fault} is not a stream fault")


async def _disconnected_within(receive: Receive, seconds: float) -> bool:
    """Wait up to `seconds`; True as soon as the client goes away (so a paced stream stops early)."""
    with anyio.move_on_after(seconds):
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return True
    return False

"""`stream.close()` from another thread while the transport waits for a stream's first bytes.

The retrying transport reads a stream's first chunk itself (so a failure before it can be retried),
inside `ChatCompletionStream.__enter__`, before the stream has a response to shut down. A stream
being opened sets an `Interrupt` in `OPENING` (a context variable: the transport runs in the same
thread and context); the transport shows it the connection once the headers arrived, and
`Interrupt.fire()` from another thread shuts that socket down, so the blocked read returns at once
and the transport raises `StreamInterruptedError` instead of retrying.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from contextvars import ContextVar
from typing import Any

import httpx

__all__ = ["OPENING", "Interrupt"]


class Interrupt:
    """A switch another thread can flip to cut the connection of a stream being opened."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._network: Any = None
        self.fired = False

    def watch(self, response: httpx.Response) -> None:
        """The transport got the headers: this is the connection to cut when fired."""
        with self._lock:
            self._network = response.extensions.get("network_stream")
            if self.fired:
                self._shutdown()

    def fire(self) -> None:
        with self._lock:
            self.fired = True
            self._shutdown()

    def _shutdown(self) -> None:
        network = self._network
        sock = network.get_extra_info("socket") if network is not None else None
        if isinstance(sock, socket.socket):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)  # a blocked recv() returns at once


OPENING: ContextVar[Interrupt | None] = ContextVar("siliconflow_opening_stream", default=None)

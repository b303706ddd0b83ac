"""The connection pool of the default transports: how many connections, and why.

A chat call holds one HTTP/1.1 connection for its whole length (minutes, for a reasoning stream),
so the pool's size is how many calls can be in flight at once; the others wait for a free
connection, up to the timeout's `pool` phase. httpx's default pool (100 connections) made a service
that fans out 2,000 streams on one `AsyncSiliconFlow` fail every one of them with
`APITimeoutError`, and made the bulk runner at a concurrency above 100 queue on its own client.

`DEFAULT_CONNECTION_LIMITS`, the same numbers as openai-python, so a fan-out that works there works
here:
- `max_connections=1000`: high enough that the caller's own concurrency (a semaphore, the bulk
  runner's `concurrency`, a `gather`) is what bounds the calls in flight, and low enough to stay
  under the usual 1,024 open files of a process (`ulimit -n`), which an unbounded pool would
  exhaust with an `OSError` deep inside the connect. Calls beyond it wait for a connection (see
  `timeouts.py` for the `pool` timeout that bounds the wait).
- `max_keepalive_connections=100`: idle connections kept for reuse after a burst; more would hold
  sockets (and the server's slots) open for traffic that may never come back. Connections above it
  are closed when their call ends, and a new burst opens them again.
- `keepalive_expiry=5.0`: httpx's default; servers drop idle connections after about that long.

The async pool is gated (`AsyncConnectionGate`): a call takes one of `max_connections` slots before
it reaches httpcore's pool and gives it back when its response is closed, so httpcore never holds a
queue of waiting requests. Its pool hands a freed connection to the next waiter by scanning every
queued request against every connection, on every request and every release: with 1,000
connections and 1,000 waiters a 2,000-stream fan-out of 200-chunk answers took 211 s of CPU in raw
httpx (2 s at 500 streams, with nobody waiting). The gate's waiters queue in a semaphore instead
(first come, first served), bounded by the same `pool` timeout.

Pass `limits=httpx.Limits(...)` to `SiliconFlow` / `AsyncSiliconFlow` to change them (with
`transport=`, configure that transport's own pool instead).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import anyio
import httpx

__all__ = [
    "DEFAULT_CONNECTION_LIMITS",
    "AsyncConnectionGate",
    "async_http_transport",
    "check_limits",
    "http_transport",
]

DEFAULT_CONNECTION_LIMITS = httpx.Limits(
    max_connections=1000, max_keepalive_connections=100, keepalive_expiry=5.0
)


def check_limits(limits: object, transport: object) -> httpx.Limits:
    """The pool limits of a client: `limits`, else the defaults; a clear error for a mistake."""
    if limits is None:
        return DEFAULT_CONNECTION_LIMITS
    if not isinstance(limits, httpx.Limits):
        raise TypeError(f"limits must be an httpx.Limits, got {type(limits).__name__}")
    if transport is not None:
        raise ValueError(
            "limits= sets the pool of the default transport: with transport=, set it on that transport"
        )
    return limits


def http_transport(limits: httpx.Limits) -> httpx.HTTPTransport:
    return httpx.HTTPTransport(limits=limits)


def async_http_transport(limits: httpx.Limits) -> httpx.AsyncBaseTransport:
    return gated(httpx.AsyncHTTPTransport(limits=limits), limits)


def gated(transport: httpx.AsyncBaseTransport, limits: httpx.Limits) -> httpx.AsyncBaseTransport:
    """`transport` behind an `AsyncConnectionGate` of `limits.max_connections` slots (none: as is)."""
    if limits.max_connections is None:
        return transport
    return AsyncConnectionGate(transport, limits.max_connections)


class AsyncConnectionGate(httpx.AsyncBaseTransport):
    """At most `slots` requests (with their responses) inside `transport` at once; others wait here."""

    def __init__(self, transport: httpx.AsyncBaseTransport, slots: int) -> None:
        self._transport = transport
        self._size = slots
        self._slots = anyio.Semaphore(slots)  # bound to the loop it first runs in, like the pool

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        slots = self._slots
        try:
            slots.acquire_nowait()  # the common case: a slot is free, no await, no cancel scope
        except anyio.WouldBlock:
            timeout = (request.extensions.get("timeout") or {}).get("pool")
            with anyio.move_on_after(timeout) as scope:
                await slots.acquire()
            if scope.cancelled_caught:
                raise httpx.PoolTimeout(
                    f"No free connection within {timeout:g} s: all {self._size:,} connections of the pool "
                    "are in use (limits= sets the pool, timeout= its pool phase)",
                    request=request,
                ) from None
        try:
            response = await self._transport.handle_async_request(request)
        except BaseException:
            slots.release()
            raise
        assert isinstance(response.stream, httpx.AsyncByteStream)
        response.stream = _ReleasingStream(response.stream, slots.release)
        return response

    async def aclose(self) -> None:
        await self._transport.aclose()


class _ReleasingStream(httpx.AsyncByteStream):
    """A response body that gives its slot back once closed (after the connection went back)."""

    __slots__ = ("_release", "_stream")

    def __init__(self, stream: httpx.AsyncByteStream, release: Callable[[], None]) -> None:
        self._stream = stream
        self._release: Callable[[], None] | None = release

    def __aiter__(self) -> AsyncIterator[bytes]:
        return self._stream.__aiter__()  # the body itself: no extra step per read

    async def aclose(self) -> None:
        try:
            await self._stream.aclose()
        finally:
            release, self._release = self._release, None
            if release is not None:
                release()

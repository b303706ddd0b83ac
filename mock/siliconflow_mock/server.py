"""Running the mock with uvicorn: in the foreground (`serve`) or in a thread for tests and demos."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import uvicorn
from starlette.types import ASGIApp

from siliconflow_mock.app import BASE_PATH, DEFAULT_TOKEN, create_app
from siliconflow_mock.batches import DEFAULT_STEP_SECONDS
from siliconflow_mock.rate_limits import RateLimits

TOKEN_ENV = "SILICONFLOW_MOCK_TOKEN"  # noqa: S105 - the name of a variable
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
_STARTUP_TIMEOUT_SECONDS = 10.0
# An open stream must not keep a test session from ending; clients see the cut as a network error.
_GRACEFUL_SHUTDOWN_SECONDS = 2


def resolve_token(token: str | None) -> str:
    """The token to accept: the argument, else $SILICONFLOW_MOCK_TOKEN, else `sk-mock`."""
    return token or os.environ.get(TOKEN_ENV) or DEFAULT_TOKEN


def base_url(host: str, port: int) -> str:
    """`http://host:port/v1`, with an IPv6 host in brackets."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}{BASE_PATH}"


def serve(
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    token: str | None = None,
    rate_limits: RateLimits | None = None,
) -> None:
    """Serve the mock until interrupted (Ctrl-C). Blocking; uvicorn logs each request."""
    app = create_app(token=resolve_token(token), rate_limits=rate_limits)
    uvicorn.run(app, host=host, port=port, log_level="info")


@dataclass(frozen=True)
class RunningMock:
    """A mock serving in the background: point a client at `base_url` with `token`."""

    base_url: str
    token: str
    port: int
    host: str


@contextmanager
def serve_in_background(
    host: str = DEFAULT_HOST,
    port: int = 0,
    token: str = DEFAULT_TOKEN,
    rate_limits: RateLimits | None = None,
    batch_step_seconds: float = DEFAULT_STEP_SECONDS,
) -> Iterator[RunningMock]:
    """Start the mock in a thread (port 0: a free one), yield once it accepts connections, stop on exit.

    `rate_limits`: per-model RPM/TPM/... answered with SiliconFlow's 429 body;
    `batch_step_seconds`: how long each status of a batch lasts."""
    app = create_app(token=token, rate_limits=rate_limits, batch_step_seconds=batch_step_seconds)
    with run_in_background(app, host=host, port=port) as (bound_host, bound_port):
        yield RunningMock(
            base_url=base_url(bound_host, bound_port), token=token, port=bound_port, host=bound_host
        )


@contextmanager
def run_in_background(app: ASGIApp, *, host: str = DEFAULT_HOST, port: int = 0) -> Iterator[tuple[str, int]]:
    """Serve any ASGI app with uvicorn in a daemon thread; yields (host, port) once it is listening.

    The socket is bound here, before the thread starts, so the port is known and a bind error
    (port taken) is raised in the caller's thread as an OSError.
    """
    sock = _listening_socket(host, port)
    config = uvicorn.Config(
        app,
        log_level="warning",
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=_GRACEFUL_SHUTDOWN_SECONDS,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="siliconflow-mock", daemon=True
    )
    thread.start()
    try:
        deadline = time.monotonic() + _STARTUP_TIMEOUT_SECONDS
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the mock server did not start; see the uvicorn log above")
            time.sleep(0.01)
        yield host, sock.getsockname()[1]
    finally:
        server.should_exit = True
        thread.join(timeout=_GRACEFUL_SHUTDOWN_SECONDS + 5)
        sock.close()


def _listening_socket(host: str, port: int) -> socket.socket:
    # Created with proto=IPPROTO_TCP on purpose: asyncio sets TCP_NODELAY only on such sockets, and
    # without it every small response waits ~40 ms for a delayed ACK (socket.create_server uses 0).
    family, kind, proto, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
    )[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen()
    except OSError:
        sock.close()
        raise
    return sock

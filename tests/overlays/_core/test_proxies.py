"""Proxies (`_core/proxies.py`): the environment's, as httpx reads them, and `proxy=`.

The proxy is an asyncio server on loopback that plays a plain HTTP forward proxy: it records the
absolute-form request line and answers as the origin would (a CONNECT is refused with 403). The
base URL's host does not exist, so only a request that went through the proxy gets an answer.
"""

from __future__ import annotations

import asyncio
import asyncio.base_events
import json
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest
from siliconflow import (
    APIConnectionError,
    AsyncSiliconFlow,
    InternalServerError,
    RetryPolicy,
    SiliconFlow,
)

if TYPE_CHECKING:
    from tests.overlays.conftest import Twin, Wire

pytestmark = pytest.mark.anyio

KEY = "sk-proxy-0123456789abcdef"
FAST = RetryPolicy(max_retries=0)
NOWHERE = "http://api.siliconflow.invalid/v1"
PROXY_VARS = (
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "NO_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
    "no_proxy",
)


class ForwardProxy:
    """A loopback forward proxy that answers every forwarded request with `reply` (status, body)."""

    def __init__(self, reply: tuple[int, bytes]) -> None:
        self.reply = reply
        self.lines: list[str] = []
        self.loop = asyncio.new_event_loop()
        ready = threading.Event()
        self.port = 0
        self.server: asyncio.base_events.Server

        def run() -> None:
            asyncio.set_event_loop(self.loop)

            async def start() -> None:
                self.server = await asyncio.start_server(self.handle, "127.0.0.1", 0)
                self.port = self.server.sockets[0].getsockname()[1]
                ready.set()

            self.loop.run_until_complete(start())
            self.loop.run_forever()

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()
        ready.wait(10)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            self.lines.append(head.split(b"\r\n")[0].decode())
            if head.startswith(b"CONNECT"):
                writer.write(b"HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n")
                return
            length = 0
            for line in head.split(b"\r\n"):
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            await reader.readexactly(length)
            status, body = self.reply
            writer.write(
                f"HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {len(body)}\r\n"
                "connection: close\r\n\r\n".encode()
                + body
            )
            await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    def close(self) -> None:
        async def stop() -> None:
            self.server.close()
            await self.server.wait_closed()

        asyncio.run_coroutine_threadsafe(stop(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()


@pytest.fixture
def no_proxy_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in PROXY_VARS:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.fixture
def models_proxy() -> Iterator[ForwardProxy]:
    proxy = ForwardProxy(
        (200, json.dumps({"object": "list", "data": [{"id": "m", "object": "model"}]}).encode())
    )
    yield proxy
    proxy.close()


def make(twin: Twin, **options: Any) -> Any:
    return (AsyncSiliconFlow if twin.is_async else SiliconFlow)(KEY, retry_policy=FAST, **options)


async def list_models(twin: Twin, client: Any) -> Any:
    try:
        return (await client.models.list()) if twin.is_async else client.models.list()
    finally:
        await twin.close(client)


async def test_http_proxy_from_the_environment_is_used(
    twin: Twin, no_proxy_env: pytest.MonkeyPatch, models_proxy: ForwardProxy
) -> None:
    no_proxy_env.setenv("HTTP_PROXY", models_proxy.url)
    models = await list_models(twin, make(twin, base_url=NOWHERE))
    assert [model.id for model in models] == ["m"]
    assert models_proxy.lines == ["GET http://api.siliconflow.invalid/v1/models HTTP/1.1"]


async def test_the_proxy_argument_wins_over_the_environment(
    twin: Twin, no_proxy_env: pytest.MonkeyPatch, models_proxy: ForwardProxy
) -> None:
    no_proxy_env.setenv("ALL_PROXY", "http://127.0.0.1:9")  # nothing listens there
    await list_models(twin, make(twin, base_url=NOWHERE, proxy=models_proxy.url))
    assert len(models_proxy.lines) == 1


async def test_no_proxy_hosts_go_direct(
    twin: Twin, no_proxy_env: pytest.MonkeyPatch, models_proxy: ForwardProxy
) -> None:
    no_proxy_env.setenv("HTTP_PROXY", models_proxy.url)
    no_proxy_env.setenv("NO_PROXY", "siliconflow.invalid")
    with pytest.raises(APIConnectionError):
        await list_models(twin, make(twin, base_url=NOWHERE))
    assert models_proxy.lines == []


async def test_a_refused_connect_is_a_typed_error_without_the_key(
    twin: Twin, no_proxy_env: pytest.MonkeyPatch, models_proxy: ForwardProxy
) -> None:
    no_proxy_env.setenv("HTTPS_PROXY", models_proxy.url)
    with pytest.raises(APIConnectionError) as caught:
        await list_models(twin, make(twin, base_url="https://api.siliconflow.invalid/v1"))
    assert models_proxy.lines[0].startswith("CONNECT api.siliconflow.invalid:443")
    assert KEY not in str(caught.value)
    assert KEY not in repr(caught.value)


async def test_a_proxy_that_echoes_the_key_does_not_leak_it(
    twin: Twin, no_proxy_env: pytest.MonkeyPatch
) -> None:
    proxy = ForwardProxy((502, json.dumps({"message": f"upstream refused Bearer {KEY}"}).encode()))
    try:
        with pytest.raises(InternalServerError) as caught:
            await list_models(twin, make(twin, base_url=NOWHERE, proxy=proxy.url))
    finally:
        proxy.close()
    assert KEY not in str(caught.value)


def test_proxy_and_transport_together_are_refused(wire: Wire) -> None:
    import httpx

    with pytest.raises(ValueError, match="not both"):
        SiliconFlow(KEY, transport=httpx.MockTransport(wire.script()), proxy="http://127.0.0.1:1")


def test_a_bad_proxy_url_never_shows_its_password() -> None:
    with pytest.raises(ValueError, match="proxy") as caught:
        SiliconFlow(KEY, proxy="ftp://user:hunter2-secret@proxy.example:3128")
    assert "hunter2-secret" not in str(caught.value)

"""The connection pool: `limits=` on both clients, and the async gate in front of httpcore's pool."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import anyio
import httpx
import pytest
from siliconflow import DEFAULT_CONNECTION_LIMITS, AsyncSiliconFlow, SiliconFlow
from siliconflow._core.pool import AsyncConnectionGate, async_http_transport

KEY = "sk-test"
TWINS: list[Any] = [SiliconFlow, AsyncSiliconFlow]


def test_the_default_pool_is_openais() -> None:
    assert DEFAULT_CONNECTION_LIMITS.max_connections == 1000
    assert DEFAULT_CONNECTION_LIMITS.max_keepalive_connections == 100


@pytest.mark.parametrize("twin", TWINS)
def test_limits_must_be_httpx_limits(twin: Any) -> None:
    with pytest.raises(TypeError, match=r"limits must be an httpx\.Limits"):
        twin(KEY, limits={"max_connections": 5})


@pytest.mark.parametrize("twin", TWINS)
def test_limits_with_a_transport_of_ones_own_is_a_mistake(twin: Any) -> None:
    transport = httpx.HTTPTransport() if twin is SiliconFlow else httpx.AsyncHTTPTransport()
    with pytest.raises(ValueError, match="limits= sets the pool of the default transport"):
        twin(KEY, limits=httpx.Limits(max_connections=5), transport=transport)


def test_limits_reach_the_sync_pool() -> None:
    client = SiliconFlow(KEY, limits=httpx.Limits(max_connections=7, max_keepalive_connections=3))
    pool = client.api.get_httpx_client()._transport._transport._pool  # type: ignore[attr-defined]
    assert (pool._max_connections, pool._max_keepalive_connections) == (7, 3)


def test_an_unbounded_pool_has_no_gate() -> None:
    assert isinstance(async_http_transport(httpx.Limits(max_connections=None)), httpx.AsyncHTTPTransport)
    assert isinstance(async_http_transport(DEFAULT_CONNECTION_LIMITS), AsyncConnectionGate)


class Body(httpx.AsyncByteStream):
    """An unread body, as a network transport returns it (a `content=` response is read at once)."""

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield b"x"


def answer(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, stream=Body())


@pytest.mark.anyio
async def test_the_gate_lets_one_in_per_slot_and_times_out_a_waiter_on_the_pool_timeout() -> None:
    gate = AsyncConnectionGate(httpx.MockTransport(answer), 1)
    async with httpx.AsyncClient(transport=gate, base_url="http://test") as http:
        async with http.stream("GET", "/first") as first:
            with pytest.raises(httpx.PoolTimeout, match="all 1 connections of the pool are in use"):
                await http.get("/second", timeout=httpx.Timeout(5, pool=0.05))
            assert first.status_code == 200
        # The first response closed: its slot is free again, at once and on every later call.
        with anyio.fail_after(5):
            for _ in range(3):
                assert (await http.get("/third", timeout=httpx.Timeout(5, pool=0.05))).content == b"x"


@pytest.mark.anyio
async def test_a_failed_request_gives_its_slot_back() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    async with httpx.AsyncClient(transport=AsyncConnectionGate(httpx.MockTransport(refuse), 1)) as http:
        for _ in range(3):
            with pytest.raises(httpx.ConnectError):
                await http.get("http://test/", timeout=httpx.Timeout(5, pool=0.05))

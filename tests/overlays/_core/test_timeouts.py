"""Real sockets on 127.0.0.1: timeouts fire where they should and the right ones are retried."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from siliconflow import APITimeoutError, AsyncSiliconFlow, RetryPolicy, SiliconFlow, StreamInterruptedError

if TYPE_CHECKING:
    from tests.overlays.conftest import Loopback, Reply, Twin, Wire

pytestmark = pytest.mark.anyio

SHORT = httpx.Timeout(2.0, read=0.2)
FAST = RetryPolicy(initial_backoff=0.001, max_backoff=0.002, jitter=0)
SSE = {"content-type": "text/event-stream"}


def client_for(twin: Twin, loopback: Loopback) -> Any:
    client_class = AsyncSiliconFlow if twin.is_async else SiliconFlow
    return client_class("sk-test-0123456789", base_url=loopback.url, timeout=SHORT, retry_policy=FAST)


def json_reply(wire: Wire, payload: Any, pause: float = 0.0) -> Reply:
    body = json.dumps(payload).encode()
    headers = {"content-type": "application/json", "content-length": str(len(body))}
    return wire.reply(headers=headers, pieces=[body], pause_before_body=pause)


async def test_a_silent_server_times_out_after_the_retries(
    twin: Twin, wire: Wire, loopback: Loopback
) -> None:
    loopback.replies = [json_reply(wire, wire.fixture_json("deepseek-v3-response.json"), pause=0.6)]
    client = client_for(twin, loopback)
    try:
        with pytest.raises(APITimeoutError, match="after 3 attempts"):
            await twin.create(client, wire.request())
    finally:
        await twin.close(client)
    assert len(loopback.requests) == 3


async def test_a_slow_body_then_a_good_answer(twin: Twin, wire: Wire, loopback: Loopback) -> None:
    answer = wire.fixture_json("deepseek-v3-response.json")
    loopback.replies = [json_reply(wire, answer, pause=0.6), json_reply(wire, answer)]
    client = client_for(twin, loopback)
    try:
        completion = await twin.create(client, wire.request())
    finally:
        await twin.close(client)
    assert completion.to_dict() == answer
    assert len(loopback.requests) == 2


async def test_a_stream_silent_before_its_first_event_is_retried(
    twin: Twin, wire: Wire, loopback: Loopback
) -> None:
    body = wire.sse(wire.chunk("ok", role="assistant", finish="stop"))
    loopback.replies = [
        wire.reply(headers=SSE, pieces=[body], pause_before_body=0.6),
        wire.reply(headers=SSE, pieces=[body]),
    ]
    client = client_for(twin, loopback)
    try:
        run = await twin.stream(client, wire.request())
    finally:
        await twin.close(client)
    assert run.error is None
    assert run.final is not None
    assert run.final.choices[0].message.content == "ok"
    assert len(loopback.requests) == 2


async def test_a_stream_silent_after_its_first_event_is_interrupted(
    twin: Twin, wire: Wire, loopback: Loopback
) -> None:
    first = wire.sse(wire.chunk("Once upon", role="assistant"), done=False)
    rest = wire.sse(wire.chunk(" a time", finish="stop"))
    loopback.replies = [wire.reply(headers=SSE, pieces=[first, rest], pause_between_pieces=0.6)]
    client = client_for(twin, loopback)
    try:
        run = await twin.stream(client, wire.request())
    finally:
        await twin.close(client)
    assert isinstance(run.error, StreamInterruptedError)
    assert isinstance(run.error.__cause__, httpx.ReadTimeout)
    assert run.error.partial is not None
    assert run.error.partial.choices[0].message.content == "Once upon"
    assert len(loopback.requests) == 1

"""A canary API key never shows: not in reprs, not in any error, not in any log record at DEBUG."""

from __future__ import annotations

import json
import logging
import traceback
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from siliconflow import (
    APIStatusError,
    AsyncSiliconFlow,
    RetryPolicy,
    SiliconFlow,
    SiliconFlowError,
    StreamAPIError,
)
from siliconflow._error_bodies import connection_error, status_error

if TYPE_CHECKING:
    from tests.overlays.conftest import Loopback, Reply, Twin, Wire

pytestmark = pytest.mark.anyio

CANARY = "sk-canary-7Qx2ZkVb93LmT0aPe"
FAST = RetryPolicy(initial_backoff=0.001, max_backoff=0.002, jitter=0)


def json_reply(wire: Wire, status: int, payload: Any) -> Reply:
    body = json.dumps(payload).encode()
    return wire.reply(
        status=status,
        headers={"content-type": "application/json", "content-length": str(len(body))},
        pieces=[body],
    )


def everything_about(error: BaseException) -> str:
    """str, repr and the whole formatted traceback chain of an error."""
    return f"{error}\n{error!r}\n{''.join(traceback.format_exception(error))}"


def test_reprs_of_the_clients_hide_the_key() -> None:
    for client in (SiliconFlow(CANARY), AsyncSiliconFlow(CANARY)):
        assert CANARY not in repr(client)
        assert CANARY not in repr(client.api)
    sync = SiliconFlow(CANARY)
    http = sync.api.get_httpx_client()
    assert http.headers["authorization"] == f"Bearer {CANARY}"  # it is really there...
    assert CANARY not in repr(sync.api)  # ...and still not shown once the httpx client exists
    assert CANARY not in repr(http.headers)
    sync.close()


@pytest.mark.parametrize("status", [400, 401, 402, 403, 404, 408, 429, 500, 502, 503, 504, 599])
@pytest.mark.parametrize("shape", ["object", "bare-string", "text", "openai"])
def test_status_errors_never_carry_an_echoed_key(status: int, shape: str) -> None:
    request = httpx.Request(
        "POST", "https://api.test/v1/chat/completions", headers={"Authorization": f"Bearer {CANARY}"}
    )
    echo = f"Invalid token {CANARY} for this site"
    content = {
        "object": json.dumps({"code": 20015, "message": echo}).encode(),
        "bare-string": json.dumps(echo).encode(),
        "text": echo.encode(),
        "openai": json.dumps({"error": {"message": echo, "code": "invalid_api_key"}}).encode(),
    }[shape]
    error = status_error(httpx.Response(status, content=content, request=request))
    assert isinstance(error, APIStatusError)
    assert CANARY not in everything_about(error)
    assert CANARY not in error.message


def test_connection_errors_never_carry_the_key() -> None:
    request = httpx.Request(
        "POST", "https://api.test/v1/chat/completions", headers={"Authorization": f"Bearer {CANARY}"}
    )
    error = connection_error(httpx.ConnectError(f"proxy said {CANARY}"), request, attempts=2)
    assert CANARY not in everything_about(error)


async def test_nothing_leaks_through_a_real_exchange(
    twin: Twin, wire: Wire, loopback: Loopback, caplog: pytest.LogCaptureFixture
) -> None:
    """Over real sockets, so httpx and httpcore log everything they log at DEBUG."""
    echo_event = {"code": 50508, "message": f"busy, key {CANARY}"}
    stream_body = wire.sse(wire.chunk("partial", role="assistant"), echo_event)
    loopback.replies = [
        json_reply(wire, 503, {"code": 50505, "message": "overloaded"}),  # retried, then:
        json_reply(wire, 401, f"Invalid token {CANARY}"),
        json_reply(wire, 200, wire.fixture_json("deepseek-v3-response.json")),
        wire.reply(headers={"content-type": "text/event-stream"}, pieces=[stream_body]),
    ]
    caplog.set_level(logging.DEBUG)  # every logger: siliconflow, httpx, httpcore, hpack...
    client_class = AsyncSiliconFlow if twin.is_async else SiliconFlow
    client = client_class(CANARY, base_url=loopback.url, retry_policy=FAST)
    errors: list[BaseException] = []
    try:
        with pytest.raises(SiliconFlowError) as unauthorized:
            await twin.create(client, wire.request())
        errors.append(unauthorized.value)
        assert (await twin.create(client, wire.request())).id
        run = await twin.stream(client, wire.request())
        assert isinstance(run.error, StreamAPIError)
        errors.append(run.error)
    finally:
        await twin.close(client)

    assert len(loopback.requests) == 4
    assert all(headers["Authorization"] == f"Bearer {CANARY}" for headers in loopback.requests)
    assert any(record.name.startswith("httpcore") for record in caplog.records)  # DEBUG really captured
    assert any(record.name == "siliconflow" for record in caplog.records)  # the retry was logged
    for record in caplog.records:
        assert CANARY not in record.getMessage(), record.name
    assert CANARY not in caplog.text
    for error in errors:
        assert CANARY not in everything_about(error)
        assert CANARY not in getattr(error, "message", "")
    assert CANARY not in repr(client) + repr(client.api)

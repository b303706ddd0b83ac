"""Fault injection through X-Mock-* headers, in process (the socket-level faults are in test_server)."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from siliconflow_mock import create_app
from siliconflow_mock.faults import MAX_COUNTED_KEYS, AttemptCounter, Fault, FaultSettings
from siliconflow_mock.responses import EventStream
from starlette.types import Message

pytestmark = pytest.mark.anyio

AUTH = {"Authorization": "Bearer sk-mock"}
BODY: dict[str, Any] = {
    "model": "deepseek-ai/DeepSeek-V3",
    "messages": [{"role": "user", "content": "a b c d e f"}],
}
STREAM = {**BODY, "stream": True}


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    # A fresh app per test: attempt counts must not leak between tests.
    transport = httpx.ASGITransport(app=create_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://mock") as test_client:
        yield test_client


async def post(client: httpx.AsyncClient, body: object = BODY, **headers: str) -> httpx.Response:
    named = {name.replace("_", "-"): value for name, value in headers.items()}
    return await client.post("/v1/chat/completions", json=body, headers={**AUTH, **named})


def events(response: httpx.Response) -> list[bytes]:
    body = response.content
    assert body == b"" or body.endswith(b"\n\n")
    return [event.removeprefix(b"data: ") for event in body.split(b"\n\n")[:-1]]


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({"X-Mock-Fault": "meteor"}, "X-Mock-Fault: unknown fault 'meteor'; known faults: rate-limit, "),
        (
            {"X-Mock-Fault": "overloaded", "X-Mock-Fault-Times": "once"},
            "X-Mock-Fault-Times: expected an integer",
        ),
        ({"X-Mock-Fault": "overloaded", "X-Mock-Fault-Times": "0"}, "X-Mock-Fault-Times: must be at least 1"),
        ({"X-Mock-Fault-Times": "1"}, "X-Mock-Fault-Times and X-Mock-Fault-Key need an X-Mock-Fault header"),
        ({"X-Mock-Fault-Key": "k"}, "X-Mock-Fault-Times and X-Mock-Fault-Key need an X-Mock-Fault header"),
        ({"X-Mock-Fault-After": "-1"}, "X-Mock-Fault-After: must be at least 0"),
        ({"X-Mock-Delay-Ms": "600000"}, "X-Mock-Delay-Ms: at most 60000 ms"),
        ({"X-Mock-Chunk-Delay-Ms": "1.5"}, "X-Mock-Chunk-Delay-Ms: expected an integer"),
        ({"X-Mock-Retry-After": " "}, "X-Mock-Retry-After: must not be empty"),
        ({"X-Mock-Bulk-Chunks": "lots"}, "X-Mock-Bulk-Chunks: expected an integer"),
        ({"X-Mock-Bulk-Chunks": "0"}, "X-Mock-Bulk-Chunks: must be between 1 and 200000"),
        ({"X-Mock-Fault": "stream-cut"}, 'X-Mock-Fault: stream-cut needs a request with "stream": true'),
    ],
)
async def test_a_bad_fault_header_gets_400_naming_it(
    client: httpx.AsyncClient, headers: dict[str, str], message: str
) -> None:
    response = await client.post("/v1/chat/completions", json=BODY, headers={**AUTH, **headers})
    assert response.status_code == 400
    assert response.json()["code"] == 20015
    assert response.json()["message"].startswith(message)


async def test_stream_faults_do_not_combine_with_bulk(client: httpx.AsyncClient) -> None:
    response = await post(client, STREAM, X_Mock_Fault="stream-cut", X_Mock_Bulk_Chunks="10")
    assert response.status_code == 400
    assert "cannot be combined with X-Mock-Bulk-Chunks" in response.json()["message"]


async def test_fault_names_are_case_insensitive(client: httpx.AsyncClient) -> None:
    assert (await post(client, X_Mock_Fault=" Overloaded ")).status_code == 503


async def test_faults_come_after_auth(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v1/chat/completions", json=BODY, headers={"Authorization": "Bearer x", "X-Mock-Fault": "overloaded"}
    )
    assert response.status_code == 401


RATE_LIMITED = {
    "message": "Request was rejected due to rate limiting. If you want more, please contact "
    "contact@siliconflow.cn. Details:TPM limit reached.",
    "data": None,
}
OVERLOADED = {"code": 50505, "message": "Model service overloaded. Please try again later.", "data": None}


@pytest.mark.parametrize(
    ("fault", "status", "body", "retry_headers"),
    [
        ("rate-limit", 429, RATE_LIMITED, {}),
        ("rate-limit-retry-after", 429, RATE_LIMITED, {"retry-after": "1"}),
        ("rate-limit-retry-after-ms", 429, RATE_LIMITED, {"retry-after-ms": "100"}),
        ("overloaded", 503, OVERLOADED, {}),
        ("gateway-timeout", 504, "Gateway Timeout", {}),
        ("server-error", 500, "Internal Server Error", {}),
    ],
)
async def test_error_faults_answer_siliconflow_s_shapes(
    client: httpx.AsyncClient, fault: str, status: int, body: object, retry_headers: dict[str, str]
) -> None:
    response = await post(client, X_Mock_Fault=fault)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    assert response.json() == body
    for name in ("retry-after", "retry-after-ms"):
        assert response.headers.get(name) == retry_headers.get(name)


@pytest.mark.parametrize(
    ("fault", "header"),
    [("rate-limit-retry-after", "retry-after"), ("rate-limit-retry-after-ms", "retry-after-ms")],
)
async def test_the_retry_value_is_sent_verbatim(client: httpx.AsyncClient, fault: str, header: str) -> None:
    response = await post(client, X_Mock_Fault=fault, X_Mock_Retry_After="Wed, 21 Oct 2015 07:28:00 GMT")
    assert response.headers[header] == "Wed, 21 Oct 2015 07:28:00 GMT"  # fmt: skip


async def test_a_fault_strikes_every_attempt_without_times(client: httpx.AsyncClient) -> None:
    statuses = [(await post(client, X_Mock_Fault="overloaded")).status_code for _ in range(3)]
    assert statuses == [503, 503, 503]


async def test_times_lets_a_retry_succeed(client: httpx.AsyncClient) -> None:
    statuses = [
        (await post(client, X_Mock_Fault="overloaded", X_Mock_Fault_Times="2")).status_code for _ in range(4)
    ]
    assert statuses == [503, 503, 200, 200]


async def test_attempts_are_counted_per_body_without_a_key(client: httpx.AsyncClient) -> None:
    other = {**BODY, "messages": [{"role": "user", "content": "another question"}]}
    assert (await post(client, X_Mock_Fault="overloaded", X_Mock_Fault_Times="1")).status_code == 503
    assert (await post(client, other, X_Mock_Fault="overloaded", X_Mock_Fault_Times="1")).status_code == 503
    assert (await post(client, X_Mock_Fault="overloaded", X_Mock_Fault_Times="1")).status_code == 200
    # A different fault on the same body is a different logical request.
    assert (await post(client, X_Mock_Fault="gateway-timeout", X_Mock_Fault_Times="1")).status_code == 504


async def test_attempts_are_counted_per_key_when_given(client: httpx.AsyncClient) -> None:
    other = {**BODY, "messages": [{"role": "user", "content": "another question"}]}
    fault = {"X_Mock_Fault": "rate-limit", "X_Mock_Fault_Times": "1", "X_Mock_Fault_Key": "test-42"}
    assert (await post(client, **fault)).status_code == 429
    assert (await post(client, other, **fault)).status_code == 200  # same key, second attempt


def test_the_attempt_counter_forgets_the_oldest_keys() -> None:
    counter = AttemptCounter()
    settings = FaultSettings(fault=Fault.OVERLOADED, times=1, key="first")
    assert counter.strikes(settings, b"")
    for number in range(MAX_COUNTED_KEYS):
        counter.strikes(FaultSettings(fault=Fault.OVERLOADED, times=1, key=f"k{number}"), b"")
    assert counter.strikes(settings, b"")  # "first" was evicted, so this is a first attempt again


async def test_slow_first_byte_delays_the_answer(client: httpx.AsyncClient) -> None:
    started = time.monotonic()
    response = await post(client, X_Mock_Fault="slow-first-byte", X_Mock_Delay_Ms="300")
    assert time.monotonic() - started >= 0.3
    assert response.status_code == 200
    assert response.json()["choices"][0]["message"]["content"] == "You said: a b c d e f"


async def test_chunk_delay_paces_the_stream(client: httpx.AsyncClient) -> None:
    started = time.monotonic()
    response = await post(client, STREAM, X_Mock_Chunk_Delay_Ms="20")
    pieces = events(response)
    assert time.monotonic() - started >= 0.02 * (len(pieces) - 1)
    assert pieces[-1] == b"[DONE]"


async def test_stream_cut_ends_cleanly_without_done(client: httpx.AsyncClient) -> None:
    full = events(await post(client, STREAM))
    cut = events(await post(client, STREAM, X_Mock_Fault="stream-cut"))
    chunks = len(full) - 1
    assert len(cut) == chunks // 2
    assert b"[DONE]" not in cut
    assert all(json.loads(event)["object"] == "chat.completion.chunk" for event in cut)


@pytest.mark.parametrize(("after", "expected"), [("0", 0), ("3", 3), ("1000", None)])
async def test_fault_after_chooses_where_the_stream_breaks(
    client: httpx.AsyncClient, after: str, expected: int | None
) -> None:
    chunks = len(events(await post(client, STREAM))) - 1
    cut = events(await post(client, STREAM, X_Mock_Fault="stream-cut", X_Mock_Fault_After=after))
    assert len(cut) == (chunks if expected is None else expected)


async def test_malformed_chunk_is_not_json_and_the_stream_goes_on(client: httpx.AsyncClient) -> None:
    full = events(await post(client, STREAM))
    faulty = events(await post(client, STREAM, X_Mock_Fault="malformed-chunk", X_Mock_Fault_After="2"))
    assert len(faulty) == len(full) + 1
    assert faulty[2].startswith(b"{")
    with pytest.raises(json.JSONDecodeError):
        json.loads(faulty[2])
    assert faulty[-1] == b"[DONE]"
    assert [json.loads(e)["choices"] for e in faulty[:2] + faulty[3:-1]] == [
        json.loads(e)["choices"] for e in full[:-1]
    ]


async def test_error_event_ends_the_stream_with_siliconflow_s_error(client: httpx.AsyncClient) -> None:
    faulty = events(await post(client, STREAM, X_Mock_Fault="error-event", X_Mock_Fault_After="2"))
    assert len(faulty) == 3
    assert json.loads(faulty[-1]) == OVERLOADED


async def test_stream_faults_honour_times(client: httpx.AsyncClient) -> None:
    first = events(await post(client, STREAM, X_Mock_Fault="stream-cut", X_Mock_Fault_Times="1"))
    second = events(await post(client, STREAM, X_Mock_Fault="stream-cut", X_Mock_Fault_Times="1"))
    assert first[-1] != b"[DONE]"
    assert second[-1] == b"[DONE]"


async def test_without_a_socket_a_reset_is_an_error_for_the_client(client: httpx.AsyncClient) -> None:
    # In process there is no TCP connection to reset; the client must still not get an answer.
    with pytest.raises(ConnectionResetError):
        await post(client, X_Mock_Fault="connection-reset")


async def test_a_paced_stream_stops_when_the_client_leaves() -> None:
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        sent.append(message)

    started = time.monotonic()
    await EventStream([b"one", b"two", b"three"], pause_seconds=5)({"type": "http"}, receive, send)
    assert time.monotonic() - started < 1
    assert [message.get("body") for message in sent[1:]] == [b"one"]  # no more pieces, no closing message


async def test_invalid_json_cuts_the_json_answer_and_honours_times(client: httpx.AsyncClient) -> None:
    body = {**BODY, "response_format": {"type": "json_object"}}
    headers = {"X_Mock_Fault": "invalid-json", "X_Mock_Fault_Times": "1"}
    broken = await post(client, body, **headers)
    assert broken.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        json.loads(broken.json()["choices"][0]["message"]["content"])
    fixed = await post(client, body, **headers)
    assert json.loads(fixed.json()["choices"][0]["message"]["content"]) == {"answer": "You said: a b c d e f"}
    streamed = await post(client, {**body, "stream": True}, X_Mock_Fault="invalid-json")
    chunks = [json.loads(event.removeprefix(b"data: ")) for event in events(streamed)[:-1]]
    text = "".join(chunk["choices"][0]["delta"]["content"] or "" for chunk in chunks)
    assert text.startswith('{"answer"')
    with pytest.raises(json.JSONDecodeError):
        json.loads(text)


async def test_invalid_json_needs_a_json_response_format(client: httpx.AsyncClient) -> None:
    response = await post(client, BODY, X_Mock_Fault="invalid-json")
    assert response.status_code == 400
    assert "invalid-json" in response.json()["message"]

"""Recording traffic: one JSON line per exchange, streams raw, and the key never written."""

from __future__ import annotations

import json
import secrets
from pathlib import Path
from typing import Any

import httpx
import pytest
from siliconflow import (
    APIConnectionError,
    AsyncSiliconFlow,
    GoneError,
    RetryPolicy,
    SiliconFlow,
    StreamError,
    UserInfoNotFoundError,
)
from siliconflow._core.recording import RECORD_ENV
from siliconflow_api.models import ChatCompletionRequest
from siliconflow_mock import RunningMock, serve_in_background

CANARY = f"sk-canary-{secrets.token_hex(16)}"
FAST = RetryPolicy(max_retries=2, initial_backoff=0.0, max_backoff=0.0, jitter=0.0)
REQUEST = ChatCompletionRequest.from_dict(
    {"model": "Qwen/Qwen3-8B", "messages": [{"role": "user", "content": "hi"}], "enable_thinking": True}
)


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def canary_mock() -> Any:
    with serve_in_background(token=CANARY) as running:
        yield running


def test_every_exchange_is_one_line_and_streams_are_raw(canary_mock: RunningMock, tmp_path: Path) -> None:
    traffic = tmp_path / "traffic.jsonl"
    with SiliconFlow(CANARY, base_url=canary_mock.base_url, record=traffic) as client:
        client.create(REQUEST)
        with client.stream(REQUEST) as stream:
            streamed = stream.get_final_completion()
        client.models.list(sub_type="chat")
        with pytest.raises(GoneError):  # the mock answers the retired endpoint's 410
            client.user.info()
    create, stream_line, models, user = lines(traffic)
    assert (create["method"], create["path"], create["status"]) == ("POST", "/v1/chat/completions", 200)
    assert create["request_body"]["model"] == "Qwen/Qwen3-8B"
    assert create["response_body"]["object"] == "chat.completion"
    assert create["response_headers"]["x-siliconcloud-trace-id"]
    assert stream_line["request_body"]["stream"] is True
    sse = stream_line["response_sse"]
    assert sse.rstrip().endswith("data: [DONE]")
    assert str(streamed.choices[0].message.content) == "".join(
        json.loads(event[len("data: ") :])["choices"][0]["delta"].get("content") or ""
        for event in sse.split("\n\n")
        if event.startswith("data: {")
    )
    assert (models["method"], models["path"], models["query"]) == ("GET", "/v1/models", {"sub_type": "chat"})
    assert "request_body" not in models
    assert (user["path"], user["status"], user["response_body"]["code"]) == ("/v1/user/info", 410, 20092)
    assert CANARY not in traffic.read_text(encoding="utf-8")


@pytest.mark.anyio
async def test_async_client_records_the_same_way(canary_mock: RunningMock, tmp_path: Path) -> None:
    traffic = tmp_path / "traffic.jsonl"
    async with AsyncSiliconFlow(CANARY, base_url=canary_mock.base_url, record=str(traffic)) as client:
        await client.create(REQUEST)
        async with client.stream(REQUEST) as stream:
            await stream.get_final_completion()
    create, streamed = lines(traffic)
    assert create["status"] == streamed["status"] == 200
    assert streamed["response_sse"].rstrip().endswith("data: [DONE]")
    assert CANARY not in traffic.read_text(encoding="utf-8")


def test_the_environment_variable_switches_recording_on(
    mock_server: RunningMock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    traffic = tmp_path / "env.jsonl"
    monkeypatch.setenv(RECORD_ENV, str(traffic))
    with SiliconFlow(mock_server.token, base_url=mock_server.base_url) as client:
        client.models.list()
    assert [line["path"] for line in lines(traffic)] == ["/v1/models"]


def test_no_file_is_written_without_the_option(
    mock_server: RunningMock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(RECORD_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    with SiliconFlow(mock_server.token, base_url=mock_server.base_url) as client:
        client.models.list()
    assert list(tmp_path.iterdir()) == []


def echo_key(request: httpx.Request) -> httpx.Response:
    # A hostile proxy: echoes the credential back in a header, the body, and sets a cookie with it.
    key = request.headers["authorization"]
    return httpx.Response(
        200,
        headers={"x-echo": key, "set-cookie": f"session={key}", "authorization": key},
        json={"object": "list", "data": [{"id": key}]},
    )


def test_the_key_is_never_written_even_when_the_server_echoes_it(tmp_path: Path) -> None:
    traffic = tmp_path / "t.jsonl"
    with SiliconFlow(CANARY, transport=httpx.MockTransport(echo_key), record=traffic) as client:
        client.models.list()
    text = traffic.read_text(encoding="utf-8")
    assert CANARY not in text
    (line,) = lines(traffic)
    assert "authorization" not in line["response_headers"]
    assert "set-cookie" not in line["response_headers"]
    assert line["response_headers"]["x-echo"] == "Bearer [redacted]"


@pytest.mark.parametrize("key", ['sk-quote"d-0123456789ab', "sk-back\\slash-0123456789ab", 'sk-"both\\-0123'])
def test_a_key_with_a_quote_or_backslash_is_never_written_in_any_escaping(tmp_path: Path, key: str) -> None:
    traffic = tmp_path / "t.jsonl"
    with SiliconFlow(key, transport=httpx.MockTransport(echo_key), record=traffic) as client:
        client.models.list()
    text = traffic.read_text(encoding="utf-8")
    escaped = json.dumps(key)[1:-1]
    assert key not in text
    assert escaped not in text
    assert key.replace('"', "").replace("\\", "") not in text.replace('"', "").replace("\\", "")
    (line,) = lines(traffic)
    assert line["response_headers"]["x-echo"] == "Bearer [redacted]"
    assert line["response_body"]["data"][0]["id"] == "Bearer [redacted]"


def test_each_retried_attempt_is_its_own_line(tmp_path: Path) -> None:
    replies = [
        httpx.Response(429, json={"message": "Details: RPM limit reached.", "data": None}),
        httpx.Response(200, json={"object": "list", "data": []}),
    ]
    traffic = tmp_path / "t.jsonl"
    transport = httpx.MockTransport(lambda request: replies.pop(0))
    with SiliconFlow(CANARY, transport=transport, retry_policy=FAST, record=traffic) as client:
        client.models.list()
    assert [line["status"] for line in lines(traffic)] == [429, 200]
    assert lines(traffic)[0]["response_body"]["message"].endswith("RPM limit reached.")


def test_a_request_without_response_is_recorded_with_its_error(tmp_path: Path) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    traffic = tmp_path / "t.jsonl"
    with (
        SiliconFlow(
            CANARY, transport=httpx.MockTransport(refuse), retry_policy=FAST, record=traffic
        ) as client,
        pytest.raises(APIConnectionError),
    ):
        client.user.info(max_retries=0)
    (line,) = lines(traffic)
    assert (line["status"], line["error"], line["path"]) == (None, "ConnectError", "/v1/user/info")


class Broken(httpx.SyncByteStream):
    def __iter__(self) -> Any:
        yield b'data: {"id":"1","object":"chat.completion.chunk","created":1,"model":"m","choices":[]}\n\n'
        raise httpx.ReadError("reset")


def test_a_broken_stream_keeps_what_arrived(tmp_path: Path) -> None:
    def respond(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/event-stream"}, stream=Broken())

    traffic = tmp_path / "t.jsonl"
    client = SiliconFlow(CANARY, transport=httpx.MockTransport(respond), record=traffic)
    with client, pytest.raises(StreamError), client.stream(REQUEST) as stream:
        stream.get_final_completion()
    (line,) = lines(traffic)
    assert line["response_sse"].startswith('data: {"id":"1"')
    assert line["error"] == "ReadError"


def test_a_non_json_body_is_kept_as_text(tmp_path: Path) -> None:
    traffic = tmp_path / "t.jsonl"
    transport = httpx.MockTransport(lambda request: httpx.Response(404, text="404 page not found"))
    with (
        SiliconFlow(CANARY, transport=transport, record=traffic) as client,
        pytest.raises(UserInfoNotFoundError),
    ):
        client.user.info()
    (line,) = lines(traffic)
    assert line["response_text"] == "404 page not found"


def test_record_must_be_a_path() -> None:
    with pytest.raises(TypeError, match="record must be a file path"):
        SiliconFlow(CANARY, record=3)  # type: ignore[arg-type]


def test_a_path_that_cannot_be_written_is_refused_when_the_client_is_made(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="record: cannot append to"):
        SiliconFlow(CANARY, record=tmp_path / "missing-dir" / "t.jsonl")


def test_a_failing_write_is_logged_once_and_never_breaks_the_call(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    traffic = tmp_path / "t.jsonl"
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json={"object": "list", "data": []}))
    client = SiliconFlow(CANARY, transport=transport, record=traffic)
    traffic.unlink()
    traffic.mkdir()  # appending to a directory fails
    with client, caplog.at_level("WARNING", logger="siliconflow"):
        assert client.models.list() == []
        assert client.models.list() == []
    assert [r.getMessage().startswith("Cannot record traffic") for r in caplog.records] == [True]
    assert CANARY not in caplog.text

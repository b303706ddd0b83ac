"""The mock's HTTP behaviour, in process: auth, validation against the spec, errors, answers."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from siliconflow_mock import MISSING_MODEL, NO_JSON_MODE_MODEL, create_app
from siliconflow_mock.spec import SpecError
from starlette.types import ASGIApp

AUTH = {"Authorization": "Bearer sk-mock"}
BODY: dict[str, Any] = {"model": "Qwen/Qwen3-8B", "messages": [{"role": "user", "content": "Hello"}]}
ROOT = Path(__file__).resolve().parents[2]
APP = create_app()

pytestmark = pytest.mark.anyio


def in_process(app: ASGIApp) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://mock")


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with in_process(APP) as test_client:
        yield test_client


async def post(
    client: httpx.AsyncClient, body: object = BODY, headers: dict[str, str] | None = None
) -> httpx.Response:
    return await client.post("/v1/chat/completions", json=body, headers={**AUTH, **(headers or {})})


async def test_a_valid_request_gets_a_chat_completion(client: httpx.AsyncClient) -> None:
    response = await post(client)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    body = response.json()
    assert re.fullmatch(r"[0-9a-f]{32}", body["id"])
    assert body["object"] == "chat.completion"
    assert body["model"] == "Qwen/Qwen3-8B"
    assert body["choices"][0]["message"]["content"] == "You said: Hello"
    assert body["choices"][0]["message"]["reasoning_content"] == "Thinking about: Hello"


async def test_stream_true_gets_server_sent_events(client: httpx.AsyncClient) -> None:
    response = await post(client, {**BODY, "stream": True})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    events = response.content.split(b"\n\n")
    assert events[-2:] == [b"data: [DONE]", b""]
    chunks = [json.loads(event.removeprefix(b"data: ")) for event in events[:-2]]
    text = "".join(chunk["choices"][0]["delta"]["content"] or "" for chunk in chunks)
    assert text == "You said: Hello"


async def test_every_response_carries_a_trace_id(client: httpx.AsyncClient) -> None:
    ok = await post(client)
    unauthorized = await post(client, headers={"Authorization": "Bearer wrong"})
    not_found = await client.get("/v1/models")
    ids = {r.headers["x-siliconcloud-trace-id"] for r in (ok, unauthorized, not_found)}
    assert len(ids) == 3
    assert all(re.fullmatch(r"[0-9a-f]{32}", trace_id) for trace_id in ids)


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer wrong", "Bearer", "sk-mock", "Basic sk-mock", "Bearer sk-mock-and-more", "Bearer sk-moc"],
)
async def test_a_missing_or_wrong_token_gets_401_with_a_bare_string(
    client: httpx.AsyncClient, authorization: str | None
) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    response = await client.post("/v1/chat/completions", json=BODY, headers=headers)
    assert response.status_code == 401
    assert response.json() == "Invalid token"


async def test_the_bearer_scheme_is_case_insensitive(client: httpx.AsyncClient) -> None:
    assert (await post(client, headers={"Authorization": "bearer sk-mock"})).status_code == 200


async def test_the_token_is_configurable() -> None:
    async with in_process(create_app(token="sk-other")) as other:
        assert (await post(other)).status_code == 401
        assert (await post(other, headers={"Authorization": "Bearer sk-other"})).status_code == 200


def test_an_empty_token_is_refused_at_start() -> None:
    with pytest.raises(ValueError, match="must not be empty"):
        create_app(token="")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"messages": [{"role": "user", "content": "x"}]}, "request body: 'model' is a required property"),
        ({"model": "m", "messages": []}, "messages: [] should be non-empty"),
        ({**BODY, "thinking_budget": 64}, "thinking_budget: 64 is less than the minimum of 128"),
        ({**BODY, "temperature": "hot"}, "temperature: 'hot' is not of type 'number'"),
        ({**BODY, "stop": ["a", "b", "c", "d", "e"]}, "stop: "),
        ({"model": "m", "messages": [{"role": "robot", "content": "x"}]}, "messages[0]: "),
        ([1, 2], "request body: [1, 2] is not of type 'object'"),
    ],
)
async def test_an_invalid_body_gets_400_naming_the_field(
    client: httpx.AsyncClient, body: object, message: str
) -> None:
    response = await post(client, body)
    assert response.status_code == 400
    error = response.json()
    assert error["code"] == 20015
    assert error["data"] is None
    assert error["message"].startswith(message)


@pytest.mark.parametrize("raw", [b"", b"{bad", b"\xff\xfe\x00", b'{"model": NaN}', b"[" * 100_000])
async def test_a_body_that_is_not_json_gets_400(client: httpx.AsyncClient, raw: bytes) -> None:
    response = await client.post("/v1/chat/completions", content=raw, headers=AUTH)
    assert response.status_code == 400
    assert response.json()["code"] == 20015
    assert response.json()["message"].startswith("request body is not valid JSON")


async def test_a_huge_value_is_quoted_short(client: httpx.AsyncClient) -> None:
    response = await post(client, {**BODY, "temperature": "x" * 100_000})
    assert response.status_code == 400
    assert len(response.json()["message"]) < 400


async def test_an_unknown_model_is_answered_but_the_sentinel_does_not_exist(
    client: httpx.AsyncClient,
) -> None:
    assert (await post(client, {**BODY, "model": "someone/brand-new-model"})).status_code == 200
    response = await post(client, {**BODY, "model": MISSING_MODEL})
    assert response.status_code == 400
    assert response.json() == {
        "code": 20012,
        "message": "Model does not exist. Please check it carefully.",
        "data": None,
    }


async def test_the_no_json_mode_sentinel_refuses_json_mode_only(client: httpx.AsyncClient) -> None:
    body = {**BODY, "model": NO_JSON_MODE_MODEL}
    assert (await post(client, body)).status_code == 200
    response = await post(client, {**body, "response_format": {"type": "json_object"}})
    assert response.status_code == 400
    assert response.json()["code"] == 20024


async def test_another_path_gets_go_s_404(client: httpx.AsyncClient) -> None:
    response = await client.post("/v1/completions", json=BODY, headers=AUTH)
    assert response.status_code == 404
    assert response.text == "404 page not found"


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "PATCH"])
async def test_another_method_gets_405_with_allow(client: httpx.AsyncClient, method: str) -> None:
    response = await client.request(method, "/v1/chat/completions", headers=AUTH)
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"


async def test_the_spec_decides_what_is_valid(tmp_path: Path) -> None:
    # The mock reads its rules from the spec it is given, not from code.
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    spec["components"]["schemas"]["ChatCompletionRequest"]["properties"]["n"]["maximum"] = 2
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec), encoding="utf-8")
    async with in_process(create_app(spec_path=path)) as strict:
        response = await post(strict, {**BODY, "n": 3})
    assert response.status_code == 400
    assert response.json()["message"] == "n: 3 is greater than the maximum of 2"


@pytest.mark.parametrize(
    ("content", "error"),
    [("not: [valid", "cannot read the spec"), ("openapi: 3.1.0\npaths: {}\n", "does not define POST")],
)
def test_a_broken_spec_is_reported_at_start(tmp_path: Path, content: str, error: str) -> None:
    path = tmp_path / "openapi.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SpecError, match=error):
        create_app(spec_path=path)


def test_a_missing_spec_is_reported_at_start(tmp_path: Path) -> None:
    with pytest.raises(SpecError, match="cannot read the spec"):
        create_app(spec_path=tmp_path / "absent.yaml")


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"X-Trace-Id": "order-1234"}, "order-1234"),
        (
            {"traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"},
            "4bf92f3577b34da6a3ce929d0e0e4736",
        ),
        ({"X-Trace-Id": "has space", "traceparent": "junk"}, None),
    ],
)
async def test_the_caller_s_trace_id_comes_back(
    client: httpx.AsyncClient, headers: dict[str, str], expected: str | None
) -> None:
    response = await post(client, headers=headers)
    trace_id = response.headers["x-siliconcloud-trace-id"]
    if expected is None:
        assert re.fullmatch(r"[0-9a-f]{32}", trace_id)
    else:
        assert trace_id == expected

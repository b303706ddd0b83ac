"""`client.chat.completions`: keyword parameters, checks before sending, stream=True at the call,
with_options and with_raw_response, sync and async, on in-process transports."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from siliconflow import AsyncSiliconFlow, BadRequestError, ChatCompletionStream, SiliconFlow
from siliconflow_api.models import ChatCompletionRequest

pytestmark = pytest.mark.anyio
KEY = "sk-test-0123456789"
COMPLETION = {
    "id": "c-1",
    "object": "chat.completion",
    "created": 1,
    "model": "m",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "ok"}, "finish_reason": "stop"}],
}
CHUNK = {"id": "c-1", "object": "chat.completion.chunk", "created": 1, "model": "m"}
SSE = (
    "data: " + json.dumps({**CHUNK, "choices": [{"index": 0, "delta": {"content": "o"}}]}) + "\n\n"
    "data: "
    + json.dumps({**CHUNK, "choices": [{"index": 0, "delta": {"content": "k"}, "finish_reason": "stop"}]})
    + "\n\ndata: [DONE]\n\n"
)


class Server:
    """Records every request; answers a completion, a stream, or a 400 for model "bad"."""

    def __init__(self) -> None:
        self.sent: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request)
        body = json.loads(request.content)
        if body["model"] == "bad":
            return httpx.Response(400, json={"code": 20012, "message": "Model does not exist."})
        if body.get("stream"):
            return httpx.Response(200, content=SSE.encode(), headers={"content-type": "text/event-stream"})
        return httpx.Response(200, json=COMPLETION)

    def body(self, index: int = -1) -> dict[str, Any]:
        result: dict[str, Any] = json.loads(self.sent[index].content)
        return result


MESSAGES: list[Any] = [{"role": "user", "content": "hi"}]
TOOLS: list[Any] = [{"type": "function", "function": {"name": "f", "parameters": {"type": "object"}}}]


def test_keyword_parameters_with_dict_messages_and_tools_are_sent_as_json() -> None:
    server = Server()
    with SiliconFlow(api_key=KEY, transport=httpx.MockTransport(server)) as client:
        completion = client.chat.completions.create(
            model="m", messages=iter(MESSAGES), tools=TOOLS, tool_choice="auto", temperature=0.5, stop=None
        )
    assert completion.choices[0].message.content == "ok"
    assert server.body() == {
        "model": "m",
        "messages": MESSAGES,
        "tools": TOOLS,
        "tool_choice": "auto",
        "temperature": 0.5,
    }


def test_a_request_model_with_dict_tools_is_sent() -> None:
    server = Server()
    request = ChatCompletionRequest(model="m", messages=MESSAGES, tools=TOOLS)
    with SiliconFlow(api_key=KEY, transport=httpx.MockTransport(server)) as client:
        client.chat.completions.create(request=request)
        client.create(request)
    assert server.body(0)["tools"] == TOOLS
    assert server.body(1)["tools"] == TOOLS


@pytest.mark.parametrize(
    ("arguments", "error", "words"),
    [
        ({"seed": 1}, TypeError, r"'seed'.*extra_body"),
        ({"logprobs": True}, TypeError, r"'logprobs'.*does not document"),
        ({"bogus": 1}, TypeError, r"unexpected keyword argument 'bogus'"),
        ({"temperature": 3}, ValueError, r"temperature must be between 0 and 2, got 3"),
        ({"top_p": -0.1}, ValueError, r"top_p must be between 0 and 1"),
        ({"reasoning_effort": "huge"}, ValueError, r"reasoning_effort must be one of"),
        ({"response_format": {"type": "yaml"}}, ValueError, r"response_format.type must be one of"),
        ({"stop": ["a", "b", "c", "d", "e"]}, ValueError, r"stop must be a list of at most 4"),
        ({"messages": []}, ValueError, r"messages must be a list of at least 1"),
        ({"max_tokens": "ten"}, TypeError, r"max_tokens must be integer"),
        ({"messages": [{"content": "no role"}]}, TypeError, r"messages"),
    ],
)
def test_caller_mistakes_are_refused_before_sending(
    arguments: dict[str, Any], error: type, words: str
) -> None:
    server = Server()
    with SiliconFlow(api_key=KEY, transport=httpx.MockTransport(server)) as client:
        params: dict[str, Any] = {"model": "m", "messages": MESSAGES, **arguments}
        with pytest.raises(error, match=words):
            client.chat.completions.create(**params)
        with pytest.raises(error, match=words):
            client.chat.completions.stream(**params)
    assert server.sent == []


def test_the_range_check_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    server = Server()
    with SiliconFlow(api_key=KEY, transport=httpx.MockTransport(server), strict_params=False) as client:
        client.chat.completions.create(model="m", messages=MESSAGES, temperature=3)
    monkeypatch.setenv("SILICONFLOW_STRICT_PARAMS", "0")
    with SiliconFlow(api_key=KEY, transport=httpx.MockTransport(server)) as client:
        client.chat.completions.create(model="m", messages=MESSAGES, top_p=7)
        # extra_body is always the way to send what the docs do not allow
        client.chat.completions.create(model="m", messages=MESSAGES, extra_body={"seed": 1})
    assert [server.body(i).get("temperature", server.body(i).get("top_p")) for i in (0, 1)] == [3, 7]
    assert server.body()["seed"] == 1


def test_request_and_fields_together_are_refused() -> None:
    with SiliconFlow(api_key=KEY, transport=httpx.MockTransport(Server())) as client:
        request = ChatCompletionRequest(model="m", messages=MESSAGES)
        with pytest.raises(TypeError, match="not both"):
            client.chat.completions.create(request=request, model="m")  # type: ignore[call-overload]


async def test_stream_true_sends_at_the_call_and_raises_there(is_async: bool) -> None:
    server = Server()
    if is_async:
        async with AsyncSiliconFlow(
            api_key=KEY, transport=httpx.MockTransport(server), max_retries=0
        ) as aclient:
            astream = await aclient.chat.completions.create(model="m", messages=MESSAGES, stream=True)
            assert len(server.sent) == 1  # before any iteration
            text = "".join([c.choices[0].delta.content or "" async for c in astream])
            async with astream:  # a context manager too, entered after the call
                pass
            with pytest.raises(BadRequestError, match="Model does not exist"):
                await aclient.chat.completions.create(model="bad", messages=MESSAGES, stream=True)
    else:
        with SiliconFlow(api_key=KEY, transport=httpx.MockTransport(server), max_retries=0) as client:
            stream = client.chat.completions.create(model="m", messages=MESSAGES, stream=True)
            assert isinstance(stream, ChatCompletionStream)
            assert len(server.sent) == 1
            with stream:
                text = "".join(c.choices[0].delta.content or "" for c in stream)
            assert stream.get_final_completion().choices[0].message.content == "ok"
            with pytest.raises(BadRequestError, match="Model does not exist"):
                client.chat.completions.create(model="bad", messages=MESSAGES, stream=True)
    assert text == "ok"
    assert server.body(0)["stream"] is True


def test_the_stream_helper_sends_on_with_and_accumulates() -> None:
    server = Server()
    with SiliconFlow(api_key=KEY, transport=httpx.MockTransport(server)) as client:
        stream = client.chat.completions.stream(model="m", messages=MESSAGES)
        assert server.sent == []
        with stream:
            completion = stream.get_final_completion()
    assert completion.choices[0].message.content == "ok"


def test_with_options_shares_the_pool_and_overrides_the_defaults() -> None:
    server = Server()
    with SiliconFlow(api_key=KEY, transport=httpx.MockTransport(server)) as client:
        quick = client.with_options(timeout=3, max_retries=0, deadline=9)
        assert quick.api.get_httpx_client() is client.api.get_httpx_client()
        assert quick.chat.completions.context.timeout == httpx.Timeout(3)
        assert quick.chat.completions.context.max_retries == 0
        assert client.chat.completions.context.max_retries is None
        quick.chat.completions.create(model="m", messages=MESSAGES)
        quick.models  # noqa: B018 - the copy has every resource
    assert server.sent[0].extensions["timeout"]["read"] == 3


def test_with_raw_response_is_derived_from_the_methods() -> None:
    server = Server()
    with SiliconFlow(api_key=KEY, transport=httpx.MockTransport(server)) as client:
        raw = client.chat.completions.with_raw_response.create(model="m", messages=MESSAGES)
        assert raw.status_code == 200
        assert raw.parse().choices[0].message.content == "ok"
        with client.chat.completions.with_raw_response.create(
            model="m", messages=MESSAGES, stream=True
        ) as rs:
            assert rs.headers["content-type"] == "text/event-stream"
            assert [c.id for c in rs.parse()] == ["c-1", "c-1"]
        raw_models = client.with_raw_response.create(ChatCompletionRequest(model="m", messages=MESSAGES))
        assert raw_models.parse().id == "c-1"


@pytest.fixture(params=["sync", "async"])
def is_async(request: pytest.FixtureRequest) -> bool:
    return bool(request.param == "async")

"""The generated models read every real payload and give it back unchanged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from siliconflow_api.errors import MalformedDataError
from siliconflow_api.models import (
    AssistantMessage,
    ChatCompletion,
    ChatCompletionChunk,
    ChatCompletionRequest,
    CompletionTokensDetails,
    ErrorBody,
    SystemMessage,
    ToolCall,
    Usage,
    UserMessage,
)
from siliconflow_api.types import UNSET

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
JSON_FIXTURES = sorted(FIXTURES.glob("*.json"))


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def sse_payloads(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    data = [line.removeprefix("data: ") for line in lines if line.startswith("data: ")]
    return [json.loads(d) for d in data if d != "[DONE]"]


def test_fixtures_are_present() -> None:
    assert len(JSON_FIXTURES) >= 6


@pytest.mark.parametrize("path", JSON_FIXTURES, ids=lambda p: p.name)
def test_fixture_round_trips_exactly(path: Path) -> None:
    data = load(path)
    model = ChatCompletionChunk if data["object"] == "chat.completion.chunk" else ChatCompletion
    assert model.from_dict(data).to_dict() == data


@pytest.mark.parametrize("payload", sse_payloads(FIXTURES / "deepseek-v3-stream.sse"))
def test_stream_transcript_chunks_round_trip(payload: dict[str, Any]) -> None:
    assert ChatCompletionChunk.from_dict(payload).to_dict() == payload


def test_reasoning_and_usage_details_are_typed() -> None:
    completion = ChatCompletion.from_dict(load(FIXTURES / "docs-glm47-thinking.json"))
    message = completion.choices[0].message
    assert message.reasoning_content == "..."
    assert isinstance(completion.usage, Usage)
    details = completion.usage.completion_tokens_details
    assert isinstance(details, CompletionTokensDetails)
    assert details.reasoning_tokens == 1190
    assert completion.usage.prompt_cache_miss_tokens == 15


def test_tool_calls_are_typed() -> None:
    completion = ChatCompletion.from_dict(load(FIXTURES / "docs-glm46v-tool-call.json"))
    calls = completion.choices[0].message.tool_calls
    assert isinstance(calls, list)
    assert isinstance(calls[0], ToolCall)
    assert json.loads(calls[0].function.arguments) == {"location": "Boston, MA"}
    assert completion.choices[0].finish_reason == "tool_calls"


def test_unknown_fields_and_values_are_kept() -> None:
    data = load(FIXTURES / "deepseek-v3-response.json")
    data["service_tier"] = "flex"
    data["choices"][0]["finish_reason"] = "content_filter"
    data["choices"][0]["logprobs"] = None
    data["choices"][0]["message"]["refusal"] = None
    data["usage"]["completion_tokens_details"] = {"reasoning_tokens": 0, "audio_tokens": 0}
    completion = ChatCompletion.from_dict(data)
    assert completion.choices[0].finish_reason == "content_filter"
    assert completion["service_tier"] == "flex"
    assert completion.to_dict() == data


def test_error_fixture_parses_as_error_body() -> None:
    raw = (FIXTURES / "error-400-model-not-found.http").read_text(encoding="utf-8")
    body = json.loads(raw.split("\n\n", 1)[1])
    error = ErrorBody.from_dict(body)
    assert (error.code, error.message, error.data) == (20012, "Model does not exist. Please check it carefully.", None)
    assert error.to_dict() == body


def test_request_with_model_and_messages_sends_exactly_those_keys() -> None:
    request = ChatCompletionRequest(model="Qwen/Qwen3-8B", messages=[UserMessage(role="user", content="hi")])
    assert request.to_dict() == {"model": "Qwen/Qwen3-8B", "messages": [{"role": "user", "content": "hi"}]}


def test_request_sends_set_fields_and_extra_fields_pass_through() -> None:
    request = ChatCompletionRequest(
        model="Qwen/Qwen3-8B",
        messages=[
            SystemMessage(role="system", content="be brief"),
            UserMessage(role="user", content="hi"),
            AssistantMessage(role="assistant", content="hello", reasoning_content="greet back"),
        ],
        enable_thinking=True,
        thinking_budget=512,
    )
    request["seed"] = 7
    assert request.to_dict() == {
        "model": "Qwen/Qwen3-8B",
        "messages": [
            {"role": "system", "content": "be brief"},
            {"role": "user", "content": "hi"},
            {"role": "assistant", "content": "hello", "reasoning_content": "greet back"},
        ],
        "enable_thinking": True,
        "thinking_budget": 512,
        "seed": 7,
    }


def test_message_union_parses_by_role() -> None:
    body = {
        "model": "m",
        "messages": [
            {"role": "system", "content": "s"},
            {"role": "user", "content": [{"type": "text", "text": "t"}]},
            {"role": "assistant", "content": None, "tool_calls": []},
            {"role": "tool", "content": "42", "tool_call_id": "call-1"},
        ],
    }
    request = ChatCompletionRequest.from_dict(body)
    assert [type(m).__name__ for m in request.messages] == [
        "SystemMessage",
        "UserMessage",
        "AssistantMessage",
        "ToolMessage",
    ]
    assert request.to_dict() == body


CHUNK = {"id": "x", "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": []}


def test_absent_reads_none_and_stays_absent_null_stays_null() -> None:
    absent = ChatCompletionChunk.from_dict(CHUNK)
    null = ChatCompletionChunk.from_dict({**CHUNK, "usage": None, "system_fingerprint": None})
    assert (absent.usage, absent.system_fingerprint) == (None, None) == (null.usage, null.system_fingerprint)
    assert absent.to_dict() == CHUNK
    assert null.to_dict() == {**CHUNK, "usage": None, "system_fingerprint": None}
    assert (absent.is_given("usage"), null.is_given("usage")) == (False, True)
    assert absent != null
    assert "Unset" not in repr(absent) and "UNSET" not in repr(absent)


def test_to_json_is_orjson_of_to_dict_and_json_dumps_works() -> None:
    import orjson

    completion = ChatCompletion.from_dict(load(FIXTURES / "docs-glm47-thinking.json"))
    assert completion.to_json(indent=None) == orjson.dumps(completion.to_dict()).decode()
    assert json.loads(completion.to_json()) == json.loads(json.dumps(completion.to_dict()))


def test_usage_is_checked_when_read_and_built_on_first_read() -> None:
    with pytest.raises(MalformedDataError, match=r"^usage\.total_tokens: expected integer, got string$"):
        ChatCompletionChunk.from_dict({**CHUNK, "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": "3"}})
    usage = {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3, "completion_tokens_details": None}
    chunk = ChatCompletionChunk.from_dict({**CHUNK, "usage": usage})
    assert isinstance(chunk.usage, Usage)
    chunk.usage.prompt_tokens = 5  # written before the lazy object is filled: kept
    assert (chunk.usage.prompt_tokens, chunk.usage.total_tokens) == (5, 3)
    assert chunk.usage.completion_tokens_details is None
    assert chunk.to_dict()["usage"] == {**usage, "prompt_tokens": 5}


def test_request_keeps_unset_for_not_given_and_none_for_null() -> None:
    request = ChatCompletionRequest(model="m", messages=[], temperature=UNSET, stop=None)
    assert request.temperature is None
    assert request.to_dict() == {"model": "m", "messages": [], "stop": None}
    import attrs

    assert attrs.evolve(request, model="n").to_dict() == {"model": "n", "messages": [], "stop": None}

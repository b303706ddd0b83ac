"""The generated models read every real payload and give it back unchanged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
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

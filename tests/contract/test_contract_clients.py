"""Independent clients read the answer the mock means: openai-python, and our own client, both ways.

The mock's intended answer comes from its own rules (`answers.answer` rendered by `wire.completion`);
openai-python 2.54 (pointed at the mock, streamed and not) and `siliconflow.SiliconFlow` /
`AsyncSiliconFlow` must each read the same texts, reasoning, tool calls, finish reasons and usage.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

import pytest
from openai import AsyncOpenAI, OpenAI
from siliconflow import AsyncSiliconFlow, SiliconFlow
from siliconflow_api.models import ChatCompletionRequest
from siliconflow_mock import RunningMock, answers, wire

TOOLS = [
    {"type": "function", "function": {"name": "get_time"}},
    {
        "type": "function",
        "function": {
            "name": "get_weather",
            "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
        },
    },
]
SCENARIOS: dict[str, dict[str, Any]] = {
    "thinking, cut by max_tokens": {
        "model": "Qwen/Qwen3-8B",
        "messages": [{"role": "user", "content": "Why is the sky blue?"}],
        "thinking_budget": 128,
        "max_tokens": 4,
    },
    "two tool calls": {
        "model": "Pro/zai-org/GLM-4.7",
        "messages": [{"role": "user", "content": "Use get_weather and get_time."}],
        "tools": TOOLS,
    },
    "two choices with a stop": {
        "model": "deepseek-ai/DeepSeek-V3",
        "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": "Say hello, world"},
        ],
        "n": 2,
        "stop": [","],
    },
    "json mode without thinking": {
        "model": "Qwen/Qwen3-8B",
        "messages": [{"role": "user", "content": "Give JSON"}],
        "enable_thinking": False,
        "response_format": {"type": "json_object"},
    },
}
# Fields openai-python does not know travel in its `extra_body`.
SILICONFLOW_ONLY = ("enable_thinking", "thinking_budget")

Reading = dict[str, Any]


def reading(completion: dict[str, Any]) -> Reading:
    """What a user takes from a completion; ids and timestamps aside."""
    choices = {}
    for choice in completion["choices"]:
        message = choice["message"]
        calls = [
            (c["type"], c["function"]["name"], c["function"]["arguments"])
            for c in message.get("tool_calls") or []
        ]
        # A stream opens its first phase with "": empty and absent read the same.
        choices[choice["index"]] = (
            message.get("content") or None,
            message.get("reasoning_content") or None,
            calls,
            choice["finish_reason"],
        )
    usage = completion["usage"]
    return {
        "model": completion["model"],
        "choices": choices,
        "usage": (usage["prompt_tokens"], usage["completion_tokens"], usage["total_tokens"]),
        "reasoning_tokens": (usage.get("completion_tokens_details") or {}).get("reasoning_tokens"),
        "cached_tokens": (usage.get("prompt_tokens_details") or {}).get("cached_tokens"),
    }


def meant(body: dict[str, Any]) -> Reading:
    return reading(wire.completion(answers.answer(body)))


def openai_arguments(body: dict[str, Any]) -> dict[str, Any]:
    known = {key: value for key, value in body.items() if key not in SILICONFLOW_ONLY}
    extra = {key: body[key] for key in SILICONFLOW_ONLY if key in body}
    return {**known, "extra_body": extra}


def from_openai_chunks(chunks: Iterable[Any]) -> dict[str, Any]:
    """Merge openai-python chunks by hand, as an application does (reasoning is in `model_extra`)."""
    merged: dict[int, dict[str, Any]] = {}
    model, usage = "", None
    for chunk in chunks:
        model, usage = chunk.model, chunk.usage
        for choice in chunk.choices:
            into = merged.setdefault(choice.index, {"content": "", "reasoning_content": "", "calls": {}})
            delta = choice.delta
            into["content"] += delta.content or ""
            into["reasoning_content"] += (delta.model_extra or {}).get("reasoning_content") or ""
            for fragment in delta.tool_calls or []:
                call = into["calls"].setdefault(fragment.index, {"type": None, "function": {"arguments": ""}})
                call["id"] = fragment.id or call.get("id")
                call["type"] = fragment.type or call["type"]
                if fragment.function is not None:
                    call["function"]["name"] = fragment.function.name or call["function"].get("name")
                    call["function"]["arguments"] += fragment.function.arguments or ""
            if choice.finish_reason is not None:
                into["finish_reason"] = choice.finish_reason
    choices = [
        {
            "index": index,
            "message": {
                "content": into["content"],
                "reasoning_content": into["reasoning_content"],
                "tool_calls": [into["calls"][i] for i in sorted(into["calls"])],
            },
            "finish_reason": into["finish_reason"],
        }
        for index, into in sorted(merged.items())
    ]
    assert usage is not None, "SiliconFlow sends usage on every chunk"
    return {"model": model, "choices": choices, "usage": usage.model_dump()}


@pytest.fixture(scope="module")
def openai_client(mock_server: RunningMock) -> Iterator[OpenAI]:
    with OpenAI(base_url=mock_server.base_url, api_key=mock_server.token, max_retries=0) as client:
        yield client


@pytest.fixture(scope="module")
def our_client(mock_server: RunningMock) -> Iterator[SiliconFlow]:
    with SiliconFlow(api_key=mock_server.token, base_url=mock_server.base_url) as client:
        yield client


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_openai_reads_the_answer_the_mock_means(name: str, openai_client: OpenAI) -> None:
    body = SCENARIOS[name]
    completion = openai_client.chat.completions.create(**openai_arguments(body))
    assert reading(completion.model_dump()) == meant(body)
    if meant(body)["choices"][0][1] is not None:
        assert completion.choices[0].message.model_extra == {
            "reasoning_content": meant(body)["choices"][0][1]
        }


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_openai_reads_the_same_answer_streamed(name: str, openai_client: OpenAI) -> None:
    body = SCENARIOS[name]
    chunks = openai_client.chat.completions.create(**openai_arguments(body), stream=True)
    assert reading(from_openai_chunks(chunks)) == meant(body)


@pytest.mark.anyio
async def test_async_openai_reads_the_same_answer_streamed(mock_server: RunningMock) -> None:
    body = SCENARIOS["two tool calls"]
    async with AsyncOpenAI(base_url=mock_server.base_url, api_key=mock_server.token) as client:
        stream = await client.chat.completions.create(**openai_arguments(body), stream=True)
        chunks = [chunk async for chunk in stream]
    assert reading(from_openai_chunks(chunks)) == meant(body)


def test_openai_can_ask_for_a_bulk_stream(openai_client: OpenAI) -> None:
    chunks = list(
        openai_client.chat.completions.create(
            model="bench/model",
            messages=[{"role": "user", "content": "go"}],
            stream=True,
            extra_headers={"X-Mock-Bulk-Chunks": "1000"},
        )
    )
    completion = from_openai_chunks(chunks)
    assert len(chunks) == 1002
    assert completion["usage"]["completion_tokens"] == 1000
    assert completion["choices"][0]["message"]["reasoning_content"].count(" fox") == 500 // 9 + 1


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_our_client_reads_the_same_answer(name: str, our_client: SiliconFlow) -> None:
    body = SCENARIOS[name]
    request = ChatCompletionRequest.from_dict(body)
    assert reading(our_client.create(request).to_dict()) == meant(body)
    with our_client.stream(request) as stream:
        for _ in stream:
            pass
        final = stream.get_final_completion()
    assert reading(final.to_dict()) == meant(body)


@pytest.mark.anyio
@pytest.mark.parametrize("name", list(SCENARIOS))
async def test_our_async_client_reads_the_same_answer(name: str, mock_server: RunningMock) -> None:
    body = SCENARIOS[name]
    request = ChatCompletionRequest.from_dict(body)
    async with AsyncSiliconFlow(api_key=mock_server.token, base_url=mock_server.base_url) as client:
        completion = await client.create(request)
        async with client.stream(request) as stream:
            async for _ in stream:
                pass
            final = await stream.get_final_completion()
    assert reading(completion.to_dict()) == meant(body)
    assert reading(final.to_dict()) == meant(body)


def test_the_scenarios_cover_what_they_claim() -> None:
    # The comparisons above only mean something if the answers have reasoning, calls, stops and cuts.
    readings = {name: meant(body) for name, body in SCENARIOS.items()}
    assert readings["thinking, cut by max_tokens"]["choices"][0][1] is not None
    assert readings["thinking, cut by max_tokens"]["choices"][0][3] == "length"
    assert [call[1] for call in readings["two tool calls"]["choices"][0][2]] == ["get_time", "get_weather"]
    assert readings["two choices with a stop"]["choices"][1][0] == "Alternative 1: You said: Say hello"
    assert readings["two choices with a stop"]["cached_tokens"] > 0
    assert json.loads(readings["json mode without thinking"]["choices"][0][0]) == {
        "answer": "You said: Give JSON"
    }
    assert readings["json mode without thinking"]["choices"][0][1] is None

"""The mock's wire shapes match SiliconFlow's captures, and a stream adds up to the non-stream answer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from siliconflow_mock.answers import answer
from siliconflow_mock.wire import DONE_EVENT, completion, stream_chunks, stream_events

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TOOLS = [
    {"type": "function", "function": {"name": "get_time"}},
    {
        "type": "function",
        "function": {"name": "get_weather", "parameters": {"properties": {"city": {"type": "string"}}}},
    },
]

REQUESTS: dict[str, dict[str, Any]] = {
    "plain": {"model": "deepseek-ai/DeepSeek-V3", "messages": [{"role": "user", "content": "Hi there"}]},
    "thinking": {"model": "Qwen/Qwen3-8B", "messages": [{"role": "user", "content": "Why?"}]},
    "tool calls": {
        "model": "Pro/zai-org/GLM-4.7",
        "messages": [{"role": "user", "content": "get_weather and get_time"}],
        "tools": TOOLS,
    },
    "two choices, cut": {
        "model": "Qwen/Qwen3-8B",
        "messages": [{"role": "user", "content": "one two three four"}],
        "n": 2,
        "max_tokens": 4,
    },
}


def fixture(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def accumulate(chunks: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """What a client builds from the chunks: per choice the message and the finish reason."""
    choices: dict[int, dict[str, Any]] = {}
    for chunk in chunks:
        for part in chunk["choices"]:
            choice = choices.setdefault(part["index"], {"content": None, "reasoning": None, "calls": {}})
            delta = part["delta"]
            for key, target in (("content", "content"), ("reasoning_content", "reasoning")):
                if delta[key] is not None:
                    choice[target] = (choice[target] or "") + delta[key]
            for fragment in delta.get("tool_calls", []):
                call = choice["calls"].setdefault(fragment["index"], {"arguments": ""})
                for key in ("id", "type"):
                    if fragment[key] is not None:
                        call[key] = fragment[key]
                if "name" in fragment["function"]:
                    call["name"] = fragment["function"]["name"]
                call["arguments"] += fragment["function"]["arguments"]
            if part["finish_reason"] is not None:
                choice["finish_reason"] = part["finish_reason"]
    return choices


@pytest.mark.parametrize("name", list(REQUESTS))
def test_a_stream_adds_up_to_the_non_stream_answer(name: str) -> None:
    result = answer(REQUESTS[name])
    whole = completion(result)
    chunks = stream_chunks(result)
    built = accumulate(chunks)
    assert sorted(built) == [choice["index"] for choice in whole["choices"]]
    for choice in whole["choices"]:
        message, streamed = choice["message"], built[choice["index"]]
        # The stream opens with an empty string in the field of its first phase.
        assert (streamed["content"] or None) == message["content"]
        assert (streamed["reasoning"] or None) == message.get("reasoning_content")
        calls = [streamed["calls"][i] for i in sorted(streamed["calls"])]
        rebuilt = [
            {"id": c["id"], "type": c["type"], "function": {"name": c["name"], "arguments": c["arguments"]}}
            for c in calls
        ]
        assert rebuilt == message.get("tool_calls", [])
        assert streamed["finish_reason"] == choice["finish_reason"]
    assert chunks[-1]["usage"] == whole["usage"]


@pytest.mark.parametrize("name", list(REQUESTS))
def test_stream_chunks_have_siliconflow_s_shape(name: str) -> None:
    result = answer(REQUESTS[name])
    chunks = stream_chunks(result)
    seen_roles: set[int] = set()
    completion_tokens = 0
    for chunk in chunks:
        assert (chunk["id"], chunk["created"], chunk["model"]) == (result.id, result.created, result.model)
        assert chunk["object"] == "chat.completion.chunk"
        assert chunk["system_fingerprint"] == ""
        [part] = chunk["choices"]
        delta = part["delta"]
        # Both text keys on every delta, the unused one null.
        assert "content" in delta
        assert "reasoning_content" in delta
        assert delta["content"] is None or delta["reasoning_content"] is None
        # The role on each choice's first chunk only.
        assert ("role" in delta) is (part["index"] not in seen_roles)
        seen_roles.add(part["index"])
        # Cumulative usage on every chunk.
        usage = chunk["usage"]
        assert usage["completion_tokens"] >= completion_tokens
        completion_tokens = usage["completion_tokens"]
        assert usage["total_tokens"] == usage["prompt_tokens"] + usage["completion_tokens"]
    finals = [chunk for chunk in chunks if chunk["choices"][0]["finish_reason"] is not None]
    assert len(finals) == len(result.choices)
    for final in finals:
        assert final["choices"][0]["delta"] == {"content": "", "reasoning_content": None}


def test_tool_call_fragments_name_the_call_once_then_carry_arguments() -> None:
    chunks = stream_chunks(answer(REQUESTS["tool calls"]))
    fragments = [
        fragment for chunk in chunks for fragment in chunk["choices"][0]["delta"].get("tool_calls", [])
    ]
    firsts = [f for f in fragments if f["id"] is not None]
    assert [f["function"] for f in firsts] == [
        {"name": "get_time", "arguments": ""},
        {"name": "get_weather", "arguments": ""},
    ]
    assert all(f["type"] == "function" for f in firsts)
    rest = [f for f in fragments if f["id"] is None]
    assert rest
    assert all(f["type"] is None and set(f["function"]) == {"arguments"} for f in rest)


def test_the_first_chunk_opens_the_phase_it_starts_with() -> None:
    plain = stream_chunks(answer(REQUESTS["plain"]))[0]["choices"][0]["delta"]
    thinking = stream_chunks(answer(REQUESTS["thinking"]))[0]["choices"][0]["delta"]
    assert plain == {"content": "", "reasoning_content": None, "role": "assistant"}  # as the captures
    assert thinking == {"content": None, "reasoning_content": "", "role": "assistant"}


def test_two_choices_interleave() -> None:
    chunks = stream_chunks(answer(REQUESTS["two choices, cut"]))
    assert [chunk["choices"][0]["index"] for chunk in chunks[:4]] == [0, 1, 0, 1]


def test_sse_events_are_single_data_lines_ending_with_done() -> None:
    events = stream_events(answer(REQUESTS["plain"]))
    assert events[-1] == DONE_EVENT == b"data: [DONE]\n\n"
    for event in events[:-1]:
        assert event.startswith(b"data: {")
        assert event.endswith(b"}\n\n")
        assert event.count(b"\n") == 2


def test_the_completion_has_the_keys_of_the_docs_example_in_their_order() -> None:
    expected = fixture("docs-glm47-thinking.json")
    whole = completion(
        answer({"model": "Pro/zai-org/GLM-4.7", "messages": [{"role": "user", "content": "hi"}]})
    )
    assert list(whole) == list(expected)
    assert list(whole["choices"][0]) == list(expected["choices"][0])
    assert list(whole["choices"][0]["message"]) == list(expected["choices"][0]["message"])
    assert list(whole["usage"]) == list(expected["usage"])
    assert whole["system_fingerprint"] == ""


def test_the_first_chunk_has_the_keys_of_the_docs_example_in_their_order() -> None:
    expected = fixture("docs-first-stream-chunk.json")
    first = stream_chunks(answer(REQUESTS["plain"]))[0]
    assert list(first) == list(expected)
    assert first["choices"][0]["delta"] == expected["choices"][0]["delta"]
    assert list(first["usage"])[:3] == list(expected["usage"])


def test_a_non_thinking_answer_has_no_reasoning_key() -> None:
    # Like the DeepSeek-V3 capture: the key is absent, not null.
    whole = completion(answer(REQUESTS["plain"]))
    assert "reasoning_content" not in whole["choices"][0]["message"]
    assert list(whole["choices"][0]["message"]) == list(
        fixture("deepseek-v3-response.json")["choices"][0]["message"]
    )

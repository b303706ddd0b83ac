"""Chunks accumulate into the ChatCompletion a non-stream call returns, field for field."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema
import pytest
import yaml
from siliconflow import ChatCompletionAccumulator, MalformedChunkError
from siliconflow._streaming.chunks import DONE, parse_event
from siliconflow._streaming.sse import EventDecoder
from siliconflow_api.models import ChatCompletion, ChatCompletionChunk

if TYPE_CHECKING:
    from tests.overlays.conftest import Wire

SPEC = Path(__file__).resolve().parents[3] / "openapi.yaml"


def accumulate(*chunks: dict[str, Any]) -> ChatCompletion:
    accumulator = ChatCompletionAccumulator()
    for chunk in chunks:
        accumulator.add(ChatCompletionChunk.from_dict(chunk))
    completion = accumulator.snapshot()
    assert completion is not None
    return completion


def chunks_from_completion(completion: dict[str, Any], piece: int = 3) -> list[dict[str, Any]]:
    """Stream a non-stream completion the way SiliconFlow does: role first, both text keys on every
    delta (null when unused), text in small pieces, tool calls in fragments with null id/type,
    cumulative usage on every chunk, finish_reason on the last one."""
    base: dict[str, Any] = {
        k: completion[k] for k in ("id", "created", "model", "system_fingerprint") if k in completion
    }
    base["object"] = "chat.completion.chunk"
    usage = completion.get("usage")
    chunks: list[dict[str, Any]] = []

    def emit(index: int, delta: dict[str, Any], finish: str | None = None) -> None:
        chunk = {**base, "choices": [{"index": index, "delta": delta, "finish_reason": finish}]}
        if usage is not None:
            chunk["usage"] = {**usage, "completion_tokens": len(chunks)} if finish is None else usage
        chunks.append(chunk)

    for choice in completion["choices"]:
        index, message = choice["index"], choice["message"]
        reasoning = message.get("reasoning_content")
        emit(
            index,
            {
                "role": "assistant",
                "content": None if reasoning else "",
                "reasoning_content": reasoning and "",
            },
        )
        for key in ("reasoning_content", "content"):
            text = message.get(key) or ""
            for start in range(0, len(text), piece):
                other = "content" if key == "reasoning_content" else "reasoning_content"
                emit(index, {key: text[start : start + piece], other: None})
        for position, call in enumerate(message.get("tool_calls", [])):
            head = {"index": position, "id": call["id"], "type": call["type"]}
            emit(
                index,
                {
                    "content": None,
                    "tool_calls": [{**head, "function": {"name": call["function"]["name"], "arguments": ""}}],
                },
            )
            arguments = call["function"]["arguments"]
            for start in range(0, len(arguments), piece):
                fragment = {
                    "index": position,
                    "id": None,
                    "type": None,
                    "function": {"arguments": arguments[start : start + piece]},
                }
                emit(index, {"content": None, "tool_calls": [fragment]})
        emit(index, {"content": "", "reasoning_content": None}, finish=choice["finish_reason"])
    return chunks


@pytest.mark.parametrize(
    "name", ["docs-glm47-thinking.json", "docs-glm46v-tool-call.json", "docs-glm46v-image.json"]
)
@pytest.mark.parametrize("piece", [1, 4, 1000])
def test_streaming_a_non_stream_answer_accumulates_back_to_it(wire: Wire, name: str, piece: int) -> None:
    completion = wire.fixture_json(name)
    assert accumulate(*chunks_from_completion(completion, piece)).to_dict() == completion


def test_two_choices_interleaved_accumulate_by_index(wire: Wire) -> None:
    first = {"index": 0, "message": {"role": "assistant", "content": "alpha beta"}, "finish_reason": "stop"}
    second = {
        "index": 1,
        "message": {"role": "assistant", "content": "gamma delta"},
        "finish_reason": "length",
    }
    completion = {**wire.fixture_json("deepseek-v3-response.json"), "choices": [first, second]}
    streamed = chunks_from_completion(completion, 2)
    by_choice = [[c for c in streamed if c["choices"][0]["index"] == i] for i in (0, 1)]
    interleaved = [c for pair in zip(*by_choice, strict=False) for c in pair]
    interleaved += by_choice[0][len(by_choice[1]) :] + by_choice[1][len(by_choice[0]) :]
    result = accumulate(*reversed(interleaved[:2]), *interleaved[2:]).to_dict()
    # reasoning_content was null on every delta: absent, as in the non-stream answer.
    assert result == completion


def test_the_deepseek_fixture_stream_accumulates_to_the_non_stream_shape(wire: Wire) -> None:
    decoder = EventDecoder()
    chunks = []
    for event in decoder.feed(wire.fixture_bytes("deepseek-v3-stream.sse").decode()):
        parsed = parse_event(event)
        if parsed is not DONE:
            assert isinstance(parsed, ChatCompletionChunk)
            chunks.append(parsed.to_dict())
    result = accumulate(*chunks).to_dict()
    assert result == {
        "id": "01983a922eff7e1cee0f9a1cdbbd74f4",
        "object": "chat.completion",
        "created": 1753329315,
        "model": "deepseek-ai/DeepSeek-V3",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "你好"}, "finish_reason": None}],
        "usage": {"prompt_tokens": 4, "completion_tokens": 1, "total_tokens": 5},
        "system_fingerprint": "",
    }
    # The same keys, at every level, as the captured non-stream answer of the same model.
    non_stream = wire.fixture_json("deepseek-v3-response.json")
    assert result.keys() == non_stream.keys()
    assert result["choices"][0].keys() == non_stream["choices"][0].keys()
    assert result["choices"][0]["message"].keys() == non_stream["choices"][0]["message"].keys()


def test_accumulated_completions_validate_against_the_spec(wire: Wire) -> None:
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    schema = {"$ref": "#/components/schemas/ChatCompletion", "components": spec["components"]}
    for name in ("docs-glm47-thinking.json", "docs-glm46v-tool-call.json"):
        result = accumulate(*chunks_from_completion(wire.fixture_json(name))).to_dict()
        jsonschema.validate(result, schema)


def test_reasoning_then_content(wire: Wire) -> None:
    result = accumulate(
        wire.chunk(None, "", role="assistant"),
        wire.chunk(None, "Let me "),
        wire.chunk(None, "think."),
        wire.chunk("The sky ", None),
        wire.chunk("is blue.", None, finish="stop"),
    )
    message = result.choices[0].message
    assert (message.reasoning_content, message.content) == ("Let me think.", "The sky is blue.")
    assert result.choices[0].finish_reason == "stop"
    assert result.object_ == "chat.completion"


def test_tool_call_fragments_merge_by_index(wire: Wire) -> None:
    def call(index: int, **fields: Any) -> dict[str, Any]:
        return {"index": index, **fields}

    result = accumulate(
        wire.chunk(None, role="assistant"),
        wire.chunk(
            None,
            tool_calls=[
                call(0, id="call_a", type="function", function={"name": "get_weather", "arguments": ""})
            ],
        ),
        wire.chunk(None, tool_calls=[call(0, id=None, type=None, function={"arguments": '{"city": '})]),
        wire.chunk(
            None,
            tool_calls=[
                call(1, id="call_b", type="function", function={"name": "get_time", "arguments": "{}"})
            ],
        ),
        wire.chunk(
            None, tool_calls=[call(0, id=None, type=None, function={"arguments": '"Paris"}', "name": None})]
        ),
        wire.chunk(None, finish="tool_calls"),
    )
    calls = result.to_dict()["choices"][0]["message"]["tool_calls"]
    assert calls == [
        {
            "id": "call_a",
            "type": "function",
            "function": {"name": "get_weather", "arguments": '{"city": "Paris"}'},
        },
        {"id": "call_b", "type": "function", "function": {"name": "get_time", "arguments": "{}"}},
    ]
    assert result.choices[0].message.content is None
    assert result.choices[0].finish_reason == "tool_calls"


def test_repeated_tool_call_names_are_not_doubled(wire: Wire) -> None:
    fragment = {"index": 0, "id": "c", "type": "function", "function": {"name": "f", "arguments": "{"}}
    result = accumulate(
        wire.chunk(None, tool_calls=[fragment]),
        wire.chunk(None, tool_calls=[{**fragment, "function": {"name": "f", "arguments": "}"}}]),
    )
    assert result.to_dict()["choices"][0]["message"]["tool_calls"][0]["function"] == {
        "name": "f",
        "arguments": "{}",
    }


def test_usage_is_the_latest_cumulative_value_never_a_sum(wire: Wire) -> None:
    result = accumulate(
        wire.chunk("a", usage={"prompt_tokens": 10, "completion_tokens": 1, "total_tokens": 11}),
        wire.chunk("b", usage={"prompt_tokens": 10, "completion_tokens": 2, "total_tokens": 12}),
        wire.chunk("", usage=None),
        wire.chunk(
            "c",
            finish="stop",
            usage={
                "prompt_tokens": 10,
                "completion_tokens": 3,
                "total_tokens": 13,
                "completion_tokens_details": {"reasoning_tokens": 0},
            },
        ),
    )
    assert result.to_dict()["usage"] == {
        "prompt_tokens": 10,
        "completion_tokens": 3,
        "total_tokens": 13,
        "completion_tokens_details": {"reasoning_tokens": 0},
    }


def test_empty_choices_chunks_only_update_usage(wire: Wire) -> None:
    usage_only = wire.chunk(usage={"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3})
    usage_only["choices"] = []
    result = accumulate(wire.chunk("hi", role="assistant", finish="stop"), usage_only)
    assert result.choices[0].message.content == "hi"
    assert result.to_dict()["usage"]["total_tokens"] == 3


def test_fields_absent_everywhere_stay_absent(wire: Wire) -> None:
    chunk = wire.chunk("x")
    del chunk["system_fingerprint"]
    del chunk["choices"][0]["delta"]["reasoning_content"]
    del chunk["choices"][0]["finish_reason"]
    result = accumulate(chunk)
    assert result.usage is None
    assert result.system_fingerprint is None
    assert result.choices[0].message.reasoning_content is None
    assert result.choices[0].message.tool_calls is None
    assert not result.is_given("usage")
    assert "usage" not in result.to_dict()
    assert "system_fingerprint" not in result.to_dict()
    assert result.to_dict()["choices"][0] == {
        "index": 0,
        "message": {"role": "assistant", "content": "x"},
        "finish_reason": None,
    }


def test_null_only_content_stays_null(wire: Wire) -> None:
    result = accumulate(wire.chunk(None, role="assistant"), wire.chunk(None, finish="stop"))
    assert result.to_dict()["choices"][0]["message"] == {"role": "assistant", "content": None}


def test_unknown_fields_are_kept(wire: Wire) -> None:
    first = wire.chunk("a", role="assistant", extra={"service_tier": "flex"})
    first["choices"][0]["logprobs"] = {"content": [1]}
    first["choices"][0]["delta"]["reasoning"] = "think "
    second = wire.chunk("b", finish="stop")
    second["choices"][0]["logprobs"] = None
    second["choices"][0]["delta"]["reasoning"] = "more"
    second["choices"][0]["delta"]["audio"] = {"id": "x"}
    result = accumulate(first, second).to_dict()
    assert result["service_tier"] == "flex"
    choice = result["choices"][0]
    assert choice["logprobs"] == {"content": [1]}  # a later null does not erase a value
    assert choice["message"]["reasoning"] == "think more"  # unknown delta text concatenates
    assert choice["message"]["audio"] == {"id": "x"}


def test_snapshots_are_independent_objects_and_grow(wire: Wire) -> None:
    accumulator = ChatCompletionAccumulator()
    assert accumulator.snapshot() is None
    accumulator.add(ChatCompletionChunk.from_dict(wire.chunk("Hel", role="assistant")))
    first = accumulator.snapshot()
    assert first is not None
    first.choices[0].message.content = "mutated"
    accumulator.add(ChatCompletionChunk.from_dict(wire.chunk("lo")))
    second = accumulator.snapshot()
    assert second is not None
    assert second.choices[0].message.content == "Hello"
    accumulator.add(ChatCompletionChunk.from_dict(wire.chunk("!")))
    third = accumulator.snapshot()
    assert third is not None
    assert third.choices[0].message.content == "Hello!"


def test_first_chunk_sets_identity(wire: Wire) -> None:
    first = wire.chunk("a")
    later = copy.deepcopy(first)
    later["model"] = "other"
    result = accumulate(first, later)
    assert (result.id, result.model, result.created) == (first["id"], first["model"], first["created"])


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("choices", 0, "delta", "content"), 5),
        (("choices", 0, "delta", "reasoning_content"), ["x"]),
        (("choices", 0, "delta", "role"), 1),
        (("choices", 0, "finish_reason"), {"a": 1}),
        (("choices", 0, "index"), "0"),
        (("choices", 0, "index"), [0]),
        (("choices", 0, "delta", "tool_calls"), [{"index": None}]),
        (("choices", 0, "delta", "tool_calls"), [{"index": 0, "id": 7}]),
        (("choices", 0, "delta", "tool_calls"), [{"index": 0, "function": {"arguments": 1}}]),
    ],
)
def test_impossible_field_types_raise_malformed_chunk_error(
    wire: Wire, path: tuple[Any, ...], value: Any
) -> None:
    chunk = wire.chunk("x")
    target: Any = chunk
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    # The generated parser refuses the chunk (naming the path) before it reaches the accumulator.
    (event,) = EventDecoder().feed(f"data: {json.dumps(chunk)}\n\n")
    with pytest.raises(MalformedChunkError) as caught:
        parse_event(event)
    assert str(caught.value.path).startswith("choices[0]")

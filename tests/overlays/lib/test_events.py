"""Stream events: reasoning and answer apart with snapshots, tool calls, finish, sync and async twins."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from siliconflow._streaming.accumulate import ChatCompletionAccumulator
from siliconflow._streaming.chunks import parse_event
from siliconflow._streaming.sse import EventDecoder
from siliconflow.lib.events import (
    AnswerEvent,
    FinishEvent,
    ReasoningEvent,
    StreamEvent,
    StreamEventBuilder,
    ToolCallEvent,
    aiter_events,
    iter_events,
)
from siliconflow.lib.think_tags import split_think_tags
from siliconflow.lib.thinking import answer_text, reasoning_text
from siliconflow_api.models import ChatCompletion, ChatCompletionChunk

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def chunk(
    *deltas: dict[str, Any], finish: str | None = None, usage: dict[str, int] | None = None
) -> ChatCompletionChunk:
    """A chunk in SiliconFlow's shape: one delta per choice, both text keys present, null when unused."""
    choices = [
        {
            "index": index,
            "delta": {"content": None, "reasoning_content": None, **delta},
            "finish_reason": finish,
        }
        for index, delta in enumerate(deltas)
    ]
    body: dict[str, Any] = {
        "id": "019bdaabd0514ee04b65607601e48651",
        "object": "chat.completion.chunk",
        "created": 1768900251,
        "model": "Qwen/Qwen3-8B",
        "choices": choices,
        "system_fingerprint": "",
    }
    if usage is not None:
        body["usage"] = {**usage, "total_tokens": usage["prompt_tokens"] + usage["completion_tokens"]}
    return ChatCompletionChunk.from_dict(body)


def content_stream(pieces: list[str]) -> list[ChatCompletionChunk]:
    first = [chunk({"role": "assistant", "content": ""})]
    return first + [chunk({"content": piece}) for piece in pieces] + [chunk({"content": ""}, finish="stop")]


def joined(events: list[StreamEvent], kind: type[ReasoningEvent] | type[AnswerEvent]) -> str:
    return "".join(event.delta for event in events if isinstance(event, kind))


def assert_snapshots_grow_by_their_deltas(events: list[StreamEvent]) -> None:
    so_far: dict[tuple[int, str], str] = {}
    for event in events:
        if isinstance(event, ReasoningEvent | AnswerEvent):
            key = (event.index, event.type)
            so_far[key] = so_far.get(key, "") + event.delta
            assert event.snapshot == so_far[key]


def test_reasoning_content_and_content_become_separate_events() -> None:
    stream = [
        chunk({"role": "assistant", "reasoning_content": ""}),
        chunk({"reasoning_content": "The user "}),
        chunk({"reasoning_content": "greets."}),
        chunk({"content": "Hello"}),
        chunk({"content": "!"}),
        chunk({"content": ""}, finish="stop", usage={"prompt_tokens": 5, "completion_tokens": 9}),
    ]
    builder = StreamEventBuilder()
    events = [event for c in stream for event in builder.feed(c)] + builder.flush()
    assert events == [
        ReasoningEvent(0, "The user ", "The user "),
        ReasoningEvent(0, "greets.", "The user greets."),
        AnswerEvent(0, "Hello", "Hello"),
        AnswerEvent(0, "!", "Hello!"),
        FinishEvent(0, "stop", "The user greets.", "Hello!", ()),
    ]
    assert builder.usage is not None
    assert builder.usage.completion_tokens == 9


def test_content_is_not_split_once_reasoning_content_has_arrived() -> None:
    stream = [chunk({"reasoning_content": "Explain tags."}), chunk({"content": "<think>x</think>y"})]
    events = list(iter_events(stream))
    assert joined(events, AnswerEvent) == "<think>x</think>y"


THINK_TEXT = "<think>\nAdd two and two.\n</think>\n\nFour."


@pytest.mark.parametrize("cut", range(len(THINK_TEXT) + 1))
def test_inline_think_tags_are_split_at_every_split_point_of_a_stream(cut: int) -> None:
    events = list(iter_events(content_stream([THINK_TEXT[:cut], THINK_TEXT[cut:]])))
    expected = split_think_tags(THINK_TEXT)
    assert joined(events, ReasoningEvent) == expected.reasoning == "Add two and two."
    assert joined(events, AnswerEvent) == expected.answer == "Four."
    assert all(event.delta for event in events if isinstance(event, ReasoningEvent | AnswerEvent))
    assert_snapshots_grow_by_their_deltas(events)
    assert events[-1] == FinishEvent(0, "stop", "Add two and two.", "Four.", ())


def test_inline_think_tags_one_character_per_chunk() -> None:
    events = list(iter_events(content_stream(list(THINK_TEXT))))
    assert joined(events, ReasoningEvent) == "Add two and two."
    assert joined(events, AnswerEvent) == "Four."
    assert_snapshots_grow_by_their_deltas(events)


def test_think_tags_can_be_turned_off() -> None:
    events = list(iter_events(content_stream([THINK_TEXT]), think_tags=False))
    assert joined(events, AnswerEvent) == THINK_TEXT
    assert not [event for event in events if isinstance(event, ReasoningEvent)]


def test_an_unclosed_block_is_released_when_the_stream_ends_without_finish() -> None:
    stream = [chunk({"content": "<think>still going  "}), chunk({"content": "</thi"})]
    events = list(iter_events(stream))
    assert joined(events, ReasoningEvent) == "still going  </thi"
    assert not [event for event in events if isinstance(event, FinishEvent)]


def test_tool_call_fragments_are_merged_by_index() -> None:
    stream = [
        chunk({"role": "assistant", "reasoning_content": "Need the weather."}),
        chunk(
            {
                "tool_calls": [
                    {
                        "index": 0,
                        "id": "call-1",
                        "type": "function",
                        "function": {"name": "get_weather", "arguments": ""},
                    }
                ]
            }
        ),
        chunk(
            {"tool_calls": [{"index": 0, "id": None, "type": None, "function": {"arguments": '{"city":'}}]}
        ),
        chunk(
            {"tool_calls": [{"index": 0, "id": None, "type": None, "function": {"arguments": ' "Paris"}'}}]}
        ),
        chunk({"tool_calls": [{"index": 0, "id": None, "type": None, "function": {}}]}),
        chunk({"content": ""}, finish="tool_calls"),
    ]
    events = list(iter_events(stream))
    tool_events = [event for event in events if isinstance(event, ToolCallEvent)]
    assert tool_events == [
        ToolCallEvent(0, 0, "call-1", "get_weather", "", ""),
        ToolCallEvent(0, 0, "call-1", "get_weather", '{"city":', '{"city":'),
        ToolCallEvent(0, 0, "call-1", "get_weather", ' "Paris"}', '{"city": "Paris"}'),
    ]
    finish = events[-1]
    assert isinstance(finish, FinishEvent)
    assert finish.finish_reason == "tool_calls"
    assert finish.reasoning == "Need the weather."
    assert [call.to_dict() for call in finish.tool_calls] == [
        {
            "id": "call-1",
            "type": "function",
            "function": {"name": "get_weather", "arguments": '{"city": "Paris"}'},
        }
    ]


def test_choices_are_kept_apart_by_index() -> None:
    stream = [
        chunk({"reasoning_content": "A1"}, {"reasoning_content": "B1"}),
        chunk({"content": "A2"}, {"content": "<think>B2</think>B3"}),
        chunk({"content": ""}, {"content": ""}, finish="stop"),
    ]
    finishes = [event for event in iter_events(stream) if isinstance(event, FinishEvent)]
    assert finishes == [
        FinishEvent(0, "stop", "A1", "A2", ()),
        FinishEvent(1, "stop", "B1", "<think>B2</think>B3", ()),
    ]


def test_usage_only_chunks_without_choices_are_tolerated() -> None:
    builder = StreamEventBuilder()
    before = builder.usage
    assert before is None
    usage_only = ChatCompletionChunk.from_dict(
        {
            "id": "x",
            "object": "chat.completion.chunk",
            "created": 1,
            "model": "m",
            "choices": [],
            "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3},
        }
    )
    assert builder.feed(usage_only) == []
    assert builder.usage is not None
    assert builder.usage.total_tokens == 3


class StreamBroke(Exception):
    pass


def broken_stream() -> Iterator[ChatCompletionChunk]:
    yield chunk({"content": "<think>half a thought "})
    yield chunk({"content": "</th"})
    raise StreamBroke


def drain(events: Iterator[StreamEvent], into: list[StreamEvent]) -> None:
    """Collect events one by one, so what came before an error is kept."""
    for event in events:
        into.append(event)


async def adrain(events: AsyncIterator[StreamEvent], into: list[StreamEvent]) -> None:
    async for event in events:
        into.append(event)


def test_held_back_text_is_yielded_before_a_stream_error_propagates() -> None:
    seen: list[StreamEvent] = []
    with pytest.raises(StreamBroke):
        drain(iter_events(broken_stream()), seen)
    assert joined(seen, ReasoningEvent) == "half a thought </th"


@pytest.mark.anyio
async def test_async_twin_gives_the_same_events_and_keeps_held_back_text() -> None:
    async def chunks() -> AsyncIterator[ChatCompletionChunk]:
        for c in content_stream([THINK_TEXT[:9], THINK_TEXT[9:]]):
            yield c

    events = [event async for event in aiter_events(chunks())]
    assert events == list(iter_events(content_stream([THINK_TEXT[:9], THINK_TEXT[9:]])))

    async def broken() -> AsyncIterator[ChatCompletionChunk]:
        for c in broken_stream():
            yield c

    seen: list[StreamEvent] = []
    with pytest.raises(StreamBroke):
        await adrain(aiter_events(broken()), seen)
    assert joined(seen, ReasoningEvent) == "half a thought </th"


# ---- one stream state: the events and the accumulated completion agree ------------------------------


def test_a_tool_call_id_sent_empty_then_real_is_the_real_one_in_events_and_completion() -> None:
    fragments = [
        {"index": 0, "id": "", "type": "", "function": {"name": "", "arguments": ""}},
        {"index": 0, "id": "call_1", "type": "function", "function": {"name": "lookup", "arguments": "{}"}},
    ]
    builder = StreamEventBuilder()
    events = [e for f in fragments for e in builder.feed(chunk({"tool_calls": [f]}))]
    events += builder.feed(chunk({}, finish="tool_calls"))
    completion = builder.snapshot()
    assert completion is not None
    calls = completion.choices[0].message.tool_calls
    assert calls is not None
    assert [(c.id, c.function.name, c.function.arguments) for c in calls] == [("call_1", "lookup", "{}")]
    assert events[-2] == ToolCallEvent(0, 0, "call_1", "lookup", "{}", "{}")
    finish = events[-1]
    assert isinstance(finish, FinishEvent)
    assert finish.tool_calls == tuple(calls)


PIECE = st.text(st.sampled_from("ab <>/thinké\n"), max_size=6)  # tag characters, so tags can form
MAYBE_ID = st.sampled_from([None, "", "call_a", "call_b"])


@st.composite
def choice_chunks(draw: st.DrawFn, index: int) -> list[dict[str, Any]]:
    """The deltas of one choice in SiliconFlow's order: reasoning, then content, then tool calls."""
    deltas: list[dict[str, Any]] = [{"role": "assistant", "content": "", "reasoning_content": None}]
    reasoning = draw(st.lists(PIECE, max_size=4))
    deltas += [{"content": None, "reasoning_content": piece} for piece in reasoning]
    content = draw(st.lists(PIECE, max_size=4))
    if not reasoning and draw(st.booleans()):  # an inline <think> block, cut anywhere
        block = "<think>" + "".join(draw(st.lists(PIECE, max_size=3))) + "</think>"
        cut = draw(st.integers(0, len(block)))
        content = [block[:cut], block[cut:], *content]
    deltas += [{"content": piece, "reasoning_content": None} for piece in content]
    for _ in range(draw(st.integers(0, 5))):
        function: dict[str, Any] = {"arguments": draw(st.none() | PIECE)}
        if draw(st.booleans()):
            function["name"] = draw(st.sampled_from(["", "lookup", "search"]))
        fragment = {
            "index": draw(st.integers(0, 1)),
            "id": draw(MAYBE_ID),
            "type": draw(st.sampled_from([None, "", "function"])),
            "function": function,
        }
        deltas.append({"content": None, "reasoning_content": None, "tool_calls": [fragment]})
    finish = draw(st.sampled_from(["stop", "length", "tool_calls"]))
    return [{"index": index, "delta": delta, "finish_reason": None} for delta in deltas] + [
        {"index": index, "delta": {"content": "", "reasoning_content": None}, "finish_reason": finish}
    ]


@st.composite
def interleaved_streams(draw: st.DrawFn) -> list[ChatCompletionChunk]:
    """One or two choices, their chunks interleaved in any order that keeps each choice's own order."""
    queues = [draw(choice_chunks(index)) for index in range(draw(st.integers(1, 2)))]
    order = draw(st.permutations([i for i, queue in enumerate(queues) for _ in queue]))
    positions = [0] * len(queues)
    stream = []
    for which in order:
        choice = queues[which][positions[which]]
        positions[which] += 1
        stream.append(chunk_of([choice]))
    return stream


def chunk_of(choices: list[dict[str, Any]]) -> ChatCompletionChunk:
    return ChatCompletionChunk.from_dict(
        {"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": choices}
    )


def assert_events_agree_with_the_completion(stream: list[ChatCompletionChunk], think_tags: bool) -> None:
    builder = StreamEventBuilder(think_tags=think_tags)
    events = [event for c in stream for event in builder.feed(c)] + builder.flush()
    completion = builder.snapshot()
    assert completion is not None
    alone = ChatCompletionAccumulator()  # the builder merges exactly as the accumulator alone does
    for c in stream:
        alone.add(c)
    assert alone.snapshot() == completion
    assert_snapshots_grow_by_their_deltas(events)
    for choice in completion.choices:
        mine = [event for event in events if event.index == choice.index]
        finishes = [event for event in mine if isinstance(event, FinishEvent)]
        # A stream cut before its finish_reason (as the recorded fixture is) has no FinishEvent.
        assert [finish.finish_reason for finish in finishes] == [choice.finish_reason] * bool(
            choice.finish_reason
        )
        reasoning = reasoning_text(completion, choice=choice.index, think_tags=think_tags)
        answer = answer_text(completion, choice=choice.index, think_tags=think_tags)
        assert (joined(mine, ReasoningEvent), joined(mine, AnswerEvent)) == (reasoning, answer)
        calls = choice.message.tool_calls
        tool_calls = () if calls is None else tuple(calls)
        for finish in finishes:
            assert (finish.reasoning, finish.answer, finish.tool_calls) == (reasoning, answer, tool_calls)
        tool_indices = sorted(
            {
                fragment.index
                for c in stream
                for sent in c.choices
                if sent.index == choice.index
                for fragment in sent.delta.tool_calls or ()
            }
        )
        for call_index, call in zip(tool_indices, tool_calls, strict=True):
            updates = [e for e in mine if isinstance(e, ToolCallEvent) and e.tool_index == call_index]
            assert "".join(e.arguments_delta for e in updates) == call.function.arguments
            if updates:
                last = updates[-1]
                assert (last.id or "", last.name or "", last.arguments_snapshot) == (
                    call.id,
                    call.function.name,
                    call.function.arguments,
                )


@settings(max_examples=150, deadline=None)
@given(stream=interleaved_streams(), think_tags=st.booleans())
def test_events_agree_with_the_accumulated_completion_on_generated_streams(
    stream: list[ChatCompletionChunk], think_tags: bool
) -> None:
    assert_events_agree_with_the_completion(stream, think_tags)


def completion_as_stream(completion: dict[str, Any], piece: int) -> list[ChatCompletionChunk]:
    """A non-stream fixture replayed as SiliconFlow streams it: text in pieces, tool calls in fragments."""
    stream = []
    for choice in completion["choices"]:
        message = choice["message"]
        deltas: list[dict[str, Any]] = [{"role": message["role"], "content": "", "reasoning_content": None}]
        for key in ("reasoning_content", "content"):
            text = message.get(key) or ""
            deltas += [{key: text[i : i + piece]} for i in range(0, len(text), piece)]
        for index, call in enumerate(message.get("tool_calls") or []):
            arguments = call["function"]["arguments"]
            head = {"index": index, "id": "", "type": None, "function": {"name": call["function"]["name"]}}
            deltas.append({"tool_calls": [head]})  # the id comes "" first, then for real
            deltas.append({"tool_calls": [{"index": index, "id": call["id"], "type": call["type"]}]})
            deltas += [
                {
                    "tool_calls": [
                        {"index": index, "id": None, "function": {"arguments": arguments[i : i + piece]}}
                    ]
                }
                for i in range(0, len(arguments), piece)
            ]
        choices = [{"index": choice["index"], "delta": delta, "finish_reason": None} for delta in deltas]
        choices.append({"index": choice["index"], "delta": {}, "finish_reason": choice["finish_reason"]})
        stream += [chunk_of([c]) for c in choices]
    return stream


COMPLETION_FIXTURES = ["deepseek-v3-response.json", "docs-glm46v-tool-call.json", "docs-glm47-thinking.json"]


@pytest.mark.parametrize("name", COMPLETION_FIXTURES)
@pytest.mark.parametrize("piece", [1, 5, 1000])
def test_events_agree_with_the_completion_on_every_completion_fixture(name: str, piece: int) -> None:
    fixture = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    stream = completion_as_stream(fixture, piece)
    assert_events_agree_with_the_completion(stream, think_tags=True)
    builder = StreamEventBuilder()
    for c in stream:
        builder.feed(c)
    completion = builder.snapshot()
    assert completion is not None
    expected = ChatCompletion.from_dict(fixture)
    assert [c.message.to_dict() for c in completion.choices] == [
        c.message.to_dict() for c in expected.choices
    ]


@pytest.mark.parametrize("name", ["deepseek-v3-stream.sse"])
def test_events_agree_with_the_completion_on_every_stream_fixture(name: str) -> None:
    decoder = EventDecoder()
    parsed = [parse_event(event) for event in decoder.feed((FIXTURES / name).read_text(encoding="utf-8"))]
    stream = [c for c in parsed if isinstance(c, ChatCompletionChunk)]
    assert stream
    assert_events_agree_with_the_completion(stream, think_tags=True)
    single = json.loads((FIXTURES / "deepseek-v3-stream-chunk.json").read_text(encoding="utf-8"))
    first = json.loads((FIXTURES / "docs-first-stream-chunk.json").read_text(encoding="utf-8"))
    for payload in (single, first):
        assert_events_agree_with_the_completion([ChatCompletionChunk.from_dict(payload)], think_tags=True)

"""Stream events: reasoning and answer apart with snapshots, tool calls, finish, sync and async twins."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from siliconflow.events import (
    AnswerEvent,
    FinishEvent,
    ReasoningEvent,
    StreamEvent,
    StreamEventBuilder,
    ToolCallEvent,
    aiter_events,
    iter_events,
)
from siliconflow.think_tags import split_think_tags
from siliconflow_api.models import ChatCompletionChunk


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

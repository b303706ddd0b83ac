"""Stream events with reasoning and answer apart, in the spirit of Anthropic's ThinkingEvent / TextEvent.

`StreamEventBuilder` is sans-IO: feed it each `ChatCompletionChunk` and it returns the events that
chunk makes. `iter_events` and `aiter_events` wrap it around any sync or async iterable of chunks
(such as the runtime's streams), so both share one implementation:

    with client.stream(request) as stream:
        for event in iter_events(stream):
            if event.type == "reasoning":
                show_dim(event.delta)
            elif event.type == "answer":
                show(event.delta)

The builder merges each chunk into its own `ChatCompletionAccumulator` and reads tool calls, finish
events and usage from that one state, so the events always agree with `builder.snapshot()`, the
completion a non-stream call would have returned. Open the stream with `accumulate=False` when the
events are all you read, so each chunk is merged once:

    builder = StreamEventBuilder()
    with client.stream(request, accumulate=False) as stream:
        for event in iter_events(stream, builder=builder):
            ...
    completion = builder.snapshot()

Events per choice (`index`): `ReasoningEvent` and `AnswerEvent` carry the new text and the text so
far (`snapshot`); `ToolCallEvent` a fragment of a tool call's arguments; `FinishEvent` the finish
reason with the final reasoning, answer and tool calls of that choice, read from the accumulated
choice (the same `split_message` rule as `reasoning_text`/`answer_text`). The deltas of a choice add
up to its FinishEvent's text whenever reasoning_content (if any) comes before content, as every
SiliconFlow model sends it.

Reasoning is `delta.reasoning_content`. When a choice's answer starts before any reasoning_content
arrived, its `content` goes through the `<think>` splitter (`think_tags=False` turns that off), which
holds back text that might be a tag until the next chunk decides it. The splitter's hold-back is
released at the choice's finish_reason, at the end of the stream, and before a stream error is
re-raised, so no text is lost.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator
from typing import Literal

from attrs import define, frozen
from siliconflow_api.models import ChatCompletion, ChatCompletionChunk, ChunkChoice, ToolCall, Usage
from siliconflow_api.models import ToolCallDelta as ToolCallFragment
from siliconflow_api.types import Unset

from .._streaming.accumulate import ChatCompletionAccumulator
from .think_tags import SplitText, ThinkTagSplitter
from .thinking import split_message

__all__ = [
    "AnswerEvent",
    "FinishEvent",
    "ReasoningEvent",
    "StreamEvent",
    "StreamEventBuilder",
    "ToolCallEvent",
    "aiter_events",
    "iter_events",
]


@frozen
class ReasoningEvent:
    """New chain-of-thought text of choice `index`, and all of it so far."""

    index: int
    delta: str
    snapshot: str
    type: Literal["reasoning"] = "reasoning"


@frozen
class AnswerEvent:
    """New answer text of choice `index`, and all of it so far."""

    index: int
    delta: str
    snapshot: str
    type: Literal["answer"] = "answer"


@frozen
class ToolCallEvent:
    """A fragment of tool call `tool_index` of choice `index`; id and name as known so far."""

    index: int
    tool_index: int
    id: str | None
    name: str | None
    arguments_delta: str
    arguments_snapshot: str
    type: Literal["tool_call"] = "tool_call"


@frozen
class FinishEvent:
    """Choice `index` is complete: why it stopped, and its final reasoning, answer and tool calls."""

    index: int
    finish_reason: str
    reasoning: str
    answer: str
    tool_calls: tuple[ToolCall, ...]
    type: Literal["finish"] = "finish"


StreamEvent = ReasoningEvent | AnswerEvent | ToolCallEvent | FinishEvent


def _text(value: str | Unset | None) -> str:
    return value if isinstance(value, str) else ""


@define
class _ChoiceView:
    """What the events of one choice add to the accumulator's state: the text as it is shown."""

    index: int
    reasoning: str = ""
    answer: str = ""
    saw_reasoning_content: bool = False
    answer_started: bool = False
    # Set when the answer starts before any reasoning_content: the content may carry <think> tags.
    splitter: ThinkTagSplitter | None = None

    def add(self, part: SplitText) -> list[StreamEvent]:
        events: list[StreamEvent] = []
        if part.reasoning:
            self.reasoning += part.reasoning
            events.append(ReasoningEvent(self.index, part.reasoning, self.reasoning))
        if part.answer:
            self.answer += part.answer
            events.append(AnswerEvent(self.index, part.answer, self.answer))
        return events

    def add_content(self, content: str, think_tags: bool) -> list[StreamEvent]:
        if not self.answer_started:
            self.answer_started = True
            if think_tags and not self.saw_reasoning_content:
                self.splitter = ThinkTagSplitter()
        if self.splitter is None:
            return self.add(SplitText(answer=content))
        return self.add(self.splitter.feed(content))

    def flush(self) -> list[StreamEvent]:
        if self.splitter is None:
            return []
        return self.add(self.splitter.finish())


class StreamEventBuilder:
    """Turns chunks into events. Sans-IO: the same object serves sync and async streams.

    The builder owns a `ChatCompletionAccumulator` and merges every chunk into it first; tool-call
    ids, names and arguments, the finish events and `usage` are read from that one state, so the
    events and `snapshot()` (the accumulated completion) cannot disagree. Read the completion from
    here and open the stream with `accumulate=False`, so each chunk is merged once.
    """

    def __init__(self, *, think_tags: bool = True) -> None:
        self._think_tags = think_tags
        self._accumulator = ChatCompletionAccumulator()
        self._views: dict[int, _ChoiceView] = {}

    @property
    def usage(self) -> Usage | None:
        """The latest usage the stream reported (SiliconFlow sends running totals on every chunk)."""
        return self._accumulator.usage

    def snapshot(self) -> ChatCompletion | None:
        """The completion accumulated from every chunk fed so far; None before the first one."""
        return self._accumulator.snapshot()

    def feed(self, chunk: ChatCompletionChunk) -> list[StreamEvent]:
        """The events one chunk makes, in order. Raises `MalformedChunkError` like the accumulator."""
        self._accumulator.add(chunk)
        events: list[StreamEvent] = []
        for choice in chunk.choices:
            events.extend(self._feed_choice(choice))
        return events

    def flush(self) -> list[StreamEvent]:
        """The stream has ended or broken: release text held back by the `<think>` splitter."""
        events: list[StreamEvent] = []
        for index in sorted(self._views):
            events.extend(self._views[index].flush())
        return events

    def _feed_choice(self, choice: ChunkChoice) -> list[StreamEvent]:
        index = choice.index
        view = self._views.get(index)
        if view is None:
            view = self._views[index] = _ChoiceView(index)
        delta = choice.delta
        events: list[StreamEvent] = []
        reasoning = _text(delta.reasoning_content)
        if reasoning:
            view.saw_reasoning_content = True
            events.extend(view.add(SplitText(reasoning=reasoning)))
        content = _text(delta.content)
        if content:
            events.extend(view.add_content(content, self._think_tags))
        if delta.tool_calls is not None:
            for fragment in delta.tool_calls:
                event = self._tool_call_event(index, fragment)
                if event is not None:
                    events.append(event)
        if isinstance(choice.finish_reason, str):
            events.extend(view.flush())
            events.append(self._finish_event(index, choice.finish_reason))
        return events

    def _tool_call_event(self, index: int, fragment: ToolCallFragment) -> ToolCallEvent | None:
        # Later fragments repeat nothing ("id": null, "type": null, no name): an event only for news.
        function = fragment.function
        arguments = "" if function is None else _text(function.arguments)
        named = function is not None and bool(_text(function.name))
        if not (arguments or named or _text(fragment.id)):
            return None
        call_id, name, arguments_so_far = self._accumulator.tool_call(index, fragment.index)
        return ToolCallEvent(index, fragment.index, call_id, name, arguments, arguments_so_far)

    def _finish_event(self, index: int, finish_reason: str) -> FinishEvent:
        choice = self._accumulator.choice(index)
        assert choice is not None  # the chunk that finishes it was just added
        text = split_message(choice.message, think_tags=self._think_tags)
        tool_calls = choice.message.tool_calls
        calls = () if tool_calls is None else tuple(tool_calls)
        return FinishEvent(index, finish_reason, text.reasoning, text.answer, calls)


def iter_events(
    chunks: Iterable[ChatCompletionChunk],
    *,
    think_tags: bool = True,
    builder: StreamEventBuilder | None = None,
) -> Iterator[StreamEvent]:
    """Events of a sync stream of chunks. Held-back text is yielded before a stream error propagates.

    Pass your own `builder` to read the accumulated completion from it (`builder.snapshot()`) during
    and after the loop, also after an error; it then decides `think_tags` itself.
    """
    if builder is None:
        builder = StreamEventBuilder(think_tags=think_tags)
    try:
        for chunk in chunks:
            yield from builder.feed(chunk)
    except Exception:
        yield from builder.flush()
        raise
    yield from builder.flush()


async def aiter_events(
    chunks: AsyncIterable[ChatCompletionChunk],
    *,
    think_tags: bool = True,
    builder: StreamEventBuilder | None = None,
) -> AsyncIterator[StreamEvent]:
    """Events of an async stream of chunks; the twin of `iter_events`."""
    if builder is None:
        builder = StreamEventBuilder(think_tags=think_tags)
    try:
        async for chunk in chunks:
            for event in builder.feed(chunk):
                yield event
    except Exception:
        for event in builder.flush():
            yield event
        raise
    for event in builder.flush():
        yield event

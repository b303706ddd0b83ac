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

Events per choice (`index`): `ReasoningEvent` and `AnswerEvent` carry the new text and the text so
far (`snapshot`); `ToolCallEvent` a fragment of a tool call's arguments; `FinishEvent` the finish
reason with the final reasoning, answer and tool calls of that choice.

Reasoning is `delta.reasoning_content`. When a choice's answer starts before any reasoning_content
arrived, its `content` goes through the `<think>` splitter (`think_tags=False` turns that off), which
holds back text that might be a tag until the next chunk decides it. The splitter's hold-back is
released at the choice's finish_reason, at the end of the stream, and before a stream error is
re-raised, so no text is lost.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator
from typing import Literal

from attrs import define, field, frozen
from siliconflow_api.models import ChatCompletionChunk, ChunkChoice, FunctionCall, ToolCall, Usage
from siliconflow_api.models import ToolCallDelta as ToolCallFragment
from siliconflow_api.types import Unset

from .think_tags import SplitText, ThinkTagSplitter

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
class _ToolCallState:
    id: str | None = None
    type: str | None = None
    name: str | None = None
    arguments: str = ""

    def to_tool_call(self) -> ToolCall:
        return ToolCall(
            id=self.id or "",
            type_=self.type or "function",
            function=FunctionCall(name=self.name or "", arguments=self.arguments),
        )


@define
class _ChoiceState:
    index: int
    reasoning: str = ""
    answer: str = ""
    saw_reasoning_content: bool = False
    answer_started: bool = False
    # Set when the answer starts before any reasoning_content: the content may carry <think> tags.
    splitter: ThinkTagSplitter | None = None
    tool_calls: dict[int, _ToolCallState] = field(factory=dict)

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

    def add_tool_call(self, fragment: ToolCallFragment) -> ToolCallEvent | None:
        state = self.tool_calls.setdefault(fragment.index, _ToolCallState())
        # Later fragments repeat nothing: "id": null, "type": null and no name.
        news = False
        if _text(fragment.id):
            state.id, news = _text(fragment.id), True
        if _text(fragment.type_):
            state.type = _text(fragment.type_)
        arguments = ""
        if not isinstance(fragment.function, Unset):
            if _text(fragment.function.name):
                state.name, news = _text(fragment.function.name), True
            arguments = _text(fragment.function.arguments)
            state.arguments += arguments
        if not (news or arguments):
            return None
        return ToolCallEvent(self.index, fragment.index, state.id, state.name, arguments, state.arguments)

    def flush(self) -> list[StreamEvent]:
        if self.splitter is None:
            return []
        return self.add(self.splitter.finish())

    def finish(self, finish_reason: str) -> list[StreamEvent]:
        events = self.flush()
        tool_calls = tuple(self.tool_calls[i].to_tool_call() for i in sorted(self.tool_calls))
        events.append(FinishEvent(self.index, finish_reason, self.reasoning, self.answer, tool_calls))
        return events


class StreamEventBuilder:
    """Turns chunks into events. Sans-IO: the same object serves sync and async streams."""

    def __init__(self, *, think_tags: bool = True) -> None:
        self._think_tags = think_tags
        self._choices: dict[int, _ChoiceState] = {}
        self._usage: Usage | None = None

    @property
    def usage(self) -> Usage | None:
        """The latest usage the stream reported (SiliconFlow sends running totals on every chunk)."""
        return self._usage

    def feed(self, chunk: ChatCompletionChunk) -> list[StreamEvent]:
        """The events one chunk makes, in order."""
        if isinstance(chunk.usage, Usage):
            self._usage = chunk.usage
        events: list[StreamEvent] = []
        for choice in chunk.choices:
            events.extend(self._feed_choice(choice))
        return events

    def flush(self) -> list[StreamEvent]:
        """The stream has ended or broken: release text held back by the `<think>` splitter."""
        events: list[StreamEvent] = []
        for index in sorted(self._choices):
            events.extend(self._choices[index].flush())
        return events

    def _feed_choice(self, choice: ChunkChoice) -> list[StreamEvent]:
        state = self._choices.get(choice.index)
        if state is None:
            state = self._choices[choice.index] = _ChoiceState(choice.index)
        delta = choice.delta
        events: list[StreamEvent] = []
        reasoning = _text(delta.reasoning_content)
        if reasoning:
            state.saw_reasoning_content = True
            events.extend(state.add(SplitText(reasoning=reasoning)))
        content = _text(delta.content)
        if content:
            events.extend(state.add_content(content, self._think_tags))
        if not isinstance(delta.tool_calls, Unset):
            for fragment in delta.tool_calls:
                event = state.add_tool_call(fragment)
                if event is not None:
                    events.append(event)
        if isinstance(choice.finish_reason, str):
            events.extend(state.finish(choice.finish_reason))
        return events


def iter_events(chunks: Iterable[ChatCompletionChunk], *, think_tags: bool = True) -> Iterator[StreamEvent]:
    """Events of a sync stream of chunks. Held-back text is yielded before a stream error propagates."""
    builder = StreamEventBuilder(think_tags=think_tags)
    try:
        for chunk in chunks:
            yield from builder.feed(chunk)
    except Exception:
        yield from builder.flush()
        raise
    yield from builder.flush()


async def aiter_events(
    chunks: AsyncIterable[ChatCompletionChunk], *, think_tags: bool = True
) -> AsyncIterator[StreamEvent]:
    """Events of an async stream of chunks; the twin of `iter_events`."""
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

"""Chunks of a stream -> the `ChatCompletion` a non-stream call would have returned (sans-IO).

Merge rules, per choice (by `index`, so n > 1 works and choices may interleave):
- `content` and `reasoning_content`: the string pieces, concatenated. A field that only ever came as
  null is null for `content` and left out for `reasoning_content`: SiliconFlow streams send
  `"reasoning_content": null` on every chunk of a non-thinking model, whose non-stream message has no
  such key, while a non-stream message always has `content`.
- `tool_calls`: merged by their own `index`. The first fragment brings id, type and name; later ones
  bring `"id": null, "type": null` and a piece of the arguments, which are concatenated. The first
  non-empty id, type and name win: some servers send `""` before the real value, others repeat it.
- `role`: the first one sent (default "assistant"); `finish_reason`: the last non-null one.
- Unknown delta fields: string pieces concatenated (like `content`), other values replace earlier
  ones. Unknown chunk, choice and tool-call fields: the latest non-null value.
Per completion: id, created and model from the first chunk; `usage` and `system_fingerprint` the
latest non-null value. SiliconFlow's usage is cumulative (every chunk carries the running totals), so
it is never added up. A field absent from every chunk stays absent from the result's `to_dict()` (`is_given`).

Memory is O(output): text is kept as lists of the received pieces and joined when a snapshot is
taken (then compacted to one piece), never re-concatenated per chunk.
"""

from __future__ import annotations

from typing import Any, NoReturn

from siliconflow_api.models.chat_completion import ChatCompletion
from siliconflow_api.models.chat_completion_chunk import ChatCompletionChunk
from siliconflow_api.models.choice import Choice
from siliconflow_api.models.chunk_choice import ChunkChoice
from siliconflow_api.models.function_call import FunctionCall
from siliconflow_api.models.response_message import ResponseMessage
from siliconflow_api.models.tool_call import ToolCall
from siliconflow_api.models.tool_call_delta import ToolCallDelta
from siliconflow_api.models.usage import Usage
from siliconflow_api.types import UNSET, Unset

from .._core.errors import MalformedChunkError

__all__ = ["ChatCompletionAccumulator"]


class ChatCompletionAccumulator:
    """Add chunks as they arrive; take a `snapshot()` at any moment."""

    __slots__ = ("_choices", "_created", "_extras", "_fingerprint", "_id", "_model", "_usage")

    def __init__(self) -> None:
        self._id: str | None = None
        self._created = 0
        self._model = ""
        self._usage: Usage | Unset | None = UNSET
        self._fingerprint: str | Unset | None = UNSET
        self._extras: dict[str, Any] = {}
        self._choices: dict[int, _ChoiceState] = {}

    def add(self, chunk: ChatCompletionChunk) -> None:
        """Merge one chunk. Raises `MalformedChunkError` for a field of an impossible type."""
        if self._id is None:
            self._id = chunk.id
            self._created = chunk.created
            self._model = chunk.model
        usage = chunk.usage  # a Usage read lazily: built only if the completion's usage is read
        if usage is not None:
            self._usage = usage
        elif self._usage is UNSET and chunk.is_given("usage"):
            self._usage = None
        fingerprint = chunk.system_fingerprint
        if fingerprint is not None:
            self._fingerprint = fingerprint
        elif self._fingerprint is UNSET and chunk.is_given("system_fingerprint"):
            self._fingerprint = None
        if chunk.additional_properties:
            _keep_latest(self._extras, chunk.additional_properties)
        choices = self._choices
        for choice in chunk.choices:
            index = choice.index
            state = choices.get(index) if type(index) is int else _bad("choices[].index", index)
            if state is None:
                state = choices[index] = _ChoiceState(index)
            state.add(choice)

    @property
    def usage(self) -> Usage | None:
        """The latest usage (SiliconFlow sends running totals on every chunk); None before any."""
        return self._usage if isinstance(self._usage, Usage) else None

    def choice(self, index: int) -> Choice | None:
        """Choice `index` so far, as a new object; None before a chunk of it arrived."""
        state = self._choices.get(index)
        return None if state is None else state.snapshot()

    def tool_call(self, index: int, tool_index: int) -> tuple[str | None, str | None, str]:
        """Id, name (None until known) and arguments so far of tool call `tool_index` of choice `index`."""
        choice = self._choices.get(index)
        calls = None if choice is None else choice.tool_calls
        state = None if calls is None else calls.get(tool_index)
        if state is None:
            return None, None, ""
        return state.id or None, state.name or None, _joined(state.arguments)

    def snapshot(self) -> ChatCompletion | None:
        """The completion so far, as a new object; None before the first chunk."""
        if self._id is None:
            return None
        completion = ChatCompletion(
            id=self._id,
            object_="chat.completion",
            created=self._created,
            model=self._model,
            choices=[self._choices[index].snapshot() for index in sorted(self._choices)],
            usage=self._usage,
            system_fingerprint=self._fingerprint,
        )
        completion.additional_properties = dict(self._extras)
        return completion


class _ChoiceState:
    __slots__ = (
        "content",
        "content_null",
        "delta_extras",
        "delta_texts",
        "extras",
        "finish_reason",
        "index",
        "reasoning",
        "role",
        "tool_calls",
    )

    def __init__(self, index: int) -> None:
        self.index = index
        self.role: str | None = None
        self.content: list[str] | None = None
        self.content_null = False
        self.reasoning: list[str] | None = None
        self.tool_calls: dict[int, _ToolCallState] | None = None
        self.finish_reason: str | None = None
        self.extras: dict[str, Any] = {}
        self.delta_texts: dict[str, list[str]] = {}
        self.delta_extras: dict[str, Any] = {}

    def add(self, choice: ChunkChoice) -> None:  # noqa: PLR0912  # inlined on purpose: runs per chunk
        delta = choice.delta
        # The hot path: one type test per field, the common case first.
        content = delta.content
        if isinstance(content, str):
            if self.content is None:
                self.content = [content]
            else:
                self.content.append(content)
        elif content is None:
            if not self.content_null and delta.is_given("content"):
                self.content_null = True
        else:
            _bad("delta.content", content)
        reasoning = delta.reasoning_content
        if isinstance(reasoning, str):
            if self.reasoning is None:
                self.reasoning = [reasoning]
            else:
                self.reasoning.append(reasoning)
        elif reasoning is not None:
            _bad("delta.reasoning_content", reasoning)
        if self.role is None:
            role = delta.role
            if isinstance(role, str):
                self.role = role
            elif role is not None:
                _bad("delta.role", role)
        finish_reason = choice.finish_reason
        if isinstance(finish_reason, str):
            self.finish_reason = finish_reason
        elif finish_reason is not None:
            _bad("finish_reason", finish_reason)
        if delta.tool_calls:
            self._add_tool_calls(delta.tool_calls)
        if delta.additional_properties:
            _merge_delta_extras(self.delta_texts, self.delta_extras, delta.additional_properties)
        if choice.additional_properties:
            _keep_latest(self.extras, choice.additional_properties)

    def _add_tool_calls(self, fragments: list[ToolCallDelta]) -> None:
        if self.tool_calls is None:
            self.tool_calls = {}
        calls = self.tool_calls
        for fragment in fragments:
            index = fragment.index
            state = calls.get(index) if type(index) is int else _bad("tool_calls[].index", index)
            if state is None:
                state = calls[index] = _ToolCallState()
            state.add(fragment)

    def snapshot(self) -> Choice:
        # A null content is passed to __init__: a None written later would stay absent (is_given).
        message = ResponseMessage(role=self.role or "assistant", content=None if self.content_null else UNSET)
        if self.content is not None:
            message.content = _joined(self.content)
        if self.reasoning is not None:
            message.reasoning_content = _joined(self.reasoning)
        if self.tool_calls is not None:
            message.tool_calls = [self.tool_calls[index].snapshot() for index in sorted(self.tool_calls)]
        message.additional_properties = dict(self.delta_extras)
        for key, parts in self.delta_texts.items():
            message.additional_properties[key] = _joined(parts)
        choice = Choice(index=self.index, message=message, finish_reason=self.finish_reason)
        choice.additional_properties = dict(self.extras)
        return choice


class _ToolCallState:
    __slots__ = ("arguments", "extras", "function_extras", "id", "name", "type")

    def __init__(self) -> None:
        self.id: str | None = None
        self.type: str | None = None
        self.name: str | None = None
        self.arguments: list[str] = []
        self.extras: dict[str, Any] = {}
        self.function_extras: dict[str, Any] = {}

    def add(self, fragment: ToolCallDelta) -> None:
        # First non-empty id/type/name win: some servers send "" first, some repeat them on every fragment.
        if not self.id:
            self.id = _optional_str("tool_calls[].id", fragment.id) or self.id
        if not self.type:
            self.type = _optional_str("tool_calls[].type", fragment.type_) or self.type
        function = fragment.function
        if function is not None:
            if not self.name:
                self.name = _optional_str("tool_calls[].function.name", function.name) or self.name
            arguments = function.arguments
            if isinstance(arguments, str):
                self.arguments.append(arguments)
            elif arguments is not None:
                _bad("tool_calls[].function.arguments", arguments)
            if function.additional_properties:
                _keep_latest(self.function_extras, function.additional_properties)
        if fragment.additional_properties:
            _keep_latest(self.extras, fragment.additional_properties)

    def snapshot(self) -> ToolCall:
        # ToolCall requires every field; a stream cut before the first fragment's end leaves gaps.
        function = FunctionCall(name=self.name or "", arguments=_joined(self.arguments))
        function.additional_properties = dict(self.function_extras)
        call = ToolCall(id=self.id or "", type_=self.type or "function", function=function)
        call.additional_properties = dict(self.extras)
        return call


def _joined(parts: list[str]) -> str:
    if len(parts) == 1:
        return parts[0]
    text = "".join(parts)
    parts[:] = [text]  # compact, so the next snapshot joins only what arrived since
    return text


def _optional_str(field: str, value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    _bad(field, value)


def _keep_latest(target: dict[str, Any], extras: dict[str, Any]) -> None:
    for key, value in extras.items():
        if value is not None or key not in target:
            target[key] = value


def _merge_delta_extras(texts: dict[str, list[str]], others: dict[str, Any], extras: dict[str, Any]) -> None:
    for key, value in extras.items():
        if isinstance(value, str):
            parts = texts.get(key)
            if parts is None:
                texts[key] = [value]
                others.pop(key, None)
            else:
                parts.append(value)
        elif value is None and key in texts:
            continue
        else:
            others[key] = value
            texts.pop(key, None)


def _bad(field: str, value: object) -> NoReturn:
    raise MalformedChunkError(f"Chunk field {field} has an unexpected value: {value!r:.100}")

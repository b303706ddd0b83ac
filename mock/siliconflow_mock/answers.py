"""Deterministic answers derived from the request: the same body always gets the same text.

Rules (the README repeats them for test writers):
- The *topic* is the text of the last user message (string content, or its text parts joined by
  spaces). Choice 0 answers `You said: <topic>` (`Hello from the SiliconFlow mock.` when there is no
  text); choice i > 0 answers `Alternative i: ...`. After a tool message the answer is
  `The tool <name> returned: <tool content>`.
- Thinking: the model thinks when it always thinks (DeepSeek-R1, QwQ, ...), or when
  `enable_thinking` is true, or when `enable_thinking` is absent and the model has the switch
  (server default on); the table is `thinking_models.py`. The reasoning is
  `Thinking about: <topic>`, cut to `thinking_budget` tokens (default 4096), like Qwen3 does.
- Tool calls: when `tools` are given, `tool_choice` is not "none" and the last message is from the
  user, the model calls the tool named by `tool_choice`, else every tool whose name appears as a word
  in the topic, else (`tool_choice: "required"`) the first tool. Arguments fill each declared
  parameter with a value of its schema (`"mock"`, 1, true, the first enum value, nested objects
  filled the same way; see `json_answers.instance`).
  A turn that calls tools has null content and finish_reason `tool_calls`. After tool results, the
  model calls the tools those results name that it has not called yet (see `tool_rounds`).
- `response_format`: `json_schema` gets an instance of the schema; `json_object` an instance of the
  schema a system message states, else `{"answer": <text>}` (see `json_answers`).
- Stop sequences cut the text before the earliest match (finish_reason `stop`); then `max_tokens`
  keeps that many answer tokens (finish_reason `length`). Reasoning does not count against it.
- `n` choices, at most MAX_CHOICES (a larger `n` gets MAX_CHOICES: a mock answers, it does not bill).
- Usage: prompt_tokens counts the tokens (see `tokens.py`) of every text in the messages; the
  messages before the last one count as a context-cache hit (`cached_tokens`,
  `prompt_cache_hit_tokens`); completion_tokens is answer plus reasoning plus tool-call tokens.
"""

from __future__ import annotations

import json
import re
import secrets
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from siliconflow_mock import json_answers, thinking_models, tool_rounds
from siliconflow_mock.tokens import count_tokens, split_tokens

MAX_CHOICES = 16
DEFAULT_THINKING_BUDGET = 4096
GREETING = "Hello from the SiliconFlow mock."


@dataclass(frozen=True)
class ToolCall:
    id: str
    name: str
    arguments: str

    @property
    def tokens(self) -> int:
        return count_tokens(self.name) + count_tokens(self.arguments)


@dataclass(frozen=True)
class Choice:
    index: int
    reasoning: tuple[str, ...] | None  # tokens of the chain of thought; None when the model does not think
    content: tuple[str, ...] | None  # tokens of the answer; None when the turn only calls tools
    tool_calls: tuple[ToolCall, ...]
    finish_reason: str

    @property
    def reasoning_tokens(self) -> int:
        return len(self.reasoning or ())

    @property
    def completion_tokens(self) -> int:
        return self.reasoning_tokens + len(self.content or ()) + sum(call.tokens for call in self.tool_calls)


@dataclass(frozen=True)
class Answer:
    id: str
    created: int
    model: str
    choices: tuple[Choice, ...]
    prompt_tokens: int
    cached_tokens: int

    @property
    def completion_tokens(self) -> int:
        return sum(choice.completion_tokens for choice in self.choices)

    @property
    def reasoning_tokens(self) -> int:
        return sum(choice.reasoning_tokens for choice in self.choices)


def new_id() -> str:
    """32 lowercase hex characters, time-ordered like SiliconFlow's ids (48-bit ms clock, then random)."""
    return f"{time.time_ns() // 1_000_000:012x}{secrets.token_hex(10)}"


def answer(request: Mapping[str, Any]) -> Answer:
    """The answer to a request body that already passed validation against the spec."""
    messages: Sequence[Mapping[str, Any]] = request["messages"]
    model: str = request["model"]
    n = min(int(request.get("n", 1)), MAX_CHOICES)
    thinks = thinking_models.thinks(model, request.get("enable_thinking"))
    budget = int(request.get("thinking_budget", DEFAULT_THINKING_BUDGET))
    tool_names = _tools_to_call(request)
    last = messages[-1]
    topic = _text_of(last) if last.get("role") == "tool" else _last_user_text(messages)

    choices = []
    for index in range(n):
        reasoning = tuple(split_tokens(f"Thinking about: {topic}")[:budget]) if thinks else None
        if tool_names:
            calls = tuple(ToolCall(new_id(), name, _arguments_for(request, name)) for name in tool_names)
            choices.append(Choice(index, reasoning, None, calls, "tool_calls"))
            continue
        base = _tool_result_text(messages) if last.get("role") == "tool" else _reply_text(topic)
        text = base if index == 0 else f"Alternative {index}: {base}"
        content, finish_reason = _limit(_formatted(text, request), request)
        choices.append(Choice(index, reasoning, content, (), finish_reason))

    history = sum(_message_tokens(message) for message in messages[:-1])
    return Answer(
        id=new_id(),
        created=int(time.time()),
        model=model,
        choices=tuple(choices),
        prompt_tokens=history + _message_tokens(last),
        cached_tokens=history,
    )


def _reply_text(topic: str) -> str:
    return f"You said: {topic}" if topic else GREETING


def _formatted(text: str, request: Mapping[str, Any]) -> str:
    formatted = json_answers.formatted(text, request)
    return text if formatted is None else formatted


def _limit(text: str, request: Mapping[str, Any]) -> tuple[tuple[str, ...], str]:
    """Apply stop sequences, then max_tokens: the text and finish_reason a real model would end with."""
    stop = request.get("stop")
    stops = [stop] if isinstance(stop, str) else list(stop or [])
    cuts = [text.find(s) for s in stops if s and s in text]
    if cuts:
        text = text[: min(cuts)]
    tokens = split_tokens(text)
    # JSON Schema counts 5.0 as an integer, so a valid max_tokens may arrive as a float.
    max_tokens = request.get("max_tokens")
    if max_tokens is not None and len(tokens) > max_tokens:
        return tuple(tokens[: int(max_tokens)]), "length"
    return tuple(tokens), "stop"


def _tools_to_call(request: Mapping[str, Any]) -> list[str]:
    tools = request.get("tools") or []
    choice = request.get("tool_choice", "auto")
    last_role = request["messages"][-1].get("role")
    if tools and choice != "none" and last_role == "tool":
        return tool_rounds.named_by_results(request)
    if not tools or choice == "none" or last_role != "user":
        return []
    if isinstance(choice, Mapping):
        return [str(choice["function"]["name"])]
    topic = _last_user_text(request["messages"])
    names = list(dict.fromkeys(str(tool["function"]["name"]) for tool in tools))
    mentioned = [name for name in names if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", topic)]
    if mentioned:
        return mentioned
    return names[:1] if choice == "required" else []


def _arguments_for(request: Mapping[str, Any], name: str) -> str:
    for tool in request.get("tools") or []:
        function = tool["function"]
        if function["name"] == name:
            parameters = function.get("parameters") or {}
            properties = parameters.get("properties") or {}
            if isinstance(properties, Mapping):
                # Nested records, enums, unions and bounds are filled validly (json_answers.instance).
                schema = {**parameters, "type": "object"}
                return json.dumps(json_answers.instance(schema))
    return "{}"


def _last_user_text(messages: Sequence[Mapping[str, Any]]) -> str:
    for message in reversed(messages):
        if message.get("role") == "user":
            return _text_of(message)
    return ""


def _text_of(message: Mapping[str, Any]) -> str:
    content = message.get("content")
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return " ".join(str(part["text"]) for part in content if part.get("type") == "text")
    return ""


def _tool_result_text(messages: Sequence[Mapping[str, Any]]) -> str:
    last = messages[-1]
    name = "tool"
    for message in messages:
        if message.get("role") != "assistant":  # elsewhere `tool_calls` is an unvalidated extra field
            continue
        for call in message.get("tool_calls") or []:
            if call.get("id") == last.get("tool_call_id"):
                name = call["function"]["name"]
    return f"The tool {name} returned: {_text_of(last)}"


def _message_tokens(message: Mapping[str, Any]) -> int:
    texts = [_text_of(message)]
    if message.get("role") == "assistant":  # the spec validates these fields on assistant turns only
        texts.append(message.get("reasoning_content") or "")
        for call in message.get("tool_calls") or []:
            texts += [call["function"]["name"], call["function"]["arguments"]]
    return sum(count_tokens(text) for text in texts)

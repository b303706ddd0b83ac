"""Ranges and enums of the `ChatCompletionRequest` fields, as openapi.yaml states them.

Written by scripts/generate.py (`make generate`) from the spec; never edit by hand. Keys are the
fields' JSON paths (`response_format.type` for a field of a nested object). A field whose schema
allows several shapes (`anyOf`/`oneOf`) has the types and limits of all of them; `nullable` says
whether JSON null is one of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, kw_only=True)
class FieldRule:
    """What the spec allows for one request field; None where it sets no limit."""

    types: tuple[str, ...]
    nullable: bool = False
    enum: tuple[str, ...] | None = None
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: float | None = None
    exclusive_maximum: float | None = None
    min_length: int | None = None
    max_length: int | None = None
    min_items: int | None = None
    max_items: int | None = None


CHAT_COMPLETION_REQUEST: Final[dict[str, FieldRule]] = {
    "enable_thinking": FieldRule(types=("boolean",)),
    "frequency_penalty": FieldRule(types=("number",), minimum=-2, maximum=2),
    "max_tokens": FieldRule(types=("integer",), minimum=1),
    "messages": FieldRule(types=("array",), min_items=1),
    "min_p": FieldRule(types=("number",), minimum=0, maximum=1),
    "model": FieldRule(types=("string",), min_length=1),
    "n": FieldRule(types=("integer",), minimum=1),
    "prefix": FieldRule(types=("string",)),
    "reasoning_effort": FieldRule(types=("string",), enum=("high", "max", "low", "medium", "xhigh")),
    "response_format": FieldRule(types=("object",)),
    "response_format.json_schema": FieldRule(types=("object",)),
    "response_format.type": FieldRule(types=("string",), enum=("text", "json_object", "json_schema")),
    "stop": FieldRule(types=("string", "array"), nullable=True, max_items=4),
    "stream": FieldRule(types=("boolean",)),
    "suffix": FieldRule(types=("string",)),
    "temperature": FieldRule(types=("number",), minimum=0, maximum=2),
    "thinking_budget": FieldRule(types=("integer",), minimum=128, maximum=32768),
    "tool_choice": FieldRule(types=("string", "object"), enum=("none", "auto", "required")),
    "tool_choice.function": FieldRule(types=("object",)),
    "tool_choice.type": FieldRule(types=("string",), enum=("function",)),
    "tools": FieldRule(types=("array",), max_items=128),
    "top_k": FieldRule(types=("number",), maximum=100),
    "top_p": FieldRule(types=("number",), minimum=0, maximum=1),
}

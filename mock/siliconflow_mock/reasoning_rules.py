"""What real reasoning models refuse in tool-calling flows, so a client's tool loop can be tested.

The mock's own table (the client keeps its own in `siliconflow.lib.model_catalog`; the mock borrows
nothing from it). Model ids are compared without the `Pro/` tier prefix.

- Reasoning replay: with thinking on, these models reject a request whose assistant tool-call
  message lacks its `reasoning_content`, with 400 code 20015 and SiliconFlow's message (seen with
  Kimi-K2.5; the interleaved-thinking guide says the same of DeepSeek-V3.2 and GLM-4.7).
  `mock/replay-required` behaves the same and is in no client table, to test how a client learns.
- Forced tool choice: DeepSeek-style reasoning models reject `tool_choice` "required" or a named
  function while thinking is on (400 code 20015).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

INVALID_PARAMETER_CODE = 20015
# A model in no client's table that enforces replay like Kimi-K2.5.
REPLAY_REQUIRED_MODEL = "mock/replay-required"

REPLAY_MODELS: frozenset[str] = frozenset(
    {
        "moonshotai/Kimi-K2.5",
        "moonshotai/Kimi-K2.6",  # takes K2.5's traffic (redirect 2026-06-05); enforcement UNCONFIRMED
        "deepseek-ai/DeepSeek-V3.2",
        "zai-org/GLM-4.7",
        "deepseek-ai/DeepSeek-V4",
        "deepseek-ai/DeepSeek-V4-Flash",
        "deepseek-ai/DeepSeek-V4-Pro",
        REPLAY_REQUIRED_MODEL,
    }
)

NO_FORCED_TOOL_CHOICE_WHEN_THINKING: frozenset[str] = frozenset(
    {
        "deepseek-ai/DeepSeek-R1",
        "deepseek-ai/DeepSeek-V3.1",
        "deepseek-ai/DeepSeek-V3.1-Terminus",
        "deepseek-ai/DeepSeek-V3.2",
        "deepseek-ai/DeepSeek-V3.2-Exp",
        "deepseek-ai/DeepSeek-V4",
        "deepseek-ai/DeepSeek-V4-Flash",
        "deepseek-ai/DeepSeek-V4-Pro",
    }
)

REPLAY_MISSING_MESSAGE = (
    "thinking is enabled but reasoning_content is missing in assistant tool call message at index {index}"
)
FORCED_TOOL_CHOICE_MESSAGE = (
    'tool_choice {choice} is not supported when thinking is enabled; use "auto" or set '
    "enable_thinking to false"
)


def _canonical(model: str) -> str:
    return model.removeprefix("Pro/")


def problem(request: Mapping[str, Any], *, thinks: bool) -> str | None:
    """The 20015 message a real model would answer this (schema-valid) request with, or None."""
    if not thinks:
        return None
    model = _canonical(str(request["model"]))
    if model in NO_FORCED_TOOL_CHOICE_WHEN_THINKING:
        choice = request.get("tool_choice")
        if choice == "required" or isinstance(choice, Mapping):
            shown = '"required"' if choice == "required" else "naming a function"
            return FORCED_TOOL_CHOICE_MESSAGE.format(choice=shown)
    if model in REPLAY_MODELS:
        index = _missing_reasoning(request["messages"])
        if index is not None:
            return REPLAY_MISSING_MESSAGE.format(index=index)
    return None


def _missing_reasoning(messages: Sequence[Mapping[str, Any]]) -> int | None:
    for index, message in enumerate(messages):
        calls_tools = message.get("role") == "assistant" and message.get("tool_calls")
        if calls_tools and not message.get("reasoning_content"):
            return index
    return None

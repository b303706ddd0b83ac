"""Multi-turn: the assistant message to send back after a completion.

What goes back, per SiliconFlow's guides:
- the answer as `content`, without reasoning (a leading `<think>` block is taken out of it when the
  message has no `reasoning_content`);
- `tool_calls` always, since the tool results that follow refer to them by id;
- `reasoning_content` only for models that require it (`model_catalog.requires_reasoning_replay`:
  DeepSeek-V3.2/V4, GLM-4.7, Kimi-K2.5). The interleaved-thinking guide says to send it back unchanged in
  every later request, after tool results as well as after user messages, or the tool-calling
  follow-up is rejected. For the other models the reasoning-model guide appends only `content`.

    reply = client.create(request)
    request.messages.append(assistant_message(reply))
    request.messages.append(ToolMessage(role="tool", tool_call_id=..., content=...))
"""

from __future__ import annotations

from siliconflow_api.models import AssistantMessage, ChatCompletion, Choice, ToolCall
from siliconflow_api.types import UNSET, Unset

from .model_catalog import requires_reasoning_replay
from .thinking import split_message

__all__ = ["assistant_message", "assistant_message_from_choice"]


def assistant_message(
    completion: ChatCompletion, *, choice: int = 0, keep_reasoning: bool | None = None
) -> AssistantMessage:
    """The assistant message for choice `choice` of `completion`, ready to append to the history.

    keep_reasoning: None decides from `completion.model`; True or False overrides.
    """
    for candidate in completion.choices:
        if candidate.index == choice:
            return assistant_message_from_choice(
                candidate, model=completion.model, keep_reasoning=keep_reasoning
            )
    raise ValueError(f"the completion has no choice with index {choice}")


def assistant_message_from_choice(
    choice: Choice, *, model: str, keep_reasoning: bool | None = None
) -> AssistantMessage:
    """The assistant message for one choice of a completion from `model`."""
    if keep_reasoning is None:
        keep_reasoning = requires_reasoning_replay(model)
    message = choice.message
    split = split_message(message)  # reasoning_content comes through verbatim, as replay demands
    tool_calls: list[ToolCall] | Unset = UNSET
    if message.tool_calls:
        # Copies, so editing the history does not change the completion.
        tool_calls = [ToolCall.from_dict(call.to_dict()) for call in message.tool_calls]
    return AssistantMessage(
        role="assistant",
        content=split.answer,
        reasoning_content=split.reasoning if keep_reasoning and split.reasoning else UNSET,
        tool_calls=tool_calls,
    )

"""Thinking mode for one request and one completion: ask for it, then read reasoning and answer apart.

Asking: `Thinking(enabled=True, budget=2048).apply(request)` returns a copy of a generated
`ChatCompletionRequest` with `enable_thinking`, `thinking_budget` and `reasoning_effort` set; a field
left at None is not sent, so the server's per-model default applies. Values are checked when the
`Thinking` is made, before any request, and `check_thinking_fields` checks a request built by hand.

Reading: `reasoning_text`, `answer_text` and `token_usage` take a generated `ChatCompletion`. When a
message has no `reasoning_content`, a leading `<think>…</think>` block in `content` is taken as the
reasoning instead (see `think_tags`).
"""

from __future__ import annotations

import attrs
from attrs import frozen
from siliconflow_api.models import ChatCompletion, ChatCompletionRequest, ResponseMessage, Usage

from .._core.errors import ThinkingOptionError
from .._core.thinking_checks import (
    REASONING_EFFORTS,
    THINKING_BUDGET_MAX,
    THINKING_BUDGET_MIN,
    ReasoningEffort,
    check_budget,
    check_effort,
    check_enabled,
    check_thinking_fields,
)
from .think_tags import SplitText, split_think_tags

__all__ = [
    "REASONING_EFFORTS",
    "THINKING_BUDGET_MAX",
    "THINKING_BUDGET_MIN",
    "ReasoningEffort",
    "Thinking",
    "ThinkingOptionError",
    "TokenUsage",
    "answer_text",
    "check_thinking_fields",
    "reasoning_text",
    "split_message",
    "token_usage",
]


@frozen(kw_only=True)
class Thinking:
    """What to ask of thinking mode. None leaves a field out of the request (server default).

    enabled: `enable_thinking`, for models that can switch thinking on and off.
    budget: `thinking_budget`, tokens of chain of thought, 128..32768.
    effort: `reasoning_effort`, "high" or "max" (DeepSeek-V4 and GLM-5.2 families); the server
        also takes "low"/"medium" (as "high") and "xhigh" (as "max").
    """

    enabled: bool | None = None
    budget: int | None = None
    effort: ReasoningEffort | None = None

    def __attrs_post_init__(self) -> None:
        check_enabled(self.enabled)
        check_budget(self.budget)
        check_effort(self.effort)

    def apply(self, request: ChatCompletionRequest) -> ChatCompletionRequest:
        """A copy of `request` with the given thinking fields set; the others stay as they were."""
        updated = attrs.evolve(request, messages=list(request.messages))
        # evolve() builds through __init__, which does not take the pass-through extras.
        updated.additional_properties = dict(request.additional_properties)
        if self.enabled is not None:
            updated.enable_thinking = self.enabled
        if self.budget is not None:
            updated.thinking_budget = self.budget
        if self.effort is not None:
            updated.reasoning_effort = self.effort
        return updated


def split_message(message: ResponseMessage, *, think_tags: bool = True) -> SplitText:
    """Reasoning and answer of one message; the `<think>` fallback only when reasoning_content is empty."""
    content = message.content if isinstance(message.content, str) else ""
    reasoning = message.reasoning_content if isinstance(message.reasoning_content, str) else ""
    if reasoning or not think_tags:
        return SplitText(reasoning=reasoning, answer=content)
    return split_think_tags(content)


def _split_choice(completion: ChatCompletion, choice: int, think_tags: bool) -> SplitText:
    for candidate in completion.choices:
        if candidate.index == choice:
            return split_message(candidate.message, think_tags=think_tags)
    return SplitText()  # e.g. a stream that broke before its first chunk


def reasoning_text(completion: ChatCompletion, *, choice: int = 0, think_tags: bool = True) -> str:
    """The chain of thought of a choice; empty when the model did not reason (or no such choice)."""
    return _split_choice(completion, choice, think_tags).reasoning


def answer_text(completion: ChatCompletion, *, choice: int = 0, think_tags: bool = True) -> str:
    """The answer of a choice, without its reasoning; empty when there is none."""
    return _split_choice(completion, choice, think_tags).answer


@frozen
class TokenUsage:
    """Token counts with the completion divided into reasoning and answer.

    reasoning_tokens is what the server reports in `completion_tokens_details`; it is 0 when the
    server does not report it (as for reasoning inlined in `<think>` tags, which it counts as answer).
    """

    prompt_tokens: int
    reasoning_tokens: int
    answer_tokens: int
    total_tokens: int

    @classmethod
    def from_usage(cls, usage: Usage) -> TokenUsage:
        """The counts of a response's `usage`, the reasoning tokens apart from the answer's."""
        details = usage.completion_tokens_details
        reasoning = 0
        if details is not None and details.reasoning_tokens is not None:
            reasoning = details.reasoning_tokens
        return cls(
            prompt_tokens=usage.prompt_tokens,
            reasoning_tokens=reasoning,
            answer_tokens=max(usage.completion_tokens - reasoning, 0),
            total_tokens=usage.total_tokens,
        )


def token_usage(completion: ChatCompletion) -> TokenUsage | None:
    """Prompt, reasoning and answer tokens of a completion; None when the server sent no usage."""
    if completion.usage is None:
        return None
    return TokenUsage.from_usage(completion.usage)

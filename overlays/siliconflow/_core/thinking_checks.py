"""The thinking-mode request fields a caller set by hand, checked before sending (sans-IO).

Below the resources, so `client.chat.completions` checks a request without importing the thinking
helpers of `lib/` (which re-export these names).
"""

from __future__ import annotations

from typing import get_args

from siliconflow_api.models import ChatCompletionRequest
from siliconflow_api.models.chat_completion_request_reasoning_effort import (
    ChatCompletionRequestReasoningEffort as ReasoningEffort,
)
from siliconflow_api.types import Unset

from .errors import ThinkingOptionError

__all__ = [
    "REASONING_EFFORTS",
    "THINKING_BUDGET_MAX",
    "THINKING_BUDGET_MIN",
    "ReasoningEffort",
    "check_budget",
    "check_effort",
    "check_enabled",
    "check_thinking_fields",
]

# SiliconFlow's documented range for `thinking_budget` (tokens of chain of thought).
THINKING_BUDGET_MIN = 128
THINKING_BUDGET_MAX = 32768
REASONING_EFFORTS: tuple[ReasoningEffort, ...] = get_args(ReasoningEffort)


def check_enabled(value: object) -> None:
    if value is not None and not isinstance(value, bool):
        raise ThinkingOptionError(f"enable_thinking must be true or false, got {value!r}")


def check_budget(value: object) -> None:
    if value is None:
        return
    # bool is an int subclass; True is not a budget.
    if isinstance(value, bool) or not isinstance(value, int):
        raise ThinkingOptionError(f"thinking_budget must be a whole number of tokens, got {value!r}")
    if value < THINKING_BUDGET_MIN:
        limit = f"at least {THINKING_BUDGET_MIN}"
    elif value > THINKING_BUDGET_MAX:
        limit = f"at most {THINKING_BUDGET_MAX}"
    else:
        return
    raise ThinkingOptionError(f"thinking_budget must be {limit} tokens, got {value}")


def check_effort(value: object) -> None:
    if value is not None and value not in REASONING_EFFORTS:
        allowed = " or ".join(repr(effort) for effort in REASONING_EFFORTS)
        raise ThinkingOptionError(f"reasoning_effort must be {allowed}, got {value!r}")


def _given(value: object) -> object:
    return None if isinstance(value, Unset) else value


def check_thinking_fields(request: ChatCompletionRequest) -> None:
    """Raise ThinkingOptionError when a request's thinking fields are outside what the API accepts."""
    check_enabled(_given(request.enable_thinking))
    check_budget(_given(request.thinking_budget))
    check_effort(_given(request.reasoning_effort))

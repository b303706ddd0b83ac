"""Asking for thinking mode and reading reasoning, answer and usage of a completion."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from siliconflow._core.errors import SiliconFlowError
from siliconflow.lib.thinking import (
    THINKING_BUDGET_MAX,
    THINKING_BUDGET_MIN,
    Thinking,
    ThinkingOptionError,
    TokenUsage,
    answer_text,
    check_thinking_fields,
    reasoning_text,
    token_usage,
)
from siliconflow_api.models import ChatCompletion, ChatCompletionRequest, UserMessage

FIXTURES = Path(__file__).parents[2] / "fixtures"


def request() -> ChatCompletionRequest:
    req = ChatCompletionRequest(model="Qwen/Qwen3-8B", messages=[UserMessage(role="user", content="Hi")])
    req.additional_properties["seed"] = 7
    return req


def completion(message: dict[str, Any], usage: dict[str, Any] | None = None) -> ChatCompletion:
    body: dict[str, Any] = {
        "id": "019bdaa55225ef854b320e9b838f77ce",
        "object": "chat.completion",
        "created": 1768899826,
        "model": "Qwen/Qwen3-8B",
        "choices": [{"index": 0, "message": {"role": "assistant", **message}, "finish_reason": "stop"}],
    }
    if usage is not None:
        body["usage"] = usage
    return ChatCompletion.from_dict(body)


def test_only_the_given_thinking_fields_are_sent() -> None:
    body = Thinking(budget=1024).apply(request()).to_dict()
    assert body["thinking_budget"] == 1024
    assert "enable_thinking" not in body
    assert "reasoning_effort" not in body


def test_all_thinking_fields_reach_the_wire_and_the_original_is_untouched() -> None:
    original = request()
    body = Thinking(enabled=False, budget=THINKING_BUDGET_MAX, effort="max").apply(original).to_dict()
    assert body["enable_thinking"] is False
    assert body["thinking_budget"] == THINKING_BUDGET_MAX
    assert body["reasoning_effort"] == "max"
    assert body["seed"] == 7  # pass-through extras survive the copy
    assert original.to_dict() == request().to_dict()


def test_a_default_thinking_changes_nothing() -> None:
    assert Thinking().apply(request()).to_dict() == request().to_dict()


@pytest.mark.parametrize(
    ("budget", "message"),
    [
        (THINKING_BUDGET_MIN - 1, "thinking_budget must be at least 128 tokens, got 127"),
        (0, "thinking_budget must be at least 128 tokens, got 0"),
        (THINKING_BUDGET_MAX + 1, "thinking_budget must be at most 32768 tokens, got 32769"),
    ],
)
def test_a_budget_out_of_range_names_the_bound(budget: int, message: str) -> None:
    with pytest.raises(ThinkingOptionError) as caught:
        Thinking(budget=budget)
    assert str(caught.value) == message
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, SiliconFlowError)


@pytest.mark.parametrize("budget", [THINKING_BUDGET_MIN, 4096, THINKING_BUDGET_MAX])
def test_budgets_within_range_are_accepted(budget: int) -> None:
    assert Thinking(budget=budget).budget == budget


@pytest.mark.parametrize(
    ("options", "fragment"),
    [
        ({"budget": True}, "thinking_budget must be a whole number of tokens"),
        ({"budget": 1024.0}, "thinking_budget must be a whole number of tokens"),
        ({"effort": "extreme"}, "reasoning_effort must be 'high' or .*, got 'extreme'"),
        ({"enabled": "yes"}, "enable_thinking must be true or false"),
    ],
)
def test_wrongly_typed_options_are_refused(options: dict[str, Any], fragment: str) -> None:
    with pytest.raises(ThinkingOptionError, match=fragment):
        Thinking(**options)


def test_a_hand_built_request_is_checked_too() -> None:
    req = request()
    check_thinking_fields(req)
    req.thinking_budget = 64
    with pytest.raises(ThinkingOptionError, match="at least 128"):
        check_thinking_fields(req)


def test_reasoning_and_answer_of_the_docs_example_are_kept_apart() -> None:
    docs = ChatCompletion.from_dict(json.loads((FIXTURES / "docs-glm47-thinking.json").read_text()))
    assert reasoning_text(docs) == "..."
    assert answer_text(docs) == docs.choices[0].message.content
    assert token_usage(docs) == TokenUsage(
        prompt_tokens=15, reasoning_tokens=1190, answer_tokens=350, total_tokens=1555
    )


def test_think_tags_in_content_are_split_when_reasoning_content_is_empty() -> None:
    inline = completion({"content": "<think>\n2+2 is 4\n</think>\n\nFour.", "reasoning_content": ""})
    assert reasoning_text(inline) == "2+2 is 4"
    assert answer_text(inline) == "Four."
    assert answer_text(inline, think_tags=False) == "<think>\n2+2 is 4\n</think>\n\nFour."


def test_think_tags_are_left_alone_when_reasoning_content_is_present() -> None:
    both = completion({"content": "Use <think> tags like this.", "reasoning_content": "Explain tags."})
    assert reasoning_text(both) == "Explain tags."
    assert answer_text(both) == "Use <think> tags like this."


def test_a_plain_answer_has_no_reasoning_and_all_tokens_are_answer() -> None:
    plain = ChatCompletion.from_dict(json.loads((FIXTURES / "deepseek-v3-response.json").read_text()))
    assert reasoning_text(plain) == ""
    assert answer_text(plain) == plain.choices[0].message.content
    assert token_usage(plain) == TokenUsage(
        prompt_tokens=4, reasoning_tokens=0, answer_tokens=15, total_tokens=19
    )


def test_missing_pieces_read_as_empty() -> None:
    tool_only = completion({"content": None})
    assert reasoning_text(tool_only) == ""
    assert answer_text(tool_only) == ""
    assert answer_text(tool_only, choice=3) == ""
    assert token_usage(tool_only) is None

"""Replay rules: what of a completion goes back into the history for the next request."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from siliconflow.lib.messages import assistant_message, assistant_message_from_choice
from siliconflow_api.models import ChatCompletion, ChatCompletionRequest, ToolMessage, UserMessage

FIXTURES = Path(__file__).parents[2] / "fixtures"
TOOL_CALL = {
    "id": "019bda90bb06ea1f88f140889ff0916b",
    "type": "function",
    "function": {"name": "get_current_weather", "arguments": '{"location": "Boston, MA"}'},
}


def completion(model: str, message: dict[str, Any]) -> ChatCompletion:
    return ChatCompletion.from_dict(
        {
            "id": "019bda909755f42bd3785e4c1c8117bb",
            "object": "chat.completion",
            "created": 1768898467,
            "model": model,
            "choices": [
                {"index": 0, "message": {"role": "assistant", **message}, "finish_reason": "tool_calls"}
            ],
        }
    )


TOOL_TURN = {"content": "", "reasoning_content": "I should look up the weather.", "tool_calls": [TOOL_CALL]}


@pytest.mark.parametrize("model", ["deepseek-ai/DeepSeek-V3.2", "zai-org/GLM-4.7", "Pro/zai-org/GLM-4.7"])
def test_models_that_require_it_get_their_reasoning_and_tool_calls_back(model: str) -> None:
    message = assistant_message(completion(model, TOOL_TURN))
    assert message.to_dict() == {
        "role": "assistant",
        "content": "",
        "reasoning_content": "I should look up the weather.",
        "tool_calls": [TOOL_CALL],
    }


@pytest.mark.parametrize("model", ["Qwen/Qwen3-8B", "deepseek-ai/DeepSeek-R1", "some-org/unknown-model"])
def test_other_models_get_tool_calls_but_not_reasoning(model: str) -> None:
    message = assistant_message(completion(model, TOOL_TURN))
    assert message.to_dict() == {"role": "assistant", "content": "", "tool_calls": [TOOL_CALL]}


def test_the_docs_tool_call_example_round_trips_into_a_valid_follow_up_request() -> None:
    reply = ChatCompletion.from_dict(json.loads((FIXTURES / "docs-glm46v-tool-call.json").read_text()))
    follow_up = ChatCompletionRequest(
        model=reply.model,
        messages=[
            UserMessage(role="user", content="Weather in Boston?"),
            assistant_message(reply),
            ToolMessage(role="tool", tool_call_id="019bda90bb06ea1f88f140889ff0916b", content="3 C"),
        ],
    )
    body = follow_up.to_dict()
    assert body["messages"][1] == {"role": "assistant", "content": "...", "tool_calls": [TOOL_CALL]}
    assert ChatCompletionRequest.from_dict(body).to_dict() == body


def test_keep_reasoning_overrides_the_model_table() -> None:
    kept = assistant_message(completion("Qwen/Qwen3-8B", TOOL_TURN), keep_reasoning=True)
    assert kept.reasoning_content == "I should look up the weather."
    dropped = assistant_message(completion("zai-org/GLM-4.7", TOOL_TURN), keep_reasoning=False)
    assert "reasoning_content" not in dropped.to_dict()


def test_inline_think_block_is_taken_out_of_the_content() -> None:
    inline = completion(
        "Qwen/Qwen3-8B", {"content": "<think>\nsum\n</think>\n\n4", "reasoning_content": None}
    )
    assert assistant_message(inline).to_dict() == {"role": "assistant", "content": "4"}
    replayed = assistant_message(inline, keep_reasoning=True)
    assert replayed.reasoning_content == "sum"


def test_tool_calls_are_copies_so_editing_the_history_leaves_the_completion_alone() -> None:
    reply = completion("zai-org/GLM-4.7", TOOL_TURN)
    message = assistant_message(reply)
    assert isinstance(message.tool_calls, list)
    message.tool_calls[0].function.arguments = "{}"
    assert reply.choices[0].message.to_dict()["tool_calls"] == [TOOL_CALL]


def test_a_choice_can_be_turned_into_a_message_given_its_model() -> None:
    reply = completion("deepseek-ai/DeepSeek-V3.2", TOOL_TURN)
    message = assistant_message_from_choice(reply.choices[0], model=reply.model)
    assert message.reasoning_content == "I should look up the weather."


def test_a_missing_choice_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="no choice with index 2"):
        assistant_message(completion("Qwen/Qwen3-8B", TOOL_TURN), choice=2)

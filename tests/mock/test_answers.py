"""The mock's answer rules: what a test writer can predict from the request alone."""

from __future__ import annotations

import json
from typing import Any

import pytest
from siliconflow_mock.answers import GREETING, MAX_CHOICES, Answer, answer
from siliconflow_mock.tokens import count_tokens

WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "parameters": {
            "type": "object",
            "properties": {
                "city": {"type": "string"},
                "days": {"type": "integer"},
                "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
                "alerts": {"type": ["boolean", "null"]},
            },
        },
    },
}
TIME_TOOL = {"type": "function", "function": {"name": "get_time"}}


def ask(text: str = "Why is the sky blue?", **fields: Any) -> Answer:
    body: dict[str, Any] = {
        "model": "deepseek-ai/DeepSeek-V3",
        "messages": [{"role": "user", "content": text}],
    }
    body.update(fields)
    return answer(body)


def content(result: Answer, index: int = 0) -> str | None:
    tokens = result.choices[index].content
    return None if tokens is None else "".join(tokens)


def reasoning(result: Answer, index: int = 0) -> str | None:
    tokens = result.choices[index].reasoning
    return None if tokens is None else "".join(tokens)


def test_the_answer_repeats_the_last_user_message() -> None:
    result = ask("Why is the sky blue?")
    assert content(result) == "You said: Why is the sky blue?"
    assert result.choices[0].finish_reason == "stop"
    assert reasoning(result) is None  # DeepSeek-V3 does not think


def test_text_parts_are_the_topic_and_no_text_gets_a_greeting() -> None:
    parts = [
        {"type": "text", "text": "Describe"},
        {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}},
        {"type": "text", "text": "this picture."},
    ]
    assert content(ask(parts)) == "You said: Describe this picture."  # type: ignore[arg-type]
    image_only = [{"type": "image_url", "image_url": {"url": "https://example.invalid/a.png"}}]
    assert content(ask(image_only)) == GREETING  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("model", "enable_thinking", "thinks"),
    [
        ("deepseek-ai/DeepSeek-R1", None, True),  # always thinks
        ("deepseek-ai/DeepSeek-R1", False, True),  # ... even when asked not to
        ("Qwen/Qwen3-8B", None, True),  # has the switch: server default on
        ("Qwen/Qwen3-8B", False, False),
        ("Pro/zai-org/GLM-4.7", True, True),  # Pro/ names the same model
        ("deepseek-ai/DeepSeek-V3", None, False),  # unknown to the catalog: no thinking by default
        ("deepseek-ai/DeepSeek-V3", True, True),  # ... unless asked for
    ],
)
def test_thinking_follows_the_model_catalog(model: str, enable_thinking: bool | None, thinks: bool) -> None:
    fields: dict[str, Any] = {"model": model}
    if enable_thinking is not None:
        fields["enable_thinking"] = enable_thinking
    result = ask("Hello there", **fields)
    assert (reasoning(result) == "Thinking about: Hello there") is thinks
    assert (reasoning(result) is None) is not thinks


def test_thinking_budget_caps_the_reasoning_tokens() -> None:
    long_prompt = " ".join(f"word{i}" for i in range(400))
    result = ask(long_prompt, model="Qwen/Qwen3-8B", thinking_budget=128)
    assert result.reasoning_tokens == 128
    assert content(result) == f"You said: {long_prompt}"  # the answer itself is not cut


def test_max_tokens_cuts_the_answer_not_the_reasoning() -> None:
    result = ask("one two three four five", model="Qwen/Qwen3-8B", max_tokens=3)
    assert content(result) == "You said:"
    assert result.choices[0].finish_reason == "length"
    assert reasoning(result) == "Thinking about: one two three four five"


def test_max_tokens_written_as_a_float_is_honoured() -> None:
    # Regression (found by schemathesis): JSON Schema counts 3.0 as an integer, the mock crashed.
    result = ask("one two three four five", max_tokens=3.0)
    assert content(result) == "You said:"
    assert result.choices[0].finish_reason == "length"


def test_an_answer_that_fits_max_tokens_stops_normally() -> None:
    result = ask("hi", max_tokens=100)
    assert result.choices[0].finish_reason == "stop"


@pytest.mark.parametrize(
    ("stop", "expected"),
    [
        ("blue", "You said: Why is the sky "),
        (["sky", "Why"], "You said: "),  # the earliest match wins
        (["absent"], "You said: Why is the sky blue?"),
        (None, "You said: Why is the sky blue?"),
    ],
)
def test_stop_sequences_cut_the_text_before_them(stop: object, expected: str) -> None:
    result = ask(stop=stop)
    assert content(result) == expected
    assert result.choices[0].finish_reason == "stop"


def test_stop_then_max_tokens() -> None:
    result = ask("a b c d e f", stop="e", max_tokens=4)
    assert content(result) == "You said: a"
    assert result.choices[0].finish_reason == "length"


def test_n_choices_are_distinct_and_indexed() -> None:
    result = ask("hi", n=3)
    assert [choice.index for choice in result.choices] == [0, 1, 2]
    assert [content(result, i) for i in range(3)] == [
        "You said: hi",
        "Alternative 1: You said: hi",
        "Alternative 2: You said: hi",
    ]


def test_n_is_capped() -> None:
    assert len(ask("hi", n=10_000).choices) == MAX_CHOICES


def test_json_mode_answers_a_json_object() -> None:
    result = ask("hi", response_format={"type": "json_object"})
    assert json.loads(content(result) or "") == {"answer": "You said: hi"}


def test_a_mentioned_tool_is_called_with_placeholder_arguments() -> None:
    result = ask("What is the weather? Use get_weather please.", tools=[TIME_TOOL, WEATHER_TOOL])
    choice = result.choices[0]
    assert choice.finish_reason == "tool_calls"
    assert choice.content is None
    [call] = choice.tool_calls
    assert call.name == "get_weather"
    assert json.loads(call.arguments) == {"city": "mock", "days": 1, "unit": "celsius", "alerts": True}
    assert len(call.id) == 32


def test_every_mentioned_tool_is_called_in_tool_order() -> None:
    result = ask("get_weather and get_time", tools=[TIME_TOOL, WEATHER_TOOL])
    assert [call.name for call in result.choices[0].tool_calls] == ["get_time", "get_weather"]
    assert result.choices[0].tool_calls[0].arguments == "{}"


def test_a_name_inside_another_word_is_not_a_mention() -> None:
    result = ask("my_get_weather_helper is broken", tools=[WEATHER_TOOL])
    assert result.choices[0].tool_calls == ()


@pytest.mark.parametrize(
    ("tool_choice", "called"),
    [
        ("auto", []),
        ("none", []),
        ("required", ["get_time"]),
        ({"type": "function", "function": {"name": "get_weather"}}, ["get_weather"]),
    ],
)
def test_tool_choice(tool_choice: object, called: list[str]) -> None:
    result = ask("no names here", tools=[TIME_TOOL, WEATHER_TOOL], tool_choice=tool_choice)
    assert [call.name for call in result.choices[0].tool_calls] == called


def test_tool_choice_none_wins_over_a_mention() -> None:
    result = ask("get_weather", tools=[WEATHER_TOOL], tool_choice="none")
    assert content(result) == "You said: get_weather"


def test_after_a_tool_result_the_model_answers_instead_of_calling_again() -> None:
    call = {"id": "call-1", "type": "function", "function": {"name": "get_weather", "arguments": "{}"}}
    messages = [
        {"role": "user", "content": "Use get_weather"},
        {"role": "assistant", "content": None, "tool_calls": [call]},
        {"role": "tool", "tool_call_id": "call-1", "content": "Sunny, 21 C"},
    ]
    result = answer({"model": "m", "messages": messages, "tools": [WEATHER_TOOL], "tool_choice": "required"})
    assert content(result) == "The tool get_weather returned: Sunny, 21 C"
    assert result.choices[0].tool_calls == ()


def test_usage_adds_up_and_history_is_a_cache_hit() -> None:
    messages = [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Hi"},
        {"role": "assistant", "content": "Hello!", "reasoning_content": "Greet back."},
        {"role": "user", "content": "Why is the sky blue?"},
    ]
    result = answer({"model": "Qwen/Qwen3-8B", "messages": messages, "n": 2})
    history = (
        count_tokens("Be brief.") + count_tokens("Hi") + count_tokens("Hello!") + count_tokens("Greet back.")
    )
    assert result.cached_tokens == history
    assert result.prompt_tokens == history + count_tokens("Why is the sky blue?")
    expected_reasoning = 2 * count_tokens("Thinking about: Why is the sky blue?")
    assert result.reasoning_tokens == expected_reasoning
    answers = count_tokens("You said: Why is the sky blue?") + count_tokens(
        "Alternative 1: You said: Why is the sky blue?"
    )
    assert result.completion_tokens == expected_reasoning + answers


def test_tool_call_tokens_count_as_completion() -> None:
    result = ask("get_time", tools=[TIME_TOOL])
    assert result.completion_tokens == count_tokens("get_time") + count_tokens("{}")


def test_the_same_request_gets_the_same_text_and_a_new_id() -> None:
    first, second = ask("hi"), ask("hi")
    assert first.choices == second.choices
    assert first.id != second.id
    assert len(first.id) == 32
    assert int(first.id, 16) >= 0


def test_a_reasoning_content_that_is_not_text_counts_no_tokens() -> None:
    # Found by schemathesis: unknown fields of a system message may hold any JSON value.
    result = answer(
        {
            "model": "Qwen/Qwen3-8B",
            "messages": [
                {"role": "system", "content": "", "reasoning_content": True},
                {"role": "user", "content": "hi"},
            ],
        }
    )
    assert result.prompt_tokens == 1


def test_extra_fields_on_non_assistant_messages_are_ignored_not_a_crash() -> None:
    # The spec leaves messages open, so a system message may carry anything under these names.
    odd = {"role": "system", "content": "", "reasoning_content": [None], "tool_calls": [1, "x"]}
    messages = [odd, {"role": "tool", "content": "42", "tool_call_id": "c1"}]
    result = answer({"model": "deepseek-ai/DeepSeek-V3", "messages": messages})
    assert content(result) == "The tool tool returned: 42"

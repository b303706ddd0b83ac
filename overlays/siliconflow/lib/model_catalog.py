"""What the client must know about SiliconFlow's models: which need their reasoning sent back.

Source: the interleaved-thinking guide, for the models that reject a tool-calling follow-up whose
assistant turns dropped their `reasoning_content`. Model ids are compared without the `Pro/`
prefix, which names the same model on a paid tier.

Only what changes the client's behaviour lives here. Which models take `enable_thinking` or always
think is the server's business: the client sends what the caller asks, and a model that rejects a
field answers with a 400 we surface verbatim. (The mock keeps its own table of that, in
`siliconflow_mock.thinking_models`, to behave like the server.)
"""

from __future__ import annotations

# Models that reject a tool-calling follow-up whose assistant messages dropped their
# `reasoning_content` (interleaved-thinking guide; Kimi-K2.5 answers 400 code 20015 "thinking is
# enabled but reasoning_content is missing in assistant tool call message"; DeepSeek-V4 behaves the
# same on other hosts). Others must not get it back. The tool runner learns models missing here.
REASONING_REPLAY_MODELS: frozenset[str] = frozenset(
    {
        "deepseek-ai/DeepSeek-V3.2",
        "zai-org/GLM-4.7",
        "moonshotai/Kimi-K2.5",
        "deepseek-ai/DeepSeek-V4",
        "deepseek-ai/DeepSeek-V4-Flash",
        "deepseek-ai/DeepSeek-V4-Pro",
    }
)


def canonical_model_id(model: str) -> str:
    """The id without the `Pro/` tier prefix, as the table above lists it."""
    return model.removeprefix("Pro/")


def requires_reasoning_replay(model: str) -> bool:
    """True when tool-calling history must keep each assistant turn's `reasoning_content`."""
    return canonical_model_id(model) in REASONING_REPLAY_MODELS


# DeepSeek-style reasoning models reject a forced `tool_choice` (`required` or a named function)
# while thinking (deepseek-ai/DeepSeek-V3#1376; SiliconFlow's docs: DeepSeek-V3.1 function calling
# needs `enable_thinking: false`). They think unless `enable_thinking: false` is sent.
FORCED_TOOL_CHOICE_WITHOUT_THINKING_MODELS: frozenset[str] = frozenset(
    {
        "deepseek-ai/DeepSeek-V3.1",
        "deepseek-ai/DeepSeek-V3.1-Terminus",
        "deepseek-ai/DeepSeek-V3.2",
        "deepseek-ai/DeepSeek-V3.2-Exp",
        "deepseek-ai/DeepSeek-V4",
        "deepseek-ai/DeepSeek-V4-Flash",
        "deepseek-ai/DeepSeek-V4-Pro",
    }
)

# Models trusted with `response_format: json_schema`. The newest docs list the variant without
# naming models and DeepSeek's own API rejects it, so only Qwen3, whose own API (DashScope) honours
# JSON schemas, is listed; structured output asks every other model for `json_object` with the
# schema stated in a system message, which every JSON-mode model follows.
JSON_SCHEMA_MODELS: frozenset[str] = frozenset(
    {
        "Qwen/Qwen3-8B",
        "Qwen/Qwen3-14B",
        "Qwen/Qwen3-32B",
        "Qwen/Qwen3-30B-A3B",
        "Qwen/Qwen3-235B-A22B",
        "Qwen/Qwen3.5-397B-A17B",
        "Qwen/Qwen3.5-122B-A10B",
        "Qwen/Qwen3.5-35B-A3B",
        "Qwen/Qwen3.5-27B",
        "Qwen/Qwen3.5-9B",
        "Qwen/Qwen3.5-4B",
    }
)


def rejects_forced_tool_choice(model: str, enable_thinking: bool | None) -> bool:
    """True when the model refuses `tool_choice` "required" or a named function with this
    `enable_thinking` (None: not sent, so the model thinks)."""
    return (
        enable_thinking is not False
        and canonical_model_id(model) in FORCED_TOOL_CHOICE_WITHOUT_THINKING_MODELS
    )


def honours_json_schema(model: str) -> bool:
    """True when the model is trusted with `response_format: json_schema` (else use json_object)."""
    return canonical_model_id(model) in JSON_SCHEMA_MODELS

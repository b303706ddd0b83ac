"""What SiliconFlow's models do with thinking mode: one table, easy to update.

Sources: the `enable_thinking` lists of the current docs.siliconflow.cn reference and of
docs.siliconflow.com (they differ; this is their union), and the interleaved-thinking guide for the
models that need their reasoning sent back in tool-calling flows. Model ids are compared without
the `Pro/` prefix, which names the same model on a paid tier.

Policy for a model not in the table: the client does not refuse it. SiliconFlow adds models faster
than any client ships, and its newest docs say `enable_thinking` applies to "most reasoning
models"; the server is the authority and answers a model that rejects the field with a 400 we
surface verbatim. `supports_thinking_switch` therefore answers `None` (unknown), not `False`.
"""

from __future__ import annotations

# Models documented to accept `enable_thinking` (thinking can be switched on and off).
THINKING_SWITCH_MODELS: frozenset[str] = frozenset(
    {
        "zai-org/GLM-5",
        "zai-org/GLM-4.7",
        "zai-org/GLM-4.6",
        "zai-org/GLM-4.6V",
        "zai-org/GLM-4.5V",
        "zai-org/GLM-5V-Turbo",
        "deepseek-ai/DeepSeek-V3.2",
        "deepseek-ai/DeepSeek-V3.2-Exp",
        "deepseek-ai/DeepSeek-V3.1",
        "deepseek-ai/DeepSeek-V3.1-Terminus",
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
        "tencent/Hunyuan-A13B-Instruct",
    }
)

# Models that always reason (no switch): their answers carry `reasoning_content` regardless.
ALWAYS_THINKING_MODELS: frozenset[str] = frozenset(
    {
        "deepseek-ai/DeepSeek-R1",
        "Qwen/QwQ-32B",
        "THUDM/GLM-Z1-32B-0414",
        "MiniMaxAI/MiniMax-M1-80k",
    }
)

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
    """The id without the `Pro/` tier prefix, as the tables above list it."""
    return model.removeprefix("Pro/")


def supports_thinking_switch(model: str) -> bool | None:
    """True when the model is documented to take `enable_thinking`; None when we do not know."""
    canonical = canonical_model_id(model)
    if canonical in THINKING_SWITCH_MODELS:
        return True
    if canonical in ALWAYS_THINKING_MODELS:
        return False
    return None


def always_thinks(model: str) -> bool:
    """True for reasoning-only models such as DeepSeek-R1 and QwQ."""
    return canonical_model_id(model) in ALWAYS_THINKING_MODELS


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

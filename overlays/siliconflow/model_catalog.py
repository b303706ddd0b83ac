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
# `reasoning_content` (interleaved-thinking guide). Others must not get it back.
REASONING_REPLAY_MODELS: frozenset[str] = frozenset(
    {
        "deepseek-ai/DeepSeek-V3.2",
        "zai-org/GLM-4.7",
    }
)

# Models documented to take `reasoning_effort` in thinking mode (D-CN names the first; the newest
# docs add `Pro/deepseek-ai/DeepSeek-V4` and `Pro/zai-org/GLM-5.2`). Newer thinking models such as
# GLM-5.1, Kimi-K2.6 or MiniMax-M2.5 are not listed anywhere as taking it: the server decides.
REASONING_EFFORT_MODELS: frozenset[str] = frozenset(
    {
        "deepseek-ai/DeepSeek-V4-Flash",
        "deepseek-ai/DeepSeek-V4",
        "zai-org/GLM-5.2",
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


def supports_reasoning_effort(model: str) -> bool:
    """True when the model is documented to take `reasoning_effort` (DeepSeek-V4, GLM-5.2)."""
    return canonical_model_id(model) in REASONING_EFFORT_MODELS


def requires_reasoning_replay(model: str) -> bool:
    """True when tool-calling history must keep each assistant turn's `reasoning_content`."""
    return canonical_model_id(model) in REASONING_REPLAY_MODELS

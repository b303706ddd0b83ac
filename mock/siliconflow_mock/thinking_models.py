"""Which models the mock makes think, as SiliconFlow's server decides it: the mock's own table.

Sources: the `enable_thinking` lists of the current docs.siliconflow.cn reference and of
docs.siliconflow.com (they differ; this is their union). Model ids are compared without the `Pro/`
prefix, which names the same model on a paid tier. The client does not need this table (it sends
what the caller asks and lets the server decide), so it lives here, with the server's behaviour.
"""

from __future__ import annotations

# Models documented to accept `enable_thinking`; without the field they think (server default on).
# Retired ones (GLM-4.7, GLM-4.6, Qwen3-30B-A3B, Qwen3-235B-A22B, ... : release notes through
# 2026-10) stay, so recorded conversations still replay. Added from models.dev and the chat reference
# (2026-07/10): GLM-5.1/5.2, DeepSeek-V4/V4-Flash; Kimi-K2.6 thinks, but whether it takes the switch
# is UNCONFIRMED (listed here as the closest behaviour).
THINKING_SWITCH_MODELS: frozenset[str] = frozenset(
    {
        "zai-org/GLM-5.2",
        "zai-org/GLM-5.1",
        "moonshotai/Kimi-K2.6",
        "deepseek-ai/DeepSeek-V4",
        "deepseek-ai/DeepSeek-V4-Flash",
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


def _canonical(model: str) -> str:
    return model.removeprefix("Pro/")


def always_thinks(model: str) -> bool:
    """True for reasoning-only models such as DeepSeek-R1 and QwQ."""
    return _canonical(model) in ALWAYS_THINKING_MODELS


def supports_thinking_switch(model: str) -> bool:
    """True when the model takes `enable_thinking` (and thinks when the field is absent)."""
    return _canonical(model) in THINKING_SWITCH_MODELS


def thinks(model: str, enable_thinking: bool | None) -> bool:
    """Whether the answer has reasoning: always-thinking models always; others as asked, else by default."""
    if always_thinks(model):
        return True
    if enable_thinking is None:
        return supports_thinking_switch(model)
    return enable_thinking

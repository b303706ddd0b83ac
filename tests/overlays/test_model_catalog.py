"""The model table: which models switch thinking, always think, or need their reasoning replayed."""

from __future__ import annotations

import pytest
from siliconflow.model_catalog import (
    ALWAYS_THINKING_MODELS,
    REASONING_REPLAY_MODELS,
    THINKING_SWITCH_MODELS,
    always_thinks,
    canonical_model_id,
    requires_reasoning_replay,
    supports_thinking_switch,
)


@pytest.mark.parametrize("model", ["Qwen/Qwen3-8B", "Pro/zai-org/GLM-4.7", "deepseek-ai/DeepSeek-V3.2"])
def test_documented_switch_models_take_enable_thinking(model: str) -> None:
    assert supports_thinking_switch(model) is True
    assert not always_thinks(model)


def test_reasoning_only_models_always_think_and_have_no_switch() -> None:
    assert supports_thinking_switch("deepseek-ai/DeepSeek-R1") is False
    assert always_thinks("Pro/deepseek-ai/DeepSeek-R1")


def test_an_unknown_model_is_unknown_not_refused() -> None:
    assert supports_thinking_switch("some-org/brand-new-model") is None
    assert not always_thinks("some-org/brand-new-model")
    assert not requires_reasoning_replay("some-org/brand-new-model")


def test_only_deepseek_v32_and_glm_47_need_reasoning_replayed() -> None:
    assert {"deepseek-ai/DeepSeek-V3.2", "zai-org/GLM-4.7"} <= REASONING_REPLAY_MODELS
    assert requires_reasoning_replay("Pro/deepseek-ai/DeepSeek-V3.2")
    assert not requires_reasoning_replay("deepseek-ai/DeepSeek-V3.1")


def test_the_tables_are_consistent() -> None:
    assert not THINKING_SWITCH_MODELS & ALWAYS_THINKING_MODELS
    every = THINKING_SWITCH_MODELS | ALWAYS_THINKING_MODELS
    assert all(canonical_model_id(model) == model for model in every)  # listed without `Pro/`


# ---- what the tool runner and parse() read from the table (issue 12) ------------------------------


def test_kimi_k25_and_deepseek_v4_need_reasoning_replayed_too() -> None:
    assert requires_reasoning_replay("Pro/moonshotai/Kimi-K2.5")
    assert requires_reasoning_replay("deepseek-ai/DeepSeek-V4-Flash")


def test_forced_tool_choice_is_refused_by_deepseek_style_models_unless_thinking_is_off() -> None:
    from siliconflow.model_catalog import rejects_forced_tool_choice

    assert rejects_forced_tool_choice("Pro/deepseek-ai/DeepSeek-V3.2", True)
    assert rejects_forced_tool_choice("deepseek-ai/DeepSeek-V3.2", None)  # thinks by default
    assert not rejects_forced_tool_choice("deepseek-ai/DeepSeek-V3.2", False)
    assert not rejects_forced_tool_choice("zai-org/GLM-4.7", True)
    assert not rejects_forced_tool_choice("some-org/brand-new-model", True)


def test_json_schema_is_trusted_only_where_listed() -> None:
    from siliconflow.model_catalog import honours_json_schema

    assert honours_json_schema("Qwen/Qwen3-8B")
    assert not honours_json_schema("deepseek-ai/DeepSeek-V3.2")
    assert not honours_json_schema("some-org/brand-new-model")

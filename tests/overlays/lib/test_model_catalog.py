"""The client's model table: which models need their reasoning replayed in tool-calling history."""

from __future__ import annotations

from siliconflow.lib.model_catalog import (
    REASONING_REPLAY_MODELS,
    canonical_model_id,
    requires_reasoning_replay,
)


def test_an_unknown_model_needs_no_replay() -> None:
    assert not requires_reasoning_replay("some-org/brand-new-model")


def test_only_deepseek_v32_and_glm_47_need_reasoning_replayed() -> None:
    assert {"deepseek-ai/DeepSeek-V3.2", "zai-org/GLM-4.7"} <= REASONING_REPLAY_MODELS
    assert requires_reasoning_replay("Pro/deepseek-ai/DeepSeek-V3.2")
    assert not requires_reasoning_replay("deepseek-ai/DeepSeek-V3.1")


def test_the_table_lists_ids_without_the_pro_prefix() -> None:
    assert all(canonical_model_id(model) == model for model in REASONING_REPLAY_MODELS)


# ---- what the tool runner and parse() read from the table (issue 12) ------------------------------


def test_kimi_k25_and_deepseek_v4_need_reasoning_replayed_too() -> None:
    assert requires_reasoning_replay("Pro/moonshotai/Kimi-K2.5")
    assert requires_reasoning_replay("deepseek-ai/DeepSeek-V4-Flash")


def test_forced_tool_choice_is_refused_by_deepseek_style_models_unless_thinking_is_off() -> None:
    from siliconflow.lib.model_catalog import rejects_forced_tool_choice

    assert rejects_forced_tool_choice("Pro/deepseek-ai/DeepSeek-V3.2", True)
    assert rejects_forced_tool_choice("deepseek-ai/DeepSeek-V3.2", None)  # thinks by default
    assert not rejects_forced_tool_choice("deepseek-ai/DeepSeek-V3.2", False)
    assert not rejects_forced_tool_choice("zai-org/GLM-4.7", True)
    assert not rejects_forced_tool_choice("some-org/brand-new-model", True)


def test_json_schema_is_trusted_only_where_listed() -> None:
    from siliconflow.lib.model_catalog import honours_json_schema

    assert honours_json_schema("Qwen/Qwen3-8B")
    assert not honours_json_schema("deepseek-ai/DeepSeek-V3.2")
    assert not honours_json_schema("some-org/brand-new-model")

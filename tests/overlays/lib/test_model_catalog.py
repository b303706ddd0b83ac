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


# ---- today's facts (issue 17: release notes through 2026-10) --------------------------------------


def test_reasoning_effort_models_are_the_documented_ones() -> None:
    from siliconflow.lib.model_catalog import REASONING_EFFORT_MODELS, supports_reasoning_effort

    assert {
        "deepseek-ai/DeepSeek-V4",
        "deepseek-ai/DeepSeek-V4-Flash",
        "zai-org/GLM-5.2",
    } <= REASONING_EFFORT_MODELS
    assert supports_reasoning_effort("Pro/deepseek-ai/DeepSeek-V4")
    assert supports_reasoning_effort("Pro/zai-org/GLM-5.2")
    assert not supports_reasoning_effort("zai-org/GLM-5.3")  # a third-party capture only: unconfirmed
    assert not supports_reasoning_effort("Qwen/Qwen3-8B")


def test_retired_and_redirected_models_are_known() -> None:
    from siliconflow.lib.model_catalog import MODEL_REDIRECTS, RETIRED_MODELS, retired_on

    assert retired_on("Pro/zai-org/GLM-4.7") == "2026-06-11"
    assert retired_on("Qwen/QwQ-32B") == "2026-04-29"
    assert retired_on("Qwen/Qwen3-235B-A22B") == "2025-12-31"
    assert retired_on("Qwen/Qwen3-30B-A3B") == "2026-02-09"
    assert retired_on("zai-org/GLM-4.6") == "2026-05-15"
    assert retired_on("deepseek-ai/DeepSeek-V4") is None
    assert MODEL_REDIRECTS["moonshotai/Kimi-K2.5"] == "moonshotai/Kimi-K2.6"
    assert all(canonical_model_id(model) == model for model in RETIRED_MODELS)


def test_kimi_k26_needs_replay_and_the_learned_replay_still_covers_unknown_models() -> None:
    assert requires_reasoning_replay("moonshotai/Kimi-K2.6")  # takes K2.5's traffic (unconfirmed)
    assert not requires_reasoning_replay("some-org/brand-new-model")  # left to the tool runner to learn


def test_retired_models_are_no_longer_trusted_with_json_schema() -> None:
    from siliconflow.lib.model_catalog import honours_json_schema

    assert not honours_json_schema("Qwen/Qwen3-235B-A22B")
    assert not honours_json_schema("Qwen/Qwen3-30B-A3B")
    assert honours_json_schema("Qwen/Qwen3-32B")

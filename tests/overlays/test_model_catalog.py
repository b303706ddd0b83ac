"""The client's model table: which models need their reasoning replayed in tool-calling history."""

from __future__ import annotations

from siliconflow.model_catalog import REASONING_REPLAY_MODELS, canonical_model_id, requires_reasoning_replay


def test_an_unknown_model_needs_no_replay() -> None:
    assert not requires_reasoning_replay("some-org/brand-new-model")


def test_only_deepseek_v32_and_glm_47_need_reasoning_replayed() -> None:
    assert {"deepseek-ai/DeepSeek-V3.2", "zai-org/GLM-4.7"} == REASONING_REPLAY_MODELS
    assert requires_reasoning_replay("Pro/deepseek-ai/DeepSeek-V3.2")
    assert not requires_reasoning_replay("deepseek-ai/DeepSeek-V3.1")


def test_the_table_lists_ids_without_the_pro_prefix() -> None:
    assert all(canonical_model_id(model) == model for model in REASONING_REPLAY_MODELS)

"""The model table: which models switch thinking, always think, or need their reasoning replayed."""

from __future__ import annotations

import pytest
from siliconflow.model_catalog import (
    ALWAYS_THINKING_MODELS,
    REASONING_EFFORT_MODELS,
    REASONING_REPLAY_MODELS,
    THINKING_SWITCH_MODELS,
    always_thinks,
    canonical_model_id,
    requires_reasoning_replay,
    supports_reasoning_effort,
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
    assert {"deepseek-ai/DeepSeek-V3.2", "zai-org/GLM-4.7"} == REASONING_REPLAY_MODELS
    assert requires_reasoning_replay("Pro/deepseek-ai/DeepSeek-V3.2")
    assert not requires_reasoning_replay("deepseek-ai/DeepSeek-V3.1")


def test_the_tables_are_consistent() -> None:
    assert not THINKING_SWITCH_MODELS & ALWAYS_THINKING_MODELS
    assert REASONING_REPLAY_MODELS <= THINKING_SWITCH_MODELS
    every = THINKING_SWITCH_MODELS | ALWAYS_THINKING_MODELS
    assert all(canonical_model_id(model) == model for model in every)  # listed without `Pro/`


@pytest.mark.parametrize(
    "model", ["deepseek-ai/DeepSeek-V4-Flash", "Pro/deepseek-ai/DeepSeek-V4", "Pro/zai-org/GLM-5.2"]
)
def test_the_documented_reasoning_effort_models_take_it(model: str) -> None:
    assert supports_reasoning_effort(model)


def test_reasoning_effort_is_not_claimed_for_other_thinking_models() -> None:
    assert not supports_reasoning_effort("Qwen/Qwen3-8B")
    assert not supports_reasoning_effort("zai-org/GLM-5.1")
    assert all(canonical_model_id(model) == model for model in REASONING_EFFORT_MODELS)

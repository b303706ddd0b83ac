"""The mock's own model table: which models switch thinking, which always think."""

from __future__ import annotations

import pytest
from siliconflow_mock.thinking_models import (
    ALWAYS_THINKING_MODELS,
    THINKING_SWITCH_MODELS,
    always_thinks,
    supports_thinking_switch,
    thinks,
)


@pytest.mark.parametrize("model", ["Qwen/Qwen3-8B", "Pro/zai-org/GLM-4.7", "deepseek-ai/DeepSeek-V3.2"])
def test_documented_switch_models_take_enable_thinking_and_think_by_default(model: str) -> None:
    assert supports_thinking_switch(model)
    assert not always_thinks(model)
    assert thinks(model, None)
    assert not thinks(model, False)


def test_reasoning_only_models_always_think_and_have_no_switch() -> None:
    assert not supports_thinking_switch("deepseek-ai/DeepSeek-R1")
    assert always_thinks("Pro/deepseek-ai/DeepSeek-R1")
    assert thinks("deepseek-ai/DeepSeek-R1", False)


def test_an_unknown_model_thinks_only_when_asked() -> None:
    assert not thinks("some-org/brand-new-model", None)
    assert thinks("some-org/brand-new-model", True)


def test_the_tables_are_consistent() -> None:
    assert not THINKING_SWITCH_MODELS & ALWAYS_THINKING_MODELS
    every = THINKING_SWITCH_MODELS | ALWAYS_THINKING_MODELS
    assert not [model for model in every if model.startswith("Pro/")]  # listed without `Pro/`


def test_the_mock_does_not_import_the_client() -> None:
    # Each package owns its knowledge: the mock behaves like the server without the client's code.
    import subprocess
    import sys

    code = "import sys, siliconflow_mock.app; print(sorted(m for m in sys.modules if m == 'siliconflow'))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "model",
    ["Pro/zai-org/GLM-5.1", "Pro/zai-org/GLM-5.2", "Pro/deepseek-ai/DeepSeek-V4", "moonshotai/Kimi-K2.6"],
)
def test_the_2026_thinking_models_think_by_default(model: str) -> None:
    assert thinks(model, None)
    assert not thinks(model, False)

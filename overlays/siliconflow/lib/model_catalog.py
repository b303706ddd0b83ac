"""What the client must know about SiliconFlow's models: which need their reasoning sent back,
which take `reasoning_effort`, which were retired or redirected (release notes through 2026-10).

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
# GLM-4.7 (retired 2026-06-11) and Kimi-K2.5 (redirected to K2.6) stay: a request naming them must
# still be answered right wherever the id is served. Kimi-K2.6 takes K2.5's traffic, so it most
# likely enforces the same (UNCONFIRMED). Models no table knows are learned by the tool runner.
REASONING_REPLAY_MODELS: frozenset[str] = frozenset(
    {
        "deepseek-ai/DeepSeek-V3.2",
        "zai-org/GLM-4.7",
        "moonshotai/Kimi-K2.5",
        "moonshotai/Kimi-K2.6",
        "deepseek-ai/DeepSeek-V4",
        "deepseek-ai/DeepSeek-V4-Flash",
        "deepseek-ai/DeepSeek-V4-Pro",
    }
)

# Models that take `reasoning_effort` (chat reference: high/max). A third-party capture adds
# `zai-org/GLM-5.3` (low/high/max) and `moonshotai/Kimi-K3` (max): UNCONFIRMED, so not listed.
REASONING_EFFORT_MODELS: frozenset[str] = frozenset(
    {
        "deepseek-ai/DeepSeek-V4",
        "deepseek-ai/DeepSeek-V4-Flash",
        "zai-org/GLM-5.2",
    }
)
UNCONFIRMED_REASONING_EFFORT_MODELS: frozenset[str] = frozenset({"zai-org/GLM-5.3", "moonshotai/Kimi-K3"})

# Retired models and the date (release notes, copy of 2026-09-06 and later title scrapes).
RETIRED_MODELS: dict[str, str] = {
    "zai-org/GLM-4.7": "2026-06-11",
    "zai-org/GLM-4.6": "2026-05-15",
    "zai-org/GLM-4.6V": "2026-05-15",
    "THUDM/GLM-Z1-32B-0414": "2026-05-15",
    "Qwen/QwQ-32B": "2026-04-29",
    "MiniMaxAI/MiniMax-M1-80k": "2026-02-09",
    "Qwen/Qwen3-30B-A3B": "2026-02-09",
    "Qwen/Qwen3-235B-A22B": "2025-12-31",
    "Qwen/Qwen3.5-397B-A17B": "2026-09-11",
    "deepseek-ai/DeepSeek-V3.1": "2025-10-09",
}

# Ids the server answers with another model (whether the answer's `model` names the requested or
# the served id is UNCONFIRMED).
MODEL_REDIRECTS: dict[str, str] = {
    "moonshotai/Kimi-K2.5": "moonshotai/Kimi-K2.6",
    "zai-org/GLM-5": "zai-org/GLM-5.1",
    "deepseek-ai/DeepSeek-V3.2-Exp": "deepseek-ai/DeepSeek-V3.2",
}


def canonical_model_id(model: str) -> str:
    """The id without the `Pro/` tier prefix, as the table above lists it."""
    return model.removeprefix("Pro/")


def requires_reasoning_replay(model: str) -> bool:
    """True when tool-calling history must keep each assistant turn's `reasoning_content`."""
    return canonical_model_id(model) in REASONING_REPLAY_MODELS


def supports_reasoning_effort(model: str) -> bool:
    """True when the model is documented to take `reasoning_effort`."""
    return canonical_model_id(model) in REASONING_EFFORT_MODELS


def retired_on(model: str) -> str | None:
    """The date SiliconFlow retired `model` (YYYY-MM-DD), or None when it is not known retired."""
    return RETIRED_MODELS.get(canonical_model_id(model))


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

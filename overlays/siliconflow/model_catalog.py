"""What the client must know about SiliconFlow's models: which need their reasoning sent back.

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
# `reasoning_content` (interleaved-thinking guide). Others must not get it back.
REASONING_REPLAY_MODELS: frozenset[str] = frozenset(
    {
        "deepseek-ai/DeepSeek-V3.2",
        "zai-org/GLM-4.7",
    }
)


def canonical_model_id(model: str) -> str:
    """The id without the `Pro/` tier prefix, as the table above lists it."""
    return model.removeprefix("Pro/")


def requires_reasoning_replay(model: str) -> bool:
    """True when tool-calling history must keep each assistant turn's `reasoning_content`."""
    return canonical_model_id(model) in REASONING_REPLAY_MODELS

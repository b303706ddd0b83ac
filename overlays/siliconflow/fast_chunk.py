"""A fast path for the one chunk shape SiliconFlow sends thousands of times per answer.

The generated `ChatCompletionChunk.from_dict` is correct for every shape but slow for the common
one: it copies each dict, pops every key through a nested closure and imports its dependencies on
every call, which made model construction two thirds of a stream's cost. `parse_chunk` builds the
same objects directly when the chunk holds only known keys (text and reasoning deltas, usage with
its details) and hands anything else to `from_dict`: tool-call fragments, unknown fields (kept in
`additional_properties`), or a malformed value.

The constructors are called with positional arguments, which costs half of keyword arguments on
the attrs-generated `__init__`. That depends on the generated field order, so the order is checked
once at import (`ENABLED`); if a regeneration changes it, every chunk takes the generated parser:
slower, never wrong. tests/overlays/test_fast_chunk.py asserts the fast path is enabled and gives
exactly what `from_dict` gives, on every fixture and on generated shapes.
"""

from __future__ import annotations

from typing import Any, Final

import attrs
from siliconflow_api.models.chat_completion_chunk import ChatCompletionChunk
from siliconflow_api.models.chunk_choice import ChunkChoice
from siliconflow_api.models.chunk_delta import ChunkDelta
from siliconflow_api.models.completion_tokens_details import CompletionTokensDetails
from siliconflow_api.models.prompt_tokens_details import PromptTokensDetails
from siliconflow_api.models.usage import Usage
from siliconflow_api.types import UNSET

__all__ = ["parse_chunk"]

_CHUNK_KEYS: Final = frozenset({"id", "object", "created", "model", "choices", "usage", "system_fingerprint"})
_CHOICE_KEYS: Final = frozenset({"index", "delta", "finish_reason"})
_DELTA_KEYS: Final = frozenset({"role", "content", "reasoning_content"})
# Usage's JSON keys are also its constructor parameters, in this order.
_USAGE_FIELDS: Final = (
    "prompt_tokens",
    "completion_tokens",
    "total_tokens",
    "completion_tokens_details",
    "prompt_tokens_details",
    "prompt_cache_hit_tokens",
    "prompt_cache_miss_tokens",
)
_USAGE_KEYS: Final = frozenset(_USAGE_FIELDS)
_COMPLETION_DETAILS_KEYS: Final = frozenset({"reasoning_tokens"})
_PROMPT_DETAILS_KEYS: Final = frozenset({"cached_tokens"})

# The leading constructor parameters the positional calls below rely on, per class.
_POSITIONAL_ORDER: Final[dict[type, tuple[str, ...]]] = {
    ChatCompletionChunk: ("id", "object_", "created", "model", "choices", "usage", "system_fingerprint"),
    ChunkChoice: ("index", "delta", "finish_reason"),
    ChunkDelta: ("role", "content", "reasoning_content"),
    Usage: _USAGE_FIELDS,
    CompletionTokensDetails: ("reasoning_tokens",),
    PromptTokensDetails: ("cached_tokens",),
}


def _order_matches(cls: type, names: tuple[str, ...]) -> bool:
    init_fields = tuple(field.name for field in attrs.fields(cls) if field.init)
    return init_fields[: len(names)] == names


ENABLED: Final = all(_order_matches(cls, names) for cls, names in _POSITIONAL_ORDER.items())


class _Unusual(Exception):
    """The payload is not the common shape: let the generated parser handle it."""


def parse_chunk(payload: dict[str, Any]) -> ChatCompletionChunk:
    """`ChatCompletionChunk.from_dict(payload)`, faster for the common shape."""
    if not ENABLED:
        return ChatCompletionChunk.from_dict(payload)
    try:
        return _common_chunk(payload)
    except (_Unusual, KeyError, TypeError, AttributeError):
        return ChatCompletionChunk.from_dict(payload)


# One flat function on purpose: this runs once per chunk, and every helper call or repeated
# lookup is a measurable share of the ~2 us it takes.
def _common_chunk(payload: dict[str, Any]) -> ChatCompletionChunk:
    if not payload.keys() <= _CHUNK_KEYS:
        raise _Unusual
    choices = []
    for choice in payload["choices"]:
        delta = choice["delta"]
        if not (choice.keys() <= _CHOICE_KEYS and delta.keys() <= _DELTA_KEYS):
            raise _Unusual
        get = delta.get
        choices.append(
            ChunkChoice(
                choice["index"],
                ChunkDelta(get("role", UNSET), get("content", UNSET), get("reasoning_content", UNSET)),
                choice.get("finish_reason", UNSET),
            )
        )
    usage = payload.get("usage", UNSET)
    if usage is not None and usage is not UNSET:
        if type(usage) is not dict or not usage.keys() <= _USAGE_KEYS:
            raise _Unusual
        get = usage.get
        completion_details = get("completion_tokens_details", UNSET)
        if completion_details is not None and completion_details is not UNSET:
            if (
                type(completion_details) is not dict
                or not completion_details.keys() <= _COMPLETION_DETAILS_KEYS
            ):
                raise _Unusual
            completion_details = CompletionTokensDetails(completion_details.get("reasoning_tokens", UNSET))
        prompt_details = get("prompt_tokens_details", UNSET)
        if prompt_details is not None and prompt_details is not UNSET:
            if type(prompt_details) is not dict or not prompt_details.keys() <= _PROMPT_DETAILS_KEYS:
                raise _Unusual
            prompt_details = PromptTokensDetails(prompt_details.get("cached_tokens", UNSET))
        usage = Usage(
            usage["prompt_tokens"],
            usage["completion_tokens"],
            usage["total_tokens"],
            completion_details,
            prompt_details,
            get("prompt_cache_hit_tokens", UNSET),
            get("prompt_cache_miss_tokens", UNSET),
        )
    return ChatCompletionChunk(
        payload["id"],
        payload["object"],
        payload["created"],
        payload["model"],
        choices,
        usage,
        payload.get("system_fingerprint", UNSET),
    )

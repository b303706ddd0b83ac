"""A fast path for the one chunk shape SiliconFlow sends thousands of times per answer.

The generated `ChatCompletionChunk.from_dict` is correct for every shape but slow for the common
one: it copies each dict, pops every key through a nested closure and imports its dependencies on
every call, which made model construction two thirds of a stream's cost. `parse_chunk` builds the
same objects directly with the attrs constructors when the chunk holds only known keys (text and
reasoning deltas, usage with its details) and hands anything else to `from_dict`: tool-call
fragments, unknown fields (kept in `additional_properties`), or a malformed value.

It must give exactly what `from_dict` gives; tests/overlays/test_fast_chunk.py checks equality on
every fixture and on generated shapes, so a regenerated model that changes shape fails loudly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

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
_USAGE_KEYS: Final = frozenset(
    {
        "prompt_tokens",
        "completion_tokens",
        "total_tokens",
        "completion_tokens_details",
        "prompt_tokens_details",
        "prompt_cache_hit_tokens",
        "prompt_cache_miss_tokens",
    }
)
_COMPLETION_DETAILS_KEYS: Final = frozenset({"reasoning_tokens"})
_PROMPT_DETAILS_KEYS: Final = frozenset({"cached_tokens"})


class _Unusual(Exception):
    """The payload is not the common shape: let the generated parser handle it."""


def parse_chunk(payload: dict[str, Any]) -> ChatCompletionChunk:
    """`ChatCompletionChunk.from_dict(payload)`, faster for the common shape."""
    try:
        return _common_chunk(payload)
    except (_Unusual, KeyError, TypeError, AttributeError):
        return ChatCompletionChunk.from_dict(payload)


def _common_chunk(payload: dict[str, Any]) -> ChatCompletionChunk:
    if not payload.keys() <= _CHUNK_KEYS:
        raise _Unusual
    get = payload.get
    return ChatCompletionChunk(
        id=payload["id"],
        object_=payload["object"],
        created=payload["created"],
        model=payload["model"],
        choices=[_choice(choice) for choice in payload["choices"]],
        usage=_usage(get("usage", UNSET)),
        system_fingerprint=get("system_fingerprint", UNSET),
    )


def _choice(choice: dict[str, Any]) -> ChunkChoice:
    delta = choice["delta"]
    if not (choice.keys() <= _CHOICE_KEYS and delta.keys() <= _DELTA_KEYS):
        raise _Unusual
    get = delta.get
    return ChunkChoice(
        index=choice["index"],
        delta=ChunkDelta(
            role=get("role", UNSET),
            content=get("content", UNSET),
            reasoning_content=get("reasoning_content", UNSET),
        ),
        finish_reason=choice.get("finish_reason", UNSET),
    )


def _usage(usage: Any) -> Any:
    if usage is None or usage is UNSET:
        return usage
    if type(usage) is not dict or not usage.keys() <= _USAGE_KEYS:
        raise _Unusual
    get = usage.get
    return Usage(
        prompt_tokens=usage["prompt_tokens"],
        completion_tokens=usage["completion_tokens"],
        total_tokens=usage["total_tokens"],
        completion_tokens_details=_details(
            get("completion_tokens_details", UNSET), _COMPLETION_DETAILS_KEYS, _completion_details
        ),
        prompt_tokens_details=_details(
            get("prompt_tokens_details", UNSET), _PROMPT_DETAILS_KEYS, _prompt_details
        ),
        prompt_cache_hit_tokens=get("prompt_cache_hit_tokens", UNSET),
        prompt_cache_miss_tokens=get("prompt_cache_miss_tokens", UNSET),
    )


def _completion_details(details: dict[str, Any]) -> CompletionTokensDetails:
    return CompletionTokensDetails(reasoning_tokens=details.get("reasoning_tokens", UNSET))


def _prompt_details(details: dict[str, Any]) -> PromptTokensDetails:
    return PromptTokensDetails(cached_tokens=details.get("cached_tokens", UNSET))


def _details(value: Any, keys: frozenset[str], build: Callable[[dict[str, Any]], object]) -> Any:
    if value is None or value is UNSET:
        return value
    if type(value) is not dict or not value.keys() <= keys:
        raise _Unusual
    return build(value)

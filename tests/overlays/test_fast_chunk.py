"""The chunk fast path builds exactly what the generated parser builds, for every shape."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from siliconflow import fast_chunk
from siliconflow.fast_chunk import parse_chunk
from siliconflow_api.models import ChatCompletionChunk

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

optional_text = st.one_of(st.none(), st.text(max_size=8))
counts = st.integers(min_value=0, max_value=10**6)


def maybe(key: str, strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    """Either no such key, or the key with a value drawn from `strategy`."""
    return st.one_of(st.just({}), strategy.map(lambda value: {key: value}))


def merged(*parts: st.SearchStrategy[dict[str, Any]]) -> st.SearchStrategy[dict[str, Any]]:
    return st.tuples(*parts).map(lambda dicts: {k: v for d in dicts for k, v in d.items()})


details = st.one_of(
    st.none(),
    merged(maybe("reasoning_tokens", counts)),
    merged(maybe("cached_tokens", counts)),
    st.just({"audio_tokens": 1}),  # an unknown key: must go the slow way and be kept
)
usage = merged(
    st.fixed_dictionaries({"prompt_tokens": counts, "completion_tokens": counts, "total_tokens": counts}),
    maybe("completion_tokens_details", details),
    maybe("prompt_tokens_details", details),
    maybe("prompt_cache_hit_tokens", counts),
    maybe("prompt_cache_miss_tokens", counts),
)
delta = merged(
    maybe("role", optional_text),
    maybe("content", optional_text),
    maybe("reasoning_content", optional_text),
    maybe("tool_calls", st.just([{"index": 0, "id": None, "type": None, "function": {"arguments": "{"}}])),
    maybe("refusal", st.none()),
)
choice = merged(
    st.fixed_dictionaries({"index": st.integers(0, 3), "delta": delta}),
    maybe("finish_reason", optional_text),
    maybe("logprobs", st.none()),
)
chunk = merged(
    st.fixed_dictionaries(
        {
            "id": st.text(max_size=8),
            "object": st.just("chat.completion.chunk"),
            "created": counts,
            "model": st.text(max_size=8),
            "choices": st.lists(choice, max_size=3),
        }
    ),
    maybe("usage", st.one_of(st.none(), usage, st.just({"prompt_tokens": 1}))),
    maybe("system_fingerprint", optional_text),
    maybe("service_tier", st.just("flex")),
)


def test_fast_path_matches_the_generated_field_order() -> None:
    # False after a regeneration that reordered a model's fields: correct but slow. Update
    # _POSITIONAL_ORDER (and the positional calls) to the new order.
    assert fast_chunk.ENABLED


def test_fixture_chunks_are_parsed_identically() -> None:
    lines = (FIXTURES / "deepseek-v3-stream.sse").read_text(encoding="utf-8").splitlines()
    payloads = [json.loads(line[6:]) for line in lines if line.startswith("data: {")]
    for name in ("deepseek-v3-stream-chunk.json", "docs-first-stream-chunk.json"):
        payloads.append(json.loads((FIXTURES / name).read_text(encoding="utf-8")))
    for payload in payloads:
        assert parse_chunk(payload) == ChatCompletionChunk.from_dict(payload)
        assert parse_chunk(payload).to_dict() == payload


@settings(max_examples=300, deadline=None)
@given(chunk)
def test_any_chunk_shape_is_parsed_like_the_generated_parser(payload: dict[str, Any]) -> None:
    fast = parse_chunk(payload)
    assert fast == ChatCompletionChunk.from_dict(payload)
    assert fast.to_dict() == ChatCompletionChunk.from_dict(payload).to_dict()


def test_unknown_fields_are_kept() -> None:
    payload = {
        "id": "x",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "m",
        "choices": [{"index": 0, "delta": {"content": "a", "audio": {"id": "q"}}, "finish_reason": None}],
        "obfuscation": "zz",
    }
    parsed = parse_chunk(payload)
    assert parsed["obfuscation"] == "zz"
    assert parsed.choices[0].delta["audio"] == {"id": "q"}

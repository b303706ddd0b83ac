"""An `Answer` in SiliconFlow's wire shapes: the ChatCompletion object and the SSE chunk stream.

The shapes follow real captures (tests/fixtures): compact JSON, `system_fingerprint: ""`, `index` on
every choice; in a stream, only `data:` lines, both `content` and `reasoning_content` on every delta
with the unused one null, `role` on each choice's first chunk, cumulative usage on every chunk,
tool-call fragments (first with id, type and name and empty arguments, then `"id": null,
"type": null` and a piece of the arguments), a final chunk per choice with its finish_reason, and
`data: [DONE]`. With several choices the chunks interleave round-robin, as real servers do.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from siliconflow_mock.answers import Answer, Choice
from siliconflow_mock.tokens import split_tokens

DONE_EVENT = b"data: [DONE]\n\n"


def dumps(value: object) -> bytes:
    """Compact UTF-8 JSON, as SiliconFlow sends it."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def sse_event(data: bytes) -> bytes:
    """One SSE event carrying `data` (which must not contain a newline; compact JSON never does)."""
    return b"data: " + data + b"\n\n"


def usage(
    *, prompt_tokens: int, cached_tokens: int, completion_tokens: int, reasoning_tokens: int
) -> dict[str, Any]:
    """SiliconFlow's usage object with the reasoning and context-cache details."""
    return {
        "prompt_tokens": prompt_tokens,
        "completion_tokens": completion_tokens,
        "total_tokens": prompt_tokens + completion_tokens,
        "completion_tokens_details": {"reasoning_tokens": reasoning_tokens},
        "prompt_tokens_details": {"cached_tokens": cached_tokens},
        "prompt_cache_hit_tokens": cached_tokens,
        "prompt_cache_miss_tokens": prompt_tokens - cached_tokens,
    }


def final_usage(answer: Answer) -> dict[str, Any]:
    return usage(
        prompt_tokens=answer.prompt_tokens,
        cached_tokens=answer.cached_tokens,
        completion_tokens=answer.completion_tokens,
        reasoning_tokens=answer.reasoning_tokens,
    )


def completion(answer: Answer) -> dict[str, Any]:
    """The non-stream ChatCompletion object."""
    return {
        "id": answer.id,
        "object": "chat.completion",
        "created": answer.created,
        "model": answer.model,
        "choices": [_choice(choice) for choice in answer.choices],
        "usage": final_usage(answer),
        "system_fingerprint": "",
    }


def _choice(choice: Choice) -> dict[str, Any]:
    message: dict[str, Any] = {
        "role": "assistant",
        "content": None if choice.content is None else "".join(choice.content),
    }
    if choice.reasoning is not None:
        message["reasoning_content"] = "".join(choice.reasoning)
    if choice.tool_calls:
        message["tool_calls"] = [
            {"id": call.id, "type": "function", "function": {"name": call.name, "arguments": call.arguments}}
            for call in choice.tool_calls
        ]
    return {"index": choice.index, "message": message, "finish_reason": choice.finish_reason}


def stream_chunks(answer: Answer) -> list[dict[str, Any]]:
    """Every chunk of the streamed answer, in order, each with the usage counted so far."""
    per_choice = [list(_choice_deltas(choice)) for choice in answer.choices]
    chunks: list[dict[str, Any]] = []
    completion_tokens = reasoning_tokens = 0
    for step in range(max(len(deltas) for deltas in per_choice)):
        for choice, deltas in zip(answer.choices, per_choice, strict=True):
            if step >= len(deltas):
                continue
            delta, finish_reason, tokens, reasoning = deltas[step]
            completion_tokens += tokens
            reasoning_tokens += reasoning
            chunks.append(
                {
                    "id": answer.id,
                    "object": "chat.completion.chunk",
                    "created": answer.created,
                    "model": answer.model,
                    "choices": [{"index": choice.index, "delta": delta, "finish_reason": finish_reason}],
                    "system_fingerprint": "",
                    "usage": usage(
                        prompt_tokens=answer.prompt_tokens,
                        cached_tokens=answer.cached_tokens,
                        completion_tokens=completion_tokens,
                        reasoning_tokens=reasoning_tokens,
                    ),
                }
            )
    return chunks


# One step of a choice's stream: (delta, finish_reason, completion tokens added, of which reasoning).
_Step = tuple[dict[str, Any], str | None, int, int]


def _choice_deltas(choice: Choice) -> Iterator[_Step]:
    thinking = choice.reasoning is not None
    opening = {
        "content": None if thinking else "",
        "reasoning_content": "" if thinking else None,
        "role": "assistant",
    }
    yield opening, None, 0, 0
    for token in choice.reasoning or ():
        yield {"content": None, "reasoning_content": token}, None, 1, 1
    for token in choice.content or ():
        yield {"content": token, "reasoning_content": None}, None, 1, 0
    for position, call in enumerate(choice.tool_calls):
        pieces = split_tokens(call.arguments)
        name = {"name": call.name, "arguments": ""}
        first = {"index": position, "id": call.id, "type": "function", "function": name}
        yield _tool_delta(first), None, call.tokens - len(pieces), 0
        for piece in pieces:
            fragment = {"index": position, "id": None, "type": None, "function": {"arguments": piece}}
            yield _tool_delta(fragment), None, 1, 0
    yield {"content": "", "reasoning_content": None}, choice.finish_reason, 0, 0


def _tool_delta(fragment: dict[str, Any]) -> dict[str, Any]:
    return {"content": None, "reasoning_content": None, "tool_calls": [fragment]}


def stream_events(answer: Answer) -> list[bytes]:
    """The SSE events of the streamed answer, `data: [DONE]` included."""
    return [sse_event(dumps(chunk)) for chunk in stream_chunks(answer)] + [DONE_EVENT]

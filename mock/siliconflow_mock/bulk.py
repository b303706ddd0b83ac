"""Bulk mode for benchmarks: big answers served from pre-rendered bytes.

`X-Mock-Bulk-Chunks: N` (1 to MAX_BULK_CHUNKS) replaces the usual answer by one of N tokens: the
first N // 2 are reasoning, the rest content. Streamed, that is N delta chunks between the role
chunk and the final chunk, then `data: [DONE]`; not streamed, one ChatCompletion with the same
texts. Usage adds up as for any answer. The bytes are rendered once per (N, model) and cached,
id and `created` included, so the server only copies memory and is never the bottleneck of a
client measurement. Works from any client that can add a header (openai-python: `extra_headers`).
"""

from __future__ import annotations

import time
from functools import lru_cache

from siliconflow_mock.answers import Answer, Choice, new_id
from siliconflow_mock.wire import completion, dumps, stream_events

BULK_HEADER = "x-mock-bulk-chunks"
# About 400 bytes a chunk: 200 000 chunks is an 80 MB stream, plenty for a benchmark, bounded for a mock.
MAX_BULK_CHUNKS = 200_000
# Streams are written in blocks of this size: few large writes keep the server's per-chunk cost at zero.
BLOCK_BYTES = 64 * 1024
_WORDS = (" The", " quick", " brown", " fox", " jumps", " over", " the", " lazy", " dog.")
_CACHED_RENDERINGS = 4


class BulkHeaderError(ValueError):
    """The bulk header's value is not a chunk count the mock serves."""


def parse_chunks(raw: str | None) -> int | None:
    """The chunk count asked for, None without the header; BulkHeaderError on a bad value."""
    if raw is None:
        return None
    try:
        chunks = int(raw.strip())
    except ValueError:
        raise BulkHeaderError(f"X-Mock-Bulk-Chunks: expected an integer, got {raw!r}") from None
    if not 1 <= chunks <= MAX_BULK_CHUNKS:
        raise BulkHeaderError(f"X-Mock-Bulk-Chunks: must be between 1 and {MAX_BULK_CHUNKS}, got {chunks}")
    return chunks


def bulk_answer(chunks: int, model: str) -> Answer:
    """An answer of `chunks` tokens, reasoning first, with a fixed prompt of one token."""
    tokens = tuple(_WORDS[i % len(_WORDS)] for i in range(chunks))
    reasoning, content = tokens[: chunks // 2], tokens[chunks // 2 :]
    choice = Choice(index=0, reasoning=reasoning, content=content, tool_calls=(), finish_reason="stop")
    return Answer(
        id=new_id(),
        created=int(time.time()),
        model=model,
        choices=(choice,),
        prompt_tokens=1,
        cached_tokens=0,
    )


@lru_cache(maxsize=_CACHED_RENDERINGS)
def stream_blocks(chunks: int, model: str) -> tuple[bytes, ...]:
    """The whole SSE body of a bulk answer, cut into blocks of about BLOCK_BYTES."""
    body = b"".join(stream_events(bulk_answer(chunks, model)))
    return tuple(body[start : start + BLOCK_BYTES] for start in range(0, len(body), BLOCK_BYTES))


@lru_cache(maxsize=_CACHED_RENDERINGS)
def completion_body(chunks: int, model: str) -> bytes:
    """The JSON body of a bulk answer, not streamed."""
    return dumps(completion(bulk_answer(chunks, model)))

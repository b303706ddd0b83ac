"""Memory: without accumulation a 200k-chunk stream holds nothing; with it, only the text pieces.

Measured with `sys.getallocatedblocks()` (live pymalloc blocks): free to read, so the streams run
at full speed, unlike tracemalloc. A retained chunk model costs dozens of blocks; a retained text
piece one or two.
"""

from __future__ import annotations

import json
import sys
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any

import httpx
import pytest

if TYPE_CHECKING:
    from tests.overlays.conftest import Twin, Wire

pytestmark = pytest.mark.anyio

WARM_UP = 1_000


class Endless(httpx.SyncByteStream, httpx.AsyncByteStream):
    """`count` identical chunk events, generated on the fly (the body itself is never held)."""

    def __init__(self, event: bytes, count: int) -> None:
        self.batch = event * 50
        self.count = count

    def __iter__(self) -> Iterator[bytes]:
        for _ in range(self.count // 50):
            yield self.batch
        yield b"data: [DONE]\n\n"

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for piece in self:
            yield piece


async def blocks_per_chunk(twin: Twin, wire: Wire, count: int, accumulate: bool) -> float:
    """Live blocks gained between chunk WARM_UP and the last chunk, per chunk in between."""
    usage = {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}
    event = f"data: {json.dumps(wire.chunk('tok', None, usage=usage))}\n\n"

    def respond(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, headers={"content-type": "text/event-stream"}, stream=Endless(event.encode(), count)
        )

    client = twin.client(wire.script(respond))
    seen = 0
    before = after = 0
    stream: Any = client.stream(wire.request(), accumulate=accumulate)
    try:
        if twin.is_async:
            async with stream:
                async for _ in stream:
                    seen += 1
                    if seen == WARM_UP:
                        before = sys.getallocatedblocks()
                after = sys.getallocatedblocks()
        else:
            with stream:
                for _ in stream:
                    seen += 1
                    if seen == WARM_UP:
                        before = sys.getallocatedblocks()
                after = sys.getallocatedblocks()
    finally:
        await twin.close(client)
    assert seen == count
    return (after - before) / (count - WARM_UP)


@pytest.mark.slow
async def test_a_200k_chunk_stream_without_accumulation_does_not_grow(twin: Twin, wire: Wire) -> None:
    growth = await blocks_per_chunk(twin, wire, 200_000, accumulate=False)
    assert growth < 0.01  # i.e. under 2,000 blocks over 199,000 chunks: nothing kept per chunk


async def test_accumulation_keeps_only_the_text_pieces(twin: Twin, wire: Wire) -> None:
    growth = await blocks_per_chunk(twin, wire, 30_000, accumulate=True)
    assert 0.5 < growth < 3  # one small string per chunk (plus list growth), not the chunk models

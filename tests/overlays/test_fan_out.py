"""One async client, 2,000 concurrent streams, its default pool: every stream completes.

httpx's own default pool (100 connections, waiters queued inside httpcore) failed every stream of
such a fan-out with APITimeoutError; see `_core/pool.py`. Not timed: bounded, and marked slow.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import anyio
import pytest
from siliconflow import AsyncSiliconFlow
from siliconflow_api.models import ChatCompletionRequest

if TYPE_CHECKING:
    from tests.overlays.conftest import Wire

pytestmark = [pytest.mark.anyio, pytest.mark.slow]

STREAMS = 2_000
CHUNKS = 50  # 200 in the bench (benchmarks/fan_out.py); fewer here keeps the test near 10 s


async def serve_streams(body: bytes) -> tuple[asyncio.Server, int]:
    """A keep-alive HTTP/1.1 server answering every request with `body` as an event stream."""
    response = b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ncontent-length: %d\r\n\r\n%s" % (
        len(body),
        body,
    )

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = (await reader.readuntil(b"\r\n\r\n")).lower()
                length = int(head.split(b"content-length:")[1].split(b"\r\n")[0])
                await reader.readexactly(length)
                writer.write(response)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0, backlog=STREAMS)
    port: int = server.sockets[0].getsockname()[1]
    return server, port


@pytest.mark.parametrize("anyio_backend", ["asyncio"])
async def test_two_thousand_concurrent_streams_complete_with_the_defaults(wire: Wire) -> None:
    chunks = [wire.chunk(f"w{i} ", role="assistant" if i == 0 else None) for i in range(CHUNKS)]
    server, port = await serve_streams(wire.sse(*chunks, done=True))
    request = ChatCompletionRequest.from_dict({"model": "m", "messages": [{"role": "user", "content": "hi"}]})
    async with server, AsyncSiliconFlow("sk-test", base_url=f"http://127.0.0.1:{port}/v1") as client:

        async def one() -> str:
            async with client.stream(request) as stream:
                async for _ in stream:
                    pass
                completion = await stream.get_final_completion()
            return completion.choices[0].message.content or ""

        with anyio.fail_after(300):  # a bound, not a measure
            answers = await asyncio.gather(*(one() for _ in range(STREAMS)))
    expected = "".join(f"w{i} " for i in range(CHUNKS))
    assert len(answers) == STREAMS
    assert all(answer == expected for answer in answers)

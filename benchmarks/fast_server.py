"""A loopback HTTP/1.1 server that answers every chat request with the mock's pre-rendered bulk bytes.

    python -m benchmarks.fast_server PORT

For the fan-out measure: thousands of concurrent keep-alive connections, each answered with one
write of bytes rendered once (`siliconflow_mock.bulk`, the same answer the mock serves), so the
server costs next to nothing per connection and per chunk, far less than uvicorn would. It reads
`X-Mock-Bulk-Chunks` (default 200) and `"stream": true` in the body; it checks nothing else.
"""

from __future__ import annotations

import asyncio
import sys
from functools import cache

from siliconflow_mock.bulk import completion_body, stream_blocks

MODEL = "Qwen/Qwen3-8B"
_HEADER = b"x-mock-bulk-chunks:"


@cache
def _response(chunks: int, stream: bool) -> bytes:
    if stream:
        body, kind = b"".join(stream_blocks(chunks, MODEL)), b"text/event-stream"
    else:
        body, kind = completion_body(chunks, MODEL), b"application/json"
    head = b"HTTP/1.1 200 OK\r\ncontent-type: %s\r\ncontent-length: %d\r\n\r\n" % (kind, len(body))
    return head + body


async def _serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while True:
            head = (await reader.readuntil(b"\r\n\r\n")).lower()
            length, chunks = 0, 200
            for line in head.split(b"\r\n"):
                if line.startswith(b"content-length:"):
                    length = int(line[15:])
                elif line.startswith(_HEADER):
                    chunks = int(line[len(_HEADER) :])
            body = await reader.readexactly(length)
            stream = b'"stream":true' in body.replace(b" ", b"")
            writer.write(_response(chunks, stream))
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


async def main(port: int) -> None:
    server = await asyncio.start_server(_serve, "127.0.0.1", port, backlog=4096)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))

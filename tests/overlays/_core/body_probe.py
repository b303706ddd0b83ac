"""Run one hostile-body case in a fresh process and print its memory use (for test_bodies.py).

`python body_probe.py CASE` starts a raw asyncio server on loopback in a thread, makes one call
against it, and prints JSON: the error's type and message, and `growth_mib`, the peak resident set
(VmHWM) minus the resident set just before the call. A fresh process, so earlier tests' peaks do
not count. The hostile bodies are generated as they are written, never held whole.
"""

from __future__ import annotations

import asyncio
import json
import struct
import sys
import threading
import zlib
from collections.abc import Iterator
from typing import Any

MIB = 1 << 20
KEY = "sk-probe-0123456789abcdef"


def status_kib(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise LookupError(field)


def gzip_repeat(block: bytes, times: int) -> bytes:
    """A gzip body of `block` repeated `times` times, fast: one deflate block (history reset by a
    full flush) written `times` times, then an empty final block and the trailer."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    deflated = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(times):
        crc = zlib.crc32(block, crc)
    trailer = struct.pack("<II", crc, (len(block) * times) & 0xFFFFFFFF)
    return b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff" + deflated * times + b"\x03\x00" + trailer


BOMB = gzip_repeat(bytes(MIB), 400)  # 400 MiB of zeros in about 400 KB


def head(status: int, headers: dict[str, str]) -> bytes:
    lines = [f"HTTP/1.1 {status} X", "connection: close", *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def answer(case: str) -> Iterator[bytes]:
    """The bytes the server writes for `case` (after reading a request)."""
    if case in ("create", "acreate", "models", "user", "files", "stream_json", "error_500"):
        bomb = BOMB
        status = 500 if case == "error_500" else 200
        yield head(
            status,
            {
                "content-type": "application/json",
                "content-encoding": "gzip",
                "content-length": str(len(bomb)),
            },
        )
        yield bomb
    elif case == "plain_json":  # 200 MiB of valid JSON, not compressed
        yield head(200, {"content-type": "application/json", "content-length": str(200 * MIB)})
        yield b'{"pad": "'
        for _ in range(200):
            yield b"x" * MIB
        yield b'"}'[: 200 * MIB]
    elif case in ("sse_newlines", "sse_newlines_gzip"):
        gzipped = case.endswith("gzip")
        headers = {"content-type": "text/event-stream"}
        if gzipped:
            headers["content-encoding"] = "gzip"
        yield head(200, headers)
        if gzipped:  # no [DONE]: the newlines alone must not be held
            yield gzip_repeat(b"\n" * MIB, 300)
            return
        block = b"\n" * MIB
        for _ in range(300):
            yield block
        yield b"data: [DONE]\n\n"
    else:
        raise SystemExit(f"unknown case {case}")


class Server:
    def __init__(self, case: str) -> None:
        self.case = case
        self.loop = asyncio.new_event_loop()
        ready = threading.Event()
        self.port = 0

        def run() -> None:
            asyncio.set_event_loop(self.loop)

            async def start() -> None:
                server = await asyncio.start_server(self.handle, "127.0.0.1", 0)
                self.port = server.sockets[0].getsockname()[1]
                ready.set()

            self.loop.run_until_complete(start())
            self.loop.run_forever()

        threading.Thread(target=run, daemon=True).start()
        ready.wait(10)

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head_bytes = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head_bytes.split(b"\r\n"):
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            await reader.readexactly(length)
            for piece in answer(self.case):
                writer.write(piece)
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()


def call(case: str, url: str) -> Any:
    from siliconflow import AsyncSiliconFlow, RetryPolicy, SiliconFlow
    from siliconflow_api.models import ChatCompletionRequest

    request = ChatCompletionRequest.from_dict({"model": "m", "messages": [{"role": "user", "content": "hi"}]})
    policy = RetryPolicy(max_retries=2, initial_backoff=0.001, max_backoff=0.002, jitter=0)
    if case == "acreate":

        async def run() -> Any:
            async with AsyncSiliconFlow(KEY, base_url=url, retry_policy=policy) as client:
                return await client.create(request)

        return asyncio.run(run())
    # A small event cap: 1 GiB of bare newlines stops at it quickly (each newline is a Python call).
    with SiliconFlow(KEY, base_url=url, retry_policy=policy, max_event_size=MIB) as client:
        if case in ("create", "error_500", "plain_json"):
            return client.create(request)
        if case == "models":
            return client.models.list()
        if case == "user":
            return client.user.info()
        if case == "files":
            return client.files.content("file-1")
        with client.stream(request) as stream:
            return stream.get_final_completion()


def main() -> None:
    case = sys.argv[1]
    server = Server(case)
    url = f"http://127.0.0.1:{server.port}/v1"
    import httpx  # noqa: F401 - loaded before the baseline, as a service would have it
    import siliconflow.client  # noqa: F401

    before = status_kib("VmRSS")
    error: BaseException | None = None
    try:
        call(case, url)
    except BaseException as exc:
        error = exc
    growth = (status_kib("VmHWM") - before) / 1024
    print(
        json.dumps(
            {
                "error": None if error is None else type(error).__name__,
                "message": "" if error is None else str(error),
                "growth_mib": round(growth, 1),
            }
        )
    )


if __name__ == "__main__":
    main()

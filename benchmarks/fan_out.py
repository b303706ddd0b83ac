"""Fan-out: one async client, thousands of concurrent streams, against `fast_server.py`.

    python -m benchmarks.fan_out STREAMS CHUNKS [ours|floor ...]   # prints CPU s and wall s per contender

Ours runs with its defaults (the pool included: 1,000 connections, the other streams waiting for
one); the floor is raw httpx at its best, a pool with a connection for every stream (with httpx's
own queue of waiters, a 1,000-connection pool costs it 100x the CPU: see `pool.py`), reading lines
and decoding them with orjson.
Each contender returns the number of chunks read, so a run that lost streams shows as a mismatch.
"""

from __future__ import annotations

import asyncio
import functools
import subprocess
import sys
import time
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import orjson
from siliconflow import AsyncSiliconFlow
from siliconflow_api.models import ChatCompletionRequest

from benchmarks.mock_process import TOKEN, free_port, wait_until_listening

BULK_HEADER = "X-Mock-Bulk-Chunks"
BODY: dict[str, Any] = {"model": "Qwen/Qwen3-8B", "messages": [{"role": "user", "content": "fan-out"}]}


@contextmanager
def fast_server() -> Iterator[str]:
    """`benchmarks.fast_server` in its own process; yields its base URL."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "benchmarks.fast_server", str(port)])
    try:
        wait_until_listening(port, process)
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        process.terminate()
        process.wait(timeout=10)


async def _ours(base_url: str, streams: int, chunks: int) -> int:
    request = ChatCompletionRequest.from_dict(BODY)
    async with AsyncSiliconFlow(
        api_key=TOKEN, base_url=base_url, headers={BULK_HEADER: str(chunks)}, max_retries=0
    ) as client:

        async def one() -> int:
            count = 0
            async with client.stream(request, accumulate=False) as stream:
                async for _ in stream:
                    count += 1
            return count

        return sum(await asyncio.gather(*(one() for _ in range(streams))))


async def _floor(base_url: str, streams: int, chunks: int) -> int:
    headers = {"Authorization": f"Bearer {TOKEN}", BULK_HEADER: str(chunks)}
    url = f"{base_url}/chat/completions"
    body = {**BODY, "stream": True}
    limits = httpx.Limits(max_connections=streams, max_keepalive_connections=100)
    async with httpx.AsyncClient(timeout=600, limits=limits) as client:

        async def one() -> int:
            count = 0
            async with client.stream("POST", url, json=body, headers=headers) as response:
                async for line in response.aiter_lines():
                    if line.startswith("data: "):
                        data = line[6:]
                        if data == "[DONE]":
                            break
                        orjson.loads(data)
                        count += 1
            return count

        return sum(await asyncio.gather(*(one() for _ in range(streams))))


CONTENDERS: dict[str, Callable[[str, int, int], Coroutine[Any, Any, int]]] = {
    "floor: raw httpx, a connection per stream": _floor,
    "ours: AsyncSiliconFlow defaults": _ours,
}


def _run_loop(run: Callable[[str, int, int], Coroutine[Any, Any, int]], *args: Any) -> int:
    return asyncio.run(run(*args))


def contenders(base_url: str, streams: int, chunks: int) -> dict[str, Callable[[], int]]:
    """Name -> a callable that runs the whole fan-out in a new event loop, returning chunks read."""
    return {
        name: functools.partial(_run_loop, run, base_url, streams, chunks) for name, run in CONTENDERS.items()
    }


if __name__ == "__main__":
    n_streams, n_chunks = int(sys.argv[1]), int(sys.argv[2])
    wanted = sys.argv[3:] or ["floor", "ours"]
    with fast_server() as url:
        runs = contenders(url, n_streams, n_chunks)
        for name, run in runs.items():
            if name.split(":")[0] not in wanted:
                continue
            wall, cpu = time.perf_counter(), time.process_time()
            read = run()
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            print(f"{name}: {read} chunks, CPU {cpu:.2f} s, wall {wall:.2f} s")

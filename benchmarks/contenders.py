"""The code each contender runs: the same request, the same mock, different clients.

Every stream contender returns the number of chunks it decoded, so a run that silently read
less than the others shows up as a count mismatch instead of a flattering number.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import openai
import orjson
from siliconflow import AsyncSiliconFlow, SiliconFlow
from siliconflow_api.api.chat import create_chat_completion
from siliconflow_api.models import ChatCompletionRequest

from benchmarks.raw_socket import read_stream

MODEL = "Qwen/Qwen3-8B"
BULK_HEADER = "X-Mock-Bulk-Chunks"
PROMPT = "benchmark"


@dataclass(frozen=True)
class Target:
    """Where the mock listens and how big an answer to ask for."""

    base_url: str
    token: str
    chunks: int

    @property
    def headers(self) -> dict[str, str]:
        return {BULK_HEADER: str(self.chunks)}

    def clients(self) -> tuple[SiliconFlow, openai.OpenAI, httpx.Client]:
        """Ours, openai-python's and the floor's client, none retrying (a retry would skew a run)."""
        ours = SiliconFlow(api_key=self.token, base_url=self.base_url, headers=self.headers, max_retries=0)
        oai = openai.OpenAI(api_key=self.token, base_url=self.base_url, max_retries=0)
        return ours, oai, httpx.Client(timeout=60)

    def body(self, *, stream: bool) -> dict[str, Any]:
        body: dict[str, Any] = {"model": MODEL, "messages": [{"role": "user", "content": PROMPT}]}
        if stream:
            body["stream"] = True
        return body


Contender = Callable[[], int]


# ---------------------------------------------------------------------------------------- streams
def stream_contenders(target: Target) -> dict[str, Contender]:
    """Name -> a callable that reads one whole stream and returns the chunk count."""
    request = ChatCompletionRequest.from_dict(target.body(stream=False))
    ours, oai, floor = target.clients()

    def floor_stream() -> int:
        count = 0
        url = f"{target.base_url}/chat/completions"
        headers = {"Authorization": f"Bearer {target.token}", **target.headers}
        with floor.stream("POST", url, json=target.body(stream=True), headers=headers) as response:
            for line in response.iter_lines():
                if line.startswith("data: "):
                    data = line[6:]
                    if data == "[DONE]":
                        break
                    orjson.loads(data)
                    count += 1
        return count

    def raw_socket() -> int:
        return read_stream(
            target.base_url, target.token, target.headers, orjson.dumps(target.body(stream=True))
        )

    def ours_sync() -> int:
        count = 0
        with ours.stream(request, accumulate=False) as stream:
            for _ in stream:
                count += 1
        return count

    def ours_accumulate() -> int:
        with ours.stream(request) as stream:
            count = sum(1 for _ in stream)
            completion = stream.get_final_completion()
        assert completion.choices[0].message.content
        return count

    def ours_async() -> int:
        async def run() -> int:
            async with AsyncSiliconFlow(
                api_key=target.token, base_url=target.base_url, headers=target.headers, max_retries=0
            ) as client:
                count = 0
                async with client.stream(request, accumulate=False) as stream:
                    async for _ in stream:
                        count += 1
                return count

        return asyncio.run(run())

    def openai_stream() -> int:
        count = 0
        stream = oai.chat.completions.create(
            model=MODEL,
            messages=[{"role": "user", "content": PROMPT}],
            stream=True,
            extra_headers=target.headers,
        )
        with stream:
            for _ in stream:
                count += 1
        return count

    def openai_accumulate() -> int:
        with oai.chat.completions.stream(
            model=MODEL, messages=[{"role": "user", "content": PROMPT}], extra_headers=target.headers
        ) as stream:
            count = sum(1 for event in stream if event.type == "chunk")
            completion = stream.get_final_completion()
        assert completion.choices[0].message.content
        return count

    return {
        "limit: raw socket + orjson": raw_socket,
        "floor: httpx iter_lines + orjson": floor_stream,
        "ours: sync stream": ours_sync,
        "ours: async stream": ours_async,
        "ours: sync stream + accumulate": ours_accumulate,
        "openai: stream": openai_stream,
        "openai: stream helper (accumulates)": openai_accumulate,
    }


# --------------------------------------------------------------------------------------- requests
def request_contenders(target: Target, count: int) -> dict[str, Contender]:
    """Name -> a callable that sends `count` sequential non-stream requests on one connection."""
    request = ChatCompletionRequest.from_dict(target.body(stream=False))
    ours, oai, floor = target.clients()
    url = f"{target.base_url}/chat/completions"
    floor_headers = {"Authorization": f"Bearer {target.token}", **target.headers}
    body = target.body(stream=False)

    def floor_requests() -> int:
        for _ in range(count):
            response = floor.post(url, json=body, headers=floor_headers)
            orjson.loads(response.content)
        return count

    def ours_create() -> int:
        for _ in range(count):
            ours.create(request)
        return count

    def ours_generated() -> int:
        for _ in range(count):
            create_chat_completion.sync(client=ours.api, body=request)
        return count

    def openai_create() -> int:
        for _ in range(count):
            oai.chat.completions.create(
                model=MODEL, messages=[{"role": "user", "content": PROMPT}], extra_headers=target.headers
            )
        return count

    return {
        "floor: httpx post + orjson": floor_requests,
        "ours: client.create": ours_create,
        "ours: generated sync() via client.api": ours_generated,
        "openai: create": openai_create,
    }

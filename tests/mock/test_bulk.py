"""Bulk mode: big answers from pre-rendered bytes, shaped like any other answer."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from siliconflow_mock import bulk, create_app

pytestmark = pytest.mark.anyio

HEADERS = {"Authorization": "Bearer sk-mock"}
BODY: dict[str, Any] = {"model": "bench/model", "messages": [{"role": "user", "content": "go"}]}


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://mock", headers=HEADERS) as test_client:
        yield test_client


@pytest.mark.parametrize("chunks", [1, 2, 1001])
async def test_a_bulk_stream_has_n_text_chunks_reasoning_first(
    client: httpx.AsyncClient, chunks: int
) -> None:
    response = await client.post(
        "/v1/chat/completions", json={**BODY, "stream": True}, headers={"X-Mock-Bulk-Chunks": str(chunks)}
    )
    assert response.status_code == 200
    events = response.content.split(b"\n\n")
    assert events[-2:] == [b"data: [DONE]", b""]
    parsed = [json.loads(event.removeprefix(b"data: ")) for event in events[:-2]]
    deltas = [chunk["choices"][0]["delta"] for chunk in parsed]
    assert len(deltas) == chunks + 2  # the role chunk, N text chunks, the final chunk
    texts = deltas[1:-1]
    reasoning = [d for d in texts if d["reasoning_content"] is not None]
    content = [d for d in texts if d["content"] is not None]
    assert (len(reasoning), len(content)) == (chunks // 2, chunks - chunks // 2)
    assert texts == reasoning + content  # reasoning first
    assert parsed[-1]["choices"][0]["finish_reason"] == "stop"
    assert parsed[-1]["usage"]["completion_tokens"] == chunks
    assert parsed[-1]["usage"]["completion_tokens_details"]["reasoning_tokens"] == chunks // 2
    assert {chunk["model"] for chunk in parsed} == {"bench/model"}


async def test_a_bulk_completion_has_the_same_texts(client: httpx.AsyncClient) -> None:
    response = await client.post("/v1/chat/completions", json=BODY, headers={"X-Mock-Bulk-Chunks": "9"})
    message = response.json()["choices"][0]["message"]
    assert message["reasoning_content"] == " The quick brown fox"
    assert message["content"] == " jumps over the lazy dog."
    assert response.json()["usage"]["completion_tokens"] == 9


async def test_bulk_answers_come_from_the_cache(client: httpx.AsyncClient) -> None:
    # Rendered once per (N, model): the same bytes, id included, on every request.
    headers = {"X-Mock-Bulk-Chunks": "333"}
    first = await client.post("/v1/chat/completions", json={**BODY, "stream": True}, headers=headers)
    hits = bulk.stream_blocks.cache_info().hits
    second = await client.post("/v1/chat/completions", json={**BODY, "stream": True}, headers=headers)
    assert second.content == first.content
    assert bulk.stream_blocks.cache_info().hits == hits + 1


def test_big_streams_are_written_in_large_blocks() -> None:
    blocks = bulk.stream_blocks(5000, "bench/model")
    assert len(blocks) > 1
    assert all(len(block) == bulk.BLOCK_BYTES for block in blocks[:-1])
    assert b"".join(blocks).endswith(b"data: [DONE]\n\n")


async def test_bulk_still_checks_auth_and_body(client: httpx.AsyncClient) -> None:
    unauthorized = await client.post(
        "/v1/chat/completions", json=BODY, headers={"Authorization": "Bearer no", "X-Mock-Bulk-Chunks": "5"}
    )
    invalid = await client.post(
        "/v1/chat/completions", json={"model": "m"}, headers={"X-Mock-Bulk-Chunks": "5"}
    )
    assert (unauthorized.status_code, invalid.status_code) == (401, 400)


async def test_bulk_takes_error_faults(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v1/chat/completions", json=BODY, headers={"X-Mock-Bulk-Chunks": "5", "X-Mock-Fault": "overloaded"}
    )
    assert response.status_code == 503

"""A bulk job makes one span with its counts, not one per line; each line carries the job's context."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from siliconflow import AsyncSiliconFlow
from siliconflow.bulk import run_bulk_async


def _line(custom_id: str, stream: bool) -> str:
    body = {"model": "Qwen/Qwen3-8B", "messages": [{"role": "user", "content": "hi"}], "stream": stream}
    return json.dumps({"custom_id": custom_id, "method": "POST", "url": "/v1/chat/completions", "body": body})


def _answer(request: httpx.Request) -> httpx.Response:
    completion = {
        "id": "x",
        "object": "chat.completion",
        "created": 1,
        "model": "Qwen/Qwen3-8B",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "ok"}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5},
    }
    if b'"stream": true' in request.content or b'"stream":true' in request.content:
        chunk = {**completion, "object": "chat.completion.chunk"}
        chunk["choices"] = [
            {"index": 0, "delta": {"role": "assistant", "content": "ok"}, "finish_reason": "stop"}
        ]
        body = f"data: {json.dumps(chunk)}\n\ndata: [DONE]\n\n".encode()
        return httpx.Response(200, content=body, headers={"content-type": "text/event-stream"})
    return httpx.Response(200, json=completion)


@pytest.mark.anyio
async def test_a_job_is_one_span_with_its_counts(tmp_path: Path) -> None:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(_line(f"l{i}", stream=i % 2 == 0) for i in range(4)) + "\n", encoding="utf-8")
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return _answer(request)

    async with AsyncSiliconFlow(
        api_key="sk-test-key-123",
        base_url="http://x/v1",
        transport=httpx.MockTransport(handler),
        tracer_provider=provider,
    ) as client:
        summary = await run_bulk_async(source, tmp_path / "out.jsonl", client=client)
    assert summary.succeeded == 4
    (job,) = exporter.get_finished_spans()
    assert job.name == "siliconflow.bulk"
    found = dict(job.attributes or {})
    assert found["siliconflow.bulk.total"] == 4
    assert found["siliconflow.bulk.succeeded"] == 4
    assert found["siliconflow.bulk.failed"] == 0
    assert found["gen_ai.usage.input_tokens"] == 12
    context = job.get_span_context()
    assert context is not None
    assert len(seen) == 4
    assert all(f"{context.trace_id:032x}" in request.headers["traceparent"] for request in seen)

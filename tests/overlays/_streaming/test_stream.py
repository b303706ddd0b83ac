"""Streaming through SiliconFlow / AsyncSiliconFlow: chunks, snapshot, final completion, closing."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import httpx
import pytest
from siliconflow import ChatCompletionStream, MalformedChunkError, SiliconFlow
from siliconflow._streaming.stream import AsyncChatCompletionStream
from siliconflow_api.models import ChatCompletionChunk

if TYPE_CHECKING:
    from tests.overlays.conftest import Body, Twin, Wire

pytestmark = pytest.mark.anyio


async def test_the_fixture_stream_yields_its_chunks_and_accumulates(twin: Twin, wire: Wire) -> None:
    raw = wire.fixture_bytes("deepseek-v3-stream.sse")
    server = wire.script(wire.stream_step([raw[:7], raw[7:400], raw[400:]]))
    run = await twin.run_stream(server, wire.request())
    assert run.error is None
    assert [c.choices[0].delta.content for c in run.chunks] == ["", "你好"]
    assert all(isinstance(c, ChatCompletionChunk) for c in run.chunks)
    assert run.final is not None
    assert run.final.choices[0].message.content == "你好"
    assert run.trace_id == "trace-stream-1"
    assert server.attempts == 1


async def test_the_request_asks_for_a_stream_without_touching_the_callers_model(
    twin: Twin, wire: Wire
) -> None:
    server = wire.script(wire.stream_step([wire.sse(wire.chunk("a", finish="stop"))]))
    request = wire.request(temperature=0.2)
    before = request.to_dict()
    await twin.run_stream(server, request)
    sent = server.requests[0]
    assert server.sent_json() == {**before, "stream": True}
    assert request.to_dict() == before
    assert sent.headers["accept"] == "text/event-stream"
    assert sent.headers["authorization"].startswith("Bearer ")
    assert sent.url == "https://api.siliconflow.cn/v1/chat/completions"


async def test_crafted_stream_with_every_sse_edge_case(twin: Twin, wire: Wire) -> None:
    pretty = json.dumps(wire.chunk(None, "思考", role="assistant"), ensure_ascii=False, indent=1)
    body = (
        ": connected\r\n\r\n"  # a comment
        + "id: 1\r\n\r\n"  # an event with no data
        + "".join(f"data: {line}\r\n" for line in pretty.splitlines())  # multi-line data, CRLF
        + "\r\n"
        + "retry: 500\n\n"
        + f"data: {json.dumps(wire.chunk('答案', None), ensure_ascii=False)}\n\n"
        + f"data: {json.dumps({**wire.chunk(), 'choices': []})}\n\n"  # empty choices
        + f"data: {json.dumps(wire.chunk('!', finish='stop', extra={'brand_new': 1}))}\n\n"
        + "data: [DONE]\n\n"
        + "data: ignored after done\n\n"
    ).encode()
    split = body.index("答案".encode()) + 1  # cut inside a UTF-8 character
    server = wire.script(wire.stream_step([body[:split], body[split:]]))
    run = await twin.run_stream(server, wire.request())
    assert run.error is None
    assert len(run.chunks) == 4
    assert run.chunks[2].choices == []
    assert run.chunks[3]["brand_new"] == 1
    assert run.final is not None
    message = run.final.choices[0].message
    assert (message.reasoning_content, message.content) == ("思考", "答案!")
    assert run.final["brand_new"] == 1


async def test_done_without_its_final_blank_line_is_a_clean_end(twin: Twin, wire: Wire) -> None:
    body = wire.sse(wire.chunk("ok", finish="stop"), done=False) + b"data: [DONE]"
    run = await twin.run_stream(wire.script(wire.stream_step([body])), wire.request())
    assert run.error is None
    assert run.final is not None
    assert run.final.choices[0].message.content == "ok"


async def test_early_break_closes_the_connection(twin: Twin, wire: Wire) -> None:
    bodies: list[Body] = []
    events = [wire.chunk(str(i)) for i in range(10)]
    server = wire.script(
        wire.stream_step([wire.sse(e, done=False) for e in events] + [b"data: [DONE]\n\n"], bodies=bodies)
    )
    run = await twin.run_stream(server, wire.request(), break_after=2)
    assert [c.choices[0].delta.content for c in run.chunks] == ["0", "1"]
    assert bodies[0].closed


async def test_accumulate_false_yields_chunks_and_keeps_nothing(twin: Twin, wire: Wire) -> None:
    body = wire.sse(wire.chunk("a"), wire.chunk("b", finish="stop"))
    client = twin.client(wire.script(wire.stream_step([body])))
    try:
        chunks = []
        if twin.is_async:
            async with client.stream(wire.request(), accumulate=False) as astream:
                chunks = [chunk async for chunk in astream]
                with pytest.raises(RuntimeError, match="accumulate=True"):
                    astream.snapshot()
                with pytest.raises(RuntimeError, match="accumulate=True"):
                    await astream.get_final_completion()
        else:
            with client.stream(wire.request(), accumulate=False) as stream:
                chunks = list(stream)
                with pytest.raises(RuntimeError, match="accumulate=True"):
                    stream.snapshot()
                with pytest.raises(RuntimeError, match="accumulate=True"):
                    stream.get_final_completion()
        assert [c.choices[0].delta.content for c in chunks] == ["a", "b"]
    finally:
        await twin.close(client)


async def test_snapshot_at_any_moment_and_final_after_a_partial_read(twin: Twin, wire: Wire) -> None:
    body = wire.sse(wire.chunk("Hel", role="assistant"), wire.chunk("lo"), wire.chunk("!", finish="stop"))
    client = twin.client(wire.script(wire.stream_step([body])))
    try:
        if twin.is_async:
            async with client.stream(wire.request()) as astream:
                assert astream.snapshot() is None
                await anext(astream)
                first = astream.snapshot()
                final = await astream.get_final_completion()
        else:
            with client.stream(wire.request()) as stream:
                assert stream.snapshot() is None
                next(stream)
                first = stream.snapshot()
                final = stream.get_final_completion()
        assert first is not None
        assert first.choices[0].message.content == "Hel"
        assert final.choices[0].message.content == "Hello!"
        assert final.choices[0].finish_reason == "stop"
    finally:
        await twin.close(client)


async def test_a_non_event_stream_200_is_a_typed_error(twin: Twin, wire: Wire) -> None:
    server = wire.script(wire.json_step(200, wire.fixture_json("deepseek-v3-response.json")))
    run = await twin.run_stream(server, wire.request())
    assert isinstance(run.error, MalformedChunkError)
    assert "application/json" in str(run.error)
    assert run.error.partial is None
    assert run.chunks == []


async def test_a_stream_ending_without_any_chunk(twin: Twin, wire: Wire) -> None:
    run = await twin.run_stream(wire.script(wire.stream_step([b"data: [DONE]\n\n"])), wire.request())
    assert run.chunks == []
    assert run.final is None
    assert run.error is not None
    assert "without any chunk" in str(run.error)


def test_using_a_stream_outside_with_is_a_clear_error(wire: Wire) -> None:
    client = SiliconFlow(
        "sk-test-0123456789", transport=httpx.MockTransport(wire.script(wire.stream_step([b""])))
    )
    stream = client.stream(wire.request())
    assert isinstance(stream, ChatCompletionStream)
    with pytest.raises(RuntimeError, match=r"with client\.stream"):
        next(stream)
    with pytest.raises(RuntimeError, match=r"with client\.stream"):
        _ = stream.trace_id
    client.close()


async def test_iterating_after_close_ends_and_final_explains(twin: Twin, wire: Wire) -> None:
    body = wire.sse(wire.chunk("a"), wire.chunk("b", finish="stop"))
    client = twin.client(wire.script(wire.stream_step([body])))
    try:
        if twin.is_async:
            async with client.stream(wire.request()) as astream:
                await anext(astream)
            assert isinstance(astream, AsyncChatCompletionStream)
            assert [chunk async for chunk in astream] == []
            with pytest.raises(RuntimeError, match="closed before it finished"):
                await astream.get_final_completion()
            partial = astream.snapshot()
        else:
            with client.stream(wire.request()) as stream:
                next(stream)
            assert list(stream) == []
            with pytest.raises(RuntimeError, match="closed before it finished"):
                stream.get_final_completion()
            partial = stream.snapshot()
        assert partial is not None
        assert partial.choices[0].message.content == "a"
    finally:
        await twin.close(client)

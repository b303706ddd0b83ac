"""Events over the runtime's real streams (sync and async twins), agreeing with the final completion."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from siliconflow import AsyncSiliconFlow, SiliconFlow, StreamError
from siliconflow.lib.events import (
    AnswerEvent,
    FinishEvent,
    ReasoningEvent,
    StreamEvent,
    aiter_events,
    iter_events,
)
from siliconflow.lib.thinking import answer_text, reasoning_text
from siliconflow_api.models import ChatCompletion, ChatCompletionRequest

KEY = "sk-test-events-0123456789"
THINK_TEXT = "<think>\nRayleigh scattering.\n</think>\n\nShort wavelengths scatter most."
REQUEST = ChatCompletionRequest.from_dict(
    {"model": "Qwen/Qwen3-8B", "messages": [{"role": "user", "content": "hi"}]}
)


def sse_body(wire: Any, pieces: list[str], *, done: bool = True) -> bytes:
    chunks = [wire.chunk("", role="assistant")]
    chunks += [wire.chunk(piece) for piece in pieces]
    if done:
        chunks.append(
            wire.chunk(
                "", finish="stop", usage={"prompt_tokens": 3, "completion_tokens": 20, "total_tokens": 23}
            )
        )
    return bytes(wire.sse(*chunks, done=done))


def transport(body: bytes) -> httpx.MockTransport:
    headers = {"content-type": "text/event-stream"}
    return httpx.MockTransport(lambda request: httpx.Response(200, headers=headers, content=body))


def texts(events: list[StreamEvent]) -> tuple[str, str]:
    reasoning = "".join(e.delta for e in events if isinstance(e, ReasoningEvent))
    answer = "".join(e.delta for e in events if isinstance(e, AnswerEvent))
    return reasoning, answer


def run_sync(body: bytes) -> tuple[list[StreamEvent], ChatCompletion | None, StreamError | None]:
    events: list[StreamEvent] = []
    client = SiliconFlow(api_key=KEY, transport=transport(body), max_retries=0)
    with client, client.stream(REQUEST) as stream:
        try:
            for event in iter_events(stream):
                events.append(event)
            return events, stream.get_final_completion(), None
        except StreamError as error:
            return events, error.partial, error


async def run_async(body: bytes) -> tuple[list[StreamEvent], ChatCompletion | None, StreamError | None]:
    events: list[StreamEvent] = []
    client = AsyncSiliconFlow(api_key=KEY, transport=transport(body), max_retries=0)
    async with client, client.stream(REQUEST) as stream:
        try:
            async for event in aiter_events(stream):
                events.append(event)
            return events, await stream.get_final_completion(), None
        except StreamError as error:
            return events, error.partial, error


@pytest.mark.parametrize("cut", [0, 3, 7, 8, 20, 27, 29, 31, 35, len(THINK_TEXT)])
def test_sync_events_agree_with_the_accumulated_completion(wire: Any, cut: int) -> None:
    events, completion, error = run_sync(sse_body(wire, [THINK_TEXT[:cut], THINK_TEXT[cut:]]))
    assert error is None
    assert completion is not None
    assert texts(events) == (reasoning_text(completion), answer_text(completion))
    assert texts(events) == ("Rayleigh scattering.", "Short wavelengths scatter most.")
    assert events[-1] == FinishEvent(0, "stop", "Rayleigh scattering.", "Short wavelengths scatter most.", ())


@pytest.mark.anyio
@pytest.mark.parametrize("cut", [0, 8, 29, len(THINK_TEXT)])
async def test_async_events_are_the_same_as_sync(wire: Any, cut: int) -> None:
    body = sse_body(wire, [THINK_TEXT[:cut], THINK_TEXT[cut:]])
    async_events, completion, error = await run_async(body)
    assert error is None
    assert completion is not None
    assert async_events == run_sync(body)[0]
    assert texts(async_events) == (reasoning_text(completion), answer_text(completion))


@pytest.mark.anyio
async def test_a_broken_stream_loses_no_text_sync_or_async(wire: Any) -> None:
    # The stream stops inside the block, right after a piece that might begin "</think>".
    body = sse_body(wire, ["<think>Half a thought </th"], done=False)
    for events, partial, error in (run_sync(body), await run_async(body)):
        assert isinstance(error, StreamError)
        assert partial is not None
        assert texts(events) == ("Half a thought </th", "")
        assert texts(events) == (reasoning_text(partial), answer_text(partial))

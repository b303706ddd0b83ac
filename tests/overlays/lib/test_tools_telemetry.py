"""A streamed tool run has one span, parent of its rounds' chat spans and its tool calls' spans.

The run is a generator: its span is held, not attached across a yield (`HeldSpan`), so the caller's
current span is the same at every event, and the span ends when the run ends, is closed early, or
fails. Sync and async, with the SDK's in-memory exporter; the caller's own span wraps each run.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from opentelemetry import trace
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode
from siliconflow import SiliconFlowError
from siliconflow._core.telemetry import CAPTURE_CONTENT_ENV, DISABLED_ENV
from siliconflow.lib.events import StreamEvent
from siliconflow.lib.tools import ToolResultEvent
from siliconflow_api.models import ChatCompletionRequest

if TYPE_CHECKING:
    from tests.overlays.conftest import Script, Twin, Wire

pytestmark = pytest.mark.anyio

RUN = "invoke_agent siliconflow.run_tools"
USAGE = {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}
CALLS = [
    {
        "index": 0,
        "id": "call-1",
        "type": "function",
        "function": {"name": "get_weather", "arguments": '{"city": "Paris"}'},
    },
    {
        "index": 1,
        "id": "call-2",
        "type": "function",
        "function": {"name": "get_time", "arguments": '{"city": "Oslo"}'},
    },
]


@pytest.fixture
def provider(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[TracerProvider, InMemorySpanExporter]]:
    monkeypatch.delenv(CAPTURE_CONTENT_ENV, raising=False)
    monkeypatch.delenv(DISABLED_ENV, raising=False)
    exporter = InMemorySpanExporter()
    tracer_provider = TracerProvider()
    tracer_provider.add_span_processor(SimpleSpanProcessor(exporter))
    yield tracer_provider, exporter
    tracer_provider.shutdown()


seen_in_tools: list[str] = []


def get_weather(city: str) -> str:
    """The weather."""
    seen_in_tools.append(getattr(trace.get_current_span(), "name", "?"))
    return f"sunny in {city}"


def get_time(city: str) -> str:
    """The time."""
    seen_in_tools.append(getattr(trace.get_current_span(), "name", "?"))
    return "12:00"


def _tool_round(wire: Wire) -> bytes:
    return wire.sse(
        wire.chunk(None, role="assistant", tool_calls=CALLS),
        wire.chunk(None, finish="tool_calls", usage=USAGE),
    )


def _answer_round(wire: Wire) -> bytes:
    return wire.sse(wire.chunk("done", role="assistant"), wire.chunk(None, finish="stop", usage=USAGE))


class Steps:
    """One streamed tool run, stepped event by event through either twin, inside the caller's span."""

    def __init__(self, twin: Twin, script: Script, tracer_provider: TracerProvider, **options: Any) -> None:
        self.twin = twin
        self.client = twin.client(script, tracer_provider=tracer_provider, **options)
        self.run = self.client.stream_tools(_request(), [get_weather, get_time])
        self.events: Any = self.run.__aiter__() if twin.is_async else iter(self.run)
        self.seen: list[StreamEvent | ToolResultEvent] = []

    async def next(self) -> StreamEvent | ToolResultEvent | None:
        try:
            event: StreamEvent | ToolResultEvent = (
                await self.events.__anext__() if self.twin.is_async else next(self.events)
            )
        except (StopIteration, StopAsyncIteration):
            return None
        self.seen.append(event)
        return event

    async def drain(self, caller_span: object) -> None:
        """Every event to the end; between two, the caller's span is current, not the run's nor a round's."""
        while await self.next() is not None:
            assert trace.get_current_span() is caller_span

    async def close(self) -> None:
        if self.twin.is_async:
            await self.events.aclose()
        else:
            self.events.close()
        await self.twin.close(self.client)


def _request() -> ChatCompletionRequest:
    return ChatCompletionRequest.from_dict(
        {"model": "Qwen/Qwen3-8B", "messages": [{"role": "user", "content": "weather and time?"}]}
    )


def attributes(span: ReadableSpan) -> dict[str, Any]:
    return {
        key: (list(value) if isinstance(value, tuple) else value)
        for key, value in (span.attributes or {}).items()
    }


def span_id(span: ReadableSpan) -> int:
    context = span.get_span_context()
    assert context is not None
    return context.span_id


def parent_id(span: ReadableSpan) -> int | None:
    return span.parent.span_id if span.parent is not None else None


def by_kind(
    exporter: InMemorySpanExporter,
) -> tuple[ReadableSpan, ReadableSpan, list[ReadableSpan], list[ReadableSpan]]:
    spans = list(exporter.get_finished_spans())
    (caller,) = [span for span in spans if span.name == "caller"]
    (run,) = [span for span in spans if span.name == RUN]
    chats = [span for span in spans if span.name.startswith("chat")]
    tools = sorted((span for span in spans if span.name.startswith("execute_tool")), key=lambda s: s.name)
    return caller, run, chats, tools


async def test_a_streamed_run_parents_its_chat_and_tool_spans_under_one_run_span(
    twin: Twin, wire: Wire, provider: tuple[TracerProvider, InMemorySpanExporter]
) -> None:
    tracer_provider, exporter = provider
    script = wire.script(wire.stream_step([_tool_round(wire)]), wire.stream_step([_answer_round(wire)]))
    seen_in_tools.clear()
    with tracer_provider.get_tracer("test").start_as_current_span("caller") as caller_span:
        steps = Steps(twin, script, tracer_provider)
        try:
            await steps.drain(caller_span)
        finally:
            await steps.close()
        assert trace.get_current_span() is caller_span
    assert steps.run.result.rounds == 2
    assert sum(isinstance(event, ToolResultEvent) for event in steps.seen) == 2
    caller, run, chats, tools = by_kind(exporter)
    assert run.kind is SpanKind.INTERNAL
    assert parent_id(run) == span_id(caller)
    assert len(chats) == 2
    assert [span.name for span in tools] == ["execute_tool get_time", "execute_tool get_weather"]
    assert [parent_id(span) for span in chats + tools] == [span_id(run)] * 4
    assert all(span.kind is SpanKind.CLIENT for span in chats)
    # Each tool ran with its own span current; each round's request carried its chat span's context.
    assert seen_in_tools == ["execute_tool get_weather", "execute_tool get_time"]
    sent = [request.headers["traceparent"].split("-")[2] for request in script.requests]
    assert sent == [f"{span_id(span):016x}" for span in sorted(chats, key=lambda s: s.start_time or 0)]
    # The run's span ended last of its own, with the run's totals and no error.
    assert run.end_time is not None
    assert all(span.end_time is not None and span.end_time <= run.end_time for span in chats + tools)
    found = attributes(run)
    assert found["gen_ai.operation.name"] == "invoke_agent"
    assert found["gen_ai.request.model"] == "Qwen/Qwen3-8B"
    assert found["siliconflow.tool_run.rounds"] == 2
    assert found["gen_ai.usage.input_tokens"] == 20
    assert "siliconflow.tool_run.closed_early" not in found
    assert "error.type" not in found
    assert run.status.status_code is StatusCode.UNSET


@pytest.mark.parametrize("where", ["in a round's stream", "between tool results"])
async def test_a_streamed_run_closed_early_ends_its_span(
    twin: Twin, wire: Wire, provider: tuple[TracerProvider, InMemorySpanExporter], where: str
) -> None:
    tracer_provider, exporter = provider
    script = wire.script(wire.stream_step([_tool_round(wire)]), wire.stream_step([_answer_round(wire)]))
    with tracer_provider.get_tracer("test").start_as_current_span("caller") as caller_span:
        steps = Steps(twin, script, tracer_provider)
        try:
            while (event := await steps.next()) is not None:
                assert trace.get_current_span() is caller_span
                if where == "in a round's stream" or isinstance(event, ToolResultEvent):
                    break
            assert all(span.name != RUN for span in exporter.get_finished_spans())  # still running
        finally:
            await steps.close()
        assert trace.get_current_span() is caller_span
    caller, run, chats, tools = by_kind(exporter)
    assert parent_id(run) == span_id(caller)
    assert [parent_id(span) for span in chats + tools] == [span_id(run)] * len(chats + tools)
    (chat,) = chats  # the second round never started
    found = attributes(run)
    assert found["siliconflow.tool_run.closed_early"] is True
    assert "error.type" not in found
    assert run.status.status_code is StatusCode.UNSET
    if where == "in a round's stream":
        assert attributes(chat)["siliconflow.stream.closed_early"] is True
        assert tools == []
        assert found["siliconflow.tool_run.rounds"] == 0
    else:
        assert "siliconflow.stream.closed_early" not in attributes(chat)
        assert len(tools) == (2 if twin.is_async else 1)  # async runs a round's tools together
        assert found["siliconflow.tool_run.rounds"] == 1


async def test_a_streamed_run_that_fails_ends_its_span_with_the_error(
    twin: Twin, wire: Wire, provider: tuple[TracerProvider, InMemorySpanExporter]
) -> None:
    tracer_provider, exporter = provider
    broken = wire.sse(wire.chunk("par", role="assistant"), done=False)
    script = wire.script(
        wire.stream_step([_tool_round(wire)]),
        wire.stream_step([broken], error=httpx.ReadError("connection reset")),
    )
    with tracer_provider.get_tracer("test").start_as_current_span("caller") as caller_span:
        steps = Steps(twin, script, tracer_provider)
        try:
            with pytest.raises(SiliconFlowError) as caught:
                await steps.drain(caller_span)
        finally:
            await steps.close()
        assert trace.get_current_span() is caller_span
    caller, run, chats, tools = by_kind(exporter)
    kind = type(caught.value).__qualname__
    assert kind == "StreamInterruptedError"
    assert parent_id(run) == span_id(caller)
    assert [parent_id(span) for span in chats + tools] == [span_id(run)] * 4
    found = attributes(run)
    assert found["error.type"] == kind
    assert run.status.status_code is StatusCode.ERROR
    assert "siliconflow.tool_run.closed_early" not in found
    assert found["siliconflow.tool_run.rounds"] == 1
    failed = max(chats, key=lambda s: s.start_time or 0)
    assert attributes(failed)["error.type"] == kind


KEY = "sk-test-0123456789abcdef"  # the conftest's API_KEY: the canary


def _everything_said(exporter: InMemorySpanExporter) -> str:
    parts = []
    for span in exporter.get_finished_spans():
        parts += [span.name, repr(attributes(span)), str(span.status.description)]
        parts += [repr((event.name, dict(event.attributes or {}))) for event in span.events]
    return "\n".join(parts)


@pytest.mark.parametrize("opted_in", [False, True])
async def test_a_streamed_run_records_content_only_when_opted_in_and_never_the_key(
    twin: Twin,
    wire: Wire,
    provider: tuple[TracerProvider, InMemorySpanExporter],
    monkeypatch: pytest.MonkeyPatch,
    opted_in: bool,
) -> None:
    tracer_provider, exporter = provider
    if opted_in:
        monkeypatch.setenv(CAPTURE_CONTENT_ENV, "true")
    # The model echoes the key into a tool's arguments; the tool returns it; the answer repeats it.
    calls = [{**CALLS[0], "function": {"name": "get_weather", "arguments": f'{{"city": "{KEY}"}}'}}]
    tool_round = wire.sse(
        wire.chunk(None, role="assistant", tool_calls=calls), wire.chunk(None, finish="tool_calls")
    )
    answer = wire.sse(wire.chunk(f"it is sunny in {KEY}", role="assistant"), wire.chunk(None, finish="stop"))
    script = wire.script(
        wire.json_step(503, {"code": 50505, "message": f"busy {KEY}"}),  # a retry: an event
        wire.stream_step([tool_round]),
        wire.stream_step([answer]),
    )
    with tracer_provider.get_tracer("test").start_as_current_span("caller") as caller_span:
        steps = Steps(twin, script, tracer_provider)
        try:
            await steps.drain(caller_span)
        finally:
            await steps.close()
    said = _everything_said(exporter)
    assert "siliconflow.retry" in said
    assert KEY not in said
    spans = {span.name: attributes(span) for span in exporter.get_finished_spans()}
    tool = spans["execute_tool get_weather"]
    if opted_in:
        assert tool["gen_ai.tool.call.arguments"] == '{"city": "[redacted]"}'
        assert tool["gen_ai.tool.call.result"] == "sunny in [redacted]"
        assert "sunny in [redacted]" in said  # the tool's result went back in the next round's input
        assert "it is sunny in [redacted]" in said  # the streamed answer's output
    else:
        assert "sunny" not in said
        assert "weather and time" not in said
        content_keys = {"gen_ai.tool.call.arguments", "gen_ai.tool.call.result"}
        content_keys |= {"gen_ai.input.messages", "gen_ai.output.messages"}
        assert all(content_keys.isdisjoint(found) for found in spans.values())


async def test_a_refused_tool_call_gets_its_span_in_both_twins(
    twin: Twin, wire: Wire, provider: tuple[TracerProvider, InMemorySpanExporter]
) -> None:
    tracer_provider, exporter = provider
    calls = [
        {**CALLS[0], "function": {"name": "get_moon", "arguments": "{}"}},  # no such tool
        {**CALLS[1], "function": {"name": "get_time", "arguments": '{"city": '}},  # not JSON
    ]
    tool_round = wire.sse(
        wire.chunk(None, role="assistant", tool_calls=calls), wire.chunk(None, finish="tool_calls")
    )
    script = wire.script(wire.stream_step([tool_round]), wire.stream_step([_answer_round(wire)]))
    with tracer_provider.get_tracer("test").start_as_current_span("caller") as caller_span:
        steps = Steps(twin, script, tracer_provider)
        try:
            await steps.drain(caller_span)
        finally:
            await steps.close()
    _, run, _, tools = by_kind(exporter)
    assert [(span.name, attributes(span)["error.type"]) for span in tools] == [
        ("execute_tool get_moon", "invalid_tool_call"),
        ("execute_tool get_time", "invalid_tool_call"),
    ]
    assert [parent_id(span) for span in tools] == [span_id(run)] * 2


async def test_a_streamed_run_switched_off_records_nothing_and_runs_the_same(
    twin: Twin, wire: Wire, provider: tuple[TracerProvider, InMemorySpanExporter]
) -> None:
    tracer_provider, exporter = provider
    script = wire.script(wire.stream_step([_tool_round(wire)]), wire.stream_step([_answer_round(wire)]))
    steps = Steps(twin, script, tracer_provider, telemetry=False)
    try:
        await steps.drain(trace.get_current_span())
    finally:
        await steps.close()
    assert steps.run.result.rounds == 2
    assert sum(isinstance(event, ToolResultEvent) for event in steps.seen) == 2
    assert exporter.get_finished_spans() == ()
    assert all("traceparent" not in request.headers for request in script.requests)

"""OpenTelemetry spans and metrics by the GenAI conventions (`_core/telemetry.py`), sync and async.

The SDK's in-memory span exporter and metric reader see what a service's collector would; one test
exports over OTLP/HTTP to a receiver on loopback and decodes the protobuf payload.
"""

from __future__ import annotations

import ast
import http.server
import inspect
import json
import threading
from collections.abc import Iterator
from types import ModuleType
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode
from siliconflow import SiliconFlow
from siliconflow._core.telemetry import CAPTURE_CONTENT_ENV, DISABLED_ENV

if TYPE_CHECKING:
    from tests.overlays.conftest import Twin, Wire

pytestmark = pytest.mark.anyio

KEY = "sk-test-0123456789abcdef"  # the conftest's API_KEY: the canary


class Otel:
    """A tracer and a meter provider that keep everything in memory."""

    def __init__(self) -> None:
        self.exporter = InMemorySpanExporter()
        self.tracer_provider = TracerProvider()
        self.tracer_provider.add_span_processor(SimpleSpanProcessor(self.exporter))
        self.reader = InMemoryMetricReader()
        self.meter_provider = MeterProvider(metric_readers=[self.reader])

    @property
    def options(self) -> dict[str, Any]:
        return {"tracer_provider": self.tracer_provider, "meter_provider": self.meter_provider}

    def spans(self) -> list[ReadableSpan]:
        return list(self.exporter.get_finished_spans())

    def chat_spans(self) -> list[ReadableSpan]:
        return [span for span in self.spans() if span.name.startswith("chat")]

    def points(self, name: str) -> list[Any]:
        data = self.reader.get_metrics_data()
        found = []
        for resource in data.resource_metrics if data else []:
            for scope in resource.scope_metrics:
                for metric in scope.metrics:
                    if metric.name == name:
                        found += list(metric.data.data_points)
        return found


@pytest.fixture
def otel(monkeypatch: pytest.MonkeyPatch) -> Iterator[Otel]:
    monkeypatch.delenv(CAPTURE_CONTENT_ENV, raising=False)
    monkeypatch.delenv(DISABLED_ENV, raising=False)
    kit = Otel()
    yield kit
    kit.tracer_provider.shutdown()
    kit.meter_provider.shutdown()


def attributes(span: ReadableSpan) -> dict[str, Any]:
    return {
        key: (list(value) if isinstance(value, tuple) else value)
        for key, value in (span.attributes or {}).items()
    }


def everything_said(otel: Otel) -> str:
    """Every attribute, event and status text of every span, and every metric point's attributes."""
    parts = []
    for span in otel.spans():
        parts += [span.name, json.dumps(attributes(span), default=str), str(span.status.description)]
        parts += [json.dumps({e.name: dict(e.attributes or {})}, default=str) for e in span.events]
    data = otel.reader.get_metrics_data()
    for resource in data.resource_metrics if data else []:
        for scope in resource.scope_metrics:
            for metric in scope.metrics:
                parts += [json.dumps(dict(p.attributes or {}), default=str) for p in metric.data.data_points]
    return "\n".join(parts)


async def test_create_makes_one_client_span_and_the_metrics(twin: Twin, wire: Wire, otel: Otel) -> None:
    server = wire.script(
        wire.json_step(
            200, wire.fixture_json("deepseek-v3-response.json"), headers={"x-siliconcloud-trace-id": "ti-1"}
        )
    )
    request = wire.request(
        temperature=0.5, top_p=0.9, max_tokens=64, stop=["END"], n=2, reasoning_effort="low"
    )
    await twin.run_create(server, request, client_options=otel.options)
    (span,) = otel.spans()
    assert span.name == "chat Qwen/Qwen3-8B"
    assert span.kind is SpanKind.CLIENT
    assert span.status.status_code is StatusCode.UNSET
    assert attributes(span) == {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "siliconflow",
        "gen_ai.request.model": "Qwen/Qwen3-8B",
        "gen_ai.request.temperature": 0.5,
        "gen_ai.request.top_p": 0.9,
        "gen_ai.request.max_tokens": 64,
        "gen_ai.request.stop_sequences": ["END"],
        "gen_ai.request.choice.count": 2,
        "gen_ai.request.reasoning.level": "low",
        "server.address": "api.siliconflow.cn",
        "server.port": 443,
        "gen_ai.response.id": "01983a7496e24930e8de7952fd33c19c",
        "gen_ai.response.model": "deepseek-ai/DeepSeek-V3",
        "gen_ai.response.finish_reasons": ["stop"],
        "gen_ai.usage.input_tokens": 4,
        "gen_ai.usage.output_tokens": 15,
        "siliconflow.trace_id": "ti-1",
    }
    # The span's context went out as traceparent: SiliconFlow adopts the trace id.
    context = span.get_span_context()
    assert context is not None
    assert (
        server.requests[0]
        .headers["traceparent"]
        .startswith(f"00-{context.trace_id:032x}-{context.span_id:016x}-")
    )
    (duration,) = otel.points("gen_ai.client.operation.duration")
    assert duration.count == 1
    assert dict(duration.attributes)["gen_ai.response.model"] == "deepseek-ai/DeepSeek-V3"
    tokens = {
        dict(p.attributes)["gen_ai.token.type"]: p.sum for p in otel.points("gen_ai.client.token.usage")
    }
    assert tokens == {"input": 4, "output": 15}
    assert otel.points("gen_ai.client.operation.time_to_first_chunk") == []


def _usage(reasoning: int = 3, cached: int = 2) -> dict[str, Any]:
    return {
        "prompt_tokens": 7,
        "completion_tokens": 9,
        "total_tokens": 16,
        "completion_tokens_details": {"reasoning_tokens": reasoning},
        "prompt_tokens_details": {"cached_tokens": cached},
    }


async def test_a_whole_stream_has_its_time_to_first_chunk_and_reasoning_tokens(
    twin: Twin, wire: Wire, otel: Otel
) -> None:
    body = wire.sse(
        wire.chunk(None, "think", role="assistant"),
        wire.chunk("answer"),
        wire.chunk(None, finish="stop", usage=_usage()),
    )
    run = await twin.run_stream(
        wire.script(wire.stream_step([body])), wire.request(), client_options=otel.options
    )
    assert run.error is None
    (span,) = otel.spans()
    found = attributes(span)
    assert found["gen_ai.request.stream"] is True
    assert found["gen_ai.usage.reasoning.output_tokens"] == 3
    assert found["gen_ai.usage.cache_read.input_tokens"] == 2
    assert found["gen_ai.usage.output_tokens"] == 9
    assert found["gen_ai.response.finish_reasons"] == ["stop"]
    assert found["siliconflow.trace_id"] == "trace-stream-1"
    assert 0 <= found["gen_ai.response.time_to_first_chunk"] <= (span.end_time - span.start_time) / 1e9  # type: ignore[operator]
    assert "siliconflow.stream.closed_early" not in found
    (first,) = otel.points("gen_ai.client.operation.time_to_first_chunk")
    assert first.count == 1


async def test_a_stream_closed_early_ends_its_span_with_what_arrived(
    twin: Twin, wire: Wire, otel: Otel
) -> None:
    body = wire.sse(wire.chunk("a", role="assistant"), wire.chunk("b"), wire.chunk(None, finish="stop"))
    script = wire.script(wire.stream_step([body]))
    await twin.run_stream(script, wire.request(), client_options=otel.options, break_after=1)
    (span,) = otel.spans()
    found = attributes(span)
    assert found["siliconflow.stream.closed_early"] is True
    assert found["gen_ai.response.id"] == wire.completion_id
    assert "error.type" not in found
    assert span.status.status_code is StatusCode.UNSET


async def test_a_broken_stream_keeps_what_arrived_and_its_error(twin: Twin, wire: Wire, otel: Otel) -> None:
    body = wire.sse(wire.chunk("partial", role="assistant"), done=False)
    error = httpx.ReadError("connection reset")
    script = wire.script(wire.stream_step([body], error=error))
    run = await twin.run_stream(script, wire.request(), client_options=otel.options)
    assert run.error is not None
    (span,) = otel.spans()
    found = attributes(span)
    assert found["error.type"] == "StreamInterruptedError"
    assert found["gen_ai.response.id"] == wire.completion_id  # what had arrived
    assert span.status.status_code is StatusCode.ERROR
    (duration,) = otel.points("gen_ai.client.operation.duration")
    assert dict(duration.attributes)["error.type"] == "StreamInterruptedError"


async def test_each_retry_is_a_span_event_with_its_reason_and_wait(
    twin: Twin, wire: Wire, otel: Otel
) -> None:
    server = wire.script(
        wire.json_step(503, {"code": 50505, "message": "busy"}),
        wire.json_step(200, wire.fixture_json("deepseek-v3-response.json")),
    )
    await twin.run_create(server, wire.request(), client_options=otel.options)
    (span,) = otel.spans()
    (event,) = span.events
    assert event.name == "siliconflow.retry"
    found = dict(event.attributes or {})
    assert found["siliconflow.retry.reason"] == "HTTP 503"
    assert isinstance(found["siliconflow.retry.wait"], float)
    assert found["siliconflow.retry.attempt"] == 1
    assert span.status.status_code is StatusCode.UNSET
    # Both attempts carried the one span's context.
    assert server.requests[0].headers["traceparent"] == server.requests[1].headers["traceparent"]


async def test_a_400_sets_error_type_and_the_span_status(twin: Twin, wire: Wire, otel: Otel) -> None:
    server = wire.script(
        wire.json_step(
            400, {"code": 20015, "message": "bad temperature"}, headers={"x-siliconcloud-trace-id": "t4"}
        )
    )
    with pytest.raises(Exception, match="bad temperature"):
        await twin.run_create(server, wire.request(), client_options=otel.options)
    (span,) = otel.spans()
    found = attributes(span)
    assert found["error.type"] == "BadRequestError"
    assert found["http.response.status_code"] == 400
    assert found["siliconflow.trace_id"] == "t4"
    assert span.status.status_code is StatusCode.ERROR
    assert "bad temperature" in str(span.status.description)
    (duration,) = otel.points("gen_ai.client.operation.duration")
    assert dict(duration.attributes)["error.type"] == "BadRequestError"
    assert otel.points("gen_ai.client.token.usage") == []


async def test_a_traceparent_the_caller_passed_is_kept(twin: Twin, wire: Wire, otel: Otel) -> None:
    mine = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
    server = wire.script(wire.json_step(200, wire.fixture_json("deepseek-v3-response.json")))
    await twin.run_create(server, wire.request(), client_options=otel.options, traceparent=mine)
    assert server.requests[0].headers["traceparent"] == mine
    assert len(otel.spans()) == 1


async def test_switched_off_nothing_is_recorded_or_sent(
    twin: Twin, wire: Wire, otel: Otel, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = wire.script(wire.json_step(200, wire.fixture_json("deepseek-v3-response.json")))
    await twin.run_create(server, wire.request(), client_options={**otel.options, "telemetry": False})
    monkeypatch.setenv(DISABLED_ENV, "1")
    await twin.run_create(server, wire.request(), client_options=otel.options)
    assert otel.spans() == []
    assert all("traceparent" not in request.headers for request in server.requests)


def _conversation() -> dict[str, Any]:
    return {
        "model": "Qwen/Qwen3-8B",
        "messages": [{"role": "user", "content": f"my secret is {KEY}, weather?"}],
    }


async def test_no_content_unless_opted_in_and_never_the_key(
    twin: Twin, wire: Wire, otel: Otel, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = wire.fixture_json("deepseek-v3-response.json")
    answer["choices"][0]["message"]["content"] = f"echo {KEY}"
    server = wire.script(
        wire.json_step(200, answer),
        wire.json_step(200, answer),
        wire.json_step(401, {"message": f"bad key {KEY}"}),
    )
    request = wire.request(**{k: v for k, v in _conversation().items() if k != "model"})
    await twin.run_create(server, request, client_options=otel.options)
    said = everything_said(otel)
    assert "weather" not in said
    assert "gen_ai.input.messages" not in said
    monkeypatch.setenv(CAPTURE_CONTENT_ENV, "true")
    await twin.run_create(server, request, client_options=otel.options)
    with pytest.raises(Exception, match="bad key"):
        await twin.run_create(server, request, client_options=otel.options)
    said = everything_said(otel)
    assert "weather?" in said  # opted in: the content is there...
    assert "[redacted]" in said
    assert KEY not in said  # ... and never the key
    captured = attributes(otel.spans()[1])
    inputs = json.loads(captured["gen_ai.input.messages"])
    assert inputs == [
        {"role": "user", "parts": [{"type": "text", "content": "my secret is [redacted], weather?"}]}
    ]
    outputs = json.loads(captured["gen_ai.output.messages"])
    assert outputs[0]["parts"] == [{"type": "text", "content": "echo [redacted]"}]
    assert outputs[0]["finish_reason"] == "stop"


def _tool_round() -> dict[str, Any]:
    calls = [
        {
            "id": "call-1",
            "type": "function",
            "function": {"name": "get_weather", "arguments": '{"city": "Paris"}'},
        },
        {
            "id": "call-2",
            "type": "function",
            "function": {"name": "get_time", "arguments": '{"city": "Oslo"}'},
        },
    ]
    return {
        "id": "round-1",
        "object": "chat.completion",
        "created": 1,
        "model": "Qwen/Qwen3-8B",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": "", "tool_calls": calls},
                "finish_reason": "tool_calls",
            }
        ],
        "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
    }


def get_weather(city: str) -> str:
    """The weather."""
    return f"sunny in {city}"


def get_time(city: str) -> str:
    """The time."""
    raise RuntimeError("clock broken")


async def test_a_tool_run_has_a_span_with_a_chat_span_per_round_and_one_per_tool_call(
    twin: Twin, wire: Wire, otel: Otel
) -> None:
    server = wire.script(
        wire.json_step(200, _tool_round()),
        wire.json_step(200, wire.fixture_json("deepseek-v3-response.json")),
    )
    client = twin.client(server, **otel.options)
    try:
        if twin.is_async:
            result = await client.run_tools(wire.request(), [get_weather, get_time])
        else:
            result = client.run_tools(wire.request(), [get_weather, get_time])
    finally:
        await twin.close(client)
    assert result.rounds == 2
    spans = otel.spans()
    (run,) = [span for span in spans if span.name == "invoke_agent siliconflow.run_tools"]
    tools = sorted((span for span in spans if span.name.startswith("execute_tool")), key=lambda s: s.name)
    chats = otel.chat_spans()
    assert [span.name for span in tools] == ["execute_tool get_time", "execute_tool get_weather"]
    assert len(chats) == 2
    run_context = run.get_span_context()
    assert run_context is not None
    run_id = run_context.span_id
    assert all(span.parent is not None and span.parent.span_id == run_id for span in tools + chats)
    assert attributes(tools[1]) == {
        "gen_ai.operation.name": "execute_tool",
        "gen_ai.tool.name": "get_weather",
        "gen_ai.tool.call.id": "call-1",
        "gen_ai.tool.type": "function",
    }
    assert attributes(tools[0])["error.type"] == "tool_error"
    found = attributes(run)
    assert found["siliconflow.tool_run.rounds"] == 2
    assert found["gen_ai.usage.input_tokens"] == 14
    assert "gen_ai.tool.call.arguments" not in json.dumps([attributes(span) for span in tools])


async def test_parse_makes_a_chat_span_per_attempt(twin: Twin, wire: Wire, otel: Otel) -> None:
    def answer(text: str) -> dict[str, Any]:
        body: dict[str, Any] = wire.fixture_json("deepseek-v3-response.json")
        body["choices"][0]["message"]["content"] = text
        return body

    server = wire.script(
        wire.json_step(200, answer("not json")), wire.json_step(200, answer('{"city": "Paris"}'))
    )
    schema = {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}
    client = twin.client(server, **otel.options)
    try:
        if twin.is_async:
            result = await client.parse(wire.request(), schema)
        else:
            result = client.parse(wire.request(), schema)
    finally:
        await twin.close(client)
    assert result.parsed == {"city": "Paris"}
    chats = otel.chat_spans()
    assert len(chats) == 2
    assert all(attributes(span)["gen_ai.output.type"] == "json" for span in chats)


# ---- OTLP/HTTP to a collector on loopback -----------------------------------------------------------


class _Collector(http.server.ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _CollectorHandler)
        self.received: list[ExportTraceServiceRequest] = []


class _CollectorHandler(http.server.BaseHTTPRequestHandler):
    server: _Collector

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        message = ExportTraceServiceRequest()
        message.ParseFromString(body)
        self.server.received.append(message)
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        return


def test_spans_reach_a_collector_over_otlp_http(wire: Wire) -> None:
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

    collector = _Collector()
    thread = threading.Thread(target=collector.serve_forever, daemon=True)
    thread.start()
    try:
        provider = TracerProvider()
        endpoint = f"http://127.0.0.1:{collector.server_address[1]}/v1/traces"
        provider.add_span_processor(SimpleSpanProcessor(OTLPSpanExporter(endpoint=endpoint, timeout=5)))
        server = wire.script(wire.json_step(200, wire.fixture_json("deepseek-v3-response.json")))
        with SiliconFlow(KEY, transport=httpx.MockTransport(server), tracer_provider=provider) as client:
            client.create(wire.request())
        provider.shutdown()
    finally:
        collector.shutdown()
        collector.server_close()
    (message,) = collector.received
    (span,) = [span for rs in message.resource_spans for ss in rs.scope_spans for span in ss.spans]
    assert span.name == "chat Qwen/Qwen3-8B"
    found = {attribute.key: attribute.value for attribute in span.attributes}
    assert found["gen_ai.provider.name"].string_value == "siliconflow"
    assert found["gen_ai.usage.output_tokens"].int_value == 15
    assert KEY not in message.SerializeToString().decode("utf-8", errors="replace")


async def test_with_no_provider_set_a_call_is_skipped_whole(twin: Twin, wire: Wire) -> None:
    from opentelemetry import trace

    assert isinstance(trace.get_tracer_provider(), trace.ProxyTracerProvider)  # no SDK set in tests
    server = wire.script(wire.json_step(200, wire.fixture_json("deepseek-v3-response.json")))
    client = twin.client(server)
    try:
        assert client._telemetry is not None  # on, with the global (no-op) providers
        await twin.create(client, wire.request())
    finally:
        await twin.close(client)
    assert "siliconflow.telemetry" not in server.requests[0].extensions


# ---- every name against the conventions' registry ----------------------------------------------------

# In the GenAI conventions' own repository (`gen_ai.request.reasoning.level`), not yet in the package.
_GENAI_REPOSITORY_ONLY = {"gen_ai.request.reasoning.level"}


def _registry(module: ModuleType) -> dict[str, str]:
    """The names a semconv module defines (`NAME: Final = "..."`), each with the text that follows it."""
    body = ast.parse(inspect.getsource(module)).body
    found: dict[str, str] = {}
    for node, following in zip(body, [*body[1:], None], strict=True):
        if not isinstance(node, ast.AnnAssign) or not isinstance(node.value, ast.Constant):
            continue
        doc = following.value if isinstance(following, ast.Expr) else None
        found[str(node.value.value)] = str(doc.value) if isinstance(doc, ast.Constant) else ""
    return found


class _Units:
    """A stand-in meter: what unit the conventions' own factory gives each histogram."""

    def __init__(self) -> None:
        self.units: dict[str, str] = {}

    def create_histogram(self, name: str, description: str = "", unit: str = "") -> None:
        self.units[name] = unit


def _said_values(otel: Otel) -> dict[str, set[Any]]:
    """Every attribute name of every span, span event and metric point, with the values seen."""
    values: dict[str, set[Any]] = {}
    for span in otel.spans():
        said = list(attributes(span).items())
        said += [pair for event in span.events for pair in (event.attributes or {}).items()]
        for key, value in said:
            values.setdefault(key, set()).add(value if isinstance(value, str | int | float) else None)
    for point_name in ("gen_ai.client.operation.duration", "gen_ai.client.token.usage"):
        for point in otel.points(point_name):
            for key, value in dict(point.attributes).items():
                values.setdefault(key, set()).add(value)
    return values


async def test_every_name_and_value_is_one_the_conventions_define(
    twin: Twin, wire: Wire, otel: Otel, monkeypatch: pytest.MonkeyPatch
) -> None:
    from opentelemetry.semconv._incubating.attributes import gen_ai_attributes
    from opentelemetry.semconv._incubating.metrics import gen_ai_metrics
    from opentelemetry.semconv.attributes import error_attributes, http_attributes, server_attributes

    monkeypatch.setenv(CAPTURE_CONTENT_ENV, "true")  # the content attributes too
    answer = wire.fixture_json("deepseek-v3-response.json")
    stream = wire.sse(
        wire.chunk(None, "think", role="assistant"), wire.chunk(None, finish="stop", usage=_usage())
    )
    server = wire.script(
        wire.json_step(503, {"code": 50505, "message": "busy"}),  # a retry event
        wire.json_step(200, answer),
        wire.stream_step([stream]),
        wire.json_step(400, {"code": 20015, "message": "bad"}),
        wire.json_step(200, _tool_round()),
        wire.json_step(200, answer),
    )
    everything = {"temperature": 0.5, "top_p": 0.9, "top_k": 40, "max_tokens": 64, "stop": "END"}
    everything |= {"n": 2, "seed": 7, "frequency_penalty": 0.1, "presence_penalty": 0.2}
    everything |= {"reasoning_effort": "low", "response_format": {"type": "json_object"}}
    client = twin.client(server, **otel.options)
    try:
        await twin.create(client, wire.request(**everything))
        assert (await twin.stream(client, wire.request())).error is None
        with pytest.raises(Exception, match="bad"):
            await twin.create(client, wire.request())
        if twin.is_async:
            await client.run_tools(wire.request(), [get_weather, get_time])
        else:
            client.run_tools(wire.request(), [get_weather, get_time])
    finally:
        await twin.close(client)

    gen_ai = _registry(gen_ai_attributes)
    general = {
        error_attributes.ERROR_TYPE,
        http_attributes.HTTP_RESPONSE_STATUS_CODE,
        server_attributes.SERVER_ADDRESS,
        server_attributes.SERVER_PORT,
    }
    values = _said_values(otel)
    names = set(values)
    assert {  # a broad sample was produced, or this test would prove nothing
        "gen_ai.request.top_k",
        "gen_ai.request.seed",
        "gen_ai.output.type",
        "gen_ai.usage.reasoning.output_tokens",
        "gen_ai.usage.cache_read.input_tokens",
        "gen_ai.response.time_to_first_chunk",
        "gen_ai.input.messages",
        "gen_ai.output.messages",
        "gen_ai.tool.call.arguments",
        "gen_ai.tool.call.id",
        "gen_ai.agent.name",
        "gen_ai.token.type",
        "http.response.status_code",
        "siliconflow.retry.reason",
    } <= names
    for name in sorted(names):
        if name.startswith("siliconflow.") or name in general:
            continue  # ours, or the general conventions'
        assert name in gen_ai or name in _GENAI_REPOSITORY_ONLY, f"{name} is not a GenAI convention"
        assert "Replaced by" not in gen_ai.get(name, ""), f"{name} is replaced: {gen_ai[name]}"
    enumerated = {
        "gen_ai.operation.name": gen_ai_attributes.GenAiOperationNameValues,
        "gen_ai.output.type": gen_ai_attributes.GenAiOutputTypeValues,
        "gen_ai.token.type": gen_ai_attributes.GenAiTokenTypeValues,
    }
    for name, allowed in enumerated.items():
        assert values[name] <= {member.value for member in allowed}, name
    assert values["gen_ai.operation.name"] == {"chat", "invoke_agent", "execute_tool"}
    # The metrics: the conventions' names and units.
    spec = _Units()
    for name in dir(gen_ai_metrics):
        if name.startswith("create_gen_ai_client_"):
            getattr(gen_ai_metrics, name)(spec)
    data = otel.reader.get_metrics_data()
    assert data is not None
    made = {m.name: m.unit for r in data.resource_metrics for s in r.scope_metrics for m in s.metrics}
    assert set(made) == {
        "gen_ai.client.operation.duration",
        "gen_ai.client.token.usage",
        "gen_ai.client.operation.time_to_first_chunk",
    }
    assert made == {name: spec.units[name] for name in made}

"""OpenTelemetry spans and metrics of every chat call, by the GenAI semantic conventions.

Follows the OpenTelemetry semantic conventions for generative AI of **v1.41.0** (status
"development"; `docs/gen-ai/gen-ai-spans.md` and `gen-ai-metrics.md`, schema
https://opentelemetry.io/schemas/1.41.0), with the attribute names of the registry as published in
`opentelemetry-semantic-conventions` 0.66b2 (`gen_ai.usage.reasoning.output_tokens`,
`gen_ai.usage.cache_read.input_tokens`, `gen_ai.response.time_to_first_chunk`) and
`gen_ai.request.reasoning.level` from the GenAI conventions' own repository. Where they offer no name,
the attribute is ours, under `siliconflow.*` (SiliconFlow's trace id, retries, bulk counts).

What a service sees:
- a CLIENT span `chat {model}` per model call (`create`, a stream from the call to its end, and each
  call a tool run or `parse` makes): the request parameters, the answer's id, model, finish reasons
  and token counts, `server.address`/`server.port`, `siliconflow.trace_id`; a stream adds
  `gen_ai.response.time_to_first_chunk` and ends when the stream ends, is closed, or fails (then
  with what had arrived). A failure sets `error.type` (our error's class) and the span status; each
  retry is a span event `siliconflow.retry` with its reason and wait;
- metrics `gen_ai.client.operation.duration`, `gen_ai.client.token.usage` (`gen_ai.token.type`
  input / output) and, for streams, `gen_ai.client.operation.time_to_first_chunk`;
- the active trace context sent as `traceparent` (by the global propagator) on every request that
  does not carry one already, so SiliconFlow adopts the trace id.

Switching: the `otel` extra installs `opentelemetry-api`. Without it nothing here imports
OpenTelemetry and nothing changes. With it, a client uses the global tracer and meter providers, or
`tracer_provider=` / `meter_provider=`; `telemetry=False` or `SILICONFLOW_OTEL_DISABLED=1` turns it
off. Message content is recorded only when `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT` is
true (or `span_only` / `span_and_event`), redacted against the key; the key never appears in any
attribute or event.

Cost: everything is decided before the request and after the answer; a stream's span is touched at
its first bytes and at its end, never per chunk. While no global provider is set (the API installed,
no SDK), a call on the global providers is skipped whole and nothing is propagated: two attribute
reads per call. The attribute building is sans-IO and shared by the sync and async twins.

Other spans (`optional_span`): `invoke_agent siliconflow.run_tools` around a tool run with an
`execute_tool {name}` span per tool call (`lib/tools.py`), and `siliconflow.bulk` per bulk job, whose
lines get no span of their own (`suppress_calls`) but carry the job's trace context. A streamed tool
run is a generator, so its span is a `HeldSpan` (`hold_span`): current only around the steps that do
not yield, never across a `yield` into the caller's code.
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import os
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final, TypeVar

import httpx

from .redact import redact

if TYPE_CHECKING:
    from opentelemetry.metrics import Meter, MeterProvider
    from opentelemetry.trace import Span, Tracer, TracerProvider
    from siliconflow_api.models.chat_completion import ChatCompletion

__all__ = [
    "CAPTURE_CONTENT_ENV",
    "DISABLED_ENV",
    "NO_CALL",
    "TELEMETRY_EXTENSION",
    "CallTelemetry",
    "HeldSpan",
    "NoHeldSpan",
    "Telemetry",
    "hold_span",
    "note_retry",
    "propagate_context",
    "start_call",
    "suppress_calls",
]

DISABLED_ENV: Final = "SILICONFLOW_OTEL_DISABLED"
CAPTURE_CONTENT_ENV: Final = "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT"
SCHEMA_URL: Final = "https://opentelemetry.io/schemas/1.41.0"
TELEMETRY_EXTENSION: Final = "siliconflow.telemetry"  # the call's CallTelemetry, for the transport
PROVIDER: Final = "siliconflow"
TRACE_ID_ATTRIBUTE: Final = "siliconflow.trace_id"
RETRY_EVENT: Final = "siliconflow.retry"
_TRACE_ID_HEADER: Final = "x-siliconcloud-trace-id"
_TRACEPARENT: Final = "traceparent"
_INSTRUMENTATION: Final = "siliconflow"
# The conventions' advisory buckets: tokens by powers of 4, durations from 10 ms to ~82 s.
_TOKEN_BUCKETS: Final = [4.0**power for power in range(14)]
_SECONDS_BUCKETS: Final = [0.01 * 2.0**power for power in range(14)]
_TRUE_VALUES: Final = frozenset({"1", "true", "yes", "on"})
_CAPTURE_VALUES: Final = frozenset({"true", "span_only", "span_and_event"})

T = TypeVar("T")

# Set while a bulk job runs: its lines are counted on the job's span, not given one each.
_suppressed: contextvars.ContextVar[bool] = contextvars.ContextVar("siliconflow_telemetry_off", default=False)
# True once a client turned telemetry on: then the transport propagates the trace context.
_propagating = False
# True once a client was given its own providers: then propagate even with no global ones set.
_own_providers = False


def _never() -> bool:
    return False


# Are both global providers OpenTelemetry's no-op defaults? Set when a client turns telemetry on.
_unconfigured: Callable[[], bool] = _never


def _package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    try:
        return version("siliconflow-chat")
    except PackageNotFoundError:
        return ""


def _default_providers_check(trace: Any, metrics: Any) -> Callable[[], bool]:
    """A cheap test of "no global tracer or meter provider was set" (OpenTelemetry's no-op proxies).

    Then a call records nothing anyone can see, so it is skipped whole: with the `otel` extra
    installed and no SDK configured, a call costs what it did without it. Checked per call (two
    attribute reads; `get_tracer_provider()` would read the environment each time), so an SDK set
    up after the client was made (`opentelemetry-instrument`, a service's start-up) counts."""
    try:
        from opentelemetry.metrics import _internal as metrics_state  # noqa: PLC0415
    except ImportError:  # pragma: no cover - an API without the module: always record
        return _never
    if not hasattr(trace, "_TRACER_PROVIDER") or not hasattr(metrics_state, "_METER_PROVIDER"):
        return _never  # a future API keeps them elsewhere: always record

    def unconfigured() -> bool:
        return trace._TRACER_PROVIDER is None and metrics_state._METER_PROVIDER is None

    return unconfigured


def _env_true(name: str, values: frozenset[str] = _TRUE_VALUES) -> bool:
    return os.environ.get(name, "").strip().lower() in values


class Telemetry:
    """One client's tracer and instruments, and what every span of its calls shares."""

    __slots__ = (
        "_secret",
        "capture_content",
        "duration",
        "server",
        "time_to_first_chunk",
        "tokens",
        "tracer",
        "uses_globals",
    )

    def __init__(self, tracer: Tracer, meter: Meter, server: dict[str, Any], secret: str) -> None:
        self.tracer = tracer
        self.duration = meter.create_histogram(
            "gen_ai.client.operation.duration",
            unit="s",
            description="GenAI operation duration",
            explicit_bucket_boundaries_advisory=_SECONDS_BUCKETS,
        )
        self.tokens = meter.create_histogram(
            "gen_ai.client.token.usage",
            unit="{token}",
            description="Number of input and output tokens used",
            explicit_bucket_boundaries_advisory=_TOKEN_BUCKETS,
        )
        self.time_to_first_chunk = meter.create_histogram(
            "gen_ai.client.operation.time_to_first_chunk",
            unit="s",
            description="Time to receive the first chunk of a streamed answer",
            explicit_bucket_boundaries_advisory=_SECONDS_BUCKETS,
        )
        self.server = server
        self.uses_globals = False  # the global providers: a call is skipped while they are no-ops
        self.capture_content = _env_true(CAPTURE_CONTENT_ENV, _CAPTURE_VALUES)
        self._secret = secret

    def __repr__(self) -> str:
        return f"Telemetry(server={self.server!r})"  # never the key

    @classmethod
    def configure(
        cls,
        *,
        enabled: bool,
        tracer_provider: TracerProvider | None,
        meter_provider: MeterProvider | None,
        base_url: str,
        api_key: str,
    ) -> Telemetry | None:
        """The client's telemetry, or None: switched off, or `opentelemetry-api` not installed."""
        if not isinstance(enabled, bool):
            raise TypeError(f"telemetry must be True or False, got {type(enabled).__name__}")
        if not enabled or _env_true(DISABLED_ENV):  # the switch wins over providers passed in
            return None
        try:
            from opentelemetry import metrics, trace  # noqa: PLC0415 - an optional dependency
        except ImportError:
            if tracer_provider is not None or meter_provider is not None:
                raise ImportError(
                    "tracer_provider/meter_provider need opentelemetry-api: "
                    "pip install 'siliconflow-chat[otel]'"
                ) from None
            return None
        version = _package_version()
        tracer = trace.get_tracer(_INSTRUMENTATION, version, tracer_provider, schema_url=SCHEMA_URL)
        meter = metrics.get_meter(_INSTRUMENTATION, version, meter_provider, schema_url=SCHEMA_URL)
        global _propagating, _unconfigured  # noqa: PLW0603 - one flag for the process's transports
        _propagating = True
        _unconfigured = _default_providers_check(trace, metrics)
        url = httpx.URL(base_url)
        server: dict[str, Any] = {"server.address": url.host}
        server["server.port"] = url.port or (443 if url.scheme == "https" else 80)
        telemetry = cls(tracer, meter, server, api_key)
        telemetry.uses_globals = tracer_provider is None and meter_provider is None
        if not telemetry.uses_globals:
            global _own_providers  # noqa: PLW0603
            _own_providers = True
        return telemetry

    def redact(self, text: str) -> str:
        return redact(text, self._secret)

    @contextlib.contextmanager
    def span(self, name: str, attributes: Mapping[str, Any]) -> Iterator[Span]:
        """An INTERNAL span (a tool run, a tool call, a bulk job), current inside the block.

        An exception leaving the block sets `error.type` and the status, never its message."""
        with self.tracer.start_as_current_span(
            name, attributes=dict(attributes), record_exception=False, set_status_on_exception=False
        ) as span:
            try:
                yield span
            except BaseException as exc:
                self.fail(span, exc)
                raise

    def fail(self, span: Span, error: BaseException) -> None:
        """`error.type` (the error's class) and the span status, with the message redacted."""
        from opentelemetry.trace import Status, StatusCode  # noqa: PLC0415

        span.set_attribute("error.type", type(error).__qualname__)
        span.set_status(Status(StatusCode.ERROR, self.redact(str(error))[:500]))


@contextlib.contextmanager
def optional_span(
    telemetry: Telemetry | None, name: str, attributes: Mapping[str, Any]
) -> Iterator[Span | None]:
    """`telemetry.span(...)`, or nothing at all when the client has no telemetry."""
    if telemetry is None:
        yield None
        return
    with telemetry.span(name, attributes) as span:
        yield span


class HeldSpan:
    """An INTERNAL span held rather than made current, for work that yields to its caller.

    A generator runs in its caller's context: a context attached inside it (`use_span`,
    `start_as_current_span`) stays attached in the caller between two `yield`s, so the caller's own
    spans would become its children and the detach would come out of order (or in another context,
    when a finalizer closes it). This span's context is held instead and made current only around a
    block that does not yield (`current()`): the children started there (a round's chat span, a
    tool call's span) are its own, and between yields the caller's context is as it was.
    """

    __slots__ = ("_context", "_ended", "_telemetry", "span")

    def __init__(self, telemetry: Telemetry, name: str, attributes: Mapping[str, Any]) -> None:
        from opentelemetry import context, trace  # noqa: PLC0415

        self._telemetry = telemetry
        self.span: Span | None = telemetry.tracer.start_span(name, attributes=dict(attributes))
        self._context = trace.set_span_in_context(self.span, context.get_current())
        self._ended = False

    @contextlib.contextmanager
    def current(self) -> Iterator[None]:
        """The span current inside the block, which must not yield to the generator's caller."""
        from opentelemetry import context  # noqa: PLC0415

        token = context.attach(self._context)
        try:
            yield
        finally:
            context.detach(token)

    def end(self, *, error: BaseException | None = None) -> None:
        """End the span once, with the error (`error.type` and the status) if there is one."""
        if self._ended or self.span is None:
            return
        self._ended = True
        if error is not None:
            self._telemetry.fail(self.span, error)
        self.span.end()


class NoHeldSpan:
    """What `hold_span` gives without telemetry: the same methods, doing nothing."""

    __slots__ = ()
    span = None

    def current(self) -> contextlib.nullcontext[None]:
        return contextlib.nullcontext()

    def end(self, *, error: BaseException | None = None) -> None:
        return None


def hold_span(telemetry: Telemetry | None, name: str, attributes: Mapping[str, Any]) -> HeldSpan | NoHeldSpan:
    """A `HeldSpan` started now (its parent the current span), or nothing without telemetry."""
    if telemetry is None:
        return NoHeldSpan()
    return HeldSpan(telemetry, name, attributes)


@contextlib.contextmanager
def suppress_calls() -> Iterator[None]:
    """No span per model call inside the block (a bulk job: one span for the job, not per line)."""
    token = _suppressed.set(True)
    try:
        yield
    finally:
        _suppressed.reset(token)


# ---- request and answer attributes (sans-IO) ----------------------------------------------------------

_REQUEST_NUMBERS: Final = (
    ("temperature", "gen_ai.request.temperature", float),
    ("top_p", "gen_ai.request.top_p", float),
    ("top_k", "gen_ai.request.top_k", float),
    ("frequency_penalty", "gen_ai.request.frequency_penalty", float),
    ("presence_penalty", "gen_ai.request.presence_penalty", float),
    ("max_tokens", "gen_ai.request.max_tokens", int),
    ("seed", "gen_ai.request.seed", int),
)


def request_attributes(body: Mapping[str, Any], *, stream: bool) -> dict[str, Any]:
    """The span attributes of a request body (the JSON sent), by the conventions."""
    model = body.get("model")
    attributes: dict[str, Any] = {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": PROVIDER,
        "gen_ai.request.model": model if isinstance(model, str) else "",
    }
    for field, name, kind in _REQUEST_NUMBERS:
        value = body.get(field)
        if isinstance(value, int | float) and not isinstance(value, bool):
            attributes[name] = kind(value)
    stop = body.get("stop")
    if isinstance(stop, str):
        attributes["gen_ai.request.stop_sequences"] = [stop]
    elif isinstance(stop, list) and all(isinstance(item, str) for item in stop):
        attributes["gen_ai.request.stop_sequences"] = stop
    count = body.get("n")
    if isinstance(count, int) and not isinstance(count, bool) and count != 1:
        attributes["gen_ai.request.choice.count"] = count
    effort = body.get("reasoning_effort")
    if isinstance(effort, str):
        attributes["gen_ai.request.reasoning.level"] = effort
    response_format = body.get("response_format")
    if isinstance(response_format, dict) and response_format.get("type") in ("json_object", "json_schema"):
        attributes["gen_ai.output.type"] = "json"
    if stream:
        attributes["gen_ai.request.stream"] = True
    return attributes


def _count(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def completion_attributes(completion: ChatCompletion) -> dict[str, Any]:
    """The span attributes of an answer: id, model, finish reasons and token counts."""
    from siliconflow_api.types import Unset  # noqa: PLC0415 - loaded by the client already

    attributes: dict[str, Any] = {
        "gen_ai.response.id": completion.id,
        "gen_ai.response.model": completion.model,
    }
    reasons = [choice.finish_reason for choice in completion.choices]
    attributes["gen_ai.response.finish_reasons"] = [
        str(reason) if reason is not None and not isinstance(reason, Unset) else "" for reason in reasons
    ]
    usage = completion.usage
    if usage is None or isinstance(usage, Unset):
        return attributes
    attributes["gen_ai.usage.input_tokens"] = usage.prompt_tokens
    attributes["gen_ai.usage.output_tokens"] = usage.completion_tokens
    details = usage.completion_tokens_details
    if details is not None and not isinstance(details, Unset):
        reasoning = _count(details.reasoning_tokens)
        if reasoning is not None:
            attributes["gen_ai.usage.reasoning.output_tokens"] = reasoning
    cached = _count(usage.prompt_cache_hit_tokens)
    prompt_details = usage.prompt_tokens_details
    if cached is None and prompt_details is not None and not isinstance(prompt_details, Unset):
        cached = _count(prompt_details.cached_tokens)
    if cached is not None:
        attributes["gen_ai.usage.cache_read.input_tokens"] = cached
    return attributes


def _text_parts(content: object) -> list[dict[str, Any]]:
    if isinstance(content, str):
        return [{"type": "text", "content": content}] if content else []
    if isinstance(content, list):  # content parts: text kept, the others named by their type
        return [
            {"type": "text", "content": part.get("text", "")}
            if part.get("type") == "text"
            else {"type": str(part.get("type"))}
            for part in content
            if isinstance(part, dict)
        ]
    return []


def _tool_call_parts(calls: object) -> list[dict[str, Any]]:
    parts: list[dict[str, Any]] = []
    for call in calls if isinstance(calls, list) else []:
        function = call.get("function") if isinstance(call, dict) else None
        if isinstance(function, dict):
            parts.append(
                {
                    "type": "tool_call",
                    "id": call.get("id"),
                    "name": function.get("name"),
                    "arguments": function.get("arguments"),
                }
            )
    return parts


def input_messages(body: Mapping[str, Any]) -> list[dict[str, Any]]:
    """`gen_ai.input.messages`: the request's messages as role + parts (opt-in content)."""
    messages: list[dict[str, Any]] = []
    for message in body.get("messages") or []:
        if not isinstance(message, dict):
            continue
        role = message.get("role")
        if role == "tool":
            parts = [
                {
                    "type": "tool_call_response",
                    "id": message.get("tool_call_id"),
                    "result": message.get("content"),
                }
            ]
        else:
            parts = _text_parts(message.get("content")) + _tool_call_parts(message.get("tool_calls"))
        messages.append({"role": role, "parts": parts})
    return messages


def output_messages(completion: ChatCompletion) -> list[dict[str, Any]]:
    """`gen_ai.output.messages`: each choice's reasoning, text and tool calls (opt-in content)."""
    messages: list[dict[str, Any]] = []
    for choice in completion.to_dict().get("choices", []):
        message = choice.get("message") or {}
        parts: list[dict[str, Any]] = []
        if message.get("reasoning_content"):
            parts.append({"type": "reasoning", "content": message["reasoning_content"]})
        parts += _text_parts(message.get("content")) + _tool_call_parts(message.get("tool_calls"))
        messages.append(
            {"role": "assistant", "parts": parts, "finish_reason": choice.get("finish_reason") or ""}
        )
    return messages


def error_type(error: BaseException) -> str:
    """`error.type`: our error's class (`BadRequestError`, `StreamTimeoutError`, ...)."""
    return type(error).__qualname__


# ---- one call ---------------------------------------------------------------------------------------


class CallTelemetry:
    """The span and measurements of one model call: `start`, `first_chunk`, `retry`, `end`.

    Used as a context manager around a non-stream call (an exception leaving it ends the span with
    the error); a stream starts it from its send function (`sending`) and ends it when it closes.
    """

    __slots__ = (
        "_attributes",
        "_body",
        "_context_token",
        "_ended",
        "_first",
        "_started",
        "_telemetry",
        "span",
    )

    def __init__(self, telemetry: Telemetry, body: Mapping[str, Any], *, stream: bool) -> None:
        self._telemetry = telemetry
        self._body = body
        self._attributes = request_attributes(body, stream=stream)
        self.span: Span | None = None
        self._started = 0.0
        self._first: float | None = None
        self._ended = False
        self._context_token: object = None

    def start(self, kwargs: dict[str, Any] | None = None) -> None:
        """Start the span (current until `end`), and mark the request so the transport reports retries."""
        if self.span is not None:
            return
        from opentelemetry import context, trace  # noqa: PLC0415

        telemetry = self._telemetry
        attributes = {**self._attributes, **telemetry.server}
        if telemetry.capture_content:
            attributes["gen_ai.input.messages"] = telemetry.redact(_json(input_messages(self._body)))
        model = attributes["gen_ai.request.model"]
        self.span = telemetry.tracer.start_span(
            f"chat {model}" if model else "chat", kind=trace.SpanKind.CLIENT, attributes=attributes
        )
        self._started = time.perf_counter()
        # Current while the request is sent: the transport's traceparent and any httpx spans follow it.
        self._context_token = context.attach(trace.set_span_in_context(self.span))
        if kwargs is not None:
            kwargs.setdefault("extensions", {})[TELEMETRY_EXTENSION] = self

    def _detach(self) -> None:
        if self._context_token is not None:
            from opentelemetry import context  # noqa: PLC0415

            token, self._context_token = self._context_token, None
            with contextlib.suppress(ValueError):  # detached in another context (a generator's close)
                context.detach(token)  # type: ignore[arg-type]

    def sent(self) -> None:
        """The request is out (a stream's): the span stays open but is no longer current."""
        self._detach()

    def first_chunk(self, response: httpx.Response) -> None:
        """A stream's first bytes arrived (the transport hands a stream over after them)."""
        if self.span is None or self._first is not None:
            return
        self._first = time.perf_counter() - self._started
        self.span.set_attribute("gen_ai.response.time_to_first_chunk", self._first)
        trace_id = response.headers.get(_TRACE_ID_HEADER)
        if trace_id:
            self.span.set_attribute(TRACE_ID_ATTRIBUTE, trace_id)

    def retry(self, reason: str, wait: float, attempt: int) -> None:
        """The transport retries: a span event with the reason and the wait."""
        if self.span is not None and not self._ended:
            self.span.add_event(
                RETRY_EVENT,
                {
                    "siliconflow.retry.reason": reason,
                    "siliconflow.retry.wait": wait,
                    "siliconflow.retry.attempt": attempt,
                },
            )

    def end(
        self,
        completion: ChatCompletion | None = None,
        *,
        error: BaseException | None = None,
        response: httpx.Response | None = None,
    ) -> None:
        """End the span with the answer (or what arrived of it) and the error, once; record the metrics."""
        if self.span is None or self._ended:
            return
        self._ended = True
        self._detach()
        from opentelemetry.trace import Status, StatusCode  # noqa: PLC0415

        telemetry, span = self._telemetry, self.span
        elapsed = time.perf_counter() - self._started
        metric_attributes = {
            key: self._attributes[key]
            for key in ("gen_ai.operation.name", "gen_ai.provider.name", "gen_ai.request.model")
        }
        metric_attributes.update(telemetry.server)
        if response is None and error is not None:
            response = getattr(error, "response", None)
        if isinstance(response, httpx.Response):
            trace_id = response.headers.get(_TRACE_ID_HEADER)
            if trace_id:
                span.set_attribute(TRACE_ID_ATTRIBUTE, trace_id)
            if not response.is_success:
                span.set_attribute("http.response.status_code", response.status_code)
        answer: dict[str, Any] = {}
        if completion is not None:
            answer = completion_attributes(completion)
            span.set_attributes(answer)
            if telemetry.capture_content:
                span.set_attribute(
                    "gen_ai.output.messages", telemetry.redact(_json(output_messages(completion)))
                )
            if "gen_ai.response.model" in answer:
                metric_attributes["gen_ai.response.model"] = answer["gen_ai.response.model"]
        if error is not None:
            kind = error_type(error)
            span.set_attribute("error.type", kind)
            span.set_status(Status(StatusCode.ERROR, telemetry.redact(str(error))[:500]))
            metric_attributes["error.type"] = kind
        span.end()
        telemetry.duration.record(elapsed, metric_attributes)
        if self._first is not None:
            telemetry.time_to_first_chunk.record(self._first, metric_attributes)
        for kind, key in (("input", "gen_ai.usage.input_tokens"), ("output", "gen_ai.usage.output_tokens")):
            if key in answer:
                telemetry.tokens.record(answer[key], {**metric_attributes, "gen_ai.token.type": kind})

    # -- the two shapes of call -------------------------------------------------------------------

    def __enter__(self) -> CallTelemetry:
        self.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        if exc is not None:
            self.end(error=exc)
        self._detach()

    def answered(self, response: httpx.Response) -> httpx.Response:
        """A non-stream call's response arrived: end with its completion (parsed by the response hook)."""
        from .responses import PARSED_EXTENSION  # noqa: PLC0415

        parsed = response.extensions.get(PARSED_EXTENSION)
        self.end(parsed if hasattr(parsed, "choices") else None, response=response)
        return response

    def sending(self, send: Callable[[Any], T]) -> Callable[[Any], T]:
        """A stream's send function that starts the span first, and ends it if sending fails."""

        def send_traced(deadline: Any) -> T:
            self.start()
            try:
                return send(deadline)
            except BaseException as exc:
                self.end(error=exc)
                raise
            finally:
                self.sent()

        return send_traced

    def asending(self, send: Callable[[Any], Awaitable[T]]) -> Callable[[Any], Awaitable[T]]:
        """The async twin of `sending`."""

        async def send_traced(deadline: Any) -> T:
            self.start()
            try:
                return await send(deadline)
            except BaseException as exc:
                self.end(error=exc)
                raise
            finally:
                self.sent()

        return send_traced

    def stream_closed(
        self, snapshot: Callable[[], ChatCompletion | None], failure: BaseException | None, finished: bool
    ) -> None:
        """A stream was closed: ended, broken (`failure`, with what arrived), or left early."""
        if self.span is None or self._ended:
            return
        if not finished and failure is None:
            self.span.set_attribute("siliconflow.stream.closed_early", True)
        self.end(snapshot(), error=failure)


class _NoCall:
    """What a call gets without telemetry: the same methods, doing nothing."""

    __slots__ = ()
    span = None

    def start(self, kwargs: dict[str, Any] | None = None) -> None:
        return None

    def sent(self) -> None:
        return None

    def first_chunk(self, response: httpx.Response) -> None:
        return None

    def retry(self, reason: str, wait: float, attempt: int) -> None:
        return None

    def end(self, completion: Any = None, *, error: Any = None, response: Any = None) -> None:
        return None

    def __enter__(self) -> _NoCall:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        return None

    def answered(self, response: httpx.Response) -> httpx.Response:
        return response

    def sending(self, send: T) -> T:
        return send

    def asending(self, send: T) -> T:
        return send

    def stream_closed(self, snapshot: object, failure: object, finished: bool) -> None:
        return None


NO_CALL: Final = _NoCall()


def start_call(
    telemetry: Telemetry | None, kwargs: dict[str, Any], *, stream: bool = False
) -> CallTelemetry | _NoCall:
    """The telemetry of the chat call `kwargs` describes (the httpx request arguments), not yet started."""
    if telemetry is None or _suppressed.get() or (telemetry.uses_globals and _unconfigured()):
        return NO_CALL
    call = CallTelemetry(telemetry, kwargs.get("json") or {}, stream=stream)
    kwargs.setdefault("extensions", {})[TELEMETRY_EXTENSION] = call
    return call


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


# ---- the transport's two hooks ------------------------------------------------------------------------


def note_retry(request: httpx.Request, reason: str, wait: float, attempt: int) -> None:
    """A retry of `request`: an event on its call's span, if it has one."""
    call = request.extensions.get(TELEMETRY_EXTENSION)
    if call is not None:
        call.retry(reason, wait, attempt)


def propagate_context(request: httpx.Request) -> None:
    """Send the active trace context as `traceparent`, unless the request carries one already.

    Only once a client turned telemetry on (process-wide: the transport is below the client), and
    only with a provider set (without an SDK there is no span to propagate)."""
    if not _propagating or (not _own_providers and _unconfigured()) or _TRACEPARENT in request.headers:
        return
    from opentelemetry import propagate, trace  # noqa: PLC0415

    if not trace.get_current_span().get_span_context().is_valid:
        return  # nothing to propagate (the common case without an SDK), and cheaper to tell than inject

    carrier: dict[str, str] = {}
    propagate.inject(carrier)
    for name, value in carrier.items():
        if name not in request.headers:
            request.headers[name] = value

"""`SiliconFlow` and `AsyncSiliconFlow`: the generated client, made safe to call from a service.

```python
from siliconflow import SiliconFlow
from siliconflow_api.models import ChatCompletionRequest

with SiliconFlow() as client:                    # key from SILICONFLOW_API_KEY
    request = ChatCompletionRequest.from_dict({"model": "Qwen/Qwen3-8B", "messages": [...]})
    completion = client.create(request)          # a generated ChatCompletion
    with client.stream(request) as stream:       # ChatCompletionChunk models
        for chunk in stream: ...
```

`client.api` is the generated `AuthenticatedClient` (it holds the key, the base URL, the auth header
and the httpx client); the wrapper only configures it, with a default timeout and a
`RetryTransport`. So the generated functions called with `client.api` get the same retries, typed
errors and timeouts. `SiliconFlow.api` serves the generated sync functions (`sync`,
`sync_detailed`), `AsyncSiliconFlow.api` the async ones (`asyncio`, `asyncio_detailed`).
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import weakref
from collections.abc import AsyncGenerator, Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypeVar, Unpack, overload

import anyio
import httpx
from siliconflow_api.api.chat.create_chat_completion import _get_kwargs
from siliconflow_api.client import AuthenticatedClient
from siliconflow_api.models.chat_completion import ChatCompletion
from siliconflow_api.models.chat_completion_request import ChatCompletionRequest

from ._core.call_options import CallOptions, apply_call_options
from ._core.defaults import API_KEY_ENV, BASE_URL_ENV, DEFAULT_BASE_URL
from ._core.drift import DriftEntry, drift_report
from ._core.errors import APITimeoutError, SiliconFlowError
from ._core.recording import async_recording, record_path, recording
from ._core.redact import forget_key, public_url, redact_logs_of
from ._core.request_checks import check_api_key, check_base_url, check_headers, check_json, prepare_request
from ._core.responses import acheck_response, check_response, completion_of
from ._core.retries import RetryPolicy, check_max_retries
from ._core.telemetry import Telemetry, start_call
from ._core.timeouts import (
    DEADLINE_EXTENSION,
    DEFAULT_DEADLINE,
    DEFAULT_STREAM_TIMEOUT,
    DEFAULT_TIMEOUT,
    Deadline,
    as_timeout,
    check_deadline,
)
from ._core.transport import AsyncRetryTransport, RetryTransport
from ._streaming.sse import DEFAULT_MAX_EVENT_SIZE, check_max_event_size
from ._streaming.stream import AsyncChatCompletionStream, ChatCompletionStream, StreamLimits
from .lib.thinking import check_thinking_fields
from .resources.models import AsyncModels, Models
from .resources.options import with_options
from .resources.user import AsyncUser, User

__all__ = ["API_KEY_ENV", "BASE_URL_ENV", "DEFAULT_BASE_URL", "AsyncSiliconFlow", "SiliconFlow"]

T = TypeVar("T")

# What sits on top of the client (tool loops, structured output, raw responses, the Batch API) is
# imported by the method that uses it: a service that only chats does not pay for it at start-up.
if TYPE_CHECKING:
    from opentelemetry.metrics import MeterProvider
    from opentelemetry.trace import TracerProvider

    from .lib.structured import OutputMode, ParsedCompletion
    from .lib.tools import AsyncToolRunStream, Tool, ToolRunResult, ToolRunStream
    from .resources.batches import AsyncBatches, Batches
    from .resources.files import AsyncFiles, Files
    from .resources.raw import AsyncWithRawResponse, WithRawResponse

    ToolLike = Tool | Callable[..., Any]
# `deadline=` left out: the client's, else the default for the kind of call (see timeouts.py).
_UNSET: Any = object()


@dataclass(frozen=True, slots=True)
class _Settings:
    """The constructor arguments of either twin, checked and completed with defaults."""

    api_key: str
    base_url: str
    timeout: httpx.Timeout | None  # None: the defaults (different for streams)
    policy: RetryPolicy
    headers: dict[str, str]
    deadline: float | Any | None  # seconds, None (no deadline), or _UNSET (the per-kind default)
    max_event_size: int
    record: Path | None  # the traffic file (recording.py), else None

    @classmethod
    def resolve(
        cls,
        *,
        api_key: str | None,
        base_url: str | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int | None,
        retry_policy: RetryPolicy | None,
        headers: dict[str, str] | None,
        deadline: float | Any | None = _UNSET,
        max_event_size: int = DEFAULT_MAX_EVENT_SIZE,
        record: str | os.PathLike[str] | None = None,
    ) -> _Settings:
        key = api_key if api_key is not None else os.environ.get(API_KEY_ENV, "")
        if not isinstance(key, str):
            raise TypeError(f"api_key must be a string, got {type(key).__name__}")
        if not key.strip():
            raise SiliconFlowError(
                f"No API key: pass SiliconFlow(api_key=...) or set the {API_KEY_ENV} environment variable"
            )
        check_api_key(key.strip())
        if base_url is None:  # an empty variable counts as unset; an empty argument is a mistake
            base_url = os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
            source = BASE_URL_ENV if os.environ.get(BASE_URL_ENV) else "base_url"
        else:
            source = "base_url"
        url = check_base_url(base_url, source)
        policy = retry_policy if retry_policy is not None else RetryPolicy()
        if not isinstance(policy, RetryPolicy):
            raise TypeError(f"retry_policy must be a RetryPolicy, got {type(policy).__name__}")
        if max_retries is not None:
            policy = dataclasses.replace(policy, max_retries=check_max_retries(max_retries))
        return cls(
            api_key=key.strip(),
            base_url=url,
            timeout=None if timeout is None else as_timeout(timeout),
            policy=policy,
            headers=check_headers(headers),
            deadline=deadline if deadline is _UNSET else check_deadline(deadline),
            max_event_size=check_max_event_size(max_event_size),
            record=record_path(record),
        )

    def api_deadline(self) -> float | None:
        """The deadline of a plain generated call on `client.api` (a non-stream call)."""
        return DEFAULT_DEADLINE if self.deadline is _UNSET else self.deadline

    def generated_client(
        self, transport: httpx.BaseTransport | httpx.AsyncBaseTransport
    ) -> AuthenticatedClient:
        return AuthenticatedClient(
            base_url=self.base_url,
            token=self.api_key,
            timeout=self.timeout or DEFAULT_TIMEOUT,
            headers=self.headers,
            # The hook types the generated calls' failures too (responses.py).
            httpx_args={
                "transport": transport,
                "event_hooks": {
                    "response": [
                        acheck_response if isinstance(transport, httpx.AsyncBaseTransport) else check_response
                    ]
                },
            },
        )


def _request_kwargs(
    request: ChatCompletionRequest,
    timeout: float | httpx.Timeout | None,
    max_retries: int | None,
    options: CallOptions,
) -> dict[str, Any]:
    """The generated request arguments plus the per-call overrides (`call_options.py`)."""
    if not isinstance(request, ChatCompletionRequest):
        raise TypeError(
            "request must be a ChatCompletionRequest (for example ChatCompletionRequest.from_dict({...})), "
            f"got {type(request).__name__}"
        )
    check_thinking_fields(request)  # a bad budget fails here, naming the bound, not as a server 400
    kwargs = _get_kwargs(body=prepare_request(request))
    kwargs["extensions"] = {}
    apply_call_options(kwargs, options)
    check_json(kwargs["json"])  # a value JSON cannot hold fails here (extra_body too), naming its path
    return with_options(kwargs, timeout, max_retries)


def _with_deadline(kwargs: dict[str, Any], deadline: Deadline | None) -> dict[str, Any]:
    # Always set, None included: the transport's default deadline is for plain generated calls.
    kwargs["extensions"][DEADLINE_EXTENSION] = deadline
    return kwargs


def _create_kwargs(
    request: ChatCompletionRequest,
    timeout: float | httpx.Timeout | None,
    max_retries: int | None,
    options: CallOptions,
) -> dict[str, Any]:
    kwargs = _request_kwargs(request, timeout, max_retries, options)
    if request.stream is True:
        raise ValueError("request.stream is true: use client.stream(request) to receive the chunks")
    return kwargs


def _stream_kwargs(
    request: ChatCompletionRequest,
    timeout: float | httpx.Timeout | None,
    max_retries: int | None,
    client_timeout: httpx.Timeout | None,
    options: CallOptions,
) -> dict[str, Any]:
    kwargs = _request_kwargs(request, timeout, max_retries, options)
    if timeout is None:
        kwargs["timeout"] = client_timeout or DEFAULT_STREAM_TIMEOUT
    kwargs["json"] = {**kwargs["json"], "stream": True}  # a new dict: the caller's model is untouched
    kwargs["headers"]["Accept"] = "text/event-stream"
    return kwargs


def _async_transport(
    settings: _Settings, transport: httpx.AsyncBaseTransport | None = None
) -> AsyncRetryTransport:
    return AsyncRetryTransport(
        async_recording(transport, settings.record), policy=settings.policy, deadline=settings.api_deadline()
    )


class _ClientBase:
    """What the twins hold alike: the settings and the generated client they configured."""

    base_url: str
    retry_policy: RetryPolicy
    api: AuthenticatedClient
    _timeout: httpx.Timeout | None
    _settings: _Settings
    _forget_key: weakref.finalize[Any, Any]
    # Models this client learned need their reasoning replayed in tool loops (see tools.py).
    _learned_replay: set[str]
    _telemetry: Telemetry | None  # OpenTelemetry spans and metrics (telemetry.py), None when off

    def _configure(
        self, settings: _Settings, transport: httpx.BaseTransport | httpx.AsyncBaseTransport
    ) -> None:
        self.base_url = settings.base_url
        self.retry_policy = settings.policy
        self._timeout = settings.timeout
        self._settings = settings
        self._learned_replay = set()
        self.api = settings.generated_client(transport)
        # httpx/httpcore DEBUG records show the wire: the key is redacted from them while we live.
        redact_logs_of(settings.api_key)
        self._forget_key = weakref.finalize(self, forget_key, settings.api_key)

    def _configure_telemetry(self, enabled: bool, tracer_provider: Any, meter_provider: Any) -> None:
        self._telemetry = Telemetry.configure(
            enabled=enabled,
            tracer_provider=tracer_provider,
            meter_provider=meter_provider,
            base_url=self.base_url,
            api_key=self._settings.api_key,
        )

    def _deadline(self, deadline: float | Any | None, default: float | None) -> Deadline | None:
        """The `Deadline` of a call starting now: the call's, else the client's, else `default`."""
        if deadline is _UNSET:
            deadline = self._settings.deadline
        seconds = default if deadline is _UNSET else check_deadline(deadline)
        return None if seconds is None else Deadline.after(seconds)

    def _stream_limits(self, kwargs: dict[str, Any], deadline: float | Any | None) -> StreamLimits:
        if deadline is _UNSET:
            deadline = self._settings.deadline
        timeout: httpx.Timeout = kwargs["timeout"]
        return StreamLimits(
            read_timeout=timeout.read,
            deadline_seconds=None if deadline is _UNSET else check_deadline(deadline),
            max_event_size=self._settings.max_event_size,
        )

    def drift_report(self) -> dict[str, DriftEntry]:
        """What the API sent that openapi.yaml does not describe, by JSON path (see `drift.py`).

        The report is process-wide: drift is about the API, whichever client saw it."""
        return drift_report()

    def __repr__(self) -> str:
        # Never the key: only what identifies the endpoint and the behaviour.
        return (
            f"{type(self).__name__}(base_url={self.base_url!r}, max_retries={self.retry_policy.max_retries})"
        )


class SiliconFlow(_ClientBase):
    """Sync client. Arguments left out come from the environment or the defaults:

    - `api_key`: else `SILICONFLOW_API_KEY` (an error if neither is set);
    - `base_url`: else `SILICONFLOW_BASE_URL`, else https://api.siliconflow.cn/v1 (keys are per site);
    - `timeout`: seconds or an `httpx.Timeout`; else `DEFAULT_TIMEOUT`, and `DEFAULT_STREAM_TIMEOUT`
      for streams (see `timeouts.py`);
    - `max_retries`: else `retry_policy.max_retries` (2); `retry_policy`: backoff settings;
    - `transport`: the httpx transport the retries wrap (default `httpx.HTTPTransport()`);
    - `headers`: extra headers for every request;
    - `record`: append every exchange to this JSON Lines file (else `$SILICONFLOW_RECORD`; see
      `recording.py`), for `make contract TRAFFIC=...`;
    - `telemetry`, `tracer_provider`, `meter_provider`: OpenTelemetry spans and metrics of every chat
      call when `opentelemetry-api` is installed (the `otel` extra), with the global providers unless
      given; `telemetry=False` or `SILICONFLOW_OTEL_DISABLED=1` turns them off (see `telemetry.py`).
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
        headers: dict[str, str] | None = None,
        record: str | os.PathLike[str] | None = None,
        deadline: float | None = _UNSET,
        max_event_size: int = DEFAULT_MAX_EVENT_SIZE,
        telemetry: bool = True,
        tracer_provider: TracerProvider | None = None,
        meter_provider: MeterProvider | None = None,
    ) -> None:
        settings = _Settings.resolve(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            headers=headers,
            deadline=deadline,
            max_event_size=max_event_size,
            record=record,
        )
        if transport is not None and not isinstance(transport, httpx.BaseTransport):
            raise TypeError(f"transport must be an httpx.BaseTransport, got {type(transport).__name__}")
        self._configure(
            settings,
            RetryTransport(
                recording(transport, settings.record),
                policy=settings.policy,
                deadline=settings.api_deadline(),
            ),
        )
        self._configure_telemetry(telemetry, tracer_provider, meter_provider)
        self.models = Models(self.api.get_httpx_client)
        self.user = User(self.api.get_httpx_client)

    def create(
        self,
        request: ChatCompletionRequest,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = _UNSET,
        **options: Unpack[CallOptions],
    ) -> ChatCompletion:
        """Send a non-stream request and return the completion; raises the errors of `errors.py`.

        `deadline`: seconds for the whole call, retries included (None: none); else the client's,
        else `DEFAULT_DEADLINE`. `options`: `extra_headers`, `extra_query`, `extra_body`,
        `trace_id`, `traceparent` (see `call_options.py`).
        """
        return completion_of(
            self._send(request, timeout=timeout, max_retries=max_retries, deadline=deadline, **options)
        )

    def _send(
        self,
        request: ChatCompletionRequest,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = _UNSET,
        **options: Unpack[CallOptions],
    ) -> httpx.Response:
        kwargs = _create_kwargs(request, timeout, max_retries, options)
        _with_deadline(kwargs, self._deadline(deadline, DEFAULT_DEADLINE))
        with start_call(self._telemetry, kwargs) as call:  # telemetry.py: the call's span and metrics
            return call.answered(self.api.get_httpx_client().request(**kwargs))

    @property
    def with_raw_response(self) -> WithRawResponse:
        """`create` and `stream` returning the HTTP response (`status_code`, `headers`, `trace_id`)."""
        from .resources.raw import WithRawResponse  # noqa: PLC0415 - see TYPE_CHECKING above

        return WithRawResponse(self, self._send, completion_of)

    def stream(
        self,
        request: ChatCompletionRequest,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        accumulate: bool = True,
        deadline: float | None = _UNSET,
        **options: Unpack[CallOptions],
    ) -> ChatCompletionStream:
        """A stream of the answer, sent with `"stream": true`; the request goes out on `with`.

        `deadline`: seconds for the whole call, the whole stream included (None: none); else the
        client's, else none (the read timeout bounds the gap between two events).
        """
        kwargs = _stream_kwargs(request, timeout, max_retries, self._timeout, options)
        limits = self._stream_limits(kwargs, deadline)
        http = self.api.get_httpx_client()

        def send(deadline: Deadline | None) -> httpx.Response:
            return http.send(http.build_request(**_with_deadline(kwargs, deadline)), stream=True)

        call = start_call(self._telemetry, kwargs, stream=True)  # telemetry.py
        return ChatCompletionStream(call.sending(send), accumulate=accumulate, limits=limits, telemetry=call)

    def run_tools(
        self,
        request: ChatCompletionRequest,
        tools: Sequence[ToolLike],
        *,
        max_rounds: int = 10,
        raise_tool_errors: bool = False,
        **options: Unpack[CallOptions],
    ) -> ToolRunResult:
        """Call the model and run the tools it asks for until it answers (see `tools.py`)."""
        from .lib.tools import run_tools  # noqa: PLC0415 - see TYPE_CHECKING above

        return run_tools(
            self, request, tools, max_rounds=max_rounds, raise_tool_errors=raise_tool_errors, options=options
        )

    def stream_tools(
        self,
        request: ChatCompletionRequest,
        tools: Sequence[ToolLike],
        *,
        max_rounds: int = 10,
        raise_tool_errors: bool = False,
        **options: Unpack[CallOptions],
    ) -> ToolRunStream:
        """`run_tools`, streamed: each round's events and a `ToolResultEvent` per call; then `.result`."""
        from .lib.tools import stream_tools  # noqa: PLC0415 - see TYPE_CHECKING above

        return stream_tools(
            self, request, tools, max_rounds=max_rounds, raise_tool_errors=raise_tool_errors, options=options
        )

    @overload
    def parse(
        self,
        request: ChatCompletionRequest,
        output_type: type[T],
        *,
        max_attempts: int = 3,
        mode: OutputMode = "auto",
        **options: Unpack[CallOptions],
    ) -> ParsedCompletion[T]: ...
    @overload
    def parse(
        self,
        request: ChatCompletionRequest,
        output_type: dict[str, Any],
        *,
        max_attempts: int = 3,
        mode: OutputMode = "auto",
        **options: Unpack[CallOptions],
    ) -> ParsedCompletion[Any]: ...
    def parse(
        self,
        request: ChatCompletionRequest,
        output_type: type[Any] | dict[str, Any],
        *,
        max_attempts: int = 3,
        mode: OutputMode = "auto",
        **options: Unpack[CallOptions],
    ) -> ParsedCompletion[Any]:
        """The answer as `output_type`, validated, retried with feedback (see `structured.py`)."""
        from .lib.structured import parse  # noqa: PLC0415 - see TYPE_CHECKING above

        return parse(self, request, output_type, max_attempts=max_attempts, mode=mode, options=options)

    @cached_property
    def files(self) -> Files:
        """Batch input and result files (`files.py`)."""
        from .resources.files import Files  # noqa: PLC0415 - see TYPE_CHECKING above

        return Files(self)

    @cached_property
    def batches(self) -> Batches:
        """SiliconFlow's Batch API (`batches.py`)."""
        from .resources.batches import Batches  # noqa: PLC0415 - see TYPE_CHECKING above

        return Batches(self)

    def close(self) -> None:
        """Close the connections."""
        self.api.get_httpx_client().close()
        self._forget_key()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncSiliconFlow(_ClientBase):
    """Async client; the same arguments as `SiliconFlow` (with an async transport)."""

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        headers: dict[str, str] | None = None,
        record: str | os.PathLike[str] | None = None,
        deadline: float | None = _UNSET,
        max_event_size: int = DEFAULT_MAX_EVENT_SIZE,
        telemetry: bool = True,
        tracer_provider: TracerProvider | None = None,
        meter_provider: MeterProvider | None = None,
    ) -> None:
        settings = _Settings.resolve(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            headers=headers,
            deadline=deadline,
            max_event_size=max_event_size,
            record=record,
        )
        if transport is not None and not isinstance(transport, httpx.AsyncBaseTransport):
            raise TypeError(f"transport must be an httpx.AsyncBaseTransport, got {type(transport).__name__}")
        self._loop: weakref.ref[asyncio.AbstractEventLoop] | None = None
        self._pool_guard: AsyncGenerator[None] | None = None
        # A transport given by the caller is theirs to keep working across loops; ours is remade.
        self._own_transport = None if transport is None else _async_transport(settings, transport)
        self._configure(settings, self._own_transport or _async_transport(settings))
        self._configure_telemetry(telemetry, tracer_provider, meter_provider)
        self.models = AsyncModels(self._http)
        self.user = AsyncUser(self._http)

    async def create(
        self,
        request: ChatCompletionRequest,
        *,
        # An HTTP timeout configuration, not a cancellation deadline (which ASYNC109 is about).
        timeout: float | httpx.Timeout | None = None,  # noqa: ASYNC109
        max_retries: int | None = None,
        deadline: float | None = _UNSET,
        **options: Unpack[CallOptions],
    ) -> ChatCompletion:
        """Send a non-stream request and return the completion; raises the errors of `errors.py`."""
        return completion_of(
            await self._send(request, timeout=timeout, max_retries=max_retries, deadline=deadline, **options)
        )

    async def _send(
        self,
        request: ChatCompletionRequest,
        *,
        timeout: float | httpx.Timeout | None = None,  # noqa: ASYNC109
        max_retries: int | None = None,
        deadline: float | None = _UNSET,
        **options: Unpack[CallOptions],
    ) -> httpx.Response:
        kwargs = _create_kwargs(request, timeout, max_retries, options)
        limit = self._deadline(deadline, DEFAULT_DEADLINE)
        http = await self._http()
        with start_call(self._telemetry, kwargs) as call:  # telemetry.py: the call's span and metrics
            sent = http.build_request(**_with_deadline(kwargs, limit))
            if limit is None:
                return call.answered(await http.send(sent))
            # The transport cuts each attempt's timeouts to the deadline; the cancel scope also stops a
            # server that trickles its headers a byte at a time, which per-read timeouts cannot.
            with anyio.move_on_after(max(0.0, limit.remaining())) as scope:
                return call.answered(await http.send(sent))
            assert scope.cancelled_caught
            raise APITimeoutError(
                f"Request timed out: {sent.method} {public_url(sent.url)}: {limit.describe()}", request=sent
            )

    @property
    def with_raw_response(self) -> AsyncWithRawResponse:
        """`create` and `stream` returning the HTTP response (`status_code`, `headers`, `trace_id`)."""
        from .resources.raw import AsyncWithRawResponse  # noqa: PLC0415 - see TYPE_CHECKING above

        return AsyncWithRawResponse(self, self._send, completion_of)

    def stream(
        self,
        request: ChatCompletionRequest,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        accumulate: bool = True,
        deadline: float | None = _UNSET,
        **options: Unpack[CallOptions],
    ) -> AsyncChatCompletionStream:
        """A stream of the answer, sent with `"stream": true`; the request goes out on `async with`."""
        kwargs = _stream_kwargs(request, timeout, max_retries, self._timeout, options)
        limits = self._stream_limits(kwargs, deadline)

        async def send(deadline: Deadline | None) -> httpx.Response:
            http = await self._http()
            return await http.send(http.build_request(**_with_deadline(kwargs, deadline)), stream=True)

        call = start_call(self._telemetry, kwargs, stream=True)  # telemetry.py
        return AsyncChatCompletionStream(
            call.asending(send), accumulate=accumulate, limits=limits, telemetry=call
        )

    async def _http(self) -> httpx.AsyncClient:
        """The httpx client, with a connection pool of the running event loop.

        Pooled connections belong to the loop that opened them. So the pool is closed when its
        loop shuts down (an async generator the loop finalizes at the end of `asyncio.run()`), and
        a client used again under a new loop starts a new pool (with a transport of its own
        making; one passed in as `transport=` is reused as it is).
        """
        http = self.api.get_async_httpx_client()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # another async library (trio): pools are not tied to an asyncio loop
            return http
        if self._loop is not None and self._loop() is loop:
            return http
        if self._loop is not None:
            transport = self._own_transport or _async_transport(self._settings)
            self.api = self._settings.generated_client(transport)
            http = self.api.get_async_httpx_client()
        self._loop = weakref.ref(loop)
        self._pool_guard = _close_when_the_loop_ends(http)
        await anext(self._pool_guard)  # started: asyncio now finalizes it when the loop shuts down
        return http

    async def run_tools(
        self,
        request: ChatCompletionRequest,
        tools: Sequence[ToolLike],
        *,
        max_rounds: int = 10,
        raise_tool_errors: bool = False,
        **options: Unpack[CallOptions],
    ) -> ToolRunResult:
        """Call the model and run the tools it asks for (async ones concurrently) until it answers."""
        from .lib.tools import arun_tools  # noqa: PLC0415 - see TYPE_CHECKING above

        return await arun_tools(
            self, request, tools, max_rounds=max_rounds, raise_tool_errors=raise_tool_errors, options=options
        )

    def stream_tools(
        self,
        request: ChatCompletionRequest,
        tools: Sequence[ToolLike],
        *,
        max_rounds: int = 10,
        raise_tool_errors: bool = False,
        **options: Unpack[CallOptions],
    ) -> AsyncToolRunStream:
        """`run_tools`, streamed: `async for event in client.stream_tools(...)`; then `.result`."""
        from .lib.tools import astream_tools  # noqa: PLC0415 - see TYPE_CHECKING above

        return astream_tools(
            self, request, tools, max_rounds=max_rounds, raise_tool_errors=raise_tool_errors, options=options
        )

    @overload
    async def parse(
        self,
        request: ChatCompletionRequest,
        output_type: type[T],
        *,
        max_attempts: int = 3,
        mode: OutputMode = "auto",
        **options: Unpack[CallOptions],
    ) -> ParsedCompletion[T]: ...
    @overload
    async def parse(
        self,
        request: ChatCompletionRequest,
        output_type: dict[str, Any],
        *,
        max_attempts: int = 3,
        mode: OutputMode = "auto",
        **options: Unpack[CallOptions],
    ) -> ParsedCompletion[Any]: ...
    async def parse(
        self,
        request: ChatCompletionRequest,
        output_type: type[Any] | dict[str, Any],
        *,
        max_attempts: int = 3,
        mode: OutputMode = "auto",
        **options: Unpack[CallOptions],
    ) -> ParsedCompletion[Any]:
        """The answer as `output_type`, validated, retried with feedback (see `structured.py`)."""
        from .lib.structured import aparse  # noqa: PLC0415 - see TYPE_CHECKING above

        return await aparse(self, request, output_type, max_attempts=max_attempts, mode=mode, options=options)

    @cached_property
    def files(self) -> AsyncFiles:
        """Batch input and result files (`files.py`)."""
        from .resources.files import AsyncFiles  # noqa: PLC0415 - see TYPE_CHECKING above

        return AsyncFiles(self)

    @cached_property
    def batches(self) -> AsyncBatches:
        """SiliconFlow's Batch API (`batches.py`)."""
        from .resources.batches import AsyncBatches  # noqa: PLC0415 - see TYPE_CHECKING above

        return AsyncBatches(self)

    async def aclose(self) -> None:
        """Close the connections."""
        await (await self._http()).aclose()  # under a new loop, the old pool is already closed
        self._forget_key()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()


async def _close_when_the_loop_ends(http: httpx.AsyncClient) -> AsyncGenerator[None]:
    """Suspended for the life of an event loop; its `finally` runs when the loop shuts down."""
    try:
        yield  # never resumed, only closed
    finally:
        await http.aclose()

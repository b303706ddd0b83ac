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

import dataclasses
import os
import weakref
from collections.abc import AsyncGenerator, Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypeVar, Unpack, overload

import httpx
from siliconflow_api.client import AuthenticatedClient
from siliconflow_api.models.chat_completion import ChatCompletion
from siliconflow_api.models.chat_completion_request import ChatCompletionRequest

from ._core.bodies import DEFAULT_MAX_RESPONSE_SIZE, check_max_response_size
from ._core.call_options import CallOptions
from ._core.defaults import API_KEY_ENV, BASE_URL_ENV, DEFAULT_BASE_URL
from ._core.drift import DriftEntry, drift_report
from ._core.errors import ClientClosedError, SiliconFlowError
from ._core.pool import check_limits
from ._core.proxies import async_network_transport, check_proxy, network_transport
from ._core.recording import async_recording, record_path, recording
from ._core.redact import forget_key, redact_logs_of
from ._core.request_checks import check_api_key, check_base_url, check_headers
from ._core.request_params import strict_from_env
from ._core.responses import acheck_response, check_response
from ._core.retries import RetryPolicy, check_max_retries
from ._core.telemetry import Telemetry
from ._core.timeouts import DEFAULT_DEADLINE, DEFAULT_TIMEOUT, as_timeout, check_deadline
from ._core.transport import AsyncRetryTransport, RetryTransport
from ._streaming.sse import DEFAULT_MAX_EVENT_SIZE, check_max_event_size
from ._streaming.stream import AsyncChatCompletionStream, ChatCompletionStream
from .lib.chat_completions import AsyncChatCompletions, ChatCompletions
from .resources._base import UNSET, ResourceContext, async_to_raw_response, to_raw_response, to_raw_stream
from .resources.chat import AsyncChat, Chat
from .resources.models import AsyncModels, Models
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

    ToolLike = Tool | Callable[..., Any]
# `deadline=` left out: the client's, else the default for the kind of call (see timeouts.py).
_UNSET: Any = UNSET


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
    strict_params: bool  # check values against the documented ranges (request_params.py)
    max_response_size: int  # decoded bytes of a non-stream body (bodies.py)
    proxy: httpx.Proxy | None  # else the environment's proxies (proxies.py)
    limits: httpx.Limits  # the default transport's pool (pool.py)

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
        strict_params: bool | None = None,
        max_response_size: int = DEFAULT_MAX_RESPONSE_SIZE,
        proxy: str | httpx.Proxy | None = None,
        limits: httpx.Limits | None = None,
        transport: object = None,
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
            strict_params=strict_from_env() if strict_params is None else bool(strict_params),
            max_response_size=check_max_response_size(max_response_size),
            proxy=check_proxy(proxy, transport),
            limits=check_limits(limits, transport),
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


def _async_transport(
    settings: _Settings, transport: httpx.AsyncBaseTransport | None = None
) -> AsyncRetryTransport:
    network = transport if transport is not None else async_network_transport(settings.proxy, settings.limits)
    return AsyncRetryTransport(
        async_recording(network, settings.record),
        policy=settings.policy,
        deadline=settings.api_deadline(),
        max_response_size=settings.max_response_size,
    )


class _ClientBase:
    """What the twins hold alike: the settings, the generated client, and the resources' context."""

    base_url: str
    retry_policy: RetryPolicy
    api: AuthenticatedClient
    _settings: _Settings
    _context: ResourceContext
    _forget_key: weakref.finalize[Any, Any]
    _telemetry: Telemetry | None  # OpenTelemetry spans and metrics (telemetry.py), None when off

    def _configure(
        self, settings: _Settings, transport: httpx.BaseTransport | httpx.AsyncBaseTransport, http: Any
    ) -> None:
        self.base_url = settings.base_url
        self.retry_policy = settings.policy
        self._settings = settings
        self.api = settings.generated_client(transport)
        self._context = ResourceContext(
            http=http,
            base_url=settings.base_url,
            api_key=settings.api_key,
            retry_policy=settings.policy,
            timeout=settings.timeout,
            deadline=settings.deadline,
            max_event_size=settings.max_event_size,
            strict_params=settings.strict_params,
        )
        # httpx/httpcore DEBUG records show the wire: the key is redacted from them while we live.
        redact_logs_of(settings.api_key)
        self._forget_key = weakref.finalize(self, forget_key, settings.api_key)

    @property
    def _learned_replay(self) -> set[str]:
        """Models this client learned need their reasoning replayed in tool loops (see tools.py)."""
        return self._context.learned_replay

    def _configure_telemetry(self, enabled: bool, tracer_provider: Any, meter_provider: Any) -> None:
        self._telemetry = Telemetry.configure(
            enabled=enabled,
            tracer_provider=tracer_provider,
            meter_provider=meter_provider,
            base_url=self.base_url,
            api_key=self._settings.api_key,
        )
        # The resources start their calls' spans from the context (resources/chat.py, lib/tools.py).
        self._context = dataclasses.replace(self._context, telemetry=self._telemetry)

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = _UNSET,
    ) -> Self:
        """A copy with other defaults for every call, sharing this client's connection pool."""
        copy = object.__new__(type(self))
        copy.__dict__.update(self.__dict__)
        for cached in ("files", "batches"):
            copy.__dict__.pop(cached, None)
        copy._context = self._context.with_options(
            timeout=timeout, max_retries=max_retries, deadline=deadline
        )
        copy._wire()
        return copy

    def _wire(self) -> None:
        raise NotImplementedError

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
    - `transport`: the httpx transport the retries wrap (default `httpx.HTTPTransport(limits=limits)`);
    - `limits`: the default transport's connection pool, an `httpx.Limits`; else
      `DEFAULT_CONNECTION_LIMITS` (1,000 connections, 100 kept alive; see `pool.py` for why);
    - `headers`: extra headers for every request;
    - `proxy`: a proxy URL for every request; else `HTTPS_PROXY`/`HTTP_PROXY`/`ALL_PROXY`/`NO_PROXY`
      as httpx reads them (not with `transport=`; see `proxies.py`);
    - `max_response_size`: the largest non-stream body accepted, in bytes once decoded (default
      64 MiB; larger raises `ResponseTooLargeError`; see `bodies.py`);
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
        strict_params: bool | None = None,
        max_response_size: int = DEFAULT_MAX_RESPONSE_SIZE,
        proxy: str | httpx.Proxy | None = None,
        limits: httpx.Limits | None = None,
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
            strict_params=strict_params,
            max_response_size=max_response_size,
            proxy=proxy,
            limits=limits,
            transport=transport,
        )
        if transport is not None and not isinstance(transport, httpx.BaseTransport):
            raise TypeError(f"transport must be an httpx.BaseTransport, got {type(transport).__name__}")
        network = transport if transport is not None else network_transport(settings.proxy, settings.limits)
        self._transport = RetryTransport(
            recording(network, settings.record),
            policy=settings.policy,
            deadline=settings.api_deadline(),
            max_response_size=settings.max_response_size,
        )
        self._configure(settings, self._transport, self._httpx_client)
        self._configure_telemetry(telemetry, tracer_provider, meter_provider)
        self._wire()
        # As openai-python: a client dropped without close() frees its connections when collected.
        weakref.finalize(self, _close_pool, self.api)

    def _httpx_client(self) -> httpx.Client:
        return self.api.get_httpx_client()

    def _wire(self) -> None:
        self.chat: Chat[ChatCompletions] = Chat(ChatCompletions(self._context))
        self.models = Models(self._context)
        self.user = User(self._context)

    # The calls of the first releases, kept as thin aliases of `client.chat.completions`.
    def create(
        self,
        request: ChatCompletionRequest,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = _UNSET,
        **options: Unpack[CallOptions],
    ) -> ChatCompletion:
        """`chat.completions.create(request=request, ...)`: the completion of a prepared request."""
        return self.chat.completions.create(
            request=request, timeout=timeout, max_retries=max_retries, deadline=deadline, **options
        )

    @property
    def with_raw_response(self) -> _WithRawResponse:
        """`create` and `stream` (the aliases) returning the HTTP response, derived from them."""
        return _WithRawResponse(self)

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
        """`chat.completions.stream(request=request, ...)`: the request goes out on `with`."""
        return self.chat.completions.stream(
            request=request,
            timeout=timeout,
            max_retries=max_retries,
            accumulate=accumulate,
            deadline=deadline,
            **options,
        )

    def run_tools(
        self,
        request: ChatCompletionRequest,
        tools: Sequence[ToolLike],
        *,
        max_rounds: int = 10,
        raise_tool_errors: bool = False,
        **options: Unpack[CallOptions],
    ) -> ToolRunResult:
        """`chat.completions.run_tools(request=request, tools=tools, ...)`."""
        return self.chat.completions.run_tools(
            request=request,
            tools=tools,
            max_rounds=max_rounds,
            raise_tool_errors=raise_tool_errors,
            **options,
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
        """`chat.completions.stream_tools(request=request, tools=tools, ...)`."""
        return self.chat.completions.stream_tools(
            request=request,
            tools=tools,
            max_rounds=max_rounds,
            raise_tool_errors=raise_tool_errors,
            **options,
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
        """`chat.completions.parse(request=request, response_format=output_type, ...)`."""
        return self.chat.completions.parse(
            request=request, response_format=output_type, max_attempts=max_attempts, mode=mode, **options
        )

    @cached_property
    def files(self) -> Files:
        """Batch input and result files (`files.py`)."""
        from .resources.files import Files  # noqa: PLC0415 - see TYPE_CHECKING above

        return Files(self._context)

    @cached_property
    def batches(self) -> Batches:
        """SiliconFlow's Batch API (`batches.py`)."""
        from .resources.batches import Batches  # noqa: PLC0415 - see TYPE_CHECKING above

        return Batches(self._context)

    def close(self) -> None:
        """Close the connections. A call afterwards raises `ClientClosedError` (also for `client.api`)."""
        # The transport, not httpx's client: a closed httpx client raises its own RuntimeError.
        self._transport.close()
        self._forget_key()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncSiliconFlow(_ClientBase):
    """Async client; the same arguments as `SiliconFlow` (with an async transport).

    `limits` matters most here: one async client may run many calls at once, each holding a
    connection. The default pool (1,000 connections) lets a fan-out of thousands of streams
    complete, the calls beyond 1,000 waiting for a free connection; see `pool.py`.
    """

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
        strict_params: bool | None = None,
        max_response_size: int = DEFAULT_MAX_RESPONSE_SIZE,
        proxy: str | httpx.Proxy | None = None,
        limits: httpx.Limits | None = None,
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
            strict_params=strict_params,
            max_response_size=max_response_size,
            proxy=proxy,
            limits=limits,
            transport=transport,
        )
        if transport is not None and not isinstance(transport, httpx.AsyncBaseTransport):
            raise TypeError(f"transport must be an httpx.AsyncBaseTransport, got {type(transport).__name__}")
        self._loop: weakref.ref[Any] | None = None  # the asyncio loop of the pool
        self._pool_guard: AsyncGenerator[None] | None = None
        # A transport given by the caller is theirs to keep working across loops; ours is remade.
        self._own_transport = None if transport is None else _async_transport(settings, transport)
        # The transport of the current pool; it holds the closed state (`aclose()`).
        self._transport = self._own_transport or _async_transport(settings)
        self._configure(settings, self._transport, self._http)
        self._configure_telemetry(telemetry, tracer_provider, meter_provider)
        self._wire()

    def _wire(self) -> None:
        self.chat: AsyncChat[AsyncChatCompletions] = AsyncChat(AsyncChatCompletions(self._context))
        self.models = AsyncModels(self._context)
        self.user = AsyncUser(self._context)

    # The calls of the first releases, kept as thin aliases of `client.chat.completions`.
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
        """`await chat.completions.create(request=request, ...)`."""
        return await self.chat.completions.create(
            request=request, timeout=timeout, max_retries=max_retries, deadline=deadline, **options
        )

    @property
    def with_raw_response(self) -> _AsyncWithRawResponse:
        """`create` and `stream` (the aliases) returning the HTTP response, derived from them."""
        return _AsyncWithRawResponse(self)

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
        """`chat.completions.stream(request=request, ...)`: the request goes out on `async with`."""
        return self.chat.completions.stream(
            request=request,
            timeout=timeout,
            max_retries=max_retries,
            accumulate=accumulate,
            deadline=deadline,
            **options,
        )

    async def _http(self) -> httpx.AsyncClient:
        """The httpx client, with a connection pool of the running event loop.

        Pooled connections belong to the loop that opened them. So the pool is closed when its
        loop shuts down (an async generator the loop finalizes at the end of `asyncio.run()`), and
        a client used again under a new loop starts a new pool (with a transport of its own
        making; one passed in as `transport=` is reused as it is).
        """
        if self._transport.closed:
            raise ClientClosedError
        http = self.api.get_async_httpx_client()
        try:
            loop = _running_loop()
        except RuntimeError:  # another async library (trio): pools are not tied to an asyncio loop
            return http
        if self._loop is not None and self._loop() is loop:
            return http
        if self._loop is not None:
            self._transport = self._own_transport or _async_transport(self._settings)
            self.api = self._settings.generated_client(self._transport)
            http = self.api.get_async_httpx_client()
        self._loop = weakref.ref(loop)
        self._pool_guard = _close_when_the_loop_ends(self._transport)
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
        """`await chat.completions.run_tools(request=request, tools=tools, ...)`."""
        return await self.chat.completions.run_tools(
            request=request,
            tools=tools,
            max_rounds=max_rounds,
            raise_tool_errors=raise_tool_errors,
            **options,
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
        """`chat.completions.stream_tools(request=request, tools=tools, ...)`."""
        return self.chat.completions.stream_tools(
            request=request,
            tools=tools,
            max_rounds=max_rounds,
            raise_tool_errors=raise_tool_errors,
            **options,
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
        """`await chat.completions.parse(request=request, response_format=output_type, ...)`."""
        return await self.chat.completions.parse(
            request=request, response_format=output_type, max_attempts=max_attempts, mode=mode, **options
        )

    @cached_property
    def files(self) -> AsyncFiles:
        """Batch input and result files (`files.py`)."""
        from .resources.files import AsyncFiles  # noqa: PLC0415 - see TYPE_CHECKING above

        return AsyncFiles(self._context)

    @cached_property
    def batches(self) -> AsyncBatches:
        """SiliconFlow's Batch API (`batches.py`)."""
        from .resources.batches import AsyncBatches  # noqa: PLC0415 - see TYPE_CHECKING above

        return AsyncBatches(self._context)

    async def aclose(self) -> None:
        """Close the connections. A call afterwards raises `ClientClosedError`."""
        if self._transport.closed:
            return
        await self._http()  # under a new loop, the old pool is already closed: this loop's is current
        # The transport, not httpx's client: a closed httpx client raises its own RuntimeError.
        await self._transport.aclose_for_good()
        self._forget_key()

    async def close(self) -> None:
        """The same as `aclose()` (openai-python's name)."""
        await self.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()


def _close_pool(api: AuthenticatedClient) -> None:
    if api._client is not None:  # the httpx client exists once a request was made
        api._client.close()


class _WithRawResponse:
    def __init__(self, client: SiliconFlow) -> None:
        self.create = to_raw_response(client.create)
        self.stream = to_raw_stream(client.stream)


class _AsyncWithRawResponse:
    def __init__(self, client: AsyncSiliconFlow) -> None:
        self.create = async_to_raw_response(client.create)
        self.stream = to_raw_stream(client.stream)


def _running_loop() -> object:
    """The running asyncio loop; RuntimeError under another async library."""
    # Imported here: sync users never load asyncio (~15 ms at start-up); async ones already have.
    from asyncio import get_running_loop  # noqa: PLC0415

    return get_running_loop()


async def _close_when_the_loop_ends(transport: AsyncRetryTransport) -> AsyncGenerator[None]:
    """Suspended for the life of an event loop; its `finally` runs when the loop shuts down.

    It closes the loop's pool (the transport), not httpx's client: a request through a closed httpx
    client gets httpx's RuntimeError before reaching the transport that would raise the typed error.
    """
    try:
        yield  # never resumed, only closed
    finally:
        await transport.aclose()

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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Self, TypeVar, Unpack, overload

import httpx
from siliconflow_api.api.chat.create_chat_completion import _get_kwargs
from siliconflow_api.client import AuthenticatedClient
from siliconflow_api.models.chat_completion import ChatCompletion
from siliconflow_api.models.chat_completion_request import ChatCompletionRequest

from .call_options import CallOptions, apply_call_options
from .defaults import API_KEY_ENV, BASE_URL_ENV, DEFAULT_BASE_URL
from .drift import DriftEntry, drift_report
from .errors import SiliconFlowError
from .models import AsyncModels, Models
from .raw import AsyncWithRawResponse, WithRawResponse
from .recording import async_recording, recording
from .responses import acheck_response, check_response, completion_of
from .retries import MAX_RETRIES_EXTENSION, RetryPolicy, check_max_retries
from .stream import AsyncChatCompletionStream, ChatCompletionStream
from .structured import OutputMode, ParsedCompletion, aparse, parse
from .thinking import check_thinking_fields
from .timeouts import DEFAULT_STREAM_TIMEOUT, DEFAULT_TIMEOUT, as_timeout
from .tools import (
    AsyncToolRunStream,
    Tool,
    ToolRunResult,
    ToolRunStream,
    arun_tools,
    astream_tools,
    run_tools,
    stream_tools,
)
from .transport import AsyncRetryTransport, RetryTransport
from .user import AsyncUser, User

__all__ = ["API_KEY_ENV", "BASE_URL_ENV", "DEFAULT_BASE_URL", "AsyncSiliconFlow", "SiliconFlow"]

T = TypeVar("T")
ToolLike = Tool | Callable[..., Any]


@dataclass(frozen=True, slots=True)
class _Settings:
    """The constructor arguments of either twin, checked and completed with defaults."""

    api_key: str
    base_url: str
    timeout: httpx.Timeout | None  # None: the defaults (different for streams)
    policy: RetryPolicy
    headers: dict[str, str]

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
    ) -> _Settings:
        key = api_key if api_key is not None else os.environ.get(API_KEY_ENV, "")
        if not isinstance(key, str):
            raise TypeError(f"api_key must be a string, got {type(key).__name__}")
        if not key.strip():
            raise SiliconFlowError(
                f"No API key: pass SiliconFlow(api_key=...) or set the {API_KEY_ENV} environment variable"
            )
        url = (base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL).rstrip("/")
        if not url.startswith(("https://", "http://")):
            raise ValueError(f"base_url must start with https:// or http://, got {url!r}")
        try:  # refuse it now, not with an httpx traceback on the first request
            if not httpx.URL(url).host:
                raise ValueError("no host")
        except (httpx.InvalidURL, ValueError) as exc:
            raise ValueError(f"base_url is not a usable URL: {url!r} ({exc})") from None
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
            headers=dict(headers or {}),
        )

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
    kwargs = _get_kwargs(body=request)
    apply_call_options(kwargs, options)
    if timeout is not None:
        kwargs["timeout"] = as_timeout(timeout)
    if max_retries is not None:
        kwargs["extensions"] = {MAX_RETRIES_EXTENSION: check_max_retries(max_retries)}
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


class _ClientBase:
    """What the twins hold alike: the settings and the generated client they configured."""

    base_url: str
    retry_policy: RetryPolicy
    api: AuthenticatedClient
    _timeout: httpx.Timeout | None
    # Models this client learned need their reasoning replayed in tool loops (see tools.py).
    _learned_replay: set[str]

    def _configure(
        self, settings: _Settings, transport: httpx.BaseTransport | httpx.AsyncBaseTransport
    ) -> None:
        self.base_url = settings.base_url
        self.retry_policy = settings.policy
        self._timeout = settings.timeout
        self._learned_replay = set()
        self.api = settings.generated_client(transport)

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
      `recording.py`), for `make contract TRAFFIC=...`.
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
    ) -> None:
        settings = _Settings.resolve(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            headers=headers,
        )
        if transport is not None and not isinstance(transport, httpx.BaseTransport):
            raise TypeError(f"transport must be an httpx.BaseTransport, got {type(transport).__name__}")
        self._configure(settings, RetryTransport(recording(transport, record), policy=settings.policy))
        self.models = Models(self.api)
        self.user = User(self.api)

    def create(
        self,
        request: ChatCompletionRequest,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        **options: Unpack[CallOptions],
    ) -> ChatCompletion:
        """Send a non-stream request and return the completion; raises the errors of `errors.py`.

        `options`: `extra_headers`, `extra_query`, `extra_body`, `trace_id`, `traceparent`
        (see `call_options.py`).
        """
        return completion_of(self._send(request, timeout=timeout, max_retries=max_retries, **options))

    def _send(
        self,
        request: ChatCompletionRequest,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        **options: Unpack[CallOptions],
    ) -> httpx.Response:
        kwargs = _create_kwargs(request, timeout, max_retries, options)
        return self.api.get_httpx_client().request(**kwargs)

    @property
    def with_raw_response(self) -> WithRawResponse:
        """`create` and `stream` returning the HTTP response (`status_code`, `headers`, `trace_id`)."""
        return WithRawResponse(self, self._send, completion_of)

    def stream(
        self,
        request: ChatCompletionRequest,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        accumulate: bool = True,
        **options: Unpack[CallOptions],
    ) -> ChatCompletionStream:
        """A stream of the answer, sent with `"stream": true`; the request goes out on `with`."""
        kwargs = _stream_kwargs(request, timeout, max_retries, self._timeout, options)
        http = self.api.get_httpx_client()

        def send() -> httpx.Response:
            return http.send(http.build_request(**kwargs), stream=True)

        return ChatCompletionStream(send, accumulate=accumulate)

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
        return parse(self, request, output_type, max_attempts=max_attempts, mode=mode, options=options)

    def close(self) -> None:
        """Close the connections."""
        self.api.get_httpx_client().close()

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
    ) -> None:
        settings = _Settings.resolve(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            headers=headers,
        )
        if transport is not None and not isinstance(transport, httpx.AsyncBaseTransport):
            raise TypeError(f"transport must be an httpx.AsyncBaseTransport, got {type(transport).__name__}")
        self._configure(
            settings, AsyncRetryTransport(async_recording(transport, record), policy=settings.policy)
        )
        self.models = AsyncModels(self.api)
        self.user = AsyncUser(self.api)

    async def create(
        self,
        request: ChatCompletionRequest,
        *,
        # An HTTP timeout configuration, not a cancellation deadline (which ASYNC109 is about).
        timeout: float | httpx.Timeout | None = None,  # noqa: ASYNC109
        max_retries: int | None = None,
        **options: Unpack[CallOptions],
    ) -> ChatCompletion:
        """Send a non-stream request and return the completion; raises the errors of `errors.py`."""
        return completion_of(await self._send(request, timeout=timeout, max_retries=max_retries, **options))

    async def _send(
        self,
        request: ChatCompletionRequest,
        *,
        timeout: float | httpx.Timeout | None = None,  # noqa: ASYNC109
        max_retries: int | None = None,
        **options: Unpack[CallOptions],
    ) -> httpx.Response:
        kwargs = _create_kwargs(request, timeout, max_retries, options)
        return await self.api.get_async_httpx_client().request(**kwargs)

    @property
    def with_raw_response(self) -> AsyncWithRawResponse:
        """`create` and `stream` returning the HTTP response (`status_code`, `headers`, `trace_id`)."""
        return AsyncWithRawResponse(self, self._send, completion_of)

    def stream(
        self,
        request: ChatCompletionRequest,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        accumulate: bool = True,
        **options: Unpack[CallOptions],
    ) -> AsyncChatCompletionStream:
        """A stream of the answer, sent with `"stream": true`; the request goes out on `async with`."""
        kwargs = _stream_kwargs(request, timeout, max_retries, self._timeout, options)
        http = self.api.get_async_httpx_client()

        async def send() -> httpx.Response:
            return await http.send(http.build_request(**kwargs), stream=True)

        return AsyncChatCompletionStream(send, accumulate=accumulate)

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
        return await aparse(self, request, output_type, max_attempts=max_attempts, mode=mode, options=options)

    async def aclose(self) -> None:
        """Close the connections."""
        await self.api.get_async_httpx_client().aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

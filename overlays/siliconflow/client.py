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
from collections.abc import AsyncGenerator
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Self

import anyio
import httpx
import orjson
from siliconflow_api.api.chat.create_chat_completion import _get_kwargs
from siliconflow_api.client import AuthenticatedClient
from siliconflow_api.models.chat_completion import ChatCompletion
from siliconflow_api.models.chat_completion_request import ChatCompletionRequest

from ._redact import forget_key, preview, public_url, redact, redact_logs_of, secret_of
from ._request_checks import check_api_key, check_base_url, check_headers, check_json, prepare_request
from .errors import APITimeoutError, MalformedResponseError, SiliconFlowError
from .retries import MAX_RETRIES_EXTENSION, RetryPolicy, check_max_retries
from .sse import DEFAULT_MAX_EVENT_SIZE, check_max_event_size
from .stream import AsyncChatCompletionStream, ChatCompletionStream, StreamLimits
from .thinking import check_thinking_fields
from .timeouts import (
    DEADLINE_EXTENSION,
    DEFAULT_DEADLINE,
    DEFAULT_STREAM_TIMEOUT,
    DEFAULT_TIMEOUT,
    Deadline,
    as_timeout,
    check_deadline,
)
from .transport import AsyncRetryTransport, RetryTransport

__all__ = ["API_KEY_ENV", "BASE_URL_ENV", "DEFAULT_BASE_URL", "AsyncSiliconFlow", "SiliconFlow"]

DEFAULT_BASE_URL = "https://api.siliconflow.cn/v1"
API_KEY_ENV = "SILICONFLOW_API_KEY"
BASE_URL_ENV = "SILICONFLOW_BASE_URL"
_PREVIEW_CHARS = 200
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
            httpx_args={"transport": transport},
        )


def _request_kwargs(
    request: ChatCompletionRequest, timeout: float | httpx.Timeout | None, max_retries: int | None
) -> dict[str, Any]:
    """The generated request arguments plus the per-call overrides."""
    if not isinstance(request, ChatCompletionRequest):
        raise TypeError(
            "request must be a ChatCompletionRequest (for example ChatCompletionRequest.from_dict({...})), "
            f"got {type(request).__name__}"
        )
    check_thinking_fields(request)  # a bad budget fails here, naming the bound, not as a server 400
    kwargs = _get_kwargs(body=prepare_request(request))
    check_json(kwargs["json"])  # a value JSON cannot hold fails here, naming its path
    kwargs["extensions"] = {}
    if timeout is not None:
        kwargs["timeout"] = as_timeout(timeout)
    if max_retries is not None:
        kwargs["extensions"][MAX_RETRIES_EXTENSION] = check_max_retries(max_retries)
    return kwargs


def _with_deadline(kwargs: dict[str, Any], deadline: Deadline | None) -> dict[str, Any]:
    # Always set, None included: the transport's default deadline is for plain generated calls.
    kwargs["extensions"][DEADLINE_EXTENSION] = deadline
    return kwargs


def _create_kwargs(
    request: ChatCompletionRequest, timeout: float | httpx.Timeout | None, max_retries: int | None
) -> dict[str, Any]:
    kwargs = _request_kwargs(request, timeout, max_retries)
    if request.stream is True:
        raise ValueError("request.stream is true: use client.stream(request) to receive the chunks")
    return kwargs


def _stream_kwargs(
    request: ChatCompletionRequest,
    timeout: float | httpx.Timeout | None,
    max_retries: int | None,
    client_timeout: httpx.Timeout | None,
) -> dict[str, Any]:
    kwargs = _request_kwargs(request, timeout, max_retries)
    if timeout is None:
        kwargs["timeout"] = client_timeout or DEFAULT_STREAM_TIMEOUT
    kwargs["json"] = {**kwargs["json"], "stream": True}  # a new dict: the caller's model is untouched
    kwargs["headers"]["Accept"] = "text/event-stream"
    return kwargs


def _completion(response: httpx.Response) -> ChatCompletion:
    try:
        return ChatCompletion.from_dict(orjson.loads(response.content))
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        # A proxy's "Incorrect API key provided: sk-..." page must not carry the key into the message.
        shown = preview(redact(response.text, secret_of(response.request)), _PREVIEW_CHARS)
        raise MalformedResponseError(
            f"HTTP {response.status_code}: the body is not a chat completion: {shown!r}", response=response
        ) from None


def _async_transport(
    settings: _Settings, transport: httpx.AsyncBaseTransport | None = None
) -> AsyncRetryTransport:
    return AsyncRetryTransport(transport, policy=settings.policy, deadline=settings.api_deadline())


class _ClientBase:
    """What the twins hold alike: the settings and the generated client they configured."""

    base_url: str
    retry_policy: RetryPolicy
    api: AuthenticatedClient
    _timeout: httpx.Timeout | None
    _settings: _Settings
    _forget_key: weakref.finalize[Any, Any]

    def _configure(
        self, settings: _Settings, transport: httpx.BaseTransport | httpx.AsyncBaseTransport
    ) -> None:
        self.base_url = settings.base_url
        self.retry_policy = settings.policy
        self._timeout = settings.timeout
        self._settings = settings
        self.api = settings.generated_client(transport)
        # httpx/httpcore DEBUG records show the wire: the key is redacted from them while we live.
        redact_logs_of(settings.api_key)
        self._forget_key = weakref.finalize(self, forget_key, settings.api_key)

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
    - `headers`: extra headers for every request.
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
        deadline: float | None = _UNSET,
        max_event_size: int = DEFAULT_MAX_EVENT_SIZE,
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
        )
        if transport is not None and not isinstance(transport, httpx.BaseTransport):
            raise TypeError(f"transport must be an httpx.BaseTransport, got {type(transport).__name__}")
        self._configure(
            settings, RetryTransport(transport, policy=settings.policy, deadline=settings.api_deadline())
        )

    def create(
        self,
        request: ChatCompletionRequest,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = _UNSET,
    ) -> ChatCompletion:
        """Send a non-stream request and return the completion; raises the errors of `errors.py`.

        `deadline`: seconds for the whole call, retries included (None: none); else the client's,
        else `DEFAULT_DEADLINE`.
        """
        kwargs = _create_kwargs(request, timeout, max_retries)
        _with_deadline(kwargs, self._deadline(deadline, DEFAULT_DEADLINE))
        return _completion(self.api.get_httpx_client().request(**kwargs))

    def stream(
        self,
        request: ChatCompletionRequest,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        accumulate: bool = True,
        deadline: float | None = _UNSET,
    ) -> ChatCompletionStream:
        """A stream of the answer, sent with `"stream": true`; the request goes out on `with`.

        `deadline`: seconds for the whole call, the whole stream included (None: none); else the
        client's, else none (the read timeout bounds the gap between two events).
        """
        kwargs = _stream_kwargs(request, timeout, max_retries, self._timeout)
        limits = self._stream_limits(kwargs, deadline)
        http = self.api.get_httpx_client()

        def send(deadline: Deadline | None) -> httpx.Response:
            return http.send(http.build_request(**_with_deadline(kwargs, deadline)), stream=True)

        return ChatCompletionStream(send, accumulate=accumulate, limits=limits)

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
        deadline: float | None = _UNSET,
        max_event_size: int = DEFAULT_MAX_EVENT_SIZE,
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
        )
        if transport is not None and not isinstance(transport, httpx.AsyncBaseTransport):
            raise TypeError(f"transport must be an httpx.AsyncBaseTransport, got {type(transport).__name__}")
        self._loop: weakref.ref[asyncio.AbstractEventLoop] | None = None
        self._pool_guard: AsyncGenerator[None] | None = None
        # A transport given by the caller is theirs to keep working across loops; ours is remade.
        self._own_transport = None if transport is None else _async_transport(settings, transport)
        self._configure(settings, self._own_transport or _async_transport(settings))

    async def create(
        self,
        request: ChatCompletionRequest,
        *,
        # An HTTP timeout configuration, not a cancellation deadline (which ASYNC109 is about).
        timeout: float | httpx.Timeout | None = None,  # noqa: ASYNC109
        max_retries: int | None = None,
        deadline: float | None = _UNSET,
    ) -> ChatCompletion:
        """Send a non-stream request and return the completion; raises the errors of `errors.py`."""
        kwargs = _create_kwargs(request, timeout, max_retries)
        limit = self._deadline(deadline, DEFAULT_DEADLINE)
        http = await self._http()
        sent = http.build_request(**_with_deadline(kwargs, limit))
        if limit is None:
            return _completion(await http.send(sent))
        # The transport cuts each attempt's timeouts to the deadline; the cancel scope also stops a
        # server that trickles its headers a byte at a time, which per-read timeouts cannot.
        with anyio.move_on_after(max(0.0, limit.remaining())) as scope:
            return _completion(await http.send(sent))
        assert scope.cancelled_caught
        raise APITimeoutError(
            f"Request timed out: {sent.method} {public_url(sent.url)}: {limit.describe()}", request=sent
        )

    def stream(
        self,
        request: ChatCompletionRequest,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        accumulate: bool = True,
        deadline: float | None = _UNSET,
    ) -> AsyncChatCompletionStream:
        """A stream of the answer, sent with `"stream": true`; the request goes out on `async with`."""
        kwargs = _stream_kwargs(request, timeout, max_retries, self._timeout)
        limits = self._stream_limits(kwargs, deadline)

        async def send(deadline: Deadline | None) -> httpx.Response:
            http = await self._http()
            return await http.send(http.build_request(**_with_deadline(kwargs, deadline)), stream=True)

        return AsyncChatCompletionStream(send, accumulate=accumulate, limits=limits)

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

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
from dataclasses import dataclass
from functools import cached_property
from types import TracebackType
from typing import Any, Self

import httpx
import orjson
from siliconflow_api.api.chat.create_chat_completion import _get_kwargs
from siliconflow_api.client import AuthenticatedClient
from siliconflow_api.models.chat_completion import ChatCompletion
from siliconflow_api.models.chat_completion_request import ChatCompletionRequest

from .batches import AsyncBatches, Batches
from .errors import MalformedResponseError, SiliconFlowError, preview
from .files import AsyncFiles, Files
from .retries import MAX_RETRIES_EXTENSION, RetryPolicy, check_max_retries
from .stream import AsyncChatCompletionStream, ChatCompletionStream
from .thinking import check_thinking_fields
from .timeouts import DEFAULT_STREAM_TIMEOUT, DEFAULT_TIMEOUT, as_timeout
from .transport import AsyncRetryTransport, RetryTransport

__all__ = ["API_KEY_ENV", "BASE_URL_ENV", "DEFAULT_BASE_URL", "AsyncSiliconFlow", "SiliconFlow"]

DEFAULT_BASE_URL = "https://api.siliconflow.cn/v1"
API_KEY_ENV = "SILICONFLOW_API_KEY"
BASE_URL_ENV = "SILICONFLOW_BASE_URL"
_PREVIEW_CHARS = 200


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
    kwargs = _get_kwargs(body=request)
    if timeout is not None:
        kwargs["timeout"] = as_timeout(timeout)
    if max_retries is not None:
        kwargs["extensions"] = {MAX_RETRIES_EXTENSION: check_max_retries(max_retries)}
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
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        shown = preview(response.text, _PREVIEW_CHARS)
        raise MalformedResponseError(
            f"HTTP {response.status_code}: the body is not a chat completion: {shown!r}", response=response
        ) from exc


class _ClientBase:
    """What the twins hold alike: the settings and the generated client they configured."""

    base_url: str
    retry_policy: RetryPolicy
    api: AuthenticatedClient
    _timeout: httpx.Timeout | None

    def _configure(
        self, settings: _Settings, transport: httpx.BaseTransport | httpx.AsyncBaseTransport
    ) -> None:
        self.base_url = settings.base_url
        self.retry_policy = settings.policy
        self._timeout = settings.timeout
        self.api = settings.generated_client(transport)

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
        self._configure(settings, RetryTransport(transport, policy=settings.policy))

    def create(
        self,
        request: ChatCompletionRequest,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> ChatCompletion:
        """Send a non-stream request and return the completion; raises the errors of `errors.py`."""
        kwargs = _create_kwargs(request, timeout, max_retries)
        return _completion(self.api.get_httpx_client().request(**kwargs))

    def stream(
        self,
        request: ChatCompletionRequest,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        accumulate: bool = True,
    ) -> ChatCompletionStream:
        """A stream of the answer, sent with `"stream": true`; the request goes out on `with`."""
        kwargs = _stream_kwargs(request, timeout, max_retries, self._timeout)
        http = self.api.get_httpx_client()

        def send() -> httpx.Response:
            return http.send(http.build_request(**kwargs), stream=True)

        return ChatCompletionStream(send, accumulate=accumulate)

    @cached_property
    def files(self) -> Files:
        """Batch input and result files (`files.py`)."""
        return Files(self)

    @cached_property
    def batches(self) -> Batches:
        """SiliconFlow's Batch API (`batches.py`)."""
        return Batches(self)

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
        self._configure(settings, AsyncRetryTransport(transport, policy=settings.policy))

    async def create(
        self,
        request: ChatCompletionRequest,
        *,
        # An HTTP timeout configuration, not a cancellation deadline (which ASYNC109 is about).
        timeout: float | httpx.Timeout | None = None,  # noqa: ASYNC109
        max_retries: int | None = None,
    ) -> ChatCompletion:
        """Send a non-stream request and return the completion; raises the errors of `errors.py`."""
        kwargs = _create_kwargs(request, timeout, max_retries)
        return _completion(await self.api.get_async_httpx_client().request(**kwargs))

    def stream(
        self,
        request: ChatCompletionRequest,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        accumulate: bool = True,
    ) -> AsyncChatCompletionStream:
        """A stream of the answer, sent with `"stream": true`; the request goes out on `async with`."""
        kwargs = _stream_kwargs(request, timeout, max_retries, self._timeout)
        http = self.api.get_async_httpx_client()

        async def send() -> httpx.Response:
            return await http.send(http.build_request(**kwargs), stream=True)

        return AsyncChatCompletionStream(send, accumulate=accumulate)

    @cached_property
    def files(self) -> AsyncFiles:
        """Batch input and result files (`files.py`)."""
        return AsyncFiles(self)

    @cached_property
    def batches(self) -> AsyncBatches:
        """SiliconFlow's Batch API (`batches.py`)."""
        return AsyncBatches(self)

    async def aclose(self) -> None:
        """Close the connections."""
        await self.api.get_async_httpx_client().aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

"""`client.chat.completions`: create a chat completion, as in openai-python.

```python
completion = client.chat.completions.create(
    model="Qwen/Qwen3-8B",
    messages=[{"role": "user", "content": "hi"}],       # dicts, typed by siliconflow.types
    temperature=0.7,
)
for chunk in client.chat.completions.create(model=..., messages=..., stream=True):
    ...                                                 # sent at the call: errors raise here
with client.chat.completions.stream(model=..., messages=...) as stream:
    completion = stream.get_final_completion()          # the accumulating helper
```

Every request field of the spec is a keyword argument, typed by the generated
`siliconflow_api.params` TypedDicts; a prepared `request=ChatCompletionRequest(...)` is accepted too.
Before sending: a parameter the spec lacks is a TypeError (openai-python's own point to
`extra_body`), a value outside the documented range a ValueError (`request_params.py`; off with
`strict_params=False`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Generic, Literal, TypeVar, Unpack, overload

import httpx
from siliconflow_api.api.chat.create_chat_completion import _get_kwargs
from siliconflow_api.errors import MalformedDataError
from siliconflow_api.models.chat_completion import ChatCompletion
from siliconflow_api.models.chat_completion_request import ChatCompletionRequest
from siliconflow_api.params import CompletionCreateParamsNonStreaming, CompletionCreateParamsStreaming

from .._core.call_options import CallOptions, apply_call_options
from .._core.request_checks import check_json, prepare_request
from .._core.request_params import check_param_names, check_ranges
from .._core.responses import completion_of
from .._core.telemetry import start_call
from .._core.thinking_checks import check_thinking_fields
from .._core.timeouts import DEFAULT_STREAM_TIMEOUT, Deadline, check_deadline
from .._streaming.stream import AsyncChatCompletionStream, ChatCompletionStream, StreamLimits
from ._base import (
    UNSET,
    AsyncAPIResource,
    ResourceContext,
    SyncAPIResource,
    async_to_raw_response,
    to_raw_response,
    to_raw_stream,
)

__all__ = [
    "AsyncChat",
    "AsyncCompletions",
    "Chat",
    "Completions",
    "CreateArgsNonStreaming",
    "CreateArgsStreaming",
    "build_request",
    "request_kwargs",
    "split_arguments",
]

_Timeout = float | httpx.Timeout | None
# The keyword arguments that are not request fields (see call_options.py).
_OPTION_NAMES = frozenset(CallOptions.__annotations__)


class CreateArgsNonStreaming(CompletionCreateParamsNonStreaming, CallOptions, total=False):
    """`create()`'s request fields and per-call options, without `stream=True`."""


class CreateArgsStreaming(CompletionCreateParamsStreaming, CallOptions, total=False):
    """`create(stream=True, ...)`'s request fields and per-call options."""


def split_arguments(arguments: Mapping[str, Any]) -> tuple[dict[str, Any], CallOptions]:
    """A call's keyword arguments: the request's fields, and the per-call options."""
    params: dict[str, Any] = {}
    options: dict[str, Any] = {}
    for name, value in arguments.items():
        (options if name in _OPTION_NAMES else params)[name] = value
    return params, options  # type: ignore[return-value]  # the names are CallOptions' own


def build_request(
    request: ChatCompletionRequest | None,
    params: dict[str, Any],
    method: str = "create",
    *,
    strict: bool = True,
) -> ChatCompletionRequest:
    """The request of a call: `request=` as given, else the keyword parameters as a model."""
    if request is not None:
        if params:
            raise TypeError(
                f"{method}() takes request=... or the request's fields as keywords, not both "
                f"(got {', '.join(sorted(params))})"
            )
        if not isinstance(request, ChatCompletionRequest):
            raise TypeError(
                "request must be a ChatCompletionRequest "
                f"(for example ChatCompletionRequest.from_dict({{...}})), got {type(request).__name__}"
            )
        return request
    check_param_names(params, method)
    for name in ("model", "messages"):
        if name not in params:
            raise TypeError(f"{method}() missing required keyword argument {name!r}")
    body = dict(params)
    for name in ("messages", "tools"):  # openai-python takes any iterable; JSON needs a list
        value = body.get(name)
        if value is not None and not isinstance(value, list | str | Mapping) and isinstance(value, Iterable):
            body[name] = list(value)
    if body.get("stop", 0) is None:
        del body["stop"]
    check_json(body, "request")
    if strict:
        check_ranges(body)  # before the model: it names the range, where the model names a type
    try:
        return ChatCompletionRequest.from_dict(body)
    except MalformedDataError as exc:
        raise TypeError(f"{exc.path or 'request'} must be {exc.expected}, got {exc.got}") from None


def request_kwargs(
    request: ChatCompletionRequest, options: CallOptions, *, strict: bool, stream: bool
) -> dict[str, Any]:
    """The httpx arguments of a chat request: checked, with the per-call options merged in."""
    check_thinking_fields(request)  # a bad budget fails here, naming the bound, not as a server 400
    kwargs = _get_kwargs(body=prepare_request(request))
    body: dict[str, Any] = kwargs["json"]
    if strict:
        check_ranges(body)  # before extra_body: that is the way to send what the docs do not allow
    if stream:
        body["stream"] = True
        kwargs["headers"]["Accept"] = "text/event-stream"
    elif body.get("stream") is True:
        raise ValueError(
            "request.stream is true: use client.stream(request) or create(..., stream=True) for the chunks"
        )
    kwargs["extensions"] = {}
    apply_call_options(kwargs, options)
    check_json(kwargs["json"])  # a value JSON cannot hold fails here (extra_body too), naming its path
    return kwargs


def _prepare_stream(  # noqa: PLR0917 - the call's arguments, passed on
    context: ResourceContext,
    request: ChatCompletionRequest,
    options: CallOptions,
    timeout: _Timeout,
    max_retries: int | None,
    deadline: float | Any | None,
) -> tuple[dict[str, Any], StreamLimits]:
    """A stream's arguments (its timeout: the call's, the client's, else the stream default) and limits."""
    kwargs = request_kwargs(request, options, strict=context.strict_params, stream=True)
    chosen = timeout if timeout is not None else context.timeout
    context.prepare(kwargs, chosen if chosen is not None else DEFAULT_STREAM_TIMEOUT, max_retries, None)
    if deadline is UNSET:
        deadline = context.deadline
    limits = StreamLimits(
        read_timeout=kwargs["timeout"].read,
        deadline_seconds=None if deadline is UNSET else check_deadline(deadline),
        max_event_size=context.max_event_size,
    )
    return kwargs, limits


class Completions(SyncAPIResource):
    """`client.chat.completions` of the sync client."""

    @overload
    def create(
        self,
        *,
        request: ChatCompletionRequest,
        stream: Literal[False] | None = None,
        timeout: _Timeout = None,
        max_retries: int | None = None,
        deadline: float | None = UNSET,
        **options: Unpack[CallOptions],
    ) -> ChatCompletion: ...
    @overload
    def create(
        self,
        *,
        request: ChatCompletionRequest,
        stream: Literal[True],
        timeout: _Timeout = None,
        max_retries: int | None = None,
        deadline: float | None = UNSET,
        **options: Unpack[CallOptions],
    ) -> ChatCompletionStream: ...
    @overload
    def create(
        self,
        *,
        timeout: _Timeout = None,
        max_retries: int | None = None,
        deadline: float | None = UNSET,
        **params: Unpack[CreateArgsNonStreaming],
    ) -> ChatCompletion: ...
    @overload
    def create(
        self,
        *,
        timeout: _Timeout = None,
        max_retries: int | None = None,
        deadline: float | None = UNSET,
        **params: Unpack[CreateArgsStreaming],
    ) -> ChatCompletionStream: ...
    def create(
        self,
        *,
        request: ChatCompletionRequest | None = None,
        stream: bool | None = None,
        timeout: _Timeout = None,
        max_retries: int | None = None,
        deadline: float | None = UNSET,
        **arguments: Any,
    ) -> ChatCompletion | ChatCompletionStream:
        """A chat completion; with `stream=True`, the open stream of its chunks (sent at the call).

        `timeout` (seconds or `httpx.Timeout`), `max_retries` and `deadline` (seconds for the whole
        call, retries included; None for none) override the client's. `extra_headers`,
        `extra_query`, `extra_body`, `trace_id`, `traceparent`: see `call_options.py`.
        """
        params, options = split_arguments(arguments)
        built = build_request(request, params, strict=self._context.strict_params)
        if stream:
            opened = self._stream(built, options, timeout, max_retries, deadline, accumulate=True)
            return opened.open()
        kwargs = request_kwargs(built, options, strict=self._context.strict_params, stream=False)
        with start_call(self._context.telemetry, kwargs) as call:  # telemetry.py: the span and metrics
            response = call.answered(
                self._request(kwargs, timeout=timeout, max_retries=max_retries, deadline=deadline)
            )
        return completion_of(response)

    @overload
    def stream(
        self,
        *,
        request: ChatCompletionRequest,
        timeout: _Timeout = None,
        max_retries: int | None = None,
        deadline: float | None = UNSET,
        accumulate: bool = True,
        **options: Unpack[CallOptions],
    ) -> ChatCompletionStream: ...
    @overload
    def stream(
        self,
        *,
        timeout: _Timeout = None,
        max_retries: int | None = None,
        deadline: float | None = UNSET,
        accumulate: bool = True,
        **params: Unpack[CreateArgsNonStreaming],
    ) -> ChatCompletionStream: ...
    def stream(
        self,
        *,
        request: ChatCompletionRequest | None = None,
        timeout: _Timeout = None,
        max_retries: int | None = None,
        deadline: float | None = UNSET,
        accumulate: bool = True,
        **arguments: Any,
    ) -> ChatCompletionStream:
        """The accumulating stream helper: the request goes out on `with`; `get_final_completion()`.

        `deadline`: seconds for the whole call, the whole stream included (None: none); else the
        client's, else none (the read timeout bounds the gap between two events).
        """
        params, options = split_arguments(arguments)
        params.pop("stream", None)
        built = build_request(request, params, "stream", strict=self._context.strict_params)
        return self._stream(built, options, timeout, max_retries, deadline, accumulate=accumulate)

    def _stream(
        self,
        request: ChatCompletionRequest,
        options: CallOptions,
        timeout: _Timeout,
        max_retries: int | None,
        deadline: float | Any | None,
        *,
        accumulate: bool,
    ) -> ChatCompletionStream:
        kwargs, limits = _prepare_stream(self._context, request, options, timeout, max_retries, deadline)

        def send(deadline: Deadline | None) -> httpx.Response:
            return self._send_stream(kwargs, deadline)

        call = start_call(self._context.telemetry, kwargs, stream=True)  # telemetry.py
        return ChatCompletionStream(call.sending(send), accumulate=accumulate, limits=limits, telemetry=call)

    @property
    def with_raw_response(self) -> CompletionsWithRawResponse:
        """`create` and `stream` returning the HTTP response (`status_code`, `headers`, `trace_id`)."""
        return CompletionsWithRawResponse(self)


class AsyncCompletions(AsyncAPIResource):
    """`client.chat.completions` of the async client."""

    @overload
    async def create(
        self,
        *,
        request: ChatCompletionRequest,
        stream: Literal[False] | None = None,
        timeout: _Timeout = None,  # noqa: ASYNC109 - an HTTP timeout setting
        max_retries: int | None = None,
        deadline: float | None = UNSET,
        **options: Unpack[CallOptions],
    ) -> ChatCompletion: ...
    @overload
    async def create(
        self,
        *,
        request: ChatCompletionRequest,
        stream: Literal[True],
        timeout: _Timeout = None,  # noqa: ASYNC109
        max_retries: int | None = None,
        deadline: float | None = UNSET,
        **options: Unpack[CallOptions],
    ) -> AsyncChatCompletionStream: ...
    @overload
    async def create(
        self,
        *,
        timeout: _Timeout = None,  # noqa: ASYNC109
        max_retries: int | None = None,
        deadline: float | None = UNSET,
        **params: Unpack[CreateArgsNonStreaming],
    ) -> ChatCompletion: ...
    @overload
    async def create(
        self,
        *,
        timeout: _Timeout = None,  # noqa: ASYNC109
        max_retries: int | None = None,
        deadline: float | None = UNSET,
        **params: Unpack[CreateArgsStreaming],
    ) -> AsyncChatCompletionStream: ...
    async def create(
        self,
        *,
        request: ChatCompletionRequest | None = None,
        stream: bool | None = None,
        timeout: _Timeout = None,  # noqa: ASYNC109
        max_retries: int | None = None,
        deadline: float | None = UNSET,
        **arguments: Any,
    ) -> ChatCompletion | AsyncChatCompletionStream:
        """As `Completions.create`: `await` it; with `stream=True`, `async for` the result."""
        params, options = split_arguments(arguments)
        built = build_request(request, params, strict=self._context.strict_params)
        if stream:
            opened = self._stream(built, options, timeout, max_retries, deadline, accumulate=True)
            return await opened.open()
        kwargs = request_kwargs(built, options, strict=self._context.strict_params, stream=False)
        with start_call(self._context.telemetry, kwargs) as call:  # telemetry.py: the span and metrics
            response = call.answered(
                await self._request(kwargs, timeout=timeout, max_retries=max_retries, deadline=deadline)
            )
        return completion_of(response)

    @overload
    def stream(
        self,
        *,
        request: ChatCompletionRequest,
        timeout: _Timeout = None,
        max_retries: int | None = None,
        deadline: float | None = UNSET,
        accumulate: bool = True,
        **options: Unpack[CallOptions],
    ) -> AsyncChatCompletionStream: ...
    @overload
    def stream(
        self,
        *,
        timeout: _Timeout = None,
        max_retries: int | None = None,
        deadline: float | None = UNSET,
        accumulate: bool = True,
        **params: Unpack[CreateArgsNonStreaming],
    ) -> AsyncChatCompletionStream: ...
    def stream(
        self,
        *,
        request: ChatCompletionRequest | None = None,
        timeout: _Timeout = None,
        max_retries: int | None = None,
        deadline: float | None = UNSET,
        accumulate: bool = True,
        **arguments: Any,
    ) -> AsyncChatCompletionStream:
        """The accumulating stream helper: the request goes out on `async with`."""
        params, options = split_arguments(arguments)
        params.pop("stream", None)
        built = build_request(request, params, "stream", strict=self._context.strict_params)
        return self._stream(built, options, timeout, max_retries, deadline, accumulate=accumulate)

    def _stream(
        self,
        request: ChatCompletionRequest,
        options: CallOptions,
        timeout: _Timeout,
        max_retries: int | None,
        deadline: float | Any | None,
        *,
        accumulate: bool,
    ) -> AsyncChatCompletionStream:
        kwargs, limits = _prepare_stream(self._context, request, options, timeout, max_retries, deadline)

        async def send(deadline: Deadline | None) -> httpx.Response:
            return await self._send_stream(kwargs, deadline)

        call = start_call(self._context.telemetry, kwargs, stream=True)  # telemetry.py
        return AsyncChatCompletionStream(
            call.asending(send), accumulate=accumulate, limits=limits, telemetry=call
        )

    @property
    def with_raw_response(self) -> AsyncCompletionsWithRawResponse:
        """`create` and `stream` returning the HTTP response (`status_code`, `headers`, `trace_id`)."""
        return AsyncCompletionsWithRawResponse(self)


class CompletionsWithRawResponse:
    """`chat.completions.with_raw_response`: the same methods, returning `RawResponse`s."""

    def __init__(self, completions: Completions) -> None:
        self.create = to_raw_response(completions.create)
        self.stream = to_raw_stream(completions.stream)


class AsyncCompletionsWithRawResponse:
    """The async twin: `await ....create(...)`, `async with ....stream(...) as raw`."""

    def __init__(self, completions: AsyncCompletions) -> None:
        self.create = async_to_raw_response(completions.create)
        self.stream = to_raw_stream(completions.stream)


C = TypeVar("C", bound=Completions)
AC = TypeVar("AC", bound=AsyncCompletions)


class Chat(Generic[C]):
    """`client.chat`: holds `completions` (with lib/'s helpers, as the client wires it)."""

    def __init__(self, completions: C) -> None:
        self.completions = completions


class AsyncChat(Generic[AC]):
    """`client.chat` of the async client."""

    def __init__(self, completions: AC) -> None:
        self.completions = completions

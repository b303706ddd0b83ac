"""What every resource (`chat.completions`, `models`, `user`, `files`, `batches`) stands on.

A resource is given a `ResourceContext` by the client (the one place that wires them): the httpx
client with the retrying transport, and the settings a call needs. It never sees the client object,
so no resource imports the client back. Every request goes out through `SyncAPIResource._request`
(or its async twin) and every 2xx JSON body is parsed by `_core.responses.model_of`: one send path,
one parser.

`with_raw_response` is derived from the real methods (`to_raw_response`): the wrapper calls the
method itself and keeps the HTTP response it sent through `_request`, so the two cannot drift.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Generic, ParamSpec, Self, TypeVar

import anyio
import httpx

from .._core.call_options import TRACE_ID_REQUEST_HEADER
from .._core.errors import TRACE_ID_HEADER, APITimeoutError
from .._core.redact import public_url
from .._core.retries import MAX_RETRIES_EXTENSION, RetryPolicy, check_max_retries
from .._core.timeouts import DEADLINE_EXTENSION, DEFAULT_DEADLINE, Deadline, as_timeout, check_deadline

__all__ = [
    "UNSET",
    "AsyncAPIResource",
    "RawResponse",
    "RawStream",
    "ResourceContext",
    "SyncAPIResource",
    "async_to_raw_response",
    "to_raw_response",
    "to_raw_stream",
]

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")
# A `deadline=` left out: the client's, else the default for the kind of call (see timeouts.py).
UNSET: Any = object()
# The responses a `with_raw_response` call is collecting (None outside one): set per call, so
# concurrent tasks and threads each see their own.
_RAW_SINK: ContextVar[list[httpx.Response] | None] = ContextVar("siliconflow_raw_sink", default=None)


@dataclass(frozen=True, slots=True)
class ResourceContext:
    """What a resource needs from its client, injected (see `client.py`).

    `http` returns the configured httpx client: `httpx.Client` for the sync resources; for the async
    ones, an awaitable of the `httpx.AsyncClient` of the running event loop. `timeout`,
    `max_retries` and `deadline` are the defaults of every call (`client.with_options(...)` makes a
    copy of the context with others).
    """

    http: Callable[[], Any]
    base_url: str
    api_key: str
    retry_policy: RetryPolicy
    timeout: httpx.Timeout | None = None  # None: the default of the kind of call (timeouts.py)
    max_retries: int | None = None
    deadline: float | Any | None = UNSET
    max_event_size: int = 0
    strict_params: bool = True
    telemetry: Any = None  # _core/telemetry.py's Telemetry when spans and metrics are on, else None
    # Models this client learned need their reasoning replayed in tool loops (lib/tools.py).
    learned_replay: set[str] = dataclasses.field(default_factory=set)

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | Any | None = UNSET,
    ) -> ResourceContext:
        changes: dict[str, Any] = {}
        if timeout is not None:
            changes["timeout"] = as_timeout(timeout)
        if max_retries is not None:
            changes["max_retries"] = check_max_retries(max_retries)
        if deadline is not UNSET:
            changes["deadline"] = check_deadline(deadline)
        return dataclasses.replace(self, **changes)

    def call_deadline(self, deadline: float | Any | None, default: float | None) -> Deadline | None:
        """The `Deadline` of a call starting now: the call's, else the client's, else `default`."""
        if deadline is UNSET:
            deadline = self.deadline
        seconds = default if deadline is UNSET else check_deadline(deadline)
        return None if seconds is None else Deadline.after(seconds)

    def prepare(
        self,
        kwargs: dict[str, Any],
        timeout: float | httpx.Timeout | None,
        max_retries: int | None,
        deadline: Deadline | None,
    ) -> dict[str, Any]:
        """The httpx request arguments with the call's (else the context's) timeout, retries, deadline."""
        timeout = timeout if timeout is not None else self.timeout
        if timeout is not None:
            kwargs["timeout"] = as_timeout(timeout)
        max_retries = max_retries if max_retries is not None else self.max_retries
        extensions = kwargs.setdefault("extensions", {})
        if max_retries is not None:
            extensions[MAX_RETRIES_EXTENSION] = check_max_retries(max_retries)
        # Always set, None included: the transport's own default is for plain generated calls.
        extensions[DEADLINE_EXTENSION] = deadline
        return kwargs


def _keep_raw(response: httpx.Response) -> None:
    sink = _RAW_SINK.get()
    if sink is not None:
        sink.append(response)


class SyncAPIResource:
    """Base of the sync resources: the one path that sends a request."""

    def __init__(self, context: ResourceContext) -> None:
        self._context = context

    @property
    def context(self) -> ResourceContext:
        """What the client gave this resource (the helpers of lib/ read the key and settings here)."""
        return self._context

    def _request(
        self,
        kwargs: dict[str, Any],
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | Any | None = UNSET,
    ) -> httpx.Response:
        """Send, with retries and typed errors (the transport), and return the read response."""
        context = self._context
        limit = context.call_deadline(deadline, DEFAULT_DEADLINE)
        http: httpx.Client = context.http()
        response = http.request(**context.prepare(kwargs, timeout, max_retries, limit))
        _keep_raw(response)
        return response

    def _send_stream(self, kwargs: dict[str, Any], deadline: Deadline | None) -> httpx.Response:
        """Send a stream request; the response comes back with its body unread."""
        http: httpx.Client = self._context.http()
        kwargs["extensions"][DEADLINE_EXTENSION] = deadline
        response = http.send(http.build_request(**kwargs), stream=True)
        _keep_raw(response)
        return response


class AsyncAPIResource:
    """Base of the async resources: the one path that sends a request."""

    def __init__(self, context: ResourceContext) -> None:
        self._context = context

    @property
    def context(self) -> ResourceContext:
        """What the client gave this resource (the helpers of lib/ read the key and settings here)."""
        return self._context

    async def _request(
        self,
        kwargs: dict[str, Any],
        *,
        timeout: float | httpx.Timeout | None = None,  # noqa: ASYNC109 - an HTTP timeout setting
        max_retries: int | None = None,
        deadline: float | Any | None = UNSET,
    ) -> httpx.Response:
        context = self._context
        limit = context.call_deadline(deadline, DEFAULT_DEADLINE)
        http: httpx.AsyncClient = await context.http()
        sent = http.build_request(**context.prepare(kwargs, timeout, max_retries, limit))
        if limit is None:
            response = await http.send(sent)
        else:
            # The transport cuts each attempt's timeouts to the deadline; the cancel scope also stops
            # a server that trickles its headers a byte at a time, which per-read timeouts cannot.
            with anyio.move_on_after(max(0.0, limit.remaining())) as scope:
                response = await http.send(sent)
            if scope.cancelled_caught:
                raise APITimeoutError(
                    f"Request timed out: {sent.method} {public_url(sent.url)}: {limit.describe()}",
                    request=sent,
                )
        _keep_raw(response)
        return response

    async def _send_stream(self, kwargs: dict[str, Any], deadline: Deadline | None) -> httpx.Response:
        http: httpx.AsyncClient = await self._context.http()
        kwargs["extensions"][DEADLINE_EXTENSION] = deadline
        response = await http.send(http.build_request(**kwargs), stream=True)
        _keep_raw(response)
        return response


class RawResponse(Generic[T]):
    """One HTTP response: `status_code`, `headers`, `trace_id`, `http_response`; `parse()` the result.

    When the result is a stream, `with raw:` (or `async with`) closes it on leaving.
    """

    def __init__(self, http_response: httpx.Response, parse: Callable[[], T]) -> None:
        self.http_response = http_response
        self._parse = parse
        self._parsed: list[T] = []

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def trace_id(self) -> str | None:
        """SiliconFlow's `x-siliconcloud-trace-id`: quote it to support, log it per call."""
        value: str | None = self.http_response.headers.get(TRACE_ID_HEADER)
        return value

    @property
    def request_trace_id(self) -> str | None:
        """The `X-Trace-Id` this call sent (`trace_id=` or `extra_headers`), if any."""
        value: str | None = self.http_response.request.headers.get(TRACE_ID_REQUEST_HEADER)
        return value

    def parse(self) -> T:
        """The result of the call (parsed once; later calls return the same object)."""
        if not self._parsed:
            self._parsed.append(self._parse())
        return self._parsed[0]

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        closer = getattr(self.parse(), "close", None)
        if callable(closer):
            closer()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        closer = getattr(self.parse(), "aclose", None)
        if callable(closer):
            await closer()

    def __repr__(self) -> str:
        return f"RawResponse(status_code={self.status_code}, trace_id={self.trace_id!r})"


S = TypeVar("S")


class RawStream(Generic[S]):
    """A stream helper's result: `with` / `async with` opens the stream and gives its `RawResponse`."""

    def __init__(self, stream: S) -> None:
        self._stream = stream
        self._raw: RawResponse[S] | None = None

    def __enter__(self) -> RawResponse[S]:
        stream: Any = self._stream
        stream.open()  # as `create(stream=True)`: the caller's `with raw.parse()` may still enter it
        self._raw = RawResponse(stream.response, lambda: self._stream)
        return self._raw

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        stream: Any = self._stream
        stream.close()

    async def __aenter__(self) -> RawResponse[S]:
        stream: Any = self._stream
        await stream.open()
        self._raw = RawResponse(stream.response, lambda: self._stream)
        return self._raw

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        stream: Any = self._stream
        await stream.aclose()


def _last_response(sink: list[httpx.Response], name: str) -> httpx.Response:
    if not sink:  # a method that sent nothing (every request method sends through _request)
        raise RuntimeError(f"{name}() sent no request to wrap")
    return sink[-1]


def to_raw_response(method: Callable[P, R]) -> Callable[P, RawResponse[R]]:
    """`method`, returning the `RawResponse` of the request it sent, with its result as `.parse()`."""

    @functools.wraps(method)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawResponse[R]:
        sink: list[httpx.Response] = []
        token = _RAW_SINK.set(sink)
        try:
            result = method(*args, **kwargs)
        finally:
            _RAW_SINK.reset(token)
        return RawResponse(_last_response(sink, method.__name__), lambda: result)

    return wrapped


def async_to_raw_response(method: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[RawResponse[R]]]:
    """The async twin of `to_raw_response`."""

    @functools.wraps(method)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawResponse[R]:
        sink: list[httpx.Response] = []
        token = _RAW_SINK.set(sink)
        try:
            result = await method(*args, **kwargs)
        finally:
            _RAW_SINK.reset(token)
        return RawResponse(_last_response(sink, method.__name__), lambda: result)

    return wrapped


def to_raw_stream(method: Callable[P, S]) -> Callable[P, RawStream[S]]:
    """A stream helper (the request goes out on `with`), returning a `RawStream` of its stream."""

    @functools.wraps(method)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawStream[S]:
        return RawStream(method(*args, **kwargs))

    return wrapped

"""Shared kit of the overlay runtime tests: SSE builders, scripted in-process servers, sync/async twins.

Everything runs on `httpx.MockTransport`: no socket, no network. Test modules reach the kit
through fixtures (`wire`, `twin`, `fast_policy`), because a sibling helper module would not be
importable by mypy from this folder.
"""

from __future__ import annotations

import asyncio
import asyncio.base_events
import http.server
import json
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from siliconflow import (
    AsyncSiliconFlow,
    ChatCompletionStream,
    RetryPolicy,
    SiliconFlow,
    SiliconFlowError,
)
from siliconflow._streaming.stream import AsyncChatCompletionStream
from siliconflow_api.api.chat import create_chat_completion
from siliconflow_api.models import ChatCompletion, ChatCompletionChunk, ChatCompletionRequest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
API_KEY = "sk-test-0123456789abcdef"
SSE_HEADERS = {
    "content-type": "text/event-stream; charset=utf-8",
    "x-siliconcloud-trace-id": "trace-stream-1",
}

Step = Callable[[httpx.Request], httpx.Response]


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    # Session scope: Hypothesis refuses function-scoped fixtures around its examples.
    return "asyncio"


# ---- bodies ---------------------------------------------------------------------------------------


class Body(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body delivered in the given reads, optionally failing after them; records closing."""

    def __init__(self, pieces: Sequence[bytes], error: Exception | None = None) -> None:
        self.pieces = list(pieces)
        self.error = error
        self.closed = False

    def __iter__(self) -> Iterator[bytes]:
        yield from self.pieces
        if self.error is not None:
            raise self.error

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for piece in self.pieces:
            yield piece
        if self.error is not None:
            raise self.error

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


@dataclass
class Wire:
    """Builders of SiliconFlow-shaped chunks, SSE bodies and scripted responses."""

    completion_id: str = "019bdaabd0514ee04b65607601e48651"

    def chunk(
        self,
        content: str | None = None,
        reasoning: str | None = None,
        *,
        role: str | None = None,
        finish: str | None = None,
        usage: dict[str, Any] | None = None,
        tool_calls: list[dict[str, Any]] | None = None,
        index: int = 0,
        extra: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """One chunk as SiliconFlow sends it: both text keys on every delta, null when unused."""
        delta: dict[str, Any] = {"content": content, "reasoning_content": reasoning}
        if role is not None:
            delta["role"] = role
        if tool_calls is not None:
            delta["tool_calls"] = tool_calls
        chunk: dict[str, Any] = {
            "id": self.completion_id,
            "object": "chat.completion.chunk",
            "created": 1768900251,
            "model": "Pro/zai-org/GLM-4.7",
            "choices": [{"index": index, "delta": delta, "finish_reason": finish}],
            "system_fingerprint": "",
        }
        if usage is not None:
            chunk["usage"] = usage
        if extra:
            chunk.update(extra)
        return chunk

    @staticmethod
    def sse(*events: dict[str, Any] | str, eol: str = "\n", done: bool = True) -> bytes:
        """`data:` events (dicts as JSON, strings as they are), then `data: [DONE]` unless done=False."""
        lines = [f"data: {json.dumps(e, ensure_ascii=False) if isinstance(e, dict) else e}" for e in events]
        if done:
            lines.append("data: [DONE]")
        return "".join(line + eol + eol for line in lines).encode()

    @staticmethod
    def fixture_bytes(name: str) -> bytes:
        return (FIXTURES / name).read_bytes()

    @staticmethod
    def fixture_json(name: str) -> Any:
        return json.loads((FIXTURES / name).read_text(encoding="utf-8"))

    @staticmethod
    def stream_step(
        pieces: Sequence[bytes],
        *,
        error: Exception | None = None,
        headers: dict[str, str] | None = None,
        bodies: list[Body] | None = None,
    ) -> Step:
        """A 200 event stream delivered in `pieces` (then `error`); each Body is recorded in `bodies`."""

        def respond(request: httpx.Request) -> httpx.Response:
            body = Body(pieces, error)
            if bodies is not None:
                bodies.append(body)
            return httpx.Response(200, headers=headers or SSE_HEADERS, stream=body)

        return respond

    @staticmethod
    def json_step(status: int, payload: Any, headers: dict[str, str] | None = None) -> Step:
        def respond(request: httpx.Request) -> httpx.Response:
            return httpx.Response(status, json=payload, headers=headers)

        return respond

    @staticmethod
    def raw_step(status: int, content: bytes, headers: dict[str, str] | None = None) -> Step:
        def respond(request: httpx.Request) -> httpx.Response:
            return httpx.Response(status, content=content, headers=headers)

        return respond

    @staticmethod
    def raise_step(error: Exception) -> Step:
        def respond(request: httpx.Request) -> httpx.Response:
            raise error

        return respond

    @staticmethod
    def request(**fields: Any) -> ChatCompletionRequest:
        body = {"model": "Qwen/Qwen3-8B", "messages": [{"role": "user", "content": "hi"}], **fields}
        return ChatCompletionRequest.from_dict(body)

    # Factories of the kit's classes, so test modules never import this conftest at run time.

    @staticmethod
    def script(*steps: Step) -> Script:
        return Script(list(steps))

    @staticmethod
    def body(pieces: Sequence[bytes], error: Exception | None = None) -> Body:
        return Body(pieces, error)

    @staticmethod
    def reply(**fields: Any) -> Reply:
        return Reply(**fields)

    @staticmethod
    def twin(name: str) -> Twin:
        return Twin(name)


@dataclass
class Script:
    """An in-process server: answers request i with step i (the last step repeats); records requests."""

    steps: Sequence[Step]
    requests: list[httpx.Request] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        step = self.steps[min(len(self.requests), len(self.steps)) - 1]
        return step(request)

    @property
    def attempts(self) -> int:
        return len(self.requests)

    def sent_json(self, attempt: int = 0) -> Any:
        return json.loads(self.requests[attempt].content)


# ---- the twins ------------------------------------------------------------------------------------


@dataclass
class StreamRun:
    """What a caller saw of one stream: the chunks, the final completion or the error, the trace id."""

    chunks: list[ChatCompletionChunk]
    final: ChatCompletion | None
    error: SiliconFlowError | None
    trace_id: str | None = None


class Twin:
    """Runs the same scenario through `SiliconFlow` or `AsyncSiliconFlow` (one test body, both twins)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.is_async = name == "async"

    def __repr__(self) -> str:
        return self.name

    def client(self, script: Script, **kwargs: Any) -> Any:
        kwargs.setdefault("retry_policy", RetryPolicy(initial_backoff=0.001, max_backoff=0.002, jitter=0))
        kwargs.setdefault("api_key", API_KEY)
        transport = httpx.MockTransport(script)
        return (
            AsyncSiliconFlow(transport=transport, **kwargs)
            if self.is_async
            else SiliconFlow(transport=transport, **kwargs)
        )

    async def close(self, client: Any) -> None:
        if self.is_async:
            await client.aclose()
        else:
            client.close()

    async def create(self, client: Any, request: ChatCompletionRequest, **kwargs: Any) -> ChatCompletion:
        if self.is_async:
            completion: ChatCompletion = await client.create(request, **kwargs)
        else:
            completion = client.create(request, **kwargs)
        return completion

    async def generated(self, client: Any, request: ChatCompletionRequest) -> Any:
        """The plain generated call on `client.api`."""
        if self.is_async:
            return await create_chat_completion.asyncio(client=client.api, body=request)
        return create_chat_completion.sync(client=client.api, body=request)

    async def stream(
        self, client: Any, request: ChatCompletionRequest, *, break_after: int | None = None, **kwargs: Any
    ) -> StreamRun:
        """Open, iterate, then get_final_completion(); typed errors are caught into the run."""
        chunks: list[ChatCompletionChunk] = []
        final: ChatCompletion | None = None
        error: SiliconFlowError | None = None
        trace_id: str | None = None
        accumulate = kwargs.get("accumulate", True)
        try:
            if self.is_async:
                async with client.stream(request, **kwargs) as astream:
                    assert isinstance(astream, AsyncChatCompletionStream)
                    trace_id = astream.trace_id
                    async for chunk in astream:
                        chunks.append(chunk)
                        if break_after is not None and len(chunks) >= break_after:
                            break
                    if accumulate and break_after is None:
                        final = await astream.get_final_completion()
            else:
                with client.stream(request, **kwargs) as stream:
                    assert isinstance(stream, ChatCompletionStream)
                    trace_id = stream.trace_id
                    for chunk in stream:
                        chunks.append(chunk)
                        if break_after is not None and len(chunks) >= break_after:
                            break
                    if accumulate and break_after is None:
                        final = stream.get_final_completion()
        except SiliconFlowError as exc:
            error = exc
        return StreamRun(chunks=chunks, final=final, error=error, trace_id=trace_id)

    async def run_stream(
        self,
        script: Script,
        request: ChatCompletionRequest,
        *,
        client_options: dict[str, Any] | None = None,
        **stream_options: Any,
    ) -> StreamRun:
        """A client on `script`, one stream, closed."""
        client = self.client(script, **(client_options or {}))
        try:
            return await self.stream(client, request, **stream_options)
        finally:
            await self.close(client)

    async def run_create(
        self,
        script: Script,
        request: ChatCompletionRequest,
        *,
        client_options: dict[str, Any] | None = None,
        **create_options: Any,
    ) -> ChatCompletion:
        """A client on `script`, one create() call, closed."""
        client = self.client(script, **(client_options or {}))
        try:
            return await self.create(client, request, **create_options)
        finally:
            await self.close(client)


@pytest.fixture(scope="session")
def wire() -> Wire:
    return Wire()


@pytest.fixture(params=["sync", "async"])
def twin(request: pytest.FixtureRequest) -> Twin:
    return Twin(request.param)


@pytest.fixture(scope="session")
def fast_policy() -> RetryPolicy:
    """Real backoff shape, milliseconds instead of seconds."""
    return RetryPolicy(initial_backoff=0.001, max_backoff=0.002, jitter=0)


# ---- a real server on the loopback interface ----------------------------------------------------


@dataclass
class Reply:
    """One scripted answer of the loopback server: headers first, then the body in pieces."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    pieces: Sequence[bytes] = ()
    pause_before_body: float = 0.0
    pause_between_pieces: float = 0.0


class Loopback(http.server.ThreadingHTTPServer):
    """An HTTP/1.0 server on 127.0.0.1 answering each POST with the next Reply (the last repeats).

    Bodies without Content-Length end when the connection closes, which is how an SSE stream ends.
    Used where the real socket path matters: timeouts and httpcore's own debug logging.
    """

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _LoopbackHandler)
        self.replies: list[Reply] = []
        self.requests: list[dict[str, str]] = []
        self.thread = threading.Thread(target=self.serve_forever, args=(0.02,), daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"

    def next_reply(self) -> Reply:
        return self.replies[min(len(self.requests), len(self.replies)) - 1]


class _LoopbackHandler(http.server.BaseHTTPRequestHandler):
    server: Loopback

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length", "0")))
        self.server.requests.append(dict(self.headers))
        reply = self.server.next_reply()
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        try:
            self.wfile.flush()
            time.sleep(reply.pause_before_body)
            for piece in reply.pieces:
                self.wfile.write(piece)
                self.wfile.flush()
                time.sleep(reply.pause_between_pieces)
        except OSError:
            pass  # the client gave up (its timeout): expected in these tests

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep test output clean


@pytest.fixture
def loopback() -> Iterator[Loopback]:
    server = Loopback()
    server.thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        server.thread.join()


# ---- a raw server on the loopback interface: exact bytes, exact timing --------------------------

HOLD = "hold"  # an answer item: send nothing more and keep the connection open until the client leaves
RESET = "reset"  # an answer item: abort the connection (TCP reset, no more bytes)
Answer = Sequence[bytes | float | str]  # bytes are written, floats are pauses in seconds


class RawServer:
    """An asyncio server on 127.0.0.1, in its own thread, that answers request i with answer i.

    An answer is a list of items: bytes written as they are (status line and headers included),
    pauses, `HOLD` or `RESET`; when the items run out the connection is closed, unless the answer
    was given with `keep_alive=True`, in which case the next request on it is read and answered.
    Every request's head and body are recorded.
    """

    def __init__(self) -> None:
        self.answers: list[tuple[Answer, bool]] = []
        self.requests: list[tuple[bytes, bytes]] = []
        self.connections = 0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._tasks: set[asyncio.Task[None]] = set()
        self._server: asyncio.base_events.Server | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        self._ready.wait(10)
        server: Any = self._server  # set by the server's thread
        self.port: int = server.sockets[0].getsockname()[1]

    # Builders, reached through the fixture (test modules do not import this conftest).
    HOLD = HOLD
    RESET = RESET

    @staticmethod
    def head(status: int = 200, headers: dict[str, str] | None = None, reason: str = "OK") -> bytes:
        """A status line and headers, `Connection: close` unless the headers say otherwise."""
        fields = {"connection": "close", **{name.lower(): value for name, value in (headers or {}).items()}}
        lines = [f"HTTP/1.1 {status} {reason}", *(f"{name}: {value}" for name, value in fields.items())]
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")

    @staticmethod
    def json(status: int, payload: Any, headers: dict[str, str] | None = None) -> list[bytes]:
        """A whole JSON response with its Content-Length."""
        body = json.dumps(payload).encode()
        fields = {"content-type": "application/json", "content-length": str(len(body)), **(headers or {})}
        return [RawServer.head(status, fields), body]

    @staticmethod
    def event_stream(content_type: str = "text/event-stream", **headers: str) -> bytes:
        """The head of a 200 event stream whose body ends when the connection closes."""
        return RawServer.head(200, {"content-type": content_type, **headers})

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def answer(self, *items: bytes | float | str, keep_alive: bool = False) -> None:
        self.answers.append((items, keep_alive))

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)

        async def start() -> None:
            self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
            self._ready.set()

        self._loop.run_until_complete(start())
        self._loop.run_forever()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        self.connections += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                body = await reader.readexactly(length)
                self.requests.append((head, body))
                items, keep_alive = self.answers[min(len(self.requests), len(self.answers)) - 1]
                for item in items:
                    if isinstance(item, bytes):
                        writer.write(item)
                        await writer.drain()
                    elif isinstance(item, float | int):
                        await asyncio.sleep(item)
                    elif item == HOLD:
                        await reader.read()  # until the client closes
                        return
                    elif item == RESET:
                        writer.transport.abort()
                        return
                if not keep_alive:
                    return
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
            return
        finally:
            writer.close()
            self._tasks.discard(task)

    def close(self) -> None:
        async def stop() -> None:
            assert self._server is not None
            self._server.close()
            for task in list(self._tasks):
                task.cancel()
            await asyncio.sleep(0)

        asyncio.run_coroutine_threadsafe(stop(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()


@pytest.fixture
def raw_server() -> Iterator[RawServer]:
    server = RawServer()
    try:
        yield server
    finally:
        server.close()

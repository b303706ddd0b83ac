"""Record every HTTP exchange as one JSON line, for `make contract TRAFFIC=...`.

Switched on by `SiliconFlow(record="traffic.jsonl")` or `SILICONFLOW_RECORD=traffic.jsonl` (the
`siliconflow` command reads the variable too). Each exchange is appended as one line:

```json
{"time": "...", "method": "POST", "path": "/v1/chat/completions", "query": {}, "status": 200,
 "response_headers": {...}, "request_body": {...}, "response_body": {...}}
```

- `request_body` / `response_body`: the JSON value when the bytes are JSON; otherwise the text is
  in `request_text` / `response_text` instead;
- a stream (`text/event-stream`) has `response_sse`, the raw SSE text exactly as it arrived;
- a request that got no response has `"status": null` and `error` (the httpx error's type).

The recorder wraps the transport *inside* the retries, so every attempt is one line, as sent and
as received. The key is never written: `Authorization` is not recorded (request headers are left
out altogether; response headers lose `authorization` and `set-cookie`), and the request's
credential is replaced by `[redacted]` wherever it appears in the line (a proxy may echo it).
A line is written when the response body is closed, so a stream is recorded once it ends or
breaks, with what arrived.
"""

from __future__ import annotations

import datetime
import functools
import json
import logging
import os
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import httpx

from .bodies import DEFAULT_MAX_RESPONSE_SIZE, decode_capped
from .media_types import EVENT_STREAM
from .redact import redact, secret_of
from .transport import rebuild

__all__ = ["RECORD_ENV", "AsyncRecordingTransport", "RecordingTransport", "TrafficRecorder", "record_path"]

RECORD_ENV = "SILICONFLOW_RECORD"
logger = logging.getLogger("siliconflow")
_DROPPED_HEADERS = frozenset({"authorization", "set-cookie", "proxy-authorization"})


def record_path(record: str | os.PathLike[str] | None) -> Path | None:
    """The file to record to: the argument, else `$SILICONFLOW_RECORD`, else None (no recording)."""
    if record is not None:
        if not isinstance(record, str | os.PathLike):
            raise TypeError(f"record must be a file path, got {type(record).__name__}")
        return Path(record) if str(record) else None
    value = os.environ.get(RECORD_ENV, "").strip()
    return Path(value) if value else None


class TrafficRecorder:
    """Appends exchanges to one JSON Lines file; safe to share between threads.

    The file is opened once here, so a path that cannot be written is a `ValueError` when the
    client is made. A later write failure (disk full...) is logged once as a WARNING on the
    `siliconflow` logger and never breaks the call being recorded.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._warned = False
        try:
            with path.open("a", encoding="utf-8"):
                pass
        except OSError as exc:
            raise ValueError(f"record: cannot append to {str(path)!r}: {exc.strerror or exc}") from None

    def write(self, request: httpx.Request, record: dict[str, Any]) -> None:
        # Redacted before JSON escaping: a key holding `"` or `\\` is written escaped, so the line
        # would no longer contain it verbatim.
        secret = secret_of(request)
        try:
            line = json.dumps(_redacted(record, secret), ensure_ascii=False, separators=(",", ":"))
        except RecursionError:  # a body nested near the interpreter's limit: redact the escaped forms
            line = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
            for form in {secret, json.dumps(secret, ensure_ascii=False)[1:-1], json.dumps(secret)[1:-1]}:
                line = redact(line, form)
        try:
            with self._lock, self.path.open("a", encoding="utf-8") as file:
                file.write(line + "\n")
        except OSError as exc:
            if not self._warned:
                self._warned = True
                logger.warning("Cannot record traffic to %s: %s", self.path, exc.strerror or exc)


def _redacted(value: Any, secret: str | None) -> Any:
    """`value` (a record) with `secret` replaced in every string, keys included."""
    if isinstance(value, str):
        return redact(value, secret)
    if isinstance(value, dict):
        return {redact(str(key), secret): _redacted(item, secret) for key, item in value.items()}
    if isinstance(value, list):
        return [_redacted(item, secret) for item in value]
    return value


def _body_fields(prefix: str, raw: bytes) -> dict[str, Any]:
    if not raw:
        return {}
    text = raw.decode("utf-8", errors="replace")
    try:
        return {f"{prefix}_body": json.loads(text)}
    except (ValueError, RecursionError):
        return {f"{prefix}_text": text}


def _decoded(response: httpx.Response, raw: bytes) -> bytes:
    """The body as the client reads it: content-encoding (gzip...) undone when it can be."""
    if not response.headers.get("content-encoding"):
        return raw
    try:  # bounded: a gzip bomb is not inflated whole (bodies.py)
        return decode_capped(response, raw, DEFAULT_MAX_RESPONSE_SIZE)
    except httpx.DecodingError:
        return raw


def _base(request: httpx.Request) -> dict[str, Any]:
    record: dict[str, Any] = {
        "time": datetime.datetime.now(datetime.UTC).isoformat(timespec="milliseconds"),
        "method": request.method,
        "path": request.url.path,
        "query": dict(request.url.params),
    }
    # The client always sends a buffered body (JSON); a streamed upload is not read here.
    content = request.content if isinstance(request.stream, httpx.ByteStream) else b""
    record.update(_body_fields("request", content))
    return record


Done = Callable[[dict[str, Any]], None]


def _finish(
    record: dict[str, Any], response: httpx.Response, raw: bytes, error: str | None
) -> dict[str, Any]:
    record["status"] = response.status_code
    record["response_headers"] = {
        name: value for name, value in response.headers.items() if name.lower() not in _DROPPED_HEADERS
    }
    body = _decoded(response, raw)
    content_type = response.headers.get("content-type", "").partition(";")[0].strip().lower()
    if content_type == EVENT_STREAM:
        record["response_sse"] = body.decode("utf-8", errors="replace")
    else:
        record.update(_body_fields("response", body))
    if error is not None:
        record["error"] = error  # the body broke off: what arrived is above
    return record


def _failed(record: dict[str, Any], error: Exception) -> dict[str, Any]:
    return {**record, "status": None, "error": type(error).__name__}


class _TeeStream(httpx.SyncByteStream):
    def __init__(
        self, stream: httpx.SyncByteStream, done: Done, response: httpx.Response, record: dict[str, Any]
    ) -> None:
        self._stream, self._done, self._response, self._record = stream, done, response, record
        self._pieces: list[bytes] = []
        self._error: str | None = None
        self._written = False

    def __iter__(self) -> Iterator[bytes]:
        try:
            for piece in self._stream:
                self._pieces.append(piece)
                yield piece
        except Exception as error:
            self._error = type(error).__name__
            raise

    def close(self) -> None:
        try:
            self._stream.close()
        finally:
            if not self._written:
                self._written = True
                self._done(_finish(self._record, self._response, b"".join(self._pieces), self._error))


class _AsyncTeeStream(httpx.AsyncByteStream):
    def __init__(
        self, stream: httpx.AsyncByteStream, done: Done, response: httpx.Response, record: dict[str, Any]
    ) -> None:
        self._stream, self._done, self._response, self._record = stream, done, response, record
        self._pieces: list[bytes] = []
        self._error: str | None = None
        self._written = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for piece in self._stream:
                self._pieces.append(piece)
                yield piece
        except Exception as error:
            self._error = type(error).__name__
            raise

    async def aclose(self) -> None:
        try:
            await self._stream.aclose()
        finally:
            if not self._written:
                self._written = True
                # One small local append; not worth a worker thread on the event loop.
                self._done(_finish(self._record, self._response, b"".join(self._pieces), self._error))


class RecordingTransport(httpx.BaseTransport):
    """Wrap a sync transport; every exchange through it is appended to `recorder`'s file."""

    def __init__(self, transport: httpx.BaseTransport, recorder: TrafficRecorder) -> None:
        self._transport = transport
        self.recorder = recorder

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        record = _base(request)
        try:
            response = self._transport.handle_request(request)
        except Exception as error:
            self.recorder.write(request, _failed(record, error))
            raise
        stream = response.stream
        assert isinstance(stream, httpx.SyncByteStream)
        done = functools.partial(self.recorder.write, request)
        return rebuild(request, response, _TeeStream(stream, done, response, record))

    def close(self) -> None:
        self._transport.close()


class AsyncRecordingTransport(httpx.AsyncBaseTransport):
    """The async twin of `RecordingTransport`."""

    def __init__(self, transport: httpx.AsyncBaseTransport, recorder: TrafficRecorder) -> None:
        self._transport = transport
        self.recorder = recorder

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        record = _base(request)
        try:
            response = await self._transport.handle_async_request(request)
        except Exception as error:
            self.recorder.write(request, _failed(record, error))
            raise
        stream = response.stream
        assert isinstance(stream, httpx.AsyncByteStream)
        done = functools.partial(self.recorder.write, request)
        return rebuild(request, response, _AsyncTeeStream(stream, done, response, record))

    async def aclose(self) -> None:
        await self._transport.aclose()


def recording(
    transport: httpx.BaseTransport | None, record: str | os.PathLike[str] | None
) -> httpx.BaseTransport | None:
    """`transport` wrapped in a recorder when recording is asked for, else `transport` itself."""
    path = record_path(record)
    if path is None:
        return transport
    return RecordingTransport(transport or httpx.HTTPTransport(), TrafficRecorder(path))


def async_recording(
    transport: httpx.AsyncBaseTransport | None, record: str | os.PathLike[str] | None
) -> httpx.AsyncBaseTransport | None:
    """The async twin of `recording`."""
    path = record_path(record)
    if path is None:
        return transport
    return AsyncRecordingTransport(transport or httpx.AsyncHTTPTransport(), TrafficRecorder(path))

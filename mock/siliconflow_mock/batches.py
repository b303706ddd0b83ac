"""The Batch API of the mock: files and batches, run by a simulated engine on a time scale tests set.

Routes (all behind the same bearer token as the chat endpoint):

    POST /v1/files                      multipart `purpose=batch`, `file`; the wrapped answer
    GET  /v1/files?purpose=batch&limit  the wrapped list (`data.data`)
    GET  /v1/files/{id}/content         a file's bytes (the download path is UNCERTAIN on the real API)
    POST /v1/batches                    the batch object (not wrapped)
    GET  /v1/batches, /v1/batches/{id}  the list, one batch
    POST /v1/batches/{id}/cancel        `cancelling`, then `cancelled`

The engine: a batch is `in_queue` for one step (`step_seconds`, default 1 s), `in_progress` for one,
`finalizing` for one, then `completed`; the status is worked out whenever a batch is read, so no
thread runs. Every line is answered by the mock's normal logic (the same validation, sentinel models
and answers as POST /chat/completions, never streamed); a line that would get an error there gets it
as an error line. Faults:
- `metadata: {"mock_fault": "expire"}`: the batch ends `expired` after its in_progress step, and
  every line is in the error file with code `batch_expired`;
- a line naming `mock/does-not-exist` (or an invalid body): that line fails, the others succeed;
- cancel: `cancelling` for one step, then `cancelled`, every line in the error file as `batch_cancelled`.
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from siliconflow_mock import answers, wire
from siliconflow_mock.responses import error_body, json_response
from siliconflow_mock.spec import RequestValidator, describe

__all__ = ["MAX_FILE_BYTES", "MAX_FILE_LINES", "BatchEngine"]

MAX_FILE_LINES = 5000
MAX_FILE_BYTES = 1 << 30
DEFAULT_STEP_SECONDS = 1.0
FAULT_KEY = "mock_fault"
INVALID_PARAMETER_CODE = 20015
_MODEL_NOT_FOUND = "mock/does-not-exist"


@dataclass
class _File:
    id: str
    filename: str
    purpose: str
    content: bytes
    created_at: int

    @property
    def line_count(self) -> int:
        return sum(1 for line in self.content.splitlines() if line.strip())

    def listed(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "object": "file",
            "bytes": len(self.content),
            "created_at": self.created_at,
            "filename": self.filename,
            "purpose": self.purpose,
            "line_count": self.line_count,
        }


@dataclass
class _Batch:
    id: str
    input_file_id: str
    completion_window: str
    metadata: dict[str, str] | None
    model: str | None
    created: float
    cancel_requested: float | None = None
    status: str = "in_queue"
    stamps: dict[str, int] = field(default_factory=dict)
    output_file_id: str | None = None
    error_file_id: str | None = None
    counts: dict[str, int] = field(default_factory=lambda: {"total": 0, "completed": 0, "failed": 0})

    def view(self) -> dict[str, Any]:
        hours = int(self.completion_window.rstrip("h"))
        body: dict[str, Any] = {
            "id": self.id,
            "object": "batch",
            "endpoint": "/v1/chat/completions",
            "errors": None,
            "input_file_id": self.input_file_id,
            "completion_window": self.completion_window,
            "status": self.status,
            "output_file_id": self.output_file_id,
            "error_file_id": self.error_file_id,
            "created_at": int(self.created),
            "expires_at": int(self.created) + hours * 3600,
            "request_counts": dict(self.counts),
            "metadata": self.metadata,
        }
        for name in (
            "in_progress",
            "finalizing",
            "completed",
            "failed",
            "expired",
            "cancelling",
            "cancelled",
        ):
            body[f"{name}_at"] = self.stamps.get(name)
        return body


def _new_id(prefix: str) -> str:
    return f"{prefix}{secrets.token_hex(12)}"


def _validator(spec: dict[str, Any], name: str) -> Draft202012Validator:
    return Draft202012Validator({"$ref": f"#/components/schemas/{name}", "components": spec["components"]})


class BatchEngine:
    """The files and batches of one mock app, and their routes."""

    def __init__(
        self,
        *,
        spec: dict[str, Any],
        authorized: Callable[[str], bool],
        chat_validator: RequestValidator,
        step_seconds: float = DEFAULT_STEP_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not step_seconds > 0:
            raise ValueError(f"step_seconds must be > 0, got {step_seconds!r}")
        self._authorized = authorized
        self._chat = chat_validator
        self._create = _validator(spec, "BatchCreateRequest")
        self._step = step_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._files: dict[str, _File] = {}
        self._batches: dict[str, _Batch] = {}

    def routes(self, base: str) -> list[Route]:
        # One route per path, so a 405 lists every method the path has in `Allow`.
        return [
            Route(base + "/files", self.files, methods=["GET", "POST"]),
            Route(base + "/files/{file_id}/content", self.file_content, methods=["GET"]),
            Route(base + "/batches", self.batches, methods=["GET", "POST"]),
            Route(base + "/batches/{batch_id}", self.get_batch, methods=["GET"]),
            Route(base + "/batches/{batch_id}/cancel", self.cancel_batch, methods=["POST"]),
        ]

    async def files(self, request: Request) -> Response:
        return await (self.upload_file if request.method == "POST" else self.list_files)(request)

    async def batches(self, request: Request) -> Response:
        return await (self.create_batch if request.method == "POST" else self.list_batches)(request)

    # ---- files ------------------------------------------------------------------------------------

    async def upload_file(self, request: Request) -> Response:  # noqa: PLR0911 - one return per check
        if (denied := self._deny(request)) is not None:
            return denied
        raw = await request.body()
        fields = _multipart(request.headers.get("content-type", ""), raw)
        if fields is None:
            return _invalid("the body must be multipart/form-data with the fields purpose and file")
        purpose = fields.get("purpose")
        upload = fields.get("file")
        if purpose is None or purpose[1] != b"batch":
            return _invalid("purpose: must be 'batch'")
        if upload is None:
            return _invalid("file: is required")
        filename, content = upload
        if len(content) > MAX_FILE_BYTES:
            return _invalid("file: larger than 1 GB")
        stored = _File(_new_id("file-"), filename or "batch.jsonl", "batch", content, int(self._clock()))
        if stored.line_count > MAX_FILE_LINES:
            return _invalid(f"file: more than {MAX_FILE_LINES} lines")
        with self._lock:
            self._files[stored.id] = stored
        data = {
            "id": stored.id,
            "object": "file",
            "bytes": len(content),
            "createdAt": stored.created_at,
            "filename": stored.filename,
            "purpose": stored.purpose,
        }
        return json_response(200, {"code": 20000, "message": "Ok", "status": True, "data": data})

    async def list_files(self, request: Request) -> Response:
        if (denied := self._deny(request)) is not None:
            return denied
        purpose = request.query_params.get("purpose")
        if purpose is not None and purpose != "batch":
            return _invalid("purpose: must be 'batch'")
        limit = _limit(request.query_params.get("limit"), default=10)
        if limit is None:
            return _invalid("limit: must be a whole number >= 1")
        with self._lock:
            files = sorted(self._files.values(), key=lambda item: item.created_at, reverse=True)[:limit]
            listed = [item.listed() for item in files]
        body = {"code": 20000, "message": "Ok", "status": True, "data": {"data": listed, "object": "list"}}
        return json_response(200, body)

    async def file_content(self, request: Request) -> Response:
        if (denied := self._deny(request)) is not None:
            return denied
        with self._lock:
            stored = self._files.get(request.path_params["file_id"])
        if stored is None:
            return PlainTextResponse("404 page not found", status_code=404)
        return Response(stored.content, media_type="application/octet-stream")

    # ---- batches ----------------------------------------------------------------------------------

    async def create_batch(self, request: Request) -> Response:
        if (denied := self._deny(request)) is not None:
            return denied
        try:
            body = json.loads(await request.body())
        except (ValueError, RecursionError) as exc:
            return _invalid(f"request body is not valid JSON: {exc}")
        error = best_match(self._create.iter_errors(body))
        if error is not None:
            return _invalid(describe(error))
        with self._lock:
            if body["input_file_id"] not in self._files:
                return json_response(404, "file not found")
            batch = _Batch(
                id=_new_id("batch_"),
                input_file_id=body["input_file_id"],
                completion_window=body["completion_window"],
                metadata=body.get("metadata"),
                model=(body.get("replace") or {}).get("model"),
                created=self._clock(),
            )
            self._batches[batch.id] = batch
            batch.counts["total"] = self._files[batch.input_file_id].line_count
            return json_response(200, batch.view())

    async def list_batches(self, request: Request) -> Response:
        if (denied := self._deny(request)) is not None:
            return denied
        limit = _limit(request.query_params.get("limit"), default=100)
        if limit is None:
            return _invalid("limit: must be a whole number >= 1")
        with self._lock:
            batches = sorted(self._batches.values(), key=lambda item: item.created, reverse=True)
            views = [self._advance(batch).view() for batch in batches[:limit]]
        body = {
            "object": "list",
            "data": views,
            "first_id": views[0]["id"] if views else None,
            "last_id": views[-1]["id"] if views else None,
            "has_more": len(batches) > limit,
        }
        return json_response(200, body)

    async def get_batch(self, request: Request) -> Response:
        if (denied := self._deny(request)) is not None:
            return denied
        with self._lock:
            batch = self._batches.get(request.path_params["batch_id"])
            if batch is None:
                return json_response(404, "batch not found")
            return json_response(200, self._advance(batch).view())

    async def cancel_batch(self, request: Request) -> Response:
        if (denied := self._deny(request)) is not None:
            return denied
        with self._lock:
            batch = self._batches.get(request.path_params["batch_id"])
            if batch is None:
                return json_response(404, "batch not found")
            self._advance(batch)
            if batch.status not in ("completed", "expired", "failed", "cancelled", "cancelling"):
                batch.cancel_requested = self._clock()
                batch.status = "cancelling"
                batch.stamps["cancelling"] = int(batch.cancel_requested)
            return json_response(200, batch.view())

    # ---- the engine -------------------------------------------------------------------------------

    def _advance(self, batch: _Batch) -> _Batch:
        """Bring a batch's status up to the present (called with the lock held)."""
        if batch.status in ("completed", "expired", "failed", "cancelled"):
            return batch
        now = self._clock()
        if batch.cancel_requested is not None:
            if now >= batch.cancel_requested + self._step:
                self._finish(batch, "cancelled", "batch_cancelled", "The batch was cancelled.")
            return batch
        steps = (now - batch.created) / self._step
        expire = (batch.metadata or {}).get(FAULT_KEY) == "expire"
        if steps >= 1 and batch.status == "in_queue":
            batch.status = "in_progress"
            batch.stamps["in_progress"] = int(now)
        if steps >= 2 and batch.status == "in_progress":
            if expire:
                message = "The batch did not complete within its completion window."
                self._finish(batch, "expired", "batch_expired", message)
                return batch
            batch.status = "finalizing"
            batch.stamps["finalizing"] = int(now)
        if steps >= 3 and batch.status == "finalizing":
            self._run(batch)
            batch.status = "completed"
            batch.stamps["completed"] = int(now)
        return batch

    def _lines(self, batch: _Batch) -> list[tuple[str, Any]]:
        """(custom_id, record) of every non-blank line; a line that is not an object has id ''."""
        lines: list[tuple[str, Any]] = []
        for raw in self._files[batch.input_file_id].content.splitlines():
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except (ValueError, RecursionError):
                record = None
            custom_id = record.get("custom_id") if isinstance(record, dict) else None
            lines.append((custom_id if isinstance(custom_id, str) else "", record))
        return lines

    def _finish(self, batch: _Batch, status: str, code: str, message: str) -> None:
        errors = [_error_line(custom_id, code, message) for custom_id, _ in self._lines(batch)]
        batch.error_file_id = self._store(f"{batch.id}_errors.jsonl", errors)
        batch.counts["failed"] = len(errors)
        batch.status = status
        batch.stamps[status] = int(self._clock())

    def _run(self, batch: _Batch) -> None:
        results: list[bytes] = []
        errors: list[bytes] = []
        for custom_id, record in self._lines(batch):
            outcome = self._answer(record, batch.model)
            if isinstance(outcome, tuple):
                errors.append(_error_line(custom_id, *outcome))
            else:
                line = {
                    "id": _new_id("batch_req_"),
                    "custom_id": custom_id,
                    "response": {"status_code": 200, "request_id": answers.new_id(), "body": outcome},
                    "error": None,
                }
                results.append(json.dumps(line, ensure_ascii=False).encode())
        batch.counts["completed"] = len(results)
        batch.counts["failed"] = len(errors)
        batch.output_file_id = self._store(f"{batch.id}_output.jsonl", results)
        batch.error_file_id = self._store(f"{batch.id}_errors.jsonl", errors) if errors else None

    def _answer(self, record: Any, model: str | None) -> dict[str, Any] | tuple[str, str]:
        """A line's chat completion, or (code, message) of the error it would get online."""
        body = record.get("body") if isinstance(record, dict) else None
        if not isinstance(body, dict):
            return str(INVALID_PARAMETER_CODE), "the line has no request body"
        body = {**body, "stream": False}
        if model is not None:
            body["model"] = model
        problem = self._chat.problem(body)
        if problem is not None:
            return str(INVALID_PARAMETER_CODE), problem
        if body["model"] == _MODEL_NOT_FOUND:
            return "20012", "Model does not exist. Please check it carefully."
        return wire.completion(answers.answer(body))

    def _store(self, filename: str, lines: list[bytes]) -> str:
        content = b"".join(line + b"\n" for line in lines)
        stored = _File(_new_id("file-"), filename, "batch_output", content, int(self._clock()))
        self._files[stored.id] = stored
        return stored.id

    def _deny(self, request: Request) -> Response | None:
        return (
            None
            if self._authorized(request.headers.get("authorization", ""))
            else json_response(401, "Invalid token")
        )


def _error_line(custom_id: str, code: str, message: str) -> bytes:
    line = {
        "id": _new_id("batch_req_"),
        "custom_id": custom_id,
        "response": None,
        "error": {"code": code, "message": message},
    }
    return json.dumps(line, ensure_ascii=False).encode()


def _invalid(message: str) -> Response:
    return json_response(400, error_body(INVALID_PARAMETER_CODE, message))


def _limit(raw: str | None, *, default: int) -> int | None:
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        return None
    return value if value >= 1 else None


def _multipart(content_type: str, raw: bytes) -> dict[str, tuple[str | None, bytes]] | None:
    """The fields of a multipart/form-data body: name -> (filename, bytes); None when it is not one."""
    if not content_type.lower().startswith("multipart/form-data"):
        return None
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode("latin-1", "replace") + b"\r\n\r\n" + raw
    )
    if not message.is_multipart():
        return None
    fields: dict[str, tuple[str | None, bytes]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        payload = part.get_payload(decode=True)
        fields[name] = (part.get_filename(), payload if isinstance(payload, bytes) else b"")
    return fields

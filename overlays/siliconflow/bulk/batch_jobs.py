"""A bulk job on SiliconFlow's Batch API: split, upload, create, wait, and merge the results.

```python
from siliconflow import SiliconFlow
from siliconflow.bulk.batch_jobs import submit, wait, write_results

with SiliconFlow() as client:
    batches = submit(client, "in.jsonl")                 # one batch per 5,000 lines / 1 GB
    batches = wait(client, [b.id for b in batches])      # polls with backoff until all end
    summary = write_results(client, [b.id for b in batches], "out.jsonl")
```

The input is checked like the online runner's (`jsonl.py`), then cut into files of at most
MAX_LINES lines and MAX_BYTES bytes, the Batch API's limits. The results are written in the online
runner's output format through the same `OutputFile`, so a line already in OUT is never written
twice: `write_results` can be run again, or after an online run, over the same OUT.
"""

from __future__ import annotations

import contextlib
import math
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

import orjson
from siliconflow_api.models import Batch

from ..resources.batches import FINAL_STATUSES
from .jsonl import InputError, InputLine, check_input, iter_input
from .output import OutputFile, error_line, is_failure

if TYPE_CHECKING:
    from ..resources.batches import Batches
    from ..resources.files import Files


class SiliconFlow(Protocol):
    """What the batch jobs use of a `SiliconFlow` client: its files and batches, nothing else."""

    @property
    def files(self) -> Files: ...
    @property
    def batches(self) -> Batches: ...


__all__ = [
    "MAX_BYTES",
    "MAX_LINES",
    "BatchNotFinishedError",
    "BatchResults",
    "BatchWaitTimeoutError",
    "split_input",
    "submit",
    "wait",
    "write_results",
]

MAX_LINES = 5000
MAX_BYTES = 1 << 30
FIRST_POLL_SECONDS = 2.0
MAX_POLL_SECONDS = 60.0


class BatchNotFinishedError(ValueError):
    """Results were asked for a batch that has not ended."""


class BatchWaitTimeoutError(TimeoutError):
    """`wait` gave up: these batches had not ended within its timeout (they keep running).

    `batch_ids`: the batches still running; `batches`: the last state seen of every batch waited
    for; `waited`: seconds."""

    def __init__(self, batches: list[Batch], waited: float, timeout: float) -> None:
        running = [batch for batch in batches if batch.status not in FINAL_STATUSES]
        self.batch_ids = [batch.id for batch in running]
        self.batches = batches
        self.waited = waited
        states = ", ".join(f"{batch.id} still {batch.status}" for batch in running)
        super().__init__(
            f"{states} after {waited:.1f} s (timeout {timeout:g} s): it keeps running on the server"
        )


@contextlib.contextmanager
def split_input(
    path: str | Path,
    *,
    model: str | None = None,
    invalid_lines: Literal["refuse", "skip"] = "refuse",
    max_lines: int = MAX_LINES,
    max_bytes: int = MAX_BYTES,
) -> Iterator[list[Path]]:
    """The checked input as temporary part files of at most `max_lines` lines and `max_bytes` bytes."""
    source = Path(path)
    check = check_input(source, model_override=model)
    if check.problem_count and invalid_lines == "refuse":
        raise InputError(source, check.problems, check.problem_count)
    with tempfile.TemporaryDirectory(prefix="siliconflow-batch-") as folder:
        parts: list[Path] = []
        current = None
        lines = size = 0
        try:
            for item in iter_input(source, model_override=model, repeated_hashes=check.repeated_hashes):
                if not isinstance(item, InputLine):
                    continue
                record = {"custom_id": item.custom_id, "method": "POST", "url": "/v1/chat/completions"}
                encoded = orjson.dumps({**record, "body": item.body}) + b"\n"
                if current is None or lines >= max_lines or size + len(encoded) > max_bytes:
                    if current is not None:
                        current.close()
                    part = Path(folder) / f"{source.stem}.part{len(parts) + 1}.jsonl"
                    parts.append(part)
                    current = part.open("wb")
                    lines = size = 0
                current.write(encoded)
                lines += 1
                size += len(encoded)
        finally:
            if current is not None:
                current.close()
        yield parts


def submit(
    client: SiliconFlow,
    path: str | Path,
    *,
    model: str | None = None,
    completion_window: str = "24h",
    metadata: dict[str, str] | None = None,
    invalid_lines: Literal["refuse", "skip"] = "refuse",
    max_lines: int = MAX_LINES,
    on_created: Callable[[Batch], None] | None = None,
) -> list[Batch]:
    """Check, split, upload and create one batch per part; returns the batches in input order."""
    batches: list[Batch] = []
    with split_input(path, model=model, invalid_lines=invalid_lines, max_lines=max_lines) as parts:
        if not parts:
            raise ValueError(f"{path}: no request to submit")
        for part in parts:
            uploaded = client.files.upload(part)
            batch = client.batches.create(
                input_file_id=uploaded.id, completion_window=completion_window, metadata=metadata, model=model
            )
            batches.append(batch)
            if on_created is not None:
                on_created(batch)
    return batches


def wait(
    client: SiliconFlow,
    batch_ids: list[str],
    *,
    first_poll: float = FIRST_POLL_SECONDS,
    max_poll: float = MAX_POLL_SECONDS,
    timeout: float | None = None,
    on_change: Callable[[Batch], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> list[Batch]:
    """Poll until every batch has ended (completed, failed, expired, cancelled), backing off x1.5.

    `timeout`: seconds to wait at most (None: no limit); past it, BatchWaitTimeoutError names the
    batches still running. The batches are polled once more at the limit, never after it."""
    if timeout is not None and (
        isinstance(timeout, bool)
        or not isinstance(timeout, int | float)
        or not math.isfinite(timeout)
        or timeout < 0
    ):
        raise ValueError(f"timeout must be a number of seconds >= 0 or None, got {timeout!r}")
    started = clock()
    latest: dict[str, Batch] = {}
    seen: dict[str, tuple[str, int, int]] = {}
    delay = first_poll
    while True:
        for batch_id in batch_ids:
            if batch_id in latest and latest[batch_id].status in FINAL_STATUSES:
                continue
            batch = client.batches.retrieve(batch_id)
            latest[batch_id] = batch
            state = (batch.status, *_counts(batch)[:2])
            if on_change is not None and seen.get(batch_id) != state:
                on_change(batch)
            seen[batch_id] = state
        batches = [latest[batch_id] for batch_id in batch_ids]
        if all(batch.status in FINAL_STATUSES for batch in batches):
            return batches
        pause = delay
        if timeout is not None:
            left = started + timeout - clock()
            if left <= 0:
                raise BatchWaitTimeoutError(batches, clock() - started, timeout)
            pause = min(delay, left)
        sleep(pause)
        delay = min(delay * 1.5, max_poll)


def _counts(batch: Batch) -> tuple[int, int, int]:
    counts = batch.request_counts
    if counts is None:
        return 0, 0, 0

    def number(value: object) -> int:
        return value if isinstance(value, int) else 0

    return number(counts.completed), number(counts.failed), number(counts.total)


def progress_line(batch: Batch) -> str:
    """`batch_...: in_progress, 120/5000 done (2 failed)`."""
    completed, failed, total = _counts(batch)
    return f"{batch.id}: {batch.status}, {completed + failed}/{total} done ({failed} failed)"


@dataclass
class BatchResults:
    """What `write_results` wrote."""

    succeeded: int = 0
    failed: int = 0
    already_written: int = 0


def write_results(client: SiliconFlow, batch_ids: list[str], output: str | Path) -> BatchResults:
    """Download the output and error files of ended batches and append them to OUT, no id twice."""
    batches = [client.batches.retrieve(batch_id) for batch_id in batch_ids]
    unfinished = [f"{batch.id} is {batch.status}" for batch in batches if batch.status not in FINAL_STATUSES]
    if unfinished:
        raise BatchNotFinishedError("not finished yet: " + "; ".join(unfinished) + " (wait, or use --wait)")
    summary = BatchResults()
    out = OutputFile(Path(output))
    written: set[str] = set()
    try:
        for batch in batches:
            for attribute in ("output_file_id", "error_file_id"):
                file_id = getattr(batch, attribute)
                if not isinstance(file_id, str) or not file_id:
                    continue
                for raw in client.files.content(file_id).splitlines():
                    line = _result_line(raw, batch.id)
                    if line is None:
                        continue
                    custom_id, encoded, failed = line
                    if custom_id in out.done or custom_id in written:
                        summary.already_written += 1
                        continue
                    out.write(encoded)
                    written.add(custom_id)
                    if failed:
                        summary.failed += 1
                    else:
                        summary.succeeded += 1
    finally:
        out.close()
    return summary


def _result_line(raw: bytes, batch_id: str) -> tuple[str, bytes, bool] | None:
    """A Batch API result line in the runner's format: (custom_id, line, failed); None if blank."""
    if not raw.strip():
        return None
    try:
        record: Any = orjson.loads(raw)
    except orjson.JSONDecodeError:
        record = None
    custom_id = record.get("custom_id") if isinstance(record, dict) else None
    if not isinstance(custom_id, str) or not custom_id:
        shown = raw[:80].decode("utf-8", "replace")
        raise ValueError(f"batch {batch_id}: a result line without custom_id: {shown!r}")
    error = record.get("error")
    response = record.get("response")
    if not is_failure(record):  # no error and a 2xx status
        line = {
            "id": record.get("id"),
            "custom_id": custom_id,
            "response": {
                "status_code": response["status_code"],
                "request_id": response.get("request_id"),
                "body": response.get("body"),
            },
            "error": None,
        }
        return custom_id, orjson.dumps(line) + b"\n", False
    code, message = "batch_error", "the batch gave no result for this line"
    if isinstance(error, dict):
        code = str(error.get("code", code))
        message = str(error.get("message", message))
    elif isinstance(response, dict):  # an HTTP error recorded as a response (OpenAI's shape)
        code = f"http_{response.get('status_code')}"
        message = _error_message(response.get("body"))
    return custom_id, error_line(custom_id, code, message), True


def _error_message(body: Any) -> str:
    """The message of an error body (`{"error": {"message"}}` or `{"message"}`), else the body as JSON."""
    inner = body.get("error") if isinstance(body, dict) else None
    for holder in (inner, body):
        if isinstance(holder, dict) and isinstance(holder.get("message"), str):
            return str(holder["message"])
    return orjson.dumps(body).decode()

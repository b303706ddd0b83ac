"""The output of a bulk job: one JSONL result line per request, in the Batch API's output format.

```
{"id": "...", "custom_id": "...", "error": null,
 "response": {"status_code": 200, "request_id": "<trace id>", "body": {...}}}
{"id": "...", "custom_id": "...", "response": null, "error": {"code": "...", "message": "..."}}
```
(one line each in the file).

Nothing written is ever lost or duplicated:
- every line goes to the file with one `os.write` on a descriptor opened with O_APPEND, right when
  its answer arrives: a killed process loses only the requests in flight;
- on start, a last line without its newline (the process died inside that write) is cut off, and
  the ids already in the file are skipped; `retry_failed` first rewrites the file without its
  failed lines (to a temporary file, then an atomic rename), so a redone line is never there twice.
"""

from __future__ import annotations

import os
import uuid
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from .jsonl import id_hash, sorted_hashes

__all__ = ["DoneSet", "OutputFile", "OutputFileError", "error_line", "success_line"]

_READ_BLOCK = 1 << 20


class OutputFileError(ValueError):
    """The output file exists but is not a result file this job can resume."""


def _new_id() -> str:
    return f"bulk_req_{uuid.uuid4().hex}"


def success_line(custom_id: str, body: Any, *, request_id: str | None, status_code: int = 200) -> bytes:
    """The result line of an answered request; `body` is the completion exactly as received."""
    record = {
        "id": _new_id(),
        "custom_id": custom_id,
        "response": {"status_code": status_code, "request_id": request_id, "body": body},
        "error": None,
    }
    return orjson.dumps(record) + b"\n"


def error_line(custom_id: str, code: str, message: str) -> bytes:
    """The result line of a request that failed for good."""
    record = {
        "id": _new_id(),
        "custom_id": custom_id,
        "response": None,
        "error": {"code": code, "message": message},
    }
    return orjson.dumps(record) + b"\n"


@dataclass
class DoneSet:
    """The custom_ids already in an output file, as sorted 8-byte hashes (flat memory)."""

    hashes: array[int] = field(default_factory=lambda: array("Q"))
    succeeded: int = 0
    failed: int = 0

    def __contains__(self, custom_id: object) -> bool:
        if not isinstance(custom_id, str) or not self.hashes:
            return False
        key = id_hash(custom_id)
        index = bisect_left(self.hashes, key)
        return index < len(self.hashes) and self.hashes[index] == key

    def __len__(self) -> int:
        return len(self.hashes)


def _result_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    with path.open("rb") as file:
        yield from enumerate(file, start=1)


def _read_result(number: int, raw: bytes, path: Path) -> tuple[str, bool]:
    """(custom_id, failed) of one complete result line; OutputFileError when it is not one."""
    try:
        record = orjson.loads(raw)
    except orjson.JSONDecodeError:
        record = None
    if not isinstance(record, dict) or not isinstance(record.get("custom_id"), str):
        raise OutputFileError(
            f"{path} line {number} is not a result line (no custom_id): is it the right output file?"
        )
    return record["custom_id"], record.get("error") is not None


class OutputFile:
    """An output file opened for appending, after repairing and reading what a previous run wrote."""

    def __init__(self, path: Path, *, retry_failed: bool = False) -> None:
        self.path = path
        self.repaired_bytes = _cut_partial_line(path)
        if retry_failed and path.exists():
            _drop_failed(path)
        self.done = self._read_done()
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def _read_done(self) -> DoneSet:
        done = DoneSet()
        if not self.path.exists():
            return done

        def hashes() -> Iterator[int]:
            for number, raw in _result_lines(self.path):
                if not raw.strip():
                    continue
                custom_id, failed = _read_result(number, raw, self.path)
                if failed:
                    done.failed += 1
                else:
                    done.succeeded += 1
                yield id_hash(custom_id)

        done.hashes = sorted_hashes(hashes())
        return done

    def write(self, line: bytes) -> None:
        """Append one complete line (ending in a newline) with a single write."""
        view = memoryview(line)
        while view:  # a regular file takes it all at once; loop for the rare partial write
            written = os.write(self._fd, view)
            view = view[written:]

    def close(self) -> None:
        """Close the result file."""
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


def _cut_partial_line(path: Path) -> int:
    """Cut a last line that lacks its newline (a write the previous run did not finish); bytes cut."""
    if not path.exists():
        return 0
    size = path.stat().st_size
    if size == 0:
        return 0
    with path.open("rb+") as file:
        file.seek(size - 1)
        if file.read(1) == b"\n":
            return 0
        # Find the last newline, reading backwards by blocks.
        end = size
        while end > 0:
            start = max(0, end - _READ_BLOCK)
            file.seek(start)
            block = file.read(end - start)
            newline = block.rfind(b"\n")
            if newline >= 0:
                keep = start + newline + 1
                break
            end = start
        else:
            keep = 0
        file.truncate(keep)
        return size - keep


def _drop_failed(path: Path) -> None:
    """Rewrite `path` without its failed lines (temporary file, fsync, atomic rename)."""
    temporary = path.with_name(path.name + ".retry-failed.tmp")
    with temporary.open("wb") as out:
        for number, raw in _result_lines(path):
            if not raw.strip():
                continue
            _, failed = _read_result(number, raw, path)
            if not failed:
                out.write(raw)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, path)

"""The output of a bulk job: one JSONL result line per request, in the Batch API's output format.

```
{"id": "...", "custom_id": "...", "error": null,
 "response": {"status_code": 200, "request_id": "<trace id>", "body": {...}}}
{"id": "...", "custom_id": "...", "response": null, "error": {"code": "...", "message": "..."}}
```
(one line each in the file).

Nothing written is ever lost or duplicated:
- one job at a time: the file is locked (`flock`, exclusive, not waiting) for as long as it is
  open, so a second run on the same OUT fails at once with `OutputFileLockedError` instead of
  sending every line again (without `fcntl`, on Windows, there is no lock);
- every line goes to the file with one `os.write` on a descriptor opened with O_APPEND, right when
  its answer arrives: a killed process loses only the requests in flight;
- a write that fails (a full disk, `ulimit -f`, EIO) raises `OutputWriteError` after cutting the
  file back to its last whole line, so nothing torn is left behind;
- on start, a last line without its newline (the process died inside that write) is cut off, and
  the ids already in the file are skipped; `retry_failed` first rewrites the file without its
  failed lines (to a temporary file, then an atomic rename), so a redone line is never there twice.

A line is a success only when it has no error and a 2xx `response.status_code` (`is_failure`): the
Batch API's files record an HTTP error as a response with its status (OpenAI's shape).
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import uuid
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from .jsonl import id_hash, sorted_hashes

if sys.platform != "win32":
    import fcntl

__all__ = [
    "DoneSet",
    "OutputFile",
    "OutputFileError",
    "OutputFileLockedError",
    "OutputWriteError",
    "error_line",
    "is_failure",
    "success_line",
]

_READ_BLOCK = 1 << 20


class OutputFileError(ValueError):
    """The output file exists but is not a result file this job can resume."""


class OutputFileLockedError(OutputFileError):
    """Another job (this process or another) has the output file open: two would write every line twice."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path} is in use by another bulk job: wait for it to end, or choose another output"
        )
        self.path = path


class OutputWriteError(OSError):
    """A result line could not be written (disk full, file too large, I/O error); the file keeps
    only whole lines, so running the job again later resumes it. `errno`, `strerror`, `filename` as
    the OSError that caused it."""

    def __str__(self) -> str:
        name = errno.errorcode.get(self.errno or 0, "")
        return f"cannot write {self.filename}: {self.strerror}" + (f" ({name})" if name else "")


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


def is_failure(record: dict[str, Any]) -> bool:
    """A result line that is not a success: an error, or a response without a 2xx status_code."""
    if record.get("error") is not None:
        return True
    response = record.get("response")
    status = response.get("status_code") if isinstance(response, dict) else None
    return not (isinstance(status, int) and not isinstance(status, bool) and 200 <= status < 300)


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
    return record["custom_id"], is_failure(record)


class OutputFile:
    """An output file, locked and opened for appending, after repairing and reading what a previous
    run wrote."""

    def __init__(self, path: Path, *, retry_failed: bool = False) -> None:
        self.path = path
        if path.exists() and not path.is_file():  # a device or a pipe cannot be resumed (nor read back)
            raise OutputFileError(f"{path} is not a regular file (an output is read back to resume)")
        self._fd = _open_locked(path)
        self._held = [self._fd]  # every descriptor whose lock this job holds, closed together
        try:
            self.repaired_bytes = _cut_partial_line(path)
            if retry_failed:
                self._fd = _drop_failed(path)
                self._held.append(self._fd)
            self.done = self._read_done()
            self._end = os.fstat(self._fd).st_size  # where the last whole line ends
        except BaseException:
            self.close()
            raise

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
        """Append one complete line (ending in a newline) with a single write.

        On failure the file is cut back to its last whole line and OutputWriteError is raised."""
        view = memoryview(line)
        try:
            while view:  # a regular file takes it all at once; loop for the rare partial write
                written = os.write(self._fd, view)
                view = view[written:]
        except OSError as error:
            with contextlib.suppress(OSError):  # if even this fails, the next run cuts the torn line
                os.ftruncate(self._fd, self._end)
            raise OutputWriteError(error.errno, error.strerror, str(self.path)) from None
        self._end += len(line)

    def close(self) -> None:
        for descriptor in self._held:
            with contextlib.suppress(OSError):
                os.close(descriptor)
        self._held = []
        self._fd = -1


def _open_locked(path: Path) -> int:
    """`path` opened for appending (created if missing) with this job's exclusive lock on it."""
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        _lock(descriptor, path)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def _lock(descriptor: int, path: Path) -> None:
    if sys.platform == "win32":  # no advisory locks there; see the module docstring
        return
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise OutputFileLockedError(path) from None
    except OSError as error:  # a file system without locks: go on, as without fcntl
        if error.errno not in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS):
            raise


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


def _drop_failed(path: Path) -> int:
    """Rewrite `path` without its failed lines (temporary file, fsync, atomic rename).

    Returns the new file's descriptor, opened for appending and already locked, so that no other
    job can take the new file between the rename and this job's first write."""
    temporary = path.with_name(path.name + ".retry-failed.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        _lock(descriptor, temporary)
        with os.fdopen(os.dup(descriptor), "wb") as out:
            for number, raw in _result_lines(path):
                if not raw.strip():
                    continue
                _, failed = _read_result(number, raw, path)
                if not failed:
                    out.write(raw)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        os.close(descriptor)
        temporary.unlink(missing_ok=True)
        raise
    return descriptor

"""The bulk output file: written whole lines only, repaired and read back on resume."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import Any

import pytest
from siliconflow.bulk import OutputFileError, OutputFileLockedError, OutputWriteError
from siliconflow.bulk.output import OutputFile, error_line, is_failure, success_line


def test_result_lines_have_the_batch_output_shape() -> None:
    ok = json.loads(success_line("a", {"object": "chat.completion"}, request_id="trace-1"))
    assert ok["custom_id"] == "a"
    assert ok["error"] is None
    assert ok["response"] == {
        "status_code": 200,
        "request_id": "trace-1",
        "body": {"object": "chat.completion"},
    }
    assert ok["id"].startswith("bulk_req_")
    failed = json.loads(error_line("b", "20012", "Model does not exist."))
    assert failed["response"] is None
    assert failed["error"] == {"code": "20012", "message": "Model does not exist."}
    assert success_line("a", {}, request_id=None).endswith(b"\n")


def test_a_half_written_last_line_is_cut_and_the_done_ids_are_known(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(
        success_line("a", {}, request_id=None) + error_line("b", "x", "y") + b'{"id": "half", "cus'
    )
    out = OutputFile(path)
    try:
        assert out.repaired_bytes == len(b'{"id": "half", "cus')
        assert "a" in out.done
        assert "b" in out.done
        assert "half" not in out.done
        assert (out.done.succeeded, out.done.failed) == (1, 1)
        out.write(success_line("c", {}, request_id=None))
    finally:
        out.close()
    assert [json.loads(line)["custom_id"] for line in path.read_text().splitlines()] == ["a", "b", "c"]


def test_retry_failed_takes_the_failed_lines_out_first(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(success_line("a", {}, request_id=None) + error_line("b", "x", "y"))
    out = OutputFile(path, retry_failed=True)
    out.close()
    assert "b" not in out.done
    assert [json.loads(line)["custom_id"] for line in path.read_text().splitlines()] == ["a"]
    assert not list(tmp_path.glob("*.tmp"))


def test_a_file_that_is_not_a_result_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("my notes\n", encoding="utf-8")
    with pytest.raises(OutputFileError, match=r"line 1 is not a result line"):
        OutputFile(path)
    assert path.read_text() == "my notes\n"


def _full_disk_on(path: Path, monkeypatch: pytest.MonkeyPatch, *, after: int) -> None:
    """os.write on `path` (only) writes `after` more bytes, then fails as a full disk does."""
    real_write = os.write
    budget = [after]

    def write(descriptor: int, data: Any) -> int:
        if not path.exists() or os.fstat(descriptor).st_ino != path.stat().st_ino:
            return real_write(descriptor, data)
        if budget[0] <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written = real_write(descriptor, bytes(data)[: budget[0]])
        budget[0] -= written
        return written

    monkeypatch.setattr(os, "write", write)


def test_a_failed_write_leaves_only_whole_lines_and_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "out.jsonl"
    first = success_line("a", {"text": "x" * 50}, request_id=None)
    out = OutputFile(path)
    try:
        _full_disk_on(path, monkeypatch, after=len(first) + 10)  # the second line is torn
        out.write(first)
        with pytest.raises(OutputWriteError) as caught:
            out.write(success_line("b", {"text": "y" * 50}, request_id=None))
    finally:
        out.close()
    monkeypatch.undo()
    assert caught.value.errno == errno.ENOSPC
    assert str(caught.value) == f"cannot write {path}: No space left on device (ENOSPC)"
    assert isinstance(caught.value, OSError)
    assert path.read_bytes() == first  # cut back to the last whole line


def test_a_second_job_on_the_same_output_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(success_line("a", {}, request_id=None) + error_line("b", "x", "y"))
    first = OutputFile(path, retry_failed=True)  # holds the lock on the rewritten file too
    try:
        for retry_failed in (False, True):
            with pytest.raises(OutputFileLockedError, match=r"is in use by another bulk job"):
                OutputFile(path, retry_failed=retry_failed)
    finally:
        first.close()
    OutputFile(path).close()  # free once the first job closed it
    assert [json.loads(line)["custom_id"] for line in path.read_text().splitlines()] == ["a"]


def test_a_line_is_a_success_only_with_a_2xx_status() -> None:
    def line(status: object, error: object = None) -> dict[str, Any]:
        return {"custom_id": "a", "response": {"status_code": status, "body": {}}, "error": error}

    assert not is_failure(line(200))
    assert not is_failure(line(201))
    assert is_failure(line(400))
    assert is_failure(line(500))
    assert is_failure(line(None))
    assert is_failure(line(True))
    assert is_failure(line("200"))
    assert is_failure(line(200, {"code": "x", "message": "y"}))
    assert is_failure({"custom_id": "a", "response": None, "error": {"code": "batch_expired"}})


def test_an_output_that_is_not_a_regular_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputFileError, match=r"not a regular file"):
        OutputFile(tmp_path)

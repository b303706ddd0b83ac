"""The bulk output file: written whole lines only, repaired and read back on resume."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from siliconflow.bulk import OutputFileError
from siliconflow.bulk.output import OutputFile, error_line, success_line


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

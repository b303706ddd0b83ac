"""`python -m benchmarks.chunk_parse` still runs (tiny sizes) and parses what it times."""

from __future__ import annotations

import pytest
from siliconflow_api.models import ChatCompletionChunk

from benchmarks import chunk_parse


def test_the_payloads_are_valid_chunks_that_round_trip() -> None:
    for payload in chunk_parse.payloads():
        assert ChatCompletionChunk.from_dict(payload).to_dict() == payload


def test_a_tiny_run_prints_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert chunk_parse.main(["--rounds", "5", "--repeat", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("| parser |")
    assert len(lines) == 2 + 3

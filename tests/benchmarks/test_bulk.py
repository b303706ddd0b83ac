"""The bulk benchmark still runs end to end (tiny sizes). It measures nothing worth reading."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_bulk_bench_smoke_writes_every_section(tmp_path: Path) -> None:
    output = tmp_path / "BENCHMARKS-bulk.md"
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.bulk", "--smoke", "--output", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = output.read_text(encoding="utf-8")
    for heading in ("Throughput", "Throttling", "The pool", "Memory", "Targets"):
        assert heading in report
    rows = ("ours: run_bulk_async", "floor: asyncio + httpx + semaphore", "told --rpm 600", "peak RSS")
    for row in (*rows, "the client's default pool, concurrency 256", "pool: default / own 256"):
        assert row in report

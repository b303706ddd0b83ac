"""The benchmark script still runs end to end (tiny sizes). It measures nothing worth reading."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_bench_smoke_writes_every_table(tmp_path: Path) -> None:
    output = tmp_path / "BENCHMARKS.md"
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--smoke", "--output", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = output.read_text(encoding="utf-8")
    for heading in (
        "Stream throughput",
        "The whole command",
        "Request overhead",
        "Memory",
        "Start-up",
        "OpenTelemetry: what telemetry costs",
        "Targets",
    ):
        assert heading in report
    chart = output.with_suffix(".svg").read_text(encoding="utf-8")
    assert chart.startswith("<svg")
    assert "goal" in chart
    assert f"![measured against goals]({output.with_suffix('.svg').name})" in report
    for contender in (
        "ours: sync stream",
        "ours: async stream",
        "openai: stream",
        "floor: httpx",
        "limit: raw socket + orjson",
        "Fan-out",
        "ours: siliconflow chat --stream --json",
        "siliconflow --help",
        "| telemetry off |",
        "| telemetry on, SDK + BatchSpanProcessor |",
    ):
        assert contender in report

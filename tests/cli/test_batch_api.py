"""`siliconflow batch submit | status | results | cancel` in a subprocess against the mock."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from siliconflow_mock import RunningMock, serve_in_background

SCRIPT = Path(sys.executable).with_name("siliconflow")


@pytest.fixture(scope="module")
def mock() -> Iterator[RunningMock]:
    with serve_in_background(batch_step_seconds=0.05) as running:
        yield running


@pytest.fixture(scope="module")
def slow_mock() -> Iterator[RunningMock]:
    """Batches that stay in each status long enough for a command started in between."""
    with serve_in_background(batch_step_seconds=2.0) as running:
        yield running


def batch(mock: RunningMock, *args: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SILICONFLOW_")}
    env = {**clean, "SILICONFLOW_API_KEY": mock.token, "SILICONFLOW_BASE_URL": mock.base_url}
    result = subprocess.run(
        [str(SCRIPT), "batch", *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert "Traceback" not in result.stderr
    return result


def write_input(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8") as file:
        for i in range(count):
            body = {"model": "Qwen/Qwen3-8B", "messages": [{"role": "user", "content": f"q{i}"}]}
            file.write(json.dumps({"custom_id": f"r{i}", "body": body}) + "\n")
    return path


@pytest.mark.slow
def test_submit_wait_writes_the_same_format_as_batch_run(mock: RunningMock, tmp_path: Path) -> None:
    source = write_input(tmp_path / "in.jsonl", 4)
    target = tmp_path / "out.jsonl"
    result = batch(mock, "submit", str(source), "--wait", "-o", str(target), "--poll-interval", "0.02")
    assert result.returncode == 0, result.stderr
    [batch_id] = result.stdout.split()
    assert batch_id.startswith("batch_")
    assert f"{batch_id}: in_progress" in result.stderr
    assert f"{batch_id}: completed, 4/4 done (0 failed)" in result.stderr
    lines = [json.loads(line) for line in target.read_text().splitlines()]
    assert sorted(line["custom_id"] for line in lines) == ["r0", "r1", "r2", "r3"]
    assert all(line["error"] is None and line["response"]["status_code"] == 200 for line in lines)
    # The online runner over the same OUT finds nothing left to do: one format for both paths.
    online = subprocess.run(
        [str(SCRIPT), "batch", "run", str(source), "-o", str(target)],
        env={**os.environ, "SILICONFLOW_API_KEY": mock.token, "SILICONFLOW_BASE_URL": mock.base_url},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert online.returncode == 0, online.stderr
    assert "4 already done" in online.stderr
    status = batch(mock, "status", batch_id, "--json")
    assert json.loads(status.stdout)[0]["status"] == "completed"


@pytest.mark.slow
def test_results_of_an_unfinished_batch_exit_1_and_cancel_ends_it(
    slow_mock: RunningMock, tmp_path: Path
) -> None:
    mock = slow_mock
    source = write_input(tmp_path / "in.jsonl", 2)
    submitted = batch(mock, "submit", str(source), "--window", "48h", "--metadata", "team=eval")
    [batch_id] = submitted.stdout.split()
    early = batch(mock, "results", batch_id, "-o", str(tmp_path / "out.jsonl"))
    assert early.returncode == 1
    assert "not finished yet" in early.stderr
    cancelled = batch(mock, "cancel", batch_id)
    assert cancelled.returncode == 0
    assert f"{batch_id}: cancelling" in cancelled.stdout
    collected = batch(
        mock, "results", batch_id, "-o", str(tmp_path / "out.jsonl"), "--wait", "--poll-interval", "0.02"
    )
    assert collected.returncode == 1  # the batch did not complete
    assert "ended cancelled" in collected.stderr
    codes = {json.loads(line)["error"]["code"] for line in (tmp_path / "out.jsonl").read_text().splitlines()}
    assert codes == {"batch_cancelled"}


@pytest.mark.slow
def test_usage_mistakes_exit_2(mock: RunningMock, tmp_path: Path) -> None:
    source = write_input(tmp_path / "in.jsonl", 1)
    assert batch(mock, "submit", str(source), "-o", str(tmp_path / "o.jsonl")).returncode == 2
    bad_window = batch(mock, "submit", str(source), "--window", "2h")
    assert bad_window.returncode == 2
    assert "completion_window must be 24h to 336h" in bad_window.stderr
    assert batch(mock, "submit", str(source), "--metadata", "novalue").returncode == 2


def test_wait_gives_up_after_max_wait_with_75_and_one_line(slow_mock: RunningMock, tmp_path: Path) -> None:
    source = write_input(tmp_path / "in.jsonl", 2)
    started = time.monotonic()
    result = batch(slow_mock, "submit", str(source), "--wait", "--max-wait", "0.3", "--poll-interval", "0.05")
    assert time.monotonic() - started < 15
    assert result.returncode == 75, result.stderr
    [batch_id] = result.stdout.split()
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(errors) == 1, result.stderr
    assert re.fullmatch(
        rf"siliconflow: error: {batch_id} still \w+ after 0\.\d s \(timeout 0\.3 s\): "
        "it keeps running on the server",
        errors[0],
    )
    assert (
        batch(slow_mock, "results", batch_id, "-o", str(tmp_path / "o.jsonl"), "--max-wait", "1").returncode
        == 2
    )
    batch(slow_mock, "cancel", batch_id)

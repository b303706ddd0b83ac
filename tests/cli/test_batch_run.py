"""`siliconflow batch run` in a subprocess: resume after a kill, Ctrl-C and SIGTERM, refused input."""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from siliconflow_mock import RunningMock, serve_in_background

SCRIPT = Path(sys.executable).with_name("siliconflow")
KEY = f"sk-canary-{secrets.token_hex(16)}"
LINES = 40
SLOW = ["-H", "X-Mock-Fault: slow-first-byte", "-H", "X-Mock-Delay-Ms: 150"]


@pytest.fixture(scope="module")
def mock() -> Iterator[RunningMock]:
    with serve_in_background(token=KEY) as running:
        yield running


def write_input(path: Path, count: int = LINES) -> Path:
    with path.open("w", encoding="utf-8") as file:
        for i in range(count):
            body = {"model": "Qwen/Qwen3-8B", "messages": [{"role": "user", "content": f"question {i}"}]}
            file.write(json.dumps({"custom_id": f"r{i}", "body": body}) + "\n")
    return path


def env_for(mock: RunningMock) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SILICONFLOW_")}
    return {**clean, "SILICONFLOW_API_KEY": KEY, "SILICONFLOW_BASE_URL": mock.base_url}


def start(mock: RunningMock, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(SCRIPT), "batch", "run", *args],
        env=env_for(mock),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def run(mock: RunningMock, *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(SCRIPT), "batch", "run", *args],
        env=env_for(mock),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert KEY not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result


def wait_for_lines(path: Path, count: int, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists() and path.read_bytes().count(b"\n") >= count:
            return
        time.sleep(0.02)
    raise AssertionError(f"{path} did not reach {count} lines in {seconds} s")


def result_ids(path: Path) -> list[str]:
    """Every custom_id in OUT, in order; each line must be whole JSON."""
    data = path.read_bytes()
    assert data.endswith(b"\n"), "a half-written line was left"
    return [json.loads(line)["custom_id"] for line in data.splitlines()]


@pytest.mark.slow
def test_resume_after_a_kill_loses_and_duplicates_nothing(mock: RunningMock, tmp_path: Path) -> None:
    source = write_input(tmp_path / "in.jsonl")
    target = tmp_path / "out.jsonl"
    process = start(mock, str(source), "-o", str(target), "--concurrency", "4", *SLOW)
    try:
        wait_for_lines(target, 5)
    finally:
        process.kill()  # SIGKILL: no chance to clean up
        process.communicate(timeout=30)
    first = result_ids(target)
    assert 5 <= len(first) < LINES
    # A death inside a write leaves a partial line: the next run must cut it, not choke on it.
    with target.open("ab") as file:
        file.write(b'{"id": "bulk_req_x", "custom_id": "r3')
    result = run(mock, str(source), "-o", str(target), "--concurrency", "8")
    assert result.returncode == 0, result.stderr
    ids = result_ids(target)
    assert sorted(ids) == sorted(f"r{i}" for i in range(LINES))
    assert ids[: len(first)] == first  # what was written before stays as it was
    assert f"{len(first)} already done" in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_and_sigterm_stop_cleanly_with_130(
    mock: RunningMock, tmp_path: Path, stop_signal: signal.Signals
) -> None:
    source = write_input(tmp_path / "in.jsonl")
    target = tmp_path / "out.jsonl"
    process = start(mock, str(source), "-o", str(target), "--concurrency", "4", *SLOW)
    try:
        wait_for_lines(target, 4)
        process.send_signal(stop_signal)
        _, stderr = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert "stopping: no new requests" in stderr
    assert "interrupted" in stderr
    assert f"-o {target}" in stderr  # says how to resume
    ids = result_ids(target)
    assert len(ids) < LINES
    assert len(set(ids)) == len(ids)
    result = run(mock, str(source), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert sorted(result_ids(target)) == sorted(f"r{i}" for i in range(LINES))


def test_a_bad_input_is_refused_with_line_numbers_unless_skipped(mock: RunningMock, tmp_path: Path) -> None:
    source = write_input(tmp_path / "in.jsonl", 3)
    with source.open("a", encoding="utf-8") as file:
        file.write("{oops\n")
        file.write(
            json.dumps({"custom_id": "r0", "body": {"model": "m", "messages": [{"role": "user"}]}}) + "\n"
        )
    target = tmp_path / "out.jsonl"
    refused = run(mock, str(source), "-o", str(target))
    assert refused.returncode == 2
    assert "2 invalid line(s), nothing was sent" in refused.stderr
    assert "line 4: not valid JSON" in refused.stderr
    assert "line 5: custom_id 'r0' repeats line 1" in refused.stderr
    assert not target.exists()
    skipped = run(mock, str(source), "-o", str(target), "--skip-invalid")
    assert skipped.returncode == 0, skipped.stderr
    assert sorted(result_ids(target)) == ["r0", "r1", "r2"]
    assert "2 invalid lines skipped" in skipped.stderr


def test_failed_lines_exit_1_and_prices_give_a_cost(mock: RunningMock, tmp_path: Path) -> None:
    source = write_input(tmp_path / "in.jsonl", 3)
    prices = tmp_path / "prices.json"
    prices.write_text(json.dumps({"mock/does-not-exist": {"input": 1, "output": 4}}), encoding="utf-8")
    target = tmp_path / "out.jsonl"
    result = run(
        mock, str(source), "-o", str(target), "--model", "mock/does-not-exist", "--prices", str(prices)
    )
    assert result.returncode == 1
    assert "0 succeeded, 3 failed" in result.stderr
    assert "estimated cost: 0.0000" in result.stderr
    assert "progress: 3/3 done (3 failed)" in result.stderr  # plain lines: stderr is not a terminal


def test_a_bad_prices_file_is_a_usage_error(mock: RunningMock, tmp_path: Path) -> None:
    source = write_input(tmp_path / "in.jsonl", 1)
    prices = tmp_path / "prices.json"
    prices.write_text(json.dumps({"m": {"input": "cheap"}}), encoding="utf-8")
    result = run(mock, str(source), "-o", str(tmp_path / "out.jsonl"), "--prices", str(prices))
    assert result.returncode == 2
    assert "needs numbers >= 0" in result.stderr


# Runs a command with files limited to argv[1] bytes (`ulimit -f`): writes past it fail with EFBIG
# (SIGXFSZ ignored, as Python does anyway). A wrapper, not preexec_fn: this process has threads.
FILE_SIZE_LIMITED = """
import os, resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
os.execv(sys.argv[2], sys.argv[2:])
"""


def test_an_output_that_cannot_be_written_stops_the_run_with_one_line_and_74(
    mock: RunningMock, tmp_path: Path
) -> None:
    source = write_input(tmp_path / "in.jsonl")
    target = tmp_path / "out.jsonl"
    started = time.monotonic()
    limited = [sys.executable, "-c", FILE_SIZE_LIMITED, "3000"]  # a few lines fit, then "disk full"
    process = subprocess.Popen(
        [*limited, str(SCRIPT), "batch", "run", str(source), "-o", str(target), "--concurrency", "4"],
        env=env_for(mock),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _, stderr = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        _, stderr = process.communicate()
        raise AssertionError(f"batch run hung on a write failure: {stderr}") from None
    assert time.monotonic() - started < 20
    assert process.returncode == 74, stderr
    assert "Traceback" not in stderr
    errors = [line for line in stderr.splitlines() if "error" in line]
    assert len(errors) == 1, stderr
    assert str(target) in errors[0]
    assert "File too large" in errors[0]
    # No torn line: every line is whole, so a resume (without the limit) finishes the job.
    first = result_ids(target)
    assert 0 < len(first) < LINES
    result = run(mock, str(source), "-o", str(target))
    assert result.returncode == 0, result.stderr
    ids = result_ids(target)
    assert sorted(ids) == sorted(f"r{i}" for i in range(LINES))
    assert ids[: len(first)] == first


@pytest.mark.slow
def test_a_second_runner_on_the_same_output_fails_at_once_with_75(mock: RunningMock, tmp_path: Path) -> None:
    source = write_input(tmp_path / "in.jsonl")
    target = tmp_path / "out.jsonl"
    slower = ["-H", "X-Mock-Fault: slow-first-byte", "-H", "X-Mock-Delay-Ms: 300"]  # ~6 s in all
    first = start(mock, str(source), "-o", str(target), "--concurrency", "2", *slower)
    try:
        wait_for_lines(target, 2)
        started = time.monotonic()
        second = run(mock, str(source), "-o", str(target))
        assert time.monotonic() - started < 10
        _, first_stderr = first.communicate(timeout=60)
    finally:
        first.kill()
    assert second.returncode == 75, second.stderr
    assert second.stderr.strip().splitlines() == [
        f"siliconflow batch run: error: {target} is in use by another bulk job:"
        " wait for it to end, or choose another output"
    ]
    assert first.returncode == 0, first_stderr
    assert sorted(result_ids(target)) == sorted(f"r{i}" for i in range(LINES))  # each line once


def test_a_rerun_with_every_line_done_exits_1_while_failed_lines_remain(
    mock: RunningMock, tmp_path: Path
) -> None:
    source = write_input(tmp_path / "in.jsonl", 3)
    target = tmp_path / "out.jsonl"
    assert run(mock, str(source), "-o", str(target), "--model", "mock/does-not-exist").returncode == 1
    again = run(mock, str(source), "-o", str(target))
    assert again.returncode == 1, again.stderr
    assert "0 succeeded, 0 failed, 3 already done; 3 failed lines in the output" in again.stderr
    redone = run(mock, str(source), "-o", str(target), "--retry-failed")
    assert redone.returncode == 0, redone.stderr
    assert sorted(result_ids(target)) == ["r0", "r1", "r2"]


@pytest.mark.slow
def test_sigterm_ends_the_run_even_when_the_requests_in_flight_never_answer(
    mock: RunningMock, tmp_path: Path
) -> None:
    source = write_input(tmp_path / "in.jsonl", 4)
    target = tmp_path / "out.jsonl"
    stalled = ["-H", "X-Mock-Fault: slow-first-byte", "-H", "X-Mock-Delay-Ms: 60000"]
    process = start(mock, str(source), "-o", str(target), "--concurrency", "2", *stalled)
    try:
        deadline = time.monotonic() + 30
        while not target.exists() and time.monotonic() < deadline:  # OUT opens after the signal handlers
            time.sleep(0.02)
        time.sleep(0.5)  # the requests are in flight
        process.send_signal(signal.SIGTERM)
        started = time.monotonic()
        _, stderr = process.communicate(timeout=30)
    finally:
        process.kill()
    assert time.monotonic() - started < 15  # the 10 s grace, and no more
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert "abandoned the requests in flight" in stderr
    assert target.read_bytes() == b""

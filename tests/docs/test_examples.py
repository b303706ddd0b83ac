"""Every script in examples/ runs against the mock as its first lines say, and does what it says.

The scripts run in a fresh interpreter with the two variables a reader sets for `make mock`; the
FastAPI service is served by uvicorn on loopback and called over HTTP, as a user would call it.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def run_example(name: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(EXAMPLES / name)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_every_example_says_how_to_run_it_against_the_mock() -> None:
    scripts = sorted(EXAMPLES.glob("*.py"))
    assert {path.name for path in scripts} >= {
        "quickstart.py",
        "stream.py",
        "tool_loop.py",
        "structured_output.py",
        "fastapi_stream_proxy.py",
        "bulk_job.py",
        "batch_api.py",
    }
    for script in scripts:
        head = script.read_text(encoding="utf-8").splitlines()[:3]
        assert "make mock" in head[0], script.name
        assert f"SILICONFLOW_API_KEY=sk-mock python examples/{script.name}" in head[1], script.name
    assert set(TESTED) == {path.name for path in scripts}, "a new example needs a test here"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("quickstart.py", ["Answer: You said: Why is the sky blue?", "Reasoning: Thinking about:"]),
        ("stream.py", ["You said: Why is the sky blue?", "tokens, trace id"]),
        ("tool_loop.py", ["[get_city] -> Paris; now call get_weather", "3 rounds, 6 messages"]),
        ("structured_output.py", ["mock, mock: 1 people (1 attempt(s))"]),
    ],
)
def test_script(name: str, expected: list[str], reader_env: dict[str, str], tmp_path: Path) -> None:
    result = run_example(name, reader_env, tmp_path)
    assert result.returncode == 0, result.stderr
    for text in expected:
        assert text in result.stdout, f"{text!r} not in:\n{result.stdout}"


def test_bulk_job(reader_env: dict[str, str], tmp_path: Path) -> None:
    inputs = (EXAMPLES / "bulk_input.jsonl").read_text(encoding="utf-8").splitlines()
    first = run_example("bulk_job.py", reader_env, tmp_path)
    assert first.returncode == 1, first.stderr  # the one line with a model that does not exist
    assert f"succeeded {len(inputs) - 1}, failed 1" in first.stdout
    assert "q-7: error 20012" in first.stdout
    results = [json.loads(line) for line in (tmp_path / "bulk_output.jsonl").read_text().splitlines()]
    assert sorted(r["custom_id"] for r in results) == sorted(json.loads(line)["custom_id"] for line in inputs)
    again = run_example("bulk_job.py", reader_env, tmp_path)
    assert "succeeded 0, failed 0" in again.stdout  # every line was done: nothing sent twice
    assert len((tmp_path / "bulk_output.jsonl").read_text().splitlines()) == len(inputs)


@pytest.mark.slow
def test_batch_api(reader_env: dict[str, str], tmp_path: Path) -> None:
    result = run_example("batch_api.py", reader_env, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "completed" in result.stdout
    assert "q-1: You said: Why is the sky blue?" in result.stdout
    assert "q-7: error" in result.stdout


@pytest.fixture
def proxy(reader_env: dict[str, str], tmp_path: Path) -> Iterator[str]:
    """examples/fastapi_stream_proxy.py served by uvicorn on a free loopback port, as its `__main__` does."""
    pytest.importorskip("fastapi")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**reader_env, "PORT": str(port)}
    process = subprocess.Popen(
        [sys.executable, str(EXAMPLES / "fastapi_stream_proxy.py")],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(url + "/docs", timeout=0.5)
                break
            except httpx.TransportError:
                if process.poll() is not None:
                    pytest.fail(f"the service exited: {process.stderr.read() if process.stderr else ''}")
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stderr is not None:
            process.stderr.close()


@pytest.mark.slow
def test_fastapi_stream_proxy(proxy: str) -> None:
    with httpx.stream("POST", proxy + "/chat", json={"question": "Hi"}, timeout=30) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        events = [line.removeprefix("data: ") for line in response.iter_lines() if line.startswith("data: ")]
    assert events[-1] == "[DONE]"
    chunks = [json.loads(event) for event in events[:-1]]
    text = "".join(choice["delta"].get("content") or "" for chunk in chunks for choice in chunk["choices"])
    assert text == "You said: Hi"

    bad = httpx.post(proxy + "/chat", json={"question": "Hi", "model": "mock/does-not-exist"}, timeout=30)
    assert bad.status_code == 400  # an HTTP error before the stream, not an empty 200
    assert "Model does not exist" in bad.json()["error"]

    whole = httpx.post(proxy + "/answer", json={"question": "Hi"}, timeout=30)
    assert whole.status_code == 200
    assert whole.json()["choices"][0]["message"]["content"] == "You said: Hi"


TESTED = {
    "quickstart.py",
    "stream.py",
    "tool_loop.py",
    "structured_output.py",
    "bulk_job.py",
    "batch_api.py",
    "fastapi_stream_proxy.py",
}

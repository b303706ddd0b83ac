"""`siliconflow chat --trace`: the call's spans on stderr, stdout's contract unchanged, never the key."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from siliconflow_mock import RunningMock, serve_in_background

SCRIPT = Path(sys.executable).with_name("siliconflow")
CANARY_KEY = f"sk-canary-{secrets.token_hex(16)}"


@pytest.fixture(scope="module")
def mock() -> Iterator[RunningMock]:
    with serve_in_background(token=CANARY_KEY) as running:
        yield running


def _run(mock: RunningMock, *args: str, python: str | None = None) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SILICONFLOW_", "OTEL_"))}
    env = {**clean, "SILICONFLOW_API_KEY": CANARY_KEY, "SILICONFLOW_BASE_URL": mock.base_url}
    command = [str(SCRIPT)] if python is None else [sys.executable, "-c", python]
    result = subprocess.run(
        [*command, "chat", *args], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert CANARY_KEY not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result


@pytest.mark.parametrize("stream", [[], ["--stream"]])
def test_trace_prints_the_chat_span_to_stderr(mock: RunningMock, stream: list[str]) -> None:
    result = _run(mock, "--json", "--trace", *stream, "hello")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["object"] == "chat.completion"  # stdout is still one JSON document
    span = json.loads(result.stderr)
    assert span["name"].startswith("chat ")
    assert span["kind"] == "SpanKind.CLIENT"
    assert span["attributes"]["gen_ai.provider.name"] == "siliconflow"
    assert span["attributes"]["gen_ai.usage.output_tokens"] > 0


def test_trace_without_the_sdk_is_one_line_naming_the_package(mock: RunningMock) -> None:
    block_sdk = (
        "import sys; sys.modules['opentelemetry.sdk'] = None; "
        "sys.argv[0] = 'siliconflow'; from siliconflow_cli.main import main; sys.exit(main())"
    )
    result = _run(mock, "--trace", "hello", python=block_sdk)
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert "opentelemetry-sdk" in line

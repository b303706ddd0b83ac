"""`make demo` without a key: the mock, a streamed thinking chat through the console script, exit 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

DEMO = Path(__file__).parents[2] / "scripts" / "demo.py"


@pytest.mark.slow
def test_demo_without_a_key_shows_reasoning_then_answer_from_the_mock() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SILICONFLOW_", "NO_COLOR"))}
    result = subprocess.run(
        [sys.executable, str(DEMO), "Hello demo"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "talks to the local mock at http://127.0.0.1:" in result.stdout
    reasoning = result.stdout.index("Reasoning:\nThinking about: Hello demo\n")
    answer = result.stdout.index("Answer:\nYou said: Hello demo\n")
    usage = result.stdout.index("Usage: ")
    assert reasoning < answer < usage
    # It ends by saying where the command is, since `make demo` does not put it on PATH.
    tail = result.stdout[usage:]
    assert f"{Path(sys.executable).with_name('siliconflow')}" in tail or "/.venv/bin/siliconflow" in tail
    assert "source " in tail
    assert "pip install ." in tail

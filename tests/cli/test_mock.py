"""`siliconflow mock` serves the mock until stopped, and `siliconflow chat` can talk to it."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

SCRIPT = Path(sys.executable).with_name("siliconflow")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_until_listening(port: int, process: subprocess.Popen[str], seconds: float = 15.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "the mock exited early"
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"nothing listened on port {port} within {seconds} s")


def test_mock_subcommand_serves_a_chat_until_stopped() -> None:
    port = free_port()
    token = f"sk-test-{secrets.token_hex(8)}"
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SILICONFLOW_")}
    with subprocess.Popen(
        [str(SCRIPT), "mock", "--port", str(port), "--token", token],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=clean,
    ) as server:
        try:
            wait_until_listening(port, server)
            env = {
                **clean,
                "SILICONFLOW_API_KEY": token,
                "SILICONFLOW_BASE_URL": f"http://127.0.0.1:{port}/v1",
            }
            result = subprocess.run(
                [str(SCRIPT), "chat", "Hi", "--thinking"],
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
        finally:
            server.terminate()
            _, log = server.communicate(timeout=30)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Reasoning:\nThinking about: Hi\n\nAnswer:\nYou said: Hi\n")
    assert f"SiliconFlow mock on http://127.0.0.1:{port}/v1 (token: from --token)" in log
    assert token not in log


def test_mock_subcommand_refuses_a_bad_port() -> None:
    result = subprocess.run(
        [str(SCRIPT), "mock", "--port", "70000"], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 2
    assert "must be at most 65535, got 70000" in result.stderr


def test_mock_subcommand_on_a_taken_port_is_one_clear_failure() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [str(SCRIPT), "mock", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 1
    assert (
        result.stderr.splitlines()[-1] == "siliconflow: error: the mock could not start (see the log above)"
    )
    assert "Traceback" not in result.stderr

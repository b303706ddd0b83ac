"""The mock in its own process, so serving never competes with the client under measurement for the GIL."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

TOKEN = "sk-bench"
_STARTUP_SECONDS = 20.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_until_listening(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + _STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the mock exited with {process.returncode} before listening")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"the mock did not listen on port {port} within {_STARTUP_SECONDS:.0f} s")


@contextmanager
def mock_server(*extra: str) -> Iterator[str]:
    """Run `python -m siliconflow_mock` on a free loopback port; yield its base URL (with /v1).

    `extra`: more arguments for the mock, e.g. `--rpm 600`."""
    port = free_port()
    command = [sys.executable, "-m", "siliconflow_mock", "--host", "127.0.0.1", "--port", str(port), *extra]
    env = {**os.environ, "SILICONFLOW_MOCK_TOKEN": TOKEN}
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_listening(port, process)
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

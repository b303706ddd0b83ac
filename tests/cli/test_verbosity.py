"""`siliconflow chat --verbose` shows the library's notes (drift here); without it, stderr stays quiet.

The server is a tiny loopback HTTP server whose answers carry a field and a finish reason the spec
does not know; the CLI runs in a subprocess, since drift is logged once per process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).with_name("siliconflow")
KEY = "sk-verbosity-test-0123456789"
COMPLETION = {
    "id": "0123",
    "object": "chat.completion",
    "created": 1,
    "model": "m",
    "choices": [
        {
            "index": 0,
            "message": {"role": "assistant", "content": "Hi", "annotations": []},
            "finish_reason": "content_filter",
        }
    ],
    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
}


class Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length", "0")))
        body = json.dumps(COMPLETION).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()


def chat(base_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SILICONFLOW_")}
    env.update(SILICONFLOW_API_KEY=KEY, SILICONFLOW_BASE_URL=base_url)
    command = [str(SCRIPT), "chat", "hello", "--no-stream", *args]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert KEY not in result.stdout + result.stderr
    return result


def test_without_verbose_drift_is_not_shown(base_url: str) -> None:
    result = chat(base_url)
    assert "Hi" in result.stdout
    assert "drift" not in result.stderr


def test_verbose_shows_each_drift_path_once(base_url: str) -> None:
    result = chat(base_url, "--verbose")
    drift_lines = [line for line in result.stderr.splitlines() if "drift" in line]
    assert len(drift_lines) == 2
    assert any("choices[].message.annotations" in line for line in drift_lines)
    assert any("choices[].finish_reason=content_filter" in line for line in drift_lines)
    assert all(line.startswith("siliconflow: ") and "spec may need an update" in line for line in drift_lines)


def test_configuring_twice_leaves_one_handler() -> None:
    import io
    import logging

    from siliconflow_cli.verbosity import LIBRARY_LOGGER, configure_logging

    logger = logging.getLogger(LIBRARY_LOGGER)
    before = list(logger.handlers)
    try:
        out = io.StringIO()
        configure_logging(True, out)
        configure_logging(True, out)
        logging.getLogger("siliconflow._core.drift").warning("API drift: x")
        assert out.getvalue() == "siliconflow: API drift: x\n"
        configure_logging(False, out)
        assert [type(h) for h in logger.handlers if h not in before] == [logging.NullHandler]
    finally:
        for handler in [h for h in logger.handlers if h not in before]:
            logger.removeHandler(handler)
        logger.propagate = True
        logger.setLevel(logging.NOTSET)

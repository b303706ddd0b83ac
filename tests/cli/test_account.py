"""`siliconflow models` and `siliconflow balance`, run as the console script against the mock."""

from __future__ import annotations

import contextlib
import http.server
import json
import os
import secrets
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from siliconflow_mock import RunningMock, serve_in_background
from siliconflow_mock.listing import MODEL_TABLE

SCRIPT = Path(sys.executable).with_name("siliconflow")
CANARY_KEY = f"sk-canary-{secrets.token_hex(16)}"


@pytest.fixture(scope="module")
def mock() -> Iterator[RunningMock]:
    with serve_in_background(token=CANARY_KEY) as running:
        yield running


def run_cli(*args: str, key: str = CANARY_KEY, base_url: str = "") -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SILICONFLOW_")}
    env = {**clean, "SILICONFLOW_API_KEY": key, "SILICONFLOW_BASE_URL": base_url}
    return subprocess.run(
        [str(SCRIPT), *args], env=env, capture_output=True, text=True, timeout=60, check=False
    )


def test_models_prints_one_id_a_line(mock: RunningMock) -> None:
    result = run_cli("models", base_url=mock.base_url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == list(MODEL_TABLE)


def test_models_filters_and_prints_json(mock: RunningMock) -> None:
    result = run_cli("models", "--sub-type", "embedding", "--json", base_url=mock.base_url)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        {"id": "BAAI/bge-m3", "object": "model", "created": 0, "owned_by": ""}
    ]


def test_models_refuses_an_unknown_type_with_usage_status(mock: RunningMock) -> None:
    result = run_cli("models", "--type", "hologram", base_url=mock.base_url)
    assert result.returncode == 2
    assert "type must be one of" in result.stderr


ACCOUNT = {"id": "u1", "balance": "0.88", "chargeBalance": "88.00", "totalBalance": "88.88"}
ENVELOPE = json.dumps({"code": 20000, "message": "OK", "status": True, "data": ACCOUNT}).encode()


@contextlib.contextmanager
def answering(status: int, body: bytes, content_type: str = "application/json") -> Iterator[str]:
    """A loopback server answering every GET with `status` and `body`; yields its base URL."""

    class Answer(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(status)
            self.send_header("content-type", content_type)
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Answer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()


# The live endpoint (and the mock) answer 410 since 2026-08-14; a server that still answers 200
# (an older gateway, a proxy's replay) is printed as before.
def test_balance_prints_the_three_balances_labelled() -> None:
    with answering(200, ENVELOPE) as base_url:
        result = run_cli("balance", base_url=base_url)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == ["gift balance", "charged balance", "total balance"]
    assert [line.split()[-1] for line in lines] == ["0.88", "88.00", "88.88"]


def test_balance_json_keeps_the_exact_decimal_strings() -> None:
    with answering(200, ENVELOPE) as base_url:
        result = run_cli("balance", "--json", base_url=base_url)
    assert json.loads(result.stdout) == {"balance": "0.88", "chargeBalance": "88.00", "totalBalance": "88.88"}


@pytest.mark.parametrize("command", ["models", "balance"])
def test_a_wrong_key_is_one_line_on_stderr_and_status_1(mock: RunningMock, command: str) -> None:
    wrong = f"sk-wrong-{secrets.token_hex(16)}"
    result = run_cli(command, key=wrong, base_url=mock.base_url)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("siliconflow: error: HTTP 401")
    assert len(result.stderr.splitlines()) == 1
    assert wrong not in result.stderr
    assert "Traceback" not in result.stderr


def test_balance_on_a_server_without_user_info_says_it_may_be_retired(mock: RunningMock) -> None:
    # A base URL whose /user/info does not exist: the mock answers 404 page not found.
    result = run_cli("balance", base_url=mock.base_url + "/gone")
    assert result.returncode == 1
    assert "may have retired" in result.stderr


def gone_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert CANARY_KEY not in result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


@pytest.mark.parametrize("as_json", [False, True])
def test_balance_against_the_mock_is_the_retired_endpoint_in_one_line(
    mock: RunningMock, as_json: bool
) -> None:
    result = run_cli("balance", *(["--json"] if as_json else []), base_url=mock.base_url)
    line = gone_line(result)
    assert line.startswith("siliconflow: error: HTTP 410")
    assert "retired by SiliconFlow on 2026-08-14" in line


def test_a_bare_string_410_is_the_same_line() -> None:
    with answering(410, b"410 Gone", "text/plain") as base_url:
        line = gone_line(run_cli("balance", base_url=base_url))
    assert "410" in line
    assert "2026-08-14" in line

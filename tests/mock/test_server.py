"""The mock over real loopback sockets: the background runner, the command line, socket-level faults."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from typing import Any

import httpx
import pytest
from siliconflow_mock import RunningMock, serve_in_background
from siliconflow_mock.server import base_url

BODY: dict[str, Any] = {
    "model": "deepseek-ai/DeepSeek-V3",
    "messages": [{"role": "user", "content": "a b c d e f"}],
}


def client_for(mock: RunningMock, timeout: float = 5.0) -> httpx.Client:
    return httpx.Client(
        base_url=mock.base_url, headers={"Authorization": f"Bearer {mock.token}"}, timeout=timeout
    )


def test_the_session_mock_serves_on_a_free_loopback_port(mock_server: RunningMock) -> None:
    assert mock_server.base_url == f"http://127.0.0.1:{mock_server.port}/v1"
    assert mock_server.port > 0
    assert mock_server.token == "sk-mock"
    with client_for(mock_server) as client:
        response = client.post("/chat/completions", json=BODY)
    assert response.json()["choices"][0]["message"]["content"] == "You said: a b c d e f"


def test_a_background_mock_takes_its_own_token_and_stops_on_exit() -> None:
    with serve_in_background(token="sk-own") as mock:
        with client_for(mock) as client:
            assert client.post("/chat/completions", json=BODY).status_code == 200
        with httpx.Client(base_url=mock.base_url) as anonymous:
            assert anonymous.post("/chat/completions", json=BODY).status_code == 401
    with pytest.raises(httpx.ConnectError), httpx.Client(base_url=mock.base_url) as late:
        late.post("/chat/completions", json=BODY)


def test_a_taken_port_fails_in_the_caller(mock_server: RunningMock) -> None:
    with pytest.raises(OSError, match="in use"), serve_in_background(port=mock_server.port):
        pass


def test_small_answers_do_not_wait_for_delayed_acks(mock_server: RunningMock) -> None:
    # Regression: the background runner's socket once lacked TCP_NODELAY, and every small response
    # took ~44 ms on loopback (Nagle waiting for a delayed ACK) instead of ~2 ms.
    with client_for(mock_server) as client:
        client.post("/chat/completions", json=BODY)  # connect first
        times = []
        for _ in range(20):
            started = time.monotonic()
            client.post("/chat/completions", json=BODY)
            times.append(time.monotonic() - started)
    # Nagle delays every response by ~40 ms; a loaded machine delays only some. So the fastest of
    # 20 tells them apart where their total does not.
    assert min(times) < 0.03, f"the fastest of 20 small requests took {min(times):.3f} s"


def test_ipv6_hosts_are_bracketed() -> None:
    assert base_url("::1", 8000) == "http://[::1]:8000/v1"


def test_connection_reset_gives_no_response(mock_server: RunningMock) -> None:
    with client_for(mock_server) as client, pytest.raises((httpx.ReadError, httpx.RemoteProtocolError)):
        client.post("/chat/completions", json=BODY, headers={"X-Mock-Fault": "connection-reset"})
    # The server itself is fine afterwards.
    with client_for(mock_server) as client:
        assert client.post("/chat/completions", json=BODY).status_code == 200


def test_stream_reset_breaks_the_connection_after_some_chunks(mock_server: RunningMock) -> None:
    received: list[str] = []
    headers = {"X-Mock-Fault": "stream-reset", "X-Mock-Fault-After": "3"}
    body = {**BODY, "stream": True}
    with (
        client_for(mock_server) as client,
        client.stream("POST", "/chat/completions", json=body, headers=headers) as response,
    ):
        assert response.status_code == 200
        with pytest.raises((httpx.ReadError, httpx.RemoteProtocolError)):
            received.extend(line for line in response.iter_lines() if line)  # keeps what came before
    # What arrived before the reset is intact: the partial output a client must keep.
    assert len(received) == 3
    assert all(line.startswith('data: {"id":') for line in received)


def test_slow_first_byte_trips_a_read_timeout_then_a_retry_succeeds(mock_server: RunningMock) -> None:
    headers = {
        "X-Mock-Fault": "slow-first-byte",
        "X-Mock-Delay-Ms": "1000",
        "X-Mock-Fault-Times": "1",
        "X-Mock-Fault-Key": f"slow-{time.monotonic_ns()}",
    }
    with client_for(mock_server, timeout=0.3) as client:
        with pytest.raises(httpx.ReadTimeout):
            client.post("/chat/completions", json=BODY, headers=headers)
        started = time.monotonic()
        assert client.post("/chat/completions", json=BODY, headers=headers).status_code == 200
        assert time.monotonic() - started < 0.3


def run_module(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "siliconflow_mock", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, **(env or {})},
    )


def test_the_command_line_serves_with_the_token_from_the_environment() -> None:
    with serve_in_background() as probe:  # borrow a free port, release it for the child
        port = probe.port
    process = run_module("--port", str(port), env={"SILICONFLOW_MOCK_TOKEN": "sk-from-env"})
    try:
        assert process.stdout is not None
        first_line = process.stdout.readline()
        assert first_line.strip() == (
            f"SiliconFlow mock on http://127.0.0.1:{port}/v1 (token: from $SILICONFLOW_MOCK_TOKEN)"
        )
        assert "sk-from-env" not in first_line  # a token from the environment is never printed
        url = f"http://127.0.0.1:{port}/v1/chat/completions"
        deadline = time.monotonic() + 10
        while True:
            try:
                response = httpx.post(url, json=BODY, headers={"Authorization": "Bearer sk-from-env"})
                break
            except httpx.ConnectError:
                assert time.monotonic() < deadline, "the mock did not start"
                time.sleep(0.05)
        assert response.status_code == 200
    finally:
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=10)
    assert process.returncode == 0
    assert "Traceback" not in output


def test_the_command_line_explains_its_options() -> None:
    process = run_module("--help")
    output, _ = process.communicate(timeout=10)
    assert process.returncode == 0
    for option in ("--host", "--port", "--token", "SILICONFLOW_MOCK_TOKEN"):
        assert option in output


def test_a_bad_port_is_a_usage_error_not_a_traceback() -> None:
    process = run_module("--port", "eighty")
    output, _ = process.communicate(timeout=10)
    assert process.returncode == 2
    assert re.search(r"argument --port: invalid int value: 'eighty'", output)
    assert "Traceback" not in output

"""The `siliconflow` console script, run in a subprocess against the mock on a loopback port."""

from __future__ import annotations

import json
import os
import pty
import secrets
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from siliconflow import SiliconFlow
from siliconflow_api.models import ChatCompletionRequest, UserMessage
from siliconflow_cli.render import DIM, RESET
from siliconflow_mock import MISSING_MODEL, RunningMock, serve_in_background

SCRIPT = Path(sys.executable).with_name("siliconflow")
# A key no output may ever contain; long and random so a hit cannot be a coincidence.
CANARY_KEY = f"sk-canary-{secrets.token_hex(16)}"
WRONG_KEY = f"sk-wrong-{secrets.token_hex(16)}"
PROMPT = "Why is the sky blue?"


@pytest.fixture(scope="module")
def mock() -> Iterator[RunningMock]:
    with serve_in_background(token=CANARY_KEY) as running:
        yield running


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    assert SCRIPT.exists(), f"the console script is not installed at {SCRIPT}: pip install -e ."
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SILICONFLOW_", "NO_COLOR"))}
    result = subprocess.run(
        [str(SCRIPT), *args],
        env={**clean, **(env or {})},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    for secret in (CANARY_KEY, WRONG_KEY):
        assert secret not in result.stdout
        assert secret not in result.stderr
    assert "Traceback" not in result.stderr
    return result


def chat(mock: RunningMock, *args: str, key: str = CANARY_KEY) -> subprocess.CompletedProcess[str]:
    """`siliconflow chat` with the key and base URL from the environment, as a user would set them."""
    env = {"SILICONFLOW_API_KEY": key, "SILICONFLOW_BASE_URL": mock.base_url}
    return run_cli("chat", *args, env=env)


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("siliconflow")
    return lines[0]


def without_identity(completion: dict[str, Any]) -> dict[str, Any]:
    """A completion minus what differs on every request (the mock makes a new id and time)."""
    return {k: v for k, v in completion.items() if k not in ("id", "created")}


def test_streamed_chat_shows_reasoning_then_answer_then_usage(mock: RunningMock) -> None:
    result = chat(mock, PROMPT, "--thinking")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == (
        f"Reasoning:\nThinking about: {PROMPT}\n\n"
        f"Answer:\nYou said: {PROMPT}\n\n"
        "Usage: 6 prompt + 9 reasoning + 9 answer = 24 tokens\n"
    )


def test_non_streamed_chat_prints_the_same(mock: RunningMock) -> None:
    streamed = chat(mock, PROMPT, "--thinking")
    single = chat(mock, PROMPT, "--thinking", "--no-stream")
    assert single.returncode == 0, single.stderr
    assert single.stdout == streamed.stdout


def test_no_thinking_shows_only_the_answer(mock: RunningMock) -> None:
    result = chat(mock, PROMPT, "--no-thinking", "--system", "Be brief.")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Answer:\nYou said: {PROMPT}\n\nUsage: ")
    assert "Reasoning:" not in result.stdout


def request_for_library() -> ChatCompletionRequest:
    return ChatCompletionRequest(
        model="Qwen/Qwen3-8B", messages=[UserMessage(role="user", content=PROMPT)], enable_thinking=True
    )


def test_json_of_a_stream_is_the_completion_the_library_accumulates(mock: RunningMock) -> None:
    result = chat(mock, PROMPT, "--thinking", "--json")
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)  # exactly one document: json.loads refuses trailing text
    with SiliconFlow(api_key=mock.token, base_url=mock.base_url) as client:
        with client.stream(request_for_library()) as stream:
            accumulated = stream.get_final_completion().to_dict()
        single = client.create(request_for_library()).to_dict()
    assert printed["object"] == "chat.completion"
    assert printed["choices"][0]["message"]["reasoning_content"] == f"Thinking about: {PROMPT}"
    assert without_identity(printed) == without_identity(accumulated)
    assert without_identity(printed) == without_identity(single)


def test_json_without_stream_is_the_completion_the_library_returns(mock: RunningMock) -> None:
    result = chat(mock, PROMPT, "--thinking", "--no-stream", "--json")
    assert result.returncode == 0, result.stderr
    with SiliconFlow(api_key=mock.token, base_url=mock.base_url) as client:
        single = client.create(request_for_library()).to_dict()
    assert without_identity(json.loads(result.stdout)) == without_identity(single)


def test_a_wrong_key_is_one_line_with_the_status_and_the_servers_message(mock: RunningMock) -> None:
    result = chat(mock, PROMPT, key=WRONG_KEY)
    assert result.returncode == 1
    assert result.stdout == ""
    line = one_error_line(result)
    assert "HTTP 401" in line
    assert "Invalid token" in line


@pytest.mark.parametrize("stream", ["--stream", "--no-stream"])
def test_a_bad_request_names_status_code_and_message(mock: RunningMock, stream: str) -> None:
    result = chat(mock, PROMPT, "--model", MISSING_MODEL, stream)
    assert result.returncode == 1
    assert result.stdout == ""
    line = one_error_line(result)
    assert "HTTP 400 (code 20012): Model does not exist. Please check it carefully." in line


def test_an_overloaded_server_is_reported_after_the_retries(mock: RunningMock) -> None:
    result = chat(mock, PROMPT, "--max-retries", "0", "-H", "X-Mock-Fault: overloaded")
    assert result.returncode == 1
    assert "HTTP 503 (code 50505)" in one_error_line(result)


def test_a_broken_stream_keeps_what_arrived_and_exits_3(mock: RunningMock) -> None:
    result = chat(mock, PROMPT, "--thinking", "-H", "X-Mock-Fault: stream-cut", "-H", "X-Mock-Fault-After: 5")
    assert result.returncode == 3
    assert result.stdout.startswith("Reasoning:\nThinking about:")
    assert "data: [DONE]" in one_error_line(result)


def test_a_broken_stream_with_json_prints_the_partial_completion(mock: RunningMock) -> None:
    result = chat(mock, PROMPT, "--thinking", "--json", "-H", "X-Mock-Fault: error-event")
    assert result.returncode == 3
    partial = json.loads(result.stdout)
    assert partial["object"] == "chat.completion"
    assert partial["choices"][0]["finish_reason"] is None
    assert partial["choices"][0]["message"]["reasoning_content"].startswith("Thinking")
    assert "code 50505" in one_error_line(result)


def test_an_unreachable_server_is_a_network_error() -> None:
    with socket.socket() as probe:  # a port nothing listens on: bound, never listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        env = {"SILICONFLOW_API_KEY": CANARY_KEY}
        result = run_cli(
            "chat", PROMPT, "--base-url", f"http://127.0.0.1:{port}/v1", "--max-retries", "0", env=env
        )
    assert result.returncode == 1
    assert "Connection error" in one_error_line(result)


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--thinking-budget", "64"], "thinking_budget must be at least 128 tokens, got 64"),
        (["--thinking-budget", "40000"], "thinking_budget must be at most 32768 tokens, got 40000"),
        (["--max-tokens", "0"], "--max-tokens: must be at least 1, got 0"),
        (["--timeout", "abc"], "--timeout: expected a number, got 'abc'"),
        (["--base-url", "ftp://example.com/v1"], "base_url must start with https:// or http://"),
        (["--base-url", "http://[::1"], "base_url is not a usable URL: 'http://[::1' (Invalid port"),
        (["-H", "no colon"], "--header must look like 'Name: value'"),
        (["--frobnicate"], "unrecognized arguments: --frobnicate"),
    ],
)
def test_usage_errors_exit_2_with_a_clear_message(mock: RunningMock, args: list[str], fragment: str) -> None:
    result = chat(mock, PROMPT, *args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert fragment in result.stderr


def test_a_missing_key_is_a_usage_error() -> None:
    result = run_cli("chat", PROMPT)
    assert result.returncode == 2
    assert "no API key: pass --api-key or set SILICONFLOW_API_KEY" in one_error_line(result)


def test_the_key_can_come_from_the_option(mock: RunningMock) -> None:
    result = run_cli("chat", PROMPT, "--api-key", CANARY_KEY, "--base-url", mock.base_url, "--no-stream")
    assert result.returncode == 0, result.stderr
    assert "You said:" in result.stdout


def test_on_a_terminal_the_reasoning_is_dim_labelled_and_live(mock: RunningMock) -> None:
    controller, terminal = pty.openpty()
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SILICONFLOW_", "NO_COLOR"))}
    env = {**clean, "TERM": "xterm", "SILICONFLOW_API_KEY": CANARY_KEY, "SILICONFLOW_BASE_URL": mock.base_url}
    with subprocess.Popen(
        [str(SCRIPT), "chat", PROMPT, "--thinking"], stdout=terminal, stderr=subprocess.PIPE, env=env
    ) as process:
        os.close(terminal)
        output = read_terminal(controller)
        assert process.wait(timeout=60) == 0
    os.close(controller)
    text = output.decode().replace("\r\n", "\n")
    assert text == (
        f"{DIM}Reasoning:\nThinking about: {PROMPT}{RESET}\n\n"
        f"{DIM}Answer:{RESET}\nYou said: {PROMPT}\n\n"
        f"{DIM}Usage: 6 prompt + 9 reasoning + 9 answer = 24 tokens{RESET}\n"
    )
    assert CANARY_KEY not in text


def read_terminal(controller: int) -> bytes:
    """Everything the child writes to its terminal, until it closes it."""
    output = b""
    while True:
        try:
            data = os.read(controller, 4096)
        except OSError:  # EIO: the child closed its side
            return output
        if not data:
            return output
        output += data


def test_a_reader_that_goes_away_ends_the_command_quietly(mock: RunningMock) -> None:
    env = {**os.environ, "SILICONFLOW_API_KEY": CANARY_KEY, "SILICONFLOW_BASE_URL": mock.base_url}
    args = [str(SCRIPT), "chat", PROMPT, "-H", "X-Mock-Chunk-Delay-Ms: 20"]
    with subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        assert process.stdout.read(3) == b"Rea"
        process.stdout.close()  # like `| head -c 3`
        assert process.wait(timeout=60) == 0
        assert process.stderr.read() == b""


def test_a_terminal_without_unicode_gets_escapes_not_a_crash(mock: RunningMock) -> None:
    env = {
        "SILICONFLOW_API_KEY": CANARY_KEY,
        "SILICONFLOW_BASE_URL": mock.base_url,
        "PYTHONIOENCODING": "ascii",
    }
    human = run_cli("chat", "天空为什么是蓝色", env=env)
    assert human.returncode == 0, human.stderr
    assert "You said: \\u5929\\u7a7a" in human.stdout
    as_json = run_cli("chat", "天空为什么是蓝色", "--json", env=env)
    assert as_json.returncode == 0, as_json.stderr
    assert json.loads(as_json.stdout)["choices"][0]["message"]["content"] == "You said: 天空为什么是蓝色"


@pytest.mark.parametrize("stream", ["--stream", "--no-stream"])
def test_an_answer_cut_by_max_tokens_says_so(mock: RunningMock, stream: str) -> None:
    result = chat(mock, PROMPT, "--no-thinking", "--max-tokens", "2", stream)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].endswith("answer = 8 tokens (finish_reason: length)")


@pytest.mark.slow
def test_deadline_stops_a_stream_and_keeps_what_arrived(mock: RunningMock) -> None:
    result = chat(mock, PROMPT, "--deadline", "0.8", "-H", "X-Mock-Chunk-Delay-Ms: 300")
    assert result.returncode == 3, result.stderr
    assert "the deadline of 0.8 s passed" in one_error_line(result)
    assert result.stdout  # the chunks that arrived in time were printed first


@pytest.mark.slow
def test_deadline_stops_a_call_that_waits_too_long(mock: RunningMock) -> None:
    slow = ["-H", "X-Mock-Fault: slow-first-byte", "-H", "X-Mock-Delay-Ms: 20000"]
    result = chat(mock, PROMPT, "--no-stream", "--deadline", "0.8", *slow)
    assert result.returncode == 1, result.stderr
    assert "timed out" in one_error_line(result)


@pytest.mark.parametrize("value", ["0", "-1", "abc", "inf"])
def test_deadline_must_be_a_positive_number(mock: RunningMock, value: str) -> None:
    result = chat(mock, PROMPT, "--deadline", value)
    assert result.returncode == 2
    assert "argument --deadline: " in result.stderr  # a value refused, not an unknown option


@pytest.mark.parametrize("stream", ["--stream", "--no-stream"])
def test_ctrl_c_while_waiting_says_interrupted_the_same_way(stream: str) -> None:
    # A loopback server that accepts and never answers: SIGINT lands while the command waits.
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        env = {**os.environ, "SILICONFLOW_API_KEY": CANARY_KEY}
        base_url = f"http://127.0.0.1:{server.getsockname()[1]}/v1"
        args = [str(SCRIPT), "chat", PROMPT, "--base-url", base_url, stream]
        with subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as process:
            server.settimeout(60)
            connection, _ = server.accept()
            with connection:
                connection.recv(65536)  # the request has been sent
                process.send_signal(signal.SIGINT)
                stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert stdout == b""
    assert stderr == b"siliconflow: interrupted\n"


@pytest.mark.slow
def test_ctrl_c_during_a_stream_keeps_what_arrived_and_says_interrupted(mock: RunningMock) -> None:
    env = {**os.environ, "SILICONFLOW_API_KEY": CANARY_KEY, "SILICONFLOW_BASE_URL": mock.base_url}
    args = [str(SCRIPT), "chat", PROMPT, "--thinking", "-H", "X-Mock-Chunk-Delay-Ms: 500"]  # ~10 s in all
    with subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as process:
        assert process.stdout is not None
        assert process.stdout.read(len("Reasoning:\nThinking")) == b"Reasoning:\nThinking"
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert stderr == b"siliconflow: interrupted\n"
    assert b"You said" not in stdout
    assert stdout.splitlines()[-1].startswith(b"Usage: ")  # the partial text is closed, then usage

"""Hostile files and arguments given to `siliconflow chat`: one line on stderr and an exit status,
never a traceback, and memory bounded (a subprocess under `ulimit -v`, as a user would meet it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import siliconflow_cli.chat as chat_module
from siliconflow_cli.main import main
from siliconflow_mock import RunningMock

SCRIPT = Path(sys.executable).with_name("siliconflow")
KEY = "sk-hostile-input-canary-0123456789"
# The address space the command may use (`ulimit -v`): reading /dev/zero whole would pass it.
MEMORY_LIMIT = 1 << 30
LIMITED = """
import os, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[1]), int(sys.argv[1])))
os.execv(sys.argv[2], sys.argv[2:])
"""


def environment(mock: RunningMock | None) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SILICONFLOW_")}
    base_url = mock.base_url if mock is not None else "http://127.0.0.1:9/v1"
    return {
        **clean,
        "SILICONFLOW_API_KEY": KEY if mock is None else mock.token,
        "SILICONFLOW_BASE_URL": base_url,
    }


def chat(
    *args: str | bytes, mock: RunningMock | None = None, stdin: bytes = b""
) -> subprocess.CompletedProcess[str]:
    """`siliconflow chat ARGS` with memory limited; arguments may be bytes (not UTF-8)."""
    command: list[str | bytes] = [
        sys.executable,
        "-c",
        LIMITED,
        str(MEMORY_LIMIT),
        str(SCRIPT),
        "chat",
        *args,
    ]
    result = subprocess.run(
        command, input=stdin, env=environment(mock), capture_output=True, timeout=60, check=False
    )
    stderr = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr
    assert KEY not in stderr
    return subprocess.CompletedProcess(result.args, result.returncode, result.stdout.decode(), stderr)


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture
def deep_list(tmp_path: Path) -> Path:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="ascii")
    return path


@pytest.fixture
def huge_number(tmp_path: Path) -> Path:
    path = tmp_path / "number.json"
    path.write_text('[{"role": "user", "content": "hi", "n": ' + "9" * 5000 + "}]", encoding="ascii")
    return path


def test_messages_nested_100000_deep_is_a_usage_error(deep_list: Path) -> None:
    result = chat("--messages", str(deep_list), "hi")
    assert result.returncode == 2
    assert one_line(result) == f"siliconflow chat: error: {str(deep_list)!r} is not JSON: nested too deeply"


def test_messages_with_a_5000_digit_number_is_a_usage_error(huge_number: Path) -> None:
    result = chat("--messages", str(huge_number), "hi")
    assert result.returncode == 2
    assert one_line(result).startswith(f"siliconflow chat: error: {str(huge_number)!r} is not JSON: ")
    assert "digits" in result.stderr


@pytest.mark.parametrize("flag", ["--messages", "--json-schema"])
def test_a_file_without_end_is_read_only_up_to_a_limit(flag: str) -> None:
    result = chat(flag, "/dev/zero", "hi")
    assert result.returncode == 2
    assert "/dev/zero" in one_line(result)
    assert "larger than 64 MiB" in result.stderr


@pytest.mark.parametrize("prompt", ["@/dev/zero", "-"])
def test_a_prompt_without_end_is_read_only_up_to_a_limit(prompt: str) -> None:
    if prompt == "-":  # stdin: 80 MiB piped in
        result = chat(prompt, stdin=b"a" * (80 << 20))
        where = "stdin"
    else:
        result = chat(prompt)
        where = "/dev/zero"
    assert result.returncode == 2
    assert where in one_line(result)
    assert "larger than 64 MiB" in result.stderr


@pytest.mark.parametrize(
    ("args", "flag"),
    [
        ([b"caf\xe9"], "PROMPT"),
        (["--system", b"\xff\xfe", "hi"], "--system"),
        (["--model", b"Qwen/\xc3", "hi"], "--model"),
        (["--api-key", b"sk-\xff-0123456789abcdef", "hi"], "--api-key"),
        (["-H", b"X-Note: \xff", "hi"], "--header"),
    ],
)
def test_arguments_that_are_not_utf8_are_a_usage_error_naming_the_flag(
    args: list[str | bytes], flag: str
) -> None:
    result = chat(*args)
    assert result.returncode == 2
    assert one_line(result).startswith(f"siliconflow chat: error: {flag} is not UTF-8 text (byte 0x")
    assert "0123456789abcdef" not in result.stderr  # never the key, even a broken one


def test_a_file_name_that_is_not_utf8_is_still_a_file_name(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/caf\xe9.json"
    with open(name, "w", encoding="utf-8") as file:
        file.write("{oops")
    result = chat("--messages", name, "hi")
    assert result.returncode == 2
    assert "is not JSON" in one_line(result)  # the file was found and read


def test_a_session_survives_bad_loads(mock_server: RunningMock, deep_list: Path, huge_number: Path) -> None:
    lines = f"/load {deep_list}\n/load {huge_number}\n/load /dev/zero\nstill here\n".encode()
    result = chat("-i", "--no-thinking", mock=mock_server, stdin=lines)
    assert result.returncode == 0, result.stderr
    errors = result.stderr.splitlines()
    assert len(errors) == 3, result.stderr
    assert "nested too deeply" in errors[0]
    assert "digits" in errors[1]
    assert "larger than 64 MiB" in errors[2]
    assert "You said: still here" in result.stdout


def test_an_unexpected_error_is_one_line_with_exit_70_and_no_key(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object) -> int:
        raise RuntimeError(f"boom\nwith {KEY} in it")

    monkeypatch.setattr(chat_module, "run_chat", broken)
    monkeypatch.setenv("SILICONFLOW_API_KEY", KEY)
    assert main(["chat", "hi"]) == 70
    assert (
        capsys.readouterr().err
        == "siliconflow: error: internal error (RuntimeError): boom with [redacted] in it\n"
    )

"""The prompt from stdin (any size) and from @FILE, for the prompt and --system."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from siliconflow_mock import RunningMock

SCRIPT = Path(sys.executable).with_name("siliconflow")
# A 1 MB prompt: far past what an argument can carry (Linux allows 128 KiB per argument).
MEGABYTE_PROMPT = "".join(f"line {i}: why is the sky blue? 天空为什么是蓝色\n" for i in range(22_000))


def run(mock: RunningMock, args: list[str], stdin: bytes | None) -> subprocess.CompletedProcess[bytes]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SILICONFLOW_", "NO_COLOR"))}
    env = {**clean, "SILICONFLOW_API_KEY": mock.token, "SILICONFLOW_BASE_URL": mock.base_url}
    result = subprocess.run(
        [str(SCRIPT), "chat", *args],
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        env=env,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert b"Traceback" not in result.stderr
    return result


def sent_messages(saved: Path) -> list[dict[str, str]]:
    messages: list[dict[str, str]] = json.loads(saved.read_text(encoding="utf-8"))
    return messages


@pytest.mark.parametrize("prompt_args", [["-"], []], ids=["dash", "piped-without-prompt"])
def test_a_megabyte_prompt_from_stdin_arrives_whole(
    mock_server: RunningMock, tmp_path: Path, prompt_args: list[str]
) -> None:
    assert len(MEGABYTE_PROMPT.encode()) > 1_000_000
    saved = tmp_path / "sent.json"
    args = [*prompt_args, "--no-thinking", "--max-tokens", "1", "--save", str(saved), "--json"]
    result = run(mock_server, args, MEGABYTE_PROMPT.encode())
    assert result.returncode == 0, result.stderr
    # --save writes the messages as sent: the prompt is the whole input, byte for byte.
    assert sent_messages(saved)[0] == {"role": "user", "content": MEGABYTE_PROMPT}
    usage = json.loads(result.stdout)["usage"]
    assert usage["prompt_tokens"] > 200_000  # the server counted all of it


def test_stdin_is_no_longer_sent_as_a_literal_dash(mock_server: RunningMock) -> None:
    result = run(mock_server, ["-", "--no-thinking"], b"Why is the sky blue?\n")
    assert result.returncode == 0, result.stderr
    assert b"You said: Why is the sky blue?" in result.stdout
    assert b"You said: -" not in result.stdout


def test_prompt_and_system_from_files(mock_server: RunningMock, tmp_path: Path) -> None:
    (tmp_path / "prompt.txt").write_text("\ufeffWhat is in this file?\n", encoding="utf-8")
    (tmp_path / "system.txt").write_text("Be brief.", encoding="utf-8")
    saved = tmp_path / "sent.json"
    args = [f"@{tmp_path / 'prompt.txt'}", "--system", f"@{tmp_path / 'system.txt'}", "--save", str(saved)]
    result = run(mock_server, [*args, "--no-thinking"], None)
    assert result.returncode == 0, result.stderr
    assert sent_messages(saved)[:2] == [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "What is in this file?\n"},  # the byte-order mark is not text
    ]


def test_system_from_stdin_with_the_prompt_as_an_argument(mock_server: RunningMock, tmp_path: Path) -> None:
    saved = tmp_path / "sent.json"
    result = run(mock_server, ["Hi", "--system", "@-", "--save", str(saved), "--no-thinking"], b"From stdin.")
    assert result.returncode == 0, result.stderr
    assert sent_messages(saved)[0] == {"role": "system", "content": "From stdin."}


@pytest.mark.parametrize(
    ("args", "stdin", "fragment"),
    [
        (
            ["@/nonexistent/prompt.txt"],
            None,
            b"PROMPT: cannot read @FILE '/nonexistent/prompt.txt': No such file",
        ),
        (["Hi", "--system", "@/"], None, b"--system: cannot read @FILE '/': Is a directory"),
        (["-"], b"caf\xe9\n", b"stdin is not UTF-8 text (byte 3)"),
        (["-"], b"", b"PROMPT is empty"),
        ([], None, b"PROMPT is empty"),  # no prompt, stdin /dev/null (not a terminal): an empty prompt
        (["-"], b" \n\t\n", b"PROMPT is empty"),
        (["Hi", "--save", "/nonexistent/dir/chat.json"], None, b"its folder does not exist"),
        (["Hi", "--save", "/tmp"], None, b"cannot write '/tmp': Is a directory"),
    ],
)
def test_unreadable_input_or_unwritable_save_is_a_usage_error(
    mock_server: RunningMock, args: list[str], stdin: bytes | None, fragment: bytes
) -> None:
    result = run(mock_server, args, stdin)
    assert result.returncode == 2
    assert result.stdout == b""
    assert fragment in result.stderr


def test_read_inputs_on_text_streams_without_bytes() -> None:
    from argparse import Namespace

    from siliconflow_cli.prompt_input import read_inputs

    args = Namespace(prompt="-", system=None)
    read_inputs(args, io.StringIO("typed text"))
    assert args.prompt == "typed text"

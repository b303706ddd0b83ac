"""`siliconflow chat -i` in a pseudo-terminal (pexpect), and fed from a pipe, against the mock."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest
from siliconflow_mock import RunningMock

SCRIPT = Path(sys.executable).with_name("siliconflow")
# prompt_toolkit turns bracketed paste on each time it shows the prompt: the sign it is reading.
PROMPT_READY = "\x1b[?2004h"
# Enough words that its answer streams for about 30 s at this pace: Ctrl-C lands mid-answer even
# on a loaded machine, and the test does not wait for the end.
LONG_QUESTION = " ".join(f"word{i}" for i in range(300))
CHUNK_DELAY = "X-Mock-Chunk-Delay-Ms: 50"


def environment(mock: RunningMock) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SILICONFLOW_", "NO_COLOR"))}
    return {
        **clean,
        "TERM": "xterm",
        "PROMPT_TOOLKIT_NO_CPR": "1",  # the pty does not answer cursor-position requests
        "SILICONFLOW_API_KEY": mock.token,
        "SILICONFLOW_BASE_URL": mock.base_url,
    }


def spawn(mock: RunningMock, *args: str) -> pexpect.spawn:
    child = pexpect.spawn(
        str(SCRIPT),
        ["chat", *args],
        env=environment(mock),
        encoding="utf-8",
        timeout=60,
        dimensions=(40, 400),
    )
    child.expect_exact(PROMPT_READY)
    return child


def ask(child: pexpect.spawn, question: str, answer: str) -> str:
    """Type a question, wait for its answer and the next prompt; all that was shown in between."""
    child.sendline(question)
    child.expect_exact(answer)
    shown = f"{child.before}{child.after}"
    child.expect_exact(PROMPT_READY)
    return shown + str(child.before)


def leave(child: pexpect.spawn) -> int:
    child.sendeof()  # Ctrl-D at an empty prompt
    child.expect(pexpect.EOF)
    child.close()
    return int(child.exitstatus)


@pytest.mark.slow
def test_a_session_keeps_the_conversation_and_survives_ctrl_c(
    mock_server: RunningMock, tmp_path: Path
) -> None:
    saved = tmp_path / "conversation.json"
    child = spawn(mock_server, "--thinking", "-H", CHUNK_DELAY)
    for question in ("Why is the sky blue?", "And at sunset?"):  # two turns, each with reasoning
        shown = ask(child, question, f"You said: {question}")
        assert shown.index("Reasoning:") < shown.index(f"Thinking about: {question}")
        assert shown.index(f"Thinking about: {question}") < shown.index("Answer:") < shown.index("Usage:")

    child.sendline(LONG_QUESTION)
    child.expect_exact("Thinking about: word0")  # the answer is streaming
    child.sendintr()
    child.expect_exact("siliconflow: interrupted")
    child.expect_exact("not part of the conversation")
    child.expect_exact(PROMPT_READY)
    assert "You said: word0" not in str(child.before)  # stopped before the answer came

    ask(child, "One more thing.", "You said: One more thing.")
    child.sendline(f"/save {saved}")
    child.expect_exact("saved 6 messages")
    child.expect_exact(PROMPT_READY)
    assert leave(child) == 0

    messages = json.loads(saved.read_text(encoding="utf-8"))
    assert [m["role"] for m in messages] == ["user", "assistant"] * 3
    assert [m["content"] for m in messages[::2]] == [
        "Why is the sky blue?",
        "And at sunset?",
        "One more thing.",
    ]
    assert messages[1] == {"role": "assistant", "content": "You said: Why is the sky blue?"}
    # Qwen3-8B does not need its reasoning replayed, so the library's rule leaves it out.
    assert all("reasoning_content" not in m for m in messages)

    # --messages continues the saved conversation one-shot; --save writes it with the new turn.
    continued = tmp_path / "continued.json"
    result = subprocess.run(
        [str(SCRIPT), "chat", "And tomorrow?", "--messages", str(saved), "--save", str(continued), "--json"],
        env=environment(mock_server),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    usage = json.loads(result.stdout)["usage"]
    # The mock counts every message before the last as a cache hit: the history was sent.
    assert usage["prompt_cache_hit_tokens"] > 0
    assert usage["prompt_cache_hit_tokens"] + usage["prompt_cache_miss_tokens"] == usage["prompt_tokens"]
    assert json.loads(continued.read_text(encoding="utf-8")) == [
        *messages,
        {"role": "user", "content": "And tomorrow?"},
        {"role": "assistant", "content": "You said: And tomorrow?"},
    ]


def test_ctrl_c_at_the_prompt_clears_the_line_and_ctrl_d_leaves(mock_server: RunningMock) -> None:
    child = spawn(mock_server)
    child.send("half a question")
    child.sendintr()
    child.expect_exact(PROMPT_READY)
    ask(child, "hello", "You said: hello")
    assert leave(child) == 0


@pytest.mark.slow
def test_commands_change_the_next_turns(mock_server: RunningMock, tmp_path: Path) -> None:
    child = spawn(mock_server, "--no-thinking", "--system", "Be brief.")
    shown = ask(child, "first", "You said: first")
    assert "Thinking about" not in shown
    child.sendline("/thinking on")
    child.expect_exact("enable_thinking: true")
    child.expect_exact(PROMPT_READY)
    shown = ask(child, "second", "You said: second")
    assert "Thinking about: second" in shown
    child.sendline("/model deepseek-ai/DeepSeek-V3.2")
    child.expect_exact("model: deepseek-ai/DeepSeek-V3.2")
    child.expect_exact(PROMPT_READY)
    ask(child, "third", "You said: third")
    saved = tmp_path / "before-reset.json"
    child.sendline(f"/save {saved}")
    child.expect_exact("saved 7 messages")  # the system message, then three turns
    child.sendline("/reset")
    child.expect_exact("a new conversation")
    child.sendline("/frobnicate")
    child.expect_exact("unknown command /frobnicate; /help lists the commands")
    child.sendline("/load /nonexistent/file.json")
    child.expect_exact("cannot read '/nonexistent/file.json'")
    child.sendline(f"/load {saved}")
    child.expect_exact("loaded 7 messages")
    child.sendline("/exit")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    messages = json.loads(saved.read_text(encoding="utf-8"))
    assert messages[0] == {"role": "system", "content": "Be brief."}
    # DeepSeek-V3.2 needs its reasoning sent back: the library's replay rule keeps it for that model.
    assert messages[-1]["reasoning_content"] == "Thinking about: third"
    assert "reasoning_content" not in messages[4]


def run_piped(mock: RunningMock, lines: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = environment(mock)
    return subprocess.run(
        [str(SCRIPT), "chat", "-i", *args],
        input=lines,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_questions_can_be_piped_into_a_session(mock_server: RunningMock, tmp_path: Path) -> None:
    saved = tmp_path / "auto.json"
    result = run_piped(mock_server, "one\n\n/help\ntwo\n", "--no-thinking", "--save", str(saved))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert (
        result.stdout.index("You said: one")
        < result.stdout.index("/reset")
        < result.stdout.index("You said: two")
    )
    # --save with -i writes the conversation after every answer.
    assert [m["content"] for m in json.loads(saved.read_text(encoding="utf-8"))] == [
        "one",
        "You said: one",
        "two",
        "You said: two",
    ]


def test_a_failed_turn_is_reported_and_left_out(mock_server: RunningMock) -> None:
    result = run_piped(
        mock_server, "/model mock/does-not-exist\nlost\n/model Qwen/Qwen3-8B\nkept\n/save /dev/stdout\n"
    )
    assert result.returncode == 0
    assert "HTTP 400 (code 20012)" in result.stderr
    assert '"content": "lost"' not in result.stdout
    assert '"content": "kept"' in result.stdout


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["-i", "--json"], "--json prints one completion; it does not go with -i"),
        (["-i", "-"], "give no '-' PROMPT with it"),
        (["-i", "--temperature", "5"], "--temperature: temperature must be between 0 and 2, got 5"),
        (["-i", "--messages", "/nonexistent.json"], "cannot read '/nonexistent.json'"),
    ],
)
def test_session_usage_errors_exit_2_before_asking(
    mock_server: RunningMock, args: list[str], fragment: str
) -> None:
    result = subprocess.run(
        [str(SCRIPT), "chat", *args],
        input="",
        env=environment(mock_server),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr


def test_no_prompt_on_a_terminal_opens_a_session(mock_server: RunningMock) -> None:
    child = pexpect.spawn(
        str(SCRIPT), ["chat", "--no-thinking"], env=environment(mock_server), encoding="utf-8", timeout=60
    )
    child.expect_exact("/help lists the commands")
    child.expect_exact(PROMPT_READY)
    ask(child, "hello there", "You said: hello there")
    assert leave(child) == 0


def test_one_shot_calls_do_not_load_prompt_toolkit(mock_server: RunningMock) -> None:
    code = (
        "import sys\n"
        "from siliconflow_cli.main import main\n"
        "status = main(['chat', 'hi', '--no-thinking'])\n"
        "assert 'prompt_toolkit' not in sys.modules, 'prompt_toolkit was imported'\n"
        "sys.exit(status)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=environment(mock_server),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "You said: hi" in result.stdout

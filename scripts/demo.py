"""`make demo`: a streamed thinking-mode chat through the real `siliconflow` command.

Without SILICONFLOW_API_KEY, the mock server is started on a free loopback port and stopped
afterwards; with it, the same command goes to the live API (SILICONFLOW_BASE_URL, or the default
https://api.siliconflow.cn/v1). The command runs in a subprocess that writes straight to this
terminal, so the demo shows exactly what a user of `siliconflow chat` sees.

    python scripts/demo.py ["your prompt"]
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

PROMPT = "Why is the sky blue? Answer in two sentences."
# Enough to see the reasoning, cheap on the live API.
THINKING_BUDGET = "1024"
# The mock answers instantly; a pause between its chunks makes the streaming visible.
MOCK_CHUNK_DELAY_HEADER = "X-Mock-Chunk-Delay-Ms: 40"


def console_script() -> Path:
    """The `siliconflow` script installed next to this interpreter (by `pip install -e .`)."""
    script = Path(sys.executable).with_name("siliconflow")
    if not script.exists():
        sys.exit(f"demo: {script} is missing; install the package first (make venv)")
    return script


def run_chat(args: list[str], env: dict[str, str]) -> int:
    print(f"$ siliconflow {shlex.join(args)}\n", flush=True)
    return subprocess.run([str(console_script()), *args], env=env, check=False).returncode


def how_to_run_it() -> str:
    """The last words of the demo: where the command is, since it is not on PATH after `make demo`."""
    script = console_script()
    try:
        shown = f"./{script.relative_to(Path.cwd())}"
        activate = script.with_name("activate").relative_to(Path.cwd())
    except ValueError:  # the venv is elsewhere
        shown, activate = str(script), script.with_name("activate")
    return (
        f"\ndemo: the command above is {shown}; it is not on your PATH yet. Either run it from there:\n"
        f'        {shown} chat "your question"     ({shown} chat -i for a conversation)\n'
        f"      or activate the virtualenv (source {activate}) and type `siliconflow`,\n"
        "      or install it where you want it: pip install .   (`siliconflow --help` lists the options)"
    )


def main() -> int:
    status = demo()
    print(how_to_run_it())
    return status


def demo() -> int:
    prompt = sys.argv[1] if len(sys.argv) > 1 else PROMPT
    chat = ["chat", prompt, "--thinking", "--thinking-budget", THINKING_BUDGET]
    if os.environ.get("SILICONFLOW_API_KEY", "").strip():
        where = os.environ.get("SILICONFLOW_BASE_URL") or "https://api.siliconflow.cn/v1"
        print(f"demo: SILICONFLOW_API_KEY is set, so this talks to the live API at {where}\n")
        return run_chat(chat, dict(os.environ))

    from siliconflow_mock import serve_in_background  # noqa: PLC0415 - only the mock path needs it

    with serve_in_background() as mock:
        print(f"demo: no SILICONFLOW_API_KEY, so this talks to the local mock at {mock.base_url}")
        print("      (set SILICONFLOW_API_KEY to run the same against the live API)\n")
        env = {**os.environ, "SILICONFLOW_API_KEY": mock.token, "SILICONFLOW_BASE_URL": mock.base_url}
        return run_chat([*chat, "-H", MOCK_CHUNK_DELAY_HEADER], env)


if __name__ == "__main__":
    sys.exit(main())

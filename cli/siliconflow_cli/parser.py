"""The command-line grammar of `siliconflow` (argparse: the standard library does all we need)."""

from __future__ import annotations

import argparse
import math
import sys
from typing import Any

# The package's lazy namespace: this loads only `siliconflow._core.defaults`, so `--help` stays fast.
from .exit_codes import EXIT_CODES_HELP
from .request_flags import add_request_flags, spec_help

DEFAULT_MODEL = "Qwen/Qwen3-8B"  # cheap, fast, and can switch thinking on and off
# The mock's own defaults (siliconflow_mock.server), repeated so `--help` works without the mock extra.
DEFAULT_MOCK_HOST = "127.0.0.1"
DEFAULT_MOCK_PORT = 8000


# The commands of cli/account.py, known here so main.py can dispatch without importing it.
ACCOUNT_COMMANDS = ("models", "balance")


class UsageError(Exception):
    """A mistake in the arguments found after parsing (exit status 2)."""


def _whole(text: str, minimum: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < minimum:
        raise argparse.ArgumentTypeError(f"must be at least {minimum}, got {value}")
    return value


def positive_int(text: str) -> int:
    return _whole(text, 1)


def non_negative_int(text: str) -> int:
    return _whole(text, 0)


def port_number(text: str) -> int:
    value = _whole(text, 0)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"must be at most 65535, got {value}")
    return value


def finite_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"expected a finite number, got {text!r}")
    return value


def positive_float(text: str) -> float:
    value = finite_float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, got {text}")
    return value


def package_version() -> str:
    """The installed distribution's version (pyproject.toml), as `pip show siliconflow-chat` says."""
    import importlib.metadata  # noqa: PLC0415 - ~35 ms: only `--version` pays for it, not every start

    try:
        return importlib.metadata.version("siliconflow-chat")
    except importlib.metadata.PackageNotFoundError:  # run from a source tree without installing
        return "unknown (not installed)"


class _Version(argparse.Action):
    """argparse's `version` action, with the version looked up only when asked for."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        super().__init__(option_strings, dest=dest, default=argparse.SUPPRESS, nargs=0, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        sys.stdout.write(f"{parser.prog} {package_version()}\n")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="siliconflow",
        description="Chat with SiliconFlow models, thinking mode included, or run a local mock of the API.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_Version, help="show the installed version and exit")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    chat = commands.add_parser(
        "chat",
        help="send one prompt and print the reasoning, the answer and the token usage",
        description=(
            "Send one prompt. The reasoning (when the model thinks) is shown apart from the answer,\n"
            "then one usage line. Thinking options are sent only when given; otherwise the model's\n"
            "own default applies. The key and base URL come from the options or the environment.\n"
            "\n"
            "The prompt: PROMPT, or @FILE for a file's text, or - (or no PROMPT with input piped in)\n"
            "for standard input, of any size. --system takes @FILE too.\n"
            "\n"
            "A conversation: -i (or no PROMPT on a terminal) opens an interactive session; its\n"
            "commands are /reset, /model M, /thinking on|off, /save FILE, /load FILE, /help, /exit.\n"
            "Ctrl-C stops the answer being written and keeps the session; Ctrl-D leaves.\n"
            "--messages FILE continues a saved conversation (the JSON list /save writes), and\n"
            "--save FILE writes the conversation once the answer is complete.\n"
            "\n"
            "Request options are sent only when given and checked against the API spec's ranges first."
        ),
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    chat.add_argument(
        "prompt",
        metavar="PROMPT",
        nargs="?",
        help="the user message; @FILE reads a file, - reads stdin (as does no PROMPT with stdin piped)",
    )
    chat.add_argument(
        "-i",
        "--interactive",
        action="store_true",
        help="a conversation: ask, read the answer, ask again (PROMPT, if given, is the first question)",
    )
    chat.add_argument(
        "--messages",
        metavar="FILE",
        help="continue the conversation saved in FILE (a JSON list of messages, as --save writes)",
    )
    chat.add_argument(
        "--save",
        metavar="FILE",
        help="write the conversation, answer included, to FILE (with -i: after every answer)",
    )
    chat.add_argument("--model", default=DEFAULT_MODEL, help=f"model id (default: {DEFAULT_MODEL})")
    chat.add_argument(
        "--system", metavar="TEXT", help="a system message sent before the prompt (@FILE reads a file)"
    )
    from .connection import add_connection_options  # noqa: PLC0415 - it imports this module

    add_connection_options(
        chat,
        timeout_help="seconds to wait for the response, and between stream events (default: the client's)",
        header_help="an extra request header, repeatable (for example a custom 'X-Trace-Id: ...')",
    )
    chat.add_argument(
        "--stream",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="stream the answer as it is generated (default: on)",
    )
    chat.add_argument(
        "--thinking",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="send enable_thinking true or false (default: not sent; the model decides)",
    )
    chat.add_argument(
        "--thinking-budget",
        type=int,
        metavar="N",
        help=spec_help("thinking_budget", "maximum tokens of reasoning"),
    )
    chat.add_argument("--max-tokens", type=positive_int, metavar="N", help="maximum tokens of the answer")
    chat.add_argument(
        "--temperature", type=finite_float, metavar="T", help=spec_help("temperature", "sampling temperature")
    )
    chat.add_argument(
        "--max-retries",
        type=non_negative_int,
        metavar="N",
        help="retries after a rate limit, overload or network error (default: the client's, 2)",
    )
    chat.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="show the client's notes on stderr: retries, and drift (what the API sent that the spec lacks)",
    )
    chat.add_argument(
        "--deadline",
        type=positive_float,
        metavar="S",
        help="seconds for the whole call, retries and stream included (default: 900 without --stream, "
        "none with it)",
    )
    chat.add_argument(
        "--json",
        action="store_true",
        help="print only the final chat.completion object as JSON (accumulated when streamed)",
    )
    chat.add_argument(
        "--json-schema",
        metavar="FILE",
        help="ask for JSON valid against the JSON Schema in FILE; print only the validated object "
        "(invalid answers are retried, not streamed)",
    )
    chat.add_argument(
        "--trace",
        action="store_true",
        help="print the call's OpenTelemetry spans (GenAI conventions) to stderr; needs opentelemetry-sdk",
    )
    add_request_flags(chat)

    mock = commands.add_parser(
        "mock",
        help="run a local mock of the SiliconFlow API (needs the [mock] extra)",
        description="Serve a SiliconFlow look-alike until interrupted, for trying the client without a key.",
    )
    mock.add_argument(
        "--host", default=DEFAULT_MOCK_HOST, help=f"address to listen on (default: {DEFAULT_MOCK_HOST})"
    )
    mock.add_argument(
        "--port",
        type=port_number,
        default=DEFAULT_MOCK_PORT,
        help=f"port to listen on, 0 for any free one (default: {DEFAULT_MOCK_PORT})",
    )
    mock.add_argument(
        "--token",
        help="the API key the mock accepts (default: $SILICONFLOW_MOCK_TOKEN, else sk-mock)",
    )
    from .account import add_parsers as add_account_parsers  # noqa: PLC0415 - account imports this module

    add_account_parsers(commands)
    mock.add_argument(
        "--rpm", type=positive_int, metavar="N", help="requests per minute per model, then SiliconFlow's 429"
    )
    mock.add_argument(
        "--tpm", type=positive_int, metavar="N", help="tokens per minute per model, then SiliconFlow's 429"
    )
    from .batch import add_batch_parser  # noqa: PLC0415 - batch.py builds on this module's helpers

    add_batch_parser(commands)
    return parser

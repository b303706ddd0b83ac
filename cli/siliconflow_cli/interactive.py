"""`siliconflow chat -i`: a conversation in the terminal, one answer after another.

Each question is sent with the whole conversation before it. Answers go back into the history by
the library's replay rules (`siliconflow.assistant_message`: reasoning only for models that need
it), and are shown exactly as one-shot `siliconflow chat` shows them: reasoning live, then the
answer, then the usage line. Every request option of the command line applies to every turn.

Line editing and history come from prompt_toolkit when stdin is a terminal; it is imported here
only, so one-shot calls do not pay for it. When stdin is not a terminal (`siliconflow chat -i <
questions.txt`), each line is one question, read plainly.

Ctrl-C while an answer is being written stops it: what arrived stays on the screen, but the
question and the partial answer are left out of the conversation, so the next question is sent as
if the interrupted one had not been asked. Ctrl-C at the prompt clears the line; Ctrl-D leaves.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TextIO

from siliconflow import SiliconFlow, assistant_message
from siliconflow_api.models import ChatCompletion

from . import exit_codes
from .chat import ANSWER_CHOICE, UsageError, _single, _streamed, build_request, open_client
from .connection import given_api_key
from .conversation import (
    ConversationFileError,
    Message,
    check_writable,
    load_messages,
    save_messages,
    with_system,
)
from .prompt_input import InputError, read_argument
from .render import DIM, RESET, wants_color
from .reporter import Reporter

PROMPT = "> "
HELP = """\
/reset             start over (the --system message stays)
/model M           use model M from the next question on (without M: show the current one)
/thinking on|off   send enable_thinking true or false from the next question on
/save FILE         write the conversation to FILE (a JSON list of messages)
/load FILE         continue the conversation saved in FILE instead of this one
/help              this list
/exit              leave (Ctrl-D too)
Ctrl-C stops an answer; the question and what arrived of the answer are then left out."""

LineReader = Callable[[], str]  # one line; EOFError at the end, KeyboardInterrupt on Ctrl-C


def run_session(args: argparse.Namespace, out: TextIO, err: TextIO, stdin: TextIO) -> int:
    """The interactive command; returns the exit status (0 once the user leaves)."""
    try:
        system = None if args.system is None else read_argument(args.system, "--system", stdin)
        first = None if args.prompt is None else read_argument(args.prompt, "PROMPT", stdin)
        history = [] if args.messages is None else load_messages(args.messages)
        if args.save is not None:
            check_writable(args.save)
    except (InputError, ConversationFileError) as error:
        raise UsageError(str(error)) from None
    build_request(_turn_args(args, "check"))  # a bad option is a usage error now, not at the first turn
    client = open_client(args)
    reporter = Reporter(err, given_api_key(args))
    with client:
        session = Session(args, client, out, reporter, history=with_system(history, system), system=system)
        return session.run(line_reader(stdin, out), first)


def line_reader(stdin: TextIO, out: TextIO) -> LineReader:
    """prompt_toolkit on a terminal; plain lines from a pipe or a file."""
    if stdin.isatty() and out.isatty():
        # Imported here so that one-shot calls never load prompt_toolkit.
        from prompt_toolkit import PromptSession  # noqa: PLC0415
        from prompt_toolkit.history import InMemoryHistory  # noqa: PLC0415

        prompt_session: PromptSession[str] = PromptSession(history=InMemoryHistory())
        return lambda: prompt_session.prompt(PROMPT)

    def read_line() -> str:
        line = stdin.readline()
        if not line:
            raise EOFError
        return line.rstrip("\r\n")

    return read_line


def _turn_args(args: argparse.Namespace, text: str) -> argparse.Namespace:
    """The one-shot arguments of one turn: this question, no system message (it is in the history)."""
    return argparse.Namespace(**{**vars(args), "prompt": text, "system": None, "json": False})


class Session:
    """The conversation so far and the commands that change it."""

    def __init__(
        self,
        args: argparse.Namespace,
        client: SiliconFlow,
        out: TextIO,
        reporter: Reporter,
        *,
        history: list[Message],
        system: str | None,
    ) -> None:
        self.args = argparse.Namespace(**vars(args))  # /model and /thinking change this copy
        self.client = client
        self.out = out
        self.reporter = reporter
        self.history = history
        self.system = system
        self._color = wants_color(out)

    def run(self, read_line: LineReader, first: str | None = None) -> int:
        if self.out.isatty():
            self.note(f"Chatting with {self.args.model}. /help lists the commands; Ctrl-D leaves.")
        if first is not None and first.strip():
            self.ask(first)
        while True:
            try:
                line = read_line()
            except KeyboardInterrupt:  # at the prompt: a fresh line, as shells do
                continue
            except EOFError:
                break
            text = line.strip()
            if not text:
                continue
            if text.startswith("/"):
                if not self.command(text):
                    break
                continue
            self.ask(line)
        return exit_codes.OK

    def note(self, text: str) -> None:
        """A line from the session itself (not the model): dim on a terminal."""
        self.out.write(f"{DIM}{text}{RESET}\n" if self._color else f"{text}\n")
        self.out.flush()

    def ask(self, text: str) -> None:
        """One turn: send the history and `text`; keep both and the answer only when it completed."""
        try:
            request = build_request(_turn_args(self.args, text))
        except UsageError as error:
            self.reporter.error(str(error))
            return
        request.messages = [*self.history, request.messages[-1]]
        completions: list[ChatCompletion] = []
        send = _streamed if self.args.stream else _single
        try:
            status = send(
                self.client, request, False, self.out, self.reporter, on_completion=completions.append
            )
        except KeyboardInterrupt:  # before the first byte (or without streaming)
            self.reporter.interrupted()
            status = exit_codes.INTERRUPTED
        if status == exit_codes.OK and completions:
            self.history = [*request.messages, assistant_message(completions[0], choice=ANSWER_CHOICE)]
            if self.args.save is not None:
                self._save(self.args.save, quiet=True)
        elif status == exit_codes.INTERRUPTED:
            self.note("(stopped: this question and its answer are not part of the conversation)")
        self.out.write("\n")
        self.out.flush()

    def command(self, text: str) -> bool:
        """Run a /command; False when the session should end."""
        name, _, rest = text.partition(" ")
        rest = rest.strip()
        if name in ("/exit", "/quit"):
            return False
        if name == "/help":
            self.note(HELP)
        elif name == "/reset":
            self.history = with_system([], self.system)
            self.note("(a new conversation)")
        elif name == "/model":
            if rest:
                self.args.model = rest
            self.note(f"(model: {self.args.model})")
        elif name == "/thinking" and rest in ("on", "off"):
            self.args.thinking = rest == "on"
            self.note(f"(enable_thinking: {str(self.args.thinking).lower()})")
        elif name in ("/save", "/load") and rest:
            self._save(rest) if name == "/save" else self._load(rest)
        elif name in ("/thinking", "/save", "/load"):
            self.reporter.error(f"usage: {_usage_of(name)}")
        else:
            self.reporter.error(f"unknown command {name}; /help lists the commands")
        return True

    def _save(self, path: str, *, quiet: bool = False) -> None:
        try:
            save_messages(path, self.history)
        except ConversationFileError as error:
            self.reporter.error(str(error))
            return
        if not quiet:
            self.note(f"(saved {len(self.history)} messages to {path})")

    def _load(self, path: str) -> None:
        try:
            self.history = load_messages(path)
        except ConversationFileError as error:
            self.reporter.error(str(error))
            return
        self.note(f"(loaded {len(self.history)} messages from {path})")


def _usage_of(name: str) -> str:
    for line in HELP.splitlines():
        if line.startswith(name + " "):
            return line.split("  ")[0]
    return name

"""Where the prompt and the system message come from: the argument, `@FILE`, or standard input.

- PROMPT `-`, or no PROMPT while stdin is not a terminal (`echo hi | siliconflow chat`), reads the
  prompt from stdin: no argument-list limit applies, only MAX_INPUT_BYTES (64 MiB), as for files.
- `@FILE` as the PROMPT or as `--system` reads that file (`@-` is stdin too). A prompt that really
  starts with `@` can come from stdin or a file.
- No PROMPT on a terminal opens the interactive session (see `interactive.py`), as does `-i`.

Text is UTF-8 (a leading byte-order mark is dropped); anything else is a usage error that says
where the bad byte is, rather than a prompt with replacement characters in it.
"""

from __future__ import annotations

import argparse
import os
from typing import BinaryIO, TextIO

from .limited_read import MAX_INPUT_BYTES, InputTooLargeError, read_file, read_stream

STDIN = "-"


class InputError(ValueError):
    """A prompt or system message that cannot be read; the CLI reports it as a usage error."""


def _isatty(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def wants_session(args: argparse.Namespace, stdin: TextIO) -> bool:
    """True for `chat -i`, and for `chat` without a PROMPT when stdin is a terminal."""
    if getattr(args, "interactive", False):
        if args.prompt in (STDIN, "@-"):
            raise InputError("-i reads its questions from the terminal; give no '-' PROMPT with it")
        if getattr(args, "json", False):
            raise InputError("--json prints one completion; it does not go with -i")
        return True
    if args.prompt is None and _isatty(stdin):
        if getattr(args, "json", False):
            raise InputError("--json needs a PROMPT (or the prompt on stdin)")
        return True
    return False


def read_inputs(args: argparse.Namespace, stdin: TextIO) -> None:
    """Replace `args.prompt` and `args.system` by the text they point to (stdin, @FILE)."""
    if args.prompt is None or args.prompt == STDIN:
        args.prompt = read_stdin(stdin)
    else:
        args.prompt = read_argument(args.prompt, "PROMPT", stdin)
    if args.system is not None:
        args.system = read_argument(args.system, "--system", stdin)


def read_argument(value: str, what: str, stdin: TextIO) -> str:
    """`@FILE` is the file's text, `@-` stdin; any other value is the text itself."""
    if not value.startswith("@"):
        return value
    name = value[1:]
    if name == STDIN:
        return read_stdin(stdin)
    try:
        data = read_file(name)
    except InputTooLargeError as error:
        raise InputError(f"{what}: cannot read @FILE {name!r}: {error}") from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise InputError(
            f"{what}: cannot read @FILE {name!r}: {reason}"
            " (text that starts with '@' can be given on stdin instead)"
        ) from None
    return decode(data, f"{what} file {name!r}")


def read_stdin(stdin: TextIO) -> str:
    """All of standard input as text; bytes are read and decoded here, so any size and no mojibake."""
    buffer: BinaryIO | None = getattr(stdin, "buffer", None)
    if buffer is None:  # a text stream without bytes under it (tests, embedding)
        return stdin.read(MAX_INPUT_BYTES)
    try:
        data = read_stream(buffer)
    except InputTooLargeError as error:
        raise InputError(f"cannot read stdin: {error}") from None
    except OSError as error:
        raise InputError(f"cannot read stdin: {error.strerror or os.strerror(error.errno or 0)}") from None
    return decode(data, "stdin")


def decode(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{where} is not UTF-8 text (byte {error.start})") from None

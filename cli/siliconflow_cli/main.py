"""Entry point of the `siliconflow` console script: parse, dispatch, turn failures into exit statuses."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Sequence

from . import exit_codes
from .batch import run_batch
from .chat import UsageError, run_chat
from .mock import run_mock
from .parser import build_parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with `argv` (default: sys.argv[1:]); returns the exit status."""
    args = build_parser().parse_args(argv)  # usage errors exit with status 2 here
    for stream in (sys.stdout, sys.stderr):
        # A terminal that cannot show some characters gets escapes, not a UnicodeEncodeError.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        if args.command == "chat":
            return run_chat(args, sys.stdout, sys.stderr)
        if args.command == "batch":
            return run_batch(args, sys.stdout, sys.stderr)
        return run_mock(args, sys.stderr)
    except UsageError as error:
        sys.stderr.write(f"siliconflow {args.command}: error: {error}\n")
        return exit_codes.USAGE_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("siliconflow: interrupted\n")
        return exit_codes.INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`siliconflow chat ... | head -1`): stop quietly, as Unix tools do.
        # Point stdout at devnull so the interpreter's final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return exit_codes.OK

"""Entry point of the `siliconflow` console script: parse, dispatch, turn failures into exit statuses."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Sequence

from . import exit_codes
from .argv_text import first_non_utf8_argument
from .parser import ACCOUNT_COMMANDS, UsageError, build_parser
from .reporter import Reporter


def main(argv: Sequence[str] | None = None) -> int:  # noqa: PLR0911 - one return per command
    """Run the command line with `argv` (default: sys.argv[1:]); returns the exit status."""
    for stream in (sys.stdout, sys.stderr):
        # A terminal that cannot show some characters gets escapes, not a UnicodeEncodeError.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    parser = build_parser()
    args = parser.parse_args(argv)  # usage errors exit with status 2 here
    problem = first_non_utf8_argument(parser, args)
    if problem is not None:
        sys.stderr.write(f"siliconflow {args.command}: error: {problem}\n")
        return exit_codes.USAGE_ERROR
    try:
        # Each command imports its own code: `--help` and `mock` never load the HTTP client.
        if args.command == "chat":
            from .chat import run_chat  # noqa: PLC0415

            return run_chat(args, sys.stdout, sys.stderr)
        if args.command in ACCOUNT_COMMANDS:
            from .account import run_account  # noqa: PLC0415

            return run_account(args, sys.stdout, sys.stderr)
        if args.command == "batch":
            from .batch import run_batch  # noqa: PLC0415

            return run_batch(args, sys.stdout, sys.stderr)
        from .mock import run_mock  # noqa: PLC0415

        return run_mock(args, sys.stderr)
    except UsageError as error:
        sys.stderr.write(f"siliconflow {args.command}: error: {error}\n")
        return exit_codes.USAGE_ERROR
    except KeyboardInterrupt:
        sys.stderr.write(exit_codes.INTERRUPTED_MESSAGE)
        return exit_codes.INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`siliconflow chat ... | head -1`): stop quietly, as Unix tools do.
        # Point stdout at devnull so the interpreter's final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return exit_codes.OK
    except Exception as error:  # the last resort: a bug is one line, never a traceback
        from .connection import given_api_key  # noqa: PLC0415 - only on this rare path

        Reporter(sys.stderr, given_api_key(args)).error(f"internal error ({type(error).__name__}): {error}")
        return exit_codes.INTERNAL_ERROR

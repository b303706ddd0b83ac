"""Arguments that are not UTF-8: refused by name before anything uses them.

Python turns argv bytes that are not UTF-8 into lone surrogates (`os.fsdecode`), which no JSON
request, header or terminal can carry. A file name may hold such bytes (POSIX names are bytes, and
`open` gives them back as they were), so the options that name files are left alone; any other
text with one is a usage error naming its flag and the byte, never echoing the value (it may be
the API key).
"""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["first_non_utf8_argument"]

# Options whose value is a file name (Path-typed options are not strings and are skipped anyway).
_FILE_NAMES = frozenset({"messages", "save", "json_schema"})
# Options whose value is a file name when it starts with "@" (`@FILE`).
_AT_FILE = frozenset({"prompt", "system"})


def first_non_utf8_argument(parser: argparse.ArgumentParser, args: argparse.Namespace) -> str | None:
    """'--system is not UTF-8 text (byte 0xff at character 3)' for the first such argument, else None."""
    names = _option_names(parser)
    for dest, value in vars(args).items():
        if dest in _FILE_NAMES:
            continue
        for text in value if isinstance(value, list) else [value]:
            if not isinstance(text, str) or (dest in _AT_FILE and text.startswith("@")):
                continue
            position = _first_surrogate(text)
            if position is not None:
                byte = ord(text[position]) - 0xDC00  # surrogateescape keeps the byte there
                shown = f"byte 0x{byte:02x}" if 0x80 <= byte <= 0xFF else "a lone surrogate"
                return f"{names.get(dest, dest)} is not UTF-8 text ({shown} at character {position})"
    return None


def _first_surrogate(text: str) -> int | None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return int(error.start)
    return None


def _option_names(parser: argparse.ArgumentParser) -> dict[str, str]:
    """dest -> how the user wrote it: the long option (`--system`), or a positional's metavar."""
    names: dict[str, str] = {}
    for action in parser._actions:  # argparse has no public walk of its options
        if isinstance(action, argparse._SubParsersAction):
            choices: dict[str, Any] = action.choices
            for subparser in choices.values():
                for dest, name in _option_names(subparser).items():
                    names.setdefault(dest, name)
        elif action.option_strings:
            names.setdefault(action.dest, max(action.option_strings, key=len))
        else:
            metavar = action.metavar if isinstance(action.metavar, str) else None
            names.setdefault(action.dest, metavar or action.dest.upper())
    return names

"""Reading what the user points the command at (a prompt, a conversation, a schema), with limits.

A file can be endless (`/dev/zero`, a pipe that never closes) or JSON built to break a parser (a
list nested 100,000 deep, a number of 5,000 digits). Each is read up to MAX_INPUT_BYTES and parsed
here, and every failure becomes a ValueError whose message says what is wrong, in one line.
"""

from __future__ import annotations

import json
import os
from typing import Any, BinaryIO

MAX_INPUT_BYTES = 64 << 20  # far above any prompt or conversation a model takes (~1M tokens)

__all__ = ["MAX_INPUT_BYTES", "InputTooLargeError", "parse_json", "read_file", "read_stream"]


class InputTooLargeError(ValueError):
    """More bytes than MAX_INPUT_BYTES: a file without end, or not what the command expects."""


def read_stream(stream: BinaryIO, limit: int = MAX_INPUT_BYTES) -> bytes:
    """All of `stream` up to `limit` bytes; InputTooLargeError beyond, with at most limit + 1 read."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputTooLargeError(f"larger than {limit >> 20} MiB")
    return data


def read_file(path: str | os.PathLike[str], limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of the file at `path`, as `read_stream`; OSError when it cannot be opened or read."""
    with open(path, "rb") as file:
        return read_stream(file, limit)


def parse_json(data: bytes) -> Any:
    """JSON text as Python values; ValueError with a one-line reason for anything that is not JSON
    (bad syntax, not UTF-8, nesting deeper than the parser's stack, a number past the digit limit)."""
    try:
        return json.loads(data)
    except RecursionError:
        raise ValueError("nested too deeply") from None
    except (UnicodeDecodeError, ValueError) as error:  # JSONDecodeError, and int's digit limit
        raise ValueError(" ".join(str(error).split())) from None

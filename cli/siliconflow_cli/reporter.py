"""One-line error reports on stderr that never carry the API key (light: no client imports)."""

from __future__ import annotations

from typing import TextIO

from . import exit_codes

REDACTED = "[redacted]"
MIN_SECRET_CHARS = 8  # as the client's own rule: a shorter "key" would blank out ordinary words


class Reporter:
    """Writes the one-line error reports, never with the API key in them.

    The client already keeps the key out of its errors; this is the command's own guard, for any
    message it prints (a server may echo what it was sent).
    """

    def __init__(self, err: TextIO, secret: str | None) -> None:
        self._err = err
        self._secret = secret.strip() if secret else None

    def error(self, message: str) -> None:
        if self._secret and len(self._secret) >= MIN_SECRET_CHARS:
            message = message.replace(self._secret, REDACTED)
        line = " ".join(message.split())  # one line, whatever the server sent
        self._err.write(f"siliconflow: error: {line}\n")
        self._err.flush()

    def interrupted(self) -> None:
        self._err.write(exit_codes.INTERRUPTED_MESSAGE)
        self._err.flush()


def os_error_message(error: OSError) -> str:
    """`PATH: reason` for any OSError; an error that words itself (`cannot write OUT: ...`) as it is."""
    if error.filename is None or type(error).__str__ is not OSError.__str__:
        return str(error)
    return f"{error.filename}: {error.strerror or error}"

"""Keeping secrets and long server text out of messages and logs (private helpers of the overlays).

- `redact` / `secret_of`: an error message built from server text (a proxy may echo the key back)
  is redacted against the request's own `Authorization` header before it is stored.
- `KeyRedactingFilter`: httpcore logs every response header at DEBUG, so a header that echoes the
  key would reach the log. The filter sits on the loggers that format wire data and redacts the
  keys of every client created in this process, at no cost unless such a record is made.
- `preview`: long bodies are cut in messages; the error's `.body` / `.response` keep them whole.
"""

from __future__ import annotations

import logging
import threading

import httpx

__all__ = [
    "REDACTED",
    "KeyRedactingFilter",
    "forget_key",
    "preview",
    "public_url",
    "redact",
    "redact_logs_of",
    "secret_of",
]

REDACTED = "[redacted]"
# Redact only secrets long enough not to collide with ordinary words in a message.
_MIN_SECRET_CHARS = 8
# The loggers that write wire data (headers, URLs) into their messages.
_WIRE_LOGGERS = (
    "httpx",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
    "hpack.hpack",
    "hpack.table",
    "siliconflow",
)


def secret_of(request: httpx.Request) -> str | None:
    """The credential in the request's Authorization header (without the "Bearer" scheme)."""
    value: str = request.headers.get("authorization", "")
    if not value:
        return None
    scheme, _, credential = value.partition(" ")
    return credential.strip() or scheme


def redact(text: str, secret: str | None) -> str:
    """`text` with every occurrence of `secret` replaced."""
    if secret and len(secret) >= _MIN_SECRET_CHARS and secret in text:
        return text.replace(secret, REDACTED)
    return text


def public_url(url: httpx.URL) -> httpx.URL:
    """`url` without user info, fit for messages and logs."""
    return url.copy_with(username=None, password=None) if url.userinfo else url


def preview(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, with "..." when something was cut (for messages)."""
    return text if len(text) <= limit else text[:limit] + "..."


class KeyRedactingFilter(logging.Filter):
    """Rewrites a record whose message contains a registered key, with the key replaced."""

    def __init__(self) -> None:
        super().__init__("siliconflow-key-redaction")
        self._lock = threading.Lock()
        self._keys: dict[str, int] = {}  # key -> number of open clients using it

    def add(self, key: str) -> None:
        if len(key) >= _MIN_SECRET_CHARS:
            with self._lock:
                self._keys[key] = self._keys.get(key, 0) + 1

    def remove(self, key: str) -> None:
        with self._lock:
            count = self._keys.get(key, 0) - 1
            if count > 0:
                self._keys[key] = count
            else:
                self._keys.pop(key, None)

    def filter(self, record: logging.LogRecord) -> bool:
        keys = tuple(self._keys)
        if not keys:
            return True
        try:
            message = record.getMessage()
        except Exception:  # a broken record is the logging module's to report
            return True
        redacted = message
        for key in keys:
            if key in redacted:
                redacted = redacted.replace(key, REDACTED)
        if redacted is not message:
            record.msg, record.args = redacted, None
        return True


_FILTER = KeyRedactingFilter()
for _name in _WIRE_LOGGERS:
    logging.getLogger(_name).addFilter(_FILTER)


def redact_logs_of(key: str) -> None:
    """Redact `key` from the wire loggers' records until `forget_key(key)` (one call per client)."""
    _FILTER.add(key)


def forget_key(key: str) -> None:
    _FILTER.remove(key)

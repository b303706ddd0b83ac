"""When to retry a failed request and how long to wait first (sans-IO).

What is retried: connection failures (refused, reset, DNS, the server closing a kept-alive
connection), timeouts before the response or a stream's first bytes, and the statuses 408, 429,
500, 502, 503 and 504. Never other 4xx: the same request would fail the same way. A stream that has
delivered its first bytes is never retried (its output would be duplicated); see `transport.py`.

The numbers, against openai-python's (2 retries, 0.5 s doubling to 8 s, jitter x[0.75, 1],
Retry-After honoured up to 60 s) and what SiliconFlow does:
- `max_retries=2`: the same as openai. Three attempts ride out a blip without hiding an outage,
  and a retried chat request is paid again if the first one did reach the model.
- `initial_backoff=1.0` s (openai: 0.5), doubling: SiliconFlow's 503 "model service overloaded"
  (codes 50505/50508) lasts seconds, not milliseconds, so 0.5 s mostly buys a second 503. With the
  default two retries the waits are about 1 s and 2 s: at most ~3 s added before giving up.
- `max_backoff=16.0` s (openai: 8): 429s are per-minute limits (RPM/TPM) and SiliconFlow sends no
  Retry-After, so a caller who raises `max_retries` to 6 waits 1+2+4+8+16+16 ~ 47 s in total, about
  one rate-limit window, instead of hammering the limit every 8 s.
- `jitter=0.25`: each wait is scaled by a random factor in [0.75, 1], as openai does, so clients
  that failed together do not retry together.
- `max_retry_after=60.0` s: a `retry-after-ms` or `Retry-After` header (sent by proxies, not by
  SiliconFlow) is honoured when it asks for at most one rate-limit window. A longer wait is not
  shortened (a retry before the server's deadline is refused again): the error is raised at once so
  the caller can decide; openai's newest releases do the same above 120 s.
"""

from __future__ import annotations

import email.utils
import math
import random
import time
from collections.abc import Mapping
from dataclasses import dataclass

import httpx

__all__ = [
    "MAX_RETRIES_EXTENSION",
    "RETRYABLE_STATUSES",
    "RetryPolicy",
    "check_max_retries",
    "is_retryable_exception",
    "retry_after",
]

RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
# The key in `httpx.Request.extensions` that overrides `max_retries` for one request.
MAX_RETRIES_EXTENSION = "siliconflow.max_retries"

# Timeouts, and connection failures before any response (refused, reset, DNS). RemoteProtocolError
# is how httpx reports a server that closed a kept-alive connection instead of answering.
_RETRYABLE_EXCEPTIONS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


def is_retryable_exception(error: BaseException) -> bool:
    """Whether a transport error before the response is worth another attempt."""
    return isinstance(error, _RETRYABLE_EXCEPTIONS)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Retry decisions and backoff; the defaults are justified in the module docstring."""

    max_retries: int = 2
    initial_backoff: float = 1.0
    max_backoff: float = 16.0
    jitter: float = 0.25
    max_retry_after: float = 60.0

    def __post_init__(self) -> None:
        check_max_retries(self.max_retries)
        for name in ("initial_backoff", "max_backoff", "max_retry_after"):
            if not _is_number(value := getattr(self, name)) or not 0 <= value < math.inf:
                raise ValueError(f"RetryPolicy.{name} must be a number of seconds >= 0, got {value!r}")
        if not _is_number(self.jitter) or not 0 <= self.jitter <= 1:
            raise ValueError(f"RetryPolicy.jitter must be between 0 and 1, got {self.jitter!r}")

    def decide(
        self,
        attempt: int,
        *,
        status: int | None = None,
        error: BaseException | None = None,
        headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> float | None:
        """Seconds to wait before the next attempt, or None to give up.

        `attempt` counts the attempts made so far (1 after the first failure). Pass the failed
        response's `status` and `headers`, or the transport `error`. `max_retries` overrides the
        policy's for this request.
        """
        allowed = self.max_retries if max_retries is None else max_retries
        if attempt > allowed:
            return None
        if error is not None:
            return self.backoff(attempt) if is_retryable_exception(error) else None
        if status not in RETRYABLE_STATUSES:
            return None
        requested = retry_after(headers) if headers is not None else None
        if requested is None:
            return self.backoff(attempt)
        return requested if requested <= self.max_retry_after else None

    def backoff(self, attempt: int) -> float:
        """The exponential wait before retry number `attempt` (1-based), with jitter."""
        delay = min(self.initial_backoff * 2.0 ** (attempt - 1), self.max_backoff)
        # Not for security: spreading retries needs no cryptographic randomness.
        return delay * (1.0 - self.jitter * random.random())  # noqa: S311


def retry_after(headers: Mapping[str, str]) -> float | None:
    """The wait a server asks for: `retry-after-ms`, else `Retry-After` (seconds or an HTTP date)."""
    milliseconds = _number(headers.get("retry-after-ms"))
    if milliseconds is not None:
        return milliseconds / 1000.0
    value = headers.get("retry-after")
    if value is None:
        return None
    seconds = _number(value)
    if seconds is not None:
        return seconds
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return max(0.0, when.timestamp() - time.time())


def check_max_retries(value: object) -> int:
    """`value` if it is a valid retry count, else a clear ValueError."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"max_retries must be an integer >= 0, got {value!r}")
    return value


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _number(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if 0 <= number < math.inf else None

"""Default timeouts for a service that calls reasoning models.

The generated client has no timeout at all by default (httpx's `timeout=None`): a dead connection
would hang a worker forever. These defaults are generous where the model is slow and short where the
network is:

- connect 10 s: a TCP+TLS handshake to api.siliconflow.cn takes well under a second from nearby and
  a few seconds across the world; 10 s (openai: 5 s) tolerates a slow path, and a connect failure is
  retried anyway.
- write 60 s: a request can carry base64 images, audio or video of several MB over a slow uplink.
- pool 600 s (openai's too): waiting for a free connection of our own pool (`pool.py`, 1,000 by
  default). A waiter waits for another call to end, and a call lasts minutes: with 30 s, a fan-out
  of 2,000 streams of two minutes failed half its streams. The caller's concurrency, not this
  timeout, is what should bound the queue; a call's `deadline` still bounds the wait.
- read, non-stream (`DEFAULT_TIMEOUT`): 900 s. Nothing arrives until the whole answer is ready, and a
  thinking model may reason for up to `thinking_budget` = 32768 tokens before answering: at 40-60
  tokens/s that is 9-14 minutes. openai uses 600 s; reasoning budgets need more.
- read, stream (`DEFAULT_STREAM_TIMEOUT`): 180 s. For a stream the read timeout is the longest
  silence between two chunks. Once tokens flow they arrive every few tens of milliseconds; the long
  gap is before the first chunk (queueing plus prefill of a long prompt). Three minutes covers that
  and still notices a dead connection long before the non-stream limit would. A timeout before the
  first chunk is retried; one later raises StreamInterruptedError with the partial output.

Every client and every call can override them (`timeout=` takes seconds or an `httpx.Timeout`).

The read timeout of a stream bounds the time between two complete data events: SSE comments
(`: keep-alive`) and partial lines do not reset it, so a server that trickles a byte at a time
cannot hold a stream open (checked as the bytes arrive, see `stream.py`).

A `deadline` bounds one whole call in wall-clock seconds: every attempt, the waits between them,
the response and, for a stream, the whole stream. It is what makes the worst case finite when a
timeout alone would not be: a server that trickles bytes, or retries of a long read timeout.
- `DEFAULT_DEADLINE` for `create()`: 900 s, the same as its read timeout, so a silent server fails a
  default `create()` after 15 minutes (not 3 attempts x 900 s = 45 minutes), and a long answer
  still has the whole 15 minutes; quick failures (429, 503, resets) are still retried within it.
- streams have no default deadline: a long reasoning stream may run for more than 15 minutes while
  its events flow, and the event-gap timeout already catches a dead or trickling server (a silent
  one fails a default `stream()` after at most 3 x 180 s before the first bytes, or 180 s later).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import httpx

__all__ = [
    "DEADLINE_EXTENSION",
    "DEFAULT_DEADLINE",
    "DEFAULT_STREAM_TIMEOUT",
    "DEFAULT_TIMEOUT",
    "Deadline",
    "as_timeout",
    "check_deadline",
]

DEFAULT_TIMEOUT = httpx.Timeout(connect=10.0, read=900.0, write=60.0, pool=600.0)
DEFAULT_STREAM_TIMEOUT = httpx.Timeout(connect=10.0, read=180.0, write=60.0, pool=600.0)
DEFAULT_DEADLINE = 900.0  # create() only; see above
# The key in `httpx.Request.extensions` that carries a call's `Deadline` to the retrying transport.
DEADLINE_EXTENSION = "siliconflow.deadline"


@dataclass(frozen=True, slots=True)
class Deadline:
    """The end of one call on the `time.monotonic()` clock, and the seconds it was given."""

    at: float
    seconds: float

    @classmethod
    def after(cls, seconds: float) -> Deadline:
        return cls(time.monotonic() + seconds, seconds)

    def remaining(self) -> float:
        return self.at - time.monotonic()

    def passed(self) -> bool:
        return time.monotonic() >= self.at

    def describe(self) -> str:
        return f"the deadline of {self.seconds:g} s passed"


def check_deadline(value: object) -> float | None:
    """`value` as seconds if it is a valid deadline (None: no deadline), else a clear ValueError."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < math.inf:
        raise ValueError(f"deadline must be a number of seconds > 0 or None, got {value!r}")
    return float(value)


def as_timeout(value: float | httpx.Timeout) -> httpx.Timeout:
    """An `httpx.Timeout` from seconds (applied to every phase) or a Timeout; ValueError otherwise."""
    if isinstance(value, httpx.Timeout):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < math.inf:
        raise ValueError(f"timeout must be a number of seconds > 0 or an httpx.Timeout, got {value!r}")
    return httpx.Timeout(float(value))

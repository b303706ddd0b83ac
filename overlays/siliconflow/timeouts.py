"""Default timeouts for a service that calls reasoning models.

The generated client has no timeout at all by default (httpx's `timeout=None`): a dead connection
would hang a worker forever. These defaults are generous where the model is slow and short where the
network is:

- connect 10 s: a TCP+TLS handshake to api.siliconflow.cn takes well under a second from nearby and
  a few seconds across the world; 10 s (openai: 5 s) tolerates a slow path, and a connect failure is
  retried anyway.
- write 60 s: a request can carry base64 images, audio or video of several MB over a slow uplink.
- pool 30 s: waiting for a free connection of our own pool; long waits mean the service is
  saturated and should fail visibly.
- read, non-stream (`DEFAULT_TIMEOUT`): 900 s. Nothing arrives until the whole answer is ready, and a
  thinking model may reason for up to `thinking_budget` = 32768 tokens before answering: at 40-60
  tokens/s that is 9-14 minutes. openai uses 600 s; reasoning budgets need more.
- read, stream (`DEFAULT_STREAM_TIMEOUT`): 180 s. For a stream the read timeout is the longest
  silence between two chunks. Once tokens flow they arrive every few tens of milliseconds; the long
  gap is before the first chunk (queueing plus prefill of a long prompt). Three minutes covers that
  and still notices a dead connection long before the non-stream limit would. A timeout before the
  first chunk is retried; one later raises StreamInterruptedError with the partial output.

Every client and every call can override them (`timeout=` takes seconds or an `httpx.Timeout`).
"""

from __future__ import annotations

import math

import httpx

__all__ = ["DEFAULT_STREAM_TIMEOUT", "DEFAULT_TIMEOUT", "as_timeout"]

DEFAULT_TIMEOUT = httpx.Timeout(connect=10.0, read=900.0, write=60.0, pool=30.0)
DEFAULT_STREAM_TIMEOUT = httpx.Timeout(connect=10.0, read=180.0, write=60.0, pool=30.0)


def as_timeout(value: float | httpx.Timeout) -> httpx.Timeout:
    """An `httpx.Timeout` from seconds (applied to every phase) or a Timeout; ValueError otherwise."""
    if isinstance(value, httpx.Timeout):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < math.inf:
        raise ValueError(f"timeout must be a number of seconds > 0 or an httpx.Timeout, got {value!r}")
    return httpx.Timeout(float(value))

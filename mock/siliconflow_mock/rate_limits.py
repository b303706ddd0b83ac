"""Rate limits the way SiliconFlow applies them: per model, answered with its 429 body.

SiliconFlow limits each account per model on requests and tokens per minute (RPM, TPM), and on some
models per hour or day (RPH, RPD, TPD). Over a limit it answers 429 with no code, no Retry-After and
no rate-limit headers; the message ends with the limit hit:

    {"message": "Request was rejected ... Details:TPM limit reached.", "data": null}

The mock keeps one token bucket per (model, metric): it holds up to one window's worth (the limit),
refilled continuously at limit / window. A request needs one request unit in every request bucket
and a positive balance in every token bucket; the answer's total tokens are then charged (the
balance may go negative, as a long answer overdraws a real account's minute).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["RateLimiter", "RateLimits", "rate_limit_body", "rate_limit_message"]

_WINDOWS = {"RPM": 60.0, "TPM": 60.0, "RPH": 3600.0, "RPD": 86400.0, "TPD": 86400.0}
_REQUEST_METRICS = ("RPD", "RPH", "RPM")  # longest first: the one SiliconFlow would name
_TOKEN_METRICS = ("TPD", "TPM")


def rate_limit_message(metric: str) -> str:
    """SiliconFlow's 429 message for `metric` (RPM, TPM, RPH, RPD, TPD)."""
    return (
        "Request was rejected due to rate limiting. If you want more, please contact "
        f"contact@siliconflow.cn. Details:{metric} limit reached."
    )


def rate_limit_body(metric: str) -> dict[str, object]:
    return {"message": rate_limit_message(metric), "data": None}


@dataclass(frozen=True)
class RateLimits:
    """The limits per model; None: not limited."""

    rpm: int | None = None
    tpm: int | None = None
    rph: int | None = None
    rpd: int | None = None
    tpd: int | None = None

    def __post_init__(self) -> None:
        for metric, value in self.by_metric().items():
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{metric.lower()} must be a whole number >= 1, got {value!r}")

    def by_metric(self) -> dict[str, int]:
        values = {"RPM": self.rpm, "TPM": self.tpm, "RPH": self.rph, "RPD": self.rpd, "TPD": self.tpd}
        return {metric: value for metric, value in values.items() if value is not None}

    def __bool__(self) -> bool:
        return bool(self.by_metric())


class _Bucket:
    __slots__ = ("capacity", "level", "rate", "updated")

    def __init__(self, capacity: int, window: float, now: float) -> None:
        self.capacity = float(capacity)
        self.rate = capacity / window
        self.level = float(capacity)
        self.updated = now

    def refill(self, now: float) -> float:
        self.level = min(self.capacity, self.level + (now - self.updated) * self.rate)
        self.updated = now
        return self.level


class RateLimiter:
    """The buckets of every model; thread-safe (the mock may answer from worker threads)."""

    def __init__(self, limits: RateLimits, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self._clock = clock
        self._lock = threading.Lock()
        self._buckets: dict[tuple[str, str], _Bucket] = {}

    def _bucket(self, model: str, metric: str, now: float) -> _Bucket | None:
        limit = self.limits.by_metric().get(metric)
        if limit is None:
            return None
        key = (model, metric)
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = _Bucket(limit, _WINDOWS[metric], now)
        return bucket

    def admit(self, model: str) -> str | None:
        """Take one request for `model`; the metric over its limit (nothing taken) or None."""
        with self._lock:
            now = self._clock()
            for metric in _TOKEN_METRICS:
                bucket = self._bucket(model, metric, now)
                if bucket is not None and bucket.refill(now) <= 0:
                    return metric
            buckets = [self._bucket(model, metric, now) for metric in _REQUEST_METRICS]
            for metric, bucket in zip(_REQUEST_METRICS, buckets, strict=True):
                if bucket is not None and bucket.refill(now) < 1:
                    return metric
            for bucket in buckets:
                if bucket is not None:
                    bucket.level -= 1
            return None

    def charge(self, model: str, tokens: int) -> None:
        """Count the tokens of an answer given to `model`."""
        with self._lock:
            now = self._clock()
            for metric in _TOKEN_METRICS:
                bucket = self._bucket(model, metric, now)
                if bucket is not None:
                    bucket.refill(now)
                    bucket.level -= tokens

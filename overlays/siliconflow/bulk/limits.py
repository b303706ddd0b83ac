"""Per-model request and token pacing for a bulk job, and what a 429 says about which limit was hit.

SiliconFlow limits each account per model (RPM, TPM, and on some models RPH, RPD, TPD, ...), sends no
rate-limit headers and no Retry-After; a 429's message ends with the limit hit
(`... Details: TPM limit reached.`). So the runner paces itself (sans-IO, here) and reads the message:

- `--rpm` / `--tpm` become a pace per model (GCRA, "virtual scheduling"): each request reserves its
  cost at the limit's rate, with one second of burst allowed. The token cost is estimated before
  sending (prompt characters / 3, plus `max_tokens` or the model's average answer so far) and
  corrected when the real `usage` arrives, so the pace follows what the server counts.
- A 429 naming RPM or TPM cools that model's bucket down: sending to the model pauses (2 s, doubling
  on each 429 in a row, at most a minute) and the bucket's rate drops by 10%. A limit the user did
  not give is learnt: 90% of what the server let through in the last minute.
- A 429 naming an hourly or daily limit (RPH, RPD, TPD, IPD) pauses the model until such a window can
  have passed (an hour, a day) and says so; the per-minute image limits count like RPM.
"""

from __future__ import annotations

import re
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "LONG_PAUSES",
    "ModelLimits",
    "RateLimiter",
    "estimate_tokens",
    "named_limit",
]

_LIMIT_NAME = re.compile(r"Details:\s*([A-Z]{3})\s+limit reached", re.IGNORECASE)
PER_MINUTE = frozenset({"RPM", "TPM", "IPM"})
# Seconds a model is paused after a 429 that names a longer window.
LONG_PAUSES: dict[str, float] = {"RPH": 3600.0, "RPD": 86400.0, "TPD": 86400.0, "IPD": 86400.0}
_FIRST_COOLDOWN = 2.0
_MAX_COOLDOWN = 60.0
_BACKOFF_FACTOR = 0.9
_BURST_SECONDS = 1.0
_DEFAULT_ANSWER_TOKENS = 256
_CHARS_PER_TOKEN = 3  # conservative for English (~4) and generous for Chinese (~1.5): errs on the safe side


def named_limit(message: str) -> str | None:
    """The limit a 429 message names (`RPM`, `TPM`, `RPH`, `RPD`, ...), None when it names none."""
    match = _LIMIT_NAME.search(message)
    return match.group(1).upper() if match else None


def estimate_tokens(body: dict[str, Any], average_answer: float | None) -> int:
    """Tokens a request will count before it is answered: its prompt, plus the answer it may get."""
    prompt_chars = 0
    for message in body.get("messages") or ():
        content = message.get("content") if isinstance(message, dict) else None
        if isinstance(content, str):
            prompt_chars += len(content)
        elif isinstance(content, list):
            prompt_chars += sum(len(str(part.get("text", ""))) for part in content if isinstance(part, dict))
    prompt = prompt_chars // _CHARS_PER_TOKEN + 4 * len(body.get("messages") or ())
    cap = body.get("max_tokens")
    if isinstance(cap, int) and not isinstance(cap, bool) and cap > 0:
        answer = cap if average_answer is None else min(cap, max(1, int(average_answer * 2)))
    else:
        answer = _DEFAULT_ANSWER_TOKENS if average_answer is None else int(average_answer)
    return prompt + answer


@dataclass
class _Pace:
    """GCRA pacing of one metric: `rate` units a second, `_BURST_SECONDS` of tolerance."""

    rate: float | None  # None: unlimited (until a 429 teaches a rate)
    configured: bool = False
    next_free: float = 0.0

    def delay(self, now: float) -> float:
        if self.rate is None:
            return 0.0
        return max(0.0, self.next_free - _BURST_SECONDS - now)

    def take(self, cost: float, now: float) -> None:
        if self.rate is not None:
            self.next_free = max(self.next_free, now) + cost / self.rate

    def refund(self, amount: float) -> None:
        if self.rate is not None:
            self.next_free -= amount / self.rate


@dataclass
class ModelLimits:
    """The pacing state of one model."""

    requests: _Pace
    tokens: _Pace
    paused_until: float = 0.0
    cooldown: float = _FIRST_COOLDOWN
    answer_tokens: float | None = None  # running average of completion tokens
    sent: deque[tuple[float, int]] = field(default_factory=deque)  # (time, estimated tokens), last minute


class RateLimiter:
    """Per-model pacing. `reserve` says how long to wait, or reserves a request's cost (sans-IO)."""

    def __init__(
        self,
        *,
        rpm: float | None = None,
        tpm: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        long_pauses: dict[str, float] | None = None,
        first_cooldown: float = _FIRST_COOLDOWN,
    ) -> None:
        self._rpm = rpm
        self._tpm = tpm
        self._clock = clock
        self._long_pauses = {**LONG_PAUSES, **(long_pauses or {})}
        self._first_cooldown = first_cooldown
        self._models: dict[str, ModelLimits] = {}

    def model(self, name: str) -> ModelLimits:
        """The pacing state of one model, made on first use."""
        limits = self._models.get(name)
        if limits is None:
            limits = ModelLimits(
                requests=_Pace(None if self._rpm is None else self._rpm / 60.0, self._rpm is not None),
                tokens=_Pace(None if self._tpm is None else self._tpm / 60.0, self._tpm is not None),
                cooldown=self._first_cooldown,
            )
            self._models[name] = limits
        return limits

    def estimate(self, model: str, body: dict[str, Any]) -> int:
        """A request's tokens before it is sent: the prompt's estimate plus `max_tokens`."""
        return estimate_tokens(body, self.model(model).answer_tokens)

    def wait_time(self, model: str) -> float:
        """Seconds to wait before the next request to `model` may go (0: now)."""
        limits = self.model(model)
        now = self._clock()
        return max(limits.paused_until - now, limits.requests.delay(now), limits.tokens.delay(now), 0.0)

    def paused(self, model: str) -> bool:
        """Whether a 429 paused `model` and the pause is not over."""
        return self.model(model).paused_until > self._clock()

    def reserve(self, model: str, tokens: int) -> None:
        """Count a request about to be sent (call when `wait_time` is 0)."""
        limits = self.model(model)
        now = self._clock()
        limits.requests.take(1, now)
        limits.tokens.take(tokens, now)
        limits.sent.append((now, tokens))
        while limits.sent and limits.sent[0][0] < now - 60.0:
            limits.sent.popleft()

    def settle(self, model: str, estimated: int, used: int | None, answer_tokens: int | None) -> None:
        """Correct a reservation with the usage the server reported; a success ends a cooldown."""
        limits = self.model(model)
        limits.cooldown = self._first_cooldown
        if used is not None:
            limits.tokens.refund(estimated - used)
        if answer_tokens is not None:
            average = limits.answer_tokens
            limits.answer_tokens = answer_tokens if average is None else 0.9 * average + 0.1 * answer_tokens

    def refund(self, model: str, estimated: int) -> None:
        """A request that was not counted by the server (a connection failure): give its cost back."""
        limits = self.model(model)
        limits.requests.refund(1)
        limits.tokens.refund(estimated)

    def rate_limited(self, model: str, limit: str | None) -> tuple[str, float]:
        """Record a 429 naming `limit` (None: unnamed, taken as RPM); (what was done, pause seconds)."""
        limits = self.model(model)
        now = self._clock()
        name = limit or "RPM"
        if name in self._long_pauses:
            pause = self._long_pauses[name]
            limits.paused_until = max(limits.paused_until, now + pause)
            return f"{name} limit reached: {model} paused for {_duration(pause)}", pause
        if limits.paused_until > now:
            # The other requests in flight when the limit struck: the cooldown already covers them.
            return f"{name} limit reached: {model} already cooling down", limits.paused_until - now
        pace = limits.tokens if name == "TPM" else limits.requests
        if pace.rate is None:
            # Learn the limit: what the server let through in the last minute is about one minute's worth.
            window = [tokens for sent_at, tokens in limits.sent if sent_at >= now - 60.0]
            allowed = sum(window) if name == "TPM" else len(window)
            pace.rate = max(allowed, 1) / 60.0 * _BACKOFF_FACTOR
        else:
            pace.rate *= _BACKOFF_FACTOR
        pace.next_free = max(pace.next_free, now)
        pause = limits.cooldown
        limits.cooldown = min(limits.cooldown * 2, _MAX_COOLDOWN)
        limits.paused_until = max(limits.paused_until, now + pause)
        per_minute = (pace.rate or 0) * 60
        return f"{name} limit reached: {model} cooling down {pause:.0f} s, then {per_minute:.0f}/min", pause


def _duration(seconds: float) -> str:
    if seconds >= 3600:
        return f"{seconds / 3600:g} h"
    if seconds >= 60:
        return f"{seconds / 60:g} min"
    return f"{seconds:g} s"

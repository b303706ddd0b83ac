"""Per-model pacing and what a 429 names: sans-IO, on a fake clock."""

from __future__ import annotations

import pytest
from siliconflow.bulk.limits import RateLimiter, estimate_tokens, named_limit


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(
    ("message", "limit"),
    [
        ("Request was rejected due to rate limiting. ... Details:TPM limit reached.", "TPM"),
        ("Request was rejected due to rate limiting. Details: RPM limit reached.", "RPM"),
        ("... Details: RPH limit reached.", "RPH"),
        ("... Details: rpd limit reached", "RPD"),
        ("Too many requests", None),
    ],
)
def test_the_limit_a_429_names_is_read(message: str, limit: str | None) -> None:
    assert named_limit(message) == limit


def test_requests_are_paced_at_the_rpm_with_one_second_of_burst() -> None:
    clock = Clock()
    limiter = RateLimiter(rpm=60, clock=clock)
    sent = 0
    while limiter.wait_time("m") == 0:
        limiter.reserve("m", 10)
        sent += 1
    assert sent == 2  # now, and one second's worth ahead
    assert limiter.wait_time("m") == pytest.approx(1.0)
    assert limiter.wait_time("other") == 0  # per model
    clock.now += 1.0
    assert limiter.wait_time("m") == 0


def test_token_estimates_are_corrected_by_the_real_usage() -> None:
    clock = Clock()
    limiter = RateLimiter(tpm=6000, clock=clock)  # 100 tokens a second
    limiter.reserve("m", 1000)
    assert limiter.wait_time("m") == pytest.approx(9.0)
    limiter.settle("m", 1000, used=100, answer_tokens=50)  # it used far less: give it back
    assert limiter.wait_time("m") == 0
    body = {"messages": [{"role": "user", "content": "x" * 300}], "max_tokens": 1000}
    assert estimate_tokens(body, None) == 100 + 4 + 1000
    assert estimate_tokens(body, 50.0) == 100 + 4 + 100  # capped by twice the average answer so far


def test_a_tpm_429_slows_tokens_only_and_once_per_cooldown() -> None:
    clock = Clock()
    limiter = RateLimiter(rpm=600, tpm=6000, clock=clock, first_cooldown=2.0)
    limiter.reserve("m", 10)
    what, pause = limiter.rate_limited("m", "TPM")
    assert pause == 2.0
    assert "TPM limit reached" in what
    limits = limiter.model("m")
    assert limits.tokens.rate == pytest.approx(90.0)  # 10% slower
    assert limits.requests.rate == pytest.approx(10.0)  # untouched
    assert limiter.wait_time("m") == pytest.approx(2.0)
    limiter.rate_limited("m", "TPM")  # another request that was in flight: no second slowdown
    assert limits.tokens.rate == pytest.approx(90.0)
    clock.now += 2.0
    limiter.rate_limited("m", "TPM")  # a new hit after the pause: slower again, longer pause
    assert limits.tokens.rate == pytest.approx(81.0)
    assert limiter.wait_time("m") == pytest.approx(4.0)


def test_an_unconfigured_limit_is_learnt_from_what_the_server_let_through() -> None:
    clock = Clock()
    limiter = RateLimiter(clock=clock)
    for _ in range(100):
        limiter.reserve("m", 10)
    limiter.rate_limited("m", "RPM")
    assert limiter.model("m").requests.rate == pytest.approx(100 / 60 * 0.9)


@pytest.mark.parametrize(("limit", "seconds"), [("RPH", 3600.0), ("RPD", 86400.0), ("TPD", 86400.0)])
def test_an_hourly_or_daily_limit_pauses_the_model_for_its_window(limit: str, seconds: float) -> None:
    clock = Clock()
    limiter = RateLimiter(rpm=600, clock=clock)
    what, pause = limiter.rate_limited("m", limit)
    assert pause == seconds
    assert f"{limit} limit reached" in what
    assert "paused for" in what
    assert limiter.wait_time("m") == pytest.approx(seconds)
    assert limiter.model("m").requests.rate == pytest.approx(10.0)  # the per-minute pace is not the cause
    assert limiter.wait_time("other") == 0

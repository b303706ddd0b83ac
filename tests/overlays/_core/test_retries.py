"""Retry decisions: which failures, how long to wait, Retry-After honoured and capped."""

from __future__ import annotations

import email.utils
import time

import httpx
import pytest
from siliconflow import RetryPolicy
from siliconflow._core.retries import retry_after

EXACT = RetryPolicy(jitter=0)


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
def test_retryable_statuses_are_retried(status: int) -> None:
    assert EXACT.decide(1, status=status, headers={}) == 1.0


@pytest.mark.parametrize("status", [400, 401, 402, 403, 404, 409, 413, 422, 501, 505])
def test_other_statuses_are_never_retried(status: int) -> None:
    assert EXACT.decide(1, status=status, headers={}) is None


@pytest.mark.parametrize(
    "error",
    [
        httpx.ConnectError("refused"),
        httpx.ConnectTimeout("slow"),
        httpx.ReadTimeout("slow"),
        httpx.WriteTimeout("slow"),
        httpx.PoolTimeout("busy"),
        httpx.ReadError("reset by peer"),
        httpx.WriteError("broken pipe"),
        httpx.RemoteProtocolError("Server disconnected without sending a response."),
    ],
)
def test_connection_failures_and_timeouts_are_retried(error: Exception) -> None:
    assert EXACT.decide(1, error=error) == 1.0


@pytest.mark.parametrize(
    "error", [httpx.UnsupportedProtocol("ftp"), httpx.LocalProtocolError("bad header"), ValueError("bug")]
)
def test_mistakes_are_not_retried(error: Exception) -> None:
    assert EXACT.decide(1, error=error) is None


def test_backoff_doubles_up_to_the_cap() -> None:
    delays = [EXACT.decide(attempt, status=503, headers={}, max_retries=8) for attempt in range(1, 9)]
    assert delays == [1.0, 2.0, 4.0, 8.0, 16.0, 16.0, 16.0, 16.0]


def test_attempts_beyond_max_retries_give_up() -> None:
    assert RetryPolicy(max_retries=2).decide(3, status=503, headers={}) is None
    assert RetryPolicy(max_retries=0).decide(1, status=503, headers={}) is None
    assert RetryPolicy(max_retries=0).decide(1, status=503, headers={}, max_retries=1) is not None


def test_jitter_shortens_by_at_most_the_jitter_share() -> None:
    policy = RetryPolicy(initial_backoff=2.0, jitter=0.25)
    delays = {policy.backoff(1) for _ in range(200)}
    assert all(1.5 <= delay <= 2.0 for delay in delays)
    assert len(delays) > 1  # it does vary


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry-after-ms": "250"}, 0.25),
        ({"retry-after": "3"}, 3.0),
        ({"retry-after": "1.5"}, 1.5),
        ({"retry-after-ms": "100", "retry-after": "9"}, 0.1),
        ({"retry-after": "soon"}, None),
        ({"retry-after": "-1"}, None),
        ({"retry-after": "nan"}, None),
        ({}, None),
    ],
)
def test_retry_after_headers(headers: dict[str, str], expected: float | None) -> None:
    assert retry_after(httpx.Headers(headers)) == expected


def test_retry_after_as_an_http_date() -> None:
    value = email.utils.formatdate(time.time() + 30, usegmt=True)
    delay = retry_after(httpx.Headers({"Retry-After": value}))
    assert delay is not None
    assert 28 <= delay <= 30


def test_retry_after_is_honoured_up_to_the_cap_and_beyond_it_gives_up() -> None:
    assert EXACT.decide(1, status=429, headers=httpx.Headers({"retry-after": "42"})) == 42.0
    assert EXACT.decide(1, status=429, headers=httpx.Headers({"retry-after": "60"})) == 60.0
    assert EXACT.decide(1, status=429, headers=httpx.Headers({"retry-after": "3600"})) is None
    assert RetryPolicy(max_retry_after=5).decide(1, status=503, headers={"retry-after-ms": "6000"}) is None


def test_unparseable_retry_after_falls_back_to_backoff() -> None:
    assert EXACT.decide(1, status=429, headers=httpx.Headers({"retry-after": "later"})) == 1.0


@pytest.mark.parametrize(
    "options",
    [
        {"max_retries": -1},
        {"max_retries": 1.5},
        {"max_retries": True},
        {"initial_backoff": -0.1},
        {"max_backoff": float("inf")},
        {"max_retry_after": "60"},
        {"jitter": 1.5},
    ],
)
def test_bad_settings_are_refused_with_a_clear_message(options: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=next(iter(options))):
        RetryPolicy(**options)  # type: ignore[arg-type]

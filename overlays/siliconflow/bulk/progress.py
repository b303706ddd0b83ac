"""Counting a bulk job, showing its progress on stderr, and summing it up (tokens, time, cost).

On a terminal the progress is a live bar drawn by rich (imported only then; without rich, the plain
lines are used); otherwise, a plain line every few seconds, so a log file stays readable.
"""

from __future__ import annotations

import json
import math
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TextIO

__all__ = ["BulkSummary", "Prices", "ProgressView", "load_prices", "open_progress"]

PLAIN_INTERVAL_SECONDS = 5.0


@dataclass
class BulkSummary:
    """What a job did so far; `summary()` says it in one block of text."""

    total: int = 0  # lines to send in this run
    skipped_done: int = 0  # lines already in OUT from an earlier run
    invalid: int = 0  # lines skipped because they failed the input check
    succeeded: int = 0
    failed: int = 0
    failed_before: int = 0  # failed lines already in OUT from an earlier run (not redone by this one)
    retries: int = 0
    rate_limited: int = 0
    prompt_tokens: int = 0
    reasoning_tokens: int = 0
    answer_tokens: int = 0
    interrupted: bool = False
    started: float = field(default_factory=time.monotonic)
    tokens_by_model: dict[str, list[int]] = field(default_factory=dict)  # model -> [prompt, completion]

    @property
    def done(self) -> int:
        return self.succeeded + self.failed

    @property
    def failed_in_output(self) -> int:
        """Failed lines OUT holds now: this run's and those an earlier run left."""
        return self.failed_before + self.failed

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def add_usage(self, model: str, usage: Any) -> int | None:
        """Count a completion's `usage` object (a dict); returns its total tokens."""
        if not isinstance(usage, dict):
            return None
        prompt = _count(usage.get("prompt_tokens"))
        completion = _count(usage.get("completion_tokens"))
        details = usage.get("completion_tokens_details")
        reasoning = _count(details.get("reasoning_tokens")) if isinstance(details, dict) else 0
        self.prompt_tokens += prompt
        self.reasoning_tokens += reasoning
        self.answer_tokens += max(completion - reasoning, 0)
        per_model = self.tokens_by_model.setdefault(model, [0, 0])
        per_model[0] += prompt
        per_model[1] += completion
        total = usage.get("total_tokens")
        return _count(total) if total is not None else prompt + completion

    def rates(self) -> tuple[float, float]:
        """(requests a second, tokens a second) since the start."""
        elapsed = max(self.elapsed, 1e-9)
        tokens = self.prompt_tokens + self.reasoning_tokens + self.answer_tokens
        return self.done / elapsed, tokens / elapsed

    def eta(self) -> float | None:
        """Seconds left at the current pace, or None before anything finished."""
        per_second, _ = self.rates()
        left = self.total - self.done
        return left / per_second if per_second > 0 and left > 0 else None

    def line(self) -> str:
        """The one-line progress report."""
        per_second, tokens_per_second = self.rates()
        eta = self.eta()
        shown_eta = "" if eta is None else f", ETA {_clock(eta)}"
        return (
            f"{self.done}/{self.total} done ({self.failed} failed), {per_second:.1f} req/s, "
            f"{tokens_per_second:.0f} tok/s{shown_eta}"
        )

    def summary(self, prices: Prices | None = None) -> str:
        """The closing report: counts, tokens, retries, wall time and, with prices, the cost."""
        tokens = self.prompt_tokens + self.reasoning_tokens + self.answer_tokens
        lines = [
            f"{'interrupted' if self.interrupted else 'finished'} in {_clock(self.elapsed)}: "
            f"{self.succeeded} succeeded, {self.failed} failed"
            + (f", {self.skipped_done} already done" if self.skipped_done else "")
            + (f", {self.invalid} invalid lines skipped" if self.invalid else "")
            + (f", {self.total - self.done} not sent" if self.total > self.done else "")
            + (
                f"; {self.failed_in_output} failed lines in the output (--retry-failed redoes them)"
                if self.failed_before
                else ""
            ),
            f"tokens: {self.prompt_tokens} prompt, {self.reasoning_tokens} reasoning, "
            f"{self.answer_tokens} answer ({tokens} in all)",
            f"retries: {self.retries} ({self.rate_limited} after a rate limit)",
        ]
        if prices is not None:
            cost, unpriced = prices.cost(self.tokens_by_model)
            note = f" (no price for {', '.join(sorted(unpriced))})" if unpriced else ""
            lines.append(f"estimated cost: {cost:.4f}{note}")
        return "\n".join(lines)


def _count(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@dataclass(frozen=True)
class Prices:
    """Per model: price per million input tokens and per million output tokens (reasoning included)."""

    per_model: dict[str, tuple[float, float]]

    def cost(self, tokens_by_model: dict[str, list[int]]) -> tuple[float, set[str]]:
        """The estimated cost of the tokens of each model, and the models that have no price."""
        total = 0.0
        unpriced: set[str] = set()
        for model, (prompt, completion) in tokens_by_model.items():
            price = self.per_model.get(model)
            if price is None:
                unpriced.add(model)
                continue
            total += prompt / 1e6 * price[0] + completion / 1e6 * price[1]
        return total, unpriced


def load_prices(path: Path) -> Prices:
    """Read a prices file: `{"model": {"input": 0.5, "output": 2.0}, ...}` per million tokens."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"prices file {path}: {exc}") from None
    if not isinstance(data, dict):
        raise ValueError(f'prices file {path}: expected {{"model": {{"input": N, "output": N}}}}')
    prices: dict[str, tuple[float, float]] = {}
    for model, entry in data.items():
        values = [entry.get(key) if isinstance(entry, dict) else None for key in ("input", "output")]
        if not all(
            isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) and v >= 0
            for v in values
        ):
            raise ValueError(
                f"prices file {path}: {model!r} needs numbers >= 0 for 'input' and 'output'"
                " (per million tokens)"
            )
        prices[model] = (float(values[0]), float(values[1]))  # type: ignore[arg-type]
    return Prices(prices)


class ProgressView(Protocol):
    """Where progress goes: a live bar on a terminal with rich, else a plain line every few seconds."""

    def update(self, counters: BulkSummary) -> None:
        """Show the counts now (the plain view prints at most every few seconds)."""

    def note(self, message: str) -> None:
        """A line of its own, above the bar (a pause for a rate limit, a refused line)."""

    def close(self, counters: BulkSummary) -> None:
        """Stop the live view."""


class _PlainProgress:
    """A line every PLAIN_INTERVAL_SECONDS: fit for logs and pipes."""

    def __init__(self, stream: TextIO, interval: float) -> None:
        self._stream = stream
        self._interval = interval
        self._last = time.monotonic()

    def update(self, counters: BulkSummary) -> None:
        now = time.monotonic()
        if now - self._last >= self._interval:
            self._last = now
            self._stream.write(f"progress: {counters.line()}\n")
            self._stream.flush()

    def note(self, message: str) -> None:
        self._stream.write(f"{message}\n")
        self._stream.flush()

    def close(self, counters: BulkSummary) -> None:
        self._stream.write(f"progress: {counters.line()}\n")
        self._stream.flush()


class _RichProgress:
    """A live bar: done / failed / requests and tokens a second / ETA."""

    def __init__(self, stream: TextIO, total: int) -> None:
        from rich.console import Console  # noqa: PLC0415 - only on a terminal, only when installed
        from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn  # noqa: PLC0415

        self._console = Console(file=stream)
        self._progress = Progress(
            TextColumn("[bold]bulk"),
            BarColumn(),
            TextColumn("{task.completed}/{task.total} · {task.fields[failed]} failed"),
            TextColumn("· {task.fields[rates]}"),
            TimeRemainingColumn(),
            console=self._console,
            transient=False,
        )
        self._task = self._progress.add_task("bulk", total=total, failed=0, rates="")
        self._progress.start()

    def update(self, counters: BulkSummary) -> None:
        per_second, tokens = counters.rates()
        self._progress.update(
            self._task,
            completed=counters.done,
            total=counters.total,
            failed=counters.failed,
            rates=f"{per_second:.1f} req/s · {tokens:.0f} tok/s",
        )

    def note(self, message: str) -> None:
        self._console.print(message, markup=False, highlight=False)

    def close(self, counters: BulkSummary) -> None:
        self.update(counters)
        self._progress.stop()


def open_progress(
    stream: TextIO | None, total: int, *, interval: float = PLAIN_INTERVAL_SECONDS
) -> ProgressView:
    """The live bar on a terminal (when rich is installed), else plain lines; None: no output at all."""
    if stream is None:
        return _Silent()
    if stream.isatty():
        try:
            return _RichProgress(stream, total)
        except ImportError:
            pass
    return _PlainProgress(stream, interval)


class _Silent:
    def update(self, counters: BulkSummary) -> None:
        pass

    def note(self, message: str) -> None:
        pass

    def close(self, counters: BulkSummary) -> None:
        pass

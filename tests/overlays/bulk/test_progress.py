"""Progress on stderr (a live bar on a terminal, plain lines elsewhere), the summary and prices."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from siliconflow.bulk import BulkSummary, Prices, load_prices
from siliconflow.bulk.progress import open_progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def summary() -> BulkSummary:
    done = BulkSummary(total=10, succeeded=4, failed=1)
    done.add_usage(
        "m",
        {
            "prompt_tokens": 100,
            "completion_tokens": 50,
            "completion_tokens_details": {"reasoning_tokens": 20},
        },
    )
    return done


def test_plain_lines_come_every_interval_and_at_the_end() -> None:
    err = io.StringIO()
    view = open_progress(err, 10, interval=3600)
    view.update(summary())  # within the interval: nothing
    view.note("rate limit: RPM limit reached")
    view.close(summary())
    lines = err.getvalue().splitlines()
    assert lines[0] == "rate limit: RPM limit reached"
    assert lines[1].startswith("progress: 5/10 done (1 failed)")
    assert "req/s" in lines[1]
    assert "tok/s" in lines[1]


def test_a_terminal_gets_the_live_bar() -> None:
    err = Terminal()
    view = open_progress(err, 10)
    assert type(view).__name__ == "_RichProgress"
    view.update(summary())
    view.close(summary())
    assert "1 failed" in err.getvalue()


def test_no_stream_shows_nothing() -> None:
    view = open_progress(None, 10)
    view.update(summary())
    view.close(summary())


def test_the_summary_counts_tokens_apart_and_prices_them(tmp_path: Path) -> None:
    path = tmp_path / "prices.json"
    path.write_text(json.dumps({"m": {"input": 2, "output": 8}}), encoding="utf-8")
    prices = load_prices(path)
    assert prices == Prices({"m": (2.0, 8.0)})
    done = summary()
    done.add_usage("unpriced/model", {"prompt_tokens": 1, "completion_tokens": 1})
    text = done.summary(prices)
    assert "4 succeeded, 1 failed" in text
    assert "101 prompt, 20 reasoning, 31 answer" in text
    assert f"estimated cost: {100 / 1e6 * 2 + 50 / 1e6 * 8:.4f} (no price for unpriced/model)" in text


@pytest.mark.parametrize(
    "content", ["not json", "[1]", '{"m": {"input": -1, "output": 1}}', '{"m": {"input": 1}}']
)
def test_a_bad_prices_file_is_a_clear_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "prices.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match="prices file"):
        load_prices(path)

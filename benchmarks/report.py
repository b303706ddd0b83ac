"""BENCHMARKS.md: the tables of medians and ratios, with what was measured on what."""

from __future__ import annotations

import datetime
import os
import platform
from dataclasses import dataclass
from importlib import metadata

from benchmarks.stats import Summary


@dataclass(frozen=True)
class Row:
    name: str
    summary: Summary
    unit: str


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def environment() -> list[str]:
    versions = ", ".join(
        f"{name} {metadata.version(name)}"
        for name in (
            "siliconflow-chat",
            "httpx",
            "httpcore",
            "orjson",
            "attrs",
            "anyio",
            "openai",
            "pydantic",
        )
    )
    return [
        f"- Date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {_cpu_model()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()} ({platform.python_implementation()})",
        f"- Libraries: {versions}",
    ]


def table(rows: list[Row], *, higher_is_better: bool, baseline: str, rival: str) -> list[str]:
    """A markdown table of medians with the spread and the two ratios the targets are stated in."""
    by_name = {row.name: row.summary.median for row in rows}
    unit = rows[0].unit
    lines = [
        f"| contender | median ({unit}) | spread | vs floor | vs openai |",
        "|---|---:|---:|---:|---:|",
    ]
    for row in rows:
        median = row.summary.median
        # Ratios are stated as "how many times the time of": >1 means slower than the reference.
        vs_floor = _time_ratio(median, by_name[baseline], higher_is_better)
        vs_rival = _time_ratio(median, by_name[rival], higher_is_better)
        lines.append(
            f"| {row.name} | {_fmt(median)} | ±{row.summary.spread_percent():.0f}% "
            f"| {vs_floor:.2f}x | {vs_rival:.2f}x |"
        )
    return lines


def _time_ratio(value: float, reference: float, higher_is_better: bool) -> float:
    if higher_is_better:  # a rate: the time ratio is the inverse
        return reference / value
    return value / reference


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:.3g}"

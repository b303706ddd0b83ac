"""The targets chart: one bar per goal, green when met, red when not, goals lined up."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from benchmarks.chart import BAR_WIDTH, Target, svg

SVG = "{http://www.w3.org/2000/svg}"


def bars(document: str) -> list[ET.Element]:
    root = ET.fromstring(document)
    return [rect for rect in root.iter(f"{SVG}rect") if rect.get("fill") != "white"]


def test_a_met_goal_is_green_and_short_of_the_line_a_missed_one_red_and_past_it() -> None:
    chart = svg([Target("fast", 0.5, 1.0), Target("slow", 1.5, 1.0), Target("memory", 0.2, 10.0, " MB")], "t")
    met, missed, memory = bars(chart)
    assert met.get("fill") == "#2e7d32"
    assert missed.get("fill") == "#c62828"
    goal = BAR_WIDTH * 0.6
    assert float(met.get("width", "")) == pytest.approx(goal / 2, abs=0.05)
    assert float(missed.get("width", "")) == pytest.approx(goal * 1.5, abs=0.05)
    assert float(memory.get("width", "")) == pytest.approx(
        goal * 0.02, abs=0.05
    )  # widths are written to 0.1 px
    assert "0.20 MB (goal 10.00 MB)" in chart


def test_a_huge_ratio_stays_inside_the_chart_and_names_are_escaped() -> None:
    chart = svg([Target("a < b & c", 100.0, 1.0)], "<title>")
    (bar,) = bars(chart)
    assert float(bar.get("width", "")) == BAR_WIDTH
    assert "a &lt; b &amp; c" in chart
    assert "&lt;title&gt;" in chart

"""The targets as an SVG bar chart: each measured ratio as a bar, its goal as a mark.

Written by hand rather than with matplotlib: the chart is a dozen rectangles and labels, and
matplotlib (with numpy, pillow and four more packages) would add tens of megabytes and half a
minute to every fresh `make venv` for it. The SVG is plain text, so a re-run shows in the diff.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

ROW = 34
LABEL_WIDTH = 380
BAR_WIDTH = 420
TOP = 44
RIGHT = 170


@dataclass(frozen=True)
class Target:
    """One goal: `measured` must be at most `goal` (both in `unit`)."""

    name: str
    measured: float
    goal: float
    unit: str = "x"

    @property
    def met(self) -> bool:
        return self.measured <= self.goal


def svg(targets: list[Target], title: str) -> str:
    """A horizontal bar per target, scaled per row so that the goal sits at the same place."""
    height = TOP + ROW * len(targets) + 30
    width = LABEL_WIDTH + BAR_WIDTH + RIGHT
    goal_x = LABEL_WIDTH + BAR_WIDTH * 0.6  # every goal at 60 % of the bar area: rows compare at a glance
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="13">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="10" y="22" font-size="15" font-weight="bold">{escape(title)}</text>',
        f'<line x1="{goal_x:.1f}" y1="{TOP - 8}" x2="{goal_x:.1f}" y2="{height - 24}" '
        'stroke="#444" stroke-dasharray="4 3"/>',
        f'<text x="{goal_x:.1f}" y="{height - 8}" text-anchor="middle" fill="#444">goal</text>',
    ]
    for row, target in enumerate(targets):
        y = TOP + row * ROW
        scale = BAR_WIDTH * 0.6 / target.goal if target.goal else 0.0
        length = min(target.measured * scale, BAR_WIDTH)
        color = "#2e7d32" if target.met else "#c62828"
        unit = escape(target.unit)
        parts += [
            f'<text x="{LABEL_WIDTH - 10}" y="{y + 17}" text-anchor="end">{escape(target.name)}</text>',
            f'<rect x="{LABEL_WIDTH}" y="{y + 4}" width="{length:.1f}" height="{ROW - 10}" fill="{color}"/>',
            f'<text x="{LABEL_WIDTH + length + 6:.1f}" y="{y + 17}">'
            f"{target.measured:.2f}{unit} (goal {target.goal:.2f}{unit})</text>",
        ]
    parts.append("</svg>")
    return "\n".join(parts) + "\n"

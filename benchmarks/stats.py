"""Small statistics for benchmark samples: the median and the spread, nothing fancier."""

from __future__ import annotations

import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class Summary:
    """Median of the samples with their lowest and highest value."""

    median: float
    low: float
    high: float
    count: int

    @classmethod
    def of(cls, samples: list[float]) -> Summary:
        if not samples:
            raise ValueError("no samples")
        return cls(statistics.median(samples), min(samples), max(samples), len(samples))

    def spread_percent(self) -> float:
        """Half the range as a percentage of the median: how much a single run may drift."""
        return 0.0 if self.median == 0 else 50.0 * (self.high - self.low) / self.median

"""Drift: what the API sends that openapi.yaml does not describe.

The generated parsers (templates/model.py.jinja) call `note_drift(path, value)` for every unknown
field and every value of a field whose `x-known-values` lack it, by JSON path:
`choices[].delta.audio`, `choices[].finish_reason=content_filter`. The client passes it for every
answer it parses (a response, each stream chunk); a payload with nothing new costs a key-subset
test per object and never reaches this module.

Each new path is logged once per process as a WARNING on the `siliconflow._core.drift` logger (the path
and the JSON type, never the value: a server may echo anything), and counted in a process-wide
report with one example value, read with `drift_report()` or `client.drift_report()`.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

from siliconflow_api.errors import json_type

__all__ = ["DriftEntry", "clear_drift_report", "drift_report", "note_drift"]

logger = logging.getLogger("siliconflow._core.drift")

_lock = threading.Lock()
_counts: dict[str, int] = {}
_examples: dict[str, Any] = {}
_logged: set[str] = set()  # never cleared: "once per process"


@dataclass(frozen=True, slots=True)
class DriftEntry:
    """How often a path was seen, and the value it had the first time."""

    count: int
    example: Any


def note_drift(path: str, value: Any) -> None:
    """Record one sighting of `path` (called by the generated parsers)."""
    with _lock:
        count = _counts.get(path)
        if count is None:
            _examples[path] = value
            _counts[path] = 1
        else:
            _counts[path] = count + 1
        first = path not in _logged
        _logged.add(path)
    if first:
        logger.warning(
            "API drift: the server sent %s (%s), which openapi.yaml does not describe; "
            "the spec may need an update",
            path,
            json_type(value),
        )


def drift_report() -> dict[str, DriftEntry]:
    """Every drift path seen in this process (since the last `clear_drift_report()`), sorted."""
    with _lock:
        return {path: DriftEntry(_counts[path], _examples[path]) for path in sorted(_counts)}


def clear_drift_report() -> None:
    """Forget the counts (paths already logged are not logged again)."""
    with _lock:
        _counts.clear()
        _examples.clear()

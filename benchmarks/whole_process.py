"""Whole-process measures: what a user waits for when running a command, start-up included.

Every sample is a fresh interpreter: wall time from spawn to exit, and its CPU time (user + system,
from the children's rusage). Contenders alternate within each repetition, like the in-process ones.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.stats import Summary

FLOOR_SCRIPT = Path(__file__).with_name("floor_script.py")
BULK_HEADER = "X-Mock-Bulk-Chunks"


@dataclass(frozen=True)
class Process:
    """Median wall and CPU seconds of one command over the repetitions."""

    wall: Summary
    cpu: Summary


def _cli(python: str) -> list[str]:
    """The installed `siliconflow` console script of `python`'s environment."""
    script = Path(python).with_name("siliconflow")
    return [str(script)] if script.exists() else [python, "-m", "siliconflow_cli"]


def _run_once(command: Sequence[str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, check=False, env={**os.environ, "NO_COLOR": "1"})
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise RuntimeError(f"{command[0]} failed ({result.returncode}): {result.stderr.decode()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def alternate(commands: dict[str, list[str]], repeat: int) -> dict[str, Process]:
    """Run each command `repeat` times, rotating the order; one warm-up each (disk cache, .pyc)."""
    names = list(commands)
    for command in commands.values():
        _run_once(command)
    walls: dict[str, list[float]] = {name: [] for name in names}
    cpus: dict[str, list[float]] = {name: [] for name in names}
    for round_ in range(repeat):
        shift = round_ % len(names)
        for name in names[shift:] + names[:shift]:
            wall, cpu = _run_once(commands[name])
            walls[name].append(wall)
            cpus[name].append(cpu)
    return {name: Process(Summary.of(walls[name]), Summary.of(cpus[name])) for name in names}


def stream_commands(
    base_url: str, token: str, chunks: int, python: str = sys.executable
) -> dict[str, list[str]]:
    """`siliconflow chat --stream --json` against the floor script, on the same bulk answer."""
    ours = [
        *_cli(python),
        "chat",
        "benchmark",
        "--stream",
        "--json",
        "--base-url",
        base_url,
        "--api-key",
        token,
        "--max-retries",
        "0",
        "--header",
        f"{BULK_HEADER}: {chunks}",
    ]
    return {
        "floor: httpx + orjson script": [python, str(FLOOR_SCRIPT), base_url, token, str(chunks)],
        "ours: siliconflow chat --stream --json": ours,
    }


def start_commands(python: str = sys.executable) -> dict[str, list[str]]:
    """A command that does nothing but start, against the import every HTTP client pays for."""
    return {
        'python -c "import httpx"': [python, "-c", "import httpx"],
        "siliconflow --help": [*_cli(python), "--help"],
    }

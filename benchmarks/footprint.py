"""Import time and memory growth, each measured in a fresh interpreter.

    python -m benchmarks.footprint memory {ours,ours-accumulate,openai,floor} BASE_URL TOKEN CHUNKS

prints one JSON object: the resident set before reading a CHUNKS-chunk stream and the highest
resident set sampled while reading it. (Peak RSS from getrusage would hide growth below a peak
reached earlier, during imports for example.)
"""

from __future__ import annotations

import gc
import json
import resource
import subprocess
import sys
import threading
from collections.abc import Callable

from benchmarks.stats import Summary

IMPORT_SNIPPET = "import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"


def import_seconds(statement: str, repeat: int, python: str = sys.executable) -> Summary:
    """Median wall time of an import statement in `repeat` fresh interpreters of `python`."""
    samples = []
    for _ in range(repeat):
        result = subprocess.run(
            [python, "-c", IMPORT_SNIPPET.format(statement=statement)],
            capture_output=True,
            text=True,
            check=True,
        )
        samples.append(float(result.stdout.strip()))
    return Summary.of(samples)


def memory_growth_kib(contender: str, base_url: str, token: str, chunks: int) -> int:
    """Peak-RSS growth (KiB) of one contender reading a `chunks`-chunk stream, in a fresh process."""
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.footprint", "memory", contender, base_url, token, str(chunks)],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(result.stdout)
    if report["chunks"] < chunks:
        raise RuntimeError(f"{contender} read {report['chunks']} chunks, expected at least {chunks}")
    growth: int = report["after_kib"] - report["before_kib"]
    return growth


def _rss_kib() -> int:
    """The current resident set of this process (Linux), in KiB."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        pages = int(statm.read().split()[1])
    return pages * resource.getpagesize() // 1024


class _RssSampler(threading.Thread):
    """Samples the resident set every few milliseconds until stopped; keeps the highest."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.highest = _rss_kib()
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.wait(0.002):
            self.highest = max(self.highest, _rss_kib())

    def stop(self) -> int:
        self._stop_event.set()
        self.join()
        return max(self.highest, _rss_kib())


def _reader(contender: str, base_url: str, token: str) -> Callable[[int], int]:
    """A function that reads a stream of N chunks with the given client and returns the count."""
    from benchmarks.contenders import Target, stream_contenders

    names = {
        "ours": "ours: sync stream",
        "ours-accumulate": "ours: sync stream + accumulate",
        "openai": "openai: stream",
        "floor": "floor: httpx iter_lines + orjson",
    }

    def read(chunks: int) -> int:
        return stream_contenders(Target(base_url, token, chunks))[names[contender]]()

    return read


def _memory_child(contender: str, base_url: str, token: str, chunks: int) -> None:
    read = _reader(contender, base_url, token)
    read(1_000)  # warm up: every lazy import and buffer exists before the baseline
    gc.collect()
    before = _rss_kib()
    sampler = _RssSampler()
    sampler.start()
    count = read(chunks)
    after = sampler.stop()
    print(json.dumps({"chunks": count, "before_kib": before, "after_kib": after}))


if __name__ == "__main__":
    _, command, who, url, key, size = sys.argv
    if command != "memory":
        raise SystemExit(f"unknown command {command!r}")
    _memory_child(who, url, key, int(size))

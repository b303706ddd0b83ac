"""The bulk runner's goals (issue 13), measured in one run against the mock in its own process.

    python -m benchmarks.bulk                   # `make bench-bulk`; writes BENCHMARKS-bulk.md
    python -m benchmarks.bulk --smoke --output /tmp/b.md   # tiny sizes: checks the script works

1. Throughput: N non-stream requests at concurrency 64 against the unlimited mock, our runner
   (`run_bulk_async`) against a floor of plain asyncio + httpx + a semaphore writing the same
   output lines; alternated, medians; goal: ours >= 0.8x the floor's requests/s.
2. Throttling: the mock at `--rpm 600`; the runner told `--rpm 600`, and the runner told nothing
   (it learns the limit from the first 429s); 429s and the rate kept after the mock's first
   minute of burst allowance; goal: a handful of 429s, within 10% of the limit.
3. The pool (issue 19): the runner at concurrency 256 on a client with its default pool (1,000
   connections) against the same runner given a transport of exactly 256 connections; alternated,
   medians; goal: the defaults >= 0.9x (the pool does not slow a wide bulk job).
4. Memory: `siliconflow batch run` over a big input (1,000,000 lines in the full run) with the mock
   in bulk mode; peak resident set of the runner's process; goal: under 150 MB, and flat (about
   the same at a tenth of the lines).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import orjson
from siliconflow import AsyncSiliconFlow
from siliconflow.bulk import BulkOptions, BulkSummary, run_bulk_async

from benchmarks.mock_process import TOKEN, mock_server
from benchmarks.report import environment
from benchmarks.stats import Summary

MODEL = "Qwen/Qwen3-8B"
CONCURRENCY = 64
WIDE = 256  # the concurrency of the pool check
RPM = 600


@dataclass(frozen=True)
class Sizes:
    requests: int
    repeat: int
    throttled: int
    memory_lines: int


FULL = Sizes(requests=10_000, repeat=3, throttled=1_200, memory_lines=1_000_000)
SMOKE = Sizes(requests=100, repeat=1, throttled=20, memory_lines=1_000)


def write_input(path: Path, count: int) -> Path:
    with path.open("wb") as file:
        for i in range(count):
            body = {"model": MODEL, "messages": [{"role": "user", "content": f"Question number {i}?"}]}
            file.write(orjson.dumps({"custom_id": f"req-{i}", "body": body}) + b"\n")
    return path


def _limits(width: int = CONCURRENCY) -> httpx.Limits:
    return httpx.Limits(max_connections=width, max_keepalive_connections=width)


async def ours(
    source: Path, target: Path, base_url: str, options: BulkOptions, *, own_pool: bool = True
) -> BulkSummary:
    """The runner on a client with a pool of exactly `options.concurrency` connections, or (own_pool
    False) with the client's default pool."""
    transport = httpx.AsyncHTTPTransport(limits=_limits(options.concurrency)) if own_pool else None
    async with AsyncSiliconFlow(api_key=TOKEN, base_url=base_url, transport=transport) as client:
        return await run_bulk_async(source, target, client=client, options=options)


async def floor(source: Path, target: Path, base_url: str) -> int:
    """Plain asyncio + httpx + a semaphore, writing the same result lines: what anyone would write."""
    semaphore = asyncio.Semaphore(CONCURRENCY)
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    async with httpx.AsyncClient(base_url=base_url, headers=headers, limits=_limits(), timeout=60) as http:
        with source.open("rb") as lines, target.open("wb") as out:

            async def one(raw: bytes) -> None:
                record = orjson.loads(raw)
                async with semaphore:
                    response = await http.post("/chat/completions", content=orjson.dumps(record["body"]))
                result = {
                    "id": "x",
                    "custom_id": record["custom_id"],
                    "response": {
                        "status_code": response.status_code,
                        "request_id": response.headers.get("x-siliconcloud-trace-id"),
                        "body": orjson.loads(response.content),
                    },
                    "error": None,
                }
                out.write(orjson.dumps(result) + b"\n")

            await asyncio.gather(*(one(raw) for raw in lines))
    return 0


def _timed(make: Callable[[], Coroutine[Any, Any, object]]) -> float:
    started = time.perf_counter()
    asyncio.run(make())
    return time.perf_counter() - started


def _rates(
    sizes: Sizes, source: Path, folder: Path, runs: dict[str, Callable[[Path], Coroutine[Any, Any, object]]]
) -> dict[str, Summary]:
    """Requests/s of each run (writing to the path it is given), alternating, the first round a warm-up."""
    rates: dict[str, list[float]] = {name: [] for name in runs}
    for round_ in range(sizes.repeat + 1):  # the first round warms up (imports, the mock's caches)
        order = list(runs) if round_ % 2 == 0 else list(reversed(runs))
        for position, name in enumerate(order):
            target = folder / f"{source.stem}-{round_}-{position}.jsonl"
            target.unlink(missing_ok=True)
            seconds = _timed(lambda: runs[name](target))  # noqa: B023
            written = target.read_bytes().count(b"\n")
            if written != sizes.requests:
                raise RuntimeError(f"{name} wrote {written} lines for {sizes.requests} requests")
            if round_:
                rates[name].append(sizes.requests / seconds)
    return {name: Summary.of(values) for name, values in rates.items()}


def _rate_table(heading: str, summaries: dict[str, Summary]) -> list[str]:
    return [
        heading,
        "",
        "| contender | median | spread |",
        "|---|---:|---:|",
        *[
            f"| {name} | {summary.median:,.0f} requests/s | ±{summary.spread_percent():.0f}% |"
            for name, summary in summaries.items()
        ],
        "",
    ]


def throughput(sizes: Sizes, base_url: str, folder: Path) -> tuple[list[str], float]:
    source = write_input(folder / "throughput.jsonl", sizes.requests)
    options = BulkOptions(concurrency=CONCURRENCY)
    summaries = _rates(
        sizes,
        source,
        folder,
        {
            "ours: run_bulk_async": lambda target: ours(source, target, base_url, options),
            "floor: asyncio + httpx + semaphore": lambda target: floor(source, target, base_url),
        },
    )
    ours_rate, floor_rate = (summary.median for summary in summaries.values())
    heading = (
        f"## 1. Throughput: {sizes.requests:,} non-stream requests, concurrency {CONCURRENCY},"
        f" {sizes.repeat} runs"
    )
    return _rate_table(heading, summaries), ours_rate / floor_rate


def throttling(sizes: Sizes, folder: Path) -> tuple[list[str], dict[str, tuple[int, float]]]:
    """Per run: (429s, requests a minute after the mock's burst allowance was spent)."""
    source = write_input(folder / "throttled.jsonl", sizes.throttled)
    results: dict[str, tuple[int, float]] = {}
    for name, rpm in (("told --rpm 600", float(RPM)), ("told nothing (learns)", None)):
        with mock_server("--rpm", str(RPM)) as base_url:
            target = folder / f"throttled-{rpm}.jsonl"
            options = BulkOptions(concurrency=CONCURRENCY, rpm=rpm, first_cooldown=2.0)
            started = time.perf_counter()
            summary = asyncio.run(ours(source, target, base_url, options))
            seconds = time.perf_counter() - started
        # Told the limit, the runner paces from the first request: the whole run is at the pace. Told
        # nothing, the mock's full bucket (one minute's worth) goes first: the kept rate is what came after.
        if rpm:  # noqa: SIM108 - two formulas, each with its reason above
            rate = 60.0 * summary.succeeded / seconds
        else:
            rate = 60.0 * max(summary.succeeded - RPM, 0) / seconds
        results[name] = (summary.rate_limited, rate)
    lines = [
        f"## 2. Throttling: {sizes.throttled:,} requests, the mock at --rpm {RPM}",
        "",
        "| runner | 429s | kept rate |",
        "|---|---:|---:|",
        *[f"| {name} | {count} | {rate:,.0f}/min |" for name, (count, rate) in results.items()],
        "",
        "Told the limit, the runner paces from the first request. Told nothing, it sends as fast as it",
        "can until the first 429s (the mock allows one minute's worth at once), then keeps to 90% of",
        "what the server let through; the kept rate is measured over what came after the burst.",
        "",
    ]
    return lines, results


def peak_rss_mib(base_url: str, source: Path, target: Path) -> float:
    command = [
        str(Path(sys.executable).with_name("siliconflow")),
        "batch",
        "run",
        str(source),
        "-o",
        str(target),
        "--concurrency",
        str(CONCURRENCY),
        "-H",
        "X-Mock-Bulk-Chunks: 2",
    ]
    env = {**os.environ, "SILICONFLOW_API_KEY": TOKEN, "SILICONFLOW_BASE_URL": base_url}
    # This child's own peak (wait4), not RUSAGE_CHILDREN's maximum over every child so far: with flat
    # memory a big run's peak need not exceed a small one's.
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise subprocess.CalledProcessError(process.returncode, command)
    return usage.ru_maxrss / 1024.0


def memory(sizes: Sizes, base_url: str, folder: Path) -> tuple[list[str], float, float]:
    small_lines = max(sizes.memory_lines // 10, 1)
    small = write_input(folder / "memory-small.jsonl", small_lines)
    small_mib = peak_rss_mib(base_url, small, folder / "memory-small-out.jsonl")
    small.unlink()
    big = write_input(folder / "memory-big.jsonl", sizes.memory_lines)
    big_mib = peak_rss_mib(base_url, big, folder / "memory-big-out.jsonl")
    written = (folder / "memory-big-out.jsonl").read_bytes().count(b"\n")
    if written != sizes.memory_lines:
        raise RuntimeError(f"the runner wrote {written} lines for {sizes.memory_lines}")
    lines = [
        "## 4. Memory: peak resident set of `siliconflow batch run` (mock in bulk mode)",
        "",
        "| input | peak RSS |",
        "|---|---:|",
        f"| {small_lines:,} lines | {small_mib:.0f} MiB |",
        f"| {sizes.memory_lines:,} lines | {big_mib:.0f} MiB |",
        "",
    ]
    return lines, small_mib, big_mib


def pool(sizes: Sizes, base_url: str, folder: Path) -> tuple[list[str], float]:
    """Concurrency `WIDE` with the client's default pool against a pool of exactly that width."""
    source = write_input(folder / "pool.jsonl", sizes.requests)
    options = BulkOptions(concurrency=WIDE)
    summaries = _rates(
        sizes,
        source,
        folder,
        {
            f"ours: the client's default pool, concurrency {WIDE}": lambda target: ours(
                source, target, base_url, options, own_pool=False
            ),
            f"ours: a pool of {WIDE} connections, concurrency {WIDE}": lambda target: ours(
                source, target, base_url, options
            ),
        },
    )
    defaults, own_pool = (summary.median for summary in summaries.values())
    heading = (
        f"## 3. The pool: {sizes.requests:,} non-stream requests at concurrency {WIDE}, {sizes.repeat} runs"
    )
    return _rate_table(heading, summaries), defaults / own_pool


def measure(sizes: Sizes) -> list[str]:
    started = time.perf_counter()
    out: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-bulk-") as name:
        folder = Path(name)
        with mock_server() as base_url:
            # Memory first: RUSAGE_CHILDREN keeps the highest peak of any child so far.
            memory_lines, small_mib, big_mib = memory(sizes, base_url, folder)
            throughput_lines, ratio = throughput(sizes, base_url, folder)
            pool_lines, pool_ratio = pool(sizes, base_url, folder)
        throttling_lines, throttled = throttling(sizes, folder)
    out += throughput_lines + throttling_lines + pool_lines + memory_lines
    paced_429s, paced_rate = throttled["told --rpm 600"]
    learnt_429s, learnt_rate = throttled["told nothing (learns)"]
    checks = [
        ("throughput: ours / floor >= 0.8", f"{ratio:.2f}x", ratio >= 0.8),
        (f"pool: default / own {WIDE} connections >= 0.9", f"{pool_ratio:.2f}x", pool_ratio >= 0.9),
        ("throttling, told the limit: 429s <= 5", str(paced_429s), paced_429s <= 5),
        (
            "throttling, told the limit: rate within 10%",
            f"{paced_rate:,.0f}/min",
            abs(paced_rate - RPM) <= 0.1 * RPM,
        ),
        (
            "throttling, learning: 429s (one burst's in-flight)",
            str(learnt_429s),
            learnt_429s <= CONCURRENCY + 5,
        ),
        ("throttling, learning: rate <= limit + 10%", f"{learnt_rate:,.0f}/min", learnt_rate <= 1.1 * RPM),
        ("memory: peak RSS < 150 MB", f"{big_mib * 1.048576:.0f} MB", big_mib * 1.048576 < 150),
        ("memory: flat (big / small <= 1.25)", f"{big_mib / small_mib:.2f}x", big_mib / small_mib <= 1.25),
    ]
    out += ["## Targets", "", "| target | measured | met |", "|---|---:|:---:|"]
    out += [f"| {name} | {value} | {'yes' if met else 'no'} |" for name, value, met in checks]
    out += ["", f"Measured in {time.perf_counter() - started:.0f} s."]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, to check the script works")
    parser.add_argument(
        "--output", type=Path, default=Path("BENCHMARKS-bulk.md"), help="markdown file to write"
    )
    parser.add_argument("--memory-lines", type=int, help="lines of the memory input (default: 1,000,000)")
    args = parser.parse_args(argv)
    sizes = SMOKE if args.smoke else FULL
    if args.memory_lines:
        sizes = Sizes(sizes.requests, sizes.repeat, sizes.throttled, args.memory_lines)
    body = measure(sizes)
    command = "make bench-bulk" if not args.smoke else "python -m benchmarks.bulk --smoke"
    text = "\n".join(
        ["# Bulk benchmarks", "", f"Reproduce with `{command}`.", "", *environment(), "", *body, ""]
    )
    args.output.write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

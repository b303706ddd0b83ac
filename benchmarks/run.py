"""Measure our client against openai-python and the raw httpx floor, on the same mock, in one run.

    python -m benchmarks.run                 # the full run `make bench` does; writes BENCHMARKS.md
    python -m benchmarks.run --smoke --output /tmp/b.md   # tiny sizes: checks the script still works

Contenders alternate within every repetition (rotating the order), so drift of a shared machine
hits all of them alike; the tables report medians, the spread, and ratios to the floor and to
openai-python, because ratios survive a noisy machine better than absolute times.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks import fan_out, versus, whole_process
from benchmarks.chart import Target as Goal
from benchmarks.chart import svg
from benchmarks.contenders import Target, request_contenders, stream_contenders
from benchmarks.footprint import import_seconds, memory_growth_kib
from benchmarks.mock_process import TOKEN, mock_server
from benchmarks.plain_venv import DEFAULT_PLACE, plain_python
from benchmarks.report import Row, environment, table
from benchmarks.stats import Summary

FLOOR_STREAM = "floor: httpx iter_lines + orjson"
LIMIT_STREAM = "limit: raw socket + orjson"
FLOOR_REQUESTS = "floor: httpx post + orjson"
OURS_STREAM = "ours: sync stream"
OURS_REQUESTS = "ours: client.create"
OPENAI_STREAM = "openai: stream"
OPENAI_REQUESTS = "openai: create"
FLOOR_PROCESS = "floor: httpx + orjson script"
FLOOR_FAN_OUT = "floor: raw httpx, a connection per stream"
OURS_FAN_OUT = "ours: AsyncSiliconFlow defaults"
OURS_PROCESS = "ours: siliconflow chat --stream --json"
HTTPX_START = 'python -c "import httpx"'
OURS_START = "siliconflow --help"
IMPORTS = {  # label -> the statement timed in a fresh interpreter of the plain install
    "import siliconflow": "import siliconflow",
    "from siliconflow import SiliconFlow": "from siliconflow import SiliconFlow",
    "import httpx": "import httpx",
}
OPENAI_IMPORT = "import openai"  # in the dev venv: openai-python is not in the plain install
MIB = 1024
# Hand-written: what was tried and measured before; appended to every report.
HISTORY = Path(__file__).with_name("optimizations.md")


@dataclass(frozen=True)
class Sizes:
    chunks: int
    requests: int
    memory_chunks: int
    repeat: int
    import_repeat: int
    process_repeat: int
    fan_streams: int
    fan_chunks: int
    fan_repeat: int
    versus_repeat: int  # 0: no comparison with the tree before the tier move


FULL = Sizes(
    chunks=20_000,
    requests=1_000,
    memory_chunks=200_000,
    repeat=9,
    import_repeat=9,
    process_repeat=9,
    fan_streams=2_000,
    fan_chunks=200,
    fan_repeat=3,
    versus_repeat=7,
)
SMOKE = Sizes(
    chunks=300,
    requests=20,
    memory_chunks=3_000,
    repeat=1,
    import_repeat=1,
    process_repeat=1,
    fan_streams=20,
    fan_chunks=10,
    fan_repeat=1,
    versus_repeat=0,
)


@dataclass(frozen=True)
class Sample:
    """One run of a contender: wall time, this process's CPU time, and what it read."""

    wall: float
    cpu: float
    count: int


def alternate(contenders: dict[str, Callable[[], int]], repeat: int) -> dict[str, list[Sample]]:
    """Run every contender `repeat` times, rotating the order."""
    names = list(contenders)
    runs: dict[str, list[Sample]] = {name: [] for name in names}
    for contender in contenders.values():
        contender()  # warm-up: connections, lazy imports, the mock's pre-rendered bytes
    for round_ in range(repeat):
        shift = round_ % len(names)
        for name in names[shift:] + names[:shift]:
            wall, cpu = time.perf_counter(), time.process_time()
            count = contenders[name]()
            runs[name].append(Sample(time.perf_counter() - wall, time.process_time() - cpu, count))
    return runs


def _check_counts(runs: dict[str, list[Sample]]) -> None:
    counts = {name: {sample.count for sample in samples} for name, samples in runs.items()}
    if len({frozenset(c) for c in counts.values()}) != 1:
        raise RuntimeError(f"contenders read different amounts: {counts}")


def import_alternate(python: str, repeat: int) -> dict[str, Summary]:
    """Each import statement in fresh interpreters of `python`, rotating the order every round."""
    samples: dict[str, list[float]] = {label: [] for label in IMPORTS}
    names = list(IMPORTS)
    for round_ in range(repeat):
        shift = round_ % len(names)
        for label in names[shift:] + names[:shift]:
            samples[label] += [import_seconds(IMPORTS[label], 1, python).median]
    return {label: Summary.of(values) for label, values in samples.items()}


def measure(sizes: Sizes, base_url: str, chart: Path, python: str) -> list[str]:
    target = Target(base_url, TOKEN, sizes.chunks)
    out: list[str] = []
    started = time.perf_counter()

    streams = alternate(stream_contenders(target), sizes.repeat)
    _check_counts(streams)
    stream_rows = [
        Row(name, Summary.of([s.count / s.wall for s in samples]), "chunks/s")
        for name, samples in streams.items()
    ]
    stream_cpu_rows = [
        Row(name, Summary.of([1e6 * s.cpu / s.count for s in samples]), "client CPU µs/chunk")
        for name, samples in streams.items()
    ]
    chunk_count = streams[OURS_STREAM][0].count
    out += [
        f"## 1. Stream throughput: {chunk_count:,} chunks (reasoning, then content), {sizes.repeat} runs",
        "",
        *table(stream_rows, higher_is_better=True, baseline=FLOOR_STREAM, rival=OPENAI_STREAM),
        "",
        "The client's own CPU time per chunk (the mock runs in another process):",
        "",
        *table(stream_cpu_rows, higher_is_better=False, baseline=FLOOR_STREAM, rival=OPENAI_STREAM),
        "",
    ]

    processes = whole_process.alternate(
        whole_process.stream_commands(base_url, TOKEN, sizes.chunks, python), sizes.process_repeat
    )
    out += [
        f"## 2. The whole command: a {sizes.chunks:,}-chunk reasoning stream, fresh process,"
        f" {sizes.process_repeat} runs",
        "",
        "From spawn to exit: start-up, the stream, and the final JSON on stdout, both in the plain",
        "install. The floor is `benchmarks/floor_script.py`: httpx, orjson per line, the two texts",
        "joined and printed.",
        "",
        *_process_table(processes, FLOOR_PROCESS),
        "",
    ]

    small = Target(base_url, TOKEN, 16)  # a small pre-rendered answer: the server costs next to nothing
    requests = alternate(request_contenders(small, sizes.requests), sizes.repeat)
    request_rows = [
        Row(name, Summary.of([1e6 * s.cpu / s.count for s in samples]), "client CPU µs/request")
        for name, samples in requests.items()
    ]
    wall_rows = [
        Row(name, Summary.of([1e6 * s.wall / s.count for s in samples]), "wall µs/request")
        for name, samples in requests.items()
    ]
    out += [
        f"## 3. Request overhead: {sizes.requests:,} sequential non-stream requests, one connection",
        "",
        "The client's own CPU time (the mock runs in another process), which is what a client adds:",
        "",
        *table(request_rows, higher_is_better=False, baseline=FLOOR_REQUESTS, rival=OPENAI_REQUESTS),
        "",
        "Wall time, which also holds the mock's own ~1.5 ms per request and the VM's scheduling noise:",
        "",
        *table(wall_rows, higher_is_better=False, baseline=FLOOR_REQUESTS, rival=OPENAI_REQUESTS),
        "",
    ]

    memory = {
        who: memory_growth_kib(who, base_url, TOKEN, sizes.memory_chunks)
        for who in ("ours", "openai", "floor", "ours-accumulate")
    }
    out += [
        f"## 4. Memory: resident-set growth while iterating {sizes.memory_chunks:,} chunks",
        "",
        "Highest resident set sampled during the stream minus the resident set before it. Without",
        "accumulation, except the last row, which keeps the whole answer as it should.",
        "",
        "| contender | growth |",
        "|---|---:|",
        *[f"| {who} | {kib / MIB:.2f} MiB |" for who, kib in memory.items()],
        "",
    ]

    imports = import_alternate(python, sizes.import_repeat)
    imports[OPENAI_IMPORT] = import_seconds(OPENAI_IMPORT, sizes.import_repeat)
    starts = whole_process.alternate(whole_process.start_commands(python), sizes.process_repeat)
    out += [
        f"## 5. Start-up, fresh interpreter, median of {sizes.import_repeat} (imports)"
        f" and {sizes.process_repeat} (commands)",
        "",
        "In the plain install (`pip install .`, no dev extras; `benchmarks/plain_venv.py`), except",
        "`import openai`, which only the dev venv has.",
        "",
        "| what | median | spread |",
        "|---|---:|---:|",
        *[f"| `{m}` | {1e3 * s.median:.0f} ms | ±{s.spread_percent():.0f}% |" for m, s in imports.items()],
        *[
            f"| whole process: `{name}` | {1e3 * p.wall.median:.0f} ms | ±{p.wall.spread_percent():.0f}% |"
            for name, p in starts.items()
        ],
        "",
    ]

    with fan_out.fast_server() as fan_url:
        fans = alternate(fan_out.contenders(fan_url, sizes.fan_streams, sizes.fan_chunks), sizes.fan_repeat)
    _check_counts(fans)
    fan_rows = [
        Row(name, Summary.of([s.cpu for s in samples]), "client CPU s") for name, samples in fans.items()
    ]
    out += [
        f"## 6. Fan-out: {sizes.fan_streams:,} concurrent streams of {sizes.fan_chunks} chunks on one"
        f" async client, {sizes.fan_repeat} runs",
        "",
        "Against `benchmarks/fast_server.py` (pre-rendered bytes, one write per answer). Ours with its",
        "defaults: 1,000 connections, the other streams waiting for one. The floor is raw httpx at its",
        "best, a connection for every stream; with a 1,000-connection pool its own queue of waiters",
        "costs it about 100x this CPU (see `overlays/siliconflow/_core/pool.py`).",
        "",
        *_fan_table(fan_rows),
        "",
    ]

    from benchmarks import telemetry  # OpenTelemetry off / on (issue 20)

    out += telemetry.measure(
        base_url, TOKEN, chunks=sizes.chunks, requests=sizes.requests, repeat=sizes.repeat
    )
    goals = _targets(
        stream_cpu_rows, request_rows, memory["ours"], imports, processes, starts, fan_rows, stream_rows
    )
    if sizes.versus_repeat:
        before, after = versus.measure(
            versus.BEFORE_TIER_MOVE, chunks=sizes.chunks, requests=sizes.requests, repeat=sizes.versus_repeat
        ).values()
        out += [
            f"## Before and after the tier move (issue 18), {sizes.versus_repeat} alternating runs",
            "",
            f"`benchmarks/versus.py`: `{versus.BEFORE_TIER_MOVE}` (the last commit before",
            "`overlays/siliconflow` was split into tiers) and this tree, each in a plain install of its own,",
            "in fresh processes reading the same pre-rendered answers from `benchmarks/fast_server.py`.",
            "",
            *versus.report({f"before: {versus.BEFORE_TIER_MOVE}": before, "after: this tree": after}),
            "",
        ]
        goals += [
            Goal(
                "tier move: stream CPU per chunk, after / before",
                after.stream.median / before.stream.median,
                1.0,
            ),
            Goal("tier move: request CPU, after / before", after.create.median / before.create.median, 1.0),
        ]
    chart.write_text(
        svg(goals, "Goals of issues 18 and 19: measured / goal (bar left of the line: met)"), "utf-8"
    )
    out += [
        "## Targets",
        "",
        f"![measured against goals]({chart.name})",
        "",
        "| target | measured | goal | met |",
        "|---|---:|---:|:---:|",
        *[
            f"| {g.name} | {g.measured:.2f}{g.unit} | {g.goal:.2f}{g.unit} | {'yes' if g.met else 'no'} |"
            for g in goals
        ],
    ]
    out += ["", f"Measured in {time.perf_counter() - started:.0f} s."]
    return out


def _process_table(processes: dict[str, whole_process.Process], baseline: str) -> list[str]:
    floor = processes[baseline]
    lines = [
        "| contender | median wall | spread | vs floor | median CPU | vs floor |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, p in processes.items():
        lines.append(
            f"| {name} | {1e3 * p.wall.median:.0f} ms | ±{p.wall.spread_percent():.0f}% "
            f"| {p.wall.median / floor.wall.median:.2f}x | {1e3 * p.cpu.median:.0f} ms "
            f"| {p.cpu.median / floor.cpu.median:.2f}x |"
        )
    return lines


def _fan_table(rows: list[Row]) -> list[str]:
    floor = next(row for row in rows if row.name == FLOOR_FAN_OUT).summary.median
    return [
        "| contender | median client CPU | spread | vs floor |",
        "|---|---:|---:|---:|",
        *[
            f"| {row.name} | {row.summary.median:.2f} s | ±{row.summary.spread_percent():.0f}% "
            f"| {row.summary.median / floor:.2f}x |"
            for row in rows
        ],
    ]


def _targets(  # noqa: PLR0917  # one argument per table it reads
    stream_cpu_rows: list[Row],
    request_rows: list[Row],
    ours_memory_kib: int,
    imports: dict[str, Summary],
    processes: dict[str, whole_process.Process],
    starts: dict[str, whole_process.Process],
    fan_rows: list[Row],
    stream_rows: list[Row],
) -> list[Goal]:
    """The goals of issue 19 (and the earlier ones still kept); met when measured <= goal."""
    streams = {row.name: row.summary.median for row in stream_rows}
    stream_cpu = {row.name: row.summary.median for row in stream_cpu_rows}
    requests = {row.name: row.summary.median for row in request_rows}
    fans = {row.name: row.summary.median for row in fan_rows}
    return [
        Goal(
            "whole command, CPU / httpx + orjson script",
            processes[OURS_PROCESS].cpu.median / processes[FLOOR_PROCESS].cpu.median,
            1.3,
        ),
        Goal(
            "stream: client CPU per chunk / httpx + orjson",
            stream_cpu[OURS_STREAM] / stream_cpu[FLOOR_STREAM],
            1.6,
        ),
        Goal(
            "request: client CPU / httpx + orjson", requests[OURS_REQUESTS] / requests[FLOOR_REQUESTS], 1.10
        ),
        Goal("2,000-stream fan-out: CPU / raw httpx", fans[OURS_FAN_OUT] / fans[FLOOR_FAN_OUT], 1.3),
        Goal(
            "`from siliconflow import SiliconFlow` / `import httpx`",
            imports["from siliconflow import SiliconFlow"].median / imports["import httpx"].median,
            1.3,
        ),
        Goal(
            "`siliconflow --help` / `python -c 'import httpx'`",
            starts[OURS_START].wall.median / starts[HTTPX_START].wall.median,
            1.1,
        ),
        Goal(
            "`import siliconflow` / `import openai`",
            imports["import siliconflow"].median / imports[OPENAI_IMPORT].median,
            0.25,
        ),
        Goal("memory: growth over 200k chunks", ours_memory_kib * 1024 / 1e6, 10.0, " MB"),
        # Rates are turned into time ratios so that every line reads "measured <= goal".
        Goal("stream: ours / openai-python time", streams[OPENAI_STREAM] / streams[OURS_STREAM], 0.5),
        Goal("request: ours / openai-python CPU", requests[OURS_REQUESTS] / requests[OPENAI_REQUESTS], 1.0),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, to check the script works")
    parser.add_argument("--output", type=Path, default=Path("BENCHMARKS.md"), help="markdown file to write")
    parser.add_argument(
        "--plain-venv",
        type=Path,
        default=None,
        help=f"the plain install for start-up and whole-command rows (default {DEFAULT_PLACE}; "
        "--smoke: this interpreter)",
    )
    args = parser.parse_args(argv)
    sizes = SMOKE if args.smoke else FULL
    if args.smoke and args.plain_venv is None:
        python = sys.executable  # a smoke run checks the script, not the numbers
    else:
        python = str(plain_python(args.plain_venv or DEFAULT_PLACE))
    command = "make bench" if not args.smoke else "python -m benchmarks.run --smoke"
    chart = args.output.with_suffix(".svg")
    with mock_server() as base_url:
        body = measure(sizes, base_url, chart, python)
    text = "\n".join(
        [
            "# Benchmarks",
            "",
            f"Reproduce with `{command}` (the mock runs in its own process on loopback; bulk mode serves",
            "pre-rendered bytes so the server is not the bottleneck). Ratios are time ratios: below 1.00x",
            "means faster than the reference.",
            "",
            *environment(),
            "",
            *body,
            "",
            HISTORY.read_text(encoding="utf-8"),
        ]
    )
    args.output.write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Our stream and request CPU against an earlier commit of this tree, each in a plain install of its own.

    python -m benchmarks.versus 97c29c6^     # the tree before the tier move (issue 18)

The earlier commit is exported with `git archive` and installed with `pip install` into
`build/versus-venv` (its own dependencies: the tree before the move still used httpx-sse), this tree
into `build/bench-venv`. Both read the same pre-rendered answers from `benchmarks/fast_server.py`
through the API both trees have (`client.stream(request, accumulate=False)`, `client.create`), in
fresh processes that alternate, so drift of the shared machine hits both alike.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from benchmarks.fan_out import fast_server
from benchmarks.plain_venv import DEFAULT_PLACE, ROOT, plain_python
from benchmarks.stats import Summary

BEFORE_TIER_MOVE = "97c29c6^"  # the commit before `overlays/siliconflow` was split into tiers
VERSUS_PLACE = ROOT / "build" / "versus-venv"

# Runs in each install: one warm-up of each, then the stream and `requests` creates, CPU time only.
CHILD = r"""
import json, sys, time
from siliconflow import SiliconFlow
from siliconflow_api.models import ChatCompletionRequest

base_url, chunks, requests = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
request = ChatCompletionRequest.from_dict(
    {"model": "Qwen/Qwen3-8B", "messages": [{"role": "user", "content": "benchmark"}]}
)
def client(chunks):
    headers = {"X-Mock-Bulk-Chunks": str(chunks)}
    return SiliconFlow(api_key="sk-bench", base_url=base_url, headers=headers, max_retries=0)
def stream(c):
    count = 0
    with c.stream(request, accumulate=False) as s:
        for _ in s:
            count += 1
    return count
big, small = client(chunks), client(16)
stream(big), small.create(request)
start = time.process_time()
count = stream(big)
stream_us = (time.process_time() - start) / count * 1e6
start = time.process_time()
for _ in range(requests):
    small.create(request)
create_us = (time.process_time() - start) / requests * 1e6
print(json.dumps({"stream": stream_us, "create": create_us, "chunks": count}))
"""


@dataclass(frozen=True)
class Result:
    stream: Summary  # client CPU µs per chunk
    create: Summary  # client CPU µs per request


def export(revision: str, into: Path) -> Path:
    """The files of `revision` (a pip-installable tree) under `into`."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", revision], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def measure(revision: str, *, chunks: int, requests: int, repeat: int) -> dict[str, Result]:
    """Label -> the medians of `repeat` alternating runs of this tree and of `revision`."""
    with tempfile.TemporaryDirectory() as tmp:
        before = plain_python(VERSUS_PLACE, export(revision, Path(tmp)))
    pythons = {f"before: {revision}": before, "after: this tree": plain_python(DEFAULT_PLACE)}
    samples: dict[str, list[dict[str, float]]] = {label: [] for label in pythons}
    with fast_server() as base_url:
        for round_ in range(repeat):
            order = list(pythons.items())
            for label, python in order[round_ % 2 :] + order[: round_ % 2]:
                out = subprocess.run(
                    [str(python), "-c", CHILD, base_url, str(chunks), str(requests)],
                    check=True,
                    capture_output=True,
                    text=True,
                    timeout=600,
                ).stdout
                samples[label].append(json.loads(out))
    counts = {label: {s["chunks"] for s in runs} for label, runs in samples.items()}
    if len({frozenset(c) for c in counts.values()}) != 1 or len(next(iter(counts.values()))) != 1:
        raise RuntimeError(f"the trees read different numbers of chunks: {counts}")
    return {
        label: Result(Summary.of([s["stream"] for s in runs]), Summary.of([s["create"] for s in runs]))
        for label, runs in samples.items()
    }


def report(results: dict[str, Result]) -> list[str]:
    before = next(iter(results.values()))
    lines = [
        "| tree | stream (client CPU µs/chunk) | vs before | create (client CPU µs/request) | vs before |",
        "|---|---:|---:|---:|---:|",
    ]
    for label, result in results.items():
        lines.append(
            f"| {label} | {result.stream.median:.2f} ±{result.stream.spread_percent():.0f}%"
            f" | {result.stream.median / before.stream.median:.2f}x"
            f" | {result.create.median:.0f} ±{result.create.spread_percent():.0f}%"
            f" | {result.create.median / before.create.median:.2f}x |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("revision", nargs="?", default=BEFORE_TIER_MOVE)
    parser.add_argument("--chunks", type=int, default=20_000)
    parser.add_argument("--requests", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    results = measure(args.revision, chunks=args.chunks, requests=args.requests, repeat=args.repeat)
    print("\n".join(report(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

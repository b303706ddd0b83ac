"""What OpenTelemetry costs the client: the same calls with telemetry off, on with no SDK, on with the SDK.

    python -m benchmarks.telemetry --base-url http://127.0.0.1:PORT/v1   # against a running mock
    (`make bench` runs it through `benchmarks.run`, which starts the mock)

Three clients alternate within every repetition (rotating the order, like `benchmarks.run`):
- off: `telemetry=False`;
- no SDK: telemetry on with OpenTelemetry's default no-op providers (what a service gets with the
  `otel` extra installed but nothing configured);
- SDK: a `TracerProvider` with a `BatchSpanProcessor` (spans exported off the calling thread, to an
  exporter that drops them) and a `MeterProvider` aggregating the histograms in memory.
The client's own CPU time is reported per request (non-stream) and per chunk (an accumulated stream).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from siliconflow import SiliconFlow
from siliconflow_api.models import ChatCompletionRequest

from benchmarks.contenders import BULK_HEADER, MODEL, PROMPT
from benchmarks.stats import Summary

OFF = "telemetry off"
NO_SDK = "telemetry on, no SDK (no-op providers)"
SDK = "telemetry on, SDK + BatchSpanProcessor"
Contender = Callable[[], int]


class _Drop:
    """A span exporter that keeps nothing: the cost measured is the SDK's, not an exporter's I/O."""

    def export(self, spans: Sequence[Any]) -> Any:
        from opentelemetry.sdk.trace.export import SpanExportResult

        return SpanExportResult.SUCCESS

    def shutdown(self) -> None:
        return None

    def force_flush(self, timeout_millis: int = 30_000) -> bool:
        return True


def _sdk_providers() -> tuple[Any, Any]:
    from opentelemetry.sdk.metrics import MeterProvider
    from opentelemetry.sdk.metrics.export import InMemoryMetricReader
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    tracer_provider = TracerProvider()
    tracer_provider.add_span_processor(BatchSpanProcessor(_Drop()))  # type: ignore[arg-type]
    return tracer_provider, MeterProvider(metric_readers=[InMemoryMetricReader()])


def _clients(base_url: str, token: str, chunks: int) -> dict[str, SiliconFlow]:
    tracer_provider, meter_provider = _sdk_providers()
    common: dict[str, Any] = {
        "api_key": token,
        "base_url": base_url,
        "headers": {BULK_HEADER: str(chunks)},
        "max_retries": 0,
    }
    return {
        OFF: SiliconFlow(**common, telemetry=False),
        NO_SDK: SiliconFlow(**common),
        SDK: SiliconFlow(**common, tracer_provider=tracer_provider, meter_provider=meter_provider),
    }


def _alternate(contenders: dict[str, Contender], repeat: int) -> dict[str, list[float]]:
    """CPU seconds per unit (request or chunk) of every run of every contender, order rotated."""
    names = list(contenders)
    runs: dict[str, list[float]] = {name: [] for name in names}
    for contender in contenders.values():
        contender()  # warm-up
    for round_ in range(repeat):
        shift = round_ % len(names)
        for name in names[shift:] + names[:shift]:
            cpu = time.process_time()
            count = contenders[name]()
            runs[name].append((time.process_time() - cpu) / count)
    return runs


def measure(base_url: str, token: str, *, chunks: int, requests: int, repeat: int) -> list[str]:
    """The section `make bench` appends: two tables, CPU per request and per chunk."""
    request = ChatCompletionRequest.from_dict(
        {"model": MODEL, "messages": [{"role": "user", "content": PROMPT}]}
    )

    def creates(client: SiliconFlow) -> Contender:
        def run() -> int:
            for _ in range(requests):
                client.create(request)
            return requests

        return run

    def stream(client: SiliconFlow) -> Contender:
        def run() -> int:
            with client.stream(request) as chunks_read:
                count = sum(1 for _ in chunks_read)
                chunks_read.get_final_completion()
            return count

        return run

    small = _clients(base_url, token, 16)
    large = _clients(base_url, token, chunks)
    request_runs = _alternate({name: creates(client) for name, client in small.items()}, repeat)
    stream_runs = _alternate({name: stream(client) for name, client in large.items()}, repeat)
    for client in (*small.values(), *large.values()):
        client.close()
    return [
        f"## OpenTelemetry: what telemetry costs, {repeat} runs",
        "",
        f"Client CPU per non-stream request ({requests:,} sequential requests) and per chunk of a",
        f"{chunks:,}-chunk accumulated stream; the span is touched at the first bytes and at the end only.",
        "",
        *_table(request_runs, "client CPU µs/request"),
        "",
        *_table(stream_runs, "client CPU µs/chunk"),
        "",
    ]


def _table(runs: dict[str, list[float]], unit: str) -> list[str]:
    off = Summary.of(runs[OFF]).median
    lines = [f"| client | median ({unit}) | spread | vs off |", "|---|---:|---:|---:|"]
    for name, samples in runs.items():
        summary = Summary.of([1e6 * s for s in samples])
        lines.append(
            f"| {name} | {summary.median:.3g} | ±{summary.spread_percent():.0f}% "
            f"| {summary.median / (1e6 * off):.2f}x |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--base-url", help="a running mock (default: start one)")
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--chunks", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args(argv)
    from benchmarks.mock_process import TOKEN, mock_server

    if args.base_url:
        lines = measure(args.base_url, TOKEN, chunks=args.chunks, requests=args.requests, repeat=args.repeat)
    else:
        with mock_server() as base_url:
            lines = measure(base_url, TOKEN, chunks=args.chunks, requests=args.requests, repeat=args.repeat)
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

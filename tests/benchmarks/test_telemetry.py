"""`make bench`'s OpenTelemetry rows (tiny sizes, against the in-process mock): off and on, both tables.

It measures nothing worth reading; it proves the rows are there and that "on" really records spans.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from siliconflow._core.telemetry import DISABLED_ENV

from benchmarks import telemetry
from benchmarks.contenders import MODEL

if TYPE_CHECKING:
    from siliconflow_mock import RunningMock

ROW = re.compile(r"^\| (?P<name>[^|]+) \| (?P<median>[0-9.e+-]+) \| ±\d+% \| (?P<ratio>[0-9.]+)x \|$")


def test_the_rows_for_telemetry_off_and_on(mock_server: RunningMock, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DISABLED_ENV, raising=False)
    exporter = InMemorySpanExporter()

    def providers() -> tuple[Any, Any]:  # the SDK contender's, kept to be looked at
        tracer_provider = TracerProvider()
        tracer_provider.add_span_processor(SimpleSpanProcessor(exporter))
        return tracer_provider, MeterProvider(metric_readers=[InMemoryMetricReader()])

    monkeypatch.setattr(telemetry, "_sdk_providers", providers)
    lines = telemetry.measure(mock_server.base_url, mock_server.token, chunks=30, requests=3, repeat=2)
    assert lines[0] == "## OpenTelemetry: what telemetry costs, 2 runs"
    tables: list[dict[str, tuple[float, float]]] = []
    for line in lines:
        if line.startswith("| client | median"):
            tables.append({})
        elif (row := ROW.match(line)) is not None:
            tables[-1][row["name"]] = (float(row["median"]), float(row["ratio"]))
    assert len(tables) == 2  # per request, per chunk
    for table in tables:
        assert list(table) == [telemetry.OFF, telemetry.NO_SDK, telemetry.SDK]
        assert table[telemetry.OFF][1] == 1.0
        assert all(median > 0 for median, _ in table.values())
    # "On" is on: a chat span per request and per stream of the SDK contender (warm-up included).
    names = [span.name for span in exporter.get_finished_spans()]
    assert names == [f"chat {MODEL}"] * (3 * 3 + 3)  # (1 warm-up + 2 runs) x (3 requests + 1 stream)

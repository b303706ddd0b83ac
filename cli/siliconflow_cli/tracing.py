"""`siliconflow chat --trace`: the OpenTelemetry spans of the call, printed to stderr as JSON.

What a service's collector would receive, for people who want to see it before wiring one up. Needs
the OpenTelemetry SDK (the `otel` extra brings only the API): a one-line usage error says so.
"""

from __future__ import annotations

from typing import Any, TextIO

from .parser import UsageError

__all__ = ["console_tracer_provider"]

SDK_PACKAGE = "opentelemetry-sdk"


def console_tracer_provider(err: TextIO) -> Any:
    """A tracer provider that prints each span to `err` as it ends; `shutdown()` it at the end."""
    try:
        from opentelemetry.sdk.trace import TracerProvider  # noqa: PLC0415 - only for --trace
        from opentelemetry.sdk.trace.export import ConsoleSpanExporter, SimpleSpanProcessor  # noqa: PLC0415
    except ImportError:
        raise UsageError(f"--trace needs the OpenTelemetry SDK: pip install {SDK_PACKAGE}") from None
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(ConsoleSpanExporter(out=err)))
    return provider

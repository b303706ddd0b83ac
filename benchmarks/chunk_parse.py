"""Per-chunk parse cost: the generated `ChatCompletionChunk.from_dict`, with and without drift notes.

    python -m benchmarks.chunk_parse            # prints a Markdown table (µs per chunk, medians)

The payloads are the three chunk shapes of a reasoning stream (a reasoning delta, an answer delta,
the last chunk with usage and its details). The floor is decoding each chunk's JSON with orjson,
which every chunk costs anyway, so the ratio says what the typed, checked models add. The
contenders alternate in short runs and the table shows the fastest run of each: on a shared
machine the minimum is the number least disturbed by others. Recorded in
benchmarks/optimizations.md (with the numbers of the hand-written fast path it replaced).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any

import orjson
from siliconflow._core.drift import note_drift
from siliconflow_api.models.chat_completion_chunk import ChatCompletionChunk

_BASE: dict[str, Any] = {
    "id": "019bdaabd0514ee04b65607601e48651",
    "object": "chat.completion.chunk",
    "created": 1768000000,
    "model": "deepseek-ai/DeepSeek-V3.2",
    "system_fingerprint": "",
}
_USAGE = {
    "prompt_tokens": 12,
    "completion_tokens": 345,
    "total_tokens": 357,
    "completion_tokens_details": {"reasoning_tokens": 300},
    "prompt_tokens_details": {"cached_tokens": 0},
}


def payloads() -> list[dict[str, Any]]:
    """A reasoning delta, an answer delta and a final chunk, as SiliconFlow sends them: every chunk
    with the running usage, the last one with its details too."""

    def chunk(delta: dict[str, Any], finish: str | None, usage: dict[str, Any]) -> dict[str, Any]:
        choice = {"index": 0, "delta": delta, "finish_reason": finish}
        return {**_BASE, "choices": [choice], "usage": usage}

    running = {"prompt_tokens": 12, "completion_tokens": 40, "total_tokens": 52}
    return [
        chunk({"content": None, "reasoning_content": "Let me think", "role": "assistant"}, None, running),
        chunk({"content": " the answer", "reasoning_content": None, "role": "assistant"}, None, running),
        chunk({"content": "", "reasoning_content": None, "role": "assistant"}, "stop", _USAGE),
    ]


def per_chunk_us(parse: Callable[[Any], object], data: list[Any], rounds: int) -> float:
    """The µs per chunk one run of `rounds` passes over `data` takes."""
    start = time.perf_counter()
    for _ in range(rounds):
        for payload in data:
            parse(payload)
    return (time.perf_counter() - start) / (rounds * len(data)) * 1e6


def with_drift_notes(payload: dict[str, Any]) -> ChatCompletionChunk:
    return ChatCompletionChunk.from_dict(payload, note_drift)


FLOOR = "floor: orjson.loads of the chunk"


def measure(rounds: int, repeat: int) -> dict[str, float]:
    """The fastest µs per chunk of each contender over `repeat` alternating runs."""
    decoded = payloads()
    encoded = [orjson.dumps(payload) for payload in decoded]
    contenders: dict[str, tuple[Callable[[Any], object], list[Any]]] = {
        FLOOR: (orjson.loads, encoded),
        "generated from_dict, no drift notes": (ChatCompletionChunk.from_dict, decoded),
        "generated from_dict + drift notes (what the client runs)": (with_drift_notes, decoded),
    }
    runs: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(repeat):
        for name, (parse, data) in contenders.items():
            runs[name].append(per_chunk_us(parse, data, rounds))
    return {name: min(values) for name, values in runs.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--rounds", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args(argv)
    results = measure(args.rounds, args.repeat)
    floor = results[FLOOR]
    print("| parser | µs per chunk | vs floor |\n|---|---:|---:|")
    for name, value in results.items():
        print(f"| {name} | {value:.2f} | {value / floor:.1f}x |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

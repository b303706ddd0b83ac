"""The input of a bulk job: a JSONL file in the Batch API's own line format, checked before sending.

One request a line: `{"custom_id": "...", "method": "POST", "url": "/v1/chat/completions",
"body": {chat request}}`. `method` and `url` may be left out (the runner knows them); when present
they must be those. Blank lines are ignored.

The file is read as a stream, twice when it has to be: once to check every line (problems are
reported with their line numbers), once to send. Memory stays flat: a repeated `custom_id` is found
through a sorted array of 8-byte hashes (8 bytes a line), not a set of strings; only the ids whose
hash repeats are compared as strings, so a hash collision can never make a line look repeated.
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

__all__ = [
    "BATCH_METHOD",
    "BATCH_URL",
    "InputCheck",
    "InputError",
    "InputLine",
    "InputProblem",
    "check_input",
    "id_hash",
    "iter_input",
]

BATCH_METHOD = "POST"
BATCH_URL = "/v1/chat/completions"
# Problems kept for the report; the count goes on beyond (a wrong file can have a million bad lines).
MAX_KEPT_PROBLEMS = 1000
_SORT_CHUNK = 1 << 16


class InputError(ValueError):
    """The input file has lines the job refuses; `.problems` lists them with their line numbers."""

    def __init__(self, path: Path, problems: list[InputProblem], count: int) -> None:
        shown = "\n".join(f"  {problem}" for problem in problems[:20])
        more = f"\n  ... and {count - 20} more" if count > 20 else ""
        super().__init__(f"{path}: {count} invalid line(s), nothing was sent:\n{shown}{more}")
        self.path = path
        self.problems = problems
        self.count = count


@dataclass(frozen=True, slots=True)
class InputProblem:
    """One line the job cannot send, and why."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class InputLine:
    """A valid request line: its number, id, model and chat request body."""

    line: int
    custom_id: str
    body: dict[str, Any]

    @property
    def model(self) -> str:
        return str(self.body.get("model", ""))


@dataclass(frozen=True, slots=True)
class InputCheck:
    """What the checking pass found: the valid line count and the problems (first MAX_KEPT_PROBLEMS)."""

    valid: int
    problems: list[InputProblem]
    problem_count: int
    repeated_hashes: frozenset[int]


def id_hash(custom_id: str) -> int:
    """A 64-bit hash of a custom_id, for the flat-memory sets of the job."""
    return int.from_bytes(hashlib.blake2b(custom_id.encode(), digest_size=8).digest(), "little")


def sorted_hashes(hashes: Iterable[int], chunk: int = _SORT_CHUNK) -> array[int]:
    """The hashes sorted, in an array: chunks sorted apart and merged, so no list of a million ints."""
    runs: list[array[int]] = []
    pending: list[int] = []
    for value in hashes:
        pending.append(value)
        if len(pending) >= chunk:
            pending.sort()
            runs.append(array("Q", pending))
            pending = []
    pending.sort()
    runs.append(array("Q", pending))
    return array("Q", heapq.merge(*runs))


def parse_line(  # noqa: PLR0911 - one return per check reads best
    number: int, raw: bytes, *, model_override: str | None
) -> InputLine | InputProblem | None:
    """One raw line as a request, a problem, or None for a blank line."""
    if not raw.strip():
        return None
    try:
        record = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        return InputProblem(number, f"not valid JSON ({exc})")
    if not isinstance(record, dict):
        return InputProblem(number, f"expected a JSON object, got {type(record).__name__}")
    custom_id = record.get("custom_id")
    if not isinstance(custom_id, str) or not custom_id:
        return InputProblem(number, "custom_id is missing or not a non-empty string")
    if record.get("method", BATCH_METHOD) != BATCH_METHOD:
        return InputProblem(number, f"method must be {BATCH_METHOD!r}, got {record.get('method')!r}")
    if record.get("url", BATCH_URL) != BATCH_URL:
        return InputProblem(number, f"url must be {BATCH_URL!r}, got {record.get('url')!r}")
    body = record.get("body")
    if not isinstance(body, dict):
        return InputProblem(number, "body is missing or not a JSON object")
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        return InputProblem(number, "body.messages is missing or not a non-empty array")
    if model_override is not None:
        body["model"] = model_override
    elif not isinstance(body.get("model"), str) or not body["model"]:
        return InputProblem(number, "body.model is missing (or give a model for every line)")
    return InputLine(number, custom_id, body)


def _raw_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    with path.open("rb") as file:
        yield from enumerate(file, start=1)


def check_input(path: Path, *, model_override: str | None = None) -> InputCheck:
    """Check every line of `path` before anything is sent (see the module docstring)."""
    problems: list[InputProblem] = []
    count = 0
    hashes = array("Q")
    for number, raw in _raw_lines(path):
        parsed = parse_line(number, raw, model_override=model_override)
        if isinstance(parsed, InputProblem):
            count += 1
            if len(problems) < MAX_KEPT_PROBLEMS:
                problems.append(parsed)
        elif parsed is not None:
            hashes.append(id_hash(parsed.custom_id))
    valid = len(hashes)
    ordered = sorted_hashes(hashes)
    del hashes
    repeated = frozenset(a for a, b in itertools.pairwise(ordered) if a == b)
    del ordered
    if repeated:
        first_seen: dict[str, int] = {}
        for number, raw in _raw_lines(path):
            parsed = parse_line(number, raw, model_override=model_override)
            if not isinstance(parsed, InputLine) or id_hash(parsed.custom_id) not in repeated:
                continue
            if parsed.custom_id not in first_seen:
                first_seen[parsed.custom_id] = number
                continue
            count += 1
            valid -= 1
            if len(problems) < MAX_KEPT_PROBLEMS:
                first = first_seen[parsed.custom_id]
                problems.append(InputProblem(number, f"custom_id {parsed.custom_id!r} repeats line {first}"))
        problems.sort(key=lambda problem: problem.line)
    return InputCheck(valid=valid, problems=problems, problem_count=count, repeated_hashes=repeated)


def iter_input(
    path: Path, *, model_override: str | None = None, repeated_hashes: frozenset[int] = frozenset()
) -> Iterator[InputLine | InputProblem]:
    """The lines of `path` in order, valid or not; a later repeat of a custom_id is not yielded
    as a line (the first occurrence is the one sent). Blank lines are skipped."""
    seen: set[str] = set()  # only ids whose hash repeats: a handful
    for number, raw in _raw_lines(path):
        parsed = parse_line(number, raw, model_override=model_override)
        if parsed is None:
            continue
        if isinstance(parsed, InputLine) and repeated_hashes and id_hash(parsed.custom_id) in repeated_hashes:
            if parsed.custom_id in seen:
                yield InputProblem(number, f"custom_id {parsed.custom_id!r} repeats an earlier line")
                continue
            seen.add(parsed.custom_id)
        yield parsed

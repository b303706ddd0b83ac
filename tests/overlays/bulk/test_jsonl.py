"""The bulk input is checked before sending: every bad line reported with its number."""

from __future__ import annotations

import json
from pathlib import Path

from siliconflow.bulk.jsonl import InputLine, InputProblem, check_input, iter_input


def request_line(custom_id: str, content: str = "hi", **body: object) -> str:
    record = {
        "custom_id": custom_id,
        "method": "POST",
        "url": "/v1/chat/completions",
        "body": {"model": "Qwen/Qwen3-8B", "messages": [{"role": "user", "content": content}], **body},
    }
    return json.dumps(record)


def write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_every_kind_of_bad_line_is_reported_with_its_number(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        [
            request_line("a"),
            "{not json",
            json.dumps({"body": {"model": "m", "messages": [{"role": "user", "content": "x"}]}}),
            json.dumps({"custom_id": "c", "body": {"model": "m"}}),
            request_line("a"),
            "",
            json.dumps({"custom_id": "d", "url": "/v1/embeddings", "body": {"model": "m", "messages": [1]}}),
            "[1, 2]",
            json.dumps({"custom_id": "e", "body": {"messages": [{"role": "user", "content": "x"}]}}),
            request_line("f"),
        ],
    )
    check = check_input(path)
    found = {problem.line: problem.message for problem in check.problems}
    assert sorted(found) == [2, 3, 4, 5, 7, 8, 9]
    assert "not valid JSON" in found[2]
    assert "custom_id" in found[3]
    assert "body.messages" in found[4]
    assert found[5] == "custom_id 'a' repeats line 1"
    assert "url must be '/v1/chat/completions'" in found[7]
    assert "JSON object" in found[8]
    assert "body.model" in found[9]
    assert check.problem_count == 7
    assert check.valid == 2  # a and f; the blank line is ignored


def test_a_model_for_every_line_replaces_and_completes_the_body(tmp_path: Path) -> None:
    line = json.dumps({"custom_id": "x", "body": {"messages": [{"role": "user", "content": "q"}]}})
    path = write(tmp_path, [line, request_line("y")])
    assert check_input(path, model_override="other/model").problem_count == 0
    lines = [item for item in iter_input(path, model_override="other/model") if isinstance(item, InputLine)]
    assert [(item.custom_id, item.model) for item in lines] == [("x", "other/model"), ("y", "other/model")]


def test_only_the_first_of_repeated_ids_is_sent(tmp_path: Path) -> None:
    path = write(tmp_path, [request_line("a", "first"), request_line("b"), request_line("a", "second")])
    check = check_input(path)
    items = list(iter_input(path, repeated_hashes=check.repeated_hashes))
    sent = [item for item in items if isinstance(item, InputLine)]
    assert [(item.custom_id, item.body["messages"][0]["content"]) for item in sent] == [
        ("a", "first"),
        ("b", "hi"),
    ]
    assert [item.line for item in items if isinstance(item, InputProblem)] == [3]

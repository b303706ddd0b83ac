"""`siliconflow chat --json-schema FILE`: the validated JSON object on stdout, against the mock."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from siliconflow_mock import RunningMock, serve_in_background

SCRIPT = Path(sys.executable).with_name("siliconflow")
SCHEMA = {
    "type": "object",
    "properties": {"city": {"type": "string"}, "population": {"type": "integer", "minimum": 1000}},
    "required": ["city", "population"],
}


@pytest.fixture(scope="module")
def mock() -> Iterator[RunningMock]:
    with serve_in_background() as running:
        yield running


def chat(mock: RunningMock, *args: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SILICONFLOW_")}
    env = {**clean, "SILICONFLOW_API_KEY": mock.token, "SILICONFLOW_BASE_URL": mock.base_url}
    result = subprocess.run(
        [str(SCRIPT), "chat", *args], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert "Traceback" not in result.stderr
    return result


@pytest.mark.parametrize("model", ["Qwen/Qwen3-8B", "deepseek-ai/DeepSeek-V3"])
def test_prints_only_the_validated_object(mock: RunningMock, tmp_path: Path, model: str) -> None:
    path = tmp_path / "city.json"
    path.write_text(json.dumps(SCHEMA), encoding="utf-8")
    result = chat(mock, "Name a big city", "--model", model, "--json-schema", str(path))
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)  # exactly one document
    Draft202012Validator(SCHEMA).validate(printed)
    assert printed == {"city": "mock", "population": 1000}


def test_a_length_cut_is_an_api_error_line(mock: RunningMock, tmp_path: Path) -> None:
    path = tmp_path / "city.json"
    path.write_text(json.dumps(SCHEMA), encoding="utf-8")
    result = chat(mock, "Name a city", "--max-tokens", "2", "--json-schema", str(path))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "finish_reason: length" in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read"),
        ("{not json", "is not JSON"),
        ("[1]", "must hold a JSON object"),
        ('{"type": 5}', "not a valid JSON Schema"),
    ],
)
def test_a_bad_schema_file_is_a_usage_error(
    mock: RunningMock, tmp_path: Path, content: str | None, message: str
) -> None:
    path = tmp_path / "schema.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = chat(mock, "hi", "--json-schema", str(path))
    assert result.returncode == 2
    assert "--json-schema" in result.stderr
    assert message in result.stderr


def test_json_and_json_schema_together_are_a_usage_error(mock: RunningMock, tmp_path: Path) -> None:
    path = tmp_path / "city.json"
    path.write_text(json.dumps(SCHEMA), encoding="utf-8")
    result = chat(mock, "hi", "--json", "--json-schema", str(path))
    assert result.returncode == 2
    assert "choose one" in result.stderr

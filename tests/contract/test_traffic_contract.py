"""`make contract TRAFFIC=...`: recorded exchanges checked against openapi.yaml.

Good recordings pass (made here against the mock by the client and the CLI, and the real captures
of tests/fixtures); a wrong type fails naming the line and the JSON path; unknown fields and values
are drift, listed apart, not failures.
"""

from __future__ import annotations

import copy
import json
import os
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from siliconflow import GoneError, SiliconFlow
from siliconflow_api.models import ChatCompletionRequest
from siliconflow_mock import RunningMock

from scripts.traffic_contract import main
from tests.contract.captures import TRAFFIC, render, traffic_files

ROOT = Path(__file__).resolve().parents[2]
REQUEST = {"model": "Qwen/Qwen3-8B", "messages": [{"role": "user", "content": "hi"}], "enable_thinking": True}


def check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main([str(path)])
    return status, capsys.readouterr().out


def write(tmp_path: Path, *exchanges: dict[str, Any]) -> Path:
    path = tmp_path / "traffic.jsonl"
    path.write_text(render(list(exchanges)), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory, mock_server: RunningMock) -> list[dict[str, Any]]:
    """Traffic the client records against the mock: chat, stream, an error, /models, /user/info."""
    path = tmp_path_factory.mktemp("rec") / "traffic.jsonl"
    with SiliconFlow(mock_server.token, base_url=mock_server.base_url, record=path) as client:
        request = ChatCompletionRequest.from_dict(REQUEST)
        client.create(request)
        with client.stream(request) as stream:
            stream.get_final_completion()
        client.models.list(type="text")
        with pytest.raises(GoneError):  # retired: 410, as the live server answers
            client.user.info()
        with pytest.raises(Exception, match="20012"):
            client.create(ChatCompletionRequest.from_dict({**REQUEST, "model": "mock/does-not-exist"}))
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_recordings_of_the_client_against_the_mock_pass(
    recorded: list[dict[str, Any]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert [line["status"] for line in recorded] == [200, 200, 200, 410, 400]
    status, out = check(write(tmp_path, *recorded), capsys)
    assert status == 0, out
    assert "5 exchanges checked, 0 violations, 0 drift notes" in out


def test_recordings_of_the_cli_pass(
    mock_server: RunningMock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    traffic = tmp_path / "cli.jsonl"
    canary = f"sk-canary-{secrets.token_hex(12)}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("SILICONFLOW_")}
    env |= {"SILICONFLOW_RECORD": str(traffic), "SILICONFLOW_BASE_URL": mock_server.base_url}
    script = Path(sys.executable).with_name("siliconflow")
    for args, key in (
        (["chat", "hello"], mock_server.token),
        (["models"], mock_server.token),
        (["balance"], canary),
    ):
        subprocess.run(
            [str(script), *args],
            env={**env, "SILICONFLOW_API_KEY": key},
            capture_output=True,
            timeout=60,
            check=False,
        )
    lines = traffic.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["status"] for line in lines] == [200, 200, 401]
    assert canary not in traffic.read_text(encoding="utf-8")
    status, out = check(traffic, capsys)
    assert status == 0, out


@pytest.mark.parametrize("name", sorted(traffic_files()))
def test_the_real_captures_pass(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out = check(TRAFFIC / name, capsys)
    assert status == 0, out
    assert " 0 violations" in out


def test_the_committed_capture_traffic_is_derived_from_the_captures() -> None:
    for name, lines in traffic_files().items():
        committed = (TRAFFIC / name).read_text(encoding="utf-8")
        assert committed == render(lines), f"run `python -m tests.contract.captures` to refresh {name}"


def test_a_wrong_type_fails_naming_the_line_and_the_path(
    recorded: list[dict[str, Any]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = copy.deepcopy(recorded[0])
    bad["response_body"]["choices"][0]["index"] = "zero"
    status, out = check(write(tmp_path, recorded[3], bad), capsys)
    assert status == 1
    assert (
        "line 2: POST /chat/completions 200 response: choices[0].index: 'zero' is not of type 'integer'"
        in out
    )


def test_a_wrong_type_in_one_stream_event_names_the_event(
    recorded: list[dict[str, Any]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = copy.deepcopy(recorded[1])
    events = bad["response_sse"].split("\n\n")
    chunk = json.loads(events[1].removeprefix("data: "))
    chunk["choices"][0]["delta"]["content"] = 42
    events[1] = "data: " + json.dumps(chunk)
    bad["response_sse"] = "\n\n".join(events)
    status, out = check(write(tmp_path, bad), capsys)
    assert status == 1
    assert (
        "line 1: POST /chat/completions 200 response: event[1].data.choices[0].delta.content: 42 is not"
        in out
    )


def test_a_bad_request_body_is_a_violation(
    recorded: list[dict[str, Any]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = copy.deepcopy(recorded[0])
    bad["request_body"]["frequency_penalty"] = 3
    status, out = check(write(tmp_path, bad), capsys)
    assert status == 1
    assert "POST /chat/completions request: frequency_penalty: 3 is greater than the maximum of 2" in out


def test_unknown_fields_and_values_are_drift_not_failures(
    recorded: list[dict[str, Any]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    drifted = copy.deepcopy(recorded[0])
    drifted["response_body"]["choices"][0]["finish_reason"] = "content_filter"
    drifted["response_body"]["choices"][0]["message"]["audio"] = {"id": "a1"}
    models = copy.deepcopy(recorded[2])
    models["response_body"]["data"][0]["context_length"] = 32768
    status, out = check(write(tmp_path, drifted, models), capsys)
    assert status == 0, out
    drift = out.split("### Drift", 1)[1]
    assert (
        "line 1: POST /chat/completions 200 response: choices[0].finish_reason: value 'content_filter'"
        in drift
    )
    assert (
        "line 1: POST /chat/completions 200 response: choices[0].message.audio: field not in the spec"
        in drift
    )
    assert "line 2: GET /models 200 response: data[0].context_length: field not in the spec" in drift
    assert "### Violations" not in out


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"status": 418}, "(status): status not declared by the spec"),
        ({"response_headers": {"content-type": "text/html"}}, "content type 'text/html' not declared"),
        ({"path": "/v1/chat/completion"}, "(operation): not in the spec"),
        ({"method": "DELETE"}, "(operation): not in the spec"),
    ],
)
def test_exchanges_the_spec_does_not_describe_are_violations(
    recorded: list[dict[str, Any]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    change: dict[str, Any],
    fragment: str,
) -> None:
    status, out = check(write(tmp_path, {**recorded[0], **change}), capsys)
    assert status == 1
    assert fragment in out


def test_bad_lines_are_violations_and_missing_responses_are_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "t.jsonl"
    no_response: dict[str, Any] = {
        "method": "GET",
        "path": "/v1/models",
        "query": {},
        "status": None,
        "error": "ConnectError",
    }
    not_json = {
        "method": "GET",
        "path": "/v1/models",
        "status": 200,
        "response_headers": {"content-type": "application/json"},
        "response_text": "<html>",
    }
    path.write_text(
        "{oops\n\n[1]\n" + json.dumps(no_response) + "\n" + json.dumps(not_json) + "\n", encoding="utf-8"
    )
    status, out = check(path, capsys)
    assert status == 1
    assert "line 1: record: (line): not JSON" in out
    assert "line 3: record: (line): not a recorded exchange object" in out
    assert "line 5: GET /models 200 response: (body): the response body is not JSON" in out
    assert "1 without a response (skipped)" in out


def test_make_contract_traffic_exits_1_on_a_violation(recorded: list[dict[str, Any]], tmp_path: Path) -> None:
    bad = copy.deepcopy(recorded[2])  # GET /models
    bad["response_body"]["data"][0]["created"] = "zero"
    path = write(tmp_path, bad)
    result = subprocess.run(
        ["make", "-s", "contract", f"TRAFFIC={path}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "data[0].created: 'zero' is not of type 'integer'" in result.stdout

"""`make api-diff`: each kind of spec change classified, and the whole run on a copy of the repository."""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts.api_diff import ADDITIVE, BREAKING, Change, spec_changes

ROOT = Path(__file__).resolve().parents[2]
SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
SCHEMAS = "components.schemas"


def changed(edit: Any) -> list[Change]:
    new = copy.deepcopy(SPEC)
    edit(new["components"]["schemas"], new)
    return spec_changes(SPEC, new)


def only(changes: list[Change]) -> tuple[str, str, str]:
    assert len(changes) == 1, changes
    (change,) = changes
    return change.kind, change.where, change.what


def test_the_same_spec_has_no_changes() -> None:
    assert spec_changes(SPEC, copy.deepcopy(SPEC)) == []


def test_an_optional_request_field_is_additive() -> None:
    def edit(s: dict[str, Any], _: Any) -> None:
        s["ChatCompletionRequest"]["properties"]["seed"] = {"type": "integer"}

    assert only(changed(edit)) == (
        ADDITIVE,
        f"{SCHEMAS}.ChatCompletionRequest.seed",
        "new optional request field",
    )


def test_a_newly_required_request_field_is_breaking() -> None:
    def edit(s: dict[str, Any], _: Any) -> None:
        s["ChatCompletionRequest"]["required"].append("max_tokens")

    assert only(changed(edit))[:2] == (BREAKING, f"{SCHEMAS}.ChatCompletionRequest.max_tokens")


def test_a_removed_response_field_is_breaking_and_a_new_one_additive() -> None:
    def edit(s: dict[str, Any], _: Any) -> None:
        del s["ChatCompletion"]["properties"]["system_fingerprint"]
        s["Usage"]["properties"]["cost"] = {"type": "number"}

    found = {(c.kind, c.where) for c in changed(edit)}
    assert (BREAKING, f"{SCHEMAS}.ChatCompletion.system_fingerprint") in found
    assert (ADDITIVE, f"{SCHEMAS}.Usage.cost") in found


def test_a_narrowed_request_range_is_breaking_and_a_widened_one_additive() -> None:
    def narrow(s: dict[str, Any], _: Any) -> None:
        s["ChatCompletionRequest"]["properties"]["thinking_budget"]["maximum"] = 16384

    def widen(s: dict[str, Any], _: Any) -> None:
        s["ChatCompletionRequest"]["properties"]["temperature"]["maximum"] = 4

    assert only(changed(narrow))[0] == BREAKING
    assert only(changed(widen)) == (
        ADDITIVE,
        f"{SCHEMAS}.ChatCompletionRequest.temperature",
        "maximum changed from 2 to 4",
    )


def test_request_enums_may_widen_but_not_narrow() -> None:
    def narrow(s: dict[str, Any], _: Any) -> None:
        s["MediaDetail"]["enum"] = ["auto", "high"]

    def widen(s: dict[str, Any], _: Any) -> None:
        s["MediaDetail"]["enum"].append("ultra")

    assert only(changed(narrow))[0] == BREAKING
    assert only(changed(widen))[0] == ADDITIVE


def test_a_new_value_of_an_open_response_enum_is_additive() -> None:
    def edit(s: dict[str, Any], _: Any) -> None:
        s["FinishReason"]["x-known-values"].append("content_filter")

    assert only(changed(edit)) == (
        ADDITIVE,
        f"{SCHEMAS}.FinishReason",
        "new x-known-values values ['content_filter']",
    )


def test_a_new_value_of_a_closed_response_enum_is_breaking() -> None:
    def edit(s: dict[str, Any], _: Any) -> None:
        s["ModelList"]["properties"]["object"] = {"type": "string", "enum": ["list"]}

    base = copy.deepcopy(SPEC)
    edit(base["components"]["schemas"], base)
    new = copy.deepcopy(base)
    new["components"]["schemas"]["ModelList"]["properties"]["object"]["enum"].append("page")
    assert only(spec_changes(base, new))[0] == BREAKING


def test_a_changed_type_is_breaking() -> None:
    def edit(s: dict[str, Any], _: Any) -> None:
        s["Usage"]["properties"]["total_tokens"] = {"type": "string"}

    assert only(changed(edit)) == (
        BREAKING,
        f"{SCHEMAS}.Usage.total_tokens",
        "type changed from integer to string",
    )


def test_a_schema_renamed_with_its_former_name_is_one_additive_change() -> None:
    def edit(s: dict[str, Any], spec: dict[str, Any]) -> None:
        s["FunctionTool"] = {**s.pop("ChatCompletionTool"), "x-former-names": ["ChatCompletionTool"]}
        tools = s["ChatCompletionRequest"]["properties"]["tools"]
        tools["items"] = {"$ref": "#/components/schemas/FunctionTool"}

    kind, where, what = only(changed(edit))
    assert (kind, where) == (ADDITIVE, f"{SCHEMAS}.ChatCompletionTool")
    assert what.startswith("renamed FunctionTool")


def test_a_renamed_schema_without_its_former_name_is_no_spec_change() -> None:
    def edit(s: dict[str, Any], spec: dict[str, Any]) -> None:
        s["FunctionTool"] = s.pop("ChatCompletionTool")
        tools = s["ChatCompletionRequest"]["properties"]["tools"]
        tools["items"] = {"$ref": "#/components/schemas/FunctionTool"}

    assert changed(edit) == []  # the wire is the same; the Python side reports the removed class


def test_operations_and_parameters() -> None:
    def edit(_: Any, spec: dict[str, Any]) -> None:
        del spec["paths"]["/user/info"]
        spec["paths"]["/models"]["get"]["parameters"].append(
            {"name": "page", "in": "query", "required": True, "schema": {"type": "integer"}}
        )

    found = {(c.kind, c.where, c.what) for c in changed(edit)}
    assert found == {
        (BREAKING, "paths./user/info.get", "operation removed"),
        (BREAKING, "paths./models.get.parameters.page", "new required query parameter"),
    }


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """A clone of this repository (its committed state), using this checkout's virtualenv."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout")
    clone = tmp_path / "repo"
    _git("clone", "--quiet", "--no-hardlinks", str(ROOT), str(clone), cwd=tmp_path)
    return clone


def api_diff(clone: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """The copy's own scripts/api_diff.py, with this checkout's interpreter.

    Not `make` in the copy: its fresh pyproject.toml would make the shared virtualenv reinstall
    itself from the copy. `test_make_passes_base_and_fail_on_breaking` covers the make target.
    """
    return subprocess.run(
        [sys.executable, str(clone / "scripts" / "api_diff.py"), *extra],
        cwd=clone,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ([], "scripts/api_diff.py --base 'HEAD'"),
        (["BASE=v1.2", "FAIL_ON_BREAKING=1"], "scripts/api_diff.py --base 'v1.2' --fail-on-breaking"),
        (["FAIL_ON_BREAKING=0"], "scripts/api_diff.py --base 'HEAD'"),
    ],
)
def test_make_passes_base_and_fail_on_breaking(variables: list[str], expected: str) -> None:
    ignored = {"MAKEFLAGS", "MFLAGS", "MAKELEVEL", "BASE", "FAIL_ON_BREAKING"}
    env = {k: v for k, v in os.environ.items() if k not in ignored}
    result = subprocess.run(
        ["make", "-n", "--no-print-directory", "api-diff", *variables],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.rstrip().endswith(expected), result.stdout


def edit_spec(clone: Path, old: str, new: str) -> None:
    path = clone / "openapi.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# Appended after the request's last field: the generated __init__ takes optional fields positionally
# too, so a field inserted before others moves them, which api-diff rightly reports as breaking.
ADDITIVE_EDIT = (
    "          x-doc-discrepancy: Documented only in the FIM guide, not in the API reference.\n",
    "          x-doc-discrepancy: Documented only in the FIM guide, not in the API reference.\n"
    "        seed:\n          type: integer\n          description: Sampling seed.\n",
)
BREAKING_EDIT = (
    "        system_fingerprint:\n          type: [string, 'null']\n          description: Present in every",
    "        fingerprint:\n          type: [string, 'null']\n          description: Present in every",
)


@pytest.mark.slow
def test_api_diff_on_a_copy_with_an_additive_then_a_breaking_change(repo_copy: Path) -> None:
    edit_spec(repo_copy, *ADDITIVE_EDIT)
    result = api_diff(repo_copy, "--fail-on-breaking")
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert out.startswith("# API changes: HEAD → working tree")
    assert "- **additive** `components.schemas.ChatCompletionRequest.seed`: new optional request field" in out
    assert "- **additive** `siliconflow_api.models.chat_completion_request.ChatCompletionRequest.seed`" in out
    assert "- **additive** `siliconflow_api.params.CompletionCreateParamsBase.seed`: new public name" in out
    assert "**0 breaking, 3 additive.**" in out

    edit_spec(repo_copy, *BREAKING_EDIT)
    result = api_diff(repo_copy)  # without --fail-on-breaking: a report, exit 0
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert (
        "- **breaking** `components.schemas.ChatCompletion.system_fingerprint`: response field removed" in out
    )
    python_removed = (
        "- **breaking** `siliconflow_api.models.chat_completion.ChatCompletion.system_fingerprint`"
    )
    assert python_removed in out
    failing = api_diff(repo_copy, "--base", "HEAD", "--fail-on-breaking")
    assert failing.returncode == 1
    assert "response field removed" in failing.stdout

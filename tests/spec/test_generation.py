"""`make generate` is deterministic and `make check` catches a stale or hand-edited generated/."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openapi_spec_validator import validate
from openapi_spec_validator.readers import read_from_filename

ROOT = Path(__file__).resolve().parents[2]
INPUTS = ["openapi.yaml", "generator-config.yml", "templates", "generated", "scripts"]


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A throwaway copy of what generation reads and writes."""
    for name in INPUTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, tmp_path / name)
    return tmp_path


def run_generate(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    script = root / "scripts" / "generate.py"
    command = [sys.executable, str(script), "--root", str(root), *args]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def snapshot(root: Path) -> dict[str, bytes]:
    package = root / "generated"
    return {
        p.relative_to(package).as_posix(): p.read_bytes()
        for p in package.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


@pytest.mark.slow
def test_committed_generated_matches_the_spec(checkout: Path) -> None:
    result = run_generate(checkout, "--check")
    assert result.returncode == 0, result.stderr


@pytest.mark.slow
def test_generating_twice_gives_identical_trees(checkout: Path) -> None:
    assert run_generate(checkout).returncode == 0
    first = snapshot(checkout)
    assert run_generate(checkout).returncode == 0
    assert snapshot(checkout) == first
    assert first == snapshot(ROOT)


@pytest.mark.slow
def test_a_hand_edit_inside_generated_fails_the_check(checkout: Path) -> None:
    model = checkout / "generated" / "siliconflow_api" / "models" / "chat_completion.py"
    model.write_text(model.read_text(encoding="utf-8") + "\nPATCHED = True\n", encoding="utf-8")
    result = run_generate(checkout, "--check")
    assert result.returncode == 1
    assert "differs: models/chat_completion.py" in result.stderr


@pytest.mark.slow
def test_a_stray_file_inside_generated_fails_the_check(checkout: Path) -> None:
    (checkout / "generated" / "siliconflow_api" / "models" / "my_helper.py").write_text("X = 1\n")
    result = run_generate(checkout, "--check")
    assert result.returncode == 1
    assert "not generated: models/my_helper.py" in result.stderr


@pytest.mark.slow
def test_a_spec_change_without_regeneration_fails_the_check(checkout: Path) -> None:
    spec = checkout / "openapi.yaml"
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text.replace("Maximum tokens of chain-of-thought", "Reasoning cap"), encoding="utf-8")
    result = run_generate(checkout, "--check")
    assert result.returncode == 1
    assert "chat_completion_request.py" in result.stderr


def test_generated_package_is_typed() -> None:
    assert (ROOT / "generated" / "siliconflow_api" / "py.typed").is_file()
    assert (ROOT / "overlays" / "siliconflow" / "py.typed").is_file()


def test_spec_is_valid_openapi_3_1() -> None:
    spec, _ = read_from_filename(str(ROOT / "openapi.yaml"))
    assert spec["openapi"] == "3.1.0"
    validate(spec)

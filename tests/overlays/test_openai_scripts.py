"""openai-python scripts, ported by changing only their imports and client construction, give the
same results against the mock as openai-python itself (the control), and type-check."""

from __future__ import annotations

import difflib
import importlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from siliconflow_mock import RunningMock

SCRIPTS = Path(__file__).parents[1] / "fixtures" / "openai_scripts"
NAMES = ["plain_call", "stream_call", "tool_loop", "json_mode"]
PACKAGE = "tests.fixtures.openai_scripts"
ROOT = Path(__file__).parents[2]


def changed_lines(name: str) -> list[str]:
    original = (SCRIPTS / "with_openai" / f"{name}.py").read_text().splitlines()
    ported = (SCRIPTS / "with_siliconflow" / f"{name}.py").read_text().splitlines()
    return [
        line
        for line in difflib.unified_diff(original, ported, lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


@pytest.mark.parametrize("name", NAMES)
def test_only_the_imports_and_the_construction_changed(name: str) -> None:
    for line in changed_lines(name):
        body = line[1:].strip()
        assert body.startswith(("from openai", "from siliconflow", "client = ")), line


@pytest.mark.parametrize("name", NAMES)
def test_the_ported_script_gives_the_control_results(mock_server: RunningMock, name: str) -> None:
    control = importlib.import_module(f"{PACKAGE}.with_openai.{name}")
    ported = importlib.import_module(f"{PACKAGE}.with_siliconflow.{name}")
    expected = control.run(mock_server.base_url, mock_server.token)
    got = ported.run(mock_server.base_url, mock_server.token)
    assert got == expected
    assert all(value not in (None, "", []) for value in expected.values()), expected


@pytest.mark.slow
def test_the_ported_scripts_pass_mypy_strict() -> None:
    folder = SCRIPTS / "with_siliconflow"
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_the_ported_scripts_pass_pyright_strict(tmp_path: Path) -> None:
    pyright = shutil.which("pyright", path=str(Path(sys.executable).parent))
    if pyright is None:
        pytest.skip("pyright is not installed (pip install -e '.[dev]')")
    config = tmp_path / "pyrightconfig.json"
    paths = ", ".join(f'"{ROOT / part}"' for part in ("generated", "overlays"))
    venv = Path(sys.prefix)
    config.write_text(
        f'{{"typeCheckingMode": "strict", "extraPaths": [{paths}], '
        f'"venvPath": "{venv.parent}", "venv": "{venv.name}", '
        # SiliconFlow has function tool calls only: the script's isinstance() is redundant, not wrong.
        '"reportUnnecessaryIsInstance": "warning"}'
    )
    result = subprocess.run(
        [pyright, "--project", str(config), *(str(SCRIPTS / "with_siliconflow" / f"{n}.py") for n in NAMES)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].startswith("0 errors,"), result.stdout

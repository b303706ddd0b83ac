"""What the command line may use: the public names of `siliconflow`, and each command's code only when run."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
import siliconflow
import siliconflow.bulk
import siliconflow_cli
from siliconflow_cli import parser

CLI = Path(siliconflow_cli.__file__).parent


def test_the_cli_imports_only_public_names_of_siliconflow() -> None:
    used: dict[str, set[str]] = {}
    for source in CLI.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "siliconflow":
                used.setdefault(node.module or "", set()).update(alias.name for alias in node.names)
            elif isinstance(node, ast.Import):
                assert not [a.name for a in node.names if a.name.split(".")[0] == "siliconflow"], source
    # The package and its one public subpackage (bulk jobs), never a module such as siliconflow._core.errors.
    assert set(used) <= {"siliconflow", "siliconflow.bulk"}
    assert used["siliconflow"] <= set(siliconflow.__all__)
    assert used.get("siliconflow.bulk", set()) <= set(siliconflow.bulk.__all__)


def test_the_cli_shows_the_one_default_base_url(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parser.build_parser().parse_args(["chat", "--help"])
    assert siliconflow.DEFAULT_BASE_URL in capsys.readouterr().out
    sources = "".join(source.read_text(encoding="utf-8") for source in CLI.glob("*.py"))
    assert "api.siliconflow" not in sources  # no second copy of it


def test_help_loads_neither_the_http_client_nor_the_models_nor_the_mock() -> None:
    code = (
        "import sys\n"
        "from siliconflow_cli.main import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(' '.join(sys.modules), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    loaded = set(result.stderr.split())
    # The request flags' ranges come from the spec: only the generated constraints module is read.
    assert "siliconflow_api.request_constraints" in loaded
    assert "usage: siliconflow" in result.stdout
    assert (
        not {
            "httpx",
            "siliconflow_api.client",
            "siliconflow_api.models",
            "siliconflow.client",
            "siliconflow_cli.chat",
            "siliconflow_mock",
        }
        & loaded
    )

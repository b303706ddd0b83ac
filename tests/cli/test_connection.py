"""One module of the CLI owns the connection: the key is read from the environment there only, and
headers are checked by the library's rule."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import siliconflow_cli
from siliconflow_cli.connection import parse_headers
from siliconflow_cli.parser import UsageError

CLI = Path(siliconflow_cli.__file__).parent


def reads_of_the_environment(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        ast.unparse(node)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and "API_KEY_ENV" in ast.unparse(node)
        and "environ" in ast.unparse(node)
    ]


def test_the_key_is_read_from_the_environment_in_one_module() -> None:
    readers = {path.name for path in CLI.glob("*.py") if reads_of_the_environment(path)}
    assert readers == {"connection.py"}


def test_connection_flags_are_declared_once() -> None:
    declaring = {path.name for path in CLI.glob("*.py") if '"--base-url"' in path.read_text(encoding="utf-8")}
    assert declaring == {"connection.py"}


def test_headers_follow_the_library_rule() -> None:
    with pytest.raises(UsageError, match="not a valid header name"):
        parse_headers(["Bad Name: x"])
    with pytest.raises(UsageError, match="printable ASCII"):
        parse_headers(["X-A: a\tb\x00"])

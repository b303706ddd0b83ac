"""Every ```python block of docs/ and README.md runs as written against the mock.

Each block runs alone, in a fresh interpreter and an empty directory, with only
SILICONFLOW_API_KEY and SILICONFLOW_BASE_URL set as a reader would set them for `make mock`: so no
block can lean on another (a page can be read on its own), and what a block writes stays in its
directory. Blocks marked `<!-- live -->` are skipped; `<!-- expect: text -->` checks the output.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from tests.docs.blocks import README, Block, all_blocks, markdown_files, python_blocks

BLOCKS = all_blocks()


def _param(block: Block) -> object:
    marks = [pytest.mark.slow] if block.slow else []
    return pytest.param(block, id=block.name, marks=marks)


@pytest.mark.parametrize("block", [_param(block) for block in BLOCKS])
def test_block_runs_against_the_mock(block: Block, reader_env: dict[str, str], tmp_path: Path) -> None:
    if block.live:
        pytest.skip("needs the live API (marked <!-- live -->)")
    for module in block.requires:
        if importlib.util.find_spec(module.split(".")[0]) is None or _missing(module):
            pytest.skip(f"needs {module}")
    script = tmp_path / "block.py"
    script.write_text(block.code, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script)],
        cwd=tmp_path,
        env=reader_env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, f"{block.name} failed:\n{result.stderr}"
    for text in block.expect:
        assert text in result.stdout, f"{block.name}: {text!r} not in its output:\n{result.stdout}"


def _missing(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is None
    except ModuleNotFoundError:
        return True


def test_every_page_has_been_read() -> None:
    """The runner finds the blocks: the README's quick start and blocks on the guide pages."""
    pages = {path.name for path in markdown_files() if python_blocks(path)}
    assert {"README.md", "getting-started.md", "migrating.md", "streaming.md", "errors.md"} <= pages
    assert any(not block.live for block in python_blocks(README))


def test_the_readme_quick_start_is_short() -> None:
    """The issue's promise: a quick start of at most 15 lines, in a README of about 250."""
    quick_start = python_blocks(README)[0]
    assert len(quick_start.code.strip().splitlines()) <= 15
    assert len(README.read_text(encoding="utf-8").splitlines()) <= 260


def test_markers_are_read(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "Text.\n\n<!-- live -->\n```python\nprint(1)\n```\n\n"
        "<!-- expect: 2 -->\n<!-- requires: opentelemetry.sdk -->\n\n```python\nprint(2)\n```\n"
        "- item\n\n  ```python\n  print(3)\n  ```\n```sh\necho no\n```\n",
        encoding="utf-8",
    )
    first, second, third = python_blocks(page)
    assert (first.live, first.line, first.code) == (True, 4, "print(1)\n")
    assert (second.live, second.expect, second.requires) == (False, ["2"], ["opentelemetry.sdk"])
    assert third.code == "print(3)\n"

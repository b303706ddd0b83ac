"""`make docs` builds: mkdocs --strict fails on a broken link, a missing reference or a bad docstring."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = [
    "getting-started",
    "migrating",
    "streaming",
    "thinking",
    "tools",
    "errors",
    "bulk",
    "cli",
    "observability",
    "regenerating",
    "mock",
    "architecture",
    "benchmarks",
]


@pytest.mark.slow
def test_the_site_builds_strict_with_every_page(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(tmp_path)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for page in PAGES:
        assert (tmp_path / page / "index.html").is_file(), page
    assert (tmp_path / "BENCHMARKS.svg").is_file()
    errors = (tmp_path / "reference" / "errors" / "index.html").read_text(encoding="utf-8")
    for name in ("SiliconFlowError", "APIStatusError", "RateLimitError", "StreamError", "StreamAPIError"):
        assert f'id="siliconflow._core.errors.{name}"' in errors, name

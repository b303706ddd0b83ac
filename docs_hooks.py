"""MkDocs hooks (see mkdocs.yml): put the repository's benchmark chart beside the pages.

BENCHMARKS.md, BENCHMARKS-bulk.md, ARCHITECTURE.md and CHANGELOG.md stay at the repository's root,
where `make bench` writes them and GitHub shows them; the docs pages include their text with
pymdownx.snippets. The chart they link (`BENCHMARKS.svg`) must be a file of the site for the link
to resolve, so it is added here from the root instead of being copied into docs/ by hand.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent
FROM_ROOT = ("BENCHMARKS.svg",)


def on_files(files: Files, config: Any) -> Files:
    for name in FROM_ROOT:
        files.append(File.generated(config, name, abs_src_path=str(ROOT / name)))
    return files

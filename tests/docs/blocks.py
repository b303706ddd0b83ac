"""The Python blocks of the docs and the README, read as a reader sees them.

A block is a ```python fence (indented ones inside lists too). HTML comments on the lines just
before it, which Markdown does not show, tell the runner about it:

- `<!-- live -->`: needs the live API; skipped in the suite.
- `<!-- requires: module.name -->`: needs an optional package; skipped when it is not installed.
- `<!-- expect: some text -->`: the block's standard output must contain the text (repeatable).
- `<!-- slow -->`: takes seconds (marked `slow`, left out of `make test-fast`).
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
README = ROOT / "README.md"

_FENCE = re.compile(r"^(?P<indent>[ \t]*)```(?P<lang>[\w+-]*)[^\n]*$")
_MARKER = re.compile(r"^\s*<!--\s*(?P<name>live|slow|requires|expect)\s*(?::\s*(?P<value>.*?))?\s*-->\s*$")


@dataclass
class Block:
    """One ```python block: where it is, its code, and what its markers say."""

    path: Path
    line: int  # of the opening fence, 1-based
    code: str
    live: bool = False
    slow: bool = False
    requires: list[str] = field(default_factory=list)
    expect: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def markdown_files() -> list[Path]:
    return [README, *sorted(DOCS.rglob("*.md"))]


def python_blocks(path: Path) -> list[Block]:
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        indent, language, start = opening["indent"], opening["lang"], index
        index += 1
        body: list[str] = []
        while index < len(lines) and lines[index].strip() != "```":
            body.append(lines[index])
            index += 1
        index += 1  # the closing fence
        if language != "python":
            continue
        block = Block(path, start + 1, textwrap.dedent("\n".join(body)) + "\n")
        _read_markers(block, lines, start)
        if indent and not block.code.strip():
            continue
        blocks.append(block)
    return blocks


def _read_markers(block: Block, lines: list[str], fence: int) -> None:
    """The comment lines right above the fence (blank lines between them allowed)."""
    above = fence - 1
    while above >= 0:
        text = lines[above]
        marker = _MARKER.match(text)
        if marker is None:
            if text.strip():
                return
            above -= 1
            continue
        name, value = marker["name"], (marker["value"] or "").strip()
        if name == "live":
            block.live = True
        elif name == "slow":
            block.slow = True
        elif name == "requires":
            block.requires.append(value)
        else:
            block.expect.append(value)
        above -= 1


def all_blocks() -> list[Block]:
    return [block for path in markdown_files() for block in python_blocks(path)]

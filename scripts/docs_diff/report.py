"""The report: Markdown grouped by operation (api-diff's style), or JSON for tools."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from scripts.docs_diff.notes import KNOWN, NEW, REVIEW

_TITLES = {NEW: "New", REVIEW: "Note to review", KNOWN: "Known, recorded"}


@dataclass(frozen=True)
class Item:
    operation: str  # "createChatCompletion (POST /chat/completions)"
    path: str
    facet: str
    status: str
    docs: Any
    ours: Any
    page: str
    note: str | None = None
    why: str | None = None


@dataclass
class Result:
    pages: list[str] = field(default_factory=list)  # the pages compared
    items: list[Item] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one line per page that could not be read
    new_endpoints: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(item.status == status for item in self.items)

    @property
    def anything_new(self) -> bool:
        return bool(self.count(NEW) or self.count(REVIEW) or self.new_endpoints or self.errors)


def to_json(result: Result) -> str:
    payload = {
        "pages": result.pages,
        "errors": result.errors,
        "new_endpoints": result.new_endpoints,
        "items": [item.__dict__ for item in result.items],
        "summary": {status: result.count(status) for status in (NEW, REVIEW, KNOWN)},
    }
    return json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n"


def to_markdown(result: Result) -> str:
    lines = ["# SiliconFlow docs → openapi.yaml", ""]
    lines.append(f"Compared {len(result.pages)} page(s).")
    lines.append("")
    if result.errors:
        lines += ["## Pages that could not be read", "", *[f"- {error}" for error in result.errors], ""]
    if result.new_endpoints:
        lines += ["## New endpoint pages (in `llms.txt`, not in docs-pages.yml)", ""]
        lines += [f"- {url}" for url in result.new_endpoints] + [""]
    by_operation: dict[str, list[Item]] = defaultdict(list)
    for item in result.items:
        by_operation[item.operation].append(item)
    for operation in sorted(by_operation):
        lines += [f"## {operation}", ""]
        for status in (NEW, REVIEW, KNOWN):
            chosen = [i for i in by_operation[operation] if i.status == status]
            if chosen:
                lines += [f"### {_TITLES[status]}", ""]
                lines += [_line(item) for item in sorted(chosen, key=lambda i: (i.path, i.facet, i.page))]
                lines.append("")
    if not result.items:
        lines += ["No differences.", ""]
    lines.append(
        f"**{result.count(NEW)} new, {result.count(REVIEW)} to review, {result.count(KNOWN)} known; "
        f"{len(result.new_endpoints)} new endpoint page(s); {len(result.errors)} page error(s).**"
    )
    return "\n".join(lines) + "\n"


def _line(item: Item) -> str:
    text = f"- `{item.path}` {item.facet}: docs {_show(item.docs)}, ours {_show(item.ours)} — {item.page}"
    if item.why:
        text += f"\n  - {item.why}"
    if item.note:
        text += f"\n  - note: {_short(item.note)}"
    return text


def _show(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, list) and len(value) > 12:
        return f"`{json.dumps(value[:12], ensure_ascii=False)[:-1]}, …]` ({len(value)} values)"
    return f"`{json.dumps(value, ensure_ascii=False)}`" if not isinstance(value, str) else f"`{value}`"


def _short(text: str, limit: int = 200) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"

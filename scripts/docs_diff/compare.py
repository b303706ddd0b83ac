"""The differences between the docs' flattened operation and ours.

What is compared where (the docs state much that a client does not act on):

- request fields and parameters: presence, type, `required`, ranges, enum, and for top-level body
  fields the default and the model ids written in the description (nested defaults in the docs
  are the playground's fillers, "Describe this picture.");
- responses: status codes, headers, media types, body and stream-chunk fields (presence, type,
  enum). Ours reading `null` too where the docs give one type is our tolerance, not a difference;
  so is ours not closing an enum; a docs enum value ours does not list is one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scripts.docs_diff.fields import RANGES, Field, Path

PRESENCE, TYPE, REQUIRED, ENUM, DEFAULT, MODELS = "presence", "type", "required", "enum", "default", "models"


@dataclass(frozen=True)
class Difference:
    path: Path
    facet: str  # PRESENCE, TYPE, REQUIRED, a range keyword, ENUM, DEFAULT or MODELS
    docs: Any  # JSON-able; None where the docs state nothing
    ours: Any

    @property
    def where(self) -> str:
        return render_path(self.path)


def render_path(path: Path) -> str:
    text = ""
    for segment in path:
        text += "[]" if segment == "[]" else (f".{segment}" if text else segment)
    return text


def compare(docs: dict[Path, Field], ours: dict[Path, Field]) -> list[Difference]:
    found: list[Difference] = []
    for path in sorted(docs.keys() | ours.keys()):
        if not path:  # the operation itself, which holds its notes
            continue
        if path in docs and path in ours:
            found += _facets(path, docs[path], ours[path])
        elif path in docs and not _below_missing(path, docs, ours):
            found.append(Difference(path, PRESENCE, "present", None))
        elif path in ours and not _below_missing(path, ours, docs):
            found.append(Difference(path, PRESENCE, None, "present"))
    return found


def _below_missing(path: Path, side: dict[Path, Field], other: dict[Path, Field]) -> bool:
    """Reported once, at the top-most path the other side lacks."""
    return any(path[:n] in side and path[:n] not in other for n in range(1, len(path)))


def _facets(path: Path, docs: Field, ours: Field) -> list[Difference]:
    request = path[0] == "request"
    top_level = request and len(path) == 3
    found: list[Difference] = []
    if docs.types is not None and ours.types is not None and docs.types != ours.types:
        tolerated = not request and docs.types <= ours.types and ours.types - docs.types <= {"null"}
        if not tolerated:
            found.append(Difference(path, TYPE, _types(docs.types), _types(ours.types)))
    if request and path != ("request", "body") and docs.required != ours.required:
        found.append(Difference(path, REQUIRED, docs.required, ours.required))
    if request:
        for key in RANGES:
            if docs.facets.get(key) != ours.facets.get(key):
                found.append(Difference(path, key, docs.facets.get(key), ours.facets.get(key)))
    docs_enum, ours_enum = docs.facets.get(ENUM), ours.facets.get(ENUM)
    if request and _set(docs_enum) != _set(ours_enum):
        found.append(Difference(path, ENUM, _values(docs_enum), _values(ours_enum)))
    docs_set, ours_set = _set(docs_enum), _set(ours_enum)
    if not request and docs_set and ours_set and not docs_set <= ours_set:
        found.append(Difference(path, ENUM, _values(docs_enum), _values(ours_enum)))
    if top_level and scalar(docs.facets.get(DEFAULT)) != scalar(ours.facets.get(DEFAULT)):
        found.append(Difference(path, DEFAULT, docs.facets.get(DEFAULT), ours.facets.get(DEFAULT)))
    if top_level and docs.models != ours.models:
        found.append(Difference(path, MODELS, sorted(docs.models) or None, sorted(ours.models) or None))
    return found


def scalar(value: Any) -> str | None:
    """A default or enum value as text, so `0.7`, `"0.7"` and `True`, `"true"` compare equal."""
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return f"{float(value):g}"
    text = str(value).strip()
    try:
        return f"{float(text):g}"
    except ValueError:
        return text.lower() if text.lower() in ("true", "false") else text


def _set(values: Any) -> frozenset[str] | None:
    return None if values is None else frozenset(str(scalar(v)) for v in values)


def _values(values: Any) -> list[Any] | None:
    return None if values is None else list(values)


def _types(types: frozenset[str]) -> str:
    return " | ".join(sorted(types))

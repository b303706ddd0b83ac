"""Which differences our `x-doc-discrepancy` notes already record.

A note covers a difference when it sits at the difference's path; or above it (an object's note)
or beside it (a renamed field's note) and names the differing field by word; and, for anything
but a field present on one side only, when it names the facet (`maxItems`, `default`, `enum`, ...)
or one of the differing values. A covered difference is

- **known** when the note names what the docs now say (every differing value), or, where the note
  has an `x-doc-says: {facet: value}` marker, when the docs say exactly that value;
- **to review** otherwise: the docs changed again since the note was written.

`stale_notes` finds the other kind of review: an `x-doc-says` value that no page shows any more,
every page now agreeing with ours.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from scripts.docs_diff.compare import ENUM, PRESENCE, Difference, scalar
from scripts.docs_diff.fields import Field, Note, Path

NEW, KNOWN, REVIEW = "new", "known", "review"
_STRUCTURE = {"request", "response", "body", "stream", "query", "header", "path", "[]"}


@dataclass(frozen=True)
class Verdict:
    status: str
    note: str | None = None
    why: str | None = None


def classify(difference: Difference, ours: dict[Path, Field]) -> Verdict:
    for note in _candidates(difference.path, ours):
        if not _names_the_facet(difference, note):
            continue
        recorded = note.says.get(difference.facet, _MISSING)
        if recorded is not _MISSING:
            if _same(difference.facet, recorded, difference.docs):
                return Verdict(KNOWN, note.text)
            return Verdict(REVIEW, note.text, f"the note records {difference.facet} {recorded!r}")
        unnamed = [v for v in _differing(difference) if not mentions(note.text, v)]
        if not unnamed:
            return Verdict(KNOWN, note.text)
        return Verdict(REVIEW, note.text, f"the note does not mention {', '.join(map(str, unnamed))}")
    return Verdict(NEW)


_MISSING = object()


def _candidates(path: Path, ours: dict[Path, Field]) -> Iterable[Note]:
    if path in ours:
        yield from ours[path].notes
    else:  # a field only the docs have: a renamed field's note names the docs' spelling
        for sibling, field in ours.items():
            if path and sibling[:-1] == path[:-1]:
                yield from (note for note in field.notes if mentions(note.text, path[-1]))
    names = [s for s in path if s not in _STRUCTURE]
    if not names:
        return
    for cut in range(len(path) - 1, -1, -1):  # an object's note covers the fields it names
        above = path[:cut]
        if above in ours:
            yield from (note for note in ours[above].notes if mentions(note.text, names[-1]))


def _names_the_facet(difference: Difference, note: Note) -> bool:
    if difference.facet == PRESENCE or difference.facet in note.says:
        return True
    values = [*_differing(difference), _plain(difference.ours)]
    return mentions(note.text, difference.facet) or any(mentions(note.text, v) for v in values if v)


def _differing(difference: Difference) -> list[str]:
    """What the docs say that ours does not, as words a note would use."""
    docs, ours = difference.docs, difference.ours
    if difference.facet == PRESENCE or docs is None:
        return []
    if isinstance(docs, list) or isinstance(ours, list):
        return sorted({str(scalar(v)) for v in (docs or [])} ^ {str(scalar(v)) for v in (ours or [])})
    if difference.facet == "type":
        return sorted(set(str(docs).split(" | ")) ^ set(str(ours or "").split(" | ")) - {""})
    return [_plain(docs)]


def _plain(value: Any) -> str:
    return "" if value is None or isinstance(value, list) else str(scalar(value))


def _same(facet: str, recorded: Any, docs: Any) -> bool:
    if facet == ENUM or isinstance(recorded, list):
        return {scalar(v) for v in recorded or []} == {scalar(v) for v in docs or []}
    return scalar(recorded) == scalar(docs)


def mentions(text: str, word: str) -> bool:
    """`word` (or its plural) as a whole word of `text`, ignoring case."""
    if not word:
        return False
    return re.search(rf"(?<![\w-]){re.escape(word)}s?(?![\w-])", text, re.IGNORECASE) is not None


@dataclass(frozen=True)
class StaleNote:
    path: Path
    facet: str
    recorded: Any
    docs: Any
    ours: Any
    note: str
    pages: tuple[str, ...]


def stale_notes(ours: dict[Path, Field], pages: list[tuple[str, dict[Path, Field]]]) -> list[StaleNote]:
    """`x-doc-says` values that no page of the operation shows any more, every page agreeing with ours."""
    found: list[StaleNote] = []
    for path, field in sorted(ours.items()):
        for note in field.notes:
            for facet, recorded in note.says.items():
                seen = [(url, fields[path]) for url, fields in pages if path in fields]
                if not seen:
                    continue
                values = [_facet(docs_field, facet) for _, docs_field in seen]
                mine = _facet(field, facet)
                if any(_same(facet, recorded, value) for value in values):
                    continue
                if all(_same(facet, mine, value) for value in values):
                    urls = tuple(url for url, _ in seen)
                    found.append(StaleNote(path, facet, recorded, values[0], mine, note.text, urls))
    return found


def _facet(field: Field, facet: str) -> Any:
    value = field.facets.get(facet)
    return list(value) if isinstance(value, tuple) else value

"""When a note records a difference, and when it is to be reviewed."""

from __future__ import annotations

from scripts.docs_diff.compare import Difference
from scripts.docs_diff.fields import Field, Note
from scripts.docs_diff.notes import KNOWN, NEW, REVIEW, classify, mentions, stale_notes

BODY = ("request", "body")


def fields(**notes: Note) -> dict[tuple[str, ...], Field]:
    return {(*BODY, *name.split("__")): Field(notes=[note]) for name, note in notes.items()}


def test_mentions_whole_words_and_plurals_only() -> None:
    assert mentions("allows only roles user/assistant", "role")
    assert mentions("the `max_frams` typo", "max_frams")
    assert not mentions("the max_frames field", "max_frams")
    assert not mentions("rolex", "role")


def test_a_note_that_does_not_name_the_facet_does_not_cover_it() -> None:
    ours = fields(budget=Note("Only the older copy states a default of 4096."))
    narrowed = Difference((*BODY, "budget"), "maximum", 16384, 32768)
    assert classify(narrowed, ours).status == NEW
    default = Difference((*BODY, "budget"), "default", 4096, None)
    assert classify(default, ours).status == KNOWN
    changed = Difference((*BODY, "budget"), "default", 2048, None)
    verdict = classify(changed, ours)
    assert (verdict.status, verdict.why) == (REVIEW, "the note does not mention 2048")


def test_a_note_above_covers_fields_it_names_and_a_renamed_field_is_found_beside() -> None:
    ours = fields(messages=Note("Tool messages and assistant `tool_calls` are modelled here."))
    ours[(*BODY, "video", "max_frames")] = Field(notes=[Note("The docs spell this `max_frams`.")])
    assert (
        classify(
            Difference((*BODY, "messages", "[]", "tool_calls"), "presence", None, "present"), ours
        ).status
        == KNOWN
    )
    assert (
        classify(Difference((*BODY, "messages", "[]", "name"), "presence", None, "present"), ours).status
        == NEW
    )
    renamed = classify(Difference((*BODY, "video", "max_frams"), "presence", "present", None), ours)
    assert (renamed.status, renamed.note) == (KNOWN, "The docs spell this `max_frams`.")


def test_a_marker_decides_exactly() -> None:
    ours = fields(effort=Note("The docs list only high and max.", {"enum": ["high", "max"]}))
    same = Difference((*BODY, "effort"), "enum", ["max", "high"], ["high", "max", "low"])
    assert classify(same, ours).status == KNOWN
    other = classify(Difference((*BODY, "effort"), "enum", ["high"], ["high", "max", "low"]), ours)
    assert (other.status, other.why) == (REVIEW, "the note records enum ['high', 'max']")


def test_a_marker_no_page_shows_any_more_is_stale_once_every_page_agrees() -> None:
    path: tuple[str, ...] = (*BODY, "messages")
    ours = {path: Field(notes=[Note("maxItems 10", {"maxItems": 10})])}
    still = Field(facets={"maxItems": 10})
    agreeing = Field()
    assert stale_notes(ours, [("a", {path: still}), ("b", {path: agreeing})]) == []
    (stale,) = stale_notes(ours, [("a", {path: agreeing}), ("b", {path: agreeing}), ("c", {})])
    assert (stale.recorded, stale.docs, stale.ours, stale.pages) == (10, None, None, ("a", "b"))
    changed = Field(facets={"maxItems": 20})  # neither recorded nor ours: classify reports it
    assert stale_notes(ours, [("a", {path: changed})]) == []

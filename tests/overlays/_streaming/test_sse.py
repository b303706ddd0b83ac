"""SSE decoding: multi-line data, CR/LF/CRLF, comments, empty-data events, pieces split anywhere."""

from __future__ import annotations

import pytest
from siliconflow._streaming.sse import EventDecoder


def datas(*pieces: str) -> list[str]:
    """The data of every event, feeding `pieces` one by one, then the one flush() finds at the end."""
    decoder = EventDecoder()
    out = [event.data for piece in pieces for event in decoder.feed(piece)]
    pending = decoder.flush()
    return out if pending is None else [*out, pending.data]


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_every_line_ending_separates_events(eol: str) -> None:
    text = f"data: one{eol}{eol}data: two{eol}{eol}"
    assert datas(text) == ["one", "two"]


def test_multi_line_data_is_joined_with_newlines() -> None:
    assert datas('data: {"a":\ndata:  1}\n\n') == ['{"a":\n 1}']


def test_comments_and_keep_alives_are_skipped() -> None:
    text = ": keep-alive\n\n:ping\ndata: x\n\n: another\n\n"
    assert datas(text) == ["x"]


def test_events_with_empty_data_are_dropped() -> None:
    # id/retry/event lines alone make an event with empty data: nothing to JSON-decode.
    text = "id: 7\n\nretry: 1000\n\nevent: ping\n\ndata:\n\ndata: real\n\n"
    assert datas(text) == ["real"]


def test_the_event_field_and_id_are_kept() -> None:
    decoder = EventDecoder()
    (event,) = decoder.feed("event: error\nid: 3\ndata: boom\n\n")
    assert (event.event, event.id, event.data) == ("error", "3", "boom")


def test_a_crlf_split_between_pieces_is_one_line_ending() -> None:
    assert datas("data: a\r", "\n\r", "\ndata: b\r\n\r\n") == ["a", "b"]


def test_every_split_point_gives_the_same_events() -> None:
    text = 'data: {"x": "你好"}\r\n\r\n: c\n\ndata: line1\ndata: line2\n\ndata: [DONE]\n\n'
    whole = datas(text)
    assert whole == ['{"x": "你好"}', "line1\nline2", "[DONE]"]
    for cut in range(len(text) + 1):
        assert datas(text[:cut], text[cut:]) == whole, cut


@pytest.mark.parametrize("tail", ["data: [DONE]", "data: [DONE]\n", "data: [DONE]\r", "data: [DONE]\r\r"])
def test_flush_returns_a_final_event_without_its_blank_line(tail: str) -> None:
    decoder = EventDecoder()
    assert [event.data for event in decoder.feed("data: a\n\n" + tail)] == ["a"]
    pending = decoder.flush()
    assert pending is not None
    assert pending.data == "[DONE]"


def test_flush_returns_nothing_after_a_clean_end() -> None:
    decoder = EventDecoder()
    decoder.feed("id: 1\ndata: a\n\n")
    assert decoder.flush() is None

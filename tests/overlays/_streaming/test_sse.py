"""SSE decoding: multi-line data, CR/LF/CRLF, comments, empty-data events, pieces split anywhere."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from siliconflow._streaming.sse import EventDecoder, ServerSentEvent


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


# ---- the WHATWG fallback, byte boundaries, caps -----------------------------------------------


def reference_events(stream: bytes) -> list[tuple[str, str, str, int | None]]:
    """The WHATWG event-stream algorithm, written plainly over the whole input: the oracle."""
    text = stream.decode()
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines.pop()  # what follows the last line ending is not a line
    out: list[tuple[str, str, str, int | None]] = []
    data: list[str] = []
    name, last_id, retry = "", "", None
    for line in lines:
        if not line:
            joined = "\n".join(data)
            if joined:
                out.append((name or "message", joined, last_id, retry))
            data, name, retry = [], "", None
            continue
        field, colon, value = line.partition(":")
        if not field:
            continue
        if colon and value.startswith(" "):
            value = value[1:]
        if field == "data":
            data.append(value)
        elif field == "event":
            name = value
        elif field == "id" and "\0" not in value:
            last_id = value
        elif field == "retry" and value.isascii() and value.isdigit():
            retry = int(value)
    return out


def decoded(
    *pieces: bytes, max_size: int = 1 << 20
) -> tuple[list[tuple[str, str, str, int | None]], EventDecoder]:
    decoder = EventDecoder(max_size)
    events = [event for piece in pieces for event in decoder.feed(piece)]
    return [(e.event, e.data, e.id, e.retry) for e in events], decoder


LINE_ENDINGS = st.sampled_from(["\n", "\r", "\r\n"])
VALUES = st.text(st.characters(codec="utf-8", exclude_characters="\r\n"), max_size=6)
LINES = st.one_of(
    st.builds(lambda v: f"data: {v}", VALUES),
    st.builds(lambda v: f"data:{v}", VALUES),
    st.just("data"),
    st.builds(lambda v: f": {v}", VALUES),
    st.builds(lambda v: f"event: {v}", VALUES),
    st.builds(lambda v: f"id: {v}", VALUES),
    st.builds(lambda v: f"retry: {v}", st.sampled_from(["100", "x1", "", "007"])),
    st.builds(lambda v: f"{v}: ignored", st.sampled_from(["unknown", "Data", "data "])),
    st.just(""),
)


@st.composite
def streams(draw: st.DrawFn) -> bytes:
    bom = "\ufeff" if draw(st.booleans()) else ""
    lines = draw(st.lists(st.tuples(LINES, LINE_ENDINGS), max_size=12))
    return (bom + "".join(line + eol for line, eol in lines) + "\n\n").encode()


@settings(max_examples=300, deadline=None)
@given(streams(), st.data())
def test_any_stream_split_anywhere_decodes_as_the_standard_says(stream: bytes, data: st.DataObject) -> None:
    cuts = sorted(data.draw(st.lists(st.integers(0, len(stream)), max_size=4)))
    pieces = [stream[a:b] for a, b in zip([0, *cuts], [*cuts, len(stream)], strict=True)]
    events, decoder = decoded(*pieces)
    assert decoder.error is None
    # A CR-only stream's last event waits for flush(): it may be the first half of a CRLF.
    pending = decoder.flush()
    if pending is not None:
        events.append((pending.event, pending.data, pending.id, pending.retry))
    assert events == reference_events(stream)


@settings(max_examples=300, deadline=None)
@given(streams(), st.data())
def test_feed_data_gives_the_same_events_with_plain_data_as_bytes(stream: bytes, data: st.DataObject) -> None:
    # The stream's hot path: a plain `data:` event comes back as its undecoded bytes, anything else
    # as the event `feed` gives; read back, the two are the same events in the same order.
    cuts = sorted(data.draw(st.lists(st.integers(0, len(stream)), max_size=4)))
    pieces = [stream[a:b] for a, b in zip([0, *cuts], [*cuts, len(stream)], strict=True)]
    events, _ = decoded(*pieces)
    decoder = EventDecoder()
    items = [item for piece in pieces for item in decoder.feed_data(piece)]
    assert decoder.error is None
    # Bytes carry no id (the chat stream reads none), so the id is left out of the comparison.
    as_events = [
        (item.event, item.data, item.retry)
        if isinstance(item, ServerSentEvent)
        else ("message", item.decode(), None)
        for item in items
    ]
    assert as_events == [(name, text, retry) for name, text, _, retry in events]


def test_feed_data_gives_a_plain_event_as_bytes_and_leaves_invalid_utf8_to_the_reader() -> None:
    decoder = EventDecoder()
    items = decoder.feed_data(b'data: {"a": 1}\n\nevent: error\ndata: boom\n\ndata: \xff\n\n')
    assert items[0] == b'{"a": 1}'
    assert isinstance(items[1], ServerSentEvent)
    assert (items[1].event, items[1].data) == ("error", "boom")
    assert items[2] == b"\xff"  # orjson (or parse_event) names the bad UTF-8; the decoder goes on
    assert decoder.error is None


def test_every_byte_boundary_of_a_mixed_stream() -> None:
    stream = (
        "\ufeff: hello\r\nevent: error\rid: 7\r\ndata: a\ndata:b\r\n\r\n"
        'retry: 300\ndata: {"x": "你好"}\n\n\n\ndata: [DONE]\r\n\r\n'
    ).encode()
    whole, _ = decoded(stream)
    assert whole == reference_events(stream)
    assert [e[1] for e in whole] == ["a\nb", '{"x": "你好"}', "[DONE]"]
    for cut in range(len(stream) + 1):
        for second in range(cut, len(stream) + 1, 7):
            assert decoded(stream[:cut], stream[cut:second], stream[second:])[0] == whole, (cut, second)


def test_a_byte_order_mark_cut_by_reads_is_dropped_and_only_at_the_start() -> None:
    bom = "\ufeff".encode()
    assert decoded(bom[:1], bom[1:2], bom[2:] + b"data: x\n\n")[0] == [("message", "x", "", None)]
    assert [e[1] for e in decoded(b"data: x\n\n" + bom + b"data: y\n\n")[0]] == ["x"]
    # After the start a BOM is just text: here it makes an unknown field, so no event.
    assert [e[1] for e in decoded(b"data: x\n\n", bom + b"data: y\n\n")[0]] == ["x"]


def test_the_last_event_id_persists_and_a_nul_id_is_ignored() -> None:
    events, _ = decoded(b"id: 1\ndata: a\n\ndata: b\n\nid: x\0y\ndata: c\n\n")
    assert [(e[1], e[2]) for e in events] == [("a", "1"), ("b", "1"), ("c", "1")]


def test_invalid_utf8_in_an_event_is_an_error_after_the_events_before_it() -> None:
    decoder = EventDecoder()
    events = decoder.feed(b"data: ok\n\ndata: \xff\n\ndata: never\n\n")
    assert [e.data for e in events] == ["ok"]
    assert decoder.error is not None
    assert "UTF-8" in str(decoder.error)
    assert decoder.feed(b"data: more\n\n") == []


def test_a_comment_is_skipped_unread_even_when_not_utf8() -> None:
    assert datas(": \xff\n\ndata: x\n\n".encode("latin-1").decode("latin-1")) == ["x"]
    events, decoder = decoded(b": \xff\xfe\n\ndata: x\n\n")
    assert decoder.error is None
    assert [e[1] for e in events] == ["x"]


@pytest.mark.parametrize("piece", [b"data: " + b"x" * 300, b"data: xx\n" * 40, b"x" * 300])
def test_an_event_over_the_cap_is_an_error_whatever_its_shape(piece: bytes) -> None:
    decoder = EventDecoder(max_size=100)
    events = decoder.feed(b"data: kept\n\n" + piece[:50])
    for start in range(50, len(piece), 50):
        events += decoder.feed(piece[start : start + 50])
    assert [e.data for e in events] == ["kept"]
    assert decoder.error is not None
    assert "max_event_size" in str(decoder.error)


@pytest.mark.parametrize("newline", [b"\n", b"\r", b"\r\n"])
def test_endless_bare_newlines_buffer_nothing(newline: bytes) -> None:
    decoder = EventDecoder(max_size=10)
    for _ in range(2_000):
        assert decoder.feed(newline * 37) == []
    assert decoder.error is None
    assert decoder.feed(b"data: x\n\n")[0].data == "x"

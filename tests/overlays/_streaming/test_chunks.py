"""One event -> a chunk, the end marker, or a typed error (never a JSONDecodeError or KeyError)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from siliconflow import MalformedChunkError, StreamAPIError
from siliconflow._streaming.chunks import DONE, parse_event
from siliconflow._streaming.sse import ServerSentEvent
from siliconflow_api.models import ChatCompletionChunk

if TYPE_CHECKING:
    from tests.overlays.conftest import Wire


def event(data: str, name: str = "") -> ServerSentEvent:
    return ServerSentEvent(event=name, data=data)


# The stream hands a plain `data:` event over as its bytes (EventDecoder.feed_data): every test of
# a plain event runs on both forms.
FORMS = pytest.mark.parametrize("form", [event, str.encode], ids=["event", "bytes"])


@FORMS
def test_done_marker(form: Callable[[str], ServerSentEvent | bytes]) -> None:
    assert parse_event(form("[DONE]")) is DONE
    assert parse_event(form(" [DONE] ")) is DONE


def test_bytes_that_are_not_utf8_are_named_as_such() -> None:
    with pytest.raises(MalformedChunkError, match="not valid UTF-8: byte 0xff"):
        parse_event(b'{"id": "\xff"}')
    with pytest.raises(MalformedChunkError, match="not valid UTF-8"):
        parse_event(b"\xfe[DONE]")


@FORMS
def test_the_fixture_chunks_parse(wire: Wire, form: Callable[[str], ServerSentEvent | bytes]) -> None:
    for name in ("deepseek-v3-stream-chunk.json", "docs-first-stream-chunk.json"):
        payload = wire.fixture_json(name)
        chunk = parse_event(form(json.dumps(payload, ensure_ascii=False)))
        assert isinstance(chunk, ChatCompletionChunk)
        assert chunk.to_dict() == payload


def test_empty_choices_and_unknown_fields_are_kept(wire: Wire) -> None:
    payload = wire.chunk("x", extra={"service_tier": "default"})
    payload["choices"] = []
    chunk = parse_event(event(json.dumps(payload)))
    assert isinstance(chunk, ChatCompletionChunk)
    assert chunk.choices == []
    assert chunk["service_tier"] == "default"

    payload = wire.chunk("x")
    payload["choices"][0]["logprobs"] = None
    payload["choices"][0]["delta"]["refusal"] = "no"
    chunk = parse_event(event(json.dumps(payload)))
    assert isinstance(chunk, ChatCompletionChunk)
    assert "logprobs" in chunk.choices[0]
    assert chunk.choices[0].delta["refusal"] == "no"


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ('{"id": "x", "choices": [', "not JSON"),
        ("", "not JSON"),
        ("[" * 100_000, "not JSON"),
        ("[1, 2]", "not a JSON object"),
        ('"text"', "not a JSON object"),
        ('{"id": "x"}', "no 'choices'"),
        (
            '{"id": "x", "choices": "abc", "object": "o", "created": 1, "model": "m"}',
            "not a chat.completion.chunk",
        ),
        ('{"choices": []}', "not a chat.completion.chunk"),
        ('{"id": "x", "object": "o", "created": 1, "model": "m", "choices": [{"delta": {}}]}', "not a chat"),
    ],
)
@FORMS
def test_malformed_data_raises_malformed_chunk_error(
    data: str, fragment: str, form: Callable[[str], ServerSentEvent | bytes]
) -> None:
    with pytest.raises(MalformedChunkError, match=fragment) as caught:
        parse_event(form(data))
    assert caught.value.partial is None


@pytest.mark.parametrize(
    ("payload", "code", "message"),
    [
        (
            {"code": 50505, "message": "Model service overloaded. Please try again later."},
            50505,
            "Model service",
        ),
        ({"message": "TPM limit reached.", "data": None}, None, "TPM limit reached."),
        (
            {"error": {"message": "upstream died", "type": "server_error", "code": None}},
            None,
            "upstream died",
        ),
        ({"error": {"message": "busy", "code": 50508}, "choices": []}, 50508, "busy"),
    ],
)
@FORMS
def test_error_payloads_raise_stream_api_error(
    payload: dict[str, Any], code: int | None, message: str, form: Callable[[str], ServerSentEvent | bytes]
) -> None:
    with pytest.raises(StreamAPIError) as caught:
        parse_event(form(json.dumps(payload)))
    assert caught.value.code == code
    assert caught.value.message.startswith(message)
    assert caught.value.body == payload
    assert str(caught.value).startswith("Error event in stream")


def test_an_error_event_is_an_api_error_whatever_its_data(wire: Wire) -> None:
    with pytest.raises(StreamAPIError, match="quota exhausted"):
        parse_event(event("quota exhausted", name="error"))
    with pytest.raises(StreamAPIError, match="boom"):
        parse_event(event(json.dumps({**wire.chunk("x"), "message": "boom"}), name="error"))

"""One SSE event of a chat stream -> a `ChatCompletionChunk`, the end marker, or a typed error (sans-IO).

The chunk is the generated model, parsed by its generated `from_dict` (flat and type-checked, see
templates/model.py.jinja): unknown fields are kept in `additional_properties` and noted as drift,
a known field of the wrong JSON type is a `MalformedChunkError` naming its path, and a chunk with
`choices: []` (usage-only chunks of OpenAI-compatible gateways) parses like any other.
"""

from __future__ import annotations

import enum
from typing import Final, Literal, NoReturn, cast

import orjson
from siliconflow_api.errors import MalformedDataError
from siliconflow_api.models.chat_completion_chunk import ChatCompletionChunk

from .._core.drift import note_drift
from .._core.error_bodies import error_details
from .._core.errors import MalformedChunkError, StreamAPIError
from .._core.redact import preview
from .sse import ServerSentEvent, not_utf8

__all__ = ["DONE", "Done", "parse_event"]

_DONE_DATA: Final = "[DONE]"
_DONE_BYTES: Final = b"[DONE]"
_PREVIEW_CHARS: Final = 200


class Done(enum.Enum):
    """The type of `DONE`, the `data: [DONE]` end-of-stream marker."""

    DONE = _DONE_DATA


DONE: Final = Done.DONE


def parse_event(event: ServerSentEvent | bytes) -> ChatCompletionChunk | Literal[Done.DONE]:
    """Parse one event (with non-empty data) of a chat completions stream: an event, or the bytes
    of a plain `data:` event (`EventDecoder.feed_data`).

    Raises `StreamAPIError` for an error payload (`{"code", "message"}`, `{"error": {...}}`, or any
    data of an `event: error`) and `MalformedChunkError` for anything else that is not a chunk.
    """
    if event.__class__ is bytes:
        data: str | bytes = event
        name = "message"
        if data == _DONE_BYTES:
            return DONE
    else:
        event = cast(ServerSentEvent, event)
        data, name = event.data, event.event
        if data == _DONE_DATA:
            return DONE
    try:
        # orjson: this runs once per chunk and decodes about 3x faster than json.loads.
        payload = orjson.loads(data)
    except (ValueError, RecursionError) as exc:
        return _not_json(_as_text(data), name, exc)
    # The common case is one dict lookup away; everything unusual goes to the slow path.
    if type(payload) is not dict or "choices" not in payload or payload.get("error"):
        _raise_not_a_chunk(payload, name, data)
    if name == "error":
        raise _api_error(payload)
    try:
        return ChatCompletionChunk.from_dict(payload, note_drift)
    except MalformedDataError as exc:
        error = MalformedChunkError(f"Event data is not a chat.completion.chunk: {exc}")
        error.path, error.expected = exc.path, exc.expected
        raise error from exc


def _as_text(data: str | bytes) -> str:
    """Undecoded data as text; bytes that are not UTF-8 are the stream's error, as in the decoder."""
    if isinstance(data, str):
        return data
    try:
        return data.decode()
    except UnicodeDecodeError as exc:
        raise not_utf8(exc) from None


def _not_json(data: str, name: str, exc: Exception) -> Literal[Done.DONE]:
    """Data that orjson refused: a padded `[DONE]`, an error event's text, or a malformed chunk."""
    if data.strip() == _DONE_DATA:
        return DONE
    if name == "error":
        raise _api_error(data) from None
    raise MalformedChunkError(f"Event data is not JSON: {_preview(data)}") from exc


def _raise_not_a_chunk(payload: object, name: str, data: str | bytes) -> NoReturn:
    is_error_payload = isinstance(payload, dict) and (
        bool(payload.get("error"))
        or ("choices" not in payload and ("code" in payload or "message" in payload))
    )
    if is_error_payload or name == "error":
        raise _api_error(payload)
    if isinstance(payload, dict):
        raise MalformedChunkError(f"Event data has no 'choices': {_preview(_as_text(data))}")
    raise MalformedChunkError(f"Event data is not a JSON object: {_preview(_as_text(data))}")


def _api_error(payload: object) -> StreamAPIError:
    details = error_details(payload)
    return StreamAPIError(details.message or "(no message)", code=details.code, body=details.body)


def _preview(data: str) -> str:
    return repr(preview(data, _PREVIEW_CHARS))

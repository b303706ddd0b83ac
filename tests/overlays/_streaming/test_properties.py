"""Properties, checked by Hypothesis through the whole client (in-process transport, sync and async):

- any valid SSE byte stream, split into network reads anywhere (inside CRLF, inside a UTF-8
  character), gives the same chunks and the same accumulated completion;
- arbitrary bytes, and chunks with any field replaced by any JSON value, raise nothing but the
  project's typed errors.
"""

from __future__ import annotations

import itertools
import json
from typing import TYPE_CHECKING, Any

import anyio
import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from siliconflow import ChatCompletionAccumulator, SiliconFlowError
from siliconflow_api.models import ChatCompletionChunk

if TYPE_CHECKING:
    from tests.overlays.conftest import Wire

pytestmark = pytest.mark.anyio

PROPERTY_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
TEXT = st.text(st.characters(codec="utf-8"), max_size=12)  # any character UTF-8 JSON can carry
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=6,
)


@st.composite
def chunk_payloads(draw: st.DrawFn, wire: Wire) -> list[dict[str, Any]]:
    """A SiliconFlow-shaped answer: reasoning and content pieces, tool-call fragments, a finish."""
    chunks = [
        wire.chunk(
            None, "", role="assistant", usage={"prompt_tokens": 3, "completion_tokens": 0, "total_tokens": 3}
        )
    ]
    for step in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["content", "reasoning", "tool", "usage-only"]))
        usage = {"prompt_tokens": 3, "completion_tokens": step + 1, "total_tokens": step + 4}
        if kind == "content":
            chunks.append(wire.chunk(draw(TEXT), None, usage=usage))
        elif kind == "reasoning":
            chunks.append(wire.chunk(None, draw(TEXT), usage=usage))
        elif kind == "tool":
            index = draw(st.integers(0, 1))
            head = draw(st.booleans())
            fragment: dict[str, Any] = {"index": index, "id": f"call_{index}" if head else None}
            fragment["type"] = "function" if head else None
            fragment["function"] = {"arguments": draw(TEXT), **({"name": "lookup"} if head else {})}
            chunks.append(wire.chunk(None, tool_calls=[fragment], usage=usage))
        else:
            chunks.append({**wire.chunk(usage=usage), "choices": []})
    chunks.append(wire.chunk("", None, finish=draw(st.sampled_from(["stop", "length", "tool_calls"]))))
    return chunks


@st.composite
def sse_bodies(draw: st.DrawFn, payloads: list[dict[str, Any]]) -> bytes:
    """The payloads framed as SSE with any legal line endings, comments, ids and multi-line data."""
    parts: list[str] = []
    for data in [
        *(json.dumps(p, ensure_ascii=False, indent=draw(st.sampled_from([None, 1]))) for p in payloads),
        "[DONE]",
    ]:
        eol = draw(st.sampled_from(["\n", "\r\n", "\r"]))
        if draw(st.booleans()):
            parts.append(f": keep-alive{eol}{eol}" if draw(st.booleans()) else f"id: {len(parts)}{eol}")
        parts.extend(f"data: {line}{eol}" for line in data.split("\n"))
        parts.append(eol)
    return "".join(parts).encode()


def split(body: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({0, len(body), *(cut % (len(body) + 1) for cut in cuts)})
    return [body[a:b] for a, b in itertools.pairwise(points)]


def concatenated(payloads: list[dict[str, Any]]) -> dict[str, Any]:
    """The answer as plain concatenation of the deltas: an oracle independent of the accumulator."""
    deltas = [payload["choices"][0]["delta"] for payload in payloads if payload["choices"]]
    arguments: dict[int, str] = {}
    for delta in deltas:
        for fragment in delta.get("tool_calls", []):
            arguments[fragment["index"]] = (
                arguments.get(fragment["index"], "") + fragment["function"]["arguments"]
            )
    return {
        "content": "".join(delta["content"] or "" for delta in deltas),
        "reasoning_content": "".join(delta["reasoning_content"] or "" for delta in deltas),
        "arguments": [arguments[index] for index in sorted(arguments)],
        "finish_reason": payloads[-1]["choices"][0]["finish_reason"],
        "usage": [payload["usage"] for payload in payloads if "usage" in payload][-1],
    }


def expected_completion(payloads: list[dict[str, Any]]) -> dict[str, Any]:
    accumulator = ChatCompletionAccumulator()
    for payload in payloads:
        accumulator.add(ChatCompletionChunk.from_dict(payload))
    snapshot = accumulator.snapshot()
    assert snapshot is not None
    return snapshot.to_dict()


@pytest.mark.parametrize("mode", ["sync", "async"])
@PROPERTY_SETTINGS
@given(data=st.data(), cuts=st.lists(st.integers(min_value=0), max_size=12))
def test_any_split_of_a_valid_stream_gives_the_same_chunks_and_completion(
    wire: Wire, mode: str, data: st.DataObject, cuts: list[int]
) -> None:
    # Drawn in a plain function and run with anyio.run: a draw that Hypothesis aborts inside an
    # anyio-managed test task leaves "Task exception was never retrieved" noise at exit.
    payloads = data.draw(chunk_payloads(wire))
    body = data.draw(sse_bodies(payloads))
    server = wire.script(wire.stream_step(split(body, cuts)))
    run = anyio.run(wire.twin(mode).run_stream, server, wire.request())
    assert run.error is None
    assert [chunk.to_dict() for chunk in run.chunks] == payloads
    assert run.final is not None
    result = run.final.to_dict()
    assert result == expected_completion(payloads)
    choice = result["choices"][0]
    assert {
        "content": choice["message"]["content"],
        "reasoning_content": choice["message"]["reasoning_content"],
        "arguments": [call["function"]["arguments"] for call in choice["message"].get("tool_calls", [])],
        "finish_reason": choice["finish_reason"],
        "usage": result["usage"],
    } == concatenated(payloads)


def replace_anywhere(payload: Any, path: list[int], value: Any) -> Any:
    """`payload` with the node reached by following `path` (indices modulo sizes) set to `value`."""
    if not path or not isinstance(payload, dict | list) or not payload:
        return value
    keys = list(payload) if isinstance(payload, dict) else list(range(len(payload)))
    key = keys[path[0] % len(keys)]
    copy: Any = dict(payload) if isinstance(payload, dict) else list(payload)
    copy[key] = replace_anywhere(payload[key], path[1:], value)
    return copy


@st.composite
def hostile_bodies(draw: st.DrawFn, wire: Wire) -> list[bytes]:
    kind = draw(st.sampled_from(["bytes", "data-lines", "mutated-chunk"]))
    if kind == "bytes":
        body = draw(st.binary(max_size=300))
    elif kind == "data-lines":
        lines = draw(st.lists(st.one_of(TEXT, JSON_VALUES.map(json.dumps)), max_size=5))
        body = "".join(f"data: {line}\n\n" for line in lines).encode()
    else:
        chunk = wire.chunk("x", "y", tool_calls=[{"index": 0, "id": "c", "function": {"arguments": "{"}}])
        mutated = replace_anywhere(chunk, draw(st.lists(st.integers(0, 50), max_size=6)), draw(JSON_VALUES))
        body = wire.sse(wire.chunk("ok"), mutated, done=draw(st.booleans()))
    return split(body, draw(st.lists(st.integers(min_value=0), max_size=6)))


@pytest.mark.parametrize("mode", ["sync", "async"])
@PROPERTY_SETTINGS
@given(data=st.data())
def test_arbitrary_bytes_raise_only_typed_errors(wire: Wire, mode: str, data: st.DataObject) -> None:
    pieces = data.draw(hostile_bodies(wire))  # drawn outside any task, as above
    server = wire.script(wire.stream_step(pieces))
    # Twin.stream catches SiliconFlowError only: anything else fails the test.
    run = anyio.run(wire.twin(mode).run_stream, server, wire.request())
    assert run.error is None or isinstance(run.error, SiliconFlowError)
    if run.error is None:
        assert run.final is not None


@PROPERTY_SETTINGS
@given(
    status=st.integers(300, 599),
    body=st.binary(max_size=200),
    content_type=st.sampled_from(["application/json", "text/html", ""]),
)
async def test_arbitrary_error_responses_raise_typed_errors(
    wire: Wire, status: int, body: bytes, content_type: str
) -> None:
    headers = {"content-type": content_type} if content_type else {}
    server = wire.script(wire.raw_step(status, body, headers))
    with pytest.raises(SiliconFlowError):
        await wire.twin("sync").run_create(server, wire.request(), client_options={"max_retries": 0})
    assert isinstance(httpx.codes.get_reason_phrase(status), str)

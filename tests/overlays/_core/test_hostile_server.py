"""Hostile servers on loopback, byte by byte: nothing untyped escapes, nothing is silently damaged.

Each case runs through `SiliconFlow` and `AsyncSiliconFlow` (the `twin` fixture) against the raw
asyncio server of conftest (`raw_server`), which writes exact bytes with exact pauses. Time bounds
are generous: the point is "seconds, not forever", on a loaded 2-core machine.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import re
import threading
import time
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from siliconflow import (
    APITimeoutError,
    AsyncSiliconFlow,
    BadRequestError,
    ChatCompletionStream,
    MalformedChunkError,
    MalformedResponseError,
    RetryPolicy,
    SiliconFlow,
    SiliconFlowError,
    StreamAPIError,
    StreamInterruptedError,
    StreamTimeoutError,
)
from siliconflow._core.timeouts import DEADLINE_EXTENSION, DEFAULT_DEADLINE, Deadline
from siliconflow_api.models import ChatCompletionRequest

if TYPE_CHECKING:
    from tests.overlays.conftest import RawServer, StreamRun, Twin, Wire

pytestmark = pytest.mark.anyio

KEY = "sk-hostile-0123456789abcdef"
FAST = RetryPolicy(initial_backoff=0.001, max_backoff=0.002, jitter=0)


def client_for(twin: Twin, server: RawServer, **options: Any) -> Any:
    options.setdefault("retry_policy", FAST)
    options.setdefault("api_key", KEY)
    return (AsyncSiliconFlow if twin.is_async else SiliconFlow)(base_url=server.url, **options)


async def stream_once(twin: Twin, server: RawServer, wire: Wire, **options: Any) -> StreamRun:
    stream_options = {name: options.pop(name) for name in ("deadline", "timeout") if name in options}
    client = client_for(twin, server, **options)
    try:
        return await twin.stream(client, wire.request(), **stream_options)
    finally:
        await twin.close(client)


async def create_once(twin: Twin, server: RawServer, wire: Wire, **options: Any) -> Any:
    call_options = {name: options.pop(name) for name in ("deadline", "timeout") if name in options}
    client = client_for(twin, server, **options)
    try:
        return await twin.create(client, wire.request(), **call_options)
    finally:
        await twin.close(client)


def content_of(run: StreamRun) -> str:
    completion = run.final if run.final is not None else getattr(run.error, "partial", None)
    assert completion is not None
    content = completion.choices[0].message.content
    assert isinstance(content, str)
    return content


# ---- the key is checked when the client is made ---------------------------------------------------


@pytest.mark.parametrize(
    ("bad", "named"),
    [
        ("\r\nX-Injected: 1", "line break"),
        ("\n", "line break"),
        ("\x00", "NUL"),
        ("\u200b", "U+200B"),  # a zero-width space pasted from a web page
        ("é", "non-ASCII"),
        ("\x7f", "control character"),
        (" tail", "whitespace"),
    ],
)
@pytest.mark.parametrize("client_class", [SiliconFlow, AsyncSiliconFlow])
def test_a_key_that_cannot_be_a_header_is_refused_by_name_and_never_shown(
    client_class: type[Any], bad: str, named: str
) -> None:
    secret = "0123456789abcdef"
    with pytest.raises(ValueError, match=re.escape(named)) as caught:
        client_class(api_key=f"sk-{secret}{bad}{secret[::-1]}", base_url="http://127.0.0.1:9/v1")
    shown = f"{caught.value}{caught.value!r}"
    assert "api_key" in shown
    for part in (secret, secret[::-1], "sk-"):
        assert part not in shown


async def test_a_header_echoing_the_key_stays_out_of_the_debug_log(
    twin: Twin, raw_server: RawServer, wire: Wire, caplog: pytest.LogCaptureFixture
) -> None:
    completion = wire.fixture_json("deepseek-v3-response.json")
    raw_server.answer(*raw_server.json(200, completion, {"x-echo": f"Bearer {KEY}", "x-key": KEY}))
    caplog.set_level(logging.DEBUG)
    assert (await create_once(twin, raw_server, wire)).id
    assert any("x-echo" in record.getMessage().lower() for record in caplog.records)  # headers logged
    assert KEY not in caplog.text
    for record in caplog.records:
        assert KEY not in record.getMessage()


async def test_a_200_page_echoing_the_key_keeps_it_out_of_the_error(
    twin: Twin, raw_server: RawServer, wire: Wire
) -> None:
    page = f"<html>Incorrect API key provided: {KEY}. You can find your key at ...</html>".encode()
    raw_server.answer(
        raw_server.head(200, {"content-type": "text/html", "content-length": str(len(page))}), page
    )
    with pytest.raises(MalformedResponseError) as caught:
        await create_once(twin, raw_server, wire)
    assert "Incorrect API key provided" in str(caught.value)  # the server's words are kept...
    assert KEY not in str(caught.value) + repr(caught.value)  # ...its echo of the key is not
    assert KEY in caught.value.response.text  # the raw response keeps what the server sent


# ---- bytes of the event stream --------------------------------------------------------------------


@pytest.mark.parametrize("split", [False, True])
async def test_a_byte_order_mark_before_the_first_event_loses_nothing(
    twin: Twin, raw_server: RawServer, wire: Wire, split: bool
) -> None:
    body = b"\xef\xbb\xbf" + wire.sse(
        wire.chunk("FIRST", role="assistant"), wire.chunk(" second", finish="stop")
    )
    pieces: list[bytes | float] = [body[:1], 0.05, body[1:2], 0.05, body[2:]] if split else [body]
    raw_server.answer(raw_server.event_stream(), *pieces)
    run = await stream_once(twin, raw_server, wire)
    assert run.error is None
    assert content_of(run) == "FIRST second"


@pytest.mark.parametrize("charset", ["iso-8859-1", "utf-16", "ascii"])
async def test_the_charset_parameter_is_ignored_sse_is_utf8(
    twin: Twin, raw_server: RawServer, wire: Wire, charset: str
) -> None:
    text = "héllo ✓ 你好 🙂"
    body = wire.sse(wire.chunk(text, role="assistant"), wire.chunk("!", finish="stop"))
    # Every character cut across reads too: one byte at a time for the first event.
    first = body.index(b"\n\n") + 2
    raw_server.answer(
        raw_server.event_stream(f"text/event-stream; charset={charset}"),
        *[body[i : i + 1] for i in range(first)],
        body[first:],
    )
    run = await stream_once(twin, raw_server, wire)
    assert run.error is None
    assert content_of(run) == text + "!"


async def test_invalid_utf8_is_a_typed_error_with_the_partial_kept(
    twin: Twin, raw_server: RawServer, wire: Wire
) -> None:
    good = wire.sse(wire.chunk("kept", role="assistant"), done=False)
    bad = b'data: {"choices": [{"index": 0, "delta": {"content": "\xff\xfe"}}]}\n\n'
    raw_server.answer(raw_server.event_stream(), good + bad + wire.sse(wire.chunk("never"), done=True))
    run = await stream_once(twin, raw_server, wire)
    assert isinstance(run.error, MalformedChunkError)
    assert "UTF-8" in str(run.error)
    assert content_of(run) == "kept"  # the event in the same read, before the bad bytes, was delivered
    assert [chunk.choices[0].delta.content for chunk in run.chunks] == ["kept"]


async def test_a_stream_cut_inside_a_character_is_a_typed_error(
    twin: Twin, raw_server: RawServer, wire: Wire
) -> None:
    body = wire.sse(wire.chunk("kept", role="assistant"), done=False) + "data: é".encode()[:-1]
    raw_server.answer(raw_server.event_stream(), body)
    run = await stream_once(twin, raw_server, wire)
    assert isinstance(run.error, MalformedChunkError)
    assert content_of(run) == "kept"


async def test_a_200_json_error_on_a_stream_keeps_the_servers_message(
    twin: Twin, raw_server: RawServer, wire: Wire
) -> None:
    payload = {"code": 50505, "message": "Model service overloaded. Please try again later.", "data": None}
    raw_server.answer(*raw_server.json(200, payload, {"x-siliconcloud-trace-id": "t-1"}))
    run = await stream_once(twin, raw_server, wire)
    assert isinstance(run.error, StreamAPIError)
    assert run.error.code == 50505
    assert "Model service overloaded" in str(run.error)
    assert run.error.trace_id == "t-1"
    assert run.error.response is not None
    assert json.loads(run.error.response.text) == payload  # read: .text works


async def test_a_200_html_page_on_a_stream_is_a_typed_error_with_a_preview(
    twin: Twin, raw_server: RawServer, wire: Wire
) -> None:
    page = b"<html><body>502 Bad Gateway (nginx)</body></html>"
    raw_server.answer(
        raw_server.head(200, {"content-type": "text/html", "content-length": str(len(page))}), page
    )
    run = await stream_once(twin, raw_server, wire)
    assert isinstance(run.error, MalformedChunkError)
    assert "502 Bad Gateway" in str(run.error)
    assert run.error.response is not None
    assert "nginx" in run.error.response.text


# ---- time: a trickle cannot defeat the timeouts, the deadline bounds the call -------------------


async def timed(coroutine: Any) -> tuple[Any, float]:
    started = time.monotonic()
    result = await coroutine
    return result, time.monotonic() - started


@pytest.mark.slow
@pytest.mark.parametrize("trickle", ["comments", "partial-line", "empty-events"])
async def test_a_trickle_does_not_reset_the_stream_read_timeout(
    twin: Twin, raw_server: RawServer, wire: Wire, trickle: str
) -> None:
    drip = {"comments": b": keep-alive\n\n", "partial-line": b"x", "empty-events": b"id: 1\n\n"}[trickle]
    opening = wire.sse(wire.chunk("started", role="assistant"), done=False)
    if trickle == "partial-line":
        opening += b"data: {"
    raw_server.answer(raw_server.event_stream(), opening, *[item for _ in range(200) for item in (0.1, drip)])
    run, elapsed = await timed(stream_once(twin, raw_server, wire, timeout=1.0))
    assert isinstance(run.error, StreamTimeoutError), run.error
    assert isinstance(run.error, StreamInterruptedError)  # the documented parent still catches it
    assert "No complete event" in str(run.error)
    assert content_of(run) == "started"
    assert elapsed < 8  # the trickle would have lasted 20 s


async def test_a_silent_stream_is_a_stream_timeout_with_the_partial(
    twin: Twin, raw_server: RawServer, wire: Wire
) -> None:
    raw_server.answer(raw_server.event_stream(), wire.sse(wire.chunk("started"), done=False), raw_server.HOLD)
    run, elapsed = await timed(stream_once(twin, raw_server, wire, timeout=0.5))
    assert isinstance(run.error, StreamTimeoutError)
    assert content_of(run) == "started"
    assert elapsed < 8


@pytest.mark.slow
@pytest.mark.parametrize("server", ["events-flowing", "silent"])
async def test_the_deadline_bounds_a_whole_stream(
    twin: Twin, raw_server: RawServer, wire: Wire, server: str
) -> None:
    event = wire.sse(wire.chunk("x"), done=False)
    opening = wire.sse(wire.chunk("started", role="assistant"), done=False)
    tail: list[bytes | float | str] = (
        [item for _ in range(300) for item in (0.1, event)]
        if server == "events-flowing"
        else [raw_server.HOLD]
    )
    raw_server.answer(raw_server.event_stream(), opening, *tail)
    run, elapsed = await timed(stream_once(twin, raw_server, wire, deadline=1.5))
    assert isinstance(run.error, StreamTimeoutError), run.error
    assert "deadline of 1.5 s" in str(run.error)
    assert content_of(run).startswith("started")
    assert 1.4 < elapsed < 8  # the events would have flowed for 30 s, the silence for 180 s


@pytest.mark.slow
async def test_a_client_deadline_applies_to_streams_and_a_call_can_lift_it(
    twin: Twin, raw_server: RawServer, wire: Wire
) -> None:
    body = wire.sse(wire.chunk("a", role="assistant"), wire.chunk("b", finish="stop"))
    raw_server.answer(raw_server.event_stream(), wire.sse(wire.chunk("a"), done=False), 1.0, body)
    client = client_for(twin, raw_server, deadline=0.5)
    try:
        cut = await twin.stream(client, wire.request())
        whole = await twin.stream(client, wire.request(), deadline=None)
    finally:
        await twin.close(client)
    assert isinstance(cut.error, StreamTimeoutError)
    assert whole.error is None


@pytest.mark.slow
@pytest.mark.parametrize("server", ["trickled-body", "silent", "trickled-503s"])
async def test_the_deadline_bounds_create_with_its_retries(
    twin: Twin, raw_server: RawServer, wire: Wire, server: str
) -> None:
    if server == "trickled-body":
        head = raw_server.head(200, {"content-type": "application/json", "content-length": "5000"})
        raw_server.answer(head, *[item for _ in range(400) for item in (0.1, b" ")])
    elif server == "silent":
        raw_server.answer(raw_server.HOLD)
    else:  # 503s, slowly, forever: the retries stop at the deadline
        raw_server.answer(*raw_server.json(503, {"code": 50505, "message": "busy"}))
    policy = RetryPolicy(max_retries=100, initial_backoff=0.2, max_backoff=0.2, jitter=0)
    started = time.monotonic()
    with pytest.raises(SiliconFlowError) as caught:
        await create_once(twin, raw_server, wire, deadline=1.5, retry_policy=policy)
    elapsed = time.monotonic() - started
    if server == "trickled-503s":
        # The last real error when the next wait would pass the deadline; the timeout error when
        # the deadline passes during an attempt.
        assert type(caught.value).__name__ in {"OverloadedError", "APITimeoutError"}
    else:
        assert isinstance(caught.value, APITimeoutError)
        assert "timed out" in str(caught.value)
        assert "the deadline of 1.5 s passed" in str(caught.value)
    assert elapsed < 6  # trickle: 40 s; silence: 900 s; 503s: 100 retries


async def test_create_has_a_default_deadline_and_streams_none(twin: Twin, wire: Wire) -> None:
    completion = wire.fixture_json("deepseek-v3-response.json")
    server = wire.script(wire.json_step(200, completion), wire.stream_step([wire.sse(wire.chunk("a"))]))
    seen: list[object] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request.extensions.get(DEADLINE_EXTENSION))
        return server(request)

    transport = httpx.MockTransport(record)
    client_class = AsyncSiliconFlow if twin.is_async else SiliconFlow
    client = client_class(KEY, base_url="http://127.0.0.1:9/v1", transport=transport)
    try:
        await twin.create(client, wire.request())
        await twin.stream(client, wire.request())
    finally:
        await twin.close(client)
    assert isinstance(seen[0], Deadline)
    assert seen[0].seconds == DEFAULT_DEADLINE == 900.0
    assert seen[1] is None


def test_close_from_another_thread_unblocks_the_reader(raw_server: RawServer, wire: Wire) -> None:
    raw_server.answer(
        raw_server.event_stream(),
        wire.sse(wire.chunk("started", role="assistant"), done=False),
        raw_server.HOLD,
    )
    client = SiliconFlow(KEY, base_url=raw_server.url, retry_policy=FAST)
    first = threading.Event()
    outcome: list[BaseException | None] = []

    def read(stream: ChatCompletionStream) -> None:
        try:
            for _ in stream:
                first.set()
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    with client, client.stream(wire.request()) as stream:
        reader = threading.Thread(target=read, args=(stream,))
        reader.start()
        assert first.wait(10)
        started = time.monotonic()
        stream.close()  # from this thread, while the reader is blocked in a read
        reader.join(10)
        assert not reader.is_alive()
        assert time.monotonic() - started < 5
    (error,) = outcome
    assert isinstance(error, StreamInterruptedError), error
    assert "another thread" in str(error)
    assert error.partial is not None
    assert error.partial.choices[0].message.content == "started"


@pytest.mark.parametrize("before_first", [True, False], ids=["headers-only", "a-comment-arrived"])
def test_close_from_another_thread_unblocks_a_reader_waiting_for_the_first_event(
    raw_server: RawServer, wire: Wire, before_first: bool
) -> None:
    # The headers arrive, then nothing (or a comment only): the reader waits for its first event.
    raw_server.answer(
        raw_server.event_stream(), *([] if before_first else [b": keep-alive\n\n"]), raw_server.HOLD
    )
    client = SiliconFlow(KEY, base_url=raw_server.url, retry_policy=FAST)
    stream = client.stream(wire.request())
    outcome: list[BaseException | None] = []

    def read() -> None:
        try:
            with stream:
                for _ in stream:
                    pass
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    with client:
        reader = threading.Thread(target=read)
        reader.start()
        deadline = time.monotonic() + 10
        while len(raw_server.requests) < 1 and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.3)  # the headers are in; the reader is blocked
        started = time.monotonic()
        stream.close()
        reader.join(10)
        elapsed = time.monotonic() - started
        assert not reader.is_alive()
    assert elapsed < 1.0
    (error,) = outcome
    assert isinstance(error, StreamInterruptedError), error
    assert "another thread" in str(error)
    assert error.partial is None  # nothing arrived, and nothing was invented
    assert len(raw_server.requests) == 1  # not retried after the close


# ---- caps -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("shape", ["one-endless-line", "many-data-lines"])
async def test_an_event_over_the_size_cap_is_a_clear_error(
    twin: Twin, raw_server: RawServer, wire: Wire, shape: str
) -> None:
    opening = wire.sse(wire.chunk("kept", role="assistant"), done=False)
    flood = b"data: " + b"x" * 50_000 if shape == "one-endless-line" else b"data: xxxxxxxxx\n" * 5_000
    raw_server.answer(raw_server.event_stream(), opening, flood, raw_server.HOLD)
    run, elapsed = await timed(stream_once(twin, raw_server, wire, max_event_size=10_000))
    assert isinstance(run.error, MalformedChunkError)
    assert "max_event_size" in str(run.error)
    assert content_of(run) == "kept"
    assert elapsed < 8


def test_the_default_event_cap_is_16_mib_and_settable() -> None:
    from siliconflow._streaming.sse import DEFAULT_MAX_EVENT_SIZE

    assert DEFAULT_MAX_EVENT_SIZE == 16 * 1024 * 1024
    bad_values: list[Any] = [0, -1, 1.5, "big", True]
    for bad in bad_values:
        with pytest.raises(ValueError, match="max_event_size"):
            SiliconFlow(KEY, max_event_size=bad)


async def test_an_endless_error_body_is_read_only_up_to_the_cap(
    twin: Twin, raw_server: RawServer, wire: Wire
) -> None:
    head = raw_server.head(400, {"content-type": "text/plain"})
    block = b"Invalid request. " * 4096  # 68 KiB
    raw_server.answer(head, *[block] * 40, raw_server.HOLD)  # 2.7 MB, then never ends
    with pytest.raises(BadRequestError) as caught:
        await create_once(twin, raw_server, wire, timeout=5.0, max_retries=0)
    assert str(caught.value).startswith("HTTP 400: Invalid request.")
    assert len(str(caught.value)) < 1000
    assert isinstance(caught.value.body, str)
    assert len(caught.value.body) <= 1 << 20


# ---- base URL and request checks, before anything is sent ----------------------------------------


@pytest.mark.parametrize(
    ("base_url", "error", "named"),
    [
        ("", ValueError, "empty"),
        ("   ", ValueError, "empty"),
        (12345, TypeError, "must be a string"),
        (b"https://api.test/v1", TypeError, "must be a string"),
        ("http://" + "a" * 64 + ".example.com/v1", ValueError, "63"),
        ("https://api.test/v1?x=1", ValueError, "query"),
        ("https://api.test/v1#frag", ValueError, "fragment"),
    ],
)
@pytest.mark.parametrize("client_class", [SiliconFlow, AsyncSiliconFlow])
def test_a_bad_base_url_is_refused_when_the_client_is_made(
    client_class: type[Any], base_url: object, error: type[Exception], named: str
) -> None:
    with pytest.raises(error, match=named):
        client_class(KEY, base_url=base_url)


def test_an_empty_base_url_variable_means_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SILICONFLOW_BASE_URL", "")
    assert SiliconFlow(KEY).base_url == "https://api.siliconflow.cn/v1"
    monkeypatch.setenv("SILICONFLOW_BASE_URL", "https://api.test/v1?x=1")
    with pytest.raises(ValueError, match="SILICONFLOW_BASE_URL must not have a query"):
        SiliconFlow(KEY)


def never_sent(request: httpx.Request) -> httpx.Response:
    raise AssertionError("the request was sent")


@pytest.mark.parametrize(
    ("value", "error", "path"),
    [
        (object(), TypeError, "request.seed is a object"),
        ({1, 2}, TypeError, "request.seed is a set"),
        (b"bytes", TypeError, "request.seed is a bytes"),
        (Decimal("1.5"), TypeError, "request.seed is a Decimal"),
        (math.nan, ValueError, "request.seed is nan"),
        (math.inf, ValueError, "request.seed is inf"),
        ({"a": [1, {"b": -math.inf}]}, ValueError, r"request.seed.a\[1\].b is -inf"),
        ({1: "x"}, TypeError, "request.seed has a key 1"),
    ],
)
async def test_extra_fields_json_cannot_hold_are_named_before_sending(
    twin: Twin, wire: Wire, value: object, error: type[Exception], path: str
) -> None:
    client_class = AsyncSiliconFlow if twin.is_async else SiliconFlow
    client = client_class(KEY, base_url="http://127.0.0.1:9/v1", transport=httpx.MockTransport(never_sent))
    request = wire.request()
    request["seed"] = value
    try:
        with pytest.raises(error, match=path):
            await twin.create(client, request)
        with pytest.raises(error, match=path):
            await twin.stream(client, request)
    finally:
        await twin.close(client)


async def test_a_plain_dict_message_is_accepted_when_it_is_a_valid_message(twin: Twin, wire: Wire) -> None:
    completion = wire.fixture_json("deepseek-v3-response.json")
    server = wire.script(wire.json_step(200, completion))
    client = twin.client(server)
    request = ChatCompletionRequest(
        model="Qwen/Qwen3-8B",
        messages=[{"role": "system", "content": "be brief"}, {"role": "user", "content": "hi"}],  # type: ignore[list-item]
    )
    try:
        assert (await twin.create(client, request)).id
    finally:
        await twin.close(client)
    assert server.sent_json()["messages"] == [
        {"role": "system", "content": "be brief"},
        {"role": "user", "content": "hi"},
    ]
    sent: list[Any] = request.messages
    assert isinstance(sent[0], dict)  # the caller's request is left as it was


@pytest.mark.parametrize(
    ("message", "named"),
    [
        ({"content": "no role"}, r"messages\[1\] is not a valid message"),
        ({"role": "user", "content": {1, 2}}, r"messages\[1\].content is a set"),
        ("just text", r"messages\[1\] must be a message model"),
        (None, r"messages\[1\] must be a message model"),
    ],
)
async def test_a_message_that_is_not_a_message_is_named(
    twin: Twin, wire: Wire, message: object, named: str
) -> None:
    client_class = AsyncSiliconFlow if twin.is_async else SiliconFlow
    client = client_class(KEY, base_url="http://127.0.0.1:9/v1", transport=httpx.MockTransport(never_sent))
    request = wire.request()
    request.messages.append(message)  # type: ignore[arg-type]
    try:
        with pytest.raises((TypeError, ValueError), match=named):
            await twin.create(client, request)
    finally:
        await twin.close(client)


# ---- an async client across event loops ---------------------------------------------------------


def test_an_async_client_works_across_two_asyncio_runs(raw_server: RawServer, wire: Wire) -> None:
    completion = wire.fixture_json("deepseek-v3-response.json")
    raw_server.answer(*raw_server.json(200, completion, {"connection": "keep-alive"}), keep_alive=True)
    client = AsyncSiliconFlow(KEY, base_url=raw_server.url, retry_policy=FAST)

    async def one_call() -> str:
        return (await client.create(wire.request())).id

    first = asyncio.run(one_call())  # leaves a pooled connection bound to this loop
    second = asyncio.run(one_call())
    asyncio.run(client.aclose())
    assert first == second == completion["id"]
    assert len(raw_server.requests) == 2


@pytest.mark.slow
async def test_the_async_deadline_also_stops_headers_trickled_a_byte_at_a_time(
    raw_server: RawServer, wire: Wire
) -> None:
    """Each read gets a byte in time, so only a wall clock can stop this (the sync twin cannot yet)."""
    trickle = [item for byte in b"X-Slow: " + b"a" * 400 for item in (0.1, bytes([byte]))]
    raw_server.answer(b"HTTP/1.1 200 OK\r\n", *trickle)
    client = AsyncSiliconFlow(KEY, base_url=raw_server.url, retry_policy=FAST)
    started = time.monotonic()
    try:
        with pytest.raises(APITimeoutError, match=r"deadline of 1\.5 s"):
            await client.create(wire.request(), deadline=1.5)
    finally:
        await client.aclose()
    assert time.monotonic() - started < 6  # the trickle lasts 40 s


@pytest.mark.parametrize(
    ("headers", "error", "named"),
    [
        ({"X-Name": "é"}, ValueError, "headers['X-Name'] may hold only printable ASCII"),
        ({"X-Name": "\u200bsecret-value"}, ValueError, "headers['X-Name'] may hold only printable ASCII"),
        ({"X-Name": "a\r\nX-Injected: 1"}, ValueError, "headers['X-Name'] may hold only printable ASCII"),
        ({"X Bad": "a"}, ValueError, "'X Bad' is not a valid header name"),
        ({"X-Name": 1}, TypeError, "headers['X-Name'] must be a string"),
    ],
)
@pytest.mark.parametrize("client_class", [SiliconFlow, AsyncSiliconFlow])
def test_extra_headers_that_cannot_be_sent_are_refused_by_name(
    client_class: type[Any], headers: dict[str, Any], error: type[Exception], named: str
) -> None:
    with pytest.raises(error, match=re.escape(named)) as caught:
        client_class(KEY, headers=headers)
    assert "secret-value" not in str(caught.value)


@pytest.mark.slow
async def test_plain_generated_calls_get_the_clients_deadline_too(
    twin: Twin, raw_server: RawServer, wire: Wire
) -> None:
    raw_server.answer(raw_server.HOLD)  # accepts and never answers
    client = client_for(twin, raw_server, deadline=1.0)
    started = time.monotonic()
    try:
        with pytest.raises(APITimeoutError, match=r"the deadline of 1 s passed"):
            await twin.generated(client, wire.request())
    finally:
        await twin.close(client)
    assert time.monotonic() - started < 6  # not 3 x 900 s


async def test_plain_generated_calls_have_the_default_deadline(twin: Twin, wire: Wire) -> None:
    completion = wire.fixture_json("deepseek-v3-response.json")
    seen: list[object] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request.extensions.get("timeout"))
        return httpx.Response(200, json=completion)

    client_class = AsyncSiliconFlow if twin.is_async else SiliconFlow
    client = client_class(KEY, base_url="http://127.0.0.1:9/v1", transport=httpx.MockTransport(record))
    try:
        await twin.generated(client, wire.request())
    finally:
        await twin.close(client)
    (timeout,) = seen
    assert isinstance(timeout, dict)
    assert 899 < timeout["read"] < 900  # cut to what is left of the 900 s default deadline

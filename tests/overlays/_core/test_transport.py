"""Each fault, sync and async: how many attempts were made, which error, and what output survived."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from siliconflow import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    IncompleteStreamError,
    MalformedChunkError,
    OverloadedError,
    RateLimitError,
    RetryPolicy,
    StreamAPIError,
    StreamInterruptedError,
)
from siliconflow_api.models import ChatCompletion

if TYPE_CHECKING:
    from tests.overlays.conftest import Twin, Wire

pytestmark = pytest.mark.anyio

OVERLOADED = {"code": 50505, "message": "Model service overloaded. Please try again later.", "data": None}
RATE_LIMITED = {
    "message": "Request was rejected due to rate limiting. Details:TPM limit reached.",
    "data": None,
}
BAD_MODEL = {"code": 20012, "message": "Model does not exist. Please check it carefully.", "data": None}


def good_stream(wire: Wire) -> bytes:
    return wire.sse(wire.chunk("Hi", role="assistant"), wire.chunk(" there", finish="stop"))


def partial_text(error: Any) -> str | None:
    return None if error.partial is None else error.partial.choices[0].message.content


# ---- failures before the response: retried ------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "label"),
    [
        ("429", "rate limited"),
        ("503", "overloaded"),
        ("reset", "connection reset"),
        ("refused", "connection refused"),
        ("timeout", "read timeout before the first byte"),
        ("disconnect", "server closed a kept-alive connection"),
    ],
)
async def test_a_transient_failure_then_success_streams_normally(
    twin: Twin, wire: Wire, first: str, label: str
) -> None:
    failures = {
        "429": wire.json_step(429, RATE_LIMITED),
        "503": wire.json_step(503, OVERLOADED),
        "reset": wire.raise_step(httpx.ReadError("[Errno 104] Connection reset by peer")),
        "refused": wire.raise_step(httpx.ConnectError("[Errno 111] Connection refused")),
        "timeout": wire.stream_step([], error=httpx.ReadTimeout("timed out")),
        "disconnect": wire.raise_step(
            httpx.RemoteProtocolError("Server disconnected without sending a response.")
        ),
    }
    server = wire.script(failures[first], wire.stream_step([good_stream(wire)]))
    run = await twin.run_stream(server, wire.request())
    assert run.error is None, label
    assert server.attempts == 2
    assert run.final is not None
    assert run.final.choices[0].message.content == "Hi there"


@pytest.mark.parametrize("status", [429, 503])
async def test_a_transient_status_then_success_for_create(twin: Twin, wire: Wire, status: int) -> None:
    server = wire.script(
        wire.json_step(status, RATE_LIMITED if status == 429 else OVERLOADED),
        wire.json_step(200, wire.fixture_json("deepseek-v3-response.json")),
    )
    completion = await twin.run_create(server, wire.request())
    assert isinstance(completion, ChatCompletion)
    assert completion.to_dict() == wire.fixture_json("deepseek-v3-response.json")
    assert server.attempts == 2


@pytest.mark.parametrize(
    ("step", "error_class"),
    [
        ("503", OverloadedError),
        ("429", RateLimitError),
        ("reset", APIConnectionError),
        ("timeout", APITimeoutError),
        ("stream-timeout", APITimeoutError),
    ],
)
async def test_retries_run_out_into_the_typed_error(
    twin: Twin, wire: Wire, step: str, error_class: type[Exception]
) -> None:
    steps = {
        "503": wire.json_step(503, OVERLOADED, {"x-siliconcloud-trace-id": "ti_503"}),
        "429": wire.json_step(429, RATE_LIMITED),
        "reset": wire.raise_step(httpx.ReadError("[Errno 104] Connection reset by peer")),
        "timeout": wire.raise_step(httpx.ReadTimeout("timed out")),
        "stream-timeout": wire.stream_step([], error=httpx.ReadTimeout("timed out")),
    }
    server = wire.script(steps[step])
    run = await twin.run_stream(server, wire.request())
    assert type(run.error) is error_class
    assert server.attempts == 3  # the first try and the default two retries
    assert run.chunks == []
    if step == "503":
        assert isinstance(run.error, OverloadedError)
        assert (run.error.code, run.error.trace_id) == (50505, "ti_503")
    if step in ("reset", "timeout"):
        assert isinstance(run.error, APIConnectionError)
        assert "after 3 attempts" in str(run.error)
        assert isinstance(run.error.__cause__, httpx.TransportError)


@pytest.mark.parametrize(
    ("status", "payload", "error_class"),
    [(400, BAD_MODEL, BadRequestError), (401, "Invalid token", AuthenticationError)],
)
async def test_client_errors_are_never_retried(
    twin: Twin, wire: Wire, status: int, payload: object, error_class: type[Exception]
) -> None:
    server = wire.script(wire.json_step(status, payload))
    run = await twin.run_stream(server, wire.request())
    assert type(run.error) is error_class
    assert server.attempts == 1
    server = wire.script(wire.json_step(status, payload))
    with pytest.raises(error_class):
        await twin.run_create(server, wire.request())
    assert server.attempts == 1


async def test_a_400_says_what_the_server_said(twin: Twin, wire: Wire) -> None:
    server = wire.script(wire.json_step(400, BAD_MODEL, {"x-siliconcloud-trace-id": "ti_x"}))
    with pytest.raises(BadRequestError) as caught:
        await twin.run_create(server, wire.request())
    assert (
        str(caught.value)
        == "HTTP 400 (code 20012): Model does not exist. Please check it carefully. [trace id ti_x]"
    )
    assert caught.value.body == BAD_MODEL


# ---- failures after the stream started: never retried, partial output kept ------------------------


async def test_read_timeout_mid_stream_raises_interrupted_with_the_partial(twin: Twin, wire: Wire) -> None:
    first = wire.sse(wire.chunk(None, "Thinking", role="assistant"), wire.chunk("Hal", None), done=False)
    server = wire.script(
        wire.stream_step([first, b'data: {"id": "cut'], error=httpx.ReadTimeout("timed out"))
    )
    run = await twin.run_stream(server, wire.request())
    assert isinstance(run.error, StreamInterruptedError)
    assert isinstance(run.error.__cause__, httpx.ReadTimeout)
    assert server.attempts == 1
    assert [c.choices[0].delta.content for c in run.chunks] == [None, "Hal"]
    assert run.error.partial is not None
    message = run.error.partial.choices[0].message
    assert (message.reasoning_content, message.content) == ("Thinking", "Hal")
    assert run.error.trace_id == "trace-stream-1"


async def test_connection_reset_mid_stream_raises_interrupted(twin: Twin, wire: Wire) -> None:
    first = wire.sse(wire.chunk("a"), done=False)
    server = wire.script(wire.stream_step([first], error=httpx.RemoteProtocolError("peer closed connection")))
    run = await twin.run_stream(server, wire.request())
    assert isinstance(run.error, StreamInterruptedError)
    assert server.attempts == 1
    assert partial_text(run.error) == "a"


async def test_stream_cut_before_done_raises_incomplete_with_the_partial(twin: Twin, wire: Wire) -> None:
    body = wire.sse(wire.chunk("Hello", role="assistant"), wire.chunk(", wor"), done=False) + b'data: {"id":'
    server = wire.script(wire.stream_step([body]))
    run = await twin.run_stream(server, wire.request())
    assert isinstance(run.error, IncompleteStreamError)
    assert server.attempts == 1
    assert len(run.chunks) == 2
    assert partial_text(run.error) == "Hello, wor"


async def test_malformed_chunk_raises_after_the_good_ones_with_the_partial(twin: Twin, wire: Wire) -> None:
    body = wire.sse(wire.chunk("good", role="assistant"), "{not json", wire.chunk("never"))
    server = wire.script(wire.stream_step([body]))
    run = await twin.run_stream(server, wire.request())
    assert isinstance(run.error, MalformedChunkError)
    assert server.attempts == 1
    assert [c.choices[0].delta.content for c in run.chunks] == ["good"]
    assert partial_text(run.error) == "good"


@pytest.mark.parametrize(
    "payload",
    [OVERLOADED, {"error": {"message": "Model service overloaded. Please try again later.", "code": 50505}}],
)
async def test_error_event_mid_stream_raises_stream_api_error(
    twin: Twin, wire: Wire, payload: dict[str, Any]
) -> None:
    body = wire.sse(wire.chunk("part", role="assistant"), payload, wire.chunk("never"))
    server = wire.script(wire.stream_step([body[:20], body[20:]]))
    run = await twin.run_stream(server, wire.request())
    assert isinstance(run.error, StreamAPIError)
    assert run.error.code == 50505
    assert run.error.message == "Model service overloaded. Please try again later."
    assert server.attempts == 1
    assert partial_text(run.error) == "part"


async def test_the_failure_is_raised_again_by_get_final_completion(twin: Twin, wire: Wire) -> None:
    server = wire.script(wire.stream_step([wire.sse(wire.chunk("x"), done=False)]))
    client = twin.client(server)
    try:
        if twin.is_async:
            async with client.stream(wire.request()) as astream:
                with pytest.raises(IncompleteStreamError) as first:
                    [chunk async for chunk in astream]
                with pytest.raises(IncompleteStreamError) as again:
                    await astream.get_final_completion()
        else:
            with client.stream(wire.request()) as stream:
                with pytest.raises(IncompleteStreamError) as first:
                    list(stream)
                with pytest.raises(IncompleteStreamError) as again:
                    stream.get_final_completion()
        assert again.value is first.value
    finally:
        await twin.close(client)


# ---- Retry-After, per-request overrides ---------------------------------------------------------


async def test_retry_after_ms_is_honoured(twin: Twin, wire: Wire, caplog: pytest.LogCaptureFixture) -> None:
    server = wire.script(
        wire.json_step(429, RATE_LIMITED, {"retry-after-ms": "30"}),
        wire.json_step(200, wire.fixture_json("deepseek-v3-response.json")),
    )
    with caplog.at_level(logging.INFO, logger="siliconflow"):
        await twin.run_create(server, wire.request())
    assert server.attempts == 2
    (record,) = [r for r in caplog.records if r.name == "siliconflow"]
    assert record.getMessage() == (
        "Retrying POST https://api.siliconflow.cn/v1/chat/completions in 0.03 s after HTTP 429 (retry 1 of 2)"
    )


async def test_a_retry_after_beyond_the_cap_gives_up_at_once(twin: Twin, wire: Wire) -> None:
    server = wire.script(wire.json_step(503, OVERLOADED, {"retry-after": "3600"}))
    with pytest.raises(OverloadedError):
        await twin.run_create(server, wire.request())
    assert server.attempts == 1


@pytest.mark.parametrize(("override", "attempts"), [(0, 1), (1, 2), (4, 5)])
async def test_max_retries_per_request(twin: Twin, wire: Wire, override: int, attempts: int) -> None:
    server = wire.script(wire.json_step(503, OVERLOADED))
    run = await twin.run_stream(server, wire.request(), max_retries=override)
    assert isinstance(run.error, OverloadedError)
    assert server.attempts == attempts
    server = wire.script(wire.json_step(503, OVERLOADED))
    with pytest.raises(OverloadedError):
        await twin.run_create(server, wire.request(), max_retries=override)
    assert server.attempts == attempts


async def test_max_retries_per_client(twin: Twin, wire: Wire, fast_policy: RetryPolicy) -> None:
    server = wire.script(wire.raise_step(httpx.ConnectError("refused")))
    options = {"max_retries": 5, "retry_policy": fast_policy}
    with pytest.raises(APIConnectionError):
        await twin.run_create(server, wire.request(), client_options=options)
    assert server.attempts == 6


# ---- the plain generated call gets the same behaviour -------------------------------------------


async def test_the_generated_call_is_retried(twin: Twin, wire: Wire) -> None:
    server = wire.script(
        wire.json_step(503, OVERLOADED),
        wire.raise_step(httpx.ReadError("reset")),
        wire.json_step(200, wire.fixture_json("deepseek-v3-response.json")),
    )
    client = twin.client(server)
    try:
        result = await twin.generated(client, wire.request())
    finally:
        await twin.close(client)
    assert isinstance(result, ChatCompletion)
    assert result.to_dict() == wire.fixture_json("deepseek-v3-response.json")
    assert server.attempts == 3


@pytest.mark.parametrize(
    ("step", "error_class", "attempts"),
    [
        ("400", BadRequestError, 1),
        ("401", AuthenticationError, 1),
        ("503", OverloadedError, 3),
        ("timeout", APITimeoutError, 3),
    ],
)
async def test_the_generated_call_raises_the_typed_errors(
    twin: Twin, wire: Wire, step: str, error_class: type[Exception], attempts: int
) -> None:
    steps = {
        "400": wire.json_step(400, BAD_MODEL),
        "401": wire.json_step(401, "Invalid token"),
        "503": wire.json_step(503, OVERLOADED),
        "timeout": wire.raise_step(httpx.ReadTimeout("timed out")),
    }
    server = wire.script(steps[step])
    client = twin.client(server)
    try:
        with pytest.raises(error_class):
            await twin.generated(client, wire.request())
    finally:
        await twin.close(client)
    assert server.attempts == attempts


async def test_a_body_that_breaks_while_read_is_retried(twin: Twin, wire: Wire) -> None:
    """A non-stream body is read inside the transport, so a reset halfway through is retried."""

    def broken(request: httpx.Request) -> httpx.Response:
        body = wire.body([b'{"id": "x", '], httpx.ReadError("reset"))
        return httpx.Response(200, headers={"content-type": "application/json"}, stream=body)

    server = wire.script(broken, wire.json_step(200, wire.fixture_json("deepseek-v3-response.json")))
    completion = await twin.run_create(server, wire.request())
    assert completion.id == "01983a7496e24930e8de7952fd33c19c"
    assert server.attempts == 2

"""A canary API key never shows: not in reprs, not in any error, not in any log record at DEBUG."""

from __future__ import annotations

import gzip
import json
import logging
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from siliconflow import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AsyncSiliconFlow,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    GatewayTimeoutError,
    GoneError,
    IncompleteStreamError,
    InsufficientBalanceError,
    InternalServerError,
    MalformedChunkError,
    MalformedResponseError,
    NotFoundError,
    OverloadedError,
    PermissionDeniedError,
    RateLimitError,
    ResponseTooLargeError,
    RetryPolicy,
    SiliconFlow,
    SiliconFlowError,
    StreamAPIError,
    StreamInterruptedError,
    StreamTimeoutError,
)
from siliconflow._core.error_bodies import connection_error, status_error

if TYPE_CHECKING:
    from tests.overlays.conftest import Loopback, RawServer, Reply, Twin, Wire

pytestmark = pytest.mark.anyio

CANARY = "sk-canary-7Qx2ZkVb93LmT0aPe"
FAST = RetryPolicy(initial_backoff=0.001, max_backoff=0.002, jitter=0)


def json_reply(wire: Wire, status: int, payload: Any) -> Reply:
    body = json.dumps(payload).encode()
    return wire.reply(
        status=status,
        headers={"content-type": "application/json", "content-length": str(len(body))},
        pieces=[body],
    )


def everything_about(error: BaseException) -> str:
    """str, repr and the whole formatted traceback chain of an error."""
    return f"{error}\n{error!r}\n{''.join(traceback.format_exception(error))}"


def test_reprs_of_the_clients_hide_the_key() -> None:
    for client in (SiliconFlow(CANARY), AsyncSiliconFlow(CANARY)):
        assert CANARY not in repr(client)
        assert CANARY not in repr(client.api)
    sync = SiliconFlow(CANARY)
    http = sync.api.get_httpx_client()
    assert http.headers["authorization"] == f"Bearer {CANARY}"  # it is really there...
    assert CANARY not in repr(sync.api)  # ...and still not shown once the httpx client exists
    assert CANARY not in repr(http.headers)
    sync.close()


@pytest.mark.parametrize("status", [400, 401, 402, 403, 404, 408, 429, 500, 502, 503, 504, 599])
@pytest.mark.parametrize("shape", ["object", "bare-string", "text", "openai"])
def test_status_errors_never_carry_an_echoed_key(status: int, shape: str) -> None:
    request = httpx.Request(
        "POST", "https://api.test/v1/chat/completions", headers={"Authorization": f"Bearer {CANARY}"}
    )
    echo = f"Invalid token {CANARY} for this site"
    content = {
        "object": json.dumps({"code": 20015, "message": echo}).encode(),
        "bare-string": json.dumps(echo).encode(),
        "text": echo.encode(),
        "openai": json.dumps({"error": {"message": echo, "code": "invalid_api_key"}}).encode(),
    }[shape]
    error = status_error(httpx.Response(status, content=content, request=request))
    assert isinstance(error, APIStatusError)
    assert CANARY not in everything_about(error)
    assert CANARY not in error.message


def test_connection_errors_never_carry_the_key() -> None:
    request = httpx.Request(
        "POST", "https://api.test/v1/chat/completions", headers={"Authorization": f"Bearer {CANARY}"}
    )
    error = connection_error(httpx.ConnectError(f"proxy said {CANARY}"), request, attempts=2)
    assert CANARY not in everything_about(error)


async def test_nothing_leaks_through_a_real_exchange(
    twin: Twin, wire: Wire, loopback: Loopback, caplog: pytest.LogCaptureFixture
) -> None:
    """Over real sockets, so httpx and httpcore log everything they log at DEBUG."""
    echo_event = {"code": 50508, "message": f"busy, key {CANARY}"}
    stream_body = wire.sse(wire.chunk("partial", role="assistant"), echo_event)
    loopback.replies = [
        json_reply(wire, 503, {"code": 50505, "message": "overloaded"}),  # retried, then:
        json_reply(wire, 401, f"Invalid token {CANARY}"),
        json_reply(wire, 200, wire.fixture_json("deepseek-v3-response.json")),
        wire.reply(headers={"content-type": "text/event-stream"}, pieces=[stream_body]),
    ]
    caplog.set_level(logging.DEBUG)  # every logger: siliconflow, httpx, httpcore, hpack...
    client_class = AsyncSiliconFlow if twin.is_async else SiliconFlow
    client = client_class(CANARY, base_url=loopback.url, retry_policy=FAST)
    errors: list[BaseException] = []
    try:
        with pytest.raises(SiliconFlowError) as unauthorized:
            await twin.create(client, wire.request())
        errors.append(unauthorized.value)
        assert (await twin.create(client, wire.request())).id
        run = await twin.stream(client, wire.request())
        assert isinstance(run.error, StreamAPIError)
        errors.append(run.error)
    finally:
        await twin.close(client)

    assert len(loopback.requests) == 4
    assert all(headers["Authorization"] == f"Bearer {CANARY}" for headers in loopback.requests)
    assert any(record.name.startswith("httpcore") for record in caplog.records)  # DEBUG really captured
    assert any(record.name == "siliconflow" for record in caplog.records)  # the retry was logged
    for record in caplog.records:
        assert CANARY not in record.getMessage(), record.name
    assert CANARY not in caplog.text
    for error in errors:
        assert CANARY not in everything_about(error)
        assert CANARY not in getattr(error, "message", "")
    assert CANARY not in repr(client) + repr(client.api)


# ---- every error type of the hierarchy, through the library and the CLI, over raw sockets ---------

ECHO = f"Incorrect API key provided: {CANARY}"
ECHO_HEADERS = {"x-echo": f"Bearer {CANARY}", "x-siliconcloud-trace-id": f"trace-{CANARY}"}


def _stream_head(raw: RawServer, **extra: str) -> bytes:
    return raw.event_stream(**{"x-echo": f"Bearer {CANARY}", **extra})


def _chunk_bytes(wire: Wire, content: str) -> bytes:
    return wire.sse(wire.chunk(content, role="assistant"), done=False)


def _status_answer(status: int, code: int | None) -> Callable[[RawServer, Wire], list[Any]]:
    def answer(raw: RawServer, wire: Wire) -> list[Any]:
        return raw.json(status, {"code": code, "message": ECHO, "data": None}, ECHO_HEADERS)

    return answer


def _bomb(raw: RawServer) -> list[Any]:
    # 72 MiB of zeros once inflated, past the default max_response_size (64 MiB).
    body = gzip.compress(bytes(72 << 20), 1)
    headers = {"content-type": "application/json", "content-encoding": "gzip", **ECHO_HEADERS}
    return [raw.head(200, {**headers, "content-length": str(len(body))}), body]


# name -> (stream?, the answer, the error class expected)
SCENARIOS: dict[str, tuple[bool, Callable[[RawServer, Wire], list[Any]], type[BaseException]]] = {
    "connection-reset": (False, lambda raw, wire: [raw.RESET], APIConnectionError),
    "timeout": (False, lambda raw, wire: [raw.HOLD], APITimeoutError),
    **{
        f"status-{status}-{code}": (False, _status_answer(status, code), error_class)
        for status, code, error_class in [
            (400, 20015, BadRequestError),
            (401, None, AuthenticationError),
            (402, None, InsufficientBalanceError),
            (403, 30001, InsufficientBalanceError),
            (403, None, PermissionDeniedError),
            (404, None, NotFoundError),
            (410, 20092, GoneError),
            (418, None, APIStatusError),
            (429, None, RateLimitError),
            (500, None, InternalServerError),
            (503, 50505, OverloadedError),
            (504, None, GatewayTimeoutError),
        ]
    },
    "malformed-response": (
        False,
        lambda raw, wire: [
            raw.head(200, {"content-type": "text/html", "content-length": str(len(ECHO)), **ECHO_HEADERS}),
            ECHO.encode(),
        ],
        MalformedResponseError,
    ),
    "too-large": (False, lambda raw, wire: _bomb(raw), ResponseTooLargeError),
    "undecodable-encoding": (
        False,
        lambda raw, wire: [
            raw.head(200, {"content-type": "application/json", "content-encoding": "br", **ECHO_HEADERS}),
            ECHO.encode(),
        ],
        MalformedResponseError,
    ),
    "incomplete-stream": (
        True,
        lambda raw, wire: [_stream_head(raw), _chunk_bytes(wire, "a")],
        IncompleteStreamError,
    ),
    "interrupted-stream": (
        True,
        lambda raw, wire: [_stream_head(raw, **{"content-length": "100000"}), _chunk_bytes(wire, "a")],
        StreamInterruptedError,
    ),
    "stream-timeout": (
        True,
        lambda raw, wire: [_stream_head(raw), _chunk_bytes(wire, "a"), raw.HOLD],
        StreamTimeoutError,
    ),
    "malformed-chunk": (
        True,
        lambda raw, wire: [_stream_head(raw), _chunk_bytes(wire, "a"), f"data: {{{ECHO}\n\n".encode()],
        MalformedChunkError,
    ),
    "error-event": (
        True,
        lambda raw, wire: [_stream_head(raw), wire.sse({"code": 50508, "message": ECHO}, done=False)],
        StreamAPIError,
    ),
    "json-error-on-a-stream": (
        True,
        lambda raw, wire: raw.json(200, {"code": 20015, "message": ECHO}, ECHO_HEADERS),
        StreamAPIError,
    ),
}


def assert_no_key(text: str) -> None:
    assert CANARY not in text
    assert CANARY[3:] not in text  # not even without its prefix


@pytest.mark.parametrize("scenario", list(SCENARIOS))
async def test_every_error_of_the_hierarchy_keeps_the_key_out(
    twin: Twin, wire: Wire, raw_server: RawServer, caplog: pytest.LogCaptureFixture, scenario: str
) -> None:
    streamed, answer, expected = SCENARIOS[scenario]
    raw_server.answer(*answer(raw_server, wire))
    caplog.set_level(logging.DEBUG)
    client_class = AsyncSiliconFlow if twin.is_async else SiliconFlow
    client = client_class(CANARY, base_url=raw_server.url, retry_policy=FAST, max_retries=0, timeout=0.5)
    error: BaseException | None = None
    try:
        if streamed:
            error = (await twin.stream(client, wire.request())).error
        else:
            with pytest.raises(SiliconFlowError) as caught:
                await twin.create(client, wire.request())
            error = caught.value
    finally:
        await twin.close(client)
    assert type(error) is expected, repr(error)
    assert raw_server.requests, "the request never reached the server"
    assert_no_key(everything_about(error))
    assert_no_key(str(getattr(error, "message", "")))
    assert_no_key(caplog.text)
    for record in caplog.records:
        assert_no_key(record.getMessage())


@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_every_error_through_the_cli_keeps_the_key_out(  # noqa: PLR0917 - pytest fixtures
    wire: Wire,
    raw_server: RawServer,
    scenario: str,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from siliconflow_cli.main import main

    streamed, answer, _ = SCENARIOS[scenario]
    raw_server.answer(*answer(raw_server, wire))
    monkeypatch.setenv("SILICONFLOW_API_KEY", CANARY)
    caplog.set_level(logging.DEBUG)
    argv = ["chat", "hi", "--base-url", raw_server.url, "--max-retries", "0", "--timeout", "0.5"]
    status = main([*argv, "--stream" if streamed else "--no-stream"])
    out, err = capsys.readouterr()
    assert status in (1, 3)
    assert err.startswith("siliconflow: error: ")
    assert "Traceback" not in err
    assert_no_key(out + err)
    assert_no_key(caplog.text)


@pytest.mark.parametrize("client_class", [SiliconFlow, AsyncSiliconFlow])
def test_the_errors_raised_before_sending_keep_the_key_out(
    client_class: type[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from siliconflow import Thinking, ThinkingOptionError

    errors: list[BaseException] = []
    head, tail = CANARY[:12], CANARY[12:]
    for bad in ("\u200b", "\r\n", "\x00", "\n"):
        with pytest.raises(ValueError, match="api_key contains") as caught:
            client_class(head + bad + tail)
        assert head not in everything_about(caught.value)
        assert tail not in everything_about(caught.value)
        errors.append(caught.value)
    monkeypatch.delenv("SILICONFLOW_API_KEY", raising=False)
    with pytest.raises(SiliconFlowError) as no_key:
        client_class()
    errors.append(no_key.value)
    with pytest.raises(ThinkingOptionError) as thinking:
        Thinking(budget=1)
    errors.append(thinking.value)
    assert isinstance(thinking.value, SiliconFlowError)
    assert isinstance(thinking.value, ValueError)
    for error in errors:
        assert_no_key(everything_about(error))


async def test_a_closed_client_error_keeps_the_key_out(twin: Twin, wire: Wire) -> None:
    client = (AsyncSiliconFlow if twin.is_async else SiliconFlow)(CANARY)
    await twin.close(client)
    with pytest.raises(ClientClosedError) as caught:
        await twin.create(client, wire.request())
    assert_no_key(everything_about(caught.value))

"""Client construction, defaults, timeouts and clear errors for misuse."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from siliconflow import (
    DEFAULT_STREAM_TIMEOUT,
    DEFAULT_TIMEOUT,
    AsyncSiliconFlow,
    ClientClosedError,
    MalformedResponseError,
    RetryPolicy,
    RetryTransport,
    SiliconFlow,
    SiliconFlowError,
    ThinkingOptionError,
)
from siliconflow_api.api.chat import create_chat_completion
from siliconflow_api.api.models import list_models

if TYPE_CHECKING:
    from tests.overlays.conftest import Twin, Wire

pytestmark = pytest.mark.anyio


def timeout_of(request: httpx.Request) -> dict[str, float | None]:
    timeout: dict[str, float | None] = request.extensions["timeout"]
    return timeout


def as_dict(timeout: httpx.Timeout) -> dict[str, float | None]:
    return timeout.as_dict()


@pytest.fixture
def no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SILICONFLOW_API_KEY", raising=False)
    monkeypatch.delenv("SILICONFLOW_BASE_URL", raising=False)


@pytest.mark.usefixtures("no_env")
async def test_key_and_base_url_come_from_the_environment(
    twin: Twin, wire: Wire, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SILICONFLOW_API_KEY", "sk-from-env-0123456789")
    monkeypatch.setenv("SILICONFLOW_BASE_URL", "https://api.siliconflow.com/v1/")
    server = wire.script(wire.json_step(200, wire.fixture_json("deepseek-v3-response.json")))
    await twin.run_create(server, wire.request(), client_options={"api_key": None})
    sent = server.requests[0]
    assert sent.headers["authorization"] == "Bearer sk-from-env-0123456789"
    assert sent.url == "https://api.siliconflow.com/v1/chat/completions"


@pytest.mark.usefixtures("no_env")
@pytest.mark.parametrize("client_class", [SiliconFlow, AsyncSiliconFlow])
def test_no_key_anywhere_is_a_clear_error(client_class: type[Any]) -> None:
    with pytest.raises(SiliconFlowError, match="SILICONFLOW_API_KEY"):
        client_class()
    with pytest.raises(SiliconFlowError, match="SILICONFLOW_API_KEY"):
        client_class("  ")


@pytest.mark.usefixtures("no_env")
def test_default_base_url_is_the_cn_site() -> None:
    client = SiliconFlow("sk-test-0123456789")
    assert client.base_url == "https://api.siliconflow.cn/v1"
    assert repr(client) == "SiliconFlow(base_url='https://api.siliconflow.cn/v1', max_retries=2)"


@pytest.mark.parametrize(
    ("options", "error", "fragment"),
    [
        ({"base_url": "api.siliconflow.cn/v1"}, ValueError, "https://"),
        ({"base_url": "http://[::1"}, ValueError, "not a usable URL"),
        ({"timeout": -1}, ValueError, "timeout"),
        ({"timeout": "30"}, ValueError, "timeout"),
        ({"max_retries": -2}, ValueError, "max_retries"),
        ({"retry_policy": {"max_retries": 1}}, TypeError, "RetryPolicy"),
        ({"transport": object()}, TypeError, "transport"),
        ({"api_key": b"sk-bytes-0123456789"}, TypeError, "api_key must be a string"),
    ],
)
def test_bad_options_are_clear_errors(options: dict[str, Any], error: type[Exception], fragment: str) -> None:
    options = {"api_key": "sk-test-0123456789", **options}
    with pytest.raises(error, match=fragment):
        SiliconFlow(**options)


def test_an_async_transport_in_the_sync_client_is_refused() -> None:
    with pytest.raises(TypeError, match="transport"):
        SiliconFlow("sk-test-0123456789", transport=httpx.AsyncHTTPTransport())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="transport"):
        AsyncSiliconFlow("sk-test-0123456789", transport=httpx.HTTPTransport())  # type: ignore[arg-type]


async def test_default_timeouts_differ_for_calls_and_streams(twin: Twin, wire: Wire) -> None:
    server = wire.script(
        wire.json_step(200, wire.fixture_json("deepseek-v3-response.json")),
        wire.stream_step([wire.sse(wire.chunk("a", finish="stop"))]),
    )
    client = twin.client(server)
    try:
        await twin.create(client, wire.request())
        await twin.stream(client, wire.request())
    finally:
        await twin.close(client)
    # create() also has the default deadline of 900 s, so its read timeout is what is left of it.
    sent = timeout_of(server.requests[0])
    read = sent.pop("read")
    assert read is not None
    assert 899 < read <= 900.0
    assert sent == {phase: limit for phase, limit in as_dict(DEFAULT_TIMEOUT).items() if phase != "read"}
    assert timeout_of(server.requests[1]) == as_dict(DEFAULT_STREAM_TIMEOUT)
    assert DEFAULT_TIMEOUT.connect == DEFAULT_STREAM_TIMEOUT.connect == 10.0
    assert DEFAULT_TIMEOUT.read == 900.0
    assert DEFAULT_STREAM_TIMEOUT.read == 180.0


async def test_timeouts_per_client_and_per_call(twin: Twin, wire: Wire) -> None:
    steps = [
        wire.json_step(200, wire.fixture_json("deepseek-v3-response.json")),
        wire.stream_step([wire.sse(wire.chunk("a", finish="stop"))]),
        wire.json_step(200, wire.fixture_json("deepseek-v3-response.json")),
        wire.stream_step([wire.sse(wire.chunk("a", finish="stop"))]),
    ]
    server = wire.script(*steps)
    client = twin.client(server, timeout=42)
    try:
        await twin.create(client, wire.request())
        await twin.stream(client, wire.request())
        await twin.create(client, wire.request(), timeout=httpx.Timeout(5, read=7))
        await twin.stream(client, wire.request(), timeout=3)
    finally:
        await twin.close(client)
    assert [timeout_of(r)["read"] for r in server.requests] == [42, 42, 7, 3]
    assert timeout_of(server.requests[2])["connect"] == 5


async def test_out_of_range_thinking_fields_are_refused_before_sending(twin: Twin, wire: Wire) -> None:
    server = wire.script(wire.json_step(200, wire.fixture_json("deepseek-v3-response.json")))
    request = wire.request(thinking_budget=64)
    with pytest.raises(ThinkingOptionError, match="at least 128"):
        await twin.run_create(server, request)
    run = await twin.run_stream(server, request)
    assert isinstance(run.error, ThinkingOptionError)
    assert server.attempts == 0


async def test_create_refuses_a_stream_request_and_points_to_stream(twin: Twin, wire: Wire) -> None:
    server = wire.script(wire.json_step(200, {}))
    with pytest.raises(ValueError, match=r"client\.stream\(request\)"):
        await twin.run_create(server, wire.request(stream=True))
    assert server.attempts == 0


async def test_a_stream_request_with_stream_false_still_streams(twin: Twin, wire: Wire) -> None:
    server = wire.script(wire.stream_step([wire.sse(wire.chunk("a", finish="stop"))]))
    run = await twin.run_stream(server, wire.request(stream=False))
    assert run.error is None
    assert server.sent_json()["stream"] is True


async def test_a_dict_instead_of_a_request_model_is_a_clear_error(twin: Twin, wire: Wire) -> None:
    server = wire.script(wire.json_step(200, {}))
    with pytest.raises(TypeError, match=r"ChatCompletionRequest\.from_dict"):
        await twin.run_create(server, {"model": "m", "messages": []})  # type: ignore[arg-type]


@pytest.mark.parametrize("body", [b"<html>oops</html>", b'{"id": "only"}', b"[]"])
async def test_a_200_that_is_not_a_completion_is_a_typed_error(twin: Twin, wire: Wire, body: bytes) -> None:
    server = wire.script(wire.raw_step(200, body, {"content-type": "application/json"}))
    with pytest.raises(MalformedResponseError, match="not a chat completion") as caught:
        await twin.run_create(server, wire.request())
    assert caught.value.response.status_code == 200


async def test_extra_headers_are_sent(twin: Twin, wire: Wire) -> None:
    server = wire.script(wire.json_step(200, wire.fixture_json("deepseek-v3-response.json")))
    await twin.run_create(server, wire.request(), client_options={"headers": {"X-Trace-Id": "mine"}})
    assert server.requests[0].headers["x-trace-id"] == "mine"


def test_context_manager_closes_the_connections(wire: Wire) -> None:
    closed: list[bool] = []

    class Recorded(httpx.MockTransport):
        def close(self) -> None:
            closed.append(True)

    with SiliconFlow("sk-test-0123456789", transport=Recorded(wire.script())) as client:
        pass
    # The connections (the transport) are closed; httpx's client stays usable only to say so, typed.
    assert closed == [True]
    with pytest.raises(ClientClosedError):
        client.models.list()


async def test_async_context_manager_closes_the_connections(wire: Wire) -> None:
    closed: list[bool] = []

    class Recorded(httpx.MockTransport):
        async def aclose(self) -> None:
            closed.append(True)

    async with AsyncSiliconFlow("sk-test-0123456789", transport=Recorded(wire.script())) as client:
        pass
    # As the sync twin: the transport is closed, httpx's client stays usable only to say so, typed.
    assert closed == [True]
    with pytest.raises(ClientClosedError):
        await client.models.list()


def test_an_async_client_closed_under_another_loop_stays_closed(wire: Wire) -> None:
    """The pool of the first loop ends with it; the client goes on under the next, then is closed."""
    server = wire.script(*[wire.json_step(200, {"object": "list", "data": []})] * 2)
    client = AsyncSiliconFlow("sk-test-0123456789", transport=httpx.MockTransport(server))
    assert asyncio.run(client.models.list()) == []  # this loop's end closes its pool, not the client
    assert asyncio.run(client.models.list()) == []
    asyncio.run(client.aclose())
    with pytest.raises(ClientClosedError):
        asyncio.run(client.models.list())
    with pytest.raises(ClientClosedError):
        asyncio.run(list_models.asyncio_detailed(client=client.api))
    assert server.attempts == 2


async def test_the_generated_async_call_on_a_sync_client_says_what_to_use(wire: Wire) -> None:
    client = SiliconFlow("sk-test-0123456789", transport=httpx.MockTransport(wire.script()))
    try:
        with pytest.raises(TypeError, match="AsyncSiliconFlow"):
            await create_chat_completion.asyncio(client=client.api, body=wire.request())
    finally:
        await client.api.get_async_httpx_client().aclose()
        client.close()


def test_the_retry_transport_can_wrap_any_transport(wire: Wire) -> None:
    """The transport is usable on its own, with a plain httpx.Client."""
    server = wire.script(
        wire.json_step(503, {"code": 50505, "message": "busy"}), wire.json_step(200, {"ok": True})
    )
    policy = RetryPolicy(initial_backoff=0.001, jitter=0)
    with httpx.Client(transport=RetryTransport(httpx.MockTransport(server), policy=policy)) as http:
        assert http.get("https://example.test/").json() == {"ok": True}
    assert server.attempts == 2


async def test_a_call_on_a_closed_client_is_a_typed_error(wire: Wire) -> None:
    server = wire.script(wire.json_step(200, wire.fixture_json("deepseek-v3-response.json")))
    client = SiliconFlow("sk-test-0123456789", transport=httpx.MockTransport(server))
    client.close()
    with pytest.raises(ClientClosedError, match="closed") as caught:
        client.create(wire.request())
    assert isinstance(caught.value, SiliconFlowError)
    with pytest.raises(ClientClosedError):
        create_chat_completion.sync(client=client.api, body=wire.request())
    aclient = AsyncSiliconFlow("sk-test-0123456789", transport=httpx.MockTransport(server))
    await aclient.close()  # openai-python's name, the same as aclose()
    with pytest.raises(ClientClosedError):
        await aclient.create(wire.request())
    with pytest.raises(ClientClosedError):
        await aclient.models.list()
    # The generated client under it too: the typed error, not httpx's "client has been closed".
    with pytest.raises(ClientClosedError):
        await create_chat_completion.asyncio(client=aclient.api, body=wire.request())
    await aclient.aclose()  # idempotent
    assert server.attempts == 0


@pytest.mark.parametrize("used", [False, True], ids=["never-used", "used"])
async def test_the_generated_client_of_a_closed_client_raises_the_typed_error(wire: Wire, used: bool) -> None:
    """`client.api` after close()/aclose(), whether or not the pool was ever opened (sync and async)."""
    steps = [wire.json_step(200, {"object": "list", "data": []})] * 2
    server = wire.script(*steps)
    client = SiliconFlow("sk-test-0123456789", transport=httpx.MockTransport(server))
    aclient = AsyncSiliconFlow("sk-test-0123456789", transport=httpx.MockTransport(server))
    if used:
        client.models.list()
        await aclient.models.list()
    client.close()
    await aclient.aclose()
    with pytest.raises(ClientClosedError, match="closed"):
        list_models.sync_detailed(client=client.api)
    with pytest.raises(ClientClosedError, match="closed"):
        await list_models.asyncio_detailed(client=aclient.api)
    assert server.attempts == (2 if used else 0)

"""`with_raw_response` and per-call options against the mock over loopback, sync and async."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from siliconflow import AsyncSiliconFlow, BadRequestError, RawResponse, SiliconFlow
from siliconflow_api.models import ChatCompletion, ChatCompletionRequest
from siliconflow_mock import RunningMock

pytestmark = pytest.mark.anyio
TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"


def request(**fields: Any) -> ChatCompletionRequest:
    body = {"model": "Qwen/Qwen3-8B", "messages": [{"role": "user", "content": "hi"}], **fields}
    return ChatCompletionRequest.from_dict(body)


def clients(mock: RunningMock) -> tuple[SiliconFlow, AsyncSiliconFlow]:
    return (
        SiliconFlow(api_key=mock.token, base_url=mock.base_url, max_retries=0),
        AsyncSiliconFlow(api_key=mock.token, base_url=mock.base_url, max_retries=0),
    )


@pytest.fixture(params=["sync", "async"])
def is_async(request: pytest.FixtureRequest) -> bool:
    return bool(request.param == "async")


async def raw_create(
    mock: RunningMock, is_async: bool, req: ChatCompletionRequest, **kw: Any
) -> RawResponse[ChatCompletion]:
    sync_client, async_client = clients(mock)
    with sync_client:
        async with async_client:
            if is_async:
                return await async_client.with_raw_response.create(req, **kw)
            return sync_client.with_raw_response.create(req, **kw)


async def test_raw_create_gives_status_headers_trace_id_and_parse(
    mock_server: RunningMock, is_async: bool
) -> None:
    raw = await raw_create(mock_server, is_async, request(), trace_id="order-1234")
    assert raw.status_code == 200
    assert raw.headers["content-type"].startswith("application/json")
    assert raw.trace_id == "order-1234"  # the mock echoes X-Trace-Id as SiliconFlow does
    assert raw.request_trace_id == "order-1234"
    completion = raw.parse()
    assert isinstance(completion, ChatCompletion)
    assert raw.parse() is completion
    assert completion.choices[0].message.content == "You said: hi"


async def test_every_call_gets_its_own_platform_trace_id_without_one(
    mock_server: RunningMock, is_async: bool
) -> None:
    first = await raw_create(mock_server, is_async, request())
    second = await raw_create(mock_server, is_async, request())
    assert first.trace_id
    assert second.trace_id
    assert first.trace_id != second.trace_id
    assert first.request_trace_id is None


async def test_traceparent_becomes_the_trace_id(mock_server: RunningMock, is_async: bool) -> None:
    raw = await raw_create(mock_server, is_async, request(), traceparent=TRACEPARENT)
    assert raw.trace_id == "4bf92f3577b34da6a3ce929d0e0e4736"


async def test_raw_stream_gives_the_response_then_the_stream(
    mock_server: RunningMock, is_async: bool
) -> None:
    sync_client, async_client = clients(mock_server)
    if is_async:
        async with async_client, async_client.with_raw_response.stream(request(), trace_id="s-1") as araw:
            assert araw.status_code == 200
            assert araw.trace_id == "s-1"
            assert araw.headers["content-type"].startswith("text/event-stream")
            chunks = [chunk async for chunk in araw.parse()]
            completion = await araw.parse().get_final_completion()
    else:
        with sync_client, sync_client.with_raw_response.stream(request(), trace_id="s-1") as raw:
            assert raw.status_code == 200
            assert raw.trace_id == "s-1"
            chunks = list(raw.parse())
            completion = raw.parse().get_final_completion()
    assert chunks
    assert completion.choices[0].message.content == "You said: hi"


async def test_extra_headers_and_body_reach_the_server(mock_server: RunningMock, is_async: bool) -> None:
    # The mock acts on X-Mock-Fault (a header) and on max_tokens (a body field): both arrive.
    with pytest.raises(BadRequestError, match="invalid-json"):
        await raw_create(mock_server, is_async, request(), extra_headers={"X-Mock-Fault": "invalid-json"})
    raw = await raw_create(mock_server, is_async, request(max_tokens=50), extra_body={"max_tokens": 1})
    choice = raw.parse().choices[0]
    assert (choice.message.content, choice.finish_reason) == ("You", "length")


async def test_extra_options_are_merged_over_the_typed_request(is_async: bool) -> None:
    seen: list[httpx.Request] = []

    def answer(sent: httpx.Request) -> httpx.Response:
        seen.append(sent)
        body = {"id": "x", "object": "chat.completion", "created": 1, "model": "m", "choices": []}
        return httpx.Response(200, json=body)

    options: dict[str, Any] = {
        "extra_headers": {"X-Tenant": "blue"},
        "extra_query": {"debug": 1},
        "extra_body": {"temperature": 0.5, "new_field": [1]},
        "trace_id": "t-1",
    }
    if is_async:
        async with AsyncSiliconFlow(
            api_key="sk-test-0123456789", transport=httpx.MockTransport(answer)
        ) as aclient:
            await aclient.create(request(temperature=1.5), **options)
    else:
        with SiliconFlow(api_key="sk-test-0123456789", transport=httpx.MockTransport(answer)) as client:
            client.create(request(temperature=1.5), **options)
    sent = seen[0]
    assert sent.headers["x-tenant"] == "blue"
    assert sent.headers["x-trace-id"] == "t-1"
    assert sent.url.params["debug"] == "1"
    body = json.loads(sent.content)
    assert body["temperature"] == 0.5
    assert body["new_field"] == [1]
    assert body["model"] == "Qwen/Qwen3-8B"


@pytest.mark.parametrize(
    ("options", "error", "names"),
    [
        ({"trace_id": "has space"}, ValueError, "trace_id"),
        ({"trace_id": ""}, ValueError, "trace_id"),
        ({"traceparent": "00-0000-01"}, ValueError, "traceparent"),
        ({"extra_headers": {"bad name": "x"}}, ValueError, "extra_headers"),
        ({"extra_headers": {"X-A": "line\nbreak"}}, ValueError, "extra_headers"),
        ({"extra_headers": ["X-A"]}, TypeError, "extra_headers"),
        ({"extra_query": {"a": object()}}, TypeError, "extra_query"),
        ({"extra_body": {"a": object()}}, TypeError, "extra_body"),
        ({"extra_body": {"a": float("nan")}}, TypeError, "extra_body"),
        ({"extra_stuff": 1}, TypeError, "extra_stuff"),
    ],
)
def test_bad_options_are_refused_before_sending(
    options: dict[str, Any], error: type[Exception], names: str
) -> None:
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(500)

    transport = httpx.MockTransport(answer)
    with (
        SiliconFlow(api_key="sk-test-0123456789", transport=transport) as client,
        pytest.raises(error, match=names),
    ):
        client.create(request(), **options)
    assert not sent

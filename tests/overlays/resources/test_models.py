"""`client.models.list()`: against the mock (sync and async), filters, errors, retries, bad input."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from siliconflow import (
    AsyncSiliconFlow,
    AuthenticationError,
    MalformedResponseError,
    RateLimitError,
    RetryPolicy,
    SiliconFlow,
)
from siliconflow_mock import RunningMock

FAST = RetryPolicy(max_retries=2, initial_backoff=0.0, max_backoff=0.0, jitter=0.0)


def test_lists_every_model_of_the_mock(mock_server: RunningMock) -> None:
    with SiliconFlow(mock_server.token, base_url=mock_server.base_url) as client:
        ids = [model.id for model in client.models.list()]
    assert "Qwen/Qwen3-8B" in ids
    assert "BAAI/bge-m3" in ids


def test_filters_are_sent_as_query_parameters(mock_server: RunningMock) -> None:
    with SiliconFlow(mock_server.token, base_url=mock_server.base_url) as client:
        embeddings = [m.id for m in client.models.list(sub_type="embedding")]
        images = [m.id for m in client.models.list(type="image", sub_type="text-to-image")]
    assert embeddings == ["BAAI/bge-m3"]
    assert images == ["Kwai-Kolors/Kolors"]


@pytest.mark.anyio
async def test_async_twin_lists_the_same(mock_server: RunningMock) -> None:
    async with AsyncSiliconFlow(mock_server.token, base_url=mock_server.base_url) as client:
        chat = await client.models.list(type="text", sub_type="chat")
    with SiliconFlow(mock_server.token, base_url=mock_server.base_url) as client:
        assert [m.id for m in chat] == [m.id for m in client.models.list(type="text", sub_type="chat")]
    assert all(m.object_ == "model" for m in chat)


def test_a_wrong_key_is_the_typed_401(mock_server: RunningMock) -> None:
    with (
        SiliconFlow("sk-wrong-key-123456", base_url=mock_server.base_url) as client,
        pytest.raises(AuthenticationError),
    ):
        client.models.list()


def test_an_unknown_filter_value_is_refused_before_sending() -> None:
    sent, transport = _script()
    with SiliconFlow("sk-test-key-123456", transport=transport) as client:
        with pytest.raises(ValueError, match="sub_type must be one of"):
            client.models.list(sub_type="chatbot")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="type must be one of"):
            client.models.list(type="txt")  # type: ignore[arg-type]
    assert sent == []


def _script(*responses: httpx.Response) -> tuple[list[httpx.Request], httpx.MockTransport]:
    sent: list[httpx.Request] = []
    queue = list(responses)

    def respond(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return queue.pop(0)

    return sent, httpx.MockTransport(respond)


RATE_LIMITED = httpx.Response(429, json={"message": "Details: RPM limit reached.", "data": None})
LISTED = httpx.Response(200, json={"object": "list", "data": [{"id": "a/b", "object": "model"}]})


def test_a_rate_limit_is_retried_like_chat() -> None:
    sent, transport = _script(RATE_LIMITED, LISTED)
    with SiliconFlow("sk-test-key-123456", transport=transport, retry_policy=FAST) as client:
        assert [m.id for m in client.models.list()] == ["a/b"]
    assert len(sent) == 2
    assert sent[0].url.path.endswith("/models")


@pytest.mark.anyio
async def test_async_per_call_max_retries_zero_raises_at_once() -> None:
    sent: list[httpx.Request] = []

    async def respond(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(429, json={"message": "Details: TPM limit reached.", "data": None})

    transport = httpx.MockTransport(respond)
    async with AsyncSiliconFlow("sk-test-key-123456", transport=transport, retry_policy=FAST) as client:
        with pytest.raises(RateLimitError, match="TPM"):
            await client.models.list(max_retries=0)
    assert len(sent) == 1


@pytest.mark.parametrize(
    "body", [b"not json", json.dumps({"object": "list"}).encode(), json.dumps([1, 2]).encode()]
)
def test_a_body_that_is_not_a_model_list_is_a_typed_error(body: bytes) -> None:
    _, transport = _script(httpx.Response(200, content=body))
    with (
        SiliconFlow("sk-test-key-123456", transport=transport) as client,
        pytest.raises(MalformedResponseError, match="not a model list"),
    ):
        client.models.list()


def test_unknown_fields_of_a_model_are_kept() -> None:
    payload: dict[str, Any] = {"object": "list", "data": [{"id": "x", "context_length": 8192}]}
    _, transport = _script(httpx.Response(200, json=payload))
    with SiliconFlow("sk-test-key-123456", transport=transport) as client:
        (model,) = client.models.list()
    assert model.additional_properties == {"context_length": 8192}

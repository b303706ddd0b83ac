"""`client.user.info()`: the envelope unwrapped, balances as exact Decimals, 404 and 410 explained."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx
import pytest
from siliconflow import (
    APIStatusError,
    AsyncSiliconFlow,
    GoneError,
    MalformedResponseError,
    NotFoundError,
    OverloadedError,
    RetryPolicy,
    SiliconFlow,
    UserInfoNotFoundError,
)
from siliconflow_mock import RunningMock

FAST = RetryPolicy(max_retries=2, initial_backoff=0.0, max_backoff=0.0, jitter=0.0)
KEY = "sk-test-key-0123456789"


def envelope(**data: Any) -> dict[str, Any]:
    account = {"id": "u1", "balance": "0.88", "chargeBalance": "88.00", "totalBalance": "88.88", **data}
    return {"code": 20000, "message": "OK", "status": True, "data": account}


def transport_of(*responses: httpx.Response) -> tuple[list[httpx.Request], httpx.MockTransport]:
    sent: list[httpx.Request] = []
    queue = list(responses)

    def respond(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return queue.pop(0)

    return sent, httpx.MockTransport(respond)


def test_balances_are_exact_decimals() -> None:
    _, transport = transport_of(httpx.Response(200, json=envelope(status="normal")))
    with SiliconFlow(KEY, transport=transport) as client:
        account = client.user.info()
    assert (account.balance, account.charge_balance, account.total_balance) == (
        Decimal("0.88"),
        Decimal("88.00"),
        Decimal("88.88"),
    )
    assert str(account.charge_balance) == "88.00"  # the server's digits, not a float's
    assert account.status == "normal"


@pytest.mark.anyio
async def test_async_twin_reads_the_same_account() -> None:
    async def respond(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=envelope())

    async with AsyncSiliconFlow(KEY, transport=httpx.MockTransport(respond)) as client:
        account = await client.user.info()
    assert account.total_balance == Decimal("88.88")
    assert account.id == "u1"


def test_the_mock_answers_410_as_the_live_server_does(mock_server: RunningMock) -> None:
    with (
        SiliconFlow(mock_server.token, base_url=mock_server.base_url) as client,
        pytest.raises(GoneError) as caught,
    ):
        client.user.info()
    assert (caught.value.status_code, caught.value.code) == (410, 20092)
    assert "retired by SiliconFlow on 2026-08-14" in str(caught.value)
    assert mock_server.token not in str(caught.value)


@pytest.mark.anyio
async def test_async_mock_410_is_the_same_gone_error(mock_server: RunningMock) -> None:
    async with AsyncSiliconFlow(mock_server.token, base_url=mock_server.base_url) as client:
        with pytest.raises(GoneError, match="retired by SiliconFlow on 2026-08-14"):
            await client.user.info()


def test_a_404_says_the_endpoint_may_be_retired() -> None:
    sent, transport = transport_of(httpx.Response(404, text="404 page not found"))
    with SiliconFlow(KEY, transport=transport) as client, pytest.raises(UserInfoNotFoundError) as caught:
        client.user.info()
    assert isinstance(caught.value, NotFoundError)
    assert caught.value.status_code == 404
    assert "may have retired" in str(caught.value)
    assert sent[0].url.path.endswith("/user/info")


@pytest.mark.anyio
async def test_async_404_is_the_same_clear_error() -> None:
    async def respond(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, text="404 page not found")

    async with AsyncSiliconFlow(KEY, transport=httpx.MockTransport(respond)) as client:
        with pytest.raises(UserInfoNotFoundError, match="may have retired"):
            await client.user.info()


def test_overload_is_retried_then_answered() -> None:
    busy = httpx.Response(503, json={"code": 50505, "message": "Model service overloaded", "data": None})
    sent, transport = transport_of(busy, httpx.Response(200, json=envelope()))
    with SiliconFlow(KEY, transport=transport, retry_policy=FAST) as client:
        assert client.user.info().balance == Decimal("0.88")
    assert len(sent) == 2


def test_retries_used_up_raise_the_typed_error() -> None:
    busy = httpx.Response(503, json={"code": 50505, "message": "Model service overloaded", "data": None})
    _, transport = transport_of(busy, busy)
    with SiliconFlow(KEY, transport=transport, retry_policy=FAST) as client, pytest.raises(OverloadedError):
        client.user.info(max_retries=1)


@pytest.mark.parametrize(
    ("payload", "fragment"),
    [
        ({"code": 20000, "message": "OK", "status": True, "data": None}, "user info envelope"),
        (envelope(balance=0.1), "user info envelope"),  # a float has already lost digits
        (envelope(totalBalance="lots"), "user info envelope"),
        (envelope(chargeBalance="NaN"), "user info envelope"),
        ([], "user info envelope"),
    ],
)
def test_a_body_that_is_not_the_envelope_is_a_typed_error(payload: Any, fragment: str) -> None:
    _, transport = transport_of(httpx.Response(200, json=payload))
    with (
        SiliconFlow(KEY, transport=transport) as client,
        pytest.raises(MalformedResponseError, match=fragment),
    ):
        client.user.info()


def test_unknown_account_fields_are_kept_on_raw() -> None:
    _, transport = transport_of(httpx.Response(200, json=envelope(level=3)))
    with SiliconFlow(KEY, transport=transport) as client:
        account = client.user.info()
    assert account.raw.additional_properties == {"level": 3}
    assert KEY not in repr(account)


GONE = {"code": 20092, "message": "This API has been retired", "data": None}


def test_a_410_is_a_gone_error_that_says_the_endpoint_was_retired() -> None:
    sent, transport = transport_of(httpx.Response(410, json=GONE))
    with (
        SiliconFlow(KEY, transport=transport, retry_policy=FAST) as client,
        pytest.raises(GoneError) as caught,
    ):
        client.user.info()
    assert len(sent) == 1  # a retired endpoint is not retried
    assert caught.value.status_code == 410
    assert caught.value.code == 20092
    assert "retired by SiliconFlow on 2026-08-14" in str(caught.value)
    assert isinstance(caught.value, APIStatusError)


@pytest.mark.anyio
async def test_async_410_is_the_same_gone_error() -> None:
    async with AsyncSiliconFlow(
        KEY, transport=httpx.MockTransport(lambda r: httpx.Response(410, json=GONE))
    ) as client:
        with pytest.raises(GoneError, match="retired"):
            await client.user.info()


def test_a_410_elsewhere_is_a_plain_gone_error() -> None:
    _sent, transport = transport_of(httpx.Response(410, json={"code": 20092, "message": "gone"}))
    with (
        SiliconFlow(KEY, transport=transport, retry_policy=FAST) as client,
        pytest.raises(GoneError) as caught,
    ):
        client.models.list()
    assert "gone" in str(caught.value)

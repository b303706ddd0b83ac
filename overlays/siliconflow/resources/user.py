"""`client.user`: the account behind the key and its balances (`GET /user/info`).

```python
account = client.user.info()
print(account.total_balance)     # Decimal('88.88'): the API sends decimal strings, never floats
```

SiliconFlow wraps this answer in `{code, message, status, data}`; `info()` unwraps it. SiliconFlow
retired the endpoint on 2026-08-14: the live server answers 410 (code 20092), which raises a
`GoneError` saying so; a 404 (an older gateway, or a wrong base URL) raises `UserInfoNotFoundError`,
a `NotFoundError` that mentions the retirement too.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

import httpx
from siliconflow_api.api.user.get_user_info import _get_kwargs
from siliconflow_api.models.user_info import UserInfo as GeneratedUserInfo
from siliconflow_api.models.user_info_response import UserInfoResponse
from siliconflow_api.types import Unset

from .._core.errors import APIStatusError, GoneError, MalformedResponseError, NotFoundError
from .._core.responses import model_of
from ._base import AsyncAPIResource, SyncAPIResource, async_to_raw_response, to_raw_response

__all__ = ["AsyncUser", "User", "UserInfo", "UserInfoNotFoundError"]

SUCCESS_CODE = 20000
RETIRED_HINT = (
    "GET /user/info answered 404: SiliconFlow may have retired this endpoint (a retirement in 2026-08 "
    "was reported); check the API docs for its replacement, and that the base URL ends in /v1"
)


RETIRED = (
    "GET /user/info was retired by SiliconFlow on 2026-08-14 (no replacement announced yet): the "
    "account balance is shown in SiliconFlow's web console"
)


class UserInfoNotFoundError(NotFoundError):
    """404 from `GET /user/info`: the endpoint may have been retired (or the base URL is wrong)."""


@dataclass(frozen=True, slots=True)
class UserInfo:
    """The account, with the three balances as exact `Decimal`s.

    `balance` is the gift balance and `charge_balance` the paid one (the docs' example suggests
    `total_balance` is their sum; that is not documented). `raw` is the generated model, unknown
    fields included.
    """

    id: str
    balance: Decimal
    charge_balance: Decimal
    total_balance: Decimal
    status: str | None
    role: str | None
    is_admin: bool | None
    raw: GeneratedUserInfo


def _decimal(response: httpx.Response, name: str, value: str) -> Decimal:
    # The generated model has checked it is a string; Decimal keeps every digit a float would lose.
    # The value stays out of the message (a hostile server could echo anything there).
    try:
        amount = Decimal(value)
    except InvalidOperation:
        amount = Decimal("NaN")
    if not amount.is_finite():
        message = (
            f"HTTP {response.status_code}: the body is not SiliconFlow's user info envelope: "
            f"data.{name}: expected a finite decimal string"
        )
        raise MalformedResponseError(message, response=response)
    return amount


def _opt(value: Any) -> Any:
    return None if isinstance(value, Unset) else value


def _user_info(response: httpx.Response) -> UserInfo:
    raw = model_of(response, UserInfoResponse).data
    return UserInfo(
        id=str(raw.id),
        balance=_decimal(response, "balance", raw.balance),
        charge_balance=_decimal(response, "chargeBalance", raw.charge_balance),
        total_balance=_decimal(response, "totalBalance", raw.total_balance),
        status=_opt(raw.status),
        role=_opt(raw.role),
        is_admin=_opt(raw.is_admin),
        raw=raw,
    )


def _retired(error: NotFoundError | GoneError) -> APIStatusError:
    if isinstance(error, GoneError):
        return GoneError(RETIRED, response=error.response, body=error.body, code=error.code)
    return UserInfoNotFoundError(RETIRED_HINT, response=error.response, body=error.body, code=error.code)


class User(SyncAPIResource):
    """`GET /user/info` for the sync client; same retries, timeouts and typed errors as chat."""

    def info(
        self, *, timeout: float | httpx.Timeout | None = None, max_retries: int | None = None
    ) -> UserInfo:
        """The account and its balances."""
        kwargs = _get_kwargs()
        try:
            response = self._request(kwargs, timeout=timeout, max_retries=max_retries)
        except (NotFoundError, GoneError) as error:
            raise _retired(error) from None
        return _user_info(response)

    @property
    def with_raw_response(self) -> UserWithRawResponse:
        """The same methods, returning the `RawResponse` of the request each sent."""
        return UserWithRawResponse(self)


class AsyncUser(AsyncAPIResource):
    """`GET /user/info` for the async client."""

    async def info(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,  # noqa: ASYNC109 - an HTTP timeout setting
        max_retries: int | None = None,
    ) -> UserInfo:
        """The account and its balances."""
        kwargs = _get_kwargs()
        try:
            response = await self._request(kwargs, timeout=timeout, max_retries=max_retries)
        except (NotFoundError, GoneError) as error:
            raise _retired(error) from None
        return _user_info(response)

    @property
    def with_raw_response(self) -> AsyncUserWithRawResponse:
        """The same methods, returning the `RawResponse` of the request each sent."""
        return AsyncUserWithRawResponse(self)


class UserWithRawResponse:
    """`user.with_raw_response`: derived from the methods, so the two cannot drift."""

    def __init__(self, resource: User) -> None:
        self.info = to_raw_response(resource.info)


class AsyncUserWithRawResponse:
    """The async twin of `UserWithRawResponse`."""

    def __init__(self, resource: AsyncUser) -> None:
        self.info = async_to_raw_response(resource.info)

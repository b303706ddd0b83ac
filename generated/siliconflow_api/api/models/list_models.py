from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.model_list import ModelList
from ...models.model_sub_type import ModelSubType
from ...models.model_type import ModelType
from ...models.rate_limit_error_body import RateLimitErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    type_: ModelType | Unset = UNSET,
    sub_type: ModelSubType | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_

    params["type"] = json_type_

    json_sub_type: str | Unset = UNSET
    if not isinstance(sub_type, Unset):
        json_sub_type = sub_type

    params["sub_type"] = json_sub_type

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/models",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | str | ModelList | RateLimitErrorBody | None:
    if response.status_code == 200:
        response_200 = ModelList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorBody.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = cast(str, response.json())
        return response_401

    if response.status_code == 403:

        def _parse_response_403(data: object) -> ErrorBody | str:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_403_type_0 = ErrorBody.from_dict(data)

                return response_403_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ErrorBody | str, data)

        response_403 = _parse_response_403(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = cast(str, response.json())
        return response_404

    if response.status_code == 429:
        response_429 = RateLimitErrorBody.from_dict(response.json())

        return response_429

    if response.status_code == 500:

        def _parse_response_500(data: object) -> ErrorBody | str:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_500_type_0 = ErrorBody.from_dict(data)

                return response_500_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ErrorBody | str, data)

        response_500 = _parse_response_500(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ErrorBody.from_dict(response.json())

        return response_503

    if response.status_code == 504:
        response_504 = cast(str, response.json())
        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | str | ModelList | RateLimitErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    type_: ModelType | Unset = UNSET,
    sub_type: ModelSubType | Unset = UNSET,
) -> Response[ErrorBody | str | ModelList | RateLimitErrorBody]:
    """List the models

     The models available to the account, optionally filtered by type and sub-type (`sub_type`
    works without `type`). One page: no pagination.

    Args:
        type_ (ModelType | Unset): The kind of model, as `GET /models?type=` takes it.
        sub_type (ModelSubType | Unset): The task of the model, as `GET /models?sub_type=` takes
            it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ErrorBody | str | ModelList | RateLimitErrorBody | str]
    """

    kwargs = _get_kwargs(
        type_=type_,
        sub_type=sub_type,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    type_: ModelType | Unset = UNSET,
    sub_type: ModelSubType | Unset = UNSET,
) -> ErrorBody | str | ModelList | RateLimitErrorBody | None:
    """List the models

     The models available to the account, optionally filtered by type and sub-type (`sub_type`
    works without `type`). One page: no pagination.

    Args:
        type_ (ModelType | Unset): The kind of model, as `GET /models?type=` takes it.
        sub_type (ModelSubType | Unset): The task of the model, as `GET /models?sub_type=` takes
            it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ErrorBody | str | ModelList | RateLimitErrorBody | str
    """

    return sync_detailed(
        client=client,
        type_=type_,
        sub_type=sub_type,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    type_: ModelType | Unset = UNSET,
    sub_type: ModelSubType | Unset = UNSET,
) -> Response[ErrorBody | str | ModelList | RateLimitErrorBody]:
    """List the models

     The models available to the account, optionally filtered by type and sub-type (`sub_type`
    works without `type`). One page: no pagination.

    Args:
        type_ (ModelType | Unset): The kind of model, as `GET /models?type=` takes it.
        sub_type (ModelSubType | Unset): The task of the model, as `GET /models?sub_type=` takes
            it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ErrorBody | str | ModelList | RateLimitErrorBody | str]
    """

    kwargs = _get_kwargs(
        type_=type_,
        sub_type=sub_type,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    type_: ModelType | Unset = UNSET,
    sub_type: ModelSubType | Unset = UNSET,
) -> ErrorBody | str | ModelList | RateLimitErrorBody | None:
    """List the models

     The models available to the account, optionally filtered by type and sub-type (`sub_type`
    works without `type`). One page: no pagination.

    Args:
        type_ (ModelType | Unset): The kind of model, as `GET /models?type=` takes it.
        sub_type (ModelSubType | Unset): The task of the model, as `GET /models?sub_type=` takes
            it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ErrorBody | str | ModelList | RateLimitErrorBody | str
    """

    return (
        await asyncio_detailed(
            client=client,
            type_=type_,
            sub_type=sub_type,
        )
    ).parsed

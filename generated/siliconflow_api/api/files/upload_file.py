from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.file_upload_request import FileUploadRequest
from ...models.file_upload_response import FileUploadResponse
from ...models.rate_limit_error_body import RateLimitErrorBody
from ...types import Response


def _get_kwargs(
    *,
    body: FileUploadRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/files",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | str | FileUploadResponse | RateLimitErrorBody | None:
    if response.status_code == 200:
        response_200 = FileUploadResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorBody.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = cast(str, response.json())
        return response_401

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | str | FileUploadResponse | RateLimitErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: FileUploadRequest,
) -> Response[ErrorBody | str | FileUploadResponse | RateLimitErrorBody]:
    """Upload a batch input file

     Uploads a `.jsonl` batch input (at most 1 GB and 5,000 lines; one request a line:
    `{"custom_id", "method": "POST", "url": "/v1/chat/completions", "body"}`).

    Args:
        body (FileUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ErrorBody | str | FileUploadResponse | RateLimitErrorBody | str]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: FileUploadRequest,
) -> ErrorBody | str | FileUploadResponse | RateLimitErrorBody | None:
    """Upload a batch input file

     Uploads a `.jsonl` batch input (at most 1 GB and 5,000 lines; one request a line:
    `{"custom_id", "method": "POST", "url": "/v1/chat/completions", "body"}`).

    Args:
        body (FileUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ErrorBody | str | FileUploadResponse | RateLimitErrorBody | str
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: FileUploadRequest,
) -> Response[ErrorBody | str | FileUploadResponse | RateLimitErrorBody]:
    """Upload a batch input file

     Uploads a `.jsonl` batch input (at most 1 GB and 5,000 lines; one request a line:
    `{"custom_id", "method": "POST", "url": "/v1/chat/completions", "body"}`).

    Args:
        body (FileUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ErrorBody | str | FileUploadResponse | RateLimitErrorBody | str]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: FileUploadRequest,
) -> ErrorBody | str | FileUploadResponse | RateLimitErrorBody | None:
    """Upload a batch input file

     Uploads a `.jsonl` batch input (at most 1 GB and 5,000 lines; one request a line:
    `{"custom_id", "method": "POST", "url": "/v1/chat/completions", "body"}`).

    Args:
        body (FileUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ErrorBody | str | FileUploadResponse | RateLimitErrorBody | str
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed

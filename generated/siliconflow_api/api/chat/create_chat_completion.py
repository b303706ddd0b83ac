from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.chat_completion import ChatCompletion
from ...models.chat_completion_request import ChatCompletionRequest
from ...models.error_body import ErrorBody
from ...models.rate_limit_error_body import RateLimitErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ChatCompletionRequest,
    x_trace_id: str | Unset = UNSET,
    traceparent: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_trace_id, Unset):
        headers["X-Trace-Id"] = x_trace_id

    if not isinstance(traceparent, Unset):
        headers["traceparent"] = traceparent

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/chat/completions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ChatCompletion | ErrorBody | str | RateLimitErrorBody | None:
    if response.status_code == 200:
        response_200 = ChatCompletion.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorBody.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = cast(str, response.json())
        return response_401

    if response.status_code == 402:
        response_402 = ErrorBody.from_dict(response.json())

        return response_402

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
) -> Response[ChatCompletion | ErrorBody | str | RateLimitErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ChatCompletionRequest,
    x_trace_id: str | Unset = UNSET,
    traceparent: str | Unset = UNSET,
) -> Response[ChatCompletion | ErrorBody | str | RateLimitErrorBody]:
    """Create a chat completion

     Creates a model response for the given conversation. With `stream: true` the answer comes as
    Server-Sent Events, one `chat.completion.chunk` per event, terminated by `data: [DONE]`.

    Args:
        x_trace_id (str | Unset):
        traceparent (str | Unset):
        body (ChatCompletionRequest): A chat completion request. Only the fields a caller sets are
            sent; fields this document does
            not know can be added and are passed through (the API ignores what it does not use).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatCompletion | ErrorBody | ErrorBody | str | RateLimitErrorBody | str]
    """

    kwargs = _get_kwargs(
        body=body,
        x_trace_id=x_trace_id,
        traceparent=traceparent,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ChatCompletionRequest,
    x_trace_id: str | Unset = UNSET,
    traceparent: str | Unset = UNSET,
) -> ChatCompletion | ErrorBody | str | RateLimitErrorBody | None:
    """Create a chat completion

     Creates a model response for the given conversation. With `stream: true` the answer comes as
    Server-Sent Events, one `chat.completion.chunk` per event, terminated by `data: [DONE]`.

    Args:
        x_trace_id (str | Unset):
        traceparent (str | Unset):
        body (ChatCompletionRequest): A chat completion request. Only the fields a caller sets are
            sent; fields this document does
            not know can be added and are passed through (the API ignores what it does not use).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatCompletion | ErrorBody | ErrorBody | str | RateLimitErrorBody | str
    """

    return sync_detailed(
        client=client,
        body=body,
        x_trace_id=x_trace_id,
        traceparent=traceparent,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ChatCompletionRequest,
    x_trace_id: str | Unset = UNSET,
    traceparent: str | Unset = UNSET,
) -> Response[ChatCompletion | ErrorBody | str | RateLimitErrorBody]:
    """Create a chat completion

     Creates a model response for the given conversation. With `stream: true` the answer comes as
    Server-Sent Events, one `chat.completion.chunk` per event, terminated by `data: [DONE]`.

    Args:
        x_trace_id (str | Unset):
        traceparent (str | Unset):
        body (ChatCompletionRequest): A chat completion request. Only the fields a caller sets are
            sent; fields this document does
            not know can be added and are passed through (the API ignores what it does not use).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatCompletion | ErrorBody | ErrorBody | str | RateLimitErrorBody | str]
    """

    kwargs = _get_kwargs(
        body=body,
        x_trace_id=x_trace_id,
        traceparent=traceparent,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ChatCompletionRequest,
    x_trace_id: str | Unset = UNSET,
    traceparent: str | Unset = UNSET,
) -> ChatCompletion | ErrorBody | str | RateLimitErrorBody | None:
    """Create a chat completion

     Creates a model response for the given conversation. With `stream: true` the answer comes as
    Server-Sent Events, one `chat.completion.chunk` per event, terminated by `data: [DONE]`.

    Args:
        x_trace_id (str | Unset):
        traceparent (str | Unset):
        body (ChatCompletionRequest): A chat completion request. Only the fields a caller sets are
            sent; fields this document does
            not know can be added and are passed through (the API ignores what it does not use).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatCompletion | ErrorBody | ErrorBody | str | RateLimitErrorBody | str
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_trace_id=x_trace_id,
            traceparent=traceparent,
        )
    ).parsed

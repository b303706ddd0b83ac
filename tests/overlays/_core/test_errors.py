"""Error bodies of every real shape parse, statuses map to the documented classes, messages help."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import httpx
import pytest
from siliconflow import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    GatewayTimeoutError,
    InsufficientBalanceError,
    InternalServerError,
    NotFoundError,
    OverloadedError,
    PermissionDeniedError,
    RateLimitError,
    SiliconFlowError,
    StreamAPIError,
    StreamError,
)
from siliconflow._core.error_bodies import ErrorDetails, connection_error, parse_error_body, status_error

if TYPE_CHECKING:
    from tests.overlays.conftest import Wire

REQUEST = httpx.Request("POST", "https://api.siliconflow.cn/v1/chat/completions")


def response(status: int, content: bytes, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, content=content, headers=headers, request=REQUEST)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param(
            b'{"code":20012,"message":"Model does not exist. Please check it carefully.","data":null}',
            ErrorDetails(
                20012,
                "Model does not exist. Please check it carefully.",
                {"code": 20012, "message": "Model does not exist. Please check it carefully.", "data": None},
            ),
            id="code-message-data",
        ),
        pytest.param(
            b'{"message":"Request was rejected due to rate limiting. Details:TPM limit reached.",'
            b'"data":null}',
            ErrorDetails(
                None,
                "Request was rejected due to rate limiting. Details:TPM limit reached.",
                {
                    "message": "Request was rejected due to rate limiting. Details:TPM limit reached.",
                    "data": None,
                },
            ),
            id="429-without-code",
        ),
        pytest.param(
            b'"Invalid token"', ErrorDetails(None, "Invalid token", "Invalid token"), id="bare-json-string"
        ),
        pytest.param(
            b"404 page not found\n",
            ErrorDetails(None, "404 page not found", "404 page not found"),
            id="plain-text",
        ),
        pytest.param(b"", ErrorDetails(None, "", None), id="empty"),
        pytest.param(b"  \n", ErrorDetails(None, "", None), id="blank"),
        pytest.param(
            b'{"error":{"message":"Incorrect API key","type":"invalid_request_error",'
            b'"code":"invalid_api_key"}}',
            ErrorDetails(
                None,
                "Incorrect API key",
                {
                    "error": {
                        "message": "Incorrect API key",
                        "type": "invalid_request_error",
                        "code": "invalid_api_key",
                    }
                },
            ),
            id="openai-envelope",
        ),
        pytest.param(
            b'{"error":{"message":"busy","code":"50505"}}',
            ErrorDetails(50505, "busy", {"error": {"message": "busy", "code": "50505"}}),
            id="openai-envelope-numeric-code",
        ),
        pytest.param(
            b'{"code":20015,"detail":"x"}',
            ErrorDetails(20015, '{"code": 20015, "detail": "x"}', {"code": 20015, "detail": "x"}),
            id="object-without-message",
        ),
        pytest.param(
            b'{"error": "upstream unavailable"}',
            ErrorDetails(None, "upstream unavailable", {"error": "upstream unavailable"}),
            id="envelope-with-a-string",
        ),
        pytest.param(b"[1, 2]", ErrorDetails(None, "[1, 2]", [1, 2]), id="json-array"),
        pytest.param(
            b"\xff\xfe not utf-8",
            ErrorDetails(None, "\ufffd\ufffd not utf-8", "\ufffd\ufffd not utf-8"),
            id="bad-utf8",
        ),
    ],
)
def test_parse_error_body_reads_every_real_shape(content: bytes, expected: ErrorDetails) -> None:
    assert parse_error_body(content) == expected


def test_parse_error_body_shortens_long_pages_but_keeps_the_body() -> None:
    page = "<html>" + "x" * 5000 + "</html>"
    details = parse_error_body(page.encode())
    assert len(details.message) < 600
    assert details.message.endswith("...")
    assert details.body == page


def test_the_fixture_400_becomes_a_bad_request_error_with_code_and_message(wire: Wire) -> None:
    raw = wire.fixture_bytes("error-400-model-not-found.http").replace(b"\r\n", b"\n")
    _, _, body = raw.partition(b"\n\n")
    error = status_error(response(400, body.strip(), {"x-siliconcloud-trace-id": "ti_abc"}))
    assert type(error) is BadRequestError
    assert (error.status_code, error.code, error.trace_id) == (400, 20012, "ti_abc")
    assert error.message == "Model does not exist. Please check it carefully."
    assert (
        str(error)
        == "HTTP 400 (code 20012): Model does not exist. Please check it carefully. [trace id ti_abc]"
    )


@pytest.mark.parametrize(
    ("status", "content", "error_class"),
    [
        (400, b'{"code":20015,"message":"bad"}', BadRequestError),
        (401, b'"Invalid token"', AuthenticationError),
        (
            402,
            b'{"code":30001,"message":"Sorry, your account balance is insufficient","data":null}',
            InsufficientBalanceError,
        ),
        (
            403,
            b'{"code":30001,"message":"Sorry, your account balance is insufficient","data":null}',
            InsufficientBalanceError,
        ),
        (403, b'"Forbidden"', PermissionDeniedError),
        (404, b"404 page not found", NotFoundError),
        (429, b'{"message":"TPM limit reached.","data":null}', RateLimitError),
        (500, b"", InternalServerError),
        (502, b"<html>Bad Gateway</html>", InternalServerError),
        (
            503,
            b'{"code":50505,"message":"Model service overloaded. Please try again later."}',
            OverloadedError,
        ),
        (504, b'"upstream timeout"', GatewayTimeoutError),
        (408, b"", APIStatusError),
        (409, b"conflict", APIStatusError),
        (302, b"", APIStatusError),
    ],
)
def test_status_errors_map_to_their_class(
    status: int, content: bytes, error_class: type[APIStatusError]
) -> None:
    error = status_error(response(status, content))
    assert type(error) is error_class
    assert isinstance(error, APIStatusError)
    assert isinstance(error, SiliconFlowError)
    assert error.status_code == status
    assert error.response.status_code == status
    assert error.request is REQUEST


def test_subclasses_are_caught_by_their_family() -> None:
    assert issubclass(OverloadedError, InternalServerError)
    assert issubclass(GatewayTimeoutError, InternalServerError)
    assert issubclass(APITimeoutError, APIConnectionError)
    assert issubclass(StreamAPIError, StreamError)


def test_empty_body_falls_back_to_the_reason_phrase() -> None:
    error = status_error(response(502, b""))
    assert str(error) == "HTTP 502: Bad Gateway"
    assert error.body is None
    assert error.code is None
    assert error.trace_id is None


def test_rate_limit_message_names_the_limit_and_has_no_code() -> None:
    body = {"message": "Request was rejected due to rate limiting. Details:TPM limit reached.", "data": None}
    error = status_error(response(429, json.dumps(body).encode()))
    assert str(error) == "HTTP 429: Request was rejected due to rate limiting. Details:TPM limit reached."
    assert error.body == body


def test_an_echoed_key_is_redacted_from_message_and_str() -> None:
    key = "sk-canary-echo-0123456789"
    request = httpx.Request(
        "POST", "https://x.test/v1/chat/completions", headers={"Authorization": f"Bearer {key}"}
    )
    echoed = httpx.Response(401, json={"message": f"Invalid API key: {key}"}, request=request)
    error = status_error(echoed)
    assert key not in error.message
    assert key not in str(error)
    assert key not in repr(error)
    assert "[redacted]" in error.message


def test_connection_errors_say_what_failed_and_how_often() -> None:
    request = httpx.Request("POST", "https://user:pw@api.siliconflow.cn/v1/chat/completions")
    timeout = connection_error(httpx.ReadTimeout("timed out"), request, attempts=3)
    assert type(timeout) is APITimeoutError
    assert timeout.request is request
    assert str(timeout) == (
        "Request timed out: POST https://api.siliconflow.cn/v1/chat/completions: timed out (after 3 attempts)"
    )
    reset = connection_error(httpx.ReadError(""), request, attempts=1)
    assert type(reset) is APIConnectionError
    assert str(reset) == "Connection error: POST https://api.siliconflow.cn/v1/chat/completions: ReadError"
    assert "pw" not in str(reset)

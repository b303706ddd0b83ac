"""The mock's ASGI app: POST /v1/chat/completions answered the way SiliconFlow answers it.

(The Batch API's files and batches routes, behind the same token, are in `batches`; per-model
rate limits, checked after validation, in `rate_limits`.)

Order of the checks, as a client sees them:
1. Bearer auth: a missing or wrong token gets 401 with the bare JSON string "Invalid token".
2. X-Mock-* headers (see `faults` and `bulk`): a bad value gets 400, code 20015, naming the header.
3. The body must be JSON (else 400, code 20015) valid against the spec's request schema (else 400,
   code 20015, naming the field and what is wrong).
4. Sentinel models: `mock/does-not-exist` gets 400 code 20012 (SiliconFlow's unknown-model error);
   `mock/no-json-mode` with `response_format: json_object` gets 400 code 20024. Any other model id
   is answered, unless it is a reasoning model that would refuse the request (`reasoning_rules`:
   missing reasoning replay, forced tool_choice while thinking; 400 code 20015).
5. The requested fault, if it strikes this attempt; then the answer (bulk, streamed or not).
GET /v1/models is answered from the mock's own table; GET /v1/user/info answers 410 Gone, as the
live server does since its retirement (see `listing`).
Every response carries an `x-siliconcloud-trace-id` header (the caller's `X-Trace-Id`, else the
trace-id of its `traceparent`, else a new one); other paths get 404 `404 page not found`
as plain text and other methods 405 with `Allow`, as Starlette routes do.
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, NoReturn, cast

import anyio
import anyio.to_thread
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import Message, Receive, Scope, Send

from siliconflow_mock import answers, bulk, json_answers, reasoning_rules, wire
from siliconflow_mock.batches import DEFAULT_STEP_SECONDS, BatchEngine
from siliconflow_mock.faults import (
    GATEWAY_TIMEOUT_MESSAGE,
    OVERLOADED_CODE,
    OVERLOADED_MESSAGE,
    RATE_LIMIT_MESSAGE,
    SERVER_ERROR_MESSAGE,
    AttemptCounter,
    Fault,
    FaultHeaderError,
    FaultSettings,
)
from siliconflow_mock.listing import Listing
from siliconflow_mock.rate_limits import RateLimiter, RateLimits, rate_limit_body
from siliconflow_mock.responses import (
    JSON_MEDIA_TYPE,
    TRANSPORT_SCOPE_KEY,
    ConnectionReset,
    EventStream,
    error_body,
    json_response,
    server_transport,
)
from siliconflow_mock.spec import CHAT_PATH, RequestValidator, default_spec_path, load_spec

DEFAULT_TOKEN = "sk-mock"  # noqa: S105 - the public test credential of a mock
BASE_PATH = "/v1"
TRACE_HEADER = b"x-siliconcloud-trace-id"

MISSING_MODEL = "mock/does-not-exist"
NO_JSON_MODE_MODEL = "mock/no-json-mode"

INVALID_TOKEN = "Invalid token"  # noqa: S105 - an error message, not a secret
INVALID_PARAMETER_CODE = 20015
MODEL_NOT_FOUND_CODE = 20012
MODEL_NOT_FOUND_MESSAGE = "Model does not exist. Please check it carefully."
NO_JSON_MODE_CODE = 20024
NO_JSON_MODE_MESSAGE = "Json mode is not supported for this model."


def create_app(
    *,
    token: str = DEFAULT_TOKEN,
    spec_path: Path | None = None,
    rate_limits: RateLimits | None = None,
    batch_step_seconds: float = DEFAULT_STEP_SECONDS,
) -> Starlette:
    """The mock app, accepting `Authorization: Bearer <token>` and validating against the spec.

    `rate_limits`: per-model limits answered with SiliconFlow's 429 (see `rate_limits`);
    `batch_step_seconds`: how long each batch status lasts (see `batches`)."""
    if not token:
        raise ValueError("the mock's token must not be empty")
    spec = load_spec(spec_path or default_spec_path())
    validator = RequestValidator(spec)
    limiter = RateLimiter(rate_limits) if rate_limits else None
    endpoint = ChatCompletions(token=token, validator=validator, limiter=limiter)
    listing = Listing(spec, endpoint.check_request_token)
    engine = BatchEngine(
        spec=spec,
        authorized=lambda header: token_matches(header, token),
        chat_validator=validator,
        step_seconds=batch_step_seconds,
    )
    return MockApp(
        routes=[
            Route(BASE_PATH + CHAT_PATH, endpoint.handle, methods=["POST"]),
            Route(BASE_PATH + "/models", _answering(listing.models), methods=["GET"]),
            Route(BASE_PATH + "/user/info", _answering(listing.user_info), methods=["GET"]),
            *engine.routes(BASE_PATH),
        ],
        exception_handlers={404: _not_found},
    )


class MockApp(Starlette):
    """Starlette plus two things every response needs: the trace-id header and the socket for resets."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        scope[TRANSPORT_SCOPE_KEY] = server_transport(send)
        trace_id = caller_trace_id(scope.get("headers", [])) or answers.new_id().encode()

        async def send_with_trace_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), (TRACE_HEADER, trace_id)]}
            await send(message)

        await super().__call__(scope, receive, send_with_trace_id)


_CALLER_TRACE_ID = re.compile(rb"[\x21-\x7e]{1,256}")
_TRACEPARENT = re.compile(rb"[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}")


def caller_trace_id(headers: list[tuple[bytes, bytes]]) -> bytes | None:
    """The caller's `X-Trace-Id`, else the trace-id of its W3C `traceparent`: echoed as the trace id."""
    found = dict(headers)
    value = found.get(b"x-trace-id", b"").strip()
    if _CALLER_TRACE_ID.fullmatch(value):
        return value
    parent = _TRACEPARENT.fullmatch(found.get(b"traceparent", b"").strip())
    return parent.group(1) if parent else None


def token_matches(header: str, token: str) -> bool:
    """Whether an Authorization header carries `Bearer <token>` (the scheme in any case)."""
    scheme, _, credentials = header.partition(" ")
    return scheme.lower() == "bearer" and secrets.compare_digest(
        credentials.strip().encode("utf-8", "replace"), token.encode()
    )


async def _not_found(request: Request, exc: Exception) -> Response:
    # SiliconFlow's gateway answers an unknown path the way Go's net/http does.
    return PlainTextResponse("404 page not found", status_code=404)


def _invalid(message: str) -> Response:
    return json_response(400, error_body(INVALID_PARAMETER_CODE, message))


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not valid JSON")


class Rejected(Exception):
    """Raised by a check to answer the request with `response` instead of a completion."""

    def __init__(self, response: Response) -> None:
        super().__init__(response.status_code)
        self.response = response


def _answering(handler: Callable[[Request], Awaitable[Response]]) -> Callable[[Request], Awaitable[Response]]:
    """`handler`, with a `Rejected` check answered by its response."""

    async def handle(request: Request) -> Response:
        try:
            return await handler(request)
        except Rejected as rejected:
            return rejected.response

    return handle


class ChatCompletions:
    """The one endpoint. Holds the token, the spec's validator and the fault attempt counter."""

    def __init__(
        self, *, token: str, validator: RequestValidator, limiter: RateLimiter | None = None
    ) -> None:
        self._token = token.encode()
        self._validator = validator
        self._attempts = AttemptCounter()
        self._limiter = limiter

    async def handle(self, request: Request) -> Response:
        try:
            return await self._complete(request)
        except Rejected as rejected:
            return rejected.response

    async def _complete(self, request: Request) -> Response:
        self._check_token(request.headers.get("authorization", ""))
        faults, bulk_chunks = _mock_settings(request)
        raw = await request.body()
        body = self._parse(raw)
        _check_model(body)
        result = answers.answer(body)
        # Whether the model thinks on this request is what its answer shows (answers.py decides).
        thinks = any(choice.reasoning is not None for choice in result.choices)
        problem = reasoning_rules.problem(body, thinks=thinks)
        if problem is not None:
            raise Rejected(_invalid(problem))
        stream = body.get("stream") is True
        _check_fault_fits(faults, stream=stream, bulk=bulk_chunks is not None)
        _check_json_fault_fits(faults, body, bulk=bulk_chunks is not None)
        stream_fault = await self._strike(faults, raw)

        model = body["model"]
        self._admit(model)
        # A first rendering of a big bulk answer takes seconds: off the event loop, so others are served.
        if bulk_chunks is not None and stream:
            blocks = await anyio.to_thread.run_sync(bulk.stream_blocks, bulk_chunks, model)
            self._charge(model, bulk_chunks + 1)
            return EventStream(blocks, pause_seconds=faults.chunk_delay_seconds)
        if bulk_chunks is not None:
            content = await anyio.to_thread.run_sync(bulk.completion_body, bulk_chunks, model)
            self._charge(model, bulk_chunks + 1)
            return Response(content, media_type=JSON_MEDIA_TYPE)
        if stream_fault is Fault.INVALID_JSON:
            result, stream_fault = json_answers.with_invalid_json(result), None
        self._charge(model, result.prompt_tokens + result.completion_tokens)
        if not stream:
            return Response(wire.dumps(wire.completion(result)), media_type=JSON_MEDIA_TYPE)
        return EventStream(
            wire.stream_events(result),
            fault=stream_fault,
            after=faults.after,
            pause_seconds=faults.chunk_delay_seconds,
        )

    def check_request_token(self, request: Request) -> None:
        """Raise `Rejected` (401) unless the request carries the mock's token."""
        self._check_token(request.headers.get("authorization", ""))

    def _admit(self, model: str) -> None:
        if self._limiter is not None and (metric := self._limiter.admit(model)) is not None:
            raise Rejected(json_response(429, rate_limit_body(metric)))

    def _charge(self, model: str, tokens: int) -> None:
        if self._limiter is not None:
            self._limiter.charge(model, tokens)

    def _check_token(self, header: str) -> None:
        if not token_matches(header, self._token.decode()):
            raise Rejected(json_response(401, INVALID_TOKEN))

    def _parse(self, raw: bytes) -> dict[str, Any]:
        """The decoded body, valid against the spec."""
        try:
            body = json.loads(raw, parse_constant=_reject_constant)
        except (ValueError, RecursionError) as exc:
            raise Rejected(_invalid(f"request body is not valid JSON: {exc}")) from None
        try:
            problem = self._validator.problem(body)
        except RecursionError:
            problem = "request body: nested too deeply"
        if problem is not None:
            raise Rejected(_invalid(problem))
        return cast("dict[str, Any]", body)

    async def _strike(self, faults: FaultSettings, raw: bytes) -> Fault | None:
        """Apply the fault if it strikes this attempt: raise its response, or return a stream fault."""
        if not self._attempts.strikes(faults, raw) or faults.fault is None:
            return None
        if faults.fault.in_stream or faults.fault is Fault.INVALID_JSON:
            return faults.fault
        if faults.fault is Fault.SLOW_FIRST_BYTE:
            await anyio.sleep(faults.delay_seconds)
            return None
        raise Rejected(_fault_response(faults))


def _mock_settings(request: Request) -> tuple[FaultSettings, int | None]:
    try:
        return FaultSettings.from_headers(request.headers), bulk.parse_chunks(
            request.headers.get(bulk.BULK_HEADER)
        )
    except (FaultHeaderError, bulk.BulkHeaderError) as exc:
        raise Rejected(_invalid(str(exc))) from None


def _check_model(body: dict[str, Any]) -> None:
    model = body["model"]
    if model == MISSING_MODEL:
        raise Rejected(json_response(400, error_body(MODEL_NOT_FOUND_CODE, MODEL_NOT_FOUND_MESSAGE)))
    json_mode = (body.get("response_format") or {}).get("type") == "json_object"
    if model == NO_JSON_MODE_MODEL and json_mode:
        raise Rejected(json_response(400, error_body(NO_JSON_MODE_CODE, NO_JSON_MODE_MESSAGE)))


def _check_json_fault_fits(faults: FaultSettings, body: dict[str, Any], *, bulk: bool) -> None:
    if faults.fault is not Fault.INVALID_JSON:
        return
    kind = (body.get("response_format") or {}).get("type")
    if kind not in ("json_object", "json_schema"):
        raise Rejected(_invalid("X-Mock-Fault: invalid-json needs a JSON response_format"))
    if bulk:
        raise Rejected(_invalid("X-Mock-Fault: invalid-json cannot be combined with X-Mock-Bulk-Chunks"))


def _check_fault_fits(faults: FaultSettings, *, stream: bool, bulk: bool) -> None:
    if faults.fault is None or not faults.fault.in_stream:
        return
    if not stream:
        raise Rejected(_invalid(f'X-Mock-Fault: {faults.fault} needs a request with "stream": true'))
    if bulk:
        raise Rejected(_invalid(f"X-Mock-Fault: {faults.fault} cannot be combined with X-Mock-Bulk-Chunks"))


_RATE_LIMITED = {"message": RATE_LIMIT_MESSAGE, "data": None}
# fault -> (status, body, retry header name or None, its default value)
_FAULT_RESPONSES: dict[Fault, tuple[int, object, str | None, str]] = {
    Fault.RATE_LIMIT: (429, _RATE_LIMITED, None, ""),
    Fault.RATE_LIMIT_RETRY_AFTER: (429, _RATE_LIMITED, "retry-after", "1"),
    Fault.RATE_LIMIT_RETRY_AFTER_MS: (429, _RATE_LIMITED, "retry-after-ms", "100"),
    Fault.OVERLOADED: (503, error_body(OVERLOADED_CODE, OVERLOADED_MESSAGE), None, ""),
    Fault.GATEWAY_TIMEOUT: (504, GATEWAY_TIMEOUT_MESSAGE, None, ""),
    Fault.SERVER_ERROR: (500, SERVER_ERROR_MESSAGE, None, ""),
}


def _fault_response(faults: FaultSettings) -> Response:
    if faults.fault is Fault.CONNECTION_RESET:
        return ConnectionReset()
    assert faults.fault is not None
    status, body, retry_header, default = _FAULT_RESPONSES[faults.fault]
    headers = {retry_header: faults.retry_after or default} if retry_header else None
    return json_response(status, body, headers)

"""The custom pieces of the contract runs: the SSE wire-shape reader and the live-run cost bound."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from siliconflow_mock.reasoning_rules import FORCED_TOOL_CHOICE_MESSAGE, REPLAY_MISSING_MESSAGE
from siliconflow_mock.spec import RequestValidator
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tests.contract.contract_kit import Case, load_schema, load_spec, operation
from tests.contract.schemathesis_hooks import (
    CHEAP_MODEL,
    LIVE_ENV,
    LIVE_MAX_TOKENS,
    LIVE_THINKING_BUDGET,
    MODEL_ENV,
    _refused_for_the_model,
    before_call,
    make_cheap,
    sse_payloads,
)

schema = load_schema()
validator = RequestValidator(load_spec())


def test_siliconflow_s_stream_reads_as_its_payloads() -> None:
    body = b'data: {"a":1}\n\ndata: {"b":2}\n\ndata: [DONE]\n\n'
    assert sse_payloads(body) == ['{"a":1}', '{"b":2}', "[DONE]"]


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (b": keep-alive\n\ndata: [DONE]\n\n", "event #0 is not a single data line"),
        (b"event: message\ndata: {}\n\n", "event #0 is not a single data line"),
        (b"data: {\ndata: }\n\n", "event #0 is not a single data line"),
        (b"data: [DONE]\n", "the stream does not end with a blank line"),
        (b"data: {}\r\n\r\n", "the stream does not end with a blank line"),
    ],
)
def test_anything_but_single_data_lines_is_reported(body: bytes, problem: str) -> None:
    with pytest.raises(AssertionError, match=problem):
        sse_payloads(body)


def test_a_stream_read_in_part_may_end_inside_an_event() -> None:
    assert sse_payloads(b'data: {"a":1}\n\ndata: {"b"', cut_short=True) == ['{"a":1}']


@pytest.mark.slow
@given(case=operation(schema).as_strategy())
@settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_a_cheap_body_is_still_valid_and_bounded(case: Case) -> None:
    assert isinstance(case.body, dict)
    body: dict[str, Any] = copy.deepcopy(case.body)
    make_cheap(body, model=CHEAP_MODEL)
    assert validator.problem(body) is None
    assert body["model"] == CHEAP_MODEL
    assert body["n"] == 1
    assert 1 <= body["max_tokens"] <= LIVE_MAX_TOKENS
    assert body["thinking_budget"] == LIVE_THINKING_BUDGET
    assert len(body["messages"]) == 1
    assert len(body["messages"][0]["content"]) <= 64
    assert len(body.get("tools", [])) <= 2


def live_body() -> dict[str, Any]:
    return {
        "model": "Pro/zai-org/GLM-4.7",
        "messages": [{"role": "user", "content": "x" * 500}],
        "max_tokens": 4096,
    }


def test_requests_are_made_cheap_only_in_a_live_run(monkeypatch: pytest.MonkeyPatch) -> None:
    case = operation(schema).Case(body=live_body(), media_type="application/json")
    monkeypatch.delenv(LIVE_ENV, raising=False)
    before_call(None, case, {})
    assert case.body == live_body()

    monkeypatch.setenv(LIVE_ENV, "1")
    monkeypatch.setenv(MODEL_ENV, "THUDM/GLM-4-9B-0414")
    before_call(None, case, {})
    assert isinstance(case.body, dict)
    assert case.body["model"] == "THUDM/GLM-4-9B-0414"
    assert case.body["max_tokens"] == LIVE_MAX_TOKENS


def test_schemathesis_sends_the_cheap_body_in_a_live_run(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[dict[str, Any]] = []

    async def record(request: Request) -> Response:
        seen.append(json.loads(await request.body()))
        return Response(b"{}", media_type="application/json")

    recorder = Starlette(routes=[Route("/v1/chat/completions", record, methods=["POST"])])

    monkeypatch.setenv(LIVE_ENV, "1")
    monkeypatch.delenv(MODEL_ENV, raising=False)
    case = operation(load_schema(app=recorder)).Case(body=live_body(), media_type="application/json")
    case.call()
    assert seen[0]["model"] == CHEAP_MODEL
    assert seen[0]["max_tokens"] == LIVE_MAX_TOKENS


@pytest.mark.parametrize(
    ("body", "excused"),
    [
        ({"code": 20012, "message": "Model does not exist."}, True),
        ({"code": 20015, "message": REPLAY_MISSING_MESSAGE.format(index=1)}, True),
        ({"code": 20015, "message": FORCED_TOOL_CHOICE_MESSAGE.format(choice='"required"')}, True),
        ({"code": 20015, "message": "messages[0].content: 5 is not of type 'string'"}, False),
        ({"message": "thinking is enabled but reasoning_content is missing"}, False),
        ("Invalid token", False),
    ],
)
def test_only_the_model_refusals_of_valid_data_are_excused(body: object, excused: bool) -> None:
    class Answer:
        content = json.dumps(body).encode()

    assert _refused_for_the_model(Answer()) is excused  # type: ignore[arg-type]

"""The contract tests have teeth: a deliberately wrong spec or mock makes the same checks fail.

Each test sends cases through the contract tests' own `check` (every enabled check, the custom ones
included) against a broken variant and expects a particular schemathesis failure code:
ST108 response (or SSE event) violates the schema, ST401 invalid auth accepted, ST202 valid data
rejected, ST901 a custom check. The first test shows the same cases pass on the real spec and mock.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.core.failures import FailureGroup
from siliconflow_mock import answers, create_app, wire
from siliconflow_mock.app import ChatCompletions, Rejected
from siliconflow_mock.responses import JSON_MEDIA_TYPE, error_body, json_response
from starlette.responses import Response

from tests.contract.contract_kit import AUTH, Case, check, load_schema, load_spec, operation

PLAIN: dict[str, Any] = {"model": "Qwen/Qwen3-8B", "messages": [{"role": "user", "content": "Hi"}]}
STREAMED: dict[str, Any] = {**PLAIN, "stream": True}


def failure_codes(schema: Any, body: dict[str, Any]) -> set[str]:
    """The codes of the failures the contract checks find for one request (empty: it passes).

    The request is answered (200) in every variant here, so a pass means the checks saw an answer.
    """
    case = operation(schema).Case(body=body, media_type="application/json", headers=dict(AUTH))
    assert case.call().status_code == 200
    try:
        check(case)
    except FailureGroup as group:
        return {failure.code for failure in group.exceptions}
    return set()


def failure_messages(schema: Any, body: dict[str, Any]) -> str:
    case = operation(schema).Case(body=body, media_type="application/json", headers=dict(AUTH))
    with pytest.raises(FailureGroup) as caught:
        check(case)
    return "\n".join(failure.message for failure in caught.value.exceptions)


def generated_failure_codes(schema: Any, examples: int = 5) -> set[str]:
    """The failure codes found over a few generated schema-valid cases (which carry their metadata)."""
    codes: set[str] = set()

    @given(case=operation(schema).as_strategy(generation_mode=schemathesis.GenerationMode.POSITIVE))
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case: Case) -> None:
        try:
            check(case)
        except FailureGroup as group:
            codes.update(failure.code for failure in group.exceptions)

    run()
    return codes


def refusing(code: int, message: str) -> Callable[[dict[str, Any]], None]:
    """A replacement of the mock's model check that refuses every request with a 400 of `code`."""

    def refuse(body: dict[str, Any]) -> None:
        raise Rejected(json_response(400, error_body(code, message)))

    return refuse


def with_spec_change(change: Callable[[dict[str, Any]], None]) -> Any:
    spec = load_spec()
    change(spec)
    return load_schema(spec, app=create_app())


def test_the_same_requests_pass_on_the_real_spec_and_mock() -> None:
    schema = load_schema(app=create_app())
    assert failure_codes(schema, PLAIN) == set()
    assert failure_codes(schema, STREAMED) == set()


def test_a_spec_with_a_wrong_response_field_type_fails() -> None:
    def created_as_string(spec: dict[str, Any]) -> None:
        spec["components"]["schemas"]["ChatCompletion"]["properties"]["created"]["type"] = "string"

    assert failure_codes(with_spec_change(created_as_string), PLAIN) == {"ST108"}


def test_a_spec_with_a_wrong_chunk_field_type_fails_on_every_streamed_event() -> None:
    def chunk_created_as_string(spec: dict[str, Any]) -> None:
        spec["components"]["schemas"]["ChatCompletionChunk"]["properties"]["created"]["type"] = "string"

    schema = with_spec_change(chunk_created_as_string)
    # Built-in SSE validation (ST108) and the custom per-chunk check (ST901) both catch it.
    assert failure_codes(schema, STREAMED) == {"ST108", "ST901"}
    assert failure_codes(schema, PLAIN) == set()


def test_a_mock_that_drops_a_required_field_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    real = wire.completion

    def without_created(answer: answers.Answer) -> dict[str, Any]:
        body = real(answer)
        del body["created"]
        return body

    monkeypatch.setattr(wire, "completion", without_created)
    schema = load_schema(app=create_app())
    assert failure_codes(schema, PLAIN) == {"ST108"}
    assert '"created" is a required property' in failure_messages(schema, PLAIN)


def test_a_mock_that_drops_a_required_chunk_field_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    real = wire.stream_chunks

    def without_choice_index(answer: answers.Answer) -> list[dict[str, Any]]:
        chunks = real(answer)
        for chunk in chunks:
            del chunk["choices"][0]["index"]
        return chunks

    monkeypatch.setattr(wire, "stream_chunks", without_choice_index)
    schema = load_schema(app=create_app())
    assert failure_codes(schema, STREAMED) == {"ST108", "ST901"}
    assert failure_codes(schema, PLAIN) == set()


def test_a_mock_that_accepts_a_wrong_token_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ChatCompletions, "_check_token", lambda self, header: None)
    schema = load_schema(app=create_app())
    assert failure_codes(schema, PLAIN) == {"ST401"}


def test_a_mock_that_ignores_the_stream_flag_fails_the_custom_check(monkeypatch: pytest.MonkeyPatch) -> None:
    # The built-in content-type check accepts either media type for a 200: only the custom check sees it.
    def json_instead(pieces: object, **options: object) -> Response:
        return Response(wire.dumps(wire.completion(answers.answer(PLAIN))), media_type=JSON_MEDIA_TYPE)

    monkeypatch.setattr("siliconflow_mock.app.EventStream", json_instead)
    schema = load_schema(app=create_app())
    assert failure_codes(schema, STREAMED) == {"ST901"}
    assert "stream is true: expected text/event-stream" in failure_messages(schema, STREAMED)


def test_a_stream_without_done_fails_the_custom_check(monkeypatch: pytest.MonkeyPatch) -> None:
    real = wire.stream_events
    monkeypatch.setattr(wire, "stream_events", lambda answer: real(answer)[:-1])
    schema = load_schema(app=create_app())
    assert failure_codes(schema, STREAMED) == {"ST901"}
    assert "the stream does not end with data: [DONE]" in failure_messages(schema, STREAMED)


@pytest.mark.slow
def test_a_mock_that_rejects_valid_data_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("siliconflow_mock.app._check_model", refusing(20015, "Input validation error"))
    assert generated_failure_codes(load_schema(app=create_app())) == {"ST202"}


def test_an_unknown_model_refusal_is_not_a_rejection_of_valid_data(monkeypatch: pytest.MonkeyPatch) -> None:
    # What SiliconFlow does for a model that does not exist; schemathesis.toml explains the exception.
    monkeypatch.setattr("siliconflow_mock.app._check_model", refusing(20012, "Model does not exist."))
    assert generated_failure_codes(load_schema(app=create_app())) == set()

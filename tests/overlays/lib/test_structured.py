"""Structured output against the mock over loopback, sync and async: every output type, retries, length."""

from __future__ import annotations

import dataclasses
import json
import uuid
from typing import Any, Literal, TypedDict

import attrs
import httpx
import pydantic
import pytest
from siliconflow import AsyncSiliconFlow, SiliconFlow
from siliconflow.lib.structured import LengthFinishReasonError, ParsedCompletion, StructuredOutputError
from siliconflow_api.models import ChatCompletionRequest
from siliconflow_mock import RunningMock

pytestmark = pytest.mark.anyio
SCHEMA_MODEL = "Qwen/Qwen3-8B"  # the model table trusts it with json_schema
OBJECT_MODEL = "deepseek-ai/DeepSeek-V3"  # json_object, with the schema in a system message


@attrs.frozen
class CityAttrs:
    name: str
    population: int
    tags: list[str] = attrs.field(factory=list)


@dataclasses.dataclass
class CityData:
    name: str
    population: int
    kind: Literal["capital", "town"] = "town"


class CityDict(TypedDict):
    name: str
    population: int


class CityModel(pydantic.BaseModel):
    name: str
    population: int


CITY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"name": {"type": "string"}, "population": {"type": "integer"}},
    "required": ["name", "population"],
}


def ask(model: str, **fields: Any) -> ChatCompletionRequest:
    body = {"model": model, "messages": [{"role": "user", "content": "Name a city."}], **fields}
    return ChatCompletionRequest.from_dict(body)


class Twin:
    def __init__(self, mock: RunningMock, is_async: bool) -> None:
        self.is_async = is_async
        self.sync_client = SiliconFlow(api_key=mock.token, base_url=mock.base_url, max_retries=0)
        self.async_client = AsyncSiliconFlow(api_key=mock.token, base_url=mock.base_url, max_retries=0)

    async def parse(
        self, request: ChatCompletionRequest, output_type: Any, **kwargs: Any
    ) -> ParsedCompletion[Any]:
        if self.is_async:
            return await self.async_client.parse(request, output_type, **kwargs)
        return self.sync_client.parse(request, output_type, **kwargs)


@pytest.fixture(params=["sync", "async"])
async def twin(request: pytest.FixtureRequest, mock_server: RunningMock) -> Any:
    pair = Twin(mock_server, request.param == "async")
    yield pair
    pair.sync_client.close()
    await pair.async_client.aclose()


@pytest.mark.parametrize("model", [SCHEMA_MODEL, OBJECT_MODEL])
@pytest.mark.parametrize(
    ("output_type", "expected"),
    [
        (CITY_SCHEMA, {"name": "mock", "population": 1}),
        (CityAttrs, CityAttrs("mock", 1, ["mock"][:0])),
        (CityData, CityData("mock", 1, "capital")),
        (CityDict, {"name": "mock", "population": 1}),
        (CityModel, CityModel(name="mock", population=1)),
    ],
)
async def test_each_output_type_comes_back_typed(
    twin: Twin, model: str, output_type: Any, expected: Any
) -> None:
    result = await twin.parse(ask(model), output_type)
    assert result.parsed == expected
    assert type(result.parsed) is type(expected)
    assert result.attempts == 1
    assert result.completion.choices[0].finish_reason == "stop"


@pytest.mark.parametrize("mode", ["auto", "json_schema", "json_object"])
@pytest.mark.parametrize("model", [SCHEMA_MODEL, OBJECT_MODEL])
def test_the_response_format_follows_the_model_table(model: str, mode: Any) -> None:
    sent: list[dict[str, Any]] = []
    answer = '{"name": "Lyon", "population": 5}'

    def reply(request: httpx.Request) -> httpx.Response:
        sent.append(json.loads(request.content))
        message = {"role": "assistant", "content": answer}
        choice = {"index": 0, "message": message, "finish_reason": "stop"}
        return httpx.Response(
            200,
            json={"id": "x", "object": "chat.completion", "created": 1, "model": model, "choices": [choice]},
        )

    with SiliconFlow(api_key="sk-test-0123456789", transport=httpx.MockTransport(reply)) as client:
        client.parse(
            ask(
                model,
                messages=[{"role": "system", "content": "Be brief."}, {"role": "user", "content": "A city?"}],
            ),
            CityData,
            mode=mode,
        )
    (body,) = sent
    uses_schema = mode == "json_schema" or (mode == "auto" and model == SCHEMA_MODEL)
    if uses_schema:
        assert body["response_format"]["type"] == "json_schema"
        assert body["response_format"]["json_schema"]["name"] == "CityData"
        assert body["response_format"]["json_schema"]["schema"]["required"] == ["name", "population"]
        assert [m["role"] for m in body["messages"]] == ["system", "user"]
    else:
        assert body["response_format"] == {"type": "json_object"}
        assert [m["role"] for m in body["messages"]] == ["system", "system", "user"]
        assert '"population": {"type": "integer"}' in body["messages"][1]["content"]


async def test_invalid_json_is_retried_with_the_problem_stated(twin: Twin) -> None:
    fault = {"X-Mock-Fault": "invalid-json", "X-Mock-Fault-Times": "1", "X-Mock-Fault-Key": uuid.uuid4().hex}
    result = await twin.parse(ask(SCHEMA_MODEL), CityAttrs, extra_headers=fault)
    assert result.parsed == CityAttrs("mock", 1)
    assert result.attempts == 2


async def test_every_attempt_invalid_is_a_typed_error_with_the_problems(twin: Twin) -> None:
    fault = {"X-Mock-Fault": "invalid-json"}
    with pytest.raises(StructuredOutputError) as caught:
        await twin.parse(ask(OBJECT_MODEL), CITY_SCHEMA, max_attempts=2, extra_headers=fault)
    assert len(caught.value.problems) == 2
    assert all(problem.startswith("it is not valid JSON") for problem in caught.value.problems)
    assert caught.value.completion.choices


async def test_a_schema_violation_names_the_field(twin: Twin) -> None:
    # The mock answers every string "mock"; a pattern is the one thing it cannot satisfy.
    schema = {
        "type": "object",
        "properties": {"code": {"type": "string", "pattern": "^[0-9]+$"}},
        "required": ["code"],
    }
    with pytest.raises(StructuredOutputError, match=r"code: 'mock' does not match"):
        await twin.parse(ask(SCHEMA_MODEL), schema, max_attempts=1)


async def test_finish_reason_length_is_a_typed_error_with_usage(twin: Twin) -> None:
    with pytest.raises(LengthFinishReasonError) as caught:
        await twin.parse(ask(SCHEMA_MODEL, max_tokens=3), CityData)
    error = caught.value
    assert error.completion.choices[0].finish_reason == "length"
    assert error.usage is not None
    assert error.usage.reasoning_tokens > 0
    assert "finish_reason: length" in str(error)


async def test_caller_mistakes_are_refused_before_sending(twin: Twin) -> None:
    with pytest.raises(ValueError, match="not a valid JSON Schema"):
        await twin.parse(ask(SCHEMA_MODEL), {"type": 12})
    with pytest.raises(TypeError, match="output_type"):
        await twin.parse(ask(SCHEMA_MODEL), 42)
    with pytest.raises(ValueError, match="response_format"):
        await twin.parse(ask(SCHEMA_MODEL, response_format={"type": "json_object"}), CityData)
    with pytest.raises(ValueError, match="max_attempts"):
        await twin.parse(ask(SCHEMA_MODEL), CityData, max_attempts=0)


def test_a_think_block_and_a_code_fence_around_the_json_are_stripped() -> None:
    content = '<think>The user wants a city.</think>\n```json\n{"name": "Lyon", "population": 5}\n```'
    body = {
        "id": "x",
        "object": "chat.completion",
        "created": 1,
        "model": "m",
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}
        ],
    }
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=body))
    with SiliconFlow(api_key="sk-test-0123456789", transport=transport) as client:
        result = client.parse(ask("some/model"), CityData)
    assert result.parsed == CityData("Lyon", 5)
    sent = json.dumps(result.completion.to_dict())
    assert "Lyon" in sent

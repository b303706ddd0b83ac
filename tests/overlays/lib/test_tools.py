"""The tool runner against the mock over loopback, sync and async (one scenario body, both twins)."""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Sequence
from typing import Any, Literal, TypedDict

import anyio
import attrs
import pytest
from siliconflow import AsyncSiliconFlow, BadRequestError, SiliconFlow
from siliconflow.lib.events import AnswerEvent, FinishEvent, ReasoningEvent, ToolCallEvent
from siliconflow.lib.messages import assistant_message
from siliconflow.lib.tools import (
    MaxRoundsError,
    Tool,
    ToolChoiceThinkingError,
    ToolResultEvent,
    ToolRunResult,
)
from siliconflow_api.models import AssistantMessage, ChatCompletion, ChatCompletionRequest, ToolMessage
from siliconflow_mock import RunningMock

pytestmark = pytest.mark.anyio
KIMI = "Pro/moonshotai/Kimi-K2.5"  # needs its reasoning replayed; in the client's table
UNKNOWN_REPLAY = "mock/replay-required"  # needs it too; in no client table


def ask(prompt: str, model: str = KIMI, **fields: Any) -> ChatCompletionRequest:
    body = {"model": model, "messages": [{"role": "user", "content": prompt}], "enable_thinking": True}
    return ChatCompletionRequest.from_dict({**body, **fields})


def get_city(person: str) -> str:
    """Where a person lives.

    Args:
        person: the person's name.
    """
    return "Paris; now call get_weather"


def get_weather(city: str, unit: Literal["C", "F"] = "C") -> dict[str, str]:
    """The weather in a city now."""
    return {"city": city, "sky": "sunny", "unit": unit}


def get_time(city: str) -> str:
    """The local time in a city."""
    return "12:00"


class Twin:
    def __init__(self, mock: RunningMock, is_async: bool) -> None:
        self.mock = mock
        self.is_async = is_async
        self.sync_client = SiliconFlow(api_key=mock.token, base_url=mock.base_url, max_retries=0)
        self.async_client = AsyncSiliconFlow(api_key=mock.token, base_url=mock.base_url, max_retries=0)

    async def run(self, request: ChatCompletionRequest, tools: Sequence[Any], **kwargs: Any) -> ToolRunResult:
        if self.is_async:
            return await self.async_client.run_tools(request, tools, **kwargs)
        return self.sync_client.run_tools(request, tools, **kwargs)

    async def create(self, request: ChatCompletionRequest) -> ChatCompletion:
        if self.is_async:
            return await self.async_client.create(request)
        return self.sync_client.create(request)

    async def stream(
        self, request: ChatCompletionRequest, tools: Sequence[Any], **kwargs: Any
    ) -> tuple[list[Any], ToolRunResult]:
        if self.is_async:
            astream = self.async_client.stream_tools(request, tools, **kwargs)
            return [event async for event in astream], astream.result
        stream = self.sync_client.stream_tools(request, tools, **kwargs)
        return list(stream), stream.result

    def learned(self) -> set[str]:
        client: Any = self.async_client if self.is_async else self.sync_client
        return set(client._learned_replay)


@pytest.fixture(params=["sync", "async"])
async def twin(request: pytest.FixtureRequest, mock_server: RunningMock) -> Any:
    pair = Twin(mock_server, request.param == "async")
    yield pair
    pair.sync_client.close()
    await pair.async_client.aclose()


def tool_messages(result: ToolRunResult) -> list[ToolMessage]:
    return [m for m in result.messages if isinstance(m, ToolMessage)]


async def test_three_rounds_with_a_model_that_needs_reasoning_replayed(twin: Twin) -> None:
    result = await twin.run(ask("use get_city for Ann"), [get_city, get_weather])
    assert result.rounds == 3
    assert result.completion.choices[0].message.content == (
        'The tool get_weather returned: {"city": "mock", "sky": "sunny", "unit": "C"}'
    )
    assistants = [m for m in result.messages if isinstance(m, AssistantMessage)]
    assert [isinstance(m.reasoning_content, str) and m.reasoning_content for m in assistants[:2]] == [
        "Thinking about: use get_city for Ann",
        "Thinking about: Paris; now call get_weather",
    ]
    assert [m.content for m in tool_messages(result)] == [
        "Paris; now call get_weather",
        '{"city": "mock", "sky": "sunny", "unit": "C"}',
    ]
    assert result.usage is not None
    assert result.usage.reasoning_tokens > 0
    assert result.usage.total_tokens > result.completion.usage.total_tokens  # type: ignore[union-attr]


async def test_a_naive_loop_that_drops_the_reasoning_fails_with_20015(twin: Twin) -> None:
    request = ask("use get_city for Ann")
    request.tools = [Tool.from_function(get_city).definition()]
    first = await twin.create(request)
    call = first.choices[0].message.tool_calls[0]  # type: ignore[index]
    request.messages += [
        assistant_message(first, keep_reasoning=False),  # what a naive loop sends back
        ToolMessage(role="tool", tool_call_id=call.id, content="Paris"),
    ]
    with pytest.raises(BadRequestError) as caught:
        await twin.create(request)
    assert caught.value.code == 20015
    assert "reasoning_content is missing" in caught.value.message


async def test_an_unknown_model_is_learned_from_the_20015_answer(twin: Twin) -> None:
    assert twin.learned() == set()
    result = await twin.run(ask("use get_city for Ann", UNKNOWN_REPLAY), [get_city, get_weather])
    assert result.rounds == 3
    assert twin.learned() == {UNKNOWN_REPLAY}
    replayed = [m for m in result.messages if isinstance(m, AssistantMessage)]
    assert all(isinstance(m.reasoning_content, str) for m in replayed)


async def test_models_that_must_not_get_reasoning_back_do_not(twin: Twin) -> None:
    result = await twin.run(ask("use get_city for Ann", "Qwen/Qwen3-8B"), [get_city, get_weather])
    assert result.rounds == 3
    assert all(
        not isinstance(m, AssistantMessage) or not isinstance(m.reasoning_content, str)
        for m in result.messages
    )
    assert twin.learned() == set()


async def test_a_tool_that_raises_becomes_a_tool_message(twin: Twin) -> None:
    def get_time(city: str) -> str:
        raise LookupError(f"no clock in {city}")

    result = await twin.run(ask("use get_time"), [get_time])
    assert [m.content for m in tool_messages(result)] == [
        "Error: get_time raised LookupError: no clock in mock"
    ]
    assert result.rounds == 2


async def test_raise_tool_errors_raises_the_tool_s_own_exception(twin: Twin) -> None:
    def get_time(city: str) -> str:
        raise LookupError("no clock")

    with pytest.raises(LookupError, match="no clock"):
        await twin.run(ask("use get_time"), [get_time], raise_tool_errors=True)


async def test_arguments_failing_the_schema_are_reported_to_the_model(twin: Twin) -> None:
    # The mock fills arguments from the schema but ignores patterns: that is what it gets wrong.
    called: list[str] = []
    strict = Tool(
        name="get_time",
        description="The time.",
        parameters={"type": "object", "properties": {"city": {"type": "string", "pattern": "^[A-Z]"}}},
        function=called.append,
    )
    result = await twin.run(ask("use get_time"), [strict])
    (message,) = tool_messages(result)
    expected = "Error: the arguments of get_time do not match its parameters: city: 'mock' does not match"
    assert message.content == expected + " '^[A-Z]'."
    assert called == []


async def test_unknown_tools_and_bad_json_are_reported_to_the_model(
    twin: Twin, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The mock only calls declared tools with valid JSON; a model that does not is played by editing
    # its answers on the way in (the runner's ToolLoop.accept), so both twins see the same answers.
    from siliconflow.lib import tools as tools_module

    original = tools_module.ToolLoop.accept

    def garble(self: Any, completion: Any) -> Any:
        first_round = self.rounds == 0
        for call in completion.choices[0].message.tool_calls or [] if first_round else []:
            if call.function.name == "get_time":
                call.function.arguments = '{"city": '
            else:
                call.function.name = "get_temperature"
        return original(self, completion)

    monkeypatch.setattr(tools_module.ToolLoop, "accept", garble)
    result = await twin.run(ask("use get_time and get_city"), [get_time, get_city])
    contents = sorted(m.content for m in tool_messages(result))
    assert contents[0].startswith("Error: the arguments of get_time are not valid JSON")
    assert (
        contents[1] == "Error: there is no tool named 'get_temperature'. The tools are: get_time, get_city."
    )


async def test_max_rounds_is_a_typed_error_with_the_transcript(twin: Twin) -> None:
    with pytest.raises(MaxRoundsError) as caught:
        await twin.run(ask("use get_city for Ann"), [get_city, get_weather], max_rounds=2)
    error = caught.value
    assert error.rounds == 2
    assert len(error.messages) == 4  # user, assistant, tool, assistant (its calls not run)
    assert isinstance(error.messages[-1], AssistantMessage)
    assert error.usage is not None


async def test_duplicate_names_and_forced_tool_choice_with_thinking_are_refused_before_sending(
    twin: Twin,
) -> None:
    with pytest.raises(ValueError, match="two tools are named 'get_city'"):
        await twin.run(ask("hi"), [get_city, Tool.from_function(get_time, name="get_city")])
    deepseek = ask("hi", "deepseek-ai/DeepSeek-V3.2", tool_choice="required")
    with pytest.raises(ToolChoiceThinkingError, match="tool_choice"):
        await twin.run(deepseek, [get_city])
    deepseek.enable_thinking = False
    result = await twin.run(deepseek, [get_city], max_rounds=5)
    assert result.rounds == 2  # without thinking the forced call is fine


async def test_the_streaming_variant_yields_each_round_live(twin: Twin) -> None:
    events, result = await twin.stream(ask("use get_city for Ann"), [get_city, get_weather])
    assert result.rounds == 3
    kinds = [type(event) for event in events]
    assert ReasoningEvent in kinds
    assert ToolCallEvent in kinds
    assert AnswerEvent in kinds
    results = [event for event in events if isinstance(event, ToolResultEvent)]
    assert [(r.round, r.name, r.is_error) for r in results] == [
        (1, "get_city", False),
        (2, "get_weather", False),
    ]
    finishes = [event.finish_reason for event in events if isinstance(event, FinishEvent)]
    assert finishes == ["tool_calls", "tool_calls", "stop"]


async def test_the_streaming_variant_learns_replay_too(twin: Twin) -> None:
    _, result = await twin.stream(ask("use get_city for Ann", UNKNOWN_REPLAY), [get_city, get_weather])
    assert result.rounds == 3
    assert twin.learned() == {UNKNOWN_REPLAY}


# ---- tools from type hints ------------------------------------------------------------------------


class Unit(enum.Enum):
    C = "C"
    F = "F"


@attrs.frozen
class Place:
    city: str
    country: str = "FR"


@dataclasses.dataclass
class Window:
    days: int


class Extra(TypedDict):
    detail: bool


def forecast(
    place: Place, window: Window, unit: Unit, extra: Extra | None = None, tags: list[str] | None = None
) -> str:
    """Forecast for a place.

    Args:
        place: where.
        window: how far ahead.
    """
    assert isinstance(place, Place)
    assert isinstance(window, Window)
    assert isinstance(unit, Unit)
    return f"{place.city}/{window.days}/{unit.value}/{extra}/{tags}"


async def test_parameters_may_be_records_enums_optionals_and_lists(twin: Twin) -> None:
    made = Tool.from_function(forecast)
    assert made.description == "Forecast for a place."
    assert made.parameters["required"] == ["place", "window", "unit"]
    assert made.parameters["properties"]["place"]["description"] == "where."
    result = await twin.run(ask("use forecast", "Qwen/Qwen3-8B"), [forecast])
    (message,) = tool_messages(result)
    assert message.content == "mock/1/C/{'detail': True}/[]"


async def test_async_tools_run_concurrently_in_the_async_runner(mock_server: RunningMock) -> None:
    running: list[str] = []
    peak = 0

    async def slow(name: str) -> str:
        nonlocal peak
        running.append(name)
        peak = max(peak, len(running))
        await anyio.sleep(0.2)
        running.remove(name)
        return name

    async def get_city(person: str) -> str:
        """Where."""
        return await slow("city")

    async def get_time(city: str) -> str:
        """When."""
        return await slow("time")

    async with AsyncSiliconFlow(api_key=mock_server.token, base_url=mock_server.base_url) as client:
        result = await client.run_tools(
            ask("use get_city and get_time", "Qwen/Qwen3-8B"), [get_city, get_time]
        )
    assert peak == 2
    assert [m.content for m in tool_messages(result)] == ["city", "time"]  # in the calls' order
    sync_client = SiliconFlow(api_key=mock_server.token, base_url=mock_server.base_url)
    with sync_client, pytest.raises(TypeError, match="async"):
        sync_client.run_tools(ask("hi"), [get_city])


def test_tool_results_that_are_not_strings_are_sent_as_json() -> None:
    from siliconflow.lib.tools import tool_output_text

    assert tool_output_text({"a": Place("Paris")}) == '{"a": {"city": "Paris", "country": "FR"}}'
    assert tool_output_text([Unit.C, Window(3)]) == '["C", {"days": 3}]'
    assert tool_output_text("plain") == "plain"


def test_bad_tools_are_refused_with_their_name() -> None:
    with pytest.raises(ValueError, match="tool name"):
        Tool(name="has space", description="", parameters={"type": "object"}, function=print)
    with pytest.raises(ValueError, match="not a valid JSON Schema"):
        Tool(name="t", description="", parameters={"type": 5}, function=print)

    def star(*args: int) -> None: ...

    with pytest.raises(TypeError, match="args"):
        Tool.from_function(star)


def test_the_tool_decorator_with_and_without_arguments() -> None:
    from siliconflow import tool

    @tool
    def plain(city: str) -> str:
        """Plain."""
        return city

    @tool(name="renamed", description="Said here.")
    def other(city: str) -> str:
        return city

    assert (plain.name, plain.description) == ("plain", "Plain.")
    assert (other.name, other.description) == ("renamed", "Said here.")
    assert other.function("x") == "x"

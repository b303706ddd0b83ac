"""The tool runner: call the model, run the tools it asks for, send the results back, until it answers.

    def get_weather(city: str, unit: Literal["C", "F"] = "C") -> str:
        \"\"\"The weather in a city now.

        Args:
            city: the city's name.
        \"\"\"
        return "sunny, 21 degrees"

    result = client.run_tools(request, [get_weather], max_rounds=10)
    result.completion, result.messages, result.rounds, result.usage

One sans-IO core (`ToolLoop`) decides everything; the sync and async runners and their streaming
variants only send and call. Per round: send the conversation, append the assistant message, run
every tool call (an async runner runs async tools concurrently), append one tool message per call,
and go again until the model answers without calling tools.

Reasoning replay, without the caller thinking about it: the assistant messages the runner appends
keep their `reasoning_content`, and it is sent back when the model table says the model needs it
(`model_catalog.requires_reasoning_replay`) or when this client has learned it: a 400 whose message
says reasoning_content is missing makes the runner resend that round once with the reasoning, and
remember the model. For other models the reasoning is left out, as their guides say.

What a tool does wrong goes back to the model as the tool message, so it can recover: an unknown
tool name, arguments that are not JSON or fail the tool's schema, a tool that raises
(`raise_tool_errors=True` re-raises that instead). Refused before sending: duplicate tool names,
tools in `request.tools` (pass them here), and a forced `tool_choice` with thinking on for a model
that rejects it (`model_catalog.rejects_forced_tool_choice`).
"""

from __future__ import annotations

import dataclasses
import enum
import inspect
import json
import re
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, overload

import anyio
import attrs
from attrs import frozen
from siliconflow_api.models import (
    AssistantMessage,
    ChatCompletion,
    ChatCompletionRequest,
    ChatCompletionTool,
    NamedToolChoice,
    SystemMessage,
    ToolCall,
    ToolMessage,
    UserMessage,
)

from .._core.call_options import CallOptions
from .._core.errors import BadRequestError, SiliconFlowError
from .._core.telemetry import hold_span, optional_span
from .events import StreamEvent, aiter_events, iter_events
from .messages import assistant_message
from .model_catalog import rejects_forced_tool_choice, requires_reasoning_replay
from .thinking import TokenUsage, token_usage
from .type_schemas import from_json, function_schema, is_pydantic_model

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

    from .._core.telemetry import HeldSpan, NoHeldSpan, Telemetry
    from ..resources.chat import AsyncCompletions, Completions

__all__ = [
    "AsyncToolRunStream",
    "MaxRoundsError",
    "Tool",
    "ToolChoiceThinkingError",
    "ToolResultEvent",
    "ToolRunResult",
    "ToolRunStream",
    "tool",
]

Message = AssistantMessage | SystemMessage | ToolMessage | UserMessage
_NAME = re.compile(r"[a-zA-Z0-9_-]{1,64}")
# SiliconFlow (20015) and DeepSeek ("Missing `reasoning_content` field") word it differently.
_REPLAY_MISSING = re.compile(
    r"reasoning_content.{0,40}missing|missing.{0,40}reasoning_content", re.IGNORECASE
)
_MAX_ERROR_CHARS = 1000


class ToolChoiceThinkingError(SiliconFlowError, ValueError):
    """A forced `tool_choice` with thinking on, for a model that rejects it; raised before sending."""


class MaxRoundsError(SiliconFlowError):
    """The model still called tools after `max_rounds` rounds.

    `messages` is the conversation so far (ending with the assistant's unanswered tool calls, which
    were not run), `completion` the last answer, `rounds` and `usage` as in `ToolRunResult`.
    """

    def __init__(
        self,
        message: str,
        *,
        messages: list[Message],
        completion: ChatCompletion,
        rounds: int,
        usage: TokenUsage | None,
    ) -> None:
        super().__init__(message)
        self.messages = messages
        self.completion = completion
        self.rounds = rounds
        self.usage = usage


@frozen
class ToolRunResult:
    """The final completion, the whole conversation (ready to continue), the rounds and summed usage."""

    completion: ChatCompletion
    messages: list[Message]
    rounds: int
    usage: TokenUsage | None


@frozen
class ToolResultEvent:
    """A tool call of round `round` ran (or failed): the content sent back to the model."""

    round: int
    tool_call_id: str
    name: str
    content: str
    is_error: bool
    type: Literal["tool_result"] = "tool_result"


@dataclass(frozen=True)
class Tool:
    """A tool: its name, description and JSON Schema of its arguments, and the callable that runs it.

    Made by hand, `function` is called with the JSON arguments as keyword arguments. Made with
    `Tool.from_function` (or the `tool` decorator, or by passing a function to the runner), the
    schema comes from the type hints and the docstring, and arguments are converted to the
    annotated types (attrs classes, dataclasses, enums, tuples, ...) before the call.
    """

    name: str
    description: str
    parameters: dict[str, Any]
    function: Callable[..., Any]
    strict: bool = False
    argument_types: dict[str, Any] | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not _NAME.fullmatch(self.name):
            raise ValueError(
                f"tool name must be 1-64 letters, digits, underscores or dashes, got {self.name!r}"
            )
        if not callable(self.function):
            raise TypeError(
                f"tool {self.name!r}: function must be callable, got {type(self.function).__name__}"
            )
        if not isinstance(self.parameters, dict):
            raise TypeError(f"tool {self.name!r}: parameters must be a JSON Schema dict")
        from jsonschema import Draft202012Validator  # noqa: PLC0415 - a runtime dependency used lazily
        from jsonschema.exceptions import SchemaError  # noqa: PLC0415

        try:
            Draft202012Validator.check_schema(self.parameters)
        except SchemaError as exc:
            raise ValueError(
                f"tool {self.name!r}: parameters is not a valid JSON Schema: {exc.message}"
            ) from None

    @classmethod
    def from_function(
        cls, function: Callable[..., Any], *, name: str | None = None, description: str | None = None
    ) -> Tool:
        """A tool from a plain (or async) function: schema from its type hints, text from its docstring."""
        summary, parameters, types = function_schema(function)
        return cls(
            name=name or str(getattr(function, "__name__", "")),
            description=description if description is not None else summary,
            parameters=parameters,
            function=function,
            argument_types=types,
        )

    @property
    def is_async(self) -> bool:
        return inspect.iscoroutinefunction(self.function)

    def definition(self) -> ChatCompletionTool:
        """The `tools[]` entry of the request."""
        function: dict[str, Any] = {"name": self.name, "parameters": self.parameters}
        if self.description:
            function["description"] = self.description
        if self.strict:
            function["strict"] = True
        return ChatCompletionTool.from_dict({"type": "function", "function": function})

    def validator(self) -> Draft202012Validator:
        """A jsonschema validator of the tool's parameters."""
        from jsonschema import Draft202012Validator  # noqa: PLC0415

        return Draft202012Validator(self.parameters)

    def keyword_arguments(self, arguments: dict[str, Any]) -> dict[str, Any]:
        """The parsed arguments as the function's keyword arguments."""
        if self.argument_types is None:
            return arguments
        return {key: from_json(value, self.argument_types.get(key, Any)) for key, value in arguments.items()}


@overload
def tool(
    function: Callable[..., Any], *, name: str | None = None, description: str | None = None
) -> Tool: ...
@overload
def tool(
    function: None = None, *, name: str | None = None, description: str | None = None
) -> Callable[[Callable[..., Any]], Tool]: ...
def tool(
    function: Callable[..., Any] | None = None, *, name: str | None = None, description: str | None = None
) -> Tool | Callable[[Callable[..., Any]], Tool]:
    """Decorator: `@tool` or `@tool(name=..., description=...)` makes a `Tool` of a function."""
    if function is None:
        return lambda inner: Tool.from_function(inner, name=name, description=description)
    return Tool.from_function(function, name=name, description=description)


def _as_tool(candidate: object) -> Tool:
    if isinstance(candidate, Tool):
        return candidate
    if callable(candidate):
        return Tool.from_function(candidate)
    raise TypeError(f"tools must be functions or Tool objects, got {type(candidate).__name__}")


def _to_jsonable(value: object) -> object:
    if attrs.has(type(value)):
        return attrs.asdict(value)  # type: ignore[arg-type]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if is_pydantic_model(type(value)):
        return getattr(value, "model_dump")(mode="json")  # noqa: B009
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    return str(value)


def tool_output_text(value: object) -> str:
    """What a tool returned, as the tool message's content: strings as they are, the rest as JSON."""
    if isinstance(value, str):
        return value
    try:
        return json.dumps(value, ensure_ascii=False, default=_to_jsonable)
    except (TypeError, ValueError):
        return str(value)


def _with(request: ChatCompletionRequest, **changes: Any) -> ChatCompletionRequest:
    updated = attrs.evolve(request, **changes)
    updated.additional_properties = dict(request.additional_properties)  # evolve() drops the extras
    return updated


def _add_usage(total: TokenUsage | None, more: TokenUsage | None) -> TokenUsage | None:
    if more is None:
        return total
    if total is None:
        return more
    return TokenUsage(
        prompt_tokens=total.prompt_tokens + more.prompt_tokens,
        reasoning_tokens=total.reasoning_tokens + more.reasoning_tokens,
        answer_tokens=total.answer_tokens + more.answer_tokens,
        total_tokens=total.total_tokens + more.total_tokens,
    )


@dataclass
class _Prepared:
    """One tool call, ready to run (`tool` and `arguments`) or already answered with an error."""

    call: ToolCall
    tool: Tool | None = None
    arguments: dict[str, Any] = field(default_factory=dict)
    error: str | None = None


class ToolLoop:
    """The sans-IO core of every runner: the conversation, the replay decision, the round count."""

    def __init__(
        self,
        request: ChatCompletionRequest,
        tools: Sequence[Tool | Callable[..., Any]],
        *,
        max_rounds: int,
        learned_replay: set[str],
        raise_tool_errors: bool,
        allow_async_tools: bool,
    ) -> None:
        if not isinstance(request, ChatCompletionRequest):
            raise TypeError(f"request must be a ChatCompletionRequest, got {type(request).__name__}")
        if isinstance(max_rounds, bool) or not isinstance(max_rounds, int) or max_rounds < 1:
            raise ValueError(f"max_rounds must be a whole number of at least 1, got {max_rounds!r}")
        if isinstance(tools, Tool) or callable(tools) or not isinstance(tools, Sequence) or not tools:
            raise TypeError("tools must be a non-empty list of functions or Tool objects")
        if request.tools:
            raise ValueError(
                "request.tools is set: pass the tools to the runner instead, with their functions"
            )
        self.tools: dict[str, Tool] = {}
        for candidate in tools:
            made = _as_tool(candidate)
            if made.name in self.tools:
                raise ValueError(f"two tools are named {made.name!r}: tool names must be unique")
            if made.is_async and not allow_async_tools:
                raise TypeError(f"tool {made.name!r} is async: run it with AsyncSiliconFlow.run_tools")
            self.tools[made.name] = made
        self._check_tool_choice(request)
        self._validators = {name: made.validator() for name, made in self.tools.items()}
        self._request = _with(request, tools=[made.definition() for made in self.tools.values()])
        self.messages: list[Message] = list(request.messages)
        self._added: set[int] = set()  # positions of the assistant messages the runner appended
        self._learned = learned_replay
        self.max_rounds = max_rounds
        self.raise_tool_errors = raise_tool_errors
        self.rounds = 0
        self.usage: TokenUsage | None = None
        self.telemetry: Telemetry | None = None  # the client's, for the tool calls' spans

    def _check_tool_choice(self, request: ChatCompletionRequest) -> None:
        choice = request.tool_choice
        if isinstance(choice, NamedToolChoice):
            if choice.function.name not in self.tools:
                raise ValueError(f"tool_choice names {choice.function.name!r}, which is not among the tools")
        elif choice != "required":
            return
        enable_thinking = request.enable_thinking if isinstance(request.enable_thinking, bool) else None
        if rejects_forced_tool_choice(request.model, enable_thinking):
            raise ToolChoiceThinkingError(
                f"{request.model} rejects a forced tool_choice while thinking is on: use tool_choice "
                '"auto", or set enable_thinking to false'
            )

    @property
    def replays_reasoning(self) -> bool:
        model = self._request.model
        return requires_reasoning_replay(model) or model in self._learned

    def learn_replay(self, error: Exception) -> bool:
        """True when `error` is the missing-reasoning 400 and resending with reasoning may help."""
        if not isinstance(error, BadRequestError) or self.replays_reasoning:
            return False
        if not _REPLAY_MISSING.search(error.message or str(error)):
            return False
        self._learned.add(self._request.model)
        return True

    def conversation(self) -> list[Message]:
        """The messages as they are sent: runner-added reasoning only for models that need it."""
        if self.replays_reasoning:
            return list(self.messages)
        return [
            _with_reasoning_dropped(message) if index in self._added else message
            for index, message in enumerate(self.messages)
        ]

    def next_request(self) -> ChatCompletionRequest:
        """The request of the next round: the original request with the conversation so far."""
        return _with(self._request, messages=self.conversation())

    def accept(self, completion: ChatCompletion) -> list[_Prepared]:
        """Take one round's answer; the tool calls to run (none: the model has answered)."""
        self.rounds += 1
        self.usage = _add_usage(self.usage, token_usage(completion))
        if not completion.choices:
            raise SiliconFlowError(f"round {self.rounds}: the completion has no choices")
        message = assistant_message(completion, choice=completion.choices[0].index, keep_reasoning=True)
        self._added.add(len(self.messages))
        self.messages.append(message)
        calls = message.tool_calls or []
        if calls and self.rounds >= self.max_rounds:
            raise MaxRoundsError(
                f"the model still called tools after {self.rounds} rounds (max_rounds={self.max_rounds})",
                messages=self.conversation(),
                completion=completion,
                rounds=self.rounds,
                usage=self.usage,
            )
        return [self._prepare(call) for call in calls]

    def _prepare(self, call: ToolCall) -> _Prepared:
        name = call.function.name
        made = self.tools.get(name)
        if made is None:
            known = ", ".join(self.tools)
            return _Prepared(call, error=f"Error: there is no tool named {name!r}. The tools are: {known}.")
        try:
            arguments = json.loads(call.function.arguments or "{}")
        except (ValueError, RecursionError) as exc:
            return _Prepared(
                call,
                error=f"Error: the arguments of {name} are not valid JSON ({exc}). "
                "Call it again with a JSON object that matches its parameters.",
            )
        problems = sorted(self._validators[name].iter_errors(arguments), key=lambda e: list(e.absolute_path))
        if not isinstance(arguments, dict) or problems:
            detail = "; ".join(_describe(problem) for problem in problems[:5]) or "not a JSON object"
            return _Prepared(
                call, error=f"Error: the arguments of {name} do not match its parameters: {detail}."
            )
        return _Prepared(call, tool=made, arguments=arguments)

    def record(self, prepared: _Prepared, outcome: object, failure: BaseException | None) -> ToolResultEvent:
        """Append the tool message for a call that ran (`outcome`), failed (`failure`) or was refused."""
        return self.append(prepared, *tool_reply(prepared, outcome, failure))

    def append(self, prepared: _Prepared, content: str, is_error: bool) -> ToolResultEvent:
        """Append the tool message `tool_reply` made (the async runner makes them concurrently)."""
        self.messages.append(ToolMessage(role="tool", content=content, tool_call_id=prepared.call.id))
        return ToolResultEvent(self.rounds, prepared.call.id, prepared.call.function.name, content, is_error)

    def result(self, completion: ChatCompletion) -> ToolRunResult:
        """What the run produced: the final completion, the conversation, the rounds and the usage."""
        return ToolRunResult(completion, self.conversation(), self.rounds, self.usage)


def tool_reply(prepared: _Prepared, outcome: object, failure: BaseException | None) -> tuple[str, bool]:
    """The tool message's content for a call that ran, failed or was refused, and whether it is an error."""
    if prepared.error is not None:
        return prepared.error, True
    if failure is not None:
        text = f"{type(failure).__name__}: {failure}"[:_MAX_ERROR_CHARS]
        return f"Error: {prepared.call.function.name} raised {text}", True
    return tool_output_text(outcome), False


def _with_reasoning_dropped(message: Message) -> Message:
    if not isinstance(message, AssistantMessage) or (
        message.reasoning_content is None and not message.is_given("reasoning_content")
    ):
        return message
    # Through to_dict: attrs.evolve would pass every absent field as an explicit None (a null sent).
    data = message.to_dict()
    del data["reasoning_content"]
    return AssistantMessage.from_dict(data)


def _describe(error: Any) -> str:
    path = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in error.absolute_path)
    return f"{path.lstrip('.') or 'arguments'}: {error.message}"


# ---- telemetry (`_core/telemetry.py`): a span for the run, one per tool call -------------------------


_RUN_SPAN = "invoke_agent siliconflow.run_tools"


def _run_attributes(loop: ToolLoop) -> dict[str, Any]:
    """A whole run is an agent invocation, by the conventions."""
    return {
        "gen_ai.operation.name": "invoke_agent",
        "gen_ai.provider.name": "siliconflow",
        "gen_ai.agent.name": "siliconflow.run_tools",
        "gen_ai.request.model": loop.next_request().model,
    }


def _run_span(loop: ToolLoop) -> Any:
    """The span of a whole run, current inside the block, or nothing without telemetry."""
    return optional_span(loop.telemetry, _RUN_SPAN, _run_attributes(loop))


def _held_run_span(loop: ToolLoop) -> HeldSpan | NoHeldSpan:
    """The span of a streamed run: held, not current, since the run yields (`HeldSpan`)."""
    return hold_span(loop.telemetry, _RUN_SPAN, _run_attributes(loop))


def _tool_span(loop: ToolLoop, prepared: _Prepared) -> Any:
    name = prepared.call.function.name
    return optional_span(
        loop.telemetry,
        f"execute_tool {name}",
        {
            "gen_ai.operation.name": "execute_tool",
            "gen_ai.tool.name": name,
            "gen_ai.tool.call.id": prepared.call.id,
            "gen_ai.tool.type": "function",
        },
    )


def _end_tool_span(span: Any, loop: ToolLoop, prepared: _Prepared, content: str, is_error: bool) -> None:
    if span is None:
        return
    if is_error:  # refused or failed: the model gets the error text, the trace its kind
        span.set_attribute("error.type", "tool_error" if prepared.error is None else "invalid_tool_call")
    telemetry = loop.telemetry
    if telemetry is not None and telemetry.capture_content:
        span.set_attribute(
            "gen_ai.tool.call.arguments", telemetry.redact(prepared.call.function.arguments or "")
        )
        span.set_attribute("gen_ai.tool.call.result", telemetry.redact(content))


def _end_run_span(span: Any, loop: ToolLoop) -> None:
    if span is None:
        return
    span.set_attribute("siliconflow.tool_run.rounds", loop.rounds)
    if loop.usage is not None:
        span.set_attribute("gen_ai.usage.input_tokens", loop.usage.prompt_tokens)
        span.set_attribute(
            "gen_ai.usage.output_tokens", loop.usage.reasoning_tokens + loop.usage.answer_tokens
        )


def _mark_closed_early(run: HeldSpan | NoHeldSpan) -> None:
    if run.span is not None:
        run.span.set_attribute("siliconflow.tool_run.closed_early", True)


# ---- the sync runner -------------------------------------------------------------------------------


def _run_call(loop: ToolLoop, prepared: _Prepared) -> ToolResultEvent:
    with _tool_span(loop, prepared) as span:
        event = _run_call_untraced(loop, prepared)
        _end_tool_span(span, loop, prepared, event.content, event.is_error)
        return event


def _run_call_untraced(loop: ToolLoop, prepared: _Prepared) -> ToolResultEvent:
    if prepared.tool is None:
        return loop.record(prepared, None, None)
    try:
        outcome = prepared.tool.function(**prepared.tool.keyword_arguments(prepared.arguments))
    except Exception as exc:
        if loop.raise_tool_errors:
            raise
        return loop.record(prepared, None, exc)
    return loop.record(prepared, outcome, None)


def _create_round(completions: Completions, loop: ToolLoop, options: CallOptions) -> ChatCompletion:
    try:
        return completions.create(request=loop.next_request(), **options)
    except BadRequestError as error:
        if not loop.learn_replay(error):
            raise
        return completions.create(request=loop.next_request(), **options)


def _loop_for(
    completions: Completions | AsyncCompletions,
    request: ChatCompletionRequest,
    tools: Sequence[Tool | Callable[..., Any]],
    max_rounds: int,
    raise_tool_errors: bool,
    *,
    async_tools: bool,
) -> ToolLoop:
    """The loop of one run; what the client learned about reasoning replay carries over to it."""
    loop = ToolLoop(
        request,
        tools,
        max_rounds=max_rounds,
        learned_replay=completions.context.learned_replay,
        raise_tool_errors=raise_tool_errors,
        allow_async_tools=async_tools,
    )
    loop.telemetry = completions.context.telemetry
    return loop


def run_tools(
    completions: Completions,
    request: ChatCompletionRequest,
    tools: Sequence[Tool | Callable[..., Any]],
    *,
    max_rounds: int,
    raise_tool_errors: bool,
    options: CallOptions,
) -> ToolRunResult:
    loop = _loop_for(completions, request, tools, max_rounds, raise_tool_errors, async_tools=False)
    with _run_span(loop) as span:
        while True:
            completion = _create_round(completions, loop, options)
            calls = loop.accept(completion)
            if not calls:
                _end_run_span(span, loop)
                return loop.result(completion)
            for prepared in calls:
                _run_call(loop, prepared)


class ToolRunStream:
    """Events of a tool run as they happen: each round's stream events, then a `ToolResultEvent` per call.

    Iterate it to the end; then `result` is the `ToolRunResult`.
    """

    def __init__(self, completions: Completions, loop: ToolLoop, options: CallOptions) -> None:
        self._completions = completions
        self._loop = loop
        self._options = options
        self._result: ToolRunResult | None = None

    @property
    def result(self) -> ToolRunResult:
        if self._result is None:
            raise RuntimeError("the tool run has not finished: iterate the events to the end first")
        return self._result

    def __iter__(self) -> Iterator[StreamEvent | ToolResultEvent]:
        loop = self._loop
        # The run's span is made current only where nothing is yielded: its children (each round's
        # chat span, each tool call's) start there, and the caller's context is untouched between events.
        run = _held_run_span(loop)
        failure: BaseException | None = None
        try:
            while True:
                for attempt in (1, 2):
                    try:
                        with run.current():  # the chat span starts when the request is sent
                            stream = self._completions.stream(
                                request=loop.next_request(), **self._options
                            ).open()
                        with stream:
                            yield from iter_events(stream)
                            completion = stream.get_final_completion()
                        break
                    except BadRequestError as error:
                        if attempt == 2 or not loop.learn_replay(error):
                            raise
                calls = loop.accept(completion)
                if not calls:
                    self._result = loop.result(completion)
                    return
                for prepared in calls:
                    with run.current():
                        event = _run_call(loop, prepared)
                    yield event
        except GeneratorExit:  # closed before the end: not a failure
            _mark_closed_early(run)
            raise
        except BaseException as error:
            failure = error
            raise
        finally:
            _end_run_span(run.span, loop)
            run.end(error=failure)


def stream_tools(
    completions: Completions,
    request: ChatCompletionRequest,
    tools: Sequence[Tool | Callable[..., Any]],
    *,
    max_rounds: int,
    raise_tool_errors: bool,
    options: CallOptions,
) -> ToolRunStream:
    loop = _loop_for(completions, request, tools, max_rounds, raise_tool_errors, async_tools=False)
    return ToolRunStream(completions, loop, options)


# ---- the async runner ------------------------------------------------------------------------------


async def _arun_calls(loop: ToolLoop, calls: list[_Prepared]) -> list[ToolResultEvent]:
    """Run one round's calls, async tools concurrently, each in its span; recorded in the calls' order."""
    replies: list[tuple[str, bool]] = [("", False)] * len(calls)

    async def run(position: int, prepared: _Prepared) -> None:
        with _tool_span(loop, prepared) as span:  # a refused call gets its span too, as in the sync twin
            content, is_error = replies[position] = tool_reply(prepared, *await outcome(prepared))
            _end_tool_span(span, loop, prepared, content, is_error)

    async def outcome(prepared: _Prepared) -> tuple[object, BaseException | None]:
        if prepared.tool is None:
            return None, None
        try:
            value = prepared.tool.function(**prepared.tool.keyword_arguments(prepared.arguments))
            if inspect.isawaitable(value):
                value = await value
        except Exception as exc:
            if loop.raise_tool_errors:
                raise
            return None, exc
        return value, None

    try:
        async with anyio.create_task_group() as group:
            for position, prepared in enumerate(calls):
                group.start_soon(run, position, prepared)
    except BaseExceptionGroup as group_error:  # raise_tool_errors: the tool's own exception
        raise group_error.exceptions[0] from None
    return [loop.append(prepared, *replies[i]) for i, prepared in enumerate(calls)]


async def _acreate_round(
    completions: AsyncCompletions, loop: ToolLoop, options: CallOptions
) -> ChatCompletion:
    try:
        return await completions.create(request=loop.next_request(), **options)
    except BadRequestError as error:
        if not loop.learn_replay(error):
            raise
        return await completions.create(request=loop.next_request(), **options)


async def arun_tools(
    completions: AsyncCompletions,
    request: ChatCompletionRequest,
    tools: Sequence[Tool | Callable[..., Any]],
    *,
    max_rounds: int,
    raise_tool_errors: bool,
    options: CallOptions,
) -> ToolRunResult:
    loop = _loop_for(completions, request, tools, max_rounds, raise_tool_errors, async_tools=True)
    with _run_span(loop) as span:
        while True:
            completion = await _acreate_round(completions, loop, options)
            calls = loop.accept(completion)
            if not calls:
                _end_run_span(span, loop)
                return loop.result(completion)
            await _arun_calls(loop, calls)


class AsyncToolRunStream:
    """The async twin of `ToolRunStream`: `async for event in client.stream_tools(...)`."""

    def __init__(self, completions: AsyncCompletions, loop: ToolLoop, options: CallOptions) -> None:
        self._completions = completions
        self._loop = loop
        self._options = options
        self._result: ToolRunResult | None = None

    @property
    def result(self) -> ToolRunResult:
        if self._result is None:
            raise RuntimeError("the tool run has not finished: iterate the events to the end first")
        return self._result

    async def __aiter__(self) -> AsyncIterator[StreamEvent | ToolResultEvent]:
        loop = self._loop
        run = _held_run_span(loop)  # current only where nothing is yielded, as in the sync twin
        failure: BaseException | None = None
        try:
            while True:
                for attempt in (1, 2):
                    try:
                        with run.current():  # an await suspends the caller's task with us: no leak
                            stream = await self._completions.stream(
                                request=loop.next_request(), **self._options
                            ).open()
                        async with stream:
                            async for event in aiter_events(stream):
                                yield event
                            completion = await stream.get_final_completion()
                        break
                    except BadRequestError as error:
                        if attempt == 2 or not loop.learn_replay(error):
                            raise
                calls = loop.accept(completion)
                if not calls:
                    self._result = loop.result(completion)
                    return
                with run.current():  # the tool calls' tasks copy it: their spans are the run's children
                    events = await _arun_calls(loop, calls)
                for result_event in events:
                    yield result_event
        except GeneratorExit:  # aclose() before the end: not a failure
            _mark_closed_early(run)
            raise
        except BaseException as error:
            failure = error
            raise
        finally:
            _end_run_span(run.span, loop)
            run.end(error=failure)


def astream_tools(
    completions: AsyncCompletions,
    request: ChatCompletionRequest,
    tools: Sequence[Tool | Callable[..., Any]],
    *,
    max_rounds: int,
    raise_tool_errors: bool,
    options: CallOptions,
) -> AsyncToolRunStream:
    loop = _loop_for(completions, request, tools, max_rounds, raise_tool_errors, async_tools=True)
    return AsyncToolRunStream(completions, loop, options)

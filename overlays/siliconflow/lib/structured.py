"""Structured output: `client.parse(request, output_type)` returns the answer validated and typed.

    @attrs.frozen
    class City:
        name: str
        population: int

    result = client.parse(request, City)          # result.parsed is a City; result.completion
    result = client.parse(request, {"type": "object", "properties": {...}})   # a dict

`output_type` is a JSON Schema dict, an attrs class, a dataclass, a TypedDict, or a pydantic model
(when pydantic is installed; the package does not depend on it). Per attempt:
1. Ask for JSON: `response_format: json_schema` for models the table trusts with it
   (`model_catalog.honours_json_schema`), else `json_object` with the schema stated in a system
   message (`mode=` overrides).
2. `finish_reason: length` raises `LengthFinishReasonError` (reasoning can eat the token limit and
   leave the JSON cut or empty): it carries the completion and its usage, and is not retried.
3. Take the answer without a leading `<think>` block (and without a Markdown code fence around it),
   parse it as JSON, validate it with jsonschema, convert it to `output_type`.
4. On a failure, ask again (up to `max_attempts` in all), telling the model exactly what failed;
   after the last attempt `StructuredOutputError` carries every problem and the last completion.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

import attrs
from attrs import frozen
from siliconflow_api.models import (
    AssistantMessage,
    ChatCompletion,
    ChatCompletionRequest,
    ResponseFormatJsonObject,
    ResponseFormatJsonSchema,
    SystemMessage,
    UserMessage,
)
from siliconflow_api.models.json_schema_format import JsonSchemaFormat

from .._core.call_options import CallOptions
from .._core.errors import SiliconFlowError
from .._core.redact import redact
from .model_catalog import honours_json_schema
from .thinking import TokenUsage, answer_text, token_usage
from .type_schemas import from_json, json_schema_of

if TYPE_CHECKING:
    from ..resources.chat import AsyncCompletions, Completions

__all__ = [
    "LengthFinishReasonError",
    "OutputMode",
    "ParsedCompletion",
    "StructuredOutputError",
]

T = TypeVar("T")
OutputMode = Literal["auto", "json_schema", "json_object"]
_MODES = ("auto", "json_schema", "json_object")
_FENCE = re.compile(r"\A```(?:json)?\s*\n(.*?)\n?```\Z", re.DOTALL)
_NAME_CHARS = re.compile(r"[^a-zA-Z0-9_-]")
_MAX_PROBLEMS = 5


class LengthFinishReasonError(SiliconFlowError):
    """The answer was cut at the token limit (`finish_reason: length`): `completion` and `usage` kept."""

    def __init__(self, completion: ChatCompletion) -> None:
        self.completion = completion
        self.usage: TokenUsage | None = token_usage(completion)
        spent = "" if self.usage is None else f" ({self.usage.reasoning_tokens} reasoning tokens)"
        super().__init__(
            "the answer was cut at the token limit (finish_reason: length)"
            f"{spent} before the JSON was complete; raise max_tokens or lower thinking_budget"
        )


class StructuredOutputError(SiliconFlowError):
    """No attempt gave valid output: `problems` (one per attempt), the last `completion` and its text."""

    def __init__(self, problems: list[str], completion: ChatCompletion, text: str) -> None:
        self.problems = problems
        self.completion = completion
        self.text = text
        super().__init__(f"no valid output after {len(problems)} attempts; last problem: {problems[-1]}")


@frozen
class ParsedCompletion(Generic[T]):
    """`parsed`, the answer as the output type; `completion`, the last completion; `attempts` used."""

    parsed: T
    completion: ChatCompletion
    attempts: int


@frozen
class _Output:
    schema: dict[str, Any]
    name: str
    convert: Callable[[Any], Any]


def _output(output_type: object) -> _Output:
    from jsonschema import Draft202012Validator  # noqa: PLC0415 - a runtime dependency used lazily
    from jsonschema.exceptions import SchemaError  # noqa: PLC0415

    if isinstance(output_type, dict):
        try:
            Draft202012Validator.check_schema(output_type)
        except SchemaError as exc:
            raise ValueError(f"output_type is not a valid JSON Schema: {exc.message}") from None
        title = output_type.get("title")
        name = title if isinstance(title, str) and title else "output"
        return _Output(dict(output_type), _schema_name(name), lambda value: value)
    if not isinstance(output_type, type):
        raise TypeError(
            "output_type must be a JSON Schema dict, an attrs class, a dataclass, a TypedDict or a "
            f"pydantic model, got {output_type!r}"
        )
    schema = json_schema_of(output_type)  # TypeError naming the field it cannot describe
    return _Output(schema, _schema_name(output_type.__name__), lambda value: from_json(value, output_type))


def _schema_name(name: str) -> str:
    return _NAME_CHARS.sub("_", name)[:64] or "output"


def _answer(completion: ChatCompletion) -> str:
    text = answer_text(completion, choice=completion.choices[0].index).strip()
    fenced = _FENCE.match(text)
    return fenced.group(1).strip() if fenced else text


def _describe(error: Any) -> str:
    path = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in error.absolute_path)
    return f"{path.lstrip('.') or 'the value'}: {error.message}"


class ParseLoop:
    """The sans-IO core of `parse`: the request of each attempt and the judgement of each answer."""

    def __init__(
        self,
        request: ChatCompletionRequest,
        output_type: object,
        *,
        max_attempts: int,
        mode: OutputMode,
        secret: str | None = None,
    ) -> None:
        from jsonschema import Draft202012Validator  # noqa: PLC0415

        if not isinstance(request, ChatCompletionRequest):
            raise TypeError(f"request must be a ChatCompletionRequest, got {type(request).__name__}")
        if isinstance(max_attempts, bool) or not isinstance(max_attempts, int) or max_attempts < 1:
            raise ValueError(f"max_attempts must be a whole number of at least 1, got {max_attempts!r}")
        if mode not in _MODES:
            raise ValueError(f"mode must be one of {', '.join(_MODES)}, got {mode!r}")
        if request.response_format is not None:
            raise ValueError("request.response_format is set: parse() chooses it; leave it unset")
        self.output = _output(output_type)
        self._validator = Draft202012Validator(self.output.schema)
        use_schema = mode == "json_schema" or (mode == "auto" and honours_json_schema(request.model))
        self.messages: list[Any] = list(request.messages)
        if use_schema:
            response_format: Any = ResponseFormatJsonSchema(
                type_="json_schema", json_schema=JsonSchemaFormat.from_dict(self._format())
            )
        else:
            response_format = ResponseFormatJsonObject(type_="json_object")
            position = next((i for i, m in enumerate(self.messages) if not isinstance(m, SystemMessage)), 0)
            self.messages.insert(position, SystemMessage(role="system", content=self._instruction()))
        self._request = attrs.evolve(request, response_format=response_format)
        self._request.additional_properties = dict(request.additional_properties)
        self.max_attempts = max_attempts
        self._secret = secret  # a server may echo the key into the answer: kept out of our errors
        self.attempts = 0
        self.problems: list[str] = []

    def _format(self) -> dict[str, Any]:
        return {"name": self.output.name, "schema": self.output.schema}

    def _instruction(self) -> str:
        schema = json.dumps(self.output.schema, ensure_ascii=False)
        return f"Reply with one JSON object and nothing else, valid against this JSON Schema: {schema}"

    def next_request(self) -> ChatCompletionRequest:
        """The request of the next attempt: the original request with the messages so far."""
        updated = attrs.evolve(self._request, messages=list(self.messages))
        updated.additional_properties = dict(self._request.additional_properties)
        return updated

    def judge(self, completion: ChatCompletion) -> ParsedCompletion[Any] | None:
        """The parsed result, or None after queueing a corrective message for the next attempt."""
        self.attempts += 1
        if not completion.choices:
            raise SiliconFlowError("the completion has no choices")
        if completion.choices[0].finish_reason == "length":
            raise LengthFinishReasonError(completion)
        text = _answer(completion)
        problem, parsed = self._check(text)
        if problem is None:
            return ParsedCompletion(parsed, completion, self.attempts)
        problem = redact(problem, self._secret)
        self.problems.append(problem)
        if self.attempts >= self.max_attempts:
            raise StructuredOutputError(self.problems, completion, text)
        self.messages += [
            AssistantMessage(role="assistant", content=text),
            UserMessage(
                role="user",
                content=f"That answer is not valid: {problem}. Reply again with only the corrected JSON "
                "object, valid against the schema.",
            ),
        ]
        return None

    def _check(self, text: str) -> tuple[str | None, Any]:
        try:
            value = json.loads(text)
        except (ValueError, RecursionError) as exc:
            shown = text if len(text) <= 200 else text[:200] + "..."
            return f"it is not valid JSON ({exc}): {shown!r}", None
        errors = sorted(self._validator.iter_errors(value), key=lambda e: list(e.absolute_path))
        if errors:
            return "; ".join(_describe(error) for error in errors[:_MAX_PROBLEMS]), None
        try:
            return None, self.output.convert(value)
        except (TypeError, ValueError) as exc:  # e.g. a pydantic validator the schema cannot express
            return f"it does not convert to the output type: {exc}", None


def parse(
    completions: Completions,
    request: ChatCompletionRequest,
    output_type: object,
    *,
    max_attempts: int,
    mode: OutputMode,
    options: CallOptions,
) -> ParsedCompletion[Any]:
    loop = ParseLoop(
        request, output_type, max_attempts=max_attempts, mode=mode, secret=completions.context.api_key
    )
    while True:
        result = loop.judge(completions.create(request=loop.next_request(), **options))
        if result is not None:
            return result


async def aparse(
    completions: AsyncCompletions,
    request: ChatCompletionRequest,
    output_type: object,
    *,
    max_attempts: int,
    mode: OutputMode,
    options: CallOptions,
) -> ParsedCompletion[Any]:
    loop = ParseLoop(
        request, output_type, max_attempts=max_attempts, mode=mode, secret=completions.context.api_key
    )
    while True:
        result = loop.judge(await completions.create(request=loop.next_request(), **options))
        if result is not None:
            return result

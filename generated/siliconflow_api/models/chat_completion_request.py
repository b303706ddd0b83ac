from __future__ import annotations

from collections.abc import Callable, Container, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MalformedDataError
from ..types import UNSET, BaseModel, Unset

_new = object.__new__
_NOTHING_GIVEN: frozenset[str] = frozenset()

from typing import Self

from ..models.assistant_message import AssistantMessage
from ..models.chat_completion_request_reasoning_effort import (
    ChatCompletionRequestReasoningEffort,
)
from ..models.chat_completion_tool import ChatCompletionTool
from ..models.function_definition import FunctionDefinition
from ..models.function_definition_parameters import FunctionDefinitionParameters
from ..models.named_tool_choice import NamedToolChoice
from ..models.named_tool_choice_function import NamedToolChoiceFunction
from ..models.response_format_json_object import ResponseFormatJsonObject
from ..models.response_format_json_schema import ResponseFormatJsonSchema
from ..models.response_format_text import ResponseFormatText
from ..models.system_message import SystemMessage
from ..models.tool_choice_type_0 import ToolChoiceType0
from ..models.tool_message import ToolMessage
from ..models.user_message import UserMessage

_KEYS_ChatCompletionRequest: frozenset[str] = frozenset(
    (
        "model",
        "messages",
        "stream",
        "max_tokens",
        "enable_thinking",
        "thinking_budget",
        "reasoning_effort",
        "min_p",
        "stop",
        "temperature",
        "top_p",
        "top_k",
        "frequency_penalty",
        "n",
        "response_format",
        "tools",
        "tool_choice",
        "prefix",
        "suffix",
    )
)
_KEYS_ChatCompletionTool: frozenset[str] = frozenset(
    (
        "type",
        "function",
    )
)
_KEYS_FunctionDefinition: frozenset[str] = frozenset(
    (
        "name",
        "description",
        "parameters",
        "strict",
    )
)
_KEYS_FunctionDefinitionParameters: frozenset[str] = frozenset(())
_KEYS_NamedToolChoice: frozenset[str] = frozenset(
    (
        "type",
        "function",
    )
)
_KEYS_NamedToolChoiceFunction: frozenset[str] = frozenset(("name",))


T = TypeVar("T", bound="ChatCompletionRequest")


# attrs with its __init__, __repr__ and __eq__ off: they are written here, so importing a model
# compiles only the small `__attrs_init__` attrs always adds, not those three methods.
@_attrs_define(init=False, repr=False, eq=False)
class ChatCompletionRequest(BaseModel):
    """A chat completion request. Only the fields a caller sets are sent; fields this document does
    not know can be added and are passed through (the API ignores what it does not use).

    """

    model: str
    """ Model id, for example `Pro/zai-org/GLM-4.7`, `deepseek-ai/DeepSeek-V3.2`, `Qwen/Qwen3-8B`.
    A free string: the model list changes often and `Pro/` variants exist.
     """

    messages: list[AssistantMessage | SystemMessage | ToolMessage | UserMessage]
    """ The conversation so far. """

    stream: bool | None
    """ Stream the answer as Server-Sent Events, terminated by `data: [DONE]`. Server default: false.
     """

    max_tokens: int | None
    """ Maximum tokens of the answer. It excludes the chain of thought. Input tokens plus
    max_tokens must fit the model's context window (else 400, code 20015).
     """

    enable_thinking: bool | None
    """ Switch thinking mode on or off, for models that support both (Qwen3, GLM-4.5V/4.6/4.7/5,
    DeepSeek-V3.1/V3.2, Hunyuan-A13B, ...). The server default depends on the model.
     """

    thinking_budget: int | None
    """ Maximum tokens of chain-of-thought output. Qwen3 stops thinking at the budget; other
    reasoning models may exceed it. The current docs state no default (the server decides).
     """

    reasoning_effort: ChatCompletionRequestReasoningEffort | None
    """ Reasoning depth in thinking mode, for `deepseek-ai/DeepSeek-V4-Flash`,
    `Pro/deepseek-ai/DeepSeek-V4` and `Pro/zai-org/GLM-5.2`. Documented values `high` and
    `max`; server default `high` in thinking mode. The server also accepts OpenAI's spellings
    and maps them: `low` and `medium` to `high`, `xhigh` to `max`.
     """

    min_p: float | None
    """ Dynamic filtering threshold relative to the top token's probability (Qwen3 only). """

    stop: list[str] | None | str
    """ Up to 4 sequences where generation stops. The returned text excludes them. """

    temperature: float | None
    """ Sampling temperature, 0 to 2. """

    top_p: float | None
    """ Nucleus sampling threshold. Server default 0.7. """

    top_k: float | None
    """ Top-k sampling, at most 100. A number in SiliconFlow's spec; clients send -1 to disable
    it, so no lower bound is enforced here.
     """

    frequency_penalty: float | None
    """ Penalty for tokens by their frequency so far, -2 to 2. """

    n: int | None
    """ Number of choices to generate. Server default 1. """

    response_format: (
        ResponseFormatJsonObject | ResponseFormatJsonSchema | ResponseFormatText | None
    )
    """ The format of the answer, in OpenAI's shape. `{"type": "json_object"}` turns on JSON mode
    (400 with code 20024 on models without it); `{"type": "json_schema", "json_schema": {...}}`
    asks for an answer valid against a JSON Schema.
     """

    tools: list[ChatCompletionTool] | None
    """ Functions the model may call (at most 128). """

    tool_choice: NamedToolChoice | ToolChoiceType0 | None
    """ Which tool the model must call, if any. """

    prefix: str | None
    """ Prefix completion: the answer continues this text (non-reasoning models; Qwen3 only with
    thinking off). With `suffix`, fill-in-the-middle.
     """

    suffix: str | None
    """ Fill-in-the-middle suffix, used with `prefix`. """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _given: Container[str] = _attrs_field(
        alias="_given", default=None, repr=False, eq=False
    )

    def __init__(
        self,
        model: str,
        messages: list[AssistantMessage | SystemMessage | ToolMessage | UserMessage],
        stream: bool | Unset = UNSET,
        max_tokens: int | Unset = UNSET,
        enable_thinking: bool | Unset = UNSET,
        thinking_budget: int | Unset = UNSET,
        reasoning_effort: ChatCompletionRequestReasoningEffort | Unset = UNSET,
        min_p: float | Unset = UNSET,
        stop: list[str] | None | str | Unset = UNSET,
        temperature: float | Unset = UNSET,
        top_p: float | Unset = UNSET,
        top_k: float | Unset = UNSET,
        frequency_penalty: float | Unset = UNSET,
        n: int | Unset = UNSET,
        response_format: ResponseFormatJsonObject
        | ResponseFormatJsonSchema
        | ResponseFormatText
        | Unset = UNSET,
        tools: list[ChatCompletionTool] | Unset = UNSET,
        tool_choice: NamedToolChoice | ToolChoiceType0 | Unset = UNSET,
        prefix: str | Unset = UNSET,
        suffix: str | Unset = UNSET,
        *,  # never positional: a field added to the spec would move it
        _given: Container[str] | None = None,
    ) -> None:
        # `_given` is for attrs.evolve(), which passes every field: a None the copied object was
        # not given stays absent. UNSET (the default) is "not given", any other value is given.
        given: list[str] = []
        self.model = model
        self.messages = messages
        if isinstance(stream, Unset):
            self.stream = None
        else:
            self.stream = stream
            if stream is not None or _given is None or "stream" in _given:
                given.append("stream")
        if isinstance(max_tokens, Unset):
            self.max_tokens = None
        else:
            self.max_tokens = max_tokens
            if max_tokens is not None or _given is None or "max_tokens" in _given:
                given.append("max_tokens")
        if isinstance(enable_thinking, Unset):
            self.enable_thinking = None
        else:
            self.enable_thinking = enable_thinking
            if (
                enable_thinking is not None
                or _given is None
                or "enable_thinking" in _given
            ):
                given.append("enable_thinking")
        if isinstance(thinking_budget, Unset):
            self.thinking_budget = None
        else:
            self.thinking_budget = thinking_budget
            if (
                thinking_budget is not None
                or _given is None
                or "thinking_budget" in _given
            ):
                given.append("thinking_budget")
        if isinstance(reasoning_effort, Unset):
            self.reasoning_effort = None
        else:
            self.reasoning_effort = reasoning_effort
            if (
                reasoning_effort is not None
                or _given is None
                or "reasoning_effort" in _given
            ):
                given.append("reasoning_effort")
        if isinstance(min_p, Unset):
            self.min_p = None
        else:
            self.min_p = min_p
            if min_p is not None or _given is None or "min_p" in _given:
                given.append("min_p")
        if isinstance(stop, Unset):
            self.stop = None
        else:
            self.stop = stop
            if stop is not None or _given is None or "stop" in _given:
                given.append("stop")
        if isinstance(temperature, Unset):
            self.temperature = None
        else:
            self.temperature = temperature
            if temperature is not None or _given is None or "temperature" in _given:
                given.append("temperature")
        if isinstance(top_p, Unset):
            self.top_p = None
        else:
            self.top_p = top_p
            if top_p is not None or _given is None or "top_p" in _given:
                given.append("top_p")
        if isinstance(top_k, Unset):
            self.top_k = None
        else:
            self.top_k = top_k
            if top_k is not None or _given is None or "top_k" in _given:
                given.append("top_k")
        if isinstance(frequency_penalty, Unset):
            self.frequency_penalty = None
        else:
            self.frequency_penalty = frequency_penalty
            if (
                frequency_penalty is not None
                or _given is None
                or "frequency_penalty" in _given
            ):
                given.append("frequency_penalty")
        if isinstance(n, Unset):
            self.n = None
        else:
            self.n = n
            if n is not None or _given is None or "n" in _given:
                given.append("n")
        if isinstance(response_format, Unset):
            self.response_format = None
        else:
            self.response_format = response_format
            if (
                response_format is not None
                or _given is None
                or "response_format" in _given
            ):
                given.append("response_format")
        if isinstance(tools, Unset):
            self.tools = None
        else:
            self.tools = tools
            if tools is not None or _given is None or "tools" in _given:
                given.append("tools")
        if isinstance(tool_choice, Unset):
            self.tool_choice = None
        else:
            self.tool_choice = tool_choice
            if tool_choice is not None or _given is None or "tool_choice" in _given:
                given.append("tool_choice")
        if isinstance(prefix, Unset):
            self.prefix = None
        else:
            self.prefix = prefix
            if prefix is not None or _given is None or "prefix" in _given:
                given.append("prefix")
        if isinstance(suffix, Unset):
            self.suffix = None
        else:
            self.suffix = suffix
            if suffix is not None or _given is None or "suffix" in _given:
                given.append("suffix")
        self.additional_properties = {}
        self._given = frozenset(given)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"model={self.model!r}, "
            f"messages={self.messages!r}, "
            f"stream={self.stream!r}, "
            f"max_tokens={self.max_tokens!r}, "
            f"enable_thinking={self.enable_thinking!r}, "
            f"thinking_budget={self.thinking_budget!r}, "
            f"reasoning_effort={self.reasoning_effort!r}, "
            f"min_p={self.min_p!r}, "
            f"stop={self.stop!r}, "
            f"temperature={self.temperature!r}, "
            f"top_p={self.top_p!r}, "
            f"top_k={self.top_k!r}, "
            f"frequency_penalty={self.frequency_penalty!r}, "
            f"n={self.n!r}, "
            f"response_format={self.response_format!r}, "
            f"tools={self.tools!r}, "
            f"tool_choice={self.tool_choice!r}, "
            f"prefix={self.prefix!r}, "
            f"suffix={self.suffix!r}"
            + (
                f", additional_properties={self.additional_properties!r}"
                if self.additional_properties
                else ""
            )
            + ")"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, ChatCompletionRequest)
        return self.to_dict() == other.to_dict()

    # Hidden from type checkers, which would accept any attribute name of a class with __getattr__.
    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            # An object read lazily (an optional object such as `usage`: its parent's from_dict
            # checked it and left it unbuilt): fill every slot from the JSON it keeps, then answer.
            member = _MEMBERS_ChatCompletionRequest.get(name)
            given = self._given
            if member is None or given.__class__ is frozenset:
                raise AttributeError(
                    f"{type(self).__name__!r} object has no attribute {name!r}"
                )
            full = ChatCompletionRequest.from_dict(given)
            for slot in _MEMBERS_ChatCompletionRequest.values():
                try:
                    slot.__get__(self)
                except AttributeError:  # not yet set (a value set by hand before stays)
                    slot.__set__(self, slot.__get__(full))
            return member.__get__(self)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "model": self.model,
            "messages": [
                (
                    _item0.to_dict()
                    if isinstance(_item0, SystemMessage)
                    else _item0.to_dict()
                    if isinstance(_item0, UserMessage)
                    else _item0.to_dict()
                    if isinstance(_item0, AssistantMessage)
                    else _item0.to_dict()
                    if isinstance(_item0, ToolMessage)
                    else _item0
                )
                for _item0 in self.messages
            ],
        }
        if self.stream is None:
            if "stream" in self._given:
                field_dict["stream"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.stream, Unset):
            field_dict["stream"] = self.stream
        if self.max_tokens is None:
            if "max_tokens" in self._given:
                field_dict["max_tokens"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.max_tokens, Unset):
            field_dict["max_tokens"] = self.max_tokens
        if self.enable_thinking is None:
            if "enable_thinking" in self._given:
                field_dict["enable_thinking"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.enable_thinking, Unset):
            field_dict["enable_thinking"] = self.enable_thinking
        if self.thinking_budget is None:
            if "thinking_budget" in self._given:
                field_dict["thinking_budget"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.thinking_budget, Unset):
            field_dict["thinking_budget"] = self.thinking_budget
        if self.reasoning_effort is None:
            if "reasoning_effort" in self._given:
                field_dict["reasoning_effort"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.reasoning_effort, Unset):
            field_dict["reasoning_effort"] = self.reasoning_effort
        if self.min_p is None:
            if "min_p" in self._given:
                field_dict["min_p"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.min_p, Unset):
            field_dict["min_p"] = self.min_p
        if self.stop is None:
            if "stop" in self._given:
                field_dict["stop"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.stop, Unset):
            field_dict["stop"] = self.stop
        if self.temperature is None:
            if "temperature" in self._given:
                field_dict["temperature"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.temperature, Unset):
            field_dict["temperature"] = self.temperature
        if self.top_p is None:
            if "top_p" in self._given:
                field_dict["top_p"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.top_p, Unset):
            field_dict["top_p"] = self.top_p
        if self.top_k is None:
            if "top_k" in self._given:
                field_dict["top_k"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.top_k, Unset):
            field_dict["top_k"] = self.top_k
        if self.frequency_penalty is None:
            if "frequency_penalty" in self._given:
                field_dict["frequency_penalty"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.frequency_penalty, Unset):
            field_dict["frequency_penalty"] = self.frequency_penalty
        if self.n is None:
            if "n" in self._given:
                field_dict["n"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.n, Unset):
            field_dict["n"] = self.n
        if self.response_format is None:
            if "response_format" in self._given:
                field_dict["response_format"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.response_format, Unset):
            field_dict["response_format"] = (
                self.response_format.to_dict()
                if isinstance(self.response_format, ResponseFormatText)
                else self.response_format.to_dict()
                if isinstance(self.response_format, ResponseFormatJsonObject)
                else self.response_format.to_dict()
                if isinstance(self.response_format, ResponseFormatJsonSchema)
                else self.response_format
            )
        if self.tools is None:
            if "tools" in self._given:
                field_dict["tools"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.tools, Unset):
            field_dict["tools"] = [_item0.to_dict() for _item0 in self.tools]
        if self.tool_choice is None:
            if "tool_choice" in self._given:
                field_dict["tool_choice"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.tool_choice, Unset):
            field_dict["tool_choice"] = (
                self.tool_choice.to_dict()
                if isinstance(self.tool_choice, NamedToolChoice)
                else self.tool_choice
            )
        if self.prefix is None:
            if "prefix" in self._given:
                field_dict["prefix"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.prefix, Unset):
            field_dict["prefix"] = self.prefix
        if self.suffix is None:
            if "suffix" in self._given:
                field_dict["suffix"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.suffix, Unset):
            field_dict["suffix"] = self.suffix
        return field_dict

    @classmethod
    def from_dict(
        cls,
        src_dict: Mapping[str, Any],
        _drift: Callable[[str, Any], None] | None = None,
        _path: str = "",
    ) -> Self:
        """Read a decoded JSON object; raises MalformedDataError naming the first field that does
        not match the spec. `_drift(path, value)`, when given, hears of every unknown field and
        unknown value of a field with known values; `_path` is this object's path in the payload."""
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise MalformedDataError("", "object", src_dict)
        try:  # a missing field is read again as UNSET, and named by its check
            model = src_dict["model"]
            messages = src_dict["messages"]
        except KeyError:
            model = src_dict.get("model", UNSET)
            messages = src_dict.get("messages", UNSET)
        if not (model.__class__ is str or isinstance(model, str)):
            raise MalformedDataError("model", "string", model)
        if messages.__class__ is not list:
            raise MalformedDataError("messages", "array", messages)
        _list0 = []
        for _item0 in messages:
            if _item0.__class__ is dict or isinstance(_item0, Mapping):
                try:
                    _item0 = SystemMessage.from_dict(
                        _item0, _drift, _path + "messages[]."
                    )
                except MalformedDataError:
                    try:
                        _item0 = UserMessage.from_dict(
                            _item0, _drift, _path + "messages[]."
                        )
                    except MalformedDataError:
                        try:
                            _item0 = AssistantMessage.from_dict(
                                _item0, _drift, _path + "messages[]."
                            )
                        except MalformedDataError:
                            try:
                                _item0 = ToolMessage.from_dict(
                                    _item0, _drift, _path + "messages[]."
                                )
                            except MalformedDataError:
                                raise MalformedDataError(
                                    f"messages[{messages.index(_item0)}]",
                                    "SystemMessage or UserMessage or AssistantMessage or ToolMessage",
                                    _item0,
                                ) from None

            else:
                raise MalformedDataError(
                    f"messages[{messages.index(_item0)}]", "object", _item0
                )

            _list0.append(_item0)
        messages = _list0

        stream = src_dict.get("stream")
        if not (
            stream.__class__ is bool or (stream is None and "stream" not in src_dict)
        ):
            raise MalformedDataError("stream", "boolean", stream)
        max_tokens = src_dict.get("max_tokens")
        if not (
            max_tokens.__class__ is int
            or (max_tokens is None and "max_tokens" not in src_dict)
            or (isinstance(max_tokens, int) and not isinstance(max_tokens, bool))
        ):
            raise MalformedDataError("max_tokens", "integer", max_tokens)
        enable_thinking = src_dict.get("enable_thinking")
        if not (
            enable_thinking.__class__ is bool
            or (enable_thinking is None and "enable_thinking" not in src_dict)
        ):
            raise MalformedDataError("enable_thinking", "boolean", enable_thinking)
        thinking_budget = src_dict.get("thinking_budget")
        if not (
            thinking_budget.__class__ is int
            or (thinking_budget is None and "thinking_budget" not in src_dict)
            or (
                isinstance(thinking_budget, int)
                and not isinstance(thinking_budget, bool)
            )
        ):
            raise MalformedDataError("thinking_budget", "integer", thinking_budget)
        reasoning_effort = src_dict.get("reasoning_effort")
        if not (
            reasoning_effort
            in (
                "high",
                "low",
                "max",
                "medium",
                "xhigh",
            )
            or (reasoning_effort is None and "reasoning_effort" not in src_dict)
        ):
            raise MalformedDataError(
                "reasoning_effort",
                "one of 'high', 'low', 'max', 'medium', 'xhigh'",
                reasoning_effort,
            )
        min_p = src_dict.get("min_p")
        if not (
            min_p.__class__ is float
            or min_p.__class__ is int
            or (min_p is None and "min_p" not in src_dict)
            or (isinstance(min_p, (int, float)) and not isinstance(min_p, bool))
        ):
            raise MalformedDataError("min_p", "number", min_p)
        stop = src_dict.get("stop")
        if stop is not None:
            if stop.__class__ is str or isinstance(stop, str) or stop is None:
                pass
            elif stop.__class__ is list:
                if stop.__class__ is not list:
                    raise MalformedDataError("stop", "array", stop)
                for _item0 in stop:
                    if not (_item0.__class__ is str or isinstance(_item0, str)):
                        raise MalformedDataError(
                            f"stop[{stop.index(_item0)}]", "string", _item0
                        )

            else:
                raise MalformedDataError("stop", "string, array or null", stop)

        temperature = src_dict.get("temperature")
        if not (
            temperature.__class__ is float
            or temperature.__class__ is int
            or (temperature is None and "temperature" not in src_dict)
            or (
                isinstance(temperature, (int, float))
                and not isinstance(temperature, bool)
            )
        ):
            raise MalformedDataError("temperature", "number", temperature)
        top_p = src_dict.get("top_p")
        if not (
            top_p.__class__ is float
            or top_p.__class__ is int
            or (top_p is None and "top_p" not in src_dict)
            or (isinstance(top_p, (int, float)) and not isinstance(top_p, bool))
        ):
            raise MalformedDataError("top_p", "number", top_p)
        top_k = src_dict.get("top_k")
        if not (
            top_k.__class__ is float
            or top_k.__class__ is int
            or (top_k is None and "top_k" not in src_dict)
            or (isinstance(top_k, (int, float)) and not isinstance(top_k, bool))
        ):
            raise MalformedDataError("top_k", "number", top_k)
        frequency_penalty = src_dict.get("frequency_penalty")
        if not (
            frequency_penalty.__class__ is float
            or frequency_penalty.__class__ is int
            or (frequency_penalty is None and "frequency_penalty" not in src_dict)
            or (
                isinstance(frequency_penalty, (int, float))
                and not isinstance(frequency_penalty, bool)
            )
        ):
            raise MalformedDataError("frequency_penalty", "number", frequency_penalty)
        n = src_dict.get("n")
        if not (
            n.__class__ is int
            or (n is None and "n" not in src_dict)
            or (isinstance(n, int) and not isinstance(n, bool))
        ):
            raise MalformedDataError("n", "integer", n)
        response_format = src_dict.get("response_format")
        if response_format is not None:
            if response_format.__class__ is dict or isinstance(
                response_format, Mapping
            ):
                try:
                    response_format = ResponseFormatText.from_dict(
                        response_format, _drift, _path + "response_format."
                    )
                except MalformedDataError:
                    try:
                        response_format = ResponseFormatJsonObject.from_dict(
                            response_format, _drift, _path + "response_format."
                        )
                    except MalformedDataError:
                        try:
                            response_format = ResponseFormatJsonSchema.from_dict(
                                response_format, _drift, _path + "response_format."
                            )
                        except MalformedDataError:
                            raise MalformedDataError(
                                "response_format",
                                "ResponseFormatText or ResponseFormatJsonObject or ResponseFormatJsonSchema",
                                response_format,
                            ) from None

            else:
                raise MalformedDataError("response_format", "object", response_format)

        elif "response_format" in src_dict:
            raise MalformedDataError("response_format", "object", None)
        tools = src_dict.get("tools")
        if tools is not None:
            if tools.__class__ is not list:
                raise MalformedDataError("tools", "array", tools)
            _list0 = []
            for _item0 in tools:
                if _item0.__class__ is not dict and not isinstance(_item0, Mapping):
                    raise MalformedDataError(
                        f"tools[{tools.index(_item0)}]", "object", _item0
                    )
                try:  # a missing field is read again as UNSET, and named by its check
                    _item0__type_ = _item0["type"]
                    _item0__function = _item0["function"]
                except KeyError:
                    _item0__type_ = _item0.get("type", UNSET)
                    _item0__function = _item0.get("function", UNSET)
                if not (_item0__type_ == "function"):
                    raise MalformedDataError(
                        f"tools[{tools.index(_item0)}].type",
                        "'function'",
                        _item0__type_,
                    )
                if _item0__function.__class__ is not dict and not isinstance(
                    _item0__function, Mapping
                ):
                    raise MalformedDataError(
                        f"tools[{tools.index(_item0)}].function",
                        "object",
                        _item0__function,
                    )
                try:  # a missing field is read again as UNSET, and named by its check
                    _item0__function__name = _item0__function["name"]
                except KeyError:
                    _item0__function__name = _item0__function.get("name", UNSET)
                if not (
                    _item0__function__name.__class__ is str
                    or isinstance(_item0__function__name, str)
                ):
                    raise MalformedDataError(
                        f"tools[{tools.index(_item0)}].function.name",
                        "string",
                        _item0__function__name,
                    )
                _item0__function__description = _item0__function.get("description")
                if not (
                    _item0__function__description.__class__ is str
                    or (
                        _item0__function__description is None
                        and "description" not in _item0__function
                    )
                    or isinstance(_item0__function__description, str)
                ):
                    raise MalformedDataError(
                        f"tools[{tools.index(_item0)}].function.description",
                        "string",
                        _item0__function__description,
                    )
                _item0__function__parameters = _item0__function.get("parameters")
                if _item0__function__parameters is not None:
                    if (
                        _item0__function__parameters.__class__ is not dict
                        and not isinstance(_item0__function__parameters, Mapping)
                    ):
                        raise MalformedDataError(
                            f"tools[{tools.index(_item0)}].function.parameters",
                            "object",
                            _item0__function__parameters,
                        )
                    _item0__function__parameters__object = _new(
                        FunctionDefinitionParameters
                    )
                    _item0__function__parameters__object._given = (
                        _item0__function__parameters
                    )
                    if (
                        _item0__function__parameters.keys()
                        <= _KEYS_FunctionDefinitionParameters
                    ):
                        _item0__function__parameters__object.additional_properties = {}
                    else:
                        _item0__function__parameters__object.additional_properties = {
                            _key: _value
                            for _key, _value in _item0__function__parameters.items()
                            if _key not in _KEYS_FunctionDefinitionParameters
                        }
                        if _drift is not None:
                            for (
                                _key,
                                _value,
                            ) in _item0__function__parameters__object.additional_properties.items():
                                _drift(
                                    _path + "tools[].function.parameters." + _key,
                                    _value,
                                )

                    _item0__function__parameters = _item0__function__parameters__object

                elif "parameters" in _item0__function:
                    raise MalformedDataError(
                        f"tools[{tools.index(_item0)}].function.parameters",
                        "object",
                        None,
                    )
                _item0__function__strict = _item0__function.get("strict")
                if not (
                    _item0__function__strict.__class__ is bool
                    or _item0__function__strict is None
                ):
                    raise MalformedDataError(
                        f"tools[{tools.index(_item0)}].function.strict",
                        "boolean or null",
                        _item0__function__strict,
                    )
                _item0__function__object = _new(FunctionDefinition)
                _item0__function__object.name = _item0__function__name
                _item0__function__object.description = _item0__function__description
                _item0__function__object.parameters = _item0__function__parameters
                _item0__function__object.strict = _item0__function__strict
                _item0__function__object._given = _item0__function
                if _item0__function.keys() <= _KEYS_FunctionDefinition:
                    _item0__function__object.additional_properties = {}
                else:
                    _item0__function__object.additional_properties = {
                        _key: _value
                        for _key, _value in _item0__function.items()
                        if _key not in _KEYS_FunctionDefinition
                    }
                    if _drift is not None:
                        for (
                            _key,
                            _value,
                        ) in _item0__function__object.additional_properties.items():
                            _drift(_path + "tools[].function." + _key, _value)

                _item0__function = _item0__function__object

                _item0__object = _new(ChatCompletionTool)
                _item0__object.type_ = _item0__type_
                _item0__object.function = _item0__function
                _item0__object._given = _item0
                if _item0.keys() <= _KEYS_ChatCompletionTool:
                    _item0__object.additional_properties = {}
                else:
                    _item0__object.additional_properties = {
                        _key: _value
                        for _key, _value in _item0.items()
                        if _key not in _KEYS_ChatCompletionTool
                    }
                    if _drift is not None:
                        for (
                            _key,
                            _value,
                        ) in _item0__object.additional_properties.items():
                            _drift(_path + "tools[]." + _key, _value)

                _item0 = _item0__object

                _list0.append(_item0)
            tools = _list0

        elif "tools" in src_dict:
            raise MalformedDataError("tools", "array", None)
        tool_choice = src_dict.get("tool_choice")
        if tool_choice is not None:
            if tool_choice in (
                "auto",
                "none",
                "required",
            ):
                pass
            elif tool_choice.__class__ is dict or isinstance(tool_choice, Mapping):
                try:  # a missing field is read again as UNSET, and named by its check
                    tool_choice__type_ = tool_choice["type"]
                    tool_choice__function = tool_choice["function"]
                except KeyError:
                    tool_choice__type_ = tool_choice.get("type", UNSET)
                    tool_choice__function = tool_choice.get("function", UNSET)
                if not (tool_choice__type_ == "function"):
                    raise MalformedDataError(
                        "tool_choice.type", "'function'", tool_choice__type_
                    )
                if tool_choice__function.__class__ is not dict and not isinstance(
                    tool_choice__function, Mapping
                ):
                    raise MalformedDataError(
                        "tool_choice.function", "object", tool_choice__function
                    )
                try:  # a missing field is read again as UNSET, and named by its check
                    tool_choice__function__name = tool_choice__function["name"]
                except KeyError:
                    tool_choice__function__name = tool_choice__function.get(
                        "name", UNSET
                    )
                if not (
                    tool_choice__function__name.__class__ is str
                    or isinstance(tool_choice__function__name, str)
                ):
                    raise MalformedDataError(
                        "tool_choice.function.name",
                        "string",
                        tool_choice__function__name,
                    )
                tool_choice__function__object = _new(NamedToolChoiceFunction)
                tool_choice__function__object.name = tool_choice__function__name
                tool_choice__function__object._given = tool_choice__function
                if tool_choice__function.keys() <= _KEYS_NamedToolChoiceFunction:
                    tool_choice__function__object.additional_properties = {}
                else:
                    tool_choice__function__object.additional_properties = {
                        _key: _value
                        for _key, _value in tool_choice__function.items()
                        if _key not in _KEYS_NamedToolChoiceFunction
                    }
                    if _drift is not None:
                        for (
                            _key,
                            _value,
                        ) in (
                            tool_choice__function__object.additional_properties.items()
                        ):
                            _drift(_path + "tool_choice.function." + _key, _value)

                tool_choice__function = tool_choice__function__object

                tool_choice__object = _new(NamedToolChoice)
                tool_choice__object.type_ = tool_choice__type_
                tool_choice__object.function = tool_choice__function
                tool_choice__object._given = tool_choice
                if tool_choice.keys() <= _KEYS_NamedToolChoice:
                    tool_choice__object.additional_properties = {}
                else:
                    tool_choice__object.additional_properties = {
                        _key: _value
                        for _key, _value in tool_choice.items()
                        if _key not in _KEYS_NamedToolChoice
                    }
                    if _drift is not None:
                        for (
                            _key,
                            _value,
                        ) in tool_choice__object.additional_properties.items():
                            _drift(_path + "tool_choice." + _key, _value)

                tool_choice = tool_choice__object

            else:
                raise MalformedDataError(
                    "tool_choice",
                    "one of 'auto', 'none', 'required' or object",
                    tool_choice,
                )

        elif "tool_choice" in src_dict:
            raise MalformedDataError(
                "tool_choice", "one of 'auto', 'none', 'required' or object", None
            )
        prefix = src_dict.get("prefix")
        if not (
            prefix.__class__ is str
            or (prefix is None and "prefix" not in src_dict)
            or isinstance(prefix, str)
        ):
            raise MalformedDataError("prefix", "string", prefix)
        suffix = src_dict.get("suffix")
        if not (
            suffix.__class__ is str
            or (suffix is None and "suffix" not in src_dict)
            or isinstance(suffix, str)
        ):
            raise MalformedDataError("suffix", "string", suffix)
        if cls is not ChatCompletionRequest:  # a subclass: its own __init__ runs
            _object = cls(
                model,
                messages,
                stream,
                max_tokens,
                enable_thinking,
                thinking_budget,
                reasoning_effort,
                min_p,
                stop,
                temperature,
                top_p,
                top_k,
                frequency_penalty,
                n,
                response_format,
                tools,
                tool_choice,
                prefix,
                suffix,
            )
            _object._given = src_dict
            if not src_dict.keys() <= _KEYS_ChatCompletionRequest:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_ChatCompletionRequest
                }
                if _drift is not None:
                    for _key, _value in _object.additional_properties.items():
                        _drift(_path + _key, _value)

            return _object
        _object = _new(cls)
        _object.model = model
        _object.messages = messages
        _object.stream = stream
        _object.max_tokens = max_tokens
        _object.enable_thinking = enable_thinking
        _object.thinking_budget = thinking_budget
        _object.reasoning_effort = reasoning_effort
        _object.min_p = min_p
        _object.stop = stop
        _object.temperature = temperature
        _object.top_p = top_p
        _object.top_k = top_k
        _object.frequency_penalty = frequency_penalty
        _object.n = n
        _object.response_format = response_format
        _object.tools = tools
        _object.tool_choice = tool_choice
        _object.prefix = prefix
        _object.suffix = suffix
        _object._given = src_dict
        if src_dict.keys() <= _KEYS_ChatCompletionRequest:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_ChatCompletionRequest
            }
            if _drift is not None:
                for _key, _value in _object.additional_properties.items():
                    _drift(_path + _key, _value)

        return _object

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


_MEMBERS_ChatCompletionRequest: dict[str, Any] = {
    _name: ChatCompletionRequest.__dict__[_name]
    for _name in (
        "model",
        "messages",
        "stream",
        "max_tokens",
        "enable_thinking",
        "thinking_budget",
        "reasoning_effort",
        "min_p",
        "stop",
        "temperature",
        "top_p",
        "top_k",
        "frequency_penalty",
        "n",
        "response_format",
        "tools",
        "tool_choice",
        "prefix",
        "suffix",
        "additional_properties",
    )
}

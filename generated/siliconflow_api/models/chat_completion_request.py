from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_completion_request_reasoning_effort import (
    ChatCompletionRequestReasoningEffort,
    check_chat_completion_request_reasoning_effort,
)
from ..models.tool_choice_type_0 import ToolChoiceType0, check_tool_choice_type_0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.assistant_message import AssistantMessage
    from ..models.named_tool_choice import NamedToolChoice
    from ..models.response_format_json_object import ResponseFormatJsonObject
    from ..models.response_format_json_schema import ResponseFormatJsonSchema
    from ..models.response_format_text import ResponseFormatText
    from ..models.system_message import SystemMessage
    from ..models.tool import Tool
    from ..models.tool_message import ToolMessage
    from ..models.user_message import UserMessage


T = TypeVar("T", bound="ChatCompletionRequest")


@_attrs_define
class ChatCompletionRequest:
    """A chat completion request. Only the fields a caller sets are sent; fields this document does
    not know can be added and are passed through (the API ignores what it does not use).

    """

    model: str
    """ Model id, for example `Pro/zai-org/GLM-4.7`, `deepseek-ai/DeepSeek-V3.2`, `Qwen/Qwen3-8B`.
    A free string: the model list changes often and `Pro/` variants exist.
     """
    messages: list[AssistantMessage | SystemMessage | ToolMessage | UserMessage]
    """ The conversation so far. """
    stream: bool | Unset = UNSET
    """ Stream the answer as Server-Sent Events, terminated by `data: [DONE]`. Server default: false.
     """
    max_tokens: int | Unset = UNSET
    """ Maximum tokens of the answer. It excludes the chain of thought. Input tokens plus
    max_tokens must fit the model's context window (else 400, code 20015).
     """
    enable_thinking: bool | Unset = UNSET
    """ Switch thinking mode on or off, for models that support both (Qwen3, GLM-4.5V/4.6/4.7/5,
    DeepSeek-V3.1/V3.2, Hunyuan-A13B, ...). The server default depends on the model.
     """
    thinking_budget: int | Unset = UNSET
    """ Maximum tokens of chain-of-thought output. Qwen3 stops thinking at the budget; other
    reasoning models may exceed it. The current docs state no default (the server decides).
     """
    reasoning_effort: ChatCompletionRequestReasoningEffort | Unset = UNSET
    """ Reasoning depth in thinking mode, for `deepseek-ai/DeepSeek-V4-Flash`,
    `Pro/deepseek-ai/DeepSeek-V4` and `Pro/zai-org/GLM-5.2`. Documented values `high` and
    `max`; server default `high` in thinking mode. The server also accepts OpenAI's spellings
    and maps them: `low` and `medium` to `high`, `xhigh` to `max`.
     """
    min_p: float | Unset = UNSET
    """ Dynamic filtering threshold relative to the top token's probability (Qwen3 only). """
    stop: list[str] | None | str | Unset = UNSET
    """ Up to 4 sequences where generation stops. The returned text excludes them. """
    temperature: float | Unset = UNSET
    """ Sampling temperature, 0 to 2. """
    top_p: float | Unset = UNSET
    """ Nucleus sampling threshold. Server default 0.7. """
    top_k: float | Unset = UNSET
    """ Top-k sampling, at most 100. A number in SiliconFlow's spec; clients send -1 to disable
    it, so no lower bound is enforced here.
     """
    frequency_penalty: float | Unset = UNSET
    """ Penalty for tokens by their frequency so far, -2 to 2. """
    n: int | Unset = UNSET
    """ Number of choices to generate. Server default 1. """
    response_format: (
        ResponseFormatJsonObject | ResponseFormatJsonSchema | ResponseFormatText | Unset
    ) = UNSET
    """ The format of the answer, in OpenAI's shape. `{"type": "json_object"}` turns on JSON mode
    (400 with code 20024 on models without it); `{"type": "json_schema", "json_schema": {...}}`
    asks for an answer valid against a JSON Schema.
     """
    tools: list[Tool] | Unset = UNSET
    """ Functions the model may call (at most 128). """
    tool_choice: NamedToolChoice | ToolChoiceType0 | Unset = UNSET
    """ Which tool the model must call, if any. """
    prefix: str | Unset = UNSET
    """ Prefix completion: the answer continues this text (non-reasoning models; Qwen3 only with
    thinking off). With `suffix`, fill-in-the-middle.
     """
    suffix: str | Unset = UNSET
    """ Fill-in-the-middle suffix, used with `prefix`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.assistant_message import AssistantMessage
        from ..models.response_format_json_object import ResponseFormatJsonObject
        from ..models.response_format_text import ResponseFormatText
        from ..models.system_message import SystemMessage
        from ..models.user_message import UserMessage

        model = self.model

        messages = []
        for messages_item_data in self.messages:
            messages_item: dict[str, Any]
            if (
                isinstance(messages_item_data, SystemMessage)
                or isinstance(messages_item_data, UserMessage)
                or isinstance(messages_item_data, AssistantMessage)
            ):
                messages_item = messages_item_data.to_dict()
            else:
                messages_item = messages_item_data.to_dict()

            messages.append(messages_item)

        stream = self.stream

        max_tokens = self.max_tokens

        enable_thinking = self.enable_thinking

        thinking_budget = self.thinking_budget

        reasoning_effort: str | Unset = UNSET
        if not isinstance(self.reasoning_effort, Unset):
            reasoning_effort = self.reasoning_effort

        min_p = self.min_p

        stop: list[str] | None | str | Unset
        if isinstance(self.stop, Unset):
            stop = UNSET
        elif isinstance(self.stop, list):
            stop = self.stop

        else:
            stop = self.stop

        temperature = self.temperature

        top_p = self.top_p

        top_k = self.top_k

        frequency_penalty = self.frequency_penalty

        n = self.n

        response_format: dict[str, Any] | Unset
        if isinstance(self.response_format, Unset):
            response_format = UNSET
        elif isinstance(self.response_format, ResponseFormatText) or isinstance(
            self.response_format, ResponseFormatJsonObject
        ):
            response_format = self.response_format.to_dict()
        else:
            response_format = self.response_format.to_dict()

        tools: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tools, Unset):
            tools = []
            for tools_item_data in self.tools:
                tools_item = tools_item_data.to_dict()
                tools.append(tools_item)

        tool_choice: dict[str, Any] | str | Unset
        if isinstance(self.tool_choice, Unset):
            tool_choice = UNSET
        elif isinstance(self.tool_choice, str):
            tool_choice = self.tool_choice
        else:
            tool_choice = self.tool_choice.to_dict()

        prefix = self.prefix

        suffix = self.suffix

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
                "messages": messages,
            }
        )
        if stream is not UNSET:
            field_dict["stream"] = stream
        if max_tokens is not UNSET:
            field_dict["max_tokens"] = max_tokens
        if enable_thinking is not UNSET:
            field_dict["enable_thinking"] = enable_thinking
        if thinking_budget is not UNSET:
            field_dict["thinking_budget"] = thinking_budget
        if reasoning_effort is not UNSET:
            field_dict["reasoning_effort"] = reasoning_effort
        if min_p is not UNSET:
            field_dict["min_p"] = min_p
        if stop is not UNSET:
            field_dict["stop"] = stop
        if temperature is not UNSET:
            field_dict["temperature"] = temperature
        if top_p is not UNSET:
            field_dict["top_p"] = top_p
        if top_k is not UNSET:
            field_dict["top_k"] = top_k
        if frequency_penalty is not UNSET:
            field_dict["frequency_penalty"] = frequency_penalty
        if n is not UNSET:
            field_dict["n"] = n
        if response_format is not UNSET:
            field_dict["response_format"] = response_format
        if tools is not UNSET:
            field_dict["tools"] = tools
        if tool_choice is not UNSET:
            field_dict["tool_choice"] = tool_choice
        if prefix is not UNSET:
            field_dict["prefix"] = prefix
        if suffix is not UNSET:
            field_dict["suffix"] = suffix

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.assistant_message import AssistantMessage
        from ..models.named_tool_choice import NamedToolChoice
        from ..models.response_format_json_object import ResponseFormatJsonObject
        from ..models.response_format_json_schema import ResponseFormatJsonSchema
        from ..models.response_format_text import ResponseFormatText
        from ..models.system_message import SystemMessage
        from ..models.tool import Tool
        from ..models.tool_message import ToolMessage
        from ..models.user_message import UserMessage

        d = dict(src_dict)
        model = d.pop("model")

        messages = []
        _messages = d.pop("messages")
        for messages_item_data in _messages:

            def _parse_messages_item(
                data: object,
            ) -> AssistantMessage | SystemMessage | ToolMessage | UserMessage:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_chat_message_type_0 = SystemMessage.from_dict(
                        data
                    )

                    return componentsschemas_chat_message_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_chat_message_type_1 = UserMessage.from_dict(data)

                    return componentsschemas_chat_message_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_chat_message_type_2 = AssistantMessage.from_dict(
                        data
                    )

                    return componentsschemas_chat_message_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_chat_message_type_3 = ToolMessage.from_dict(data)

                return componentsschemas_chat_message_type_3

            messages_item = _parse_messages_item(messages_item_data)

            messages.append(messages_item)

        stream = d.pop("stream", UNSET)

        max_tokens = d.pop("max_tokens", UNSET)

        enable_thinking = d.pop("enable_thinking", UNSET)

        thinking_budget = d.pop("thinking_budget", UNSET)

        _reasoning_effort = d.pop("reasoning_effort", UNSET)
        reasoning_effort: ChatCompletionRequestReasoningEffort | Unset
        if isinstance(_reasoning_effort, Unset):
            reasoning_effort = UNSET
        else:
            reasoning_effort = check_chat_completion_request_reasoning_effort(
                _reasoning_effort
            )

        min_p = d.pop("min_p", UNSET)

        def _parse_stop(data: object) -> list[str] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                stop_type_1 = cast(list[str], data)

                return stop_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | str | Unset, data)

        stop = _parse_stop(d.pop("stop", UNSET))

        temperature = d.pop("temperature", UNSET)

        top_p = d.pop("top_p", UNSET)

        top_k = d.pop("top_k", UNSET)

        frequency_penalty = d.pop("frequency_penalty", UNSET)

        n = d.pop("n", UNSET)

        def _parse_response_format(
            data: object,
        ) -> (
            ResponseFormatJsonObject
            | ResponseFormatJsonSchema
            | ResponseFormatText
            | Unset
        ):
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_response_format_type_0 = ResponseFormatText.from_dict(
                    data
                )

                return componentsschemas_response_format_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_response_format_type_1 = (
                    ResponseFormatJsonObject.from_dict(data)
                )

                return componentsschemas_response_format_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_response_format_type_2 = (
                ResponseFormatJsonSchema.from_dict(data)
            )

            return componentsschemas_response_format_type_2

        response_format = _parse_response_format(d.pop("response_format", UNSET))

        _tools = d.pop("tools", UNSET)
        tools: list[Tool] | Unset = UNSET
        if _tools is not UNSET:
            tools = []
            for tools_item_data in _tools:
                tools_item = Tool.from_dict(tools_item_data)

                tools.append(tools_item)

        def _parse_tool_choice(
            data: object,
        ) -> NamedToolChoice | ToolChoiceType0 | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_tool_choice_type_0 = check_tool_choice_type_0(data)

                return componentsschemas_tool_choice_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_tool_choice_type_1 = NamedToolChoice.from_dict(data)

            return componentsschemas_tool_choice_type_1

        tool_choice = _parse_tool_choice(d.pop("tool_choice", UNSET))

        prefix = d.pop("prefix", UNSET)

        suffix = d.pop("suffix", UNSET)

        chat_completion_request = cls(
            model=model,
            messages=messages,
            stream=stream,
            max_tokens=max_tokens,
            enable_thinking=enable_thinking,
            thinking_budget=thinking_budget,
            reasoning_effort=reasoning_effort,
            min_p=min_p,
            stop=stop,
            temperature=temperature,
            top_p=top_p,
            top_k=top_k,
            frequency_penalty=frequency_penalty,
            n=n,
            response_format=response_format,
            tools=tools,
            tool_choice=tool_choice,
            prefix=prefix,
            suffix=suffix,
        )

        chat_completion_request.additional_properties = d
        return chat_completion_request

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

"""The `ChatCompletionRequest` as `TypedDict`s: what `client.chat.completions.create(...)` accepts.

Written by scripts/generate.py (`make generate`) from openapi.yaml; never edit by hand. Names follow
openai-python's (`openai.types.chat`) where the shape means the same; import them from
`siliconflow.types`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, NotRequired, Required, TypeAlias, TypedDict

__all__ = [
    "ChatCompletionAssistantMessageParam",
    "ChatCompletionContentPartAudioParam",
    "ChatCompletionContentPartAudioParamAudioUrl",
    "ChatCompletionContentPartImageParam",
    "ChatCompletionContentPartImageParamImageUrl",
    "ChatCompletionContentPartParam",
    "ChatCompletionContentPartTextParam",
    "ChatCompletionContentPartVideoParam",
    "ChatCompletionContentPartVideoParamVideoUrl",
    "ChatCompletionMessageParam",
    "ChatCompletionMessageToolCallParam",
    "ChatCompletionNamedToolChoiceParam",
    "ChatCompletionNamedToolChoiceParamFunction",
    "ChatCompletionSystemMessageParam",
    "ChatCompletionToolChoiceOptionParam",
    "ChatCompletionToolMessageParam",
    "ChatCompletionToolParam",
    "ChatCompletionUserMessageParam",
    "CompletionCreateParams",
    "CompletionCreateParamsBase",
    "CompletionCreateParamsNonStreaming",
    "CompletionCreateParamsStreaming",
    "FunctionCallParam",
    "FunctionDefinition",
    "JSONSchema",
    "MediaDetail",
    "ResponseFormat",
    "ResponseFormatJSONObject",
    "ResponseFormatJSONSchema",
    "ResponseFormatText",
]


class ChatCompletionSystemMessageParam(TypedDict, total=False):
    role: Required[Literal["system"]]
    content: Required[str]
    name: NotRequired[str]


class ChatCompletionContentPartTextParam(TypedDict, total=False):
    type: Required[Literal["text"]]
    text: Required[str]


MediaDetail: TypeAlias = Literal["auto", "low", "high"]


class ChatCompletionContentPartImageParamImageUrl(TypedDict, total=False):
    url: Required[str]
    detail: NotRequired[MediaDetail]


class ChatCompletionContentPartImageParam(TypedDict, total=False):
    type: Required[Literal["image_url"]]
    image_url: Required[ChatCompletionContentPartImageParamImageUrl]


class ChatCompletionContentPartVideoParamVideoUrl(TypedDict, total=False):
    url: Required[str]
    detail: NotRequired[MediaDetail]
    max_frames: NotRequired[int]
    fps: NotRequired[int]


class ChatCompletionContentPartVideoParam(TypedDict, total=False):
    type: Required[Literal["video_url"]]
    video_url: Required[ChatCompletionContentPartVideoParamVideoUrl]


class ChatCompletionContentPartAudioParamAudioUrl(TypedDict, total=False):
    url: Required[str]


class ChatCompletionContentPartAudioParam(TypedDict, total=False):
    type: Required[Literal["audio_url"]]
    audio_url: Required[ChatCompletionContentPartAudioParamAudioUrl]


ChatCompletionContentPartParam: TypeAlias = (
    ChatCompletionContentPartTextParam
    | ChatCompletionContentPartImageParam
    | ChatCompletionContentPartVideoParam
    | ChatCompletionContentPartAudioParam
)


class ChatCompletionUserMessageParam(TypedDict, total=False):
    role: Required[Literal["user"]]
    content: Required[str | Iterable[ChatCompletionContentPartParam]]
    name: NotRequired[str]


class FunctionCallParam(TypedDict, total=False):
    name: Required[str]
    arguments: Required[str]


class ChatCompletionMessageToolCallParam(TypedDict, total=False):
    id: Required[str]
    type: Required[str]
    function: Required[FunctionCallParam]


class ChatCompletionAssistantMessageParam(TypedDict, total=False):
    role: Required[Literal["assistant"]]
    content: NotRequired[str | None]
    reasoning_content: NotRequired[str | None]
    tool_calls: NotRequired[Iterable[ChatCompletionMessageToolCallParam]]
    name: NotRequired[str]


class ChatCompletionToolMessageParam(TypedDict, total=False):
    role: Required[Literal["tool"]]
    content: Required[str]
    tool_call_id: Required[str]


ChatCompletionMessageParam: TypeAlias = (
    ChatCompletionSystemMessageParam
    | ChatCompletionUserMessageParam
    | ChatCompletionAssistantMessageParam
    | ChatCompletionToolMessageParam
)


class ResponseFormatText(TypedDict, total=False):
    type: Required[Literal["text"]]


class ResponseFormatJSONObject(TypedDict, total=False):
    type: Required[Literal["json_object"]]


class JSONSchema(TypedDict, total=False):
    name: Required[str]
    description: NotRequired[str]
    schema: NotRequired[dict[str, object]]
    strict: NotRequired[bool]


class ResponseFormatJSONSchema(TypedDict, total=False):
    type: Required[Literal["json_schema"]]
    json_schema: Required[JSONSchema]


ResponseFormat: TypeAlias = ResponseFormatText | ResponseFormatJSONObject | ResponseFormatJSONSchema


class FunctionDefinition(TypedDict, total=False):
    name: Required[str]
    description: NotRequired[str]
    parameters: NotRequired[dict[str, object]]
    strict: NotRequired[bool | None]


class ChatCompletionToolParam(TypedDict, total=False):
    type: Required[Literal["function"]]
    function: Required[FunctionDefinition]


class ChatCompletionNamedToolChoiceParamFunction(TypedDict, total=False):
    name: Required[str]


class ChatCompletionNamedToolChoiceParam(TypedDict, total=False):
    type: Required[Literal["function"]]
    function: Required[ChatCompletionNamedToolChoiceParamFunction]


ChatCompletionToolChoiceOptionParam: TypeAlias = (
    Literal["none", "auto", "required"] | ChatCompletionNamedToolChoiceParam
)


class CompletionCreateParamsBase(TypedDict, total=False):
    model: Required[str]
    messages: Required[Iterable[ChatCompletionMessageParam]]
    max_tokens: NotRequired[int]
    enable_thinking: NotRequired[bool]
    thinking_budget: NotRequired[int]
    reasoning_effort: NotRequired[Literal["high", "max", "low", "medium", "xhigh"]]
    min_p: NotRequired[float]
    stop: NotRequired[str | list[str] | None]
    temperature: NotRequired[float]
    top_p: NotRequired[float]
    top_k: NotRequired[float]
    frequency_penalty: NotRequired[float]
    n: NotRequired[int]
    response_format: NotRequired[ResponseFormat]
    tools: NotRequired[Iterable[ChatCompletionToolParam]]
    tool_choice: NotRequired[ChatCompletionToolChoiceOptionParam]
    prefix: NotRequired[str]
    suffix: NotRequired[str]


class CompletionCreateParamsNonStreaming(CompletionCreateParamsBase, total=False):
    stream: NotRequired[Literal[False] | None]


class CompletionCreateParamsStreaming(CompletionCreateParamsBase, total=False):
    stream: Required[Literal[True]]


CompletionCreateParams: TypeAlias = CompletionCreateParamsNonStreaming | CompletionCreateParamsStreaming

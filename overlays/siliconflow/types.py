"""The types a program that calls the API touches, in one place (as `openai.types.chat`).

```python
from siliconflow.types import ChatCompletion, ChatCompletionMessageParam, ChatCompletionToolParam
```

Request parameters are the `TypedDict`s `make generate` writes from openapi.yaml
(`siliconflow_api.params`, openai-python's names); responses are the generated models. The request
model of a tool is `ChatCompletionTool` here (the tool runner's `siliconflow.Tool` is a different
thing: a Python function the runner calls).
"""

from __future__ import annotations

from siliconflow_api.models import (
    ChatCompletion,
    ChatCompletionChunk,
    ChatCompletionRequest,
    ChatCompletionTool,
    Choice,
    ChunkChoice,
    ChunkDelta,
    CompletionTokensDetails,
    FunctionCall,
    PromptTokensDetails,
    ResponseMessage,
    ToolCall,
    ToolCallDelta,
    Usage,
)
from siliconflow_api.params import (
    ChatCompletionAssistantMessageParam,
    ChatCompletionContentPartAudioParam,
    ChatCompletionContentPartImageParam,
    ChatCompletionContentPartParam,
    ChatCompletionContentPartTextParam,
    ChatCompletionContentPartVideoParam,
    ChatCompletionMessageParam,
    ChatCompletionMessageToolCallParam,
    ChatCompletionNamedToolChoiceParam,
    ChatCompletionSystemMessageParam,
    ChatCompletionToolChoiceOptionParam,
    ChatCompletionToolMessageParam,
    ChatCompletionToolParam,
    ChatCompletionUserMessageParam,
    CompletionCreateParams,
    CompletionCreateParamsBase,
    CompletionCreateParamsNonStreaming,
    CompletionCreateParamsStreaming,
    FunctionCallParam,
    FunctionDefinition,
    JSONSchema,
    ResponseFormat,
    ResponseFormatJSONObject,
    ResponseFormatJSONSchema,
    ResponseFormatText,
)

# openai-python's names for the same response shapes.
ChatCompletionMessage = ResponseMessage
ChatCompletionMessageToolCall = ToolCall
ChatCompletionMessageFunctionToolCall = ToolCall  # SiliconFlow has function tools only
CompletionUsage = Usage

__all__ = [
    "ChatCompletion",
    "ChatCompletionAssistantMessageParam",
    "ChatCompletionChunk",
    "ChatCompletionContentPartAudioParam",
    "ChatCompletionContentPartImageParam",
    "ChatCompletionContentPartParam",
    "ChatCompletionContentPartTextParam",
    "ChatCompletionContentPartVideoParam",
    "ChatCompletionMessage",
    "ChatCompletionMessageFunctionToolCall",
    "ChatCompletionMessageParam",
    "ChatCompletionMessageToolCall",
    "ChatCompletionMessageToolCallParam",
    "ChatCompletionNamedToolChoiceParam",
    "ChatCompletionRequest",
    "ChatCompletionSystemMessageParam",
    "ChatCompletionTool",
    "ChatCompletionToolChoiceOptionParam",
    "ChatCompletionToolMessageParam",
    "ChatCompletionToolParam",
    "ChatCompletionUserMessageParam",
    "Choice",
    "ChunkChoice",
    "ChunkDelta",
    "CompletionCreateParams",
    "CompletionCreateParamsBase",
    "CompletionCreateParamsNonStreaming",
    "CompletionCreateParamsStreaming",
    "CompletionTokensDetails",
    "CompletionUsage",
    "FunctionCall",
    "FunctionCallParam",
    "FunctionDefinition",
    "JSONSchema",
    "PromptTokensDetails",
    "ResponseFormat",
    "ResponseFormatJSONObject",
    "ResponseFormatJSONSchema",
    "ResponseFormatText",
    "ResponseMessage",
    "ToolCall",
    "ToolCallDelta",
    "Usage",
]

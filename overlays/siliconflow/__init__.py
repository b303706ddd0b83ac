"""Hand-written layer over the generated `siliconflow_api` client.

The generator never touches this package. It adds what openapi-python-client cannot generate:
SSE streaming, accumulation of stream chunks into a `ChatCompletion`, SiliconFlow's errors,
retries, timeouts and thinking-mode helpers, and on top of them the tool runner, structured output,
raw responses and per-call options.
"""

from .accumulate import ChatCompletionAccumulator
from .client import DEFAULT_BASE_URL, AsyncSiliconFlow, SiliconFlow
from .errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    GatewayTimeoutError,
    IncompleteStreamError,
    InsufficientBalanceError,
    InternalServerError,
    MalformedChunkError,
    MalformedResponseError,
    NotFoundError,
    OverloadedError,
    PermissionDeniedError,
    RateLimitError,
    SiliconFlowError,
    StreamAPIError,
    StreamError,
    StreamInterruptedError,
)
from .events import (
    AnswerEvent,
    FinishEvent,
    ReasoningEvent,
    StreamEvent,
    StreamEventBuilder,
    ToolCallEvent,
    aiter_events,
    iter_events,
)
from .json_schema_of import json_schema_of
from .messages import assistant_message, assistant_message_from_choice
from .raw import RawResponse
from .retries import RetryPolicy
from .stream import AsyncChatCompletionStream, ChatCompletionStream
from .structured import LengthFinishReasonError, ParsedCompletion, StructuredOutputError
from .think_tags import ThinkTagSplitter, split_think_tags
from .thinking import (
    Thinking,
    ThinkingOptionError,
    TokenUsage,
    answer_text,
    check_thinking_fields,
    reasoning_text,
    token_usage,
)
from .timeouts import DEFAULT_STREAM_TIMEOUT, DEFAULT_TIMEOUT
from .tools import (
    AsyncToolRunStream,
    MaxRoundsError,
    Tool,
    ToolChoiceThinkingError,
    ToolResultEvent,
    ToolRunResult,
    ToolRunStream,
    tool,
)
from .transport import AsyncRetryTransport, RetryTransport

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_STREAM_TIMEOUT",
    "DEFAULT_TIMEOUT",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AnswerEvent",
    "AsyncChatCompletionStream",
    "AsyncRetryTransport",
    "AsyncSiliconFlow",
    "AsyncToolRunStream",
    "AuthenticationError",
    "BadRequestError",
    "ChatCompletionAccumulator",
    "ChatCompletionStream",
    "FinishEvent",
    "GatewayTimeoutError",
    "IncompleteStreamError",
    "InsufficientBalanceError",
    "InternalServerError",
    "LengthFinishReasonError",
    "MalformedChunkError",
    "MalformedResponseError",
    "MaxRoundsError",
    "NotFoundError",
    "OverloadedError",
    "ParsedCompletion",
    "PermissionDeniedError",
    "RateLimitError",
    "RawResponse",
    "ReasoningEvent",
    "RetryPolicy",
    "RetryTransport",
    "SiliconFlow",
    "SiliconFlowError",
    "StreamAPIError",
    "StreamError",
    "StreamEvent",
    "StreamEventBuilder",
    "StreamInterruptedError",
    "StructuredOutputError",
    "ThinkTagSplitter",
    "Thinking",
    "ThinkingOptionError",
    "TokenUsage",
    "Tool",
    "ToolCallEvent",
    "ToolChoiceThinkingError",
    "ToolResultEvent",
    "ToolRunResult",
    "ToolRunStream",
    "aiter_events",
    "answer_text",
    "assistant_message",
    "assistant_message_from_choice",
    "check_thinking_fields",
    "iter_events",
    "json_schema_of",
    "reasoning_text",
    "split_think_tags",
    "token_usage",
    "tool",
]

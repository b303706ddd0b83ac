"""Hand-written layer over the generated `siliconflow_api` client.

The generator never touches this package. It adds what openapi-python-client cannot generate:
SSE streaming, accumulation of stream chunks into a `ChatCompletion`, SiliconFlow's errors,
retries, timeouts and thinking-mode helpers.
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
    StreamTimeoutError,
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
from .messages import assistant_message, assistant_message_from_choice
from .retries import RetryPolicy
from .stream import AsyncChatCompletionStream, ChatCompletionStream
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
from .timeouts import DEFAULT_DEADLINE, DEFAULT_STREAM_TIMEOUT, DEFAULT_TIMEOUT
from .transport import AsyncRetryTransport, RetryTransport

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_DEADLINE",
    "DEFAULT_STREAM_TIMEOUT",
    "DEFAULT_TIMEOUT",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AnswerEvent",
    "AsyncChatCompletionStream",
    "AsyncRetryTransport",
    "AsyncSiliconFlow",
    "AuthenticationError",
    "BadRequestError",
    "ChatCompletionAccumulator",
    "ChatCompletionStream",
    "FinishEvent",
    "GatewayTimeoutError",
    "IncompleteStreamError",
    "InsufficientBalanceError",
    "InternalServerError",
    "MalformedChunkError",
    "MalformedResponseError",
    "NotFoundError",
    "OverloadedError",
    "PermissionDeniedError",
    "RateLimitError",
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
    "StreamTimeoutError",
    "ThinkTagSplitter",
    "Thinking",
    "ThinkingOptionError",
    "TokenUsage",
    "ToolCallEvent",
    "aiter_events",
    "answer_text",
    "assistant_message",
    "assistant_message_from_choice",
    "check_thinking_fields",
    "iter_events",
    "reasoning_text",
    "split_think_tags",
    "token_usage",
]

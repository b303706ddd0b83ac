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
)
from .retries import RetryPolicy
from .stream import AsyncChatCompletionStream, ChatCompletionStream
from .timeouts import DEFAULT_STREAM_TIMEOUT, DEFAULT_TIMEOUT
from .transport import AsyncRetryTransport, RetryTransport

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_STREAM_TIMEOUT",
    "DEFAULT_TIMEOUT",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncChatCompletionStream",
    "AsyncRetryTransport",
    "AsyncSiliconFlow",
    "AuthenticationError",
    "BadRequestError",
    "ChatCompletionAccumulator",
    "ChatCompletionStream",
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
    "RetryPolicy",
    "RetryTransport",
    "SiliconFlow",
    "SiliconFlowError",
    "StreamAPIError",
    "StreamError",
    "StreamInterruptedError",
]

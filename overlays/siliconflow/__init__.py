"""Hand-written layer over the generated `siliconflow_api` client.

The generator never touches this package. It adds what openapi-python-client cannot generate:
SSE streaming, accumulation of stream chunks into a `ChatCompletion`, SiliconFlow's errors,
retries, timeouts and thinking-mode helpers.

Names are imported on first use (PEP 562), so `import siliconflow` costs next to nothing and a
program pays only for the parts it touches: `from siliconflow import DEFAULT_BASE_URL` loads no
HTTP stack, `from siliconflow import SiliconFlow` loads the client and the generated models.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._core.defaults import API_KEY_ENV, BASE_URL_ENV, DEFAULT_BASE_URL
    from ._core.errors import (
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
    from ._core.pool import DEFAULT_CONNECTION_LIMITS
    from ._core.retries import RetryPolicy
    from ._core.timeouts import DEFAULT_DEADLINE, DEFAULT_STREAM_TIMEOUT, DEFAULT_TIMEOUT
    from ._core.transport import AsyncRetryTransport, RetryTransport
    from ._streaming.accumulate import ChatCompletionAccumulator
    from ._streaming.stream import AsyncChatCompletionStream, ChatCompletionStream
    from .client import AsyncSiliconFlow, SiliconFlow
    from .lib.events import (
        AnswerEvent,
        FinishEvent,
        ReasoningEvent,
        StreamEvent,
        StreamEventBuilder,
        ToolCallEvent,
        aiter_events,
        iter_events,
    )
    from .lib.messages import assistant_message, assistant_message_from_choice
    from .lib.structured import LengthFinishReasonError, ParsedCompletion, StructuredOutputError
    from .lib.think_tags import ThinkTagSplitter, split_think_tags
    from .lib.thinking import (
        Thinking,
        ThinkingOptionError,
        TokenUsage,
        answer_text,
        check_thinking_fields,
        reasoning_text,
        token_usage,
    )
    from .lib.tools import (
        AsyncToolRunStream,
        MaxRoundsError,
        Tool,
        ToolChoiceThinkingError,
        ToolResultEvent,
        ToolRunResult,
        ToolRunStream,
        tool,
    )
    from .lib.type_schemas import json_schema_of
    from .resources.models import AsyncModels, Models
    from .resources.raw import RawResponse
    from .resources.user import AsyncUser, User, UserInfo, UserInfoNotFoundError

# Public name -> the module that defines it, loaded when the name is first asked for.
_MODULES: dict[str, tuple[str, ...]] = {
    "_streaming.accumulate": ("ChatCompletionAccumulator",),
    "client": (
        "AsyncSiliconFlow",
        "SiliconFlow",
    ),
    "_core.defaults": (
        "API_KEY_ENV",
        "BASE_URL_ENV",
        "DEFAULT_BASE_URL",
    ),
    "_core.errors": (
        "APIConnectionError",
        "APIStatusError",
        "APITimeoutError",
        "AuthenticationError",
        "BadRequestError",
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
        "SiliconFlowError",
        "StreamAPIError",
        "StreamError",
        "StreamInterruptedError",
        "StreamTimeoutError",
    ),
    "lib.events": (
        "AnswerEvent",
        "FinishEvent",
        "ReasoningEvent",
        "StreamEvent",
        "StreamEventBuilder",
        "ToolCallEvent",
        "aiter_events",
        "iter_events",
    ),
    "lib.messages": (
        "assistant_message",
        "assistant_message_from_choice",
    ),
    "resources.models": (
        "AsyncModels",
        "Models",
    ),
    "resources.raw": ("RawResponse",),
    "_core.retries": ("RetryPolicy",),
    "_streaming.stream": (
        "AsyncChatCompletionStream",
        "ChatCompletionStream",
    ),
    "lib.structured": (
        "LengthFinishReasonError",
        "ParsedCompletion",
        "StructuredOutputError",
    ),
    "lib.think_tags": (
        "ThinkTagSplitter",
        "split_think_tags",
    ),
    "lib.thinking": (
        "Thinking",
        "ThinkingOptionError",
        "TokenUsage",
        "answer_text",
        "check_thinking_fields",
        "reasoning_text",
        "token_usage",
    ),
    "_core.pool": ("DEFAULT_CONNECTION_LIMITS",),
    "_core.timeouts": (
        "DEFAULT_DEADLINE",
        "DEFAULT_STREAM_TIMEOUT",
        "DEFAULT_TIMEOUT",
    ),
    "lib.tools": (
        "AsyncToolRunStream",
        "MaxRoundsError",
        "Tool",
        "ToolChoiceThinkingError",
        "ToolResultEvent",
        "ToolRunResult",
        "ToolRunStream",
        "tool",
    ),
    "_core.transport": (
        "AsyncRetryTransport",
        "RetryTransport",
    ),
    "lib.type_schemas": ("json_schema_of",),
    "resources.user": (
        "AsyncUser",
        "User",
        "UserInfo",
        "UserInfoNotFoundError",
    ),
}

_SOURCE = {name: module for module, names in _MODULES.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _SOURCE.get(name)
    if module is None:
        return _submodule(name)
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # the next lookup is a plain global
    return value


def _submodule(name: str) -> Any:
    """`import siliconflow; siliconflow.bulk.X` works without importing the subpackage first."""
    if not name.startswith("_"):
        try:
            return importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"{__name__}.{name}":
                raise
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "API_KEY_ENV",
    "BASE_URL_ENV",
    "DEFAULT_BASE_URL",
    "DEFAULT_CONNECTION_LIMITS",
    "DEFAULT_DEADLINE",
    "DEFAULT_STREAM_TIMEOUT",
    "DEFAULT_TIMEOUT",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AnswerEvent",
    "AsyncChatCompletionStream",
    "AsyncModels",
    "AsyncRetryTransport",
    "AsyncSiliconFlow",
    "AsyncToolRunStream",
    "AsyncUser",
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
    "Models",
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
    "StreamTimeoutError",
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
    "User",
    "UserInfo",
    "UserInfoNotFoundError",
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

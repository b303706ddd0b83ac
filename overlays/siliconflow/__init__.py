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
    # `X as X`: an explicit re-export for type checkers, so `__all__` need not repeat the names.
    from ._core.defaults import (
        API_KEY_ENV as API_KEY_ENV,
    )
    from ._core.defaults import (
        BASE_URL_ENV as BASE_URL_ENV,
    )
    from ._core.defaults import (
        DEFAULT_BASE_URL as DEFAULT_BASE_URL,
    )
    from ._core.errors import (
        APIConnectionError as APIConnectionError,
    )
    from ._core.errors import (
        APIStatusError as APIStatusError,
    )
    from ._core.errors import (
        APITimeoutError as APITimeoutError,
    )
    from ._core.errors import (
        AuthenticationError as AuthenticationError,
    )
    from ._core.errors import (
        BadRequestError as BadRequestError,
    )
    from ._core.errors import (
        ClientClosedError as ClientClosedError,
    )
    from ._core.errors import (
        GatewayTimeoutError as GatewayTimeoutError,
    )
    from ._core.errors import (
        GoneError as GoneError,
    )
    from ._core.errors import (
        IncompleteStreamError as IncompleteStreamError,
    )
    from ._core.errors import (
        InsufficientBalanceError as InsufficientBalanceError,
    )
    from ._core.errors import (
        InternalServerError as InternalServerError,
    )
    from ._core.errors import (
        MalformedChunkError as MalformedChunkError,
    )
    from ._core.errors import (
        MalformedResponseError as MalformedResponseError,
    )
    from ._core.errors import (
        NotFoundError as NotFoundError,
    )
    from ._core.errors import (
        OverloadedError as OverloadedError,
    )
    from ._core.errors import (
        PermissionDeniedError as PermissionDeniedError,
    )
    from ._core.errors import (
        RateLimitError as RateLimitError,
    )
    from ._core.errors import (
        ResponseTooLargeError as ResponseTooLargeError,
    )
    from ._core.errors import (
        SiliconFlowError as SiliconFlowError,
    )
    from ._core.errors import (
        StreamAPIError as StreamAPIError,
    )
    from ._core.errors import (
        StreamError as StreamError,
    )
    from ._core.errors import (
        StreamInterruptedError as StreamInterruptedError,
    )
    from ._core.errors import (
        StreamTimeoutError as StreamTimeoutError,
    )
    from ._core.pool import DEFAULT_CONNECTION_LIMITS as DEFAULT_CONNECTION_LIMITS
    from ._core.request_checks import check_headers as check_headers
    from ._core.retries import RetryPolicy as RetryPolicy
    from ._core.timeouts import (
        DEFAULT_DEADLINE as DEFAULT_DEADLINE,
    )
    from ._core.timeouts import (
        DEFAULT_STREAM_TIMEOUT as DEFAULT_STREAM_TIMEOUT,
    )
    from ._core.timeouts import (
        DEFAULT_TIMEOUT as DEFAULT_TIMEOUT,
    )
    from ._core.transport import AsyncRetryTransport as AsyncRetryTransport
    from ._core.transport import RetryTransport as RetryTransport
    from ._streaming.accumulate import ChatCompletionAccumulator as ChatCompletionAccumulator
    from ._streaming.stream import (
        AsyncChatCompletionStream as AsyncChatCompletionStream,
    )
    from ._streaming.stream import (
        ChatCompletionStream as ChatCompletionStream,
    )
    from .client import AsyncSiliconFlow as AsyncSiliconFlow
    from .client import SiliconFlow as SiliconFlow
    from .lib.events import (
        AnswerEvent as AnswerEvent,
    )
    from .lib.events import (
        FinishEvent as FinishEvent,
    )
    from .lib.events import (
        ReasoningEvent as ReasoningEvent,
    )
    from .lib.events import (
        StreamEvent as StreamEvent,
    )
    from .lib.events import (
        StreamEventBuilder as StreamEventBuilder,
    )
    from .lib.events import (
        ToolCallEvent as ToolCallEvent,
    )
    from .lib.events import (
        aiter_events as aiter_events,
    )
    from .lib.events import (
        iter_events as iter_events,
    )
    from .lib.messages import (
        assistant_message as assistant_message,
    )
    from .lib.messages import (
        assistant_message_from_choice as assistant_message_from_choice,
    )
    from .lib.structured import (
        LengthFinishReasonError as LengthFinishReasonError,
    )
    from .lib.structured import (
        ParsedCompletion as ParsedCompletion,
    )
    from .lib.structured import (
        StructuredOutputError as StructuredOutputError,
    )
    from .lib.think_tags import ThinkTagSplitter as ThinkTagSplitter
    from .lib.think_tags import split_think_tags as split_think_tags
    from .lib.thinking import (
        Thinking as Thinking,
    )
    from .lib.thinking import (
        ThinkingOptionError as ThinkingOptionError,
    )
    from .lib.thinking import (
        TokenUsage as TokenUsage,
    )
    from .lib.thinking import (
        answer_text as answer_text,
    )
    from .lib.thinking import (
        check_thinking_fields as check_thinking_fields,
    )
    from .lib.thinking import (
        reasoning_text as reasoning_text,
    )
    from .lib.thinking import (
        token_usage as token_usage,
    )
    from .lib.tools import (
        AsyncToolRunStream as AsyncToolRunStream,
    )
    from .lib.tools import (
        MaxRoundsError as MaxRoundsError,
    )
    from .lib.tools import (
        Tool as Tool,
    )
    from .lib.tools import (
        ToolChoiceThinkingError as ToolChoiceThinkingError,
    )
    from .lib.tools import (
        ToolResultEvent as ToolResultEvent,
    )
    from .lib.tools import (
        ToolRunResult as ToolRunResult,
    )
    from .lib.tools import (
        ToolRunStream as ToolRunStream,
    )
    from .lib.tools import (
        tool as tool,
    )
    from .lib.type_schemas import json_schema_of as json_schema_of
    from .resources._base import RawResponse as RawResponse
    from .resources.models import AsyncModels as AsyncModels
    from .resources.models import Models as Models
    from .resources.user import (
        AsyncUser as AsyncUser,
    )
    from .resources.user import (
        User as User,
    )
    from .resources.user import (
        UserInfo as UserInfo,
    )
    from .resources.user import (
        UserInfoNotFoundError as UserInfoNotFoundError,
    )

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
        "ClientClosedError",
        "GatewayTimeoutError",
        "GoneError",
        "IncompleteStreamError",
        "InsufficientBalanceError",
        "InternalServerError",
        "MalformedChunkError",
        "MalformedResponseError",
        "NotFoundError",
        "OverloadedError",
        "PermissionDeniedError",
        "RateLimitError",
        "ResponseTooLargeError",
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
    "resources._base": ("RawResponse",),
    "_core.request_checks": ("check_headers",),
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


__all__ = sorted(_SOURCE)  # noqa: PLE0605 - each public name is listed once, in the table above

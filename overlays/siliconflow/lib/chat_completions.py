"""`client.chat.completions` with the helpers of this tier: `parse`, `run_tools`, `stream_tools`.

The resource (`resources/chat.py`) sends; these helpers loop over it (`structured.py`, `tools.py`)
and are given the resource, never the client. The request is given as for `create`: the fields as
keywords (`model=`, `messages=`, ... as `create` takes them), or `request=ChatCompletionRequest(...)`.

```python
result = client.chat.completions.parse(model=..., messages=[...], response_format=City)
run = client.chat.completions.run_tools(model=..., messages=[...], tools=[get_weather])
```
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, overload

from siliconflow_api.models.chat_completion_request import ChatCompletionRequest

from .._core.call_options import CallOptions
from ..resources.chat import (
    AsyncCompletions,
    Completions,
    build_request,
    split_arguments,
)

if TYPE_CHECKING:
    from .structured import OutputMode, ParsedCompletion
    from .tools import AsyncToolRunStream, Tool, ToolRunResult, ToolRunStream

__all__ = ["AsyncChatCompletions", "ChatCompletions"]

T = TypeVar("T")


def _split(
    request: ChatCompletionRequest | None, arguments: dict[str, Any], method: str, *, strict: bool
) -> tuple[ChatCompletionRequest, CallOptions]:
    params, options = split_arguments(arguments)
    return build_request(request, params, method, strict=strict), options


class ChatCompletions(Completions):
    """The sync `client.chat.completions`: `create`, `stream`, and the helpers below."""

    @overload
    def parse(
        self,
        *,
        response_format: type[T],
        request: ChatCompletionRequest | None = None,
        max_attempts: int = 3,
        mode: OutputMode = "auto",
        **params: Any,
    ) -> ParsedCompletion[T]: ...
    @overload
    def parse(
        self,
        *,
        response_format: dict[str, Any],
        request: ChatCompletionRequest | None = None,
        max_attempts: int = 3,
        mode: OutputMode = "auto",
        **params: Any,
    ) -> ParsedCompletion[Any]: ...
    def parse(
        self,
        *,
        response_format: type[Any] | dict[str, Any],
        request: ChatCompletionRequest | None = None,
        max_attempts: int = 3,
        mode: OutputMode = "auto",
        **params: Any,
    ) -> ParsedCompletion[Any]:
        """The answer as `response_format` (a type or a JSON Schema), validated, retried with feedback."""
        from .structured import parse  # noqa: PLC0415 - loaded by the programs that use it

        built, options = _split(request, params, "parse", strict=self.context.strict_params)
        return parse(self, built, response_format, max_attempts=max_attempts, mode=mode, options=options)

    def run_tools(
        self,
        *,
        tools: Sequence[Tool | Callable[..., Any]],
        request: ChatCompletionRequest | None = None,
        max_rounds: int = 10,
        raise_tool_errors: bool = False,
        **params: Any,
    ) -> ToolRunResult:
        """Call the model and run the tools it asks for until it answers (see `tools.py`)."""
        from .tools import run_tools  # noqa: PLC0415 - loaded by the programs that use it

        built, options = _split(request, dict(params), "run_tools", strict=self.context.strict_params)
        return run_tools(
            self, built, tools, max_rounds=max_rounds, raise_tool_errors=raise_tool_errors, options=options
        )

    def stream_tools(
        self,
        *,
        tools: Sequence[Tool | Callable[..., Any]],
        request: ChatCompletionRequest | None = None,
        max_rounds: int = 10,
        raise_tool_errors: bool = False,
        **params: Any,
    ) -> ToolRunStream:
        """`run_tools`, streamed: each round's events and a `ToolResultEvent` per call; then `.result`."""
        from .tools import stream_tools  # noqa: PLC0415 - loaded by the programs that use it

        built, options = _split(request, dict(params), "stream_tools", strict=self.context.strict_params)
        return stream_tools(
            self, built, tools, max_rounds=max_rounds, raise_tool_errors=raise_tool_errors, options=options
        )


class AsyncChatCompletions(AsyncCompletions):
    """The async `client.chat.completions`."""

    @overload
    async def parse(
        self,
        *,
        response_format: type[T],
        request: ChatCompletionRequest | None = None,
        max_attempts: int = 3,
        mode: OutputMode = "auto",
        **params: Any,
    ) -> ParsedCompletion[T]: ...
    @overload
    async def parse(
        self,
        *,
        response_format: dict[str, Any],
        request: ChatCompletionRequest | None = None,
        max_attempts: int = 3,
        mode: OutputMode = "auto",
        **params: Any,
    ) -> ParsedCompletion[Any]: ...
    async def parse(
        self,
        *,
        response_format: type[Any] | dict[str, Any],
        request: ChatCompletionRequest | None = None,
        max_attempts: int = 3,
        mode: OutputMode = "auto",
        **params: Any,
    ) -> ParsedCompletion[Any]:
        """As `ChatCompletions.parse`."""
        from .structured import aparse  # noqa: PLC0415 - loaded by the programs that use it

        built, options = _split(request, params, "parse", strict=self.context.strict_params)
        return await aparse(
            self, built, response_format, max_attempts=max_attempts, mode=mode, options=options
        )

    async def run_tools(
        self,
        *,
        tools: Sequence[Tool | Callable[..., Any]],
        request: ChatCompletionRequest | None = None,
        max_rounds: int = 10,
        raise_tool_errors: bool = False,
        **params: Any,
    ) -> ToolRunResult:
        """Call the model and run the tools it asks for (async ones concurrently) until it answers."""
        from .tools import arun_tools  # noqa: PLC0415 - loaded by the programs that use it

        built, options = _split(request, dict(params), "run_tools", strict=self.context.strict_params)
        return await arun_tools(
            self, built, tools, max_rounds=max_rounds, raise_tool_errors=raise_tool_errors, options=options
        )

    def stream_tools(
        self,
        *,
        tools: Sequence[Tool | Callable[..., Any]],
        request: ChatCompletionRequest | None = None,
        max_rounds: int = 10,
        raise_tool_errors: bool = False,
        **params: Any,
    ) -> AsyncToolRunStream:
        """`run_tools`, streamed: `async for event in ....stream_tools(...)`; then `.result`."""
        from .tools import astream_tools  # noqa: PLC0415 - loaded by the programs that use it

        built, options = _split(request, dict(params), "stream_tools", strict=self.context.strict_params)
        return astream_tools(
            self, built, tools, max_rounds=max_rounds, raise_tool_errors=raise_tool_errors, options=options
        )

"""`siliconflow chat`: one prompt, the reasoning and answer shown apart, then the usage.

Output contract (the tests hold it):
- human output on stdout, live when streaming (see `render.py`);
- with --json, exactly one JSON document on stdout: the final `chat.completion` object in the
  API's non-stream shape, accumulated when streamed;
- with --json-schema FILE, exactly one JSON document on stdout: the answer, validated against the
  schema (`client.parse`, which retries invalid answers);
- every failure is one line on stderr and an exit status from `exit_codes.py`; a stream that
  breaks after it started still has what arrived printed first (with --json, the partial completion).
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import json
import sys
from collections.abc import Callable
from typing import Any, TextIO

from siliconflow import (
    AnswerEvent,
    ReasoningEvent,
    SiliconFlow,
    SiliconFlowError,
    StreamError,
    StreamEventBuilder,
    Thinking,
    ThinkingOptionError,
    answer_text,
    assistant_message,
    iter_events,
    reasoning_text,
    token_usage,
)
from siliconflow_api.models import (
    AssistantMessage,
    ChatCompletion,
    ChatCompletionRequest,
    SystemMessage,
    ToolMessage,
    UserMessage,
)

from . import exit_codes
from .connection import api_key, given_api_key, parse_headers
from .conversation import ConversationFileError, check_writable, load_messages, save_messages, with_system
from .limited_read import InputTooLargeError, parse_json, read_file
from .parser import UsageError
from .prompt_input import InputError, read_inputs, wants_session
from .render import HumanRenderer, wants_color
from .reporter import Reporter
from .request_flags import FlagValueError, apply_request_flags
from .tracing import console_tracer_provider
from .verbosity import configure_logging

ANSWER_CHOICE = 0  # the command asks for one choice


__all__ = ["UsageError", "build_request", "parse_headers", "run_chat"]


def build_request(args: argparse.Namespace) -> ChatCompletionRequest:
    """The request the arguments describe; thinking fields only when given."""
    if not args.prompt.strip():
        raise UsageError("PROMPT is empty")
    messages: list[AssistantMessage | SystemMessage | ToolMessage | UserMessage] = []
    if args.system:
        messages.append(SystemMessage(role="system", content=args.system))
    messages.append(UserMessage(role="user", content=args.prompt))
    request = ChatCompletionRequest(model=args.model, messages=messages)
    if args.max_tokens is not None:
        request.max_tokens = args.max_tokens
    if args.temperature is not None:
        request.temperature = args.temperature
    try:
        thinking = Thinking(enabled=args.thinking, budget=args.thinking_budget)
    except ThinkingOptionError as error:
        raise UsageError(str(error)) from None
    try:
        return apply_request_flags(thinking.apply(request), args)
    except FlagValueError as error:
        raise UsageError(str(error)) from None


# RFC 9110: a header name is a token; a value is visible ASCII with spaces and tabs between.
def open_client(args: argparse.Namespace, tracer_provider: Any = None) -> SiliconFlow:
    key = api_key(args)
    try:
        return SiliconFlow(
            api_key=key,
            base_url=args.base_url,
            timeout=args.timeout,
            max_retries=args.max_retries,
            headers=parse_headers(args.header),
            **({} if args.deadline is None else {"deadline": args.deadline}),
            **({} if tracer_provider is None else {"tracer_provider": tracer_provider}),
        )
    except ValueError as error:  # a base URL the client cannot use
        raise UsageError(str(error)) from None


def finish_reason(completion: ChatCompletion) -> str | None:
    for choice in completion.choices:
        if choice.index == ANSWER_CHOICE:
            return choice.finish_reason
    return None


def print_json(out: TextIO, completion: ChatCompletion) -> None:
    # Readable UTF-8 where stdout takes it; \u escapes (the same JSON value) where it does not.
    utf8 = codecs.lookup(getattr(out, "encoding", None) or "ascii").name == "utf-8"
    out.write(json.dumps(completion.to_dict(), ensure_ascii=not utf8, indent=2) + "\n")
    out.flush()


def run_chat(args: argparse.Namespace, out: TextIO, err: TextIO, stdin: TextIO | None = None) -> int:
    """The whole command; returns the exit status."""
    stdin = sys.stdin if stdin is None else stdin
    try:
        if wants_session(args, stdin):
            from .interactive import run_session  # noqa: PLC0415 - prompt_toolkit only for sessions

            return run_session(args, out, err, stdin)
        read_inputs(args, stdin)
        history = None if args.messages is None else load_messages(args.messages)
        if args.save is not None:
            check_writable(args.save)
    except (InputError, ConversationFileError) as error:
        raise UsageError(str(error)) from None
    request = build_request(args)
    configure_logging(args.verbose, err)
    if args.json_schema is not None and args.json:
        raise UsageError("--json and --json-schema print different things: choose one")
    schema = None if args.json_schema is None else load_json_schema(args.json_schema)
    if history is not None:  # --messages: the saved conversation, then this prompt
        request.messages = [*with_system(history, args.system), request.messages[-1]]
    tracing = console_tracer_provider(err) if getattr(args, "trace", False) else None
    client = open_client(args, tracing)
    reporter = Reporter(err, given_api_key(args))
    on_completion = None if args.save is None else _saver(args.save, request, reporter)
    with client, contextlib.closing(_Shutdown(tracing)):
        if schema is not None:
            return _structured(client, request, schema, out, reporter)
        if args.stream:
            return _streamed(client, request, args.json, out, reporter, on_completion=on_completion)
        return _single(client, request, args.json, out, reporter, on_completion=on_completion)


class _Shutdown:
    """`--trace`: flush and stop the tracer provider when the command ends."""

    def __init__(self, provider: Any) -> None:
        self.provider = provider

    def close(self) -> None:
        if self.provider is not None:
            self.provider.shutdown()


def _saver(path: str, request: ChatCompletionRequest, reporter: Reporter) -> Callable[[ChatCompletion], None]:
    """--save: the request's messages and the answer, written once the answer is complete."""

    def save(completion: ChatCompletion) -> None:
        try:
            save_messages(path, [*request.messages, assistant_message(completion, choice=ANSWER_CHOICE)])
        except (ConversationFileError, ValueError) as error:
            reporter.error(f"--save: {error}")

    return save


def load_json_schema(path: str) -> dict[str, Any]:
    """The JSON Schema in the file `path` (`--json-schema`); a usage error names what is wrong."""
    try:
        raw = read_file(path)
    except OSError as error:
        raise UsageError(f"--json-schema: cannot read {path}: {error.strerror or error}") from None
    except InputTooLargeError as error:
        raise UsageError(f"--json-schema: cannot read {path}: {error}") from None
    try:
        schema = parse_json(raw)
    except ValueError as error:
        raise UsageError(f"--json-schema: {path} is not JSON: {error}") from None
    if not isinstance(schema, dict):
        raise UsageError(f"--json-schema: {path} must hold a JSON object (a JSON Schema)")
    return schema


def _structured(
    client: SiliconFlow,
    request: ChatCompletionRequest,
    schema: dict[str, Any],
    out: TextIO,
    reporter: Reporter,
) -> int:
    try:
        result = client.parse(request, schema)
    except ValueError as error:  # the schema itself is not a valid JSON Schema
        raise UsageError(f"--json-schema: {error}") from None
    except SiliconFlowError as error:
        reporter.error(str(error))
        return exit_codes.API_ERROR
    utf8 = codecs.lookup(getattr(out, "encoding", None) or "ascii").name == "utf-8"
    out.write(json.dumps(result.parsed, ensure_ascii=not utf8, indent=2) + "\n")
    out.flush()
    return exit_codes.OK


def _report_before_answer(reporter: Reporter, error: SiliconFlowError | ValueError) -> int:
    """A call that failed before any answer: an API or network error (1), or a request the API
    cannot take, found by the client before sending, such as text with a lone surrogate (2)."""
    reporter.error(str(error))
    return exit_codes.API_ERROR if isinstance(error, SiliconFlowError) else exit_codes.USAGE_ERROR


def _single(
    client: SiliconFlow,
    request: ChatCompletionRequest,
    as_json: bool,
    out: TextIO,
    reporter: Reporter,
    *,
    on_completion: Callable[[ChatCompletion], None] | None = None,
) -> int:
    try:
        completion = client.create(request)
    except (SiliconFlowError, ValueError) as error:
        return _report_before_answer(reporter, error)
    if on_completion is not None:
        on_completion(completion)
    if as_json:
        print_json(out, completion)
        return exit_codes.OK
    renderer = HumanRenderer(out, color=wants_color(out))
    renderer.reasoning(reasoning_text(completion, choice=ANSWER_CHOICE))
    renderer.answer(answer_text(completion, choice=ANSWER_CHOICE))
    renderer.close(token_usage(completion), finish_reason(completion))
    return exit_codes.OK


def _streamed(
    client: SiliconFlow,
    request: ChatCompletionRequest,
    as_json: bool,
    out: TextIO,
    reporter: Reporter,
    *,
    on_completion: Callable[[ChatCompletion], None] | None = None,
) -> int:
    if as_json:
        return _streamed_json(client, request, out, reporter, on_completion)
    renderer = HumanRenderer(out, color=wants_color(out))
    # The builder's accumulator is the only one: the stream keeps nothing, each chunk is merged once.
    builder = StreamEventBuilder()
    try:
        with client.stream(request, accumulate=False) as stream:
            try:
                for event in iter_events(stream, builder=builder):
                    if event.index != ANSWER_CHOICE:
                        continue
                    if isinstance(event, ReasoningEvent):
                        renderer.reasoning(event.delta)
                    elif isinstance(event, AnswerEvent):
                        renderer.answer(event.delta)
            except StreamError as error:
                _print_partial(out, renderer, builder.snapshot())
                reporter.error(f"the stream broke off (the output so far is above): {error}")
                return exit_codes.STREAM_BROKEN
            except KeyboardInterrupt:
                _print_partial(out, renderer, builder.snapshot())
                reporter.interrupted()
                return exit_codes.INTERRUPTED
    except (SiliconFlowError, ValueError) as error:  # before the stream started
        return _report_before_answer(reporter, error)
    completion = builder.snapshot()
    if completion is None:  # `data: [DONE]` before any chunk
        _print_partial(out, renderer, None)
        reporter.error("the stream broke off (nothing had arrived): the stream ended without any chunk")
        return exit_codes.STREAM_BROKEN
    if on_completion is not None:
        on_completion(completion)
    renderer.close(token_usage(completion), finish_reason(completion))
    return exit_codes.OK


def _streamed_json(
    client: SiliconFlow,
    request: ChatCompletionRequest,
    out: TextIO,
    reporter: Reporter,
    on_completion: Callable[[ChatCompletion], None] | None,
) -> int:
    try:
        with client.stream(request) as stream:
            try:
                completion = stream.get_final_completion()
            except StreamError as error:
                _print_partial(out, None, error.partial)
                reporter.error(f"the stream broke off ({_what_was_kept(None, error.partial)}): {error}")
                return exit_codes.STREAM_BROKEN
            except KeyboardInterrupt:
                _print_partial(out, None, stream.snapshot())
                reporter.interrupted()
                return exit_codes.INTERRUPTED
    except (SiliconFlowError, ValueError) as error:  # before the stream started
        return _report_before_answer(reporter, error)
    if on_completion is not None:
        on_completion(completion)
    print_json(out, completion)
    return exit_codes.OK


def _what_was_kept(renderer: HumanRenderer | None, partial: ChatCompletion | None) -> str:
    if renderer is not None:
        return "the output so far is above"
    return "nothing had arrived" if partial is None else "the partial completion is on stdout"


def _print_partial(out: TextIO, renderer: HumanRenderer | None, partial: ChatCompletion | None) -> None:
    """What arrived before a failure: the live text is already out, so close it; JSON is printed now."""
    if renderer is not None:
        renderer.close(None if partial is None else token_usage(partial))
    elif partial is not None:
        print_json(out, partial)

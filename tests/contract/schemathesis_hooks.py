"""Custom schemathesis checks and hooks of the contract runs.

`st run` loads this module through `hooks = "tests.contract.schemathesis_hooks"` in
schemathesis.toml (run from the repository root, as `make contract` does); the pytest contract
tests import it. Registering a check makes it run with the built-in ones everywhere.

- `stream_flag_selects_media_type`: OpenAPI cannot tie `stream: true` to the `text/event-stream`
  media type, so the built-in content-type check accepts either one for a 200. This check does:
  a streamed request gets SSE in SiliconFlow's wire shape (only `data: ` lines, ending with
  `data: [DONE]`) whose every chunk validates against the spec's ChatCompletionChunk; any other
  request gets `application/json`.
- `positive_data_accepted_unless_model_refused` replaces the built-in `positive_data_acceptance`
  (switched off in schemathesis.toml): SiliconFlow answers a schema-valid body with 400 when the
  model does not exist (code 20012) or has no JSON mode (code 20024), and no schema can know the
  model list; reasoning models also refuse valid bodies with code 20015 (an assistant tool call
  without its reasoning_content, a forced tool_choice while thinking). Only those refusals are
  excused, by code and message; any other rejection of valid data still fails.
- With SILICONFLOW_CONTRACT_LIVE=1 (a run against the real API), every request is made cheap
  before it is sent: see `make_cheap`.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

import schemathesis
from jsonschema import Draft202012Validator
from schemathesis.specs.openapi.checks import positive_data_acceptance

LIVE_ENV = "SILICONFLOW_CONTRACT_LIVE"
MODEL_ENV = "SILICONFLOW_CONTRACT_MODEL"
# Free on siliconflow.cn when written, takes `enable_thinking`, and stops thinking at thinking_budget.
CHEAP_MODEL = "Qwen/Qwen3-8B"
LIVE_MAX_TOKENS = 16
LIVE_THINKING_BUDGET = 128  # the smallest the API accepts
LIVE_TEXT_CHARS = 64
LIVE_MAX_TOOLS = 2
MODEL_REFUSAL_CODES = frozenset({20012, 20024})
# Code 20015 also answers invalid bodies, so only these messages of it are model refusals.
MODEL_REFUSAL_20015 = re.compile(
    r"^thinking is enabled but reasoning_content is missing in assistant tool call message"
    r"|^tool_choice .* is not supported when thinking is enabled"
)
DONE = "[DONE]"

_chunk_validators: dict[int, tuple[object, Draft202012Validator]] = {}


@schemathesis.check
def stream_flag_selects_media_type(
    ctx: schemathesis.CheckContext, response: schemathesis.Response, case: schemathesis.Case[Any]
) -> bool | None:
    if response.status_code != 200 or not isinstance(case.body, dict):
        return None
    content_type = (response.headers.get("content-type") or [""])[0].lower()
    if case.body.get("stream") is not True:
        assert content_type.startswith("application/json"), (
            f"stream is {case.body.get('stream')!r}: expected application/json, got {content_type!r}"
        )
        return True
    assert content_type.startswith("text/event-stream"), (
        f"stream is true: expected text/event-stream, got {content_type!r}"
    )
    payloads = sse_payloads(response.content, cut_short=response.stream_cut_short)
    assert payloads, "the stream has no events"
    validator = _chunk_validator(case.operation.schema.raw_schema)
    for number, payload in enumerate(payloads):
        if payload == DONE:
            assert number == len(payloads) - 1, f"event #{number} is [DONE] but more events follow"
            continue
        chunk = json.loads(payload)
        problems = sorted(validator.iter_errors(chunk), key=lambda error: list(error.absolute_path))
        assert not problems, f"event #{number} is not a ChatCompletionChunk: {problems[0].message}"
    assert response.stream_cut_short or payloads[-1] == DONE, "the stream does not end with data: [DONE]"
    return True


def sse_payloads(body: bytes, *, cut_short: bool = False) -> list[str]:
    """The data of each event, checking SiliconFlow's shape: one `data: ` line per event, nothing else.

    Stricter than a general SSE parser on purpose (no comments, no `event:`/`id:` fields, no
    multi-line data), since that is the wire shape clients are built for. A stream read only in part
    (`cut_short`) may end inside an event; that tail is ignored.
    """
    events = body.decode("utf-8").split("\n\n")
    tail = events.pop()
    assert cut_short or tail == "", f"the stream does not end with a blank line: {tail[:80]!r}"
    payloads = []
    for number, event in enumerate(events):
        shown = f"event #{number} is not a single data line: {event[:80]!r}"
        assert event.startswith("data: "), shown
        assert "\n" not in event, shown
        payloads.append(event.removeprefix("data: "))
    return payloads


def _chunk_validator(raw_schema: dict[str, Any]) -> Draft202012Validator:
    # The spec in use, not the repository's file, so a deliberately wrong spec is checked as written.
    cached = _chunk_validators.get(id(raw_schema))
    if cached is not None and cached[0] is raw_schema:
        return cached[1]
    root = {"$ref": "#/components/schemas/ChatCompletionChunk", "components": raw_schema["components"]}
    validator = Draft202012Validator(root)
    _chunk_validators[id(raw_schema)] = (raw_schema, validator)
    return validator


@schemathesis.check
def positive_data_accepted_unless_model_refused(
    ctx: schemathesis.CheckContext, response: schemathesis.Response, case: schemathesis.Case[Any]
) -> bool | None:
    if response.status_code == 400 and _refused_for_the_model(response):
        return None
    if response.status_code == 410 and _declares_gone(case):
        return None  # a retired endpoint (GET /user/info) answers 410 to every request, as the spec says
    return positive_data_acceptance(ctx, response, case)


def _declares_gone(case: schemathesis.Case[Any]) -> bool:
    responses = case.operation.definition.raw.get("responses", {})
    return "410" in responses


def _refused_for_the_model(response: schemathesis.Response) -> bool:
    try:
        body = json.loads(response.content)
    except ValueError:
        return False
    if not isinstance(body, dict):
        return False
    code, message = body.get("code"), body.get("message")
    if code in MODEL_REFUSAL_CODES:
        return True
    return code == 20015 and isinstance(message, str) and MODEL_REFUSAL_20015.search(message) is not None


@schemathesis.hook
def before_call(
    context: schemathesis.HookContext, case: schemathesis.Case[Any], kwargs: dict[str, Any]
) -> None:
    if os.environ.get(LIVE_ENV) == "1" and isinstance(case.body, dict):
        make_cheap(case.body, model=os.environ.get(MODEL_ENV) or CHEAP_MODEL)


def make_cheap(body: dict[str, Any], *, model: str) -> None:
    """Bound what a live request can cost, keeping it valid against the spec.

    The model becomes a cheap one, one choice, at most LIVE_MAX_TOKENS answer tokens and
    LIVE_THINKING_BUDGET reasoning tokens, and the prompt one short user message plus at most
    LIVE_MAX_TOOLS tools without parameters: at most a few hundred tokens a request.
    """
    body["model"] = model
    body["n"] = 1
    body["max_tokens"] = min(int(body.get("max_tokens") or LIVE_MAX_TOKENS), LIVE_MAX_TOKENS)
    body["thinking_budget"] = LIVE_THINKING_BUDGET
    body.pop("prefix", None)
    body.pop("suffix", None)
    text = _first_text(body.get("messages")) or "Hi"
    body["messages"] = [{"role": "user", "content": text[:LIVE_TEXT_CHARS]}]
    tools = body.get("tools")
    if isinstance(tools, list):
        body["tools"] = [
            {"type": "function", "function": {"name": tool["function"]["name"]}}
            for tool in tools[:LIVE_MAX_TOOLS]
        ]


def _first_text(messages: object) -> str:
    for message in messages if isinstance(messages, list) else []:
        content = message.get("content") if isinstance(message, dict) else None
        if isinstance(content, str) and content.strip():
            return content
    return ""

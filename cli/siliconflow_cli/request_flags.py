"""The request fields a chat user sets from the shell, one flag each, checked against the spec's limits.

The limits are not restated here: they come from `siliconflow_api.request_constraints`, which
`make generate` writes from openapi.yaml's request schema. When the spec changes a range or an
enum, the checks and the `--help` text follow at the next `make generate`.

A value outside the spec's range is refused before anything is sent (exit 2), with a message that
names the flag, the field and the range: `--temperature: temperature must be between 0 and 2, got 3`.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from siliconflow_api.request_constraints import CHAT_COMPLETION_REQUEST, FieldRule

if TYPE_CHECKING:  # the models load only when a request is built, not for --help
    from siliconflow_api.models import ChatCompletionRequest


class FlagValueError(ValueError):
    """A request field outside the spec's range or enum; the CLI reports it as a usage error."""


@dataclass(frozen=True)
class RequestFlag:
    """One command-line flag for one request field (a JSON path: `response_format.type`)."""

    field: str
    flag: str
    metavar: str
    help: str
    repeatable: bool = False

    @property
    def dest(self) -> str:
        return self.field.split(".")[0]


# The flags this module adds to `siliconflow chat`. Help texts say what the field does; the
# range or the allowed values are appended from the spec.
REQUEST_FLAGS: tuple[RequestFlag, ...] = (
    RequestFlag("reasoning_effort", "--reasoning-effort", "LEVEL", "reasoning depth (DeepSeek-V4, GLM-5.2)"),
    RequestFlag("top_p", "--top-p", "P", "nucleus sampling threshold"),
    RequestFlag("top_k", "--top-k", "K", "top-k sampling, -1 turns it off"),
    RequestFlag("min_p", "--min-p", "P", "dynamic filtering threshold (Qwen3)"),
    RequestFlag("frequency_penalty", "--frequency-penalty", "X", "penalty for tokens by their frequency"),
    RequestFlag("stop", "--stop", "TEXT", "a sequence where generation stops (repeatable)", repeatable=True),
    RequestFlag("n", "-n", "N", "number of choices (the text shows the first; --json, all)"),
    RequestFlag("response_format.type", "--response-format", "TYPE", "the answer's format"),
    RequestFlag("prefix", "--prefix", "TEXT", "prefix completion: the answer continues this text"),
    RequestFlag("suffix", "--suffix", "TEXT", "fill-in-the-middle suffix, with --prefix"),
)

# Request fields with a flag defined elsewhere (parser.py), named in the error messages too.
OTHER_FLAGS: Mapping[str, str] = {
    "model": "--model",
    "messages": "PROMPT",
    "stream": "--stream",
    "max_tokens": "--max-tokens",
    "temperature": "--temperature",
    "enable_thinking": "--thinking",
    "thinking_budget": "--thinking-budget",
}

# Request fields a chat user does not set from a shell; the library is the place for them.
NOT_FLAGS: Mapping[str, str] = {
    "tools": "function definitions belong in code (the library's tool loop)",
    "tool_choice": "only meaningful with tools",
}


def flag_for(field: str) -> str:
    for flag in REQUEST_FLAGS:
        if flag.field == field:
            return flag.flag
    return OTHER_FLAGS.get(field, field)


def _number(text: str) -> int | float:
    """A JSON number: whole numbers stay integers (`--top-k 50` sends 50, not 50.0)."""
    try:
        return int(text)
    except ValueError:
        pass
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"expected a finite number, got {text!r}")
    return value


def _integer(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None


def _parser_type(rule: FieldRule) -> Any:
    if "integer" in rule.types:
        return _integer
    if "number" in rule.types:
        return _number
    return str


def describe(rule: FieldRule) -> str:
    """The spec's limit on a field in words: `0..2`, `at least 1`, `high or max`, `at most 4 items`."""
    if rule.enum is not None:
        values = list(rule.enum)
        return values[0] if len(values) == 1 else f"{', '.join(values[:-1])} or {values[-1]}"
    low = _bound(rule.minimum, rule.exclusive_minimum, "at least", "more than")
    high = _bound(rule.maximum, rule.exclusive_maximum, "at most", "less than")
    if rule.minimum is not None and rule.maximum is not None:
        return f"{_show(rule.minimum)}..{_show(rule.maximum)}"
    if low or high:
        return " and ".join(part for part in (low, high) if part)
    if rule.max_items is not None:
        return f"at most {rule.max_items}"
    return ""


def _bound(inclusive: float | None, exclusive: float | None, word: str, strict_word: str) -> str:
    if exclusive is not None:
        return f"{strict_word} {_show(exclusive)}"
    if inclusive is not None:
        return f"{word} {_show(inclusive)}"
    return ""


def _show(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


def spec_help(field: str, text: str) -> str:
    """A flag's help: what it does, then the spec's range for its field (and that it is optional)."""
    limit = describe(CHAT_COMPLETION_REQUEST[field]) if field in CHAT_COMPLETION_REQUEST else ""
    return f"{text}: {limit} (default: not sent)" if limit else f"{text} (default: not sent)"


def add_request_flags(parser: argparse.ArgumentParser) -> None:
    """Add one flag per field of REQUEST_FLAGS that the spec's request schema has."""
    for flag in REQUEST_FLAGS:
        rule = CHAT_COMPLETION_REQUEST.get(flag.field)
        if rule is None:  # the spec dropped the field: so does the command line
            continue
        parser.add_argument(
            flag.flag,
            dest=flag.dest,
            type=_parser_type(rule),
            action="append" if flag.repeatable else "store",
            metavar=flag.metavar,
            help=spec_help(flag.field, flag.help),
        )


def flag_fields(args: argparse.Namespace) -> dict[str, Any]:
    """The request fields the flags given on the command line set, as a JSON body fragment."""
    body: dict[str, Any] = {}
    for flag in REQUEST_FLAGS:
        value = getattr(args, flag.dest, None)
        if value is None:
            continue
        *parents, leaf = flag.field.split(".")
        target = body
        for parent in parents:
            target = target.setdefault(parent, {})
        target[leaf] = value
    return body


def apply_request_flags(request: ChatCompletionRequest, args: argparse.Namespace) -> ChatCompletionRequest:
    """`request` with the flags' fields added, after the whole body is checked against the spec."""
    fields = flag_fields(args)
    body = {**request.to_dict(), **fields}
    check_body(body)
    if not fields:
        return request
    from siliconflow_api.models import ChatCompletionRequest  # noqa: PLC0415 - see the import above

    try:
        return ChatCompletionRequest.from_dict(body)
    except ValueError as error:  # a shape the ranges cannot tell, e.g. json_schema without its schema
        hint = " (use --json-schema FILE for json_schema)" if "response_format" in str(error) else ""
        raise FlagValueError(f"the request does not fit the spec: {error}{hint}") from None


def check_body(body: Mapping[str, Any]) -> None:
    """Raise FlagValueError for the first field of `body` outside the spec's limits."""
    for path, rule in CHAT_COMPLETION_REQUEST.items():
        found, value = _lookup(body, path)
        if not found:
            continue
        problem = violation(rule, value)
        if problem:
            raise FlagValueError(f"{flag_for(path)}: {path} {problem}, got {_quote(value)}")


def _lookup(body: Mapping[str, Any], path: str) -> tuple[bool, Any]:
    value: Any = body
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return False, None
        value = value[part]
    return True, value


def violation(rule: FieldRule, value: Any) -> str:
    """What is wrong with `value` under `rule`, in words; "" when nothing is."""
    if value is None:
        return "" if rule.nullable else "must not be null"
    if rule.enum is not None and isinstance(value, str) and value not in rule.enum:
        return f"must be {describe(rule)}"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _number_violation(rule, value)
    if isinstance(value, list):
        return _size_violation(len(value), rule.min_items, rule.max_items, "values")
    if isinstance(value, str):
        problem = _size_violation(len(value), rule.min_length, rule.max_length, "characters")
        return "must not be empty" if problem and not value else problem
    return ""


def _size_violation(size: int, least: int | None, most: int | None, unit: str) -> str:
    if least is not None and size < least:
        return f"needs at least {least} {unit}"
    if most is not None and size > most:
        return f"takes at most {most} {unit}"
    return ""


def _number_violation(rule: FieldRule, value: float) -> str:
    too_low = (rule.minimum is not None and value < rule.minimum) or (
        rule.exclusive_minimum is not None and value <= rule.exclusive_minimum
    )
    too_high = (rule.maximum is not None and value > rule.maximum) or (
        rule.exclusive_maximum is not None and value >= rule.exclusive_maximum
    )
    if not (too_low or too_high):
        return ""
    if rule.minimum is not None and rule.maximum is not None:
        return f"must be between {_show(rule.minimum)} and {_show(rule.maximum)}"
    return f"must be {describe(rule)}"


def _quote(value: Any) -> str:
    if isinstance(value, list):
        return str(len(value))
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _show(value)
    return repr(value) if isinstance(value, str) else str(value)

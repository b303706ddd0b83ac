"""The keyword arguments of `chat.completions.create(**params)`, checked before anything is sent.

Two caller mistakes are caught here rather than by a server 400 (or, worse, silently ignored):
- a parameter openai-python has that SiliconFlow does not document (`seed`, `logprobs`, ...): a
  `TypeError` naming it and pointing to `extra_body`, which sends any field as it is;
- a value outside a range or enum the spec states (`temperature=3`): a `ValueError` naming the field
  and the range, from the same generated `siliconflow_api.request_constraints` the CLI's flags use.

The range check can be turned off (the docs may lag the server): `SiliconFlow(strict_params=False)`
or `SILICONFLOW_STRICT_PARAMS=0` in the environment.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any, Final

from siliconflow_api.request_constraints import CHAT_COMPLETION_REQUEST, FieldRule

from .defaults import STRICT_PARAMS_ENV

__all__ = ["OPENAI_ONLY_PARAMS", "check_param_names", "check_ranges", "strict_from_env"]

# openai-python's `chat.completions.create` parameters that SiliconFlow's reference does not list.
OPENAI_ONLY_PARAMS: Final = frozenset(
    {
        "audio",
        "function_call",
        "functions",
        "logit_bias",
        "logprobs",
        "max_completion_tokens",
        "metadata",
        "modalities",
        "parallel_tool_calls",
        "prediction",
        "presence_penalty",
        "prompt_cache_key",
        "prompt_cache_retention",
        "safety_identifier",
        "seed",
        "service_tier",
        "store",
        "stream_options",
        "top_logprobs",
        "user",
        "verbosity",
        "web_search_options",
    }
)
_FIELDS: Final = frozenset(path for path in CHAT_COMPLETION_REQUEST if "." not in path)
_NUMBER_KINDS: Final = frozenset({"number", "integer"})


def strict_from_env() -> bool:
    """False when `SILICONFLOW_STRICT_PARAMS` is 0/false/no/off; the default is to check."""
    return os.environ.get(STRICT_PARAMS_ENV, "1").strip().lower() not in {"0", "false", "no", "off"}


def check_param_names(params: Mapping[str, object], method: str = "create") -> None:
    """TypeError for a keyword the spec's request does not have (before any value is looked at)."""
    for name in params:
        if name in _FIELDS:
            continue
        if name in OPENAI_ONLY_PARAMS:
            raise TypeError(
                f"{method}() got {name!r}, an openai-python parameter SiliconFlow does not document; "
                f"to send it anyway, pass extra_body={{{name!r}: ...}}"
            )
        raise TypeError(
            f"{method}() got an unexpected keyword argument {name!r} "
            "(a field the API does not document goes in extra_body={...})"
        )


# (path, top-level field, nested field or "", rule): split once, as this runs on every request.
_RULES: Final = [(path, *path.partition(".")[::2], rule) for path, rule in CHAT_COMPLETION_REQUEST.items()]


def check_ranges(body: Mapping[str, Any]) -> None:
    """ValueError naming the first field (JSON path) outside its documented range or enum."""
    for path, head, tail, rule in _RULES:
        value = body.get(head)
        if value is None:
            continue
        if tail:
            value = value.get(tail) if isinstance(value, Mapping) else None
            if value is None:
                continue
        _check(path, rule, value)


def _check(path: str, rule: FieldRule, value: object) -> None:
    problem = _problem(rule, value)
    if problem:
        raise ValueError(
            f"{path} must be {problem}, got {value!r} (SiliconFlow's documented limits; "
            f"strict_params=False or {STRICT_PARAMS_ENV}=0 sends it anyway)"
        )


def _problem(rule: FieldRule, value: object) -> str | None:  # noqa: PLR0911 - one per keyword
    if isinstance(value, str):
        if rule.enum is not None and value not in rule.enum:
            return "one of " + ", ".join(repr(allowed) for allowed in rule.enum)
        if rule.min_length is not None and len(value) < rule.min_length:
            return f"at least {rule.min_length} character(s) long"
        return None
    if isinstance(value, list):
        if rule.min_items is not None and len(value) < rule.min_items:
            return f"a list of at least {rule.min_items} item(s)"
        if rule.max_items is not None and len(value) > rule.max_items:
            return f"a list of at most {rule.max_items} items"
        return None
    if isinstance(value, int | float) and not isinstance(value, bool) and _NUMBER_KINDS & set(rule.types):
        low, high = rule.minimum, rule.maximum
        if (low is not None and value < low) or (high is not None and value > high):
            return _range(low, high)
    return None


def _range(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"between {low:g} and {high:g}"
    return f"at least {low:g}" if low is not None else f"at most {high:g}"

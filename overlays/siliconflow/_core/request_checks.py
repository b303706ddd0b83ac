"""Caller mistakes found before anything is sent: the API key, the base URL, the request's JSON.

Each raises a `ValueError` or `TypeError` that names the argument or the JSON path, never with any
part of the key in it, instead of an error from deep inside httpx (`Illegal header value`, a
`UnicodeEncodeError`, `Object of type set is not JSON serializable`) at the first request.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

import attrs
import httpx
from siliconflow_api.models.chat_completion_request import ChatCompletionRequest

__all__ = ["check_api_key", "check_base_url", "check_headers", "check_json", "prepare_request"]

_MAX_DEPTH = 200  # deeper than any real request; a cycle gets here instead of a RecursionError
_MAX_LABEL = 63  # RFC 1035: characters in one label of a host name
# RFC 9110: a header name is a token; a value is visible ASCII with spaces and tabs inside.
_HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
_HEADER_VALUE = re.compile(r"[\x20-\x7e\t]*")


def check_api_key(key: str) -> None:
    """Refuse a key that cannot go in an `Authorization` header, saying why but showing none of it."""
    for position, char in enumerate(key, start=1):
        if "\x21" <= char <= "\x7e":
            continue
        if char in "\r\n":
            problem = "a line break (\\r or \\n)"
        elif char == "\x00":
            problem = "a NUL character (\\x00)"
        elif char.isspace():
            problem = "whitespace"
        elif char < "\x80":
            problem = f"a control character (U+{ord(char):04X})"
        else:
            name = unicodedata.name(char, "unnamed")
            problem = f"a non-ASCII character (U+{ord(char):04X} {name}, often pasted from a web page)"
        raise ValueError(
            f"api_key contains {problem} at position {position} of {len(key)}; "
            "an API key is printable ASCII: copy it again from the console"
        )


def check_headers(headers: object, argument: str = "headers") -> dict[str, str]:
    """Extra headers (the client's `headers`, a call's `extra_headers`) as a new dict, or a clear
    error naming the argument and the header (never showing its value, which may be a credential of
    its own)."""
    if headers is None:
        return {}
    if not isinstance(headers, Mapping):
        raise TypeError(f"{argument} must be a dict of strings, got {type(headers).__name__}")
    for name, value in headers.items():
        if not isinstance(name, str) or not _HEADER_NAME.fullmatch(name):
            raise ValueError(f"{argument}: {name!r} is not a valid header name")
        if not isinstance(value, str):
            raise TypeError(f"{argument}[{name!r}] must be a string, got {type(value).__name__}")
        if not _HEADER_VALUE.fullmatch(value):
            raise ValueError(
                f"{argument}[{name!r}] may hold only printable ASCII, spaces and tabs "
                "(no line breaks, NUL or non-ASCII characters)"
            )
    return dict(headers)


def check_base_url(value: object, source: str = "base_url") -> str:
    """The base URL without a trailing slash, or a clear error naming what is wrong with it."""
    if not isinstance(value, str):
        raise TypeError(f"{source} must be a string, got {type(value).__name__}")
    url = value.strip().rstrip("/")
    if not url:
        raise ValueError(f"{source} is empty: leave it out for the default, or pass the API's URL")
    if _has_user_info(url):
        # httpx would turn `user:password@` into Basic auth in place of the API key. Never echoed:
        # the user info is a credential.
        raise ValueError(
            f"{source} must not hold user info (user:password@ before the host): "
            "the API key is the only credential sent; pass it as api_key"
        )
    if not url.lower().startswith(("https://", "http://")):
        raise ValueError(f"{source} must start with https:// or http://, got {value!r}")
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError, UnicodeError) as exc:  # UnicodeError: IDNA, labels > 63
        raise ValueError(f"{source} is not a usable URL: {value!r} ({exc})") from None
    if not parsed.host:
        raise ValueError(f"{source} has no host: {value!r}")
    if any(len(label) > _MAX_LABEL for label in parsed.host.split(".")):
        raise ValueError(f"{source} has a host name label longer than {_MAX_LABEL} characters: {value!r}")
    if parsed.query or "?" in url:
        raise ValueError(f"{source} must not have a query (?...): {value!r}")
    if parsed.fragment or "#" in url:
        raise ValueError(f"{source} must not have a fragment (#...): {value!r}")
    return url


def _has_user_info(url: str) -> bool:
    """True when the URL's authority (between `//` and the path) has an `@`."""
    _, separator, rest = url.partition("//")
    authority = re.split(r"[/?#]", rest, maxsplit=1)[0] if separator else ""
    return "@" in authority


def prepare_request(request: ChatCompletionRequest) -> ChatCompletionRequest:
    """`request`, or a copy whose plain-dict messages and tools became the generated models.

    A dict is accepted where a message or a tool goes (as openai-python users write them) when it is
    valid; anything else in `messages` or `tools` is a TypeError naming its index.
    """
    messages: Any = request.messages
    if not isinstance(messages, list):
        raise TypeError(f"request.messages must be a list of messages, got {type(messages).__name__}")
    tools: Any = request.tools
    if not isinstance(tools, list):
        tools = []
    if all(hasattr(item, "to_dict") for item in (*messages, *tools)):
        return request
    changes: dict[str, Any] = {
        "messages": _models_of(messages, "messages", "a message model (UserMessage, ...)")
    }
    if tools:
        changes["tools"] = _models_of(tools, "tools", "a ChatCompletionTool model")
    return attrs.evolve(request, **changes)


def _models_of(items: list[Any], field: str, kind: str) -> list[Any]:
    converted: list[Any] = []
    for index, item in enumerate(items):
        if hasattr(item, "to_dict"):
            converted.append(item)
        elif isinstance(item, dict):
            converted.append(_model_from_dict(item, field, index))
        else:
            raise TypeError(f"{field}[{index}] must be {kind} or a dict, got {type(item).__name__}")
    return converted


_NEEDS = {
    "messages": "it needs a 'role' (system, user, assistant, tool) and that role's fields",
    "tools": 'it needs "type": "function" and a "function" with a "name"',
}


def _model_from_dict(item: dict[str, Any], field: str, index: int) -> Any:
    check_json(item, f"{field}[{index}]")
    body: dict[str, Any] = {"model": "", "messages": [], field: [item]}
    try:
        return getattr(ChatCompletionRequest.from_dict(body), field)[0]
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise TypeError(
            f"{field}[{index}] is not a valid {field[:-1]} ({type(exc).__name__}: {exc}): {_NEEDS[field]}"
        ) from None


def check_json(value: object, path: str = "request") -> None:
    """Raise TypeError/ValueError naming the path of the first value JSON cannot hold."""
    if not _plain_json(value, 0):  # the fast check runs on every request; paths only on failure
        _find_bad_json(value, path, 0)


def _plain_json(value: object, depth: int) -> bool:
    """True when `value` is made of exact JSON types only (subclasses go to the slow check)."""
    kind = type(value)
    if kind is int or kind is bool or value is None:
        return True
    if kind is str:
        return _utf8(value)  # type: ignore[arg-type]
    if kind is float:
        return math.isfinite(value)  # type: ignore[arg-type]
    if depth > _MAX_DEPTH or not (kind is dict or kind is list or kind is tuple):
        return False
    if kind is dict:
        return all(
            type(key) is str and _utf8(key) and _plain_json(item, depth + 1)
            for key, item in value.items()  # type: ignore[attr-defined]
        )
    # A list or tuple of plain values.
    return all(_plain_json(item, depth + 1) for item in value)  # type: ignore[attr-defined]


def _utf8(text: str) -> bool:
    """False for a string with a lone surrogate (`"\\ud800"`), which UTF-8 (so JSON) cannot carry."""
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _surrogate_error(text: str, path: str) -> ValueError:
    position = next(index for index, char in enumerate(text) if "\ud800" <= char <= "\udfff")
    return ValueError(
        f"{path} holds a lone surrogate (U+{ord(text[position]):04X} at position {position + 1}), "
        "which JSON (UTF-8) cannot carry: often text decoded with errors='surrogateescape'"
    )


def _find_bad_json(value: object, path: str, depth: int) -> None:
    if isinstance(value, str):
        if not _utf8(value):
            raise _surrogate_error(value, path)
        return
    if value is None or isinstance(value, bool | int):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{path} is {value!r}: JSON has no NaN or infinity")
        return
    if depth > _MAX_DEPTH:
        raise ValueError(f"{path} is nested more than {_MAX_DEPTH} levels deep (a cycle?)")
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                kind = type(key).__name__
                raise TypeError(f"{path} has a key {key!r} of type {kind}: JSON keys are strings")
            if not _utf8(key):
                raise _surrogate_error(key, f"a key of {path}")
            _find_bad_json(item, f"{path}.{key}", depth + 1)
        return
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _find_bad_json(item, f"{path}[{index}]", depth + 1)
        return
    raise TypeError(f"{path} is a {type(value).__name__}, which JSON cannot hold")

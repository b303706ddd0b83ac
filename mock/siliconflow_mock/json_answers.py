"""JSON answers: `json_object` and `json_schema` response formats, and the `invalid-json` fault.

- `response_format: json_schema` is answered with an instance valid for `json_schema.schema`: every
  declared property filled with a value of its type (first enum value, const, the lower bound of a
  range, `minItems` items, strings padded to `minLength`), `$ref`s into the same schema followed.
- `response_format: json_object` is answered with an instance of the JSON Schema a system message
  states (the text from its first `{` to its last `}`), as a model that follows its prompt does;
  without one, the text is wrapped as `{"answer": <text>}`.
- The `invalid-json` fault cuts the JSON text in half, as when a model stops mid-object.

Never raises on a strange schema (a fuzzer sends them): what cannot be satisfied gets a placeholder.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from siliconflow_mock.tokens import split_tokens

if TYPE_CHECKING:
    from siliconflow_mock.answers import Answer

MAX_DEPTH = 12
MAX_ITEMS = 3
_STRING_FORMATS = {
    "date": "2026-01-01",
    "date-time": "2026-01-01T00:00:00Z",
    "time": "00:00:00Z",
    "email": "mock@example.com",
    "uri": "https://example.com/mock",
    "uuid": "00000000-0000-4000-8000-000000000000",
}


def formatted(text: str, request: Mapping[str, Any]) -> str | None:
    """The JSON the response format asks for, or None for plain text."""
    response_format = request.get("response_format") or {}
    kind = response_format.get("type")
    if kind == "json_schema":
        schema = response_format.get("json_schema", {}).get("schema", {})
        return _dumps(instance(schema))
    if kind == "json_object":
        schema = _schema_in_system_messages(request.get("messages") or [])
        return _dumps({"answer": text} if schema is None else instance(schema))
    return None


def invalid(text: str) -> str:
    """`text` made into invalid JSON: cut in half (and opened with a brace if the half still parses)."""
    half = text[: max(1, len(text) // 2)]
    try:
        json.loads(half)
    except ValueError:
        return half
    return "{" + half


def with_invalid_json(answer: Answer) -> Answer:
    """`answer` with the text of every choice made invalid JSON (tool-call turns are left alone)."""
    choices = tuple(
        choice
        if choice.content is None
        else dataclasses.replace(choice, content=tuple(split_tokens(invalid("".join(choice.content)))))
        for choice in answer.choices
    )
    return dataclasses.replace(answer, choices=choices)


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _schema_in_system_messages(messages: Sequence[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    for message in messages:
        content = message.get("content")
        if message.get("role") != "system" or not isinstance(content, str):
            continue
        start, end = content.find("{"), content.rfind("}")
        if start < 0 or end < start:
            continue
        try:
            schema = json.loads(content[start : end + 1])
        except (ValueError, RecursionError):
            continue
        if isinstance(schema, Mapping) and ("type" in schema or "properties" in schema):
            return schema
    return None


def instance(schema: object) -> object:
    """A value valid for `schema` (a JSON Schema), as far as a placeholder can be."""
    root = schema if isinstance(schema, Mapping) else {}
    try:
        return _instance(schema, root, 0)
    except RecursionError:
        return {}


def _instance(schema: object, root: Mapping[str, Any], depth: int) -> object:
    if not isinstance(schema, Mapping) or depth > MAX_DEPTH:
        return "mock"
    if "const" in schema:
        return schema["const"]
    enum = schema.get("enum")
    if isinstance(enum, list) and enum:
        return enum[0]
    ref = schema.get("$ref")
    if isinstance(ref, str):
        return _instance(_resolve(ref, root), root, depth + 1)
    branches = schema.get("anyOf") or schema.get("oneOf")
    if isinstance(branches, list) and branches:
        return _instance(branches[0], root, depth + 1)
    return _typed(_merge_all_of(schema), root, depth)


def _typed(merged: Mapping[str, Any], root: Mapping[str, Any], depth: int) -> object:
    kind = merged.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind is None and "properties" in merged:
        kind = "object"
    if kind == "object":
        return _object(merged, root, depth)
    if kind == "array":
        return _array(merged, root, depth)
    if kind in ("integer", "number"):
        return _number(merged, integer=kind == "integer")
    if kind in ("boolean", "null"):
        return True if kind == "boolean" else None
    return _string(merged)


def _resolve(ref: str, root: Mapping[str, Any]) -> object:
    if not ref.startswith("#"):
        return {}
    node: object = root
    for raw in ref.lstrip("#").split("/"):
        if not raw:
            continue
        part = raw.replace("~1", "/").replace("~0", "~")
        node = node.get(part, {}) if isinstance(node, Mapping) else {}
    return node


def _merge_all_of(schema: Mapping[str, Any]) -> Mapping[str, Any]:
    parts = schema.get("allOf")
    if not isinstance(parts, list):
        return schema
    merged: dict[str, Any] = {key: value for key, value in schema.items() if key != "allOf"}
    properties = dict(merged.get("properties") or {})
    required = list(merged.get("required") or [])
    for part in parts:
        if isinstance(part, Mapping):
            properties.update(part.get("properties") or {})
            required += list(part.get("required") or [])
            merged.setdefault("type", part.get("type"))
    merged["properties"], merged["required"] = properties, required
    return merged


def _object(schema: Mapping[str, Any], root: Mapping[str, Any], depth: int) -> dict[str, object]:
    properties = schema.get("properties")
    properties = properties if isinstance(properties, Mapping) else {}
    value = {str(name): _instance(sub, root, depth + 1) for name, sub in properties.items()}
    required = schema.get("required")
    for name in required if isinstance(required, list) else []:
        value.setdefault(str(name), "mock")
    return value


def _array(schema: Mapping[str, Any], root: Mapping[str, Any], depth: int) -> list[object]:
    prefix = schema.get("prefixItems")
    items: list[object] = (
        [_instance(sub, root, depth + 1) for sub in prefix] if isinstance(prefix, list) else []
    )
    minimum = schema.get("minItems")
    wanted = min(minimum, MAX_ITEMS) if isinstance(minimum, int) and not isinstance(minimum, bool) else 0
    while len(items) < wanted:
        items.append(_instance(schema.get("items", {}), root, depth + 1))
    return items


def _number(schema: Mapping[str, Any], *, integer: bool) -> int | float:
    def bound(key: str) -> float | None:
        value = schema.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None
        return float(value)

    low, high = bound("minimum"), bound("maximum")
    exclusive_low, exclusive_high = bound("exclusiveMinimum"), bound("exclusiveMaximum")
    value = 1.0
    if low is not None:
        value = low
    if exclusive_low is not None:
        value = max(value, exclusive_low + 1)
    if high is not None:
        value = min(value, high)
    if exclusive_high is not None and value >= exclusive_high:
        value = exclusive_high - (1 if integer else 0.5)
    if integer or value == int(value):
        return int(value) if value == int(value) else int(value) + 1
    return value


def _string(schema: Mapping[str, Any]) -> str:
    text = _STRING_FORMATS.get(str(schema.get("format")), "mock")
    minimum, maximum = schema.get("minLength"), schema.get("maxLength")
    if isinstance(minimum, int) and len(text) < minimum:
        text += "x" * min(minimum - len(text), 10_000)
    if isinstance(maximum, int) and maximum >= 0:
        text = text[:maximum]
    return text

"""JSON answers: json_schema gets a valid instance, json_object follows a schema in the system message."""

from __future__ import annotations

import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from siliconflow_mock.json_answers import formatted, instance, invalid

SCHEMAS: list[dict[str, Any]] = [
    {"type": "object", "properties": {"city": {"type": "string"}, "temp": {"type": "number"}}},
    {
        "type": "object",
        "properties": {
            "kind": {"enum": ["a", "b"]},
            "tags": {"type": "array", "items": {"type": "string", "minLength": 6}, "minItems": 2},
            "count": {"type": "integer", "minimum": 3, "maximum": 9},
            "when": {"type": "string", "format": "date"},
            "note": {"type": ["string", "null"], "maxLength": 2},
            "child": {"$ref": "#/$defs/Child"},
            "either": {"anyOf": [{"type": "boolean"}, {"type": "string"}]},
        },
        "required": ["kind", "tags", "count", "child"],
        "additionalProperties": False,
        "$defs": {"Child": {"type": "object", "properties": {"ok": {"const": True}}, "required": ["ok"]}},
    },
    {"type": "array", "items": {"type": "integer", "exclusiveMinimum": 0}, "minItems": 1},
]


@pytest.mark.parametrize("schema", SCHEMAS)
def test_json_schema_answers_are_valid_for_the_schema(schema: dict[str, Any]) -> None:
    body = {"response_format": {"type": "json_schema", "json_schema": {"name": "x", "schema": schema}}}
    answer = formatted("ignored", body)
    assert answer is not None
    Draft202012Validator(schema).validate(json.loads(answer))


@pytest.mark.parametrize(
    "schema", [{"type": 5}, {"$ref": "#/nowhere"}, {"properties": []}, True, {"minLength": "x"}]
)
def test_strange_schemas_never_break_the_answer(schema: object) -> None:
    json.dumps(instance(schema))


def test_json_object_follows_a_schema_stated_in_a_system_message() -> None:
    schema = SCHEMAS[0]
    messages = [{"role": "system", "content": f"Answer with JSON valid against: {json.dumps(schema)}"}]
    answer = formatted("text", {"response_format": {"type": "json_object"}, "messages": messages})
    assert answer is not None
    assert json.loads(answer) == {"city": "mock", "temp": 1.0}
    plain = formatted("text", {"response_format": {"type": "json_object"}, "messages": []})
    assert plain == '{"answer": "text"}'


@pytest.mark.parametrize("text", ['{"answer": "You said: hi"}', "12", "[1, 2]", "{}", "true"])
def test_invalid_makes_any_json_text_unparseable(text: str) -> None:
    with pytest.raises(json.JSONDecodeError):
        json.loads(invalid(text))

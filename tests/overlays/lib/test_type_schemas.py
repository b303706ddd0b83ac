"""JSON Schemas from type hints, and JSON values back into those types."""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Mapping, Sequence
from typing import Annotated, Any, Literal, NotRequired, Optional, TypedDict, Union

import attrs
import pytest
from jsonschema import Draft202012Validator
from siliconflow.lib.type_schemas import from_json, function_schema, json_schema_of


class Color(enum.Enum):
    RED = "red"
    BLUE = "blue"


@attrs.define
class Point:
    x: int
    y: int = 0


@dataclasses.dataclass
class Shape:
    points: list[Point]
    color: Color
    label: Optional[str] = None  # noqa: UP045 - the old spelling must work too
    box: tuple[int, int] | None = None


class Options(TypedDict):
    size: Annotated[float, "in centimetres"]
    tags: NotRequired[set[str]]


@dataclasses.dataclass
class Node:
    children: list[Node]


@pytest.mark.parametrize(
    ("hint", "schema"),
    [
        (str, {"type": "string"}),
        (int, {"type": "integer"}),
        (float, {"type": "number"}),
        (bool, {"type": "boolean"}),
        (None, {"type": "null"}),
        (Any, {}),
        (Literal["a", 1], {"enum": ["a", 1]}),
        (Color, {"enum": ["red", "blue"]}),
        (list[int], {"type": "array", "items": {"type": "integer"}}),
        (Sequence[str], {"type": "array", "items": {"type": "string"}}),
        (set[str], {"type": "array", "items": {"type": "string"}, "uniqueItems": True}),
        (
            tuple[int, str],
            {
                "type": "array",
                "prefixItems": [{"type": "integer"}, {"type": "string"}],
                "minItems": 2,
                "maxItems": 2,
            },
        ),
        (dict[str, int], {"type": "object", "additionalProperties": {"type": "integer"}}),
        (Mapping[str, Any], {"type": "object", "additionalProperties": {}}),
        (int | None, {"anyOf": [{"type": "integer"}, {"type": "null"}]}),
        (Union[int, str], {"anyOf": [{"type": "integer"}, {"type": "string"}]}),  # noqa: UP007
        (Annotated[int, "how many"], {"type": "integer", "description": "how many"}),
    ],
)
def test_the_type_table(hint: Any, schema: dict[str, Any]) -> None:
    assert json_schema_of(hint) == schema


def test_records_become_closed_objects_with_required_fields() -> None:
    schema = json_schema_of(Shape)
    assert schema["required"] == ["points", "color"]
    assert schema["additionalProperties"] is False
    assert schema["properties"]["points"]["items"]["required"] == ["x"]
    options = json_schema_of(Options)
    assert options["required"] == ["size"]
    assert options["properties"]["size"] == {"type": "number", "description": "in centimetres"}
    Draft202012Validator.check_schema(schema)


def test_values_come_back_as_the_types() -> None:
    value = {"points": [{"x": 1}, {"x": 2, "y": 3}], "color": "blue", "box": [1, 2]}
    Draft202012Validator(json_schema_of(Shape)).validate(value)
    shape = from_json(value, Shape)
    assert shape == Shape([Point(1), Point(2, 3)], Color.BLUE, None, (1, 2))
    assert from_json({"size": 2, "tags": ["a", "a"]}, Options) == {"size": 2.0, "tags": {"a"}}
    assert from_json(None, int | None) is None
    assert from_json({"x": 1}, Point | str) == Point(1)


def test_what_cannot_be_described_is_refused_naming_where() -> None:
    with pytest.raises(TypeError, match="contains itself"):
        json_schema_of(Node)
    with pytest.raises(TypeError, match=r"dict\[int, str\]"):
        json_schema_of(dict[int, str])

    def handler(when: complex) -> None: ...

    with pytest.raises(TypeError, match=r"handler\(when\)"):
        function_schema(handler)


def test_functions_give_description_parameters_and_types() -> None:
    def search(query: str, limit: int = 10, *, exact: bool = False) -> list[str]:
        """Search the catalogue.

        Longer text.

        Args:
            query: what to look for.
            limit (int): at most this many.
        """
        return []

    def sphinx(query: str) -> None:
        """Find things.

        :param query: the words.
        """

    description, parameters, types = function_schema(search)
    assert description == "Search the catalogue.\n\nLonger text."
    assert parameters == {
        "type": "object",
        "properties": {
            "query": {"type": "string", "description": "what to look for."},
            "limit": {"type": "integer", "description": "at most this many."},
            "exact": {"type": "boolean"},
        },
        "required": ["query"],
        "additionalProperties": False,
    }
    assert types == {"query": str, "limit": int, "exact": bool}
    assert function_schema(sphinx)[:2] == (
        "Find things.",
        {
            "type": "object",
            "properties": {"query": {"type": "string", "description": "the words."}},
            "required": ["query"],
            "additionalProperties": False,
        },
    )

"""scripts/generate.py's constraints module: the request schema's ranges and enums, read from the spec."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).parents[2]


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_script", ROOT / "scripts" / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate_script"] = module
    spec.loader.exec_module(module)
    return module


generate = load_script()


def spec_with(properties: dict[str, Any], **schemas: Any) -> dict[str, Any]:
    request = {"type": "object", "properties": properties}
    return {"components": {"schemas": {"ChatCompletionRequest": request, **schemas}}}


def evaluate(text: str) -> dict[str, Any]:
    namespace: dict[str, Any] = {}
    exec(compile(text, "request_constraints.py", "exec"), namespace)  # our own generated text
    rules: dict[str, Any] = namespace["CHAT_COMPLETION_REQUEST"]
    return rules


def test_the_committed_module_is_what_the_spec_gives() -> None:
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    committed = ROOT / "generated" / "siliconflow_api" / generate.CONSTRAINTS_MODULE
    assert committed.read_text(encoding="utf-8") == generate.render_constraints(spec)


def test_ranges_enums_unions_refs_and_nested_objects() -> None:
    spec = spec_with(
        {
            "temperature": {"type": "number", "minimum": 0, "maximum": 2},
            "penalty": {"type": "number", "exclusiveMinimum": -2, "exclusiveMaximum": 2.5},
            "effort": {"type": "string", "enum": ["high", "max"]},
            "stop": {"anyOf": [{"type": "string"}, {"type": "array", "maxItems": 4}, {"type": "null"}]},
            "format": {"$ref": "#/components/schemas/Format"},
            "content": {"type": ["string", "null"]},
        },
        Format={
            "type": "object",
            "properties": {"type": {"type": "string", "enum": ["text", "json_object"]}},
        },
    )
    rules = evaluate(generate.render_constraints(spec))
    assert rules["temperature"].minimum == 0
    assert rules["temperature"].maximum == 2
    assert (rules["penalty"].exclusive_minimum, rules["penalty"].exclusive_maximum) == (-2, 2.5)
    assert rules["effort"].enum == ("high", "max")
    assert rules["stop"].types == ("string", "array")
    assert rules["stop"].nullable
    assert rules["stop"].max_items == 4
    assert rules["format"].types == ("object",)
    assert rules["format.type"].enum == ("text", "json_object")
    assert rules["content"].nullable
    assert rules["content"].types == ("string",)


def test_the_output_is_deterministic_and_sorted() -> None:
    spec = spec_with({"b": {"type": "integer", "minimum": 1}, "a": {"type": "boolean"}})
    text = generate.render_constraints(spec)
    assert text == generate.render_constraints(spec)
    assert text.index('"a": FieldRule') < text.index('"b": FieldRule')


@pytest.mark.parametrize(
    ("schema", "message"),
    [
        ({"type": "integer", "enum": [1, 2]}, "only string enums are supported"),
        (
            {"anyOf": [{"type": "integer", "maximum": 1}, {"type": "number", "maximum": 2}]},
            "disagree on maximum",
        ),
    ],
)
def test_what_the_module_cannot_express_stops_generation(schema: dict[str, Any], message: str) -> None:
    with pytest.raises(SystemExit, match=message):
        generate.render_constraints(spec_with({"field": schema}))


def test_former_names_map_each_old_name_to_its_schema(tmp_path: Path) -> None:
    spec: dict[str, Any] = {
        "components": {
            "schemas": {
                "ChatCompletionTool": {"type": "object", "x-former-names": ["Tool", "FunctionTool"]},
                "Other": {"type": "object"},
            }
        }
    }
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec), encoding="utf-8")
    text = generate.former_names_template(path)
    assert text == (
        '{% set former_names = {"FunctionTool": "ChatCompletionTool", "Tool": "ChatCompletionTool"} %}\n'
    )
    spec["components"]["schemas"]["Other"]["x-former-names"] = ["ChatCompletionTool"]
    path.write_text(yaml.safe_dump(spec), encoding="utf-8")
    with pytest.raises(SystemExit, match="'ChatCompletionTool' is a schema name"):
        generate.former_names_template(path)

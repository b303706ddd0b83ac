"""Reading both documents into field paths: 3.0 spellings, merged unions, $refs, model ids."""

from __future__ import annotations

from typing import Any

import pytest

from scripts.docs_diff.fields import Document, Field, SpecError, model_ids


def body(
    schema: dict[str, Any], components: dict[str, Any] | None = None, *, ours: bool = False
) -> dict[Any, Field]:
    spec = {
        "openapi": "3.0.0",
        "paths": {"/x": {"post": {"requestBody": {"content": {"application/json": {"schema": schema}}}}}},
        "components": {"schemas": components or {}},
    }
    (operation,) = Document(spec, ours=ours).operations()
    return {path[2:]: field for path, field in operation.fields.items() if path[:2] == ("request", "body")}


def test_nullable_and_boolean_exclusive_bounds_read_as_3_1() -> None:
    fields = body(
        {"properties": {"a": {"type": "number", "nullable": True, "minimum": 0, "exclusiveMinimum": True}}}
    )
    assert fields[("a",)].types == frozenset({"number", "null"})
    assert fields[("a",)].facets == {"exclusiveMinimum": 0}


def test_union_branches_merge_into_one_field() -> None:
    fields = body(
        {
            "oneOf": [
                {
                    "required": ["role", "content"],
                    "properties": {"role": {"const": "user"}, "content": {"type": "string"}},
                },
                {
                    "required": ["role"],
                    "properties": {"role": {"const": "assistant"}, "content": {"type": "null"}},
                },
            ]
        }
    )
    assert fields[("role",)].facets["enum"] == ("user", "assistant")
    assert fields[("role",)].required
    assert not fields[("content",)].required  # one branch leaves it out
    assert fields[("content",)].types == frozenset({"string", "null"})


def test_a_recursive_schema_is_read_once_and_keeps_the_field() -> None:
    fields = body(
        {"$ref": "#/components/schemas/Node"},
        {"Node": {"properties": {"child": {"$ref": "#/components/schemas/Node"}}}},
    )
    assert set(fields) == {(), ("child",)}


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("#/components/schemas/Missing", "unresolvable $ref #/components/schemas/Missing"),
        ("https://elsewhere/x.yaml", "only local $refs are followed: https://elsewhere/x.yaml"),
    ],
)
def test_a_bad_ref_is_a_short_error(ref: str, message: str) -> None:
    with pytest.raises(SpecError) as raised:
        body({"$ref": ref})
    assert str(raised.value) == message


def test_a_hostile_document_reads_as_what_it_has() -> None:
    spec = {
        "openapi": "3",
        "paths": {"/x": {"post": {"requestBody": "x", "responses": [1], "parameters": {"a": 1}}}},
    }
    (operation,) = Document(spec).operations()
    assert operation.fields == {}
    assert list(Document({"openapi": "3", "paths": [1]}).operations()) == []
    fields = body(
        {"properties": [1], "required": "abc", "oneOf": "z", "enum": [{"a": 1}, {"a": 1}], "minimum": "3"}
    )
    assert fields[()].facets == {"enum": ({"a": 1},)}


def test_only_our_notes_and_markers_are_read() -> None:
    schema = {
        "properties": {
            "a": {"type": "integer", "x-doc-discrepancy": "docs say 10", "x-doc-says": {"maximum": 10}}
        }
    }
    assert body(schema)[("a",)].notes == []
    (note,) = body(schema, ours=True)[("a",)].notes
    assert (note.text, note.says) == ("docs say 10", {"maximum": 10})


def test_a_default_written_in_prose_is_the_fields_default() -> None:
    fields = body(
        {
            "properties": {
                "top_p": {"type": "number", "description": "Nucleus sampling. Server default 0.7."},
                "effort": {"type": "string", "description": "server default `high` in thinking mode"},
                "thinking": {"type": "boolean", "description": "Switches modes. Default is True. "},
                "other": {"type": "boolean", "description": "The server default depends on the model."},
            }
        }
    )
    assert [fields[(name,)].facets.get("default") for name in ("top_p", "effort", "thinking", "other")] == [
        "0.7",
        "high",
        "True",
        None,
    ]


def test_model_ids_come_out_of_prose_and_lists_but_not_links() -> None:
    text = """Supports:

        - Pro/zai-org/GLM-5
        - deepseek-ai/DeepSeek-V3.2
    Also openai/gpt-oss-120b, (Qwen3, GLM-4.5V/4.6/4.7/5, DeepSeek-V3.1/V3.2), model on/offlining.
    See [Models](https://cloud.siliconflow.cn/me/models?tags=x) and [guide](docs/guides/function-calling)."""
    assert model_ids(text) == {"Pro/zai-org/GLM-5", "deepseek-ai/DeepSeek-V3.2", "openai/gpt-oss-120b"}

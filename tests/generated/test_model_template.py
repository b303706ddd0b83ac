"""templates/model.py.jinja: the generated models read what the stock templates read, and check types.

- Differential: the same spec generated with openapi-python-client's stock templates (into a
  temporary folder, imported as `stock_siliconflow_api`) gives the same objects and the same
  `to_dict()` on every captured payload and on Hypothesis payloads drawn from openapi.yaml's schemas.
- Validation: a wrong JSON type at any known path of a valid payload raises `MalformedDataError`
  naming that path; unknown fields stay allowed and kept.
- Regeneration: a field added to the spec is read by the same generated code as every other field
  (there is no hand-written fast path left to fall back from).
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from siliconflow_api import models
from siliconflow_api.errors import MalformedDataError, json_type

ROOT = Path(__file__).resolve().parents[2]
SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]
# The repository carries every capture it reads (a plain clone must pass on its own).
FIXTURE_DIRS = [ROOT / "tests" / "fixtures"]
# Every component schema with a generated model class (the ones reached only through them are
# covered as their parts).
MODEL_SCHEMAS = sorted(
    name
    for name in SCHEMAS
    if hasattr(getattr(models, name, None), "from_dict") and not hasattr(getattr(models, name), "to_multipart")
)  # a multipart body (the batch file upload) holds bytes and is never read from JSON
RESPONSE_SCHEMAS = ["ChatCompletion", "ChatCompletionChunk"]


# ---- the stock generation --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def stock(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """`siliconflow_api.models` generated from the same spec by the generator's stock templates."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        generate = importlib.import_module("generate")
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    out = tmp_path_factory.mktemp("stock")
    no_overrides = tmp_path_factory.mktemp("no-templates")
    generate.generate(ROOT, out, templates=no_overrides)
    (out / "siliconflow_api").rename(out / "stock_siliconflow_api")  # its imports are relative
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module("stock_siliconflow_api.models")
    finally:
        sys.path.remove(str(out))
        for name in [n for n in sys.modules if n.startswith("stock_siliconflow_api")]:
            del sys.modules[name]


def structure(value: Any) -> Any:
    """A model tree as plain data: class names, every attribute (absent as None), extra fields."""
    if attrs.has(type(value)):
        fields = {f.name: structure(getattr(value, f.name)) for f in attrs.fields(type(value)) if f.name != "_given"}
        return (type(value).__name__, fields)
    if type(value).__name__ == "Unset":  # the stock models' absent field; ours read it as None
        return None
    if isinstance(value, list):
        return [structure(item) for item in value]
    if isinstance(value, dict):
        return {key: structure(item) for key, item in value.items()}
    return value


# Valid payloads the stock templates cannot read, found by the drawn payloads below.
STOCK_BUGS = {
    # `data: "[DONE]" | string`: the stock union tries the const last and has no fallback, so any
    # string but "[DONE]" raises ValueError.
    "ChatCompletionSseEvent": (ValueError, lambda payload: payload.get("data") != "[DONE]"),
}


def assert_same_as_stock(stock: ModuleType, name: str, payload: Any) -> None:
    ours = getattr(models, name).from_dict(payload)
    if name in STOCK_BUGS and STOCK_BUGS[name][1](payload):
        with pytest.raises(STOCK_BUGS[name][0]):
            getattr(stock, name).from_dict(payload)
        assert ours.to_dict() == payload
        return
    theirs = getattr(stock, name).from_dict(payload)
    assert structure(ours) == structure(theirs)
    assert ours.to_dict() == theirs.to_dict() == payload


def captured_payloads() -> list[tuple[str, Any]]:
    """(fixture name, payload) for every captured chunk and completion."""
    found: list[tuple[str, Any]] = []
    for folder in FIXTURE_DIRS:
        for path in sorted(folder.glob("*.json")):
            found.append((f"{folder.parent.name}/{path.name}", json.loads(path.read_text(encoding="utf-8"))))
        for path in sorted(folder.glob("*.sse")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
                data = line.removeprefix("data:").strip()
                if line.startswith("data:") and data != "[DONE]":
                    found.append((f"{folder.parent.name}/{path.name}:{number + 1}", json.loads(data)))
    return found


CAPTURED = captured_payloads()


def test_every_fixture_folder_was_read() -> None:
    names = {name.split("/")[0] for name, _ in CAPTURED}
    assert names == {"tests"}
    assert {name.split("/")[1].partition(":")[0] for name, _ in CAPTURED} >= {
        "deepseek-v3-response.json",
        "deepseek-v3-stream.sse",
        "docs-glm47-thinking.json",
    }
    assert len(CAPTURED) >= 8


@pytest.mark.slow
@pytest.mark.parametrize(("name", "payload"), CAPTURED, ids=[name for name, _ in CAPTURED])
def test_captured_payloads_read_as_the_stock_templates_read_them(stock: ModuleType, name: str, payload: Any) -> None:
    schema = "ChatCompletionChunk" if payload["object"] == "chat.completion.chunk" else "ChatCompletion"
    assert_same_as_stock(stock, schema, payload)


# ---- payloads drawn from the spec ---------------------------------------------------------------------

JSON_LEAVES = st.none() | st.booleans() | st.integers() | st.text(max_size=5)
ANY_JSON = st.recursive(
    JSON_LEAVES, lambda inner: st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=4), inner, max_size=2)
)


def resolve(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema a `$ref` points to; a `oneOf` read as an `anyOf` (its members exclude each other)."""
    while "$ref" in schema:
        schema = SCHEMAS[schema["$ref"].rsplit("/", 1)[1]]
    if "oneOf" in schema:
        schema = {"anyOf": schema["oneOf"]}
    return schema


def valid(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values valid against `schema` in JSON types, consts, enums and required fields (lengths,
    ranges and patterns are left out: neither parser checks them). Objects get unknown fields too."""
    schema = resolve(schema)
    if "anyOf" in schema:
        return st.one_of([valid(member) for member in schema["anyOf"]])
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if isinstance(kind, list):
        return st.one_of([valid({**schema, "type": one}) for one in kind])
    if kind == "object" or "properties" in schema:
        return valid_object(schema)
    if kind == "array":
        return st.lists(valid(schema.get("items", {})), max_size=3)
    simple: dict[str, st.SearchStrategy[Any]] = {
        "string": st.text(max_size=6),
        "integer": st.integers(min_value=-(2**40), max_value=2**40),
        "number": st.integers(-100, 100) | st.floats(allow_nan=False, allow_infinity=False),
        "boolean": st.booleans(),
        "null": st.none(),
    }
    return simple[kind] if kind in simple else ANY_JSON


def valid_object(schema: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    properties: dict[str, Any] = schema.get("properties", {})
    required = set(schema.get("required", []))
    known = st.fixed_dictionaries(
        {name: valid(sub) for name, sub in properties.items() if name in required},
        optional={name: valid(sub) for name, sub in properties.items() if name not in required},
    )
    if schema.get("additionalProperties") is False:
        return known
    unknown_key = st.text(min_size=1, max_size=6).filter(lambda key: key not in properties)
    unknown = st.dictionaries(unknown_key, JSON_LEAVES, max_size=2)
    return st.tuples(unknown, known).map(lambda pair: {**pair[0], **pair[1]})


@pytest.mark.slow
@pytest.mark.parametrize("name", MODEL_SCHEMAS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_drawn_payloads_read_as_the_stock_templates_read_them(stock: ModuleType, name: str, data: st.DataObject) -> None:
    payload = data.draw(valid(SCHEMAS[name]), label=name)
    assert_same_as_stock(stock, name, payload)


# ---- wrong types at known paths -----------------------------------------------------------------------

WRONG_CANDIDATES: list[Any] = [7, 2.5, "text", True, None, [1], {"k": 1}]


def allowed_types(schema: dict[str, Any]) -> set[str] | None:
    """The JSON types `schema` allows, or None when it allows anything (an empty schema)."""
    schema = resolve(schema)
    if "anyOf" in schema:
        found: set[str] = set()
        for member in schema["anyOf"]:
            types = allowed_types(member)
            if types is None:
                return None
            found |= types
        return found
    kind = schema.get("type")
    if kind is None:
        return {"object"} if "properties" in schema else None
    kinds = set(kind) if isinstance(kind, list) else {kind}
    return kinds | {"integer"} if "number" in kinds else kinds


def object_members(schema: dict[str, Any]) -> list[dict[str, Any]]:
    schema = resolve(schema)
    if "anyOf" in schema:
        return [member for m in schema["anyOf"] for member in object_members(m)]
    kind = schema.get("type")
    return [schema] if kind == "object" or (kind is None and "properties" in schema) else []


def positions(schema: dict[str, Any], value: Any, path: str) -> Iterator[tuple[tuple[Any, ...], dict[str, Any], str]]:
    """(keys from the root, schema, rendered JSON path) of every known field present in `value`.

    The walk does not enter a value that several object schemas could match (a message, a content
    part): a wrong type inside one of those makes the whole value fail, and is named there.
    """
    members = object_members(schema)
    array = resolve(schema).get("type") == "array" or any(
        resolve(m).get("type") == "array" for m in resolve(schema).get("anyOf", [])
    )
    if isinstance(value, dict) and len(members) == 1:
        for key, sub in members[0].get("properties", {}).items():
            if key in value:
                child = f"{path}.{key}" if path else key
                yield (key,), sub, child
                for keys, deeper, rendered in positions(sub, value[key], child):
                    yield (key, *keys), deeper, rendered
    elif isinstance(value, list) and array:
        items = resolve(schema).get("items")
        if items is None:
            items = next(resolve(m)["items"] for m in resolve(schema)["anyOf"] if resolve(m).get("type") == "array")
        for index, item in enumerate(value):
            child = f"{path}[{index}]"
            yield (index,), items, child
            for keys, deeper, rendered in positions(items, item, child):
                yield (index, *keys), deeper, rendered


def replaced(payload: Any, keys: tuple[Any, ...], new: Any) -> Any:
    copy = json.loads(json.dumps(payload))
    target = copy
    for key in keys[:-1]:
        target = target[key]
    target[keys[-1]] = new
    return copy


@pytest.mark.slow
@pytest.mark.parametrize("name", [*RESPONSE_SCHEMAS, "ChatCompletionRequest"])
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_wrong_type_at_any_known_path_is_named(name: str, data: st.DataObject) -> None:
    payload = data.draw(valid(SCHEMAS[name]), label="valid payload")
    candidates = []
    for keys, schema, rendered in positions(SCHEMAS[name], payload, ""):
        types = allowed_types(schema)
        if types is None:
            continue
        wrong = [v for v in WRONG_CANDIDATES if json_type(v) not in types]
        if len(object_members(schema)) > 1:  # a union of objects: an object would fail deeper
            wrong = [v for v in wrong if not isinstance(v, dict)]
        if wrong:
            candidates.append((keys, rendered, wrong))
    if not candidates:
        return
    keys, rendered, wrong = data.draw(st.sampled_from(candidates), label="path")
    value = data.draw(st.sampled_from(wrong), label="wrong value")
    with pytest.raises(MalformedDataError) as caught:
        getattr(models, name).from_dict(replaced(payload, keys, value))
    assert caught.value.path == rendered
    assert caught.value.got == json_type(value)
    assert str(caught.value).startswith(f"{rendered}: expected ")


def test_missing_required_fields_and_non_objects_are_named() -> None:
    chunk = {"id": "x", "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": [{"index": 0}]}
    with pytest.raises(MalformedDataError, match=r"^choices\[0\]\.delta: expected object, got missing$"):
        models.ChatCompletionChunk.from_dict(chunk)
    with pytest.raises(MalformedDataError, match="^expected object, got array$"):
        models.ChatCompletionChunk.from_dict([])  # type: ignore[arg-type]
    with pytest.raises(MalformedDataError, match=r"^choices\[1\]: expected object, got string$"):
        models.ChatCompletionChunk.from_dict({**chunk, "choices": [{"index": 0, "delta": {}}, "x"]})


def test_enums_of_requests_stay_closed_and_of_responses_open() -> None:
    request = {"model": "m", "messages": [], "reasoning_effort": "extreme"}
    with pytest.raises(MalformedDataError, match="^reasoning_effort: expected one of "):
        models.ChatCompletionRequest.from_dict(request)
    completion = {
        "id": "x",
        "object": "chat.completion",
        "created": 1,
        "model": "m",
        "choices": [{"index": 0, "message": {"role": "assistant"}, "finish_reason": "content_filter"}],
    }
    assert models.ChatCompletion.from_dict(completion).choices[0].finish_reason == "content_filter"


def test_from_dict_does_not_copy_or_change_its_input() -> None:
    payload = {"id": "x", "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": [], "extra": 1}
    before = json.dumps(payload)
    chunk = models.ChatCompletionChunk.from_dict(payload)
    assert json.dumps(payload) == before
    assert chunk.additional_properties == {"extra": 1}


# ---- regeneration: a new field is read by the same generated code -------------------------------------

NEW_FIELD = """
        logprobs:
          type: ['null', object]
          description: Added by the test.
          additionalProperties: true
"""
PROBE = """
import json
from siliconflow._streaming.chunks import parse_event
from siliconflow._core.drift import drift_report
from siliconflow._streaming.sse import EventDecoder
from siliconflow_api.models import chunk_choice

def refuse(*args, **kwargs):  # the chunk's from_dict must read its choices itself
    raise AssertionError("ChunkChoice.from_dict was called")

chunk_choice.ChunkChoice.from_dict = classmethod(refuse)
chunk = {"id": "x", "object": "chat.completion.chunk", "created": 1, "model": "m",
         "choices": [{"index": 0, "delta": {"content": "a"}, "finish_reason": None, "logprobs": None}]}
(event,) = EventDecoder().feed("data: " + json.dumps(chunk) + "\\n\\n")
choice = parse_event(event).choices[0]
print(json.dumps({"attribute": hasattr(choice, "logprobs"), "extra": sorted(choice.additional_properties),
                  "drift": sorted(drift_report())}))
"""


def probe(generated: Path) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(generated), str(ROOT / "overlays")])}
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(PROBE)], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    answer: dict[str, Any] = json.loads(result.stdout)
    return answer


@pytest.mark.slow
def test_a_field_added_to_the_spec_is_read_by_the_generated_fast_path(tmp_path: Path) -> None:
    for name in ("openapi.yaml", "generator-config.yml", "templates", "scripts"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, tmp_path / name)
    # Today the field is drift: kept aside, and reported.
    assert probe(ROOT / "generated") == {"attribute": False, "extra": ["logprobs"], "drift": ["choices[].logprobs"]}
    spec = tmp_path / "openapi.yaml"
    anchor = "        finish_reason:\n          $ref: '#/components/schemas/FinishReason'\n\n    ChunkDelta:"
    text = spec.read_text(encoding="utf-8")
    assert anchor in text
    spec.write_text(text.replace(anchor, anchor.replace("\n\n", NEW_FIELD + "\n")), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(tmp_path / "scripts" / "generate.py"), "--root", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    # After `make generate`: an attribute, read inline by the chunk's own from_dict, no drift.
    assert probe(tmp_path / "generated") == {"attribute": True, "extra": [], "drift": []}
    chunk_module = (tmp_path / "generated" / "siliconflow_api" / "models" / "chat_completion_chunk.py").read_text()
    assert '_item0.get("logprobs")' in chunk_module


def test_a_subclass_is_built_by_its_own_init() -> None:
    seen: list[str] = []

    class Traced(models.ChatCompletionChunk):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            seen.append("init")
            super().__init__(*args, **kwargs)

    payload = {"id": "x", "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": [], "n": 1}
    chunk = Traced.from_dict(payload)
    assert type(chunk) is Traced
    assert seen == ["init"]
    assert chunk.to_dict() == payload

"""JSON Schemas from Python type hints, and JSON values turned back into those types.

Used by the tool runner (a function's parameters) and by structured output (the answer's type).

| Python | JSON Schema |
|---|---|
| `str`, `int`, `float`, `bool`, `None` | `string`, `integer`, `number`, `boolean`, `null` |
| `Literal["a", 1]`, an `Enum` | `enum` of the values |
| `list[T]`, `Sequence[T]`, `tuple[T, ...]`, `set[T]` | `array` of T (`uniqueItems` for sets) |
| `tuple[A, B]` | `array` with `prefixItems` |
| `dict[str, T]`, `Mapping[str, T]` | `object` with `additionalProperties` T |
| `T \\| None`, `Optional[T]`, `Union[A, B]` | `anyOf` |
| `Annotated[T, "text"]` | T's schema with `description: text` |
| attrs classes, dataclasses, TypedDicts | `object`, fields as `properties`, `required` when no default |
| pydantic models (when pydantic is installed) | the model's own `model_json_schema()` |
| `Any`, `object`, no annotation | `{}` (anything) |

Nested classes are inlined; a class that contains itself is refused (`TypeError`), as is any other
type this table does not cover, naming the type and where it was found.
"""

from __future__ import annotations

import dataclasses
import enum
import inspect
import re
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal, Union, get_args, get_origin

import attrs

__all__ = ["from_json", "function_schema", "is_pydantic_model", "json_schema_of"]

_PRIMITIVES: dict[object, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
    type(None): {"type": "null"},
    None: {"type": "null"},
}
_ARRAYS = {list, tuple, set, frozenset, Sequence, typing.Sequence, typing.List, typing.Set}  # noqa: UP006
_MAPPINGS = {dict, Mapping, typing.Mapping, typing.Dict}  # noqa: UP006


def is_pydantic_model(tp: object) -> bool:
    """True for a pydantic v2 model class (duck-typed: pydantic is optional, never imported here)."""
    return (
        isinstance(tp, type)
        and callable(getattr(tp, "model_json_schema", None))
        and hasattr(tp, "model_validate")
    )


def _is_typeddict(tp: object) -> bool:
    return isinstance(tp, type) and issubclass(tp, dict) and hasattr(tp, "__required_keys__")


def _is_record(tp: object) -> bool:
    return isinstance(tp, type) and (attrs.has(tp) or dataclasses.is_dataclass(tp) or _is_typeddict(tp))


def _hints(tp: object) -> dict[str, Any]:
    try:
        return typing.get_type_hints(tp, include_extras=True)
    except (NameError, TypeError) as exc:
        raise TypeError(f"cannot read the type hints of {tp!r}: {exc}") from None


def _fields(tp: type) -> list[tuple[str, Any, bool]]:
    """(name, type, required) of each field of an attrs class, dataclass or TypedDict."""
    hints = _hints(tp)
    if _is_typeddict(tp):
        required: frozenset[str] = getattr(tp, "__required_keys__", frozenset())
        return [
            (name, _unwrap_qualifier(hint), _required_key(name, hint, required))
            for name, hint in hints.items()
        ]
    if attrs.has(tp):
        return [
            (field.name, hints.get(field.name, Any), field.default is attrs.NOTHING and field.init)
            for field in attrs.fields(tp)
            if field.init
        ]
    assert dataclasses.is_dataclass(tp)
    return [
        (
            field.name,
            hints.get(field.name, Any),
            field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING,
        )
        for field in dataclasses.fields(tp)
        if field.init
    ]


def _unwrap_qualifier(hint: Any) -> Any:
    """`T` of `Required[T]` / `NotRequired[T]` (kept by include_extras; __required_keys__ has the answer)."""
    while get_origin(hint) in (typing.Required, typing.NotRequired):
        hint = get_args(hint)[0]
    return hint


def _required_key(name: str, hint: Any, required: frozenset[str]) -> bool:
    # An explicit qualifier wins: under `from __future__ import annotations` Python 3.11 computes
    # __required_keys__ from unevaluated strings and misses NotRequired.
    origin = get_origin(hint)
    if origin is typing.NotRequired:
        return False
    return origin is typing.Required or name in required


def json_schema_of(tp: object) -> dict[str, Any]:
    """The JSON Schema of values of type `tp` (see the module table)."""
    return _schema(tp, (), "the type")


def _schema(tp: object, seen: tuple[object, ...], where: str) -> dict[str, Any]:  # noqa: PLR0911, PLR0912
    if tp in _PRIMITIVES:
        return dict(_PRIMITIVES[tp])
    if tp is Any or tp is object:
        return {}
    origin, args = get_origin(tp), get_args(tp)
    if origin is typing.Annotated:
        schema = _schema(args[0], seen, where)
        text = next((meta for meta in args[1:] if isinstance(meta, str)), None)
        return {**schema, "description": text} if text else schema
    if origin is Literal:
        return {"enum": list(args)}
    if origin in (Union, types.UnionType):
        return {"anyOf": [_schema(arg, seen, where) for arg in args]}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"enum": [member.value for member in tp]}
    if origin in _ARRAYS or tp in _ARRAYS:
        if origin is tuple and args and args[-1] is not Ellipsis:
            items = [_schema(arg, seen, where) for arg in args]
            return {"type": "array", "prefixItems": items, "minItems": len(items), "maxItems": len(items)}
        schema = {"type": "array", "items": _schema(args[0], seen, where) if args else {}}
        if origin in (set, frozenset, typing.Set):  # noqa: UP006
            schema["uniqueItems"] = True
        return schema
    if origin in _MAPPINGS or tp in _MAPPINGS:
        if args and args[0] is not str:
            raise TypeError(f"{where}: JSON object keys are strings, got {tp!r}")
        return {"type": "object", "additionalProperties": _schema(args[1], seen, where) if args else {}}
    if is_pydantic_model(tp):
        model_schema: dict[str, Any] = getattr(tp, "model_json_schema")()  # noqa: B009
        return model_schema
    if _is_record(tp):
        assert isinstance(tp, type)
        if tp in seen:
            raise TypeError(f"{where}: {tp.__qualname__} contains itself; recursive types are not supported")
        return _record(tp, (*seen, tp))
    raise TypeError(f"{where}: no JSON Schema for {tp!r}")


def _record(tp: type, seen: tuple[object, ...]) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    required: list[str] = []
    for name, hint, needed in _fields(tp):
        properties[name] = _schema(hint, seen, f"{tp.__qualname__}.{name}")
        if needed:
            required.append(name)
    schema: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        schema["required"] = required
    doc = inspect.getdoc(tp)
    if doc and not (_is_typeddict(tp) or doc.startswith(tp.__name__ + "(")):  # not a generated signature
        schema["description"] = doc.split("\n\n")[0]
    return schema


def from_json(value: object, tp: object) -> Any:  # noqa: PLR0911
    """`value` (JSON already valid against `json_schema_of(tp)`) as a `tp`: records built, tuples made."""
    if tp is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    origin, args = get_origin(tp), get_args(tp)
    if origin is typing.Annotated:
        return from_json(value, args[0])
    if origin in (Union, types.UnionType):
        return _from_union(value, args)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp(value)
    if isinstance(value, list) and (origin in _ARRAYS or tp in _ARRAYS):
        if origin is tuple and args and args[-1] is not Ellipsis:
            return tuple(from_json(item, arg) for item, arg in zip(value, args, strict=False))
        items = [from_json(item, args[0]) if args else item for item in value]
        container = origin or tp
        return tuple(items) if container is tuple else set(items) if container in (set, frozenset) else items
    if isinstance(value, dict) and (origin in _MAPPINGS or tp in _MAPPINGS):
        return {key: from_json(item, args[1]) if args else item for key, item in value.items()}
    if is_pydantic_model(tp):
        return getattr(tp, "model_validate")(value)  # noqa: B009
    if isinstance(value, dict) and _is_record(tp):
        assert isinstance(tp, type)
        converted = {name: from_json(value[name], hint) for name, hint, _ in _fields(tp) if name in value}
        return converted if _is_typeddict(tp) else tp(**converted)
    return value


def _from_union(value: object, args: tuple[Any, ...]) -> Any:
    if value is None and type(None) in args:
        return None
    for arg in args:
        if arg is type(None):
            continue
        try:
            if json_schema_matches(value, _schema(arg, (), "union")):
                return from_json(value, arg)
        except TypeError:
            continue
    return value


def json_schema_matches(value: object, schema: Mapping[str, Any]) -> bool:
    """Whether `value` is valid against `schema` (jsonschema, imported when first needed)."""
    from jsonschema import Draft202012Validator  # noqa: PLC0415 - a runtime dependency used lazily

    return bool(Draft202012Validator(schema).is_valid(value))


# ---- functions -------------------------------------------------------------------------------------

_ARGS_SECTION = re.compile(r"^\s*(Args|Arguments|Parameters|Params):\s*$", re.MULTILINE)
_GOOGLE_ARG = re.compile(r"^\s+(\*{0,2}\w+)\s*(\([^)]*\))?\s*:\s*(.+)$")
_SPHINX_ARG = re.compile(r"^\s*:param\s+(?:\S+\s+)?(\w+)\s*:\s*(.+)$")


def _docstring_parts(doc: str) -> tuple[str, dict[str, str]]:
    """(description, {parameter: description}) from Google-style `Args:` or Sphinx `:param x:`."""
    described: dict[str, str] = {}
    lines = doc.splitlines()
    summary: list[str] = []
    in_args = False
    for line in lines:
        sphinx = _SPHINX_ARG.match(line)
        if sphinx:
            described[sphinx.group(1)] = sphinx.group(2).strip()
            continue
        if _ARGS_SECTION.match(line):
            in_args = True
            continue
        if in_args:
            google = _GOOGLE_ARG.match(line)
            if google:
                described[google.group(1).lstrip("*")] = google.group(3).strip()
                continue
            if line.strip() and not line.startswith((" ", "\t")):
                in_args = False  # the next section
            else:
                continue
        if not line.lstrip().startswith(":"):
            summary.append(line)
    return "\n".join(summary).strip(), described


def function_schema(function: Callable[..., Any]) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """(description, parameters JSON Schema, {parameter: type}) of a plain Python function."""
    where = getattr(function, "__qualname__", repr(function))
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{where}: cannot read its signature: {exc}") from None
    hints = _hints(function)
    description, described = _docstring_parts(inspect.getdoc(function) or "")
    properties: dict[str, Any] = {}
    required: list[str] = []
    types_by_name: dict[str, Any] = {}
    for name, parameter in signature.parameters.items():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD, parameter.POSITIONAL_ONLY):
            raise TypeError(f"{where}: parameter {name!r} cannot be passed by name from JSON arguments")
        hint = hints.get(name, Any)
        types_by_name[name] = hint
        schema = _schema(hint, (), f"{where}({name})")
        if name in described and "description" not in schema:
            schema["description"] = described[name]
        properties[name] = schema
        if parameter.default is parameter.empty:
            required.append(name)
    parameters: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        parameters["required"] = required
    return description, parameters, types_by_name

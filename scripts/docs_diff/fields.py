"""An operation as a flat map of field paths, each with what the spec says about that field.

Both documents, ours (OpenAPI 3.1) and the docs' (3.0), are read into the same shape, so their
schemas can differ in structure (the docs split the request into `LLM`/`VLM` oneOf branches, we
have one schema with a message union) and still be compared field by field:

- a path is a tuple of segments: `("request", "body", "messages", "[]", "role")`,
  `("response", "200", "header", "cache-control")`, `("response", "200", "stream", "choices", ...)`;
- `oneOf`/`anyOf`/`allOf` branches are merged into one field: types and enum values united, ranges
  widened, `required` kept only when every branch requires it;
- 3.0 spellings are read as 3.1: `nullable: true` adds `null`, boolean `exclusiveMinimum` moves the
  bound, `const` is a one-value enum; our open response enums (`x-known-values`) count as enums.

`$ref`s are resolved with `referencing` (jsonschema's resolver, already installed) on the page's
own document; a reference cycle is followed once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from referencing import Registry, Resource
from referencing.exceptions import Unresolvable

Path = tuple[str, ...]
METHODS = ("get", "put", "post", "delete", "patch")
RANGES = (
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minItems",
    "maxItems",
    "minLength",
    "maxLength",
)
_WIDEST = {"minimum": min, "exclusiveMinimum": min, "minItems": min, "minLength": min}
_URL = re.compile(r"\]\([^)]*\)|https?://\S+")
# `org/model` or `Pro/org/model`: the org has no dot, the model part a capital or a digit
# (which leaves out prose such as "on/offlining" and "GLM-4.5V/4.6").
_MODEL_ID = re.compile(r"(?<![\w./-])(?:Pro/)?[A-Za-z][\w-]*/(?=[\w.-]*[A-Z0-9])[\w.-]*\w")
# A default written in prose: ours "Server default 0.7." / "server default `high`", the docs'
# "Default is True.".
_DESCRIBED_DEFAULT = re.compile(
    r"(?:[Ss]erver default:?|\b[Dd]efault is|\b[Dd]efaults to)\s+"
    r"(?:`([^`]+)`|(-?\d+(?:\.\d+)?|[Tt]rue|[Ff]alse)\b)"
)


class SpecError(ValueError):
    """The document cannot be read (for example an unresolvable `$ref`)."""


@dataclass
class Note:
    text: str
    says: dict[str, Any] = field(default_factory=dict)  # `x-doc-says`: what the docs said there


@dataclass
class Field:
    types: frozenset[str] | None = None  # None: any type
    votes: list[bool] = field(default_factory=list)  # required, as each place met says
    facets: dict[str, Any] = field(default_factory=dict)  # ranges, `enum` (a tuple), `default`
    models: frozenset[str] = frozenset()
    notes: list[Note] = field(default_factory=list)

    @property
    def required(self) -> bool:
        """Required only where every branch that has the field requires it."""
        return bool(self.votes) and all(self.votes)


@dataclass
class Operation:
    method: str
    path: str
    operation_id: str
    fields: dict[Path, Field]

    @property
    def title(self) -> str:
        return f"{self.method.upper()} {self.path}"


class Document:
    """One OpenAPI document: its operations, flattened on demand."""

    def __init__(self, spec: Mapping[str, Any], *, ours: bool = False) -> None:
        self.spec, self.ours = spec, ours
        uri = "urn:docs-diff:document"
        self._resolver = Registry().with_resource(uri, Resource.opaque(spec)).resolver(uri)

    def operations(self) -> Iterator[Operation]:
        for path, item in _dict(self.spec.get("paths")).items():
            if not isinstance(item, dict):
                continue
            for method in METHODS:
                operation = item.get(method)
                if isinstance(operation, dict):
                    fields = _Flattener(self).operation(operation, item)
                    yield Operation(method, str(path), str(operation.get("operationId", "")), fields)

    def resolve(self, node: Any) -> tuple[Any, list[Note]]:
        """The node behind a `$ref` chain, with the notes met on the way."""
        notes: list[Note] = []
        for _ in range(32):
            if isinstance(node, dict):
                notes += self.notes_of(node)
            if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
                return node, notes
            ref = node["$ref"]
            if not ref.startswith("#"):
                raise SpecError(f"only local $refs are followed: {ref}")
            try:
                node = self._resolver.lookup(ref).contents
            except Unresolvable:
                raise SpecError(f"unresolvable $ref {ref}") from None
        raise SpecError("a $ref chain longer than 32 links")

    def notes_of(self, node: Mapping[str, Any]) -> list[Note]:
        if not self.ours or "x-doc-discrepancy" not in node:
            return []
        says = node.get("x-doc-says")
        return [Note(str(node["x-doc-discrepancy"]).strip(), dict(says) if isinstance(says, dict) else {})]


class _Flattener:
    def __init__(self, document: Document) -> None:
        self.doc = document
        self.out: dict[Path, Field] = {}
        self._stack: list[str] = []

    def operation(self, operation: Mapping[str, Any], item: Mapping[str, Any]) -> dict[Path, Field]:
        self._note((), self.doc.notes_of(operation))
        parameters = [*_list(item.get("parameters")), *_list(operation.get("parameters"))]
        for raw in parameters:
            parameter, notes = self.doc.resolve(raw)
            if not isinstance(parameter, dict) or "name" not in parameter:
                continue
            name = str(parameter["name"])
            where = ("request", str(parameter.get("in", "query")))
            at = (*where, name.lower() if where[1] == "header" else name)
            self._note(at, notes)
            self.schema(parameter.get("schema", {}), at, required=bool(parameter.get("required")))
        body, notes = self.doc.resolve(operation.get("requestBody"))
        if isinstance(body, dict):
            self._note(("request", "body"), notes)
            for media, content in _dict(body.get("content")).items():
                if not isinstance(content, dict):
                    continue
                self._note(("request", "body"), self.doc.notes_of(content))
                if "json" in str(media) or "form" in str(media):
                    self.schema(content.get("schema", {}), ("request", "body"), required=True)
        for status, raw in _dict(operation.get("responses")).items():
            self._response(str(status), raw)
        return self.out

    def _response(self, status: str, raw: Any) -> None:
        response, notes = self.doc.resolve(raw)
        at: Path = ("response", status)
        self._field(at, True)
        self._note(at, notes)
        if not isinstance(response, dict):
            return
        for name, header in _dict(response.get("headers")).items():
            header_at = (*at, "header", str(name).lower())
            _, header_notes = self.doc.resolve(header)
            self._field(header_at, True)
            self._note(header_at, header_notes)
        for media, content in _dict(response.get("content")).items():
            if not isinstance(content, dict):
                continue
            kind = (
                "body" if media == "application/json" else "stream" if media == "text/event-stream" else media
            )
            media_at = (*at, kind)
            self._note(media_at, self.doc.notes_of(content))
            schema = content.get("schema", {})
            if kind == "stream" and self.doc.ours:
                schema = self._event_payload(schema)
            self.schema(schema, media_at, required=True)

    def _event_payload(self, schema: Any) -> Any:
        """Ours describes an SSE event whose `data` holds the chunk (`contentSchema`); the docs, the chunk."""
        event, _ = self.doc.resolve(schema)
        data = _dict(_dict(event).get("properties")).get("data")
        for branch in (
            [data, *_list(data.get("anyOf")), *_list(data.get("oneOf"))] if isinstance(data, dict) else []
        ):
            if isinstance(branch, dict) and "contentSchema" in branch:
                return branch["contentSchema"]
        return schema

    # ---- schemas ------------------------------------------------------------------------------

    def schema(self, raw: Any, at: Path, *, required: bool, branch: bool = False) -> None:
        ref = raw.get("$ref") if isinstance(raw, dict) else None
        if isinstance(ref, str) and ref in self._stack:  # a recursive schema: the field, not again below
            self._field(at, required)
            return
        node, notes = self.doc.resolve(raw)
        if branch:  # a union's branch: its note is about the branch's own fields, met below
            notes = []
        if not isinstance(node, dict):
            return
        if isinstance(ref, str):
            self._stack.append(ref)
        try:
            self._merge(at, node, required, notes)
        finally:
            if isinstance(ref, str):
                self._stack.pop()

    def _merge(self, at: Path, node: dict[str, Any], required: bool, notes: list[Note]) -> None:
        target = self._field(at, required)
        self._note(at, notes)
        target.types = _union(target.types, _types(node))
        self._facets(at, target, node)
        for keyword in ("oneOf", "anyOf", "allOf"):
            for branch in _list(node.get(keyword)):
                # A branch does not make the field optional; `required` inside it is per property.
                self.schema(branch, at, required=target.required, branch=True)
        required_names = {str(name) for name in _list(node.get("required"))}
        for name, sub in _dict(node.get("properties")).items():
            self.schema(sub, (*at, str(name)), required=name in required_names)
        if isinstance(node.get("items"), dict):
            self.schema(node["items"], (*at, "[]"), required=True)

    def _facets(self, at: Path, target: Field, node: dict[str, Any]) -> None:
        facets = target.facets
        bounds = {key: node[key] for key in RANGES if isinstance(node.get(key), int | float)}
        for key in ("Minimum", "Maximum"):  # 3.0: a boolean exclusive flag beside the bound
            if node.get(f"exclusive{key}") is True and key.lower() in node:
                bounds[f"exclusive{key}"] = bounds.pop(key.lower())
        for key, value in bounds.items():
            if not isinstance(value, bool):
                facets[key] = _WIDEST.get(key, max)(facets[key], value) if key in facets else value
        values = node.get("enum") or node.get("x-known-values")
        if "const" in node:
            values = [node["const"]]
        if isinstance(values, list):
            merged = list(facets.get("enum", ()))
            for value in values:  # by equality, not hash: a value may be a mapping
                if value not in merged:
                    merged.append(value)
            facets["enum"] = tuple(merged)
        description = str(node.get("description") or "")
        if "default" in node:
            facets.setdefault("default", node["default"])
        elif at[:2] == ("request", "body") and (found := _DESCRIBED_DEFAULT.search(description)):
            # Our request fields carry no `default:` (the generator would send it), so the
            # server's default is written in the description; some docs fields do the same.
            facets.setdefault("default", found.group(1) or found.group(2))
        if len(at) == 3 and at[:2] == ("request", "body") and at[2] != "model":
            # Which models a field applies to; `model`'s own examples are not such a list.
            target.models |= model_ids(description)

    def _field(self, at: Path, required: bool | None = None) -> Field:
        found = self.out.setdefault(at, Field())
        if required is not None:
            found.votes.append(required)
        return found

    def _note(self, at: Path, notes: list[Note]) -> None:
        found = self._field(at) if notes else None
        for note in notes:
            if found is not None and note not in found.notes:
                found.notes.append(note)


def model_ids(text: str) -> frozenset[str]:
    """The model ids (`org/name`, `Pro/org/name`) written in a description, links left out."""
    return frozenset(_MODEL_ID.findall(_URL.sub(" ", text)))


def _dict(value: Any) -> dict[Any, Any]:
    """A mapping the spec should have, or an empty one where a hostile page has something else."""
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _types(node: Mapping[str, Any]) -> frozenset[str] | None:
    value = node.get("type")
    types = {str(t) for t in ([value] if isinstance(value, str) else _list(value))}
    if "const" in node and not types:
        types.add(_json_type(node["const"]))
    if not types:
        return frozenset({"null"}) if node.get("nullable") is True else None
    if node.get("nullable") is True:
        types.add("null")
    return frozenset(str(t) for t in types)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    return {float: "number", str: "string", list: "array", dict: "object"}.get(type(value), "string")


def _union(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    if a is None:
        return b
    return a if b is None else a | b

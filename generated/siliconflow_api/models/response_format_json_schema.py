from __future__ import annotations

from collections.abc import Callable, Container, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MalformedDataError
from ..types import UNSET, BaseModel

_new = object.__new__
_NOTHING_GIVEN: frozenset[str] = frozenset()

from typing import Literal, Self

from ..models.json_schema_format import JsonSchemaFormat
from ..models.json_schema_format_schema import JsonSchemaFormatSchema

_KEYS_ResponseFormatJsonSchema: frozenset[str] = frozenset(
    (
        "type",
        "json_schema",
    )
)
_KEYS_JsonSchemaFormat: frozenset[str] = frozenset(
    (
        "name",
        "description",
        "schema",
        "strict",
    )
)
_KEYS_JsonSchemaFormatSchema: frozenset[str] = frozenset(())


T = TypeVar("T", bound="ResponseFormatJsonSchema")


# attrs with its __init__, __repr__ and __eq__ off: they are written here, so importing a model
# compiles only the small `__attrs_init__` attrs always adds, not those three methods.
@_attrs_define(init=False, repr=False, eq=False)
class ResponseFormatJsonSchema(BaseModel):
    """Structured output, an answer valid against `json_schema.schema`."""

    type_: Literal["json_schema"]

    json_schema: JsonSchemaFormat
    """ The schema of a structured answer, as in OpenAI's API. """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _given: Container[str] = _attrs_field(
        alias="_given", default=None, repr=False, eq=False
    )

    def __init__(
        self,
        type_: Literal["json_schema"],
        json_schema: JsonSchemaFormat,
        *,  # never positional: a field added to the spec would move it
        _given: Container[str] | None = None,
    ) -> None:
        # `_given` is for attrs.evolve(), which passes every field: a None the copied object was
        # not given stays absent. UNSET (the default) is "not given", any other value is given.
        self.type_ = type_
        self.json_schema = json_schema
        self.additional_properties = {}
        self._given = _NOTHING_GIVEN

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"type_={self.type_!r}, "
            f"json_schema={self.json_schema!r}"
            + (
                f", additional_properties={self.additional_properties!r}"
                if self.additional_properties
                else ""
            )
            + ")"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, ResponseFormatJsonSchema)
        return self.to_dict() == other.to_dict()

    # Hidden from type checkers, which would accept any attribute name of a class with __getattr__.
    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            # An object read lazily (an optional object such as `usage`: its parent's from_dict
            # checked it and left it unbuilt): fill every slot from the JSON it keeps, then answer.
            member = _MEMBERS_ResponseFormatJsonSchema.get(name)
            given = self._given
            if member is None or given.__class__ is frozenset:
                raise AttributeError(
                    f"{type(self).__name__!r} object has no attribute {name!r}"
                )
            full = ResponseFormatJsonSchema.from_dict(given)
            for slot in _MEMBERS_ResponseFormatJsonSchema.values():
                try:
                    slot.__get__(self)
                except AttributeError:  # not yet set (a value set by hand before stays)
                    slot.__set__(self, slot.__get__(full))
            return member.__get__(self)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "type": self.type_,
            "json_schema": self.json_schema.to_dict(),
        }
        return field_dict

    @classmethod
    def from_dict(
        cls,
        src_dict: Mapping[str, Any],
        _drift: Callable[[str, Any], None] | None = None,
        _path: str = "",
    ) -> Self:
        """Read a decoded JSON object; raises MalformedDataError naming the first field that does
        not match the spec. `_drift(path, value)`, when given, hears of every unknown field and
        unknown value of a field with known values; `_path` is this object's path in the payload."""
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise MalformedDataError("", "object", src_dict)
        try:  # a missing field is read again as UNSET, and named by its check
            type_ = src_dict["type"]
            json_schema = src_dict["json_schema"]
        except KeyError:
            type_ = src_dict.get("type", UNSET)
            json_schema = src_dict.get("json_schema", UNSET)
        if not (type_ == "json_schema"):
            raise MalformedDataError("type", "'json_schema'", type_)
        if json_schema.__class__ is not dict and not isinstance(json_schema, Mapping):
            raise MalformedDataError("json_schema", "object", json_schema)
        try:  # a missing field is read again as UNSET, and named by its check
            json_schema__name = json_schema["name"]
        except KeyError:
            json_schema__name = json_schema.get("name", UNSET)
        if not (
            json_schema__name.__class__ is str or isinstance(json_schema__name, str)
        ):
            raise MalformedDataError("json_schema.name", "string", json_schema__name)
        json_schema__description = json_schema.get("description")
        if not (
            json_schema__description.__class__ is str
            or (json_schema__description is None and "description" not in json_schema)
            or isinstance(json_schema__description, str)
        ):
            raise MalformedDataError(
                "json_schema.description", "string", json_schema__description
            )
        json_schema__schema = json_schema.get("schema")
        if json_schema__schema is not None:
            if json_schema__schema.__class__ is not dict and not isinstance(
                json_schema__schema, Mapping
            ):
                raise MalformedDataError(
                    "json_schema.schema", "object", json_schema__schema
                )
            json_schema__schema__object = _new(JsonSchemaFormatSchema)
            json_schema__schema__object._given = json_schema__schema
            if json_schema__schema.keys() <= _KEYS_JsonSchemaFormatSchema:
                json_schema__schema__object.additional_properties = {}
            else:
                json_schema__schema__object.additional_properties = {
                    _key: _value
                    for _key, _value in json_schema__schema.items()
                    if _key not in _KEYS_JsonSchemaFormatSchema
                }
                if _drift is not None:
                    for (
                        _key,
                        _value,
                    ) in json_schema__schema__object.additional_properties.items():
                        _drift(_path + "json_schema.schema." + _key, _value)

            json_schema__schema = json_schema__schema__object

        elif "schema" in json_schema:
            raise MalformedDataError("json_schema.schema", "object", None)
        json_schema__strict = json_schema.get("strict")
        if not (
            json_schema__strict.__class__ is bool
            or (json_schema__strict is None and "strict" not in json_schema)
        ):
            raise MalformedDataError(
                "json_schema.strict", "boolean", json_schema__strict
            )
        json_schema__object = _new(JsonSchemaFormat)
        json_schema__object.name = json_schema__name
        json_schema__object.description = json_schema__description
        json_schema__object.schema = json_schema__schema
        json_schema__object.strict = json_schema__strict
        json_schema__object._given = json_schema
        if json_schema.keys() <= _KEYS_JsonSchemaFormat:
            json_schema__object.additional_properties = {}
        else:
            json_schema__object.additional_properties = {
                _key: _value
                for _key, _value in json_schema.items()
                if _key not in _KEYS_JsonSchemaFormat
            }
            if _drift is not None:
                for _key, _value in json_schema__object.additional_properties.items():
                    _drift(_path + "json_schema." + _key, _value)

        json_schema = json_schema__object

        if cls is not ResponseFormatJsonSchema:  # a subclass: its own __init__ runs
            _object = cls(
                type_,
                json_schema,
            )
            _object._given = src_dict
            if not src_dict.keys() <= _KEYS_ResponseFormatJsonSchema:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_ResponseFormatJsonSchema
                }
                if _drift is not None:
                    for _key, _value in _object.additional_properties.items():
                        _drift(_path + _key, _value)

            return _object
        _object = _new(cls)
        _object.type_ = type_
        _object.json_schema = json_schema
        _object._given = src_dict
        if src_dict.keys() <= _KEYS_ResponseFormatJsonSchema:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_ResponseFormatJsonSchema
            }
            if _drift is not None:
                for _key, _value in _object.additional_properties.items():
                    _drift(_path + _key, _value)

        return _object

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


_MEMBERS_ResponseFormatJsonSchema: dict[str, Any] = {
    _name: ResponseFormatJsonSchema.__dict__[_name]
    for _name in (
        "type_",
        "json_schema",
        "additional_properties",
    )
}

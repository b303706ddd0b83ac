from __future__ import annotations

from collections.abc import Callable, Container, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MalformedDataError
from ..types import UNSET, BaseModel, Unset

_new = object.__new__
_NOTHING_GIVEN: frozenset[str] = frozenset()

from typing import Self

from ..models.function_definition_parameters import FunctionDefinitionParameters

_KEYS_FunctionDefinition: frozenset[str] = frozenset(
    (
        "name",
        "description",
        "parameters",
        "strict",
    )
)
_KEYS_FunctionDefinitionParameters: frozenset[str] = frozenset(())


T = TypeVar("T", bound="FunctionDefinition")


# attrs with its __init__, __repr__ and __eq__ off: they are written here, so importing a model
# compiles only the small `__attrs_init__` attrs always adds, not those three methods.
@_attrs_define(init=False, repr=False, eq=False)
class FunctionDefinition(BaseModel):
    name: str
    """ a-z, A-Z, 0-9, underscores and dashes, at most 64 characters. """

    description: str | None

    parameters: FunctionDefinitionParameters | None
    """ JSON Schema of the arguments. Omit it for a function without parameters. """

    strict: bool | None
    """ Strict schema adherence. Server default false; null is accepted. """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _given: Container[str] = _attrs_field(
        alias="_given", default=None, repr=False, eq=False
    )

    def __init__(
        self,
        name: str,
        description: str | Unset = UNSET,
        parameters: FunctionDefinitionParameters | Unset = UNSET,
        strict: bool | None | Unset = UNSET,
        *,  # never positional: a field added to the spec would move it
        _given: Container[str] | None = None,
    ) -> None:
        # `_given` is for attrs.evolve(), which passes every field: a None the copied object was
        # not given stays absent. UNSET (the default) is "not given", any other value is given.
        given: list[str] = []
        self.name = name
        if isinstance(description, Unset):
            self.description = None
        else:
            self.description = description
            if description is not None or _given is None or "description" in _given:
                given.append("description")
        if isinstance(parameters, Unset):
            self.parameters = None
        else:
            self.parameters = parameters
            if parameters is not None or _given is None or "parameters" in _given:
                given.append("parameters")
        if isinstance(strict, Unset):
            self.strict = None
        else:
            self.strict = strict
            if strict is not None or _given is None or "strict" in _given:
                given.append("strict")
        self.additional_properties = {}
        self._given = frozenset(given)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"name={self.name!r}, "
            f"description={self.description!r}, "
            f"parameters={self.parameters!r}, "
            f"strict={self.strict!r}"
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
        assert isinstance(other, FunctionDefinition)
        return self.to_dict() == other.to_dict()

    # Hidden from type checkers, which would accept any attribute name of a class with __getattr__.
    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            # An object read lazily (an optional object such as `usage`: its parent's from_dict
            # checked it and left it unbuilt): fill every slot from the JSON it keeps, then answer.
            member = _MEMBERS_FunctionDefinition.get(name)
            given = self._given
            if member is None or given.__class__ is frozenset:
                raise AttributeError(
                    f"{type(self).__name__!r} object has no attribute {name!r}"
                )
            full = FunctionDefinition.from_dict(given)
            for slot in _MEMBERS_FunctionDefinition.values():
                try:
                    slot.__get__(self)
                except AttributeError:  # not yet set (a value set by hand before stays)
                    slot.__set__(self, slot.__get__(full))
            return member.__get__(self)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "name": self.name,
        }
        if self.description is None:
            if "description" in self._given:
                field_dict["description"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.description, Unset):
            field_dict["description"] = self.description
        if self.parameters is None:
            if "parameters" in self._given:
                field_dict["parameters"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.parameters, Unset):
            field_dict["parameters"] = self.parameters.to_dict()
        if self.strict is None:
            if "strict" in self._given:
                field_dict["strict"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.strict, Unset):
            field_dict["strict"] = self.strict
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
            name = src_dict["name"]
        except KeyError:
            name = src_dict.get("name", UNSET)
        if not (name.__class__ is str or isinstance(name, str)):
            raise MalformedDataError("name", "string", name)
        description = src_dict.get("description")
        if not (
            description.__class__ is str
            or (description is None and "description" not in src_dict)
            or isinstance(description, str)
        ):
            raise MalformedDataError("description", "string", description)
        parameters = src_dict.get("parameters")
        if parameters is not None:
            if parameters.__class__ is not dict and not isinstance(parameters, Mapping):
                raise MalformedDataError("parameters", "object", parameters)
            parameters__object = _new(FunctionDefinitionParameters)
            parameters__object._given = parameters
            if parameters.keys() <= _KEYS_FunctionDefinitionParameters:
                parameters__object.additional_properties = {}
            else:
                parameters__object.additional_properties = {
                    _key: _value
                    for _key, _value in parameters.items()
                    if _key not in _KEYS_FunctionDefinitionParameters
                }
                if _drift is not None:
                    for (
                        _key,
                        _value,
                    ) in parameters__object.additional_properties.items():
                        _drift(_path + "parameters." + _key, _value)

            parameters = parameters__object

        elif "parameters" in src_dict:
            raise MalformedDataError("parameters", "object", None)
        strict = src_dict.get("strict")
        if not (strict.__class__ is bool or strict is None):
            raise MalformedDataError("strict", "boolean or null", strict)
        if cls is not FunctionDefinition:  # a subclass: its own __init__ runs
            _object = cls(
                name,
                description,
                parameters,
                strict,
            )
            _object._given = src_dict
            if not src_dict.keys() <= _KEYS_FunctionDefinition:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_FunctionDefinition
                }
                if _drift is not None:
                    for _key, _value in _object.additional_properties.items():
                        _drift(_path + _key, _value)

            return _object
        _object = _new(cls)
        _object.name = name
        _object.description = description
        _object.parameters = parameters
        _object.strict = strict
        _object._given = src_dict
        if src_dict.keys() <= _KEYS_FunctionDefinition:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_FunctionDefinition
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


_MEMBERS_FunctionDefinition: dict[str, Any] = {
    _name: FunctionDefinition.__dict__[_name]
    for _name in (
        "name",
        "description",
        "parameters",
        "strict",
        "additional_properties",
    )
}

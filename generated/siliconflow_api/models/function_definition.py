from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MalformedDataError
from ..types import UNSET, Unset

_new = object.__new__

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


@_attrs_define
class FunctionDefinition:
    name: str
    """ a-z, A-Z, 0-9, underscores and dashes, at most 64 characters. """
    description: str | Unset = UNSET
    parameters: FunctionDefinitionParameters | Unset = UNSET
    """ JSON Schema of the arguments. Omit it for a function without parameters. """
    strict: bool | None | Unset = UNSET
    """ Strict schema adherence. Server default false; null is accepted. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "name": self.name,
        }
        if not isinstance(self.description, Unset):
            field_dict["description"] = self.description
        if not isinstance(self.parameters, Unset):
            field_dict["parameters"] = self.parameters.to_dict()
        if not isinstance(self.strict, Unset):
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
        description = src_dict.get("description", UNSET)
        if not (
            description.__class__ is str
            or description is UNSET
            or isinstance(description, str)
        ):
            raise MalformedDataError("description", "string", description)
        parameters = src_dict.get("parameters", UNSET)
        if parameters is not UNSET:
            if parameters.__class__ is not dict and not isinstance(parameters, Mapping):
                raise MalformedDataError("parameters", "object", parameters)
            parameters__object = _new(FunctionDefinitionParameters)
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

        strict = src_dict.get("strict", UNSET)
        if not (strict.__class__ is bool or strict is None or strict is UNSET):
            raise MalformedDataError("strict", "boolean or null", strict)
        if cls is not FunctionDefinition:  # a subclass: its own __init__ runs
            _object = cls(
                name,
                description,
                parameters,
                strict,
            )
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

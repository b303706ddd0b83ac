from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MalformedDataError
from ..models.function_definition_parameters import FunctionDefinitionParameters
from ..types import UNSET, Unset

T = TypeVar("T", bound="FunctionDefinition")


_KEYS: frozenset[str] = frozenset(
    (
        "name",
        "description",
        "parameters",
        "strict",
    )
)


@_attrs_define
class FunctionDefinition:
    name: str
    """ a-z, A-Z, 0-9, underscores and dashes, at most 64 characters. """
    description: str | Unset = UNSET
    parameters: FunctionDefinitionParameters | Unset = UNSET
    """ JSON Schema of the arguments. Omit it for a function without parameters. """
    strict: bool | Unset = UNSET
    """ Strict schema adherence. Server default false. """
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
        _get = src_dict.get
        name = _get("name", UNSET)
        if not (isinstance(name, str)):
            raise MalformedDataError("name", "string", name)
        description = _get("description", UNSET)
        if not (isinstance(description, str) or description is UNSET):
            raise MalformedDataError("description", "string", description)
        parameters = _get("parameters", UNSET)
        if parameters is not UNSET:
            try:
                parameters = FunctionDefinitionParameters.from_dict(
                    parameters, _drift, _path + "parameters."
                )
            except MalformedDataError as _error:
                _error.add_prefix("parameters")
                raise

        strict = _get("strict", UNSET)
        if not (strict.__class__ is bool or strict is UNSET):
            raise MalformedDataError("strict", "boolean", strict)
        _object = cls(
            name,
            description,
            parameters,
            strict,
        )
        if not _KEYS.issuperset(src_dict):
            _extra = {key: value for key, value in src_dict.items() if key not in _KEYS}
            _object.additional_properties = _extra
            if _drift is not None:
                for key, value in _extra.items():
                    _drift(_path + key, value)
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

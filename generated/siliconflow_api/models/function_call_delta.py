from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MalformedDataError
from ..types import UNSET, Unset

_new = object.__new__

from typing import Self

_KEYS_FunctionCallDelta: frozenset[str] = frozenset(
    (
        "name",
        "arguments",
    )
)


T = TypeVar("T", bound="FunctionCallDelta")


@_attrs_define
class FunctionCallDelta:
    name: None | str | Unset = UNSET
    arguments: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
        }
        if not isinstance(self.name, Unset):
            field_dict["name"] = self.name
        if not isinstance(self.arguments, Unset):
            field_dict["arguments"] = self.arguments
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
        name = src_dict.get("name", UNSET)
        if not (
            name.__class__ is str
            or name is None
            or name is UNSET
            or isinstance(name, str)
        ):
            raise MalformedDataError("name", "string or null", name)
        arguments = src_dict.get("arguments", UNSET)
        if not (
            arguments.__class__ is str
            or arguments is None
            or arguments is UNSET
            or isinstance(arguments, str)
        ):
            raise MalformedDataError("arguments", "string or null", arguments)
        if cls is not FunctionCallDelta:  # a subclass: its own __init__ runs
            _object = cls(
                name,
                arguments,
            )
            if not src_dict.keys() <= _KEYS_FunctionCallDelta:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_FunctionCallDelta
                }
                if _drift is not None:
                    for _key, _value in _object.additional_properties.items():
                        _drift(_path + _key, _value)

            return _object
        _object = _new(cls)
        _object.name = name
        _object.arguments = arguments
        if src_dict.keys() <= _KEYS_FunctionCallDelta:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_FunctionCallDelta
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

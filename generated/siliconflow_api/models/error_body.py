from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MalformedDataError
from ..types import UNSET, Unset

_new = object.__new__


_KEYS_ErrorBody: frozenset[str] = frozenset(
    (
        "code",
        "message",
        "data",
    )
)


T = TypeVar("T", bound="ErrorBody")


@_attrs_define
class ErrorBody:
    """SiliconFlow's error object (400, 402, 403 balance, 503)."""

    code: int
    """ SiliconFlow business code: 20012 unknown model, 20015 invalid parameter, 20024 no JSON mode, 30001 balance,
    50505/50508 overloaded. """
    message: str
    data: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "code": self.code,
            "message": self.message,
        }
        if not isinstance(self.data, Unset):
            field_dict["data"] = self.data
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
            code = src_dict["code"]
            message = src_dict["message"]
        except KeyError:
            code = src_dict.get("code", UNSET)
            message = src_dict.get("message", UNSET)
        if not (
            code.__class__ is int
            or (isinstance(code, int) and not isinstance(code, bool))
        ):
            raise MalformedDataError("code", "integer", code)
        if not (message.__class__ is str or isinstance(message, str)):
            raise MalformedDataError("message", "string", message)
        data = src_dict.get("data", UNSET)
        if cls is not ErrorBody:  # a subclass: its own __init__ runs
            _object = cls(
                code,
                message,
                data,
            )
            if not src_dict.keys() <= _KEYS_ErrorBody:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_ErrorBody
                }
                if _drift is not None:
                    for _key, _value in _object.additional_properties.items():
                        _drift(_path + _key, _value)

            return _object
        _object = _new(cls)
        _object.code = code
        _object.message = message
        _object.data = data
        if src_dict.keys() <= _KEYS_ErrorBody:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_ErrorBody
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

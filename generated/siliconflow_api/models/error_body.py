from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MalformedDataError
from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorBody")


_KEYS: frozenset[str] = frozenset(
    (
        "code",
        "message",
        "data",
    )
)


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
        _get = src_dict.get
        code = _get("code", UNSET)
        if not (isinstance(code, int) and code.__class__ is not bool):
            raise MalformedDataError("code", "integer", code)
        message = _get("message", UNSET)
        if not (isinstance(message, str)):
            raise MalformedDataError("message", "string", message)
        data = _get("data", UNSET)
        _object = cls(
            code,
            message,
            data,
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

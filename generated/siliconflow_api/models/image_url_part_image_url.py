from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MalformedDataError
from ..types import UNSET, Unset

_new = object.__new__

from typing import Self

from ..models.media_detail import MediaDetail

_KEYS_ImageUrlPartImageUrl: frozenset[str] = frozenset(
    (
        "url",
        "detail",
    )
)


T = TypeVar("T", bound="ImageUrlPartImageUrl")


@_attrs_define
class ImageUrlPartImageUrl:
    url: str
    """ An image URL or a base64 data URI (DeepSeek-OCR also takes PDFs). """
    detail: MediaDetail | Unset = UNSET
    """ Image or video detail level. Server default `auto`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "url": self.url,
        }
        if not isinstance(self.detail, Unset):
            field_dict["detail"] = self.detail
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
            url = src_dict["url"]
        except KeyError:
            url = src_dict.get("url", UNSET)
        if not (url.__class__ is str or isinstance(url, str)):
            raise MalformedDataError("url", "string", url)
        detail = src_dict.get("detail", UNSET)
        if not (
            detail
            in (
                "auto",
                "high",
                "low",
            )
            or detail is UNSET
        ):
            raise MalformedDataError("detail", "one of 'auto', 'high', 'low'", detail)
        if cls is not ImageUrlPartImageUrl:  # a subclass: its own __init__ runs
            _object = cls(
                url,
                detail,
            )
            if not src_dict.keys() <= _KEYS_ImageUrlPartImageUrl:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_ImageUrlPartImageUrl
                }
                if _drift is not None:
                    for _key, _value in _object.additional_properties.items():
                        _drift(_path + _key, _value)

            return _object
        _object = _new(cls)
        _object.url = url
        _object.detail = detail
        if src_dict.keys() <= _KEYS_ImageUrlPartImageUrl:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_ImageUrlPartImageUrl
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

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

_KEYS_VideoUrlPartVideoUrl: frozenset[str] = frozenset(
    (
        "url",
        "detail",
        "max_frames",
        "fps",
    )
)


T = TypeVar("T", bound="VideoUrlPartVideoUrl")


@_attrs_define
class VideoUrlPartVideoUrl:
    url: str
    """ A video URL or a base64 data URI (Qwen3-VL, Qwen3-Omni; 30 s or less advised). """
    detail: MediaDetail | Unset = UNSET
    """ Image or video detail level. Server default `auto`. """
    max_frames: int | Unset = UNSET
    """ Frames sampled are min(fps x duration, max_frames). """
    fps: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "url": self.url,
        }
        if not isinstance(self.detail, Unset):
            field_dict["detail"] = self.detail
        if not isinstance(self.max_frames, Unset):
            field_dict["max_frames"] = self.max_frames
        if not isinstance(self.fps, Unset):
            field_dict["fps"] = self.fps
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
        max_frames = src_dict.get("max_frames", UNSET)
        if not (
            max_frames.__class__ is int
            or max_frames is UNSET
            or (isinstance(max_frames, int) and not isinstance(max_frames, bool))
        ):
            raise MalformedDataError("max_frames", "integer", max_frames)
        fps = src_dict.get("fps", UNSET)
        if not (
            fps.__class__ is int
            or fps is UNSET
            or (isinstance(fps, int) and not isinstance(fps, bool))
        ):
            raise MalformedDataError("fps", "integer", fps)
        if cls is not VideoUrlPartVideoUrl:  # a subclass: its own __init__ runs
            _object = cls(
                url,
                detail,
                max_frames,
                fps,
            )
            if not src_dict.keys() <= _KEYS_VideoUrlPartVideoUrl:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_VideoUrlPartVideoUrl
                }
                if _drift is not None:
                    for _key, _value in _object.additional_properties.items():
                        _drift(_path + _key, _value)

            return _object
        _object = _new(cls)
        _object.url = url
        _object.detail = detail
        _object.max_frames = max_frames
        _object.fps = fps
        if src_dict.keys() <= _KEYS_VideoUrlPartVideoUrl:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_VideoUrlPartVideoUrl
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

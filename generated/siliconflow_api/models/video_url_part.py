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

from ..models.video_url_part_video_url import VideoUrlPartVideoUrl

_KEYS_VideoUrlPart: frozenset[str] = frozenset(
    (
        "type",
        "video_url",
    )
)
_KEYS_VideoUrlPartVideoUrl: frozenset[str] = frozenset(
    (
        "url",
        "detail",
        "max_frames",
        "fps",
    )
)


T = TypeVar("T", bound="VideoUrlPart")


# attrs with its __init__, __repr__ and __eq__ off: they are written here, so importing a model
# compiles only the small `__attrs_init__` attrs always adds, not those three methods.
@_attrs_define(init=False, repr=False, eq=False)
class VideoUrlPart(BaseModel):
    type_: Literal["video_url"]

    video_url: VideoUrlPartVideoUrl

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _given: Container[str] = _attrs_field(
        alias="_given", default=None, repr=False, eq=False
    )

    def __init__(
        self,
        type_: Literal["video_url"],
        video_url: VideoUrlPartVideoUrl,
        *,  # never positional: a field added to the spec would move it
        _given: Container[str] | None = None,
    ) -> None:
        # `_given` is for attrs.evolve(), which passes every field: a None the copied object was
        # not given stays absent. UNSET (the default) is "not given", any other value is given.
        self.type_ = type_
        self.video_url = video_url
        self.additional_properties = {}
        self._given = _NOTHING_GIVEN

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"type_={self.type_!r}, "
            f"video_url={self.video_url!r}"
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
        assert isinstance(other, VideoUrlPart)
        return self.to_dict() == other.to_dict()

    # Hidden from type checkers, which would accept any attribute name of a class with __getattr__.
    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            # An object read lazily (an optional object such as `usage`: its parent's from_dict
            # checked it and left it unbuilt): fill every slot from the JSON it keeps, then answer.
            member = _MEMBERS_VideoUrlPart.get(name)
            given = self._given
            if member is None or given.__class__ is frozenset:
                raise AttributeError(
                    f"{type(self).__name__!r} object has no attribute {name!r}"
                )
            full = VideoUrlPart.from_dict(given)
            for slot in _MEMBERS_VideoUrlPart.values():
                try:
                    slot.__get__(self)
                except AttributeError:  # not yet set (a value set by hand before stays)
                    slot.__set__(self, slot.__get__(full))
            return member.__get__(self)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "type": self.type_,
            "video_url": self.video_url.to_dict(),
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
            video_url = src_dict["video_url"]
        except KeyError:
            type_ = src_dict.get("type", UNSET)
            video_url = src_dict.get("video_url", UNSET)
        if not (type_ == "video_url"):
            raise MalformedDataError("type", "'video_url'", type_)
        if video_url.__class__ is not dict and not isinstance(video_url, Mapping):
            raise MalformedDataError("video_url", "object", video_url)
        try:  # a missing field is read again as UNSET, and named by its check
            video_url__url = video_url["url"]
        except KeyError:
            video_url__url = video_url.get("url", UNSET)
        if not (video_url__url.__class__ is str or isinstance(video_url__url, str)):
            raise MalformedDataError("video_url.url", "string", video_url__url)
        video_url__detail = video_url.get("detail")
        if not (
            video_url__detail
            in (
                "auto",
                "high",
                "low",
            )
            or (video_url__detail is None and "detail" not in video_url)
        ):
            raise MalformedDataError(
                "video_url.detail", "one of 'auto', 'high', 'low'", video_url__detail
            )
        video_url__max_frames = video_url.get("max_frames")
        if not (
            video_url__max_frames.__class__ is int
            or (video_url__max_frames is None and "max_frames" not in video_url)
            or (
                isinstance(video_url__max_frames, int)
                and not isinstance(video_url__max_frames, bool)
            )
        ):
            raise MalformedDataError(
                "video_url.max_frames", "integer", video_url__max_frames
            )
        video_url__fps = video_url.get("fps")
        if not (
            video_url__fps.__class__ is int
            or (video_url__fps is None and "fps" not in video_url)
            or (
                isinstance(video_url__fps, int) and not isinstance(video_url__fps, bool)
            )
        ):
            raise MalformedDataError("video_url.fps", "integer", video_url__fps)
        video_url__object = _new(VideoUrlPartVideoUrl)
        video_url__object.url = video_url__url
        video_url__object.detail = video_url__detail
        video_url__object.max_frames = video_url__max_frames
        video_url__object.fps = video_url__fps
        video_url__object._given = video_url
        if video_url.keys() <= _KEYS_VideoUrlPartVideoUrl:
            video_url__object.additional_properties = {}
        else:
            video_url__object.additional_properties = {
                _key: _value
                for _key, _value in video_url.items()
                if _key not in _KEYS_VideoUrlPartVideoUrl
            }
            if _drift is not None:
                for _key, _value in video_url__object.additional_properties.items():
                    _drift(_path + "video_url." + _key, _value)

        video_url = video_url__object

        if cls is not VideoUrlPart:  # a subclass: its own __init__ runs
            _object = cls(
                type_,
                video_url,
            )
            _object._given = src_dict
            if not src_dict.keys() <= _KEYS_VideoUrlPart:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_VideoUrlPart
                }
                if _drift is not None:
                    for _key, _value in _object.additional_properties.items():
                        _drift(_path + _key, _value)

            return _object
        _object = _new(cls)
        _object.type_ = type_
        _object.video_url = video_url
        _object._given = src_dict
        if src_dict.keys() <= _KEYS_VideoUrlPart:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_VideoUrlPart
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


_MEMBERS_VideoUrlPart: dict[str, Any] = {
    _name: VideoUrlPart.__dict__[_name]
    for _name in (
        "type_",
        "video_url",
        "additional_properties",
    )
}

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

from ..models.file_object import FileObject

_KEYS_FileList: frozenset[str] = frozenset(
    (
        "data",
        "object",
    )
)
_KEYS_FileObject: frozenset[str] = frozenset(
    (
        "id",
        "object",
        "bytes",
        "createdAt",
        "created_at",
        "filename",
        "purpose",
        "line_count",
    )
)


T = TypeVar("T", bound="FileList")


# attrs with its __init__, __repr__ and __eq__ off: they are written here, so importing a model
# compiles only the small `__attrs_init__` attrs always adds, not those three methods.
@_attrs_define(init=False, repr=False, eq=False)
class FileList(BaseModel):
    data: list[FileObject]

    object_: str | None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _given: Container[str] = _attrs_field(
        alias="_given", default=None, repr=False, eq=False
    )

    def __init__(
        self,
        data: list[FileObject],
        object_: str | Unset = UNSET,
        *,  # never positional: a field added to the spec would move it
        _given: Container[str] | None = None,
    ) -> None:
        # `_given` is for attrs.evolve(), which passes every field: a None the copied object was
        # not given stays absent. UNSET (the default) is "not given", any other value is given.
        given: list[str] = []
        self.data = data
        if isinstance(object_, Unset):
            self.object_ = None
        else:
            self.object_ = object_
            if object_ is not None or _given is None or "object" in _given:
                given.append("object")
        self.additional_properties = {}
        self._given = frozenset(given)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"data={self.data!r}, "
            f"object_={self.object_!r}"
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
        assert isinstance(other, FileList)
        return self.to_dict() == other.to_dict()

    # Hidden from type checkers, which would accept any attribute name of a class with __getattr__.
    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            # An object read lazily (an optional object such as `usage`: its parent's from_dict
            # checked it and left it unbuilt): fill every slot from the JSON it keeps, then answer.
            member = _MEMBERS_FileList.get(name)
            given = self._given
            if member is None or given.__class__ is frozenset:
                raise AttributeError(
                    f"{type(self).__name__!r} object has no attribute {name!r}"
                )
            full = FileList.from_dict(given)
            for slot in _MEMBERS_FileList.values():
                try:
                    slot.__get__(self)
                except AttributeError:  # not yet set (a value set by hand before stays)
                    slot.__set__(self, slot.__get__(full))
            return member.__get__(self)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "data": [_item0.to_dict() for _item0 in self.data],
        }
        if self.object_ is None:
            if "object" in self._given:
                field_dict["object"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.object_, Unset):
            field_dict["object"] = self.object_
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
            data = src_dict["data"]
        except KeyError:
            data = src_dict.get("data", UNSET)
        if data.__class__ is not list:
            raise MalformedDataError("data", "array", data)
        _list0 = []
        for _item0 in data:
            if _item0.__class__ is not dict and not isinstance(_item0, Mapping):
                raise MalformedDataError(
                    f"data[{data.index(_item0)}]", "object", _item0
                )
            try:  # a missing field is read again as UNSET, and named by its check
                _item0__id = _item0["id"]
            except KeyError:
                _item0__id = _item0.get("id", UNSET)
            if not (_item0__id.__class__ is str or isinstance(_item0__id, str)):
                raise MalformedDataError(
                    f"data[{data.index(_item0)}].id", "string", _item0__id
                )
            _item0__object_ = _item0.get("object")
            if not (
                _item0__object_.__class__ is str
                or (_item0__object_ is None and "object" not in _item0)
                or isinstance(_item0__object_, str)
            ):
                raise MalformedDataError(
                    f"data[{data.index(_item0)}].object", "string", _item0__object_
                )
            _item0__bytes_ = _item0.get("bytes")
            if not (
                _item0__bytes_.__class__ is int
                or _item0__bytes_ is None
                or (
                    isinstance(_item0__bytes_, int)
                    and not isinstance(_item0__bytes_, bool)
                )
            ):
                raise MalformedDataError(
                    f"data[{data.index(_item0)}].bytes",
                    "integer or null",
                    _item0__bytes_,
                )
            _item0__createdAt = _item0.get("createdAt")
            if not (
                _item0__createdAt.__class__ is int
                or _item0__createdAt is None
                or (
                    isinstance(_item0__createdAt, int)
                    and not isinstance(_item0__createdAt, bool)
                )
            ):
                raise MalformedDataError(
                    f"data[{data.index(_item0)}].createdAt",
                    "integer or null",
                    _item0__createdAt,
                )
            _item0__created_at = _item0.get("created_at")
            if not (
                _item0__created_at.__class__ is int
                or _item0__created_at is None
                or (
                    isinstance(_item0__created_at, int)
                    and not isinstance(_item0__created_at, bool)
                )
            ):
                raise MalformedDataError(
                    f"data[{data.index(_item0)}].created_at",
                    "integer or null",
                    _item0__created_at,
                )
            _item0__filename = _item0.get("filename")
            if not (
                _item0__filename.__class__ is str
                or _item0__filename is None
                or isinstance(_item0__filename, str)
            ):
                raise MalformedDataError(
                    f"data[{data.index(_item0)}].filename",
                    "string or null",
                    _item0__filename,
                )
            _item0__purpose = _item0.get("purpose")
            if not (
                _item0__purpose.__class__ is str
                or _item0__purpose is None
                or isinstance(_item0__purpose, str)
            ):
                raise MalformedDataError(
                    f"data[{data.index(_item0)}].purpose",
                    "string or null",
                    _item0__purpose,
                )
            _item0__line_count = _item0.get("line_count")
            if not (
                _item0__line_count.__class__ is int
                or _item0__line_count is None
                or (
                    isinstance(_item0__line_count, int)
                    and not isinstance(_item0__line_count, bool)
                )
            ):
                raise MalformedDataError(
                    f"data[{data.index(_item0)}].line_count",
                    "integer or null",
                    _item0__line_count,
                )
            _item0__object = _new(FileObject)
            _item0__object.id = _item0__id
            _item0__object.object_ = _item0__object_
            _item0__object.bytes_ = _item0__bytes_
            _item0__object.createdAt = _item0__createdAt
            _item0__object.created_at = _item0__created_at
            _item0__object.filename = _item0__filename
            _item0__object.purpose = _item0__purpose
            _item0__object.line_count = _item0__line_count
            _item0__object._given = _item0
            if _item0.keys() <= _KEYS_FileObject:
                _item0__object.additional_properties = {}
            else:
                _item0__object.additional_properties = {
                    _key: _value
                    for _key, _value in _item0.items()
                    if _key not in _KEYS_FileObject
                }
                if _drift is not None:
                    for _key, _value in _item0__object.additional_properties.items():
                        _drift(_path + "data[]." + _key, _value)

            _item0 = _item0__object

            _list0.append(_item0)
        data = _list0

        object_ = src_dict.get("object")
        if not (
            object_.__class__ is str
            or (object_ is None and "object" not in src_dict)
            or isinstance(object_, str)
        ):
            raise MalformedDataError("object", "string", object_)
        if cls is not FileList:  # a subclass: its own __init__ runs
            _object = cls(
                data,
                object_,
            )
            _object._given = src_dict
            if not src_dict.keys() <= _KEYS_FileList:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_FileList
                }
                if _drift is not None:
                    for _key, _value in _object.additional_properties.items():
                        _drift(_path + _key, _value)

            return _object
        _object = _new(cls)
        _object.data = data
        _object.object_ = object_
        _object._given = src_dict
        if src_dict.keys() <= _KEYS_FileList:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_FileList
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


_MEMBERS_FileList: dict[str, Any] = {
    _name: FileList.__dict__[_name]
    for _name in (
        "data",
        "object_",
        "additional_properties",
    )
}

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MalformedDataError
from ..types import UNSET, Unset

_new = object.__new__

from typing import Self

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


T = TypeVar("T", bound="FileObject")


@_attrs_define
class FileObject:
    """An uploaded file."""

    id: str
    """ `file-...` """
    object_: str | Unset = UNSET
    bytes_: int | None | Unset = UNSET
    createdAt: int | None | Unset = UNSET
    """ Upload time (Unix seconds), as POST /files spells it. """
    created_at: int | None | Unset = UNSET
    """ Upload time (Unix seconds), as GET /files spells it. """
    filename: None | str | Unset = UNSET
    purpose: None | str | Unset = UNSET
    line_count: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "id": self.id,
        }
        if not isinstance(self.object_, Unset):
            field_dict["object"] = self.object_
        if not isinstance(self.bytes_, Unset):
            field_dict["bytes"] = self.bytes_
        if not isinstance(self.createdAt, Unset):
            field_dict["createdAt"] = self.createdAt
        if not isinstance(self.created_at, Unset):
            field_dict["created_at"] = self.created_at
        if not isinstance(self.filename, Unset):
            field_dict["filename"] = self.filename
        if not isinstance(self.purpose, Unset):
            field_dict["purpose"] = self.purpose
        if not isinstance(self.line_count, Unset):
            field_dict["line_count"] = self.line_count
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
            id = src_dict["id"]
        except KeyError:
            id = src_dict.get("id", UNSET)
        if not (id.__class__ is str or isinstance(id, str)):
            raise MalformedDataError("id", "string", id)
        object_ = src_dict.get("object", UNSET)
        if not (
            object_.__class__ is str or object_ is UNSET or isinstance(object_, str)
        ):
            raise MalformedDataError("object", "string", object_)
        bytes_ = src_dict.get("bytes", UNSET)
        if not (
            bytes_.__class__ is int
            or bytes_ is None
            or bytes_ is UNSET
            or (isinstance(bytes_, int) and not isinstance(bytes_, bool))
        ):
            raise MalformedDataError("bytes", "integer or null", bytes_)
        createdAt = src_dict.get("createdAt", UNSET)
        if not (
            createdAt.__class__ is int
            or createdAt is None
            or createdAt is UNSET
            or (isinstance(createdAt, int) and not isinstance(createdAt, bool))
        ):
            raise MalformedDataError("createdAt", "integer or null", createdAt)
        created_at = src_dict.get("created_at", UNSET)
        if not (
            created_at.__class__ is int
            or created_at is None
            or created_at is UNSET
            or (isinstance(created_at, int) and not isinstance(created_at, bool))
        ):
            raise MalformedDataError("created_at", "integer or null", created_at)
        filename = src_dict.get("filename", UNSET)
        if not (
            filename.__class__ is str
            or filename is None
            or filename is UNSET
            or isinstance(filename, str)
        ):
            raise MalformedDataError("filename", "string or null", filename)
        purpose = src_dict.get("purpose", UNSET)
        if not (
            purpose.__class__ is str
            or purpose is None
            or purpose is UNSET
            or isinstance(purpose, str)
        ):
            raise MalformedDataError("purpose", "string or null", purpose)
        line_count = src_dict.get("line_count", UNSET)
        if not (
            line_count.__class__ is int
            or line_count is None
            or line_count is UNSET
            or (isinstance(line_count, int) and not isinstance(line_count, bool))
        ):
            raise MalformedDataError("line_count", "integer or null", line_count)
        if cls is not FileObject:  # a subclass: its own __init__ runs
            _object = cls(
                id,
                object_,
                bytes_,
                createdAt,
                created_at,
                filename,
                purpose,
                line_count,
            )
            if not src_dict.keys() <= _KEYS_FileObject:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_FileObject
                }
                if _drift is not None:
                    for _key, _value in _object.additional_properties.items():
                        _drift(_path + _key, _value)

            return _object
        _object = _new(cls)
        _object.id = id
        _object.object_ = object_
        _object.bytes_ = bytes_
        _object.createdAt = createdAt
        _object.created_at = created_at
        _object.filename = filename
        _object.purpose = purpose
        _object.line_count = line_count
        if src_dict.keys() <= _KEYS_FileObject:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_FileObject
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

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

_KEYS_FileUploadResponse: frozenset[str] = frozenset(
    (
        "data",
        "code",
        "message",
        "status",
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


T = TypeVar("T", bound="FileUploadResponse")


# attrs with its __init__, __repr__ and __eq__ off: they are written here, so importing a model
# compiles only the small `__attrs_init__` attrs always adds, not those three methods.
@_attrs_define(init=False, repr=False, eq=False)
class FileUploadResponse(BaseModel):
    """POST /files answers inside SiliconFlow's envelope."""

    data: FileObject
    """ An uploaded file. """

    code: int | None

    message: str | None

    status: bool | None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _given: Container[str] = _attrs_field(
        alias="_given", default=None, repr=False, eq=False
    )

    def __init__(
        self,
        data: FileObject,
        code: int | Unset = UNSET,
        message: str | Unset = UNSET,
        status: bool | Unset = UNSET,
        *,  # never positional: a field added to the spec would move it
        _given: Container[str] | None = None,
    ) -> None:
        # `_given` is for attrs.evolve(), which passes every field: a None the copied object was
        # not given stays absent. UNSET (the default) is "not given", any other value is given.
        given: list[str] = []
        self.data = data
        if isinstance(code, Unset):
            self.code = None
        else:
            self.code = code
            if code is not None or _given is None or "code" in _given:
                given.append("code")
        if isinstance(message, Unset):
            self.message = None
        else:
            self.message = message
            if message is not None or _given is None or "message" in _given:
                given.append("message")
        if isinstance(status, Unset):
            self.status = None
        else:
            self.status = status
            if status is not None or _given is None or "status" in _given:
                given.append("status")
        self.additional_properties = {}
        self._given = frozenset(given)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"data={self.data!r}, "
            f"code={self.code!r}, "
            f"message={self.message!r}, "
            f"status={self.status!r}"
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
        assert isinstance(other, FileUploadResponse)
        return self.to_dict() == other.to_dict()

    # Hidden from type checkers, which would accept any attribute name of a class with __getattr__.
    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            # An object read lazily (an optional object such as `usage`: its parent's from_dict
            # checked it and left it unbuilt): fill every slot from the JSON it keeps, then answer.
            member = _MEMBERS_FileUploadResponse.get(name)
            given = self._given
            if member is None or given.__class__ is frozenset:
                raise AttributeError(
                    f"{type(self).__name__!r} object has no attribute {name!r}"
                )
            full = FileUploadResponse.from_dict(given)
            for slot in _MEMBERS_FileUploadResponse.values():
                try:
                    slot.__get__(self)
                except AttributeError:  # not yet set (a value set by hand before stays)
                    slot.__set__(self, slot.__get__(full))
            return member.__get__(self)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "data": self.data.to_dict(),
        }
        if self.code is None:
            if "code" in self._given:
                field_dict["code"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.code, Unset):
            field_dict["code"] = self.code
        if self.message is None:
            if "message" in self._given:
                field_dict["message"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.message, Unset):
            field_dict["message"] = self.message
        if self.status is None:
            if "status" in self._given:
                field_dict["status"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.status, Unset):
            field_dict["status"] = self.status
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
        if data.__class__ is not dict and not isinstance(data, Mapping):
            raise MalformedDataError("data", "object", data)
        try:  # a missing field is read again as UNSET, and named by its check
            data__id = data["id"]
        except KeyError:
            data__id = data.get("id", UNSET)
        if not (data__id.__class__ is str or isinstance(data__id, str)):
            raise MalformedDataError("data.id", "string", data__id)
        data__object_ = data.get("object")
        if not (
            data__object_.__class__ is str
            or (data__object_ is None and "object" not in data)
            or isinstance(data__object_, str)
        ):
            raise MalformedDataError("data.object", "string", data__object_)
        data__bytes_ = data.get("bytes")
        if not (
            data__bytes_.__class__ is int
            or data__bytes_ is None
            or (isinstance(data__bytes_, int) and not isinstance(data__bytes_, bool))
        ):
            raise MalformedDataError("data.bytes", "integer or null", data__bytes_)
        data__createdAt = data.get("createdAt")
        if not (
            data__createdAt.__class__ is int
            or data__createdAt is None
            or (
                isinstance(data__createdAt, int)
                and not isinstance(data__createdAt, bool)
            )
        ):
            raise MalformedDataError(
                "data.createdAt", "integer or null", data__createdAt
            )
        data__created_at = data.get("created_at")
        if not (
            data__created_at.__class__ is int
            or data__created_at is None
            or (
                isinstance(data__created_at, int)
                and not isinstance(data__created_at, bool)
            )
        ):
            raise MalformedDataError(
                "data.created_at", "integer or null", data__created_at
            )
        data__filename = data.get("filename")
        if not (
            data__filename.__class__ is str
            or data__filename is None
            or isinstance(data__filename, str)
        ):
            raise MalformedDataError("data.filename", "string or null", data__filename)
        data__purpose = data.get("purpose")
        if not (
            data__purpose.__class__ is str
            or data__purpose is None
            or isinstance(data__purpose, str)
        ):
            raise MalformedDataError("data.purpose", "string or null", data__purpose)
        data__line_count = data.get("line_count")
        if not (
            data__line_count.__class__ is int
            or data__line_count is None
            or (
                isinstance(data__line_count, int)
                and not isinstance(data__line_count, bool)
            )
        ):
            raise MalformedDataError(
                "data.line_count", "integer or null", data__line_count
            )
        data__object = _new(FileObject)
        data__object.id = data__id
        data__object.object_ = data__object_
        data__object.bytes_ = data__bytes_
        data__object.createdAt = data__createdAt
        data__object.created_at = data__created_at
        data__object.filename = data__filename
        data__object.purpose = data__purpose
        data__object.line_count = data__line_count
        data__object._given = data
        if data.keys() <= _KEYS_FileObject:
            data__object.additional_properties = {}
        else:
            data__object.additional_properties = {
                _key: _value
                for _key, _value in data.items()
                if _key not in _KEYS_FileObject
            }
            if _drift is not None:
                for _key, _value in data__object.additional_properties.items():
                    _drift(_path + "data." + _key, _value)

        data = data__object

        code = src_dict.get("code")
        if not (
            code.__class__ is int
            or (code is None and "code" not in src_dict)
            or (isinstance(code, int) and not isinstance(code, bool))
        ):
            raise MalformedDataError("code", "integer", code)
        message = src_dict.get("message")
        if not (
            message.__class__ is str
            or (message is None and "message" not in src_dict)
            or isinstance(message, str)
        ):
            raise MalformedDataError("message", "string", message)
        status = src_dict.get("status")
        if not (
            status.__class__ is bool or (status is None and "status" not in src_dict)
        ):
            raise MalformedDataError("status", "boolean", status)
        if cls is not FileUploadResponse:  # a subclass: its own __init__ runs
            _object = cls(
                data,
                code,
                message,
                status,
            )
            _object._given = src_dict
            if not src_dict.keys() <= _KEYS_FileUploadResponse:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_FileUploadResponse
                }
                if _drift is not None:
                    for _key, _value in _object.additional_properties.items():
                        _drift(_path + _key, _value)

            return _object
        _object = _new(cls)
        _object.data = data
        _object.code = code
        _object.message = message
        _object.status = status
        _object._given = src_dict
        if src_dict.keys() <= _KEYS_FileUploadResponse:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_FileUploadResponse
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


_MEMBERS_FileUploadResponse: dict[str, Any] = {
    _name: FileUploadResponse.__dict__[_name]
    for _name in (
        "data",
        "code",
        "message",
        "status",
        "additional_properties",
    )
}

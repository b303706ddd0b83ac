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


# attrs with its __init__, __repr__ and __eq__ off: they are written here, so importing a model
# compiles only the small `__attrs_init__` attrs always adds, not those three methods.
@_attrs_define(init=False, repr=False, eq=False)
class FileObject(BaseModel):
    """An uploaded file."""

    id: str
    """ `file-...` """

    object_: str | None

    bytes_: int | None

    createdAt: int | None
    """ Upload time (Unix seconds), as POST /files spells it. """

    created_at: int | None
    """ Upload time (Unix seconds), as GET /files spells it. """

    filename: None | str

    purpose: None | str

    line_count: int | None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _given: Container[str] = _attrs_field(
        alias="_given", default=None, repr=False, eq=False
    )

    def __init__(
        self,
        id: str,
        object_: str | Unset = UNSET,
        bytes_: int | None | Unset = UNSET,
        createdAt: int | None | Unset = UNSET,
        created_at: int | None | Unset = UNSET,
        filename: None | str | Unset = UNSET,
        purpose: None | str | Unset = UNSET,
        line_count: int | None | Unset = UNSET,
        *,  # never positional: a field added to the spec would move it
        _given: Container[str] | None = None,
    ) -> None:
        # `_given` is for attrs.evolve(), which passes every field: a None the copied object was
        # not given stays absent. UNSET (the default) is "not given", any other value is given.
        given: list[str] = []
        self.id = id
        if isinstance(object_, Unset):
            self.object_ = None
        else:
            self.object_ = object_
            if object_ is not None or _given is None or "object" in _given:
                given.append("object")
        if isinstance(bytes_, Unset):
            self.bytes_ = None
        else:
            self.bytes_ = bytes_
            if bytes_ is not None or _given is None or "bytes" in _given:
                given.append("bytes")
        if isinstance(createdAt, Unset):
            self.createdAt = None
        else:
            self.createdAt = createdAt
            if createdAt is not None or _given is None or "createdAt" in _given:
                given.append("createdAt")
        if isinstance(created_at, Unset):
            self.created_at = None
        else:
            self.created_at = created_at
            if created_at is not None or _given is None or "created_at" in _given:
                given.append("created_at")
        if isinstance(filename, Unset):
            self.filename = None
        else:
            self.filename = filename
            if filename is not None or _given is None or "filename" in _given:
                given.append("filename")
        if isinstance(purpose, Unset):
            self.purpose = None
        else:
            self.purpose = purpose
            if purpose is not None or _given is None or "purpose" in _given:
                given.append("purpose")
        if isinstance(line_count, Unset):
            self.line_count = None
        else:
            self.line_count = line_count
            if line_count is not None or _given is None or "line_count" in _given:
                given.append("line_count")
        self.additional_properties = {}
        self._given = frozenset(given)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"id={self.id!r}, "
            f"object_={self.object_!r}, "
            f"bytes_={self.bytes_!r}, "
            f"createdAt={self.createdAt!r}, "
            f"created_at={self.created_at!r}, "
            f"filename={self.filename!r}, "
            f"purpose={self.purpose!r}, "
            f"line_count={self.line_count!r}"
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
        assert isinstance(other, FileObject)
        return self.to_dict() == other.to_dict()

    # Hidden from type checkers, which would accept any attribute name of a class with __getattr__.
    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            # An object read lazily (an optional object such as `usage`: its parent's from_dict
            # checked it and left it unbuilt): fill every slot from the JSON it keeps, then answer.
            member = _MEMBERS_FileObject.get(name)
            given = self._given
            if member is None or given.__class__ is frozenset:
                raise AttributeError(
                    f"{type(self).__name__!r} object has no attribute {name!r}"
                )
            full = FileObject.from_dict(given)
            for slot in _MEMBERS_FileObject.values():
                try:
                    slot.__get__(self)
                except AttributeError:  # not yet set (a value set by hand before stays)
                    slot.__set__(self, slot.__get__(full))
            return member.__get__(self)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "id": self.id,
        }
        if self.object_ is None:
            if "object" in self._given:
                field_dict["object"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.object_, Unset):
            field_dict["object"] = self.object_
        if self.bytes_ is None:
            if "bytes" in self._given:
                field_dict["bytes"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.bytes_, Unset):
            field_dict["bytes"] = self.bytes_
        if self.createdAt is None:
            if "createdAt" in self._given:
                field_dict["createdAt"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.createdAt, Unset):
            field_dict["createdAt"] = self.createdAt
        if self.created_at is None:
            if "created_at" in self._given:
                field_dict["created_at"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.created_at, Unset):
            field_dict["created_at"] = self.created_at
        if self.filename is None:
            if "filename" in self._given:
                field_dict["filename"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.filename, Unset):
            field_dict["filename"] = self.filename
        if self.purpose is None:
            if "purpose" in self._given:
                field_dict["purpose"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.purpose, Unset):
            field_dict["purpose"] = self.purpose
        if self.line_count is None:
            if "line_count" in self._given:
                field_dict["line_count"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.line_count, Unset):
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
        object_ = src_dict.get("object")
        if not (
            object_.__class__ is str
            or (object_ is None and "object" not in src_dict)
            or isinstance(object_, str)
        ):
            raise MalformedDataError("object", "string", object_)
        bytes_ = src_dict.get("bytes")
        if not (
            bytes_.__class__ is int
            or bytes_ is None
            or (isinstance(bytes_, int) and not isinstance(bytes_, bool))
        ):
            raise MalformedDataError("bytes", "integer or null", bytes_)
        createdAt = src_dict.get("createdAt")
        if not (
            createdAt.__class__ is int
            or createdAt is None
            or (isinstance(createdAt, int) and not isinstance(createdAt, bool))
        ):
            raise MalformedDataError("createdAt", "integer or null", createdAt)
        created_at = src_dict.get("created_at")
        if not (
            created_at.__class__ is int
            or created_at is None
            or (isinstance(created_at, int) and not isinstance(created_at, bool))
        ):
            raise MalformedDataError("created_at", "integer or null", created_at)
        filename = src_dict.get("filename")
        if not (
            filename.__class__ is str or filename is None or isinstance(filename, str)
        ):
            raise MalformedDataError("filename", "string or null", filename)
        purpose = src_dict.get("purpose")
        if not (
            purpose.__class__ is str or purpose is None or isinstance(purpose, str)
        ):
            raise MalformedDataError("purpose", "string or null", purpose)
        line_count = src_dict.get("line_count")
        if not (
            line_count.__class__ is int
            or line_count is None
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
            _object._given = src_dict
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
        _object._given = src_dict
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


_MEMBERS_FileObject: dict[str, Any] = {
    _name: FileObject.__dict__[_name]
    for _name in (
        "id",
        "object_",
        "bytes_",
        "createdAt",
        "created_at",
        "filename",
        "purpose",
        "line_count",
        "additional_properties",
    )
}

from __future__ import annotations

from collections.abc import Callable, Container, Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MalformedDataError
from ..types import UNSET, BaseModel, Unset

_new = object.__new__
_NOTHING_GIVEN: frozenset[str] = frozenset()


_KEYS_Model: frozenset[str] = frozenset(
    (
        "id",
        "object",
        "created",
        "owned_by",
    )
)


T = TypeVar("T", bound="Model")


# attrs with its __init__, __repr__ and __eq__ off: they are written here, so importing a model
# compiles only the small `__attrs_init__` attrs always adds, not those three methods.
@_attrs_define(init=False, repr=False, eq=False)
class Model(BaseModel):
    """One model. No context length or capability fields are documented; unknown fields are kept."""

    id: str
    """ The model id to send as `model`, for example `Qwen/Qwen3-8B`. """

    object_: str | None
    """ Always `model`. """

    created: int | None
    """ Unix time in seconds. """

    owned_by: str | None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _given: Container[str] = _attrs_field(
        alias="_given", default=None, repr=False, eq=False
    )

    def __init__(
        self,
        id: str,
        object_: str | Unset = UNSET,
        created: int | Unset = UNSET,
        owned_by: str | Unset = UNSET,
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
        if isinstance(created, Unset):
            self.created = None
        else:
            self.created = created
            if created is not None or _given is None or "created" in _given:
                given.append("created")
        if isinstance(owned_by, Unset):
            self.owned_by = None
        else:
            self.owned_by = owned_by
            if owned_by is not None or _given is None or "owned_by" in _given:
                given.append("owned_by")
        self.additional_properties = {}
        self._given = frozenset(given)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"id={self.id!r}, "
            f"object_={self.object_!r}, "
            f"created={self.created!r}, "
            f"owned_by={self.owned_by!r}"
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
        assert isinstance(other, Model)
        return self.to_dict() == other.to_dict()

    # Hidden from type checkers, which would accept any attribute name of a class with __getattr__.
    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            # An object read lazily (an optional object such as `usage`: its parent's from_dict
            # checked it and left it unbuilt): fill every slot from the JSON it keeps, then answer.
            member = _MEMBERS_Model.get(name)
            given = self._given
            if member is None or given.__class__ is frozenset:
                raise AttributeError(
                    f"{type(self).__name__!r} object has no attribute {name!r}"
                )
            full = Model.from_dict(given)
            for slot in _MEMBERS_Model.values():
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
        if self.created is None:
            if "created" in self._given:
                field_dict["created"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.created, Unset):
            field_dict["created"] = self.created
        if self.owned_by is None:
            if "owned_by" in self._given:
                field_dict["owned_by"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.owned_by, Unset):
            field_dict["owned_by"] = self.owned_by
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
        if not (object_ == "model" or (object_ is None and "object" not in src_dict)):
            if not (
                object_.__class__ is str
                or (object_ is None and "object" not in src_dict)
                or isinstance(object_, str)
            ):
                raise MalformedDataError("object", "string", object_)
            if _drift is not None:
                _drift(_path + "object=" + str(object_), object_)
        created = src_dict.get("created")
        if not (
            created.__class__ is int
            or (created is None and "created" not in src_dict)
            or (isinstance(created, int) and not isinstance(created, bool))
        ):
            raise MalformedDataError("created", "integer", created)
        owned_by = src_dict.get("owned_by")
        if not (
            owned_by.__class__ is str
            or (owned_by is None and "owned_by" not in src_dict)
            or isinstance(owned_by, str)
        ):
            raise MalformedDataError("owned_by", "string", owned_by)
        if cls is not Model:  # a subclass: its own __init__ runs
            _object = cls(
                id,
                object_,
                created,
                owned_by,
            )
            _object._given = src_dict
            if not src_dict.keys() <= _KEYS_Model:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_Model
                }
                if _drift is not None:
                    for _key, _value in _object.additional_properties.items():
                        _drift(_path + _key, _value)

            return _object
        _object = _new(cls)
        _object.id = id
        _object.object_ = object_
        _object.created = created
        _object.owned_by = owned_by
        _object._given = src_dict
        if src_dict.keys() <= _KEYS_Model:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_Model
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


_MEMBERS_Model: dict[str, Any] = {
    _name: Model.__dict__[_name]
    for _name in (
        "id",
        "object_",
        "created",
        "owned_by",
        "additional_properties",
    )
}

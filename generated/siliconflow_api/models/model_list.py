from __future__ import annotations

from collections.abc import Callable, Container, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MalformedDataError
from ..types import UNSET, BaseModel

_new = object.__new__
_NOTHING_GIVEN: frozenset[str] = frozenset()

from typing import Self

from ..models.model import Model

_KEYS_ModelList: frozenset[str] = frozenset(
    (
        "object",
        "data",
    )
)
_KEYS_Model: frozenset[str] = frozenset(
    (
        "id",
        "object",
        "created",
        "owned_by",
    )
)


T = TypeVar("T", bound="ModelList")


# attrs with its __init__, __repr__ and __eq__ off: they are written here, so importing a model
# compiles only the small `__attrs_init__` attrs always adds, not those three methods.
@_attrs_define(init=False, repr=False, eq=False)
class ModelList(BaseModel):
    """Every model matching the filters, in one list (no pagination)."""

    object_: str
    """ Always `list`. """

    data: list[Model]

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _given: Container[str] = _attrs_field(
        alias="_given", default=None, repr=False, eq=False
    )

    def __init__(
        self,
        object_: str,
        data: list[Model],
        *,  # never positional: a field added to the spec would move it
        _given: Container[str] | None = None,
    ) -> None:
        # `_given` is for attrs.evolve(), which passes every field: a None the copied object was
        # not given stays absent. UNSET (the default) is "not given", any other value is given.
        self.object_ = object_
        self.data = data
        self.additional_properties = {}
        self._given = _NOTHING_GIVEN

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"object_={self.object_!r}, "
            f"data={self.data!r}"
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
        assert isinstance(other, ModelList)
        return self.to_dict() == other.to_dict()

    # Hidden from type checkers, which would accept any attribute name of a class with __getattr__.
    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            # An object read lazily (an optional object such as `usage`: its parent's from_dict
            # checked it and left it unbuilt): fill every slot from the JSON it keeps, then answer.
            member = _MEMBERS_ModelList.get(name)
            given = self._given
            if member is None or given.__class__ is frozenset:
                raise AttributeError(
                    f"{type(self).__name__!r} object has no attribute {name!r}"
                )
            full = ModelList.from_dict(given)
            for slot in _MEMBERS_ModelList.values():
                try:
                    slot.__get__(self)
                except AttributeError:  # not yet set (a value set by hand before stays)
                    slot.__set__(self, slot.__get__(full))
            return member.__get__(self)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "object": self.object_,
            "data": [_item0.to_dict() for _item0 in self.data],
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
            object_ = src_dict["object"]
            data = src_dict["data"]
        except KeyError:
            object_ = src_dict.get("object", UNSET)
            data = src_dict.get("data", UNSET)
        if not (object_ == "list"):
            if not (object_.__class__ is str or isinstance(object_, str)):
                raise MalformedDataError("object", "string", object_)
            if _drift is not None:
                _drift(_path + "object=" + str(object_), object_)
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
                _item0__object_ == "model"
                or (_item0__object_ is None and "object" not in _item0)
            ):
                if not (
                    _item0__object_.__class__ is str
                    or (_item0__object_ is None and "object" not in _item0)
                    or isinstance(_item0__object_, str)
                ):
                    raise MalformedDataError(
                        f"data[{data.index(_item0)}].object", "string", _item0__object_
                    )
                if _drift is not None:
                    _drift(
                        _path + "data[].object=" + str(_item0__object_), _item0__object_
                    )
            _item0__created = _item0.get("created")
            if not (
                _item0__created.__class__ is int
                or (_item0__created is None and "created" not in _item0)
                or (
                    isinstance(_item0__created, int)
                    and not isinstance(_item0__created, bool)
                )
            ):
                raise MalformedDataError(
                    f"data[{data.index(_item0)}].created", "integer", _item0__created
                )
            _item0__owned_by = _item0.get("owned_by")
            if not (
                _item0__owned_by.__class__ is str
                or (_item0__owned_by is None and "owned_by" not in _item0)
                or isinstance(_item0__owned_by, str)
            ):
                raise MalformedDataError(
                    f"data[{data.index(_item0)}].owned_by", "string", _item0__owned_by
                )
            _item0__object = _new(Model)
            _item0__object.id = _item0__id
            _item0__object.object_ = _item0__object_
            _item0__object.created = _item0__created
            _item0__object.owned_by = _item0__owned_by
            _item0__object._given = _item0
            if _item0.keys() <= _KEYS_Model:
                _item0__object.additional_properties = {}
            else:
                _item0__object.additional_properties = {
                    _key: _value
                    for _key, _value in _item0.items()
                    if _key not in _KEYS_Model
                }
                if _drift is not None:
                    for _key, _value in _item0__object.additional_properties.items():
                        _drift(_path + "data[]." + _key, _value)

            _item0 = _item0__object

            _list0.append(_item0)
        data = _list0

        if cls is not ModelList:  # a subclass: its own __init__ runs
            _object = cls(
                object_,
                data,
            )
            _object._given = src_dict
            if not src_dict.keys() <= _KEYS_ModelList:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_ModelList
                }
                if _drift is not None:
                    for _key, _value in _object.additional_properties.items():
                        _drift(_path + _key, _value)

            return _object
        _object = _new(cls)
        _object.object_ = object_
        _object.data = data
        _object._given = src_dict
        if src_dict.keys() <= _KEYS_ModelList:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_ModelList
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


_MEMBERS_ModelList: dict[str, Any] = {
    _name: ModelList.__dict__[_name]
    for _name in (
        "object_",
        "data",
        "additional_properties",
    )
}

from __future__ import annotations

from collections.abc import Callable, Container, Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MalformedDataError
from ..types import UNSET, BaseModel, Unset

_new = object.__new__
_NOTHING_GIVEN: frozenset[str] = frozenset()


_KEYS_BatchRequestCounts: frozenset[str] = frozenset(
    (
        "total",
        "completed",
        "failed",
    )
)


T = TypeVar("T", bound="BatchRequestCounts")


# attrs with its __init__, __repr__ and __eq__ off: they are written here, so importing a model
# compiles only the small `__attrs_init__` attrs always adds, not those three methods.
@_attrs_define(init=False, repr=False, eq=False)
class BatchRequestCounts(BaseModel):
    total: int | None

    completed: int | None

    failed: int | None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _given: Container[str] = _attrs_field(
        alias="_given", default=None, repr=False, eq=False
    )

    def __init__(
        self,
        total: int | Unset = UNSET,
        completed: int | Unset = UNSET,
        failed: int | Unset = UNSET,
        *,  # never positional: a field added to the spec would move it
        _given: Container[str] | None = None,
    ) -> None:
        # `_given` is for attrs.evolve(), which passes every field: a None the copied object was
        # not given stays absent. UNSET (the default) is "not given", any other value is given.
        given: list[str] = []
        if isinstance(total, Unset):
            self.total = None
        else:
            self.total = total
            if total is not None or _given is None or "total" in _given:
                given.append("total")
        if isinstance(completed, Unset):
            self.completed = None
        else:
            self.completed = completed
            if completed is not None or _given is None or "completed" in _given:
                given.append("completed")
        if isinstance(failed, Unset):
            self.failed = None
        else:
            self.failed = failed
            if failed is not None or _given is None or "failed" in _given:
                given.append("failed")
        self.additional_properties = {}
        self._given = frozenset(given)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"total={self.total!r}, "
            f"completed={self.completed!r}, "
            f"failed={self.failed!r}"
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
        assert isinstance(other, BatchRequestCounts)
        return self.to_dict() == other.to_dict()

    # Hidden from type checkers, which would accept any attribute name of a class with __getattr__.
    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            # An object read lazily (an optional object such as `usage`: its parent's from_dict
            # checked it and left it unbuilt): fill every slot from the JSON it keeps, then answer.
            member = _MEMBERS_BatchRequestCounts.get(name)
            given = self._given
            if member is None or given.__class__ is frozenset:
                raise AttributeError(
                    f"{type(self).__name__!r} object has no attribute {name!r}"
                )
            full = BatchRequestCounts.from_dict(given)
            for slot in _MEMBERS_BatchRequestCounts.values():
                try:
                    slot.__get__(self)
                except AttributeError:  # not yet set (a value set by hand before stays)
                    slot.__set__(self, slot.__get__(full))
            return member.__get__(self)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
        }
        if self.total is None:
            if "total" in self._given:
                field_dict["total"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.total, Unset):
            field_dict["total"] = self.total
        if self.completed is None:
            if "completed" in self._given:
                field_dict["completed"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.completed, Unset):
            field_dict["completed"] = self.completed
        if self.failed is None:
            if "failed" in self._given:
                field_dict["failed"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.failed, Unset):
            field_dict["failed"] = self.failed
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
        total = src_dict.get("total")
        if not (
            total.__class__ is int
            or (total is None and "total" not in src_dict)
            or (isinstance(total, int) and not isinstance(total, bool))
        ):
            raise MalformedDataError("total", "integer", total)
        completed = src_dict.get("completed")
        if not (
            completed.__class__ is int
            or (completed is None and "completed" not in src_dict)
            or (isinstance(completed, int) and not isinstance(completed, bool))
        ):
            raise MalformedDataError("completed", "integer", completed)
        failed = src_dict.get("failed")
        if not (
            failed.__class__ is int
            or (failed is None and "failed" not in src_dict)
            or (isinstance(failed, int) and not isinstance(failed, bool))
        ):
            raise MalformedDataError("failed", "integer", failed)
        if cls is not BatchRequestCounts:  # a subclass: its own __init__ runs
            _object = cls(
                total,
                completed,
                failed,
            )
            _object._given = src_dict
            if not src_dict.keys() <= _KEYS_BatchRequestCounts:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_BatchRequestCounts
                }
                if _drift is not None:
                    for _key, _value in _object.additional_properties.items():
                        _drift(_path + _key, _value)

            return _object
        _object = _new(cls)
        _object.total = total
        _object.completed = completed
        _object.failed = failed
        _object._given = src_dict
        if src_dict.keys() <= _KEYS_BatchRequestCounts:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_BatchRequestCounts
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


_MEMBERS_BatchRequestCounts: dict[str, Any] = {
    _name: BatchRequestCounts.__dict__[_name]
    for _name in (
        "total",
        "completed",
        "failed",
        "additional_properties",
    )
}

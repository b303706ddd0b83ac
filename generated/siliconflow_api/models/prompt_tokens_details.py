from __future__ import annotations

from collections.abc import Callable, Container, Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MalformedDataError
from ..types import UNSET, BaseModel, Unset

_new = object.__new__
_NOTHING_GIVEN: frozenset[str] = frozenset()


_KEYS_PromptTokensDetails: frozenset[str] = frozenset(("cached_tokens",))


T = TypeVar("T", bound="PromptTokensDetails")


# attrs with its __init__, __repr__ and __eq__ off: they are written here, so importing a model
# compiles only the small `__attrs_init__` attrs always adds, not those three methods.
@_attrs_define(init=False, repr=False, eq=False)
class PromptTokensDetails(BaseModel):
    cached_tokens: int | None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _given: Container[str] = _attrs_field(
        alias="_given", default=None, repr=False, eq=False
    )

    def __init__(
        self,
        cached_tokens: int | Unset = UNSET,
        *,  # never positional: a field added to the spec would move it
        _given: Container[str] | None = None,
    ) -> None:
        # `_given` is for attrs.evolve(), which passes every field: a None the copied object was
        # not given stays absent. UNSET (the default) is "not given", any other value is given.
        given: list[str] = []
        if isinstance(cached_tokens, Unset):
            self.cached_tokens = None
        else:
            self.cached_tokens = cached_tokens
            if cached_tokens is not None or _given is None or "cached_tokens" in _given:
                given.append("cached_tokens")
        self.additional_properties = {}
        self._given = frozenset(given)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"cached_tokens={self.cached_tokens!r}"
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
        assert isinstance(other, PromptTokensDetails)
        return self.to_dict() == other.to_dict()

    # Hidden from type checkers, which would accept any attribute name of a class with __getattr__.
    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            # An object read lazily (an optional object such as `usage`: its parent's from_dict
            # checked it and left it unbuilt): fill every slot from the JSON it keeps, then answer.
            member = _MEMBERS_PromptTokensDetails.get(name)
            given = self._given
            if member is None or given.__class__ is frozenset:
                raise AttributeError(
                    f"{type(self).__name__!r} object has no attribute {name!r}"
                )
            full = PromptTokensDetails.from_dict(given)
            for slot in _MEMBERS_PromptTokensDetails.values():
                try:
                    slot.__get__(self)
                except AttributeError:  # not yet set (a value set by hand before stays)
                    slot.__set__(self, slot.__get__(full))
            return member.__get__(self)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
        }
        if self.cached_tokens is None:
            if "cached_tokens" in self._given:
                field_dict["cached_tokens"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.cached_tokens, Unset):
            field_dict["cached_tokens"] = self.cached_tokens
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
        cached_tokens = src_dict.get("cached_tokens")
        if not (
            cached_tokens.__class__ is int
            or (cached_tokens is None and "cached_tokens" not in src_dict)
            or (isinstance(cached_tokens, int) and not isinstance(cached_tokens, bool))
        ):
            raise MalformedDataError("cached_tokens", "integer", cached_tokens)
        if cls is not PromptTokensDetails:  # a subclass: its own __init__ runs
            _object = cls(
                cached_tokens,
            )
            _object._given = src_dict
            if not src_dict.keys() <= _KEYS_PromptTokensDetails:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_PromptTokensDetails
                }
                if _drift is not None:
                    for _key, _value in _object.additional_properties.items():
                        _drift(_path + _key, _value)

            return _object
        _object = _new(cls)
        _object.cached_tokens = cached_tokens
        _object._given = src_dict
        if src_dict.keys() <= _KEYS_PromptTokensDetails:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_PromptTokensDetails
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


_MEMBERS_PromptTokensDetails: dict[str, Any] = {
    _name: PromptTokensDetails.__dict__[_name]
    for _name in (
        "cached_tokens",
        "additional_properties",
    )
}

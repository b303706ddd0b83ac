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

from ..models.function_call_delta import FunctionCallDelta

_KEYS_ToolCallDelta: frozenset[str] = frozenset(
    (
        "index",
        "id",
        "type",
        "function",
    )
)
_KEYS_FunctionCallDelta: frozenset[str] = frozenset(
    (
        "name",
        "arguments",
    )
)


T = TypeVar("T", bound="ToolCallDelta")


# attrs with its __init__, __repr__ and __eq__ off: they are written here, so importing a model
# compiles only the small `__attrs_init__` attrs always adds, not those three methods.
@_attrs_define(init=False, repr=False, eq=False)
class ToolCallDelta(BaseModel):
    """A fragment of a tool call, merged by `index`. The first fragment has id, type and name with
    empty arguments; later ones have `"id": null, "type": null` and a piece of the arguments.

    """

    index: int

    id: None | str

    type_: None | str

    function: FunctionCallDelta | None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _given: Container[str] = _attrs_field(
        alias="_given", default=None, repr=False, eq=False
    )

    def __init__(
        self,
        index: int,
        id: None | str | Unset = UNSET,
        type_: None | str | Unset = UNSET,
        function: FunctionCallDelta | Unset = UNSET,
        *,  # never positional: a field added to the spec would move it
        _given: Container[str] | None = None,
    ) -> None:
        # `_given` is for attrs.evolve(), which passes every field: a None the copied object was
        # not given stays absent. UNSET (the default) is "not given", any other value is given.
        given: list[str] = []
        self.index = index
        if isinstance(id, Unset):
            self.id = None
        else:
            self.id = id
            if id is not None or _given is None or "id" in _given:
                given.append("id")
        if isinstance(type_, Unset):
            self.type_ = None
        else:
            self.type_ = type_
            if type_ is not None or _given is None or "type" in _given:
                given.append("type")
        if isinstance(function, Unset):
            self.function = None
        else:
            self.function = function
            if function is not None or _given is None or "function" in _given:
                given.append("function")
        self.additional_properties = {}
        self._given = frozenset(given)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"index={self.index!r}, "
            f"id={self.id!r}, "
            f"type_={self.type_!r}, "
            f"function={self.function!r}"
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
        assert isinstance(other, ToolCallDelta)
        return self.to_dict() == other.to_dict()

    # Hidden from type checkers, which would accept any attribute name of a class with __getattr__.
    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            # An object read lazily (an optional object such as `usage`: its parent's from_dict
            # checked it and left it unbuilt): fill every slot from the JSON it keeps, then answer.
            member = _MEMBERS_ToolCallDelta.get(name)
            given = self._given
            if member is None or given.__class__ is frozenset:
                raise AttributeError(
                    f"{type(self).__name__!r} object has no attribute {name!r}"
                )
            full = ToolCallDelta.from_dict(given)
            for slot in _MEMBERS_ToolCallDelta.values():
                try:
                    slot.__get__(self)
                except AttributeError:  # not yet set (a value set by hand before stays)
                    slot.__set__(self, slot.__get__(full))
            return member.__get__(self)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "index": self.index,
        }
        if self.id is None:
            if "id" in self._given:
                field_dict["id"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.id, Unset):
            field_dict["id"] = self.id
        if self.type_ is None:
            if "type" in self._given:
                field_dict["type"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.type_, Unset):
            field_dict["type"] = self.type_
        if self.function is None:
            if "function" in self._given:
                field_dict["function"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.function, Unset):
            field_dict["function"] = self.function.to_dict()
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
            index = src_dict["index"]
        except KeyError:
            index = src_dict.get("index", UNSET)
        if not (
            index.__class__ is int
            or (isinstance(index, int) and not isinstance(index, bool))
        ):
            raise MalformedDataError("index", "integer", index)
        id = src_dict.get("id")
        if not (id.__class__ is str or id is None or isinstance(id, str)):
            raise MalformedDataError("id", "string or null", id)
        type_ = src_dict.get("type")
        if not (type_.__class__ is str or type_ is None or isinstance(type_, str)):
            raise MalformedDataError("type", "string or null", type_)
        function = src_dict.get("function")
        if function is not None:
            if function.__class__ is not dict and not isinstance(function, Mapping):
                raise MalformedDataError("function", "object", function)
            function__name = function.get("name")
            if not (
                function__name.__class__ is str
                or function__name is None
                or isinstance(function__name, str)
            ):
                raise MalformedDataError(
                    "function.name", "string or null", function__name
                )
            function__arguments = function.get("arguments")
            if not (
                function__arguments.__class__ is str
                or function__arguments is None
                or isinstance(function__arguments, str)
            ):
                raise MalformedDataError(
                    "function.arguments", "string or null", function__arguments
                )
            function__object = _new(FunctionCallDelta)
            function__object.name = function__name
            function__object.arguments = function__arguments
            function__object._given = function
            if function.keys() <= _KEYS_FunctionCallDelta:
                function__object.additional_properties = {}
            else:
                function__object.additional_properties = {
                    _key: _value
                    for _key, _value in function.items()
                    if _key not in _KEYS_FunctionCallDelta
                }
                if _drift is not None:
                    for _key, _value in function__object.additional_properties.items():
                        _drift(_path + "function." + _key, _value)

            function = function__object

        elif "function" in src_dict:
            raise MalformedDataError("function", "object", None)
        if cls is not ToolCallDelta:  # a subclass: its own __init__ runs
            _object = cls(
                index,
                id,
                type_,
                function,
            )
            _object._given = src_dict
            if not src_dict.keys() <= _KEYS_ToolCallDelta:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_ToolCallDelta
                }
                if _drift is not None:
                    for _key, _value in _object.additional_properties.items():
                        _drift(_path + _key, _value)

            return _object
        _object = _new(cls)
        _object.index = index
        _object.id = id
        _object.type_ = type_
        _object.function = function
        _object._given = src_dict
        if src_dict.keys() <= _KEYS_ToolCallDelta:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_ToolCallDelta
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


_MEMBERS_ToolCallDelta: dict[str, Any] = {
    _name: ToolCallDelta.__dict__[_name]
    for _name in (
        "index",
        "id",
        "type_",
        "function",
        "additional_properties",
    )
}

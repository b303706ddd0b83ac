from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MalformedDataError
from ..types import UNSET, Unset

_new = object.__new__

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


@_attrs_define
class ToolCallDelta:
    """A fragment of a tool call, merged by `index`. The first fragment has id, type and name with
    empty arguments; later ones have `"id": null, "type": null` and a piece of the arguments.

    """

    index: int
    id: None | str | Unset = UNSET
    type_: None | str | Unset = UNSET
    function: FunctionCallDelta | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "index": self.index,
        }
        if not isinstance(self.id, Unset):
            field_dict["id"] = self.id
        if not isinstance(self.type_, Unset):
            field_dict["type"] = self.type_
        if not isinstance(self.function, Unset):
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
        id = src_dict.get("id", UNSET)
        if not (
            id.__class__ is str or id is None or id is UNSET or isinstance(id, str)
        ):
            raise MalformedDataError("id", "string or null", id)
        type_ = src_dict.get("type", UNSET)
        if not (
            type_.__class__ is str
            or type_ is None
            or type_ is UNSET
            or isinstance(type_, str)
        ):
            raise MalformedDataError("type", "string or null", type_)
        function = src_dict.get("function", UNSET)
        if function is not UNSET:
            if function.__class__ is not dict and not isinstance(function, Mapping):
                raise MalformedDataError("function", "object", function)
            function__name = function.get("name", UNSET)
            if not (
                function__name.__class__ is str
                or function__name is None
                or function__name is UNSET
                or isinstance(function__name, str)
            ):
                raise MalformedDataError(
                    "function.name", "string or null", function__name
                )
            function__arguments = function.get("arguments", UNSET)
            if not (
                function__arguments.__class__ is str
                or function__arguments is None
                or function__arguments is UNSET
                or isinstance(function__arguments, str)
            ):
                raise MalformedDataError(
                    "function.arguments", "string or null", function__arguments
                )
            function__object = _new(FunctionCallDelta)
            function__object.name = function__name
            function__object.arguments = function__arguments
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

        if cls is not ToolCallDelta:  # a subclass: its own __init__ runs
            _object = cls(
                index,
                id,
                type_,
                function,
            )
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

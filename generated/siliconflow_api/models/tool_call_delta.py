from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MalformedDataError
from ..models.function_call_delta import FunctionCallDelta
from ..types import UNSET, Unset

T = TypeVar("T", bound="ToolCallDelta")


_KEYS: frozenset[str] = frozenset(
    (
        "index",
        "id",
        "type",
        "function",
    )
)


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
        _get = src_dict.get
        index = _get("index", UNSET)
        if not (isinstance(index, int) and index.__class__ is not bool):
            raise MalformedDataError("index", "integer", index)
        id = _get("id", UNSET)
        if not ((isinstance(id, str) or id is None) or id is UNSET):
            raise MalformedDataError("id", "string or null", id)
        type_ = _get("type", UNSET)
        if not ((isinstance(type_, str) or type_ is None) or type_ is UNSET):
            raise MalformedDataError("type", "string or null", type_)
        function = _get("function", UNSET)
        if function is not UNSET:
            try:
                function = FunctionCallDelta.from_dict(
                    function, _drift, _path + "function."
                )
            except MalformedDataError as _error:
                _error.add_prefix("function")
                raise

        _object = cls(
            index,
            id,
            type_,
            function,
        )
        if not _KEYS.issuperset(src_dict):
            _extra = {key: value for key, value in src_dict.items() if key not in _KEYS}
            _object.additional_properties = _extra
            if _drift is not None:
                for key, value in _extra.items():
                    _drift(_path + key, value)
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

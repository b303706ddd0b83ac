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
from ..models.tool_call_delta import ToolCallDelta

_KEYS_ChunkDelta: frozenset[str] = frozenset(
    (
        "role",
        "content",
        "reasoning_content",
        "tool_calls",
    )
)
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


T = TypeVar("T", bound="ChunkDelta")


@_attrs_define
class ChunkDelta:
    """What this chunk adds. SiliconFlow sends both `content` and `reasoning_content` on every
    chunk, the one not in use as null; `role` comes on the first chunk (on every chunk for some
    models).

    """

    role: None | str | Unset = UNSET
    content: None | str | Unset = UNSET
    reasoning_content: None | str | Unset = UNSET
    tool_calls: list[ToolCallDelta] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
        }
        if not isinstance(self.role, Unset):
            field_dict["role"] = self.role
        if not isinstance(self.content, Unset):
            field_dict["content"] = self.content
        if not isinstance(self.reasoning_content, Unset):
            field_dict["reasoning_content"] = self.reasoning_content
        if not isinstance(self.tool_calls, Unset):
            field_dict["tool_calls"] = [_item0.to_dict() for _item0 in self.tool_calls]
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
        role = src_dict.get("role", UNSET)
        if not (role is None or role == "assistant" or role is UNSET):
            if not (
                role.__class__ is str
                or role is None
                or role is UNSET
                or isinstance(role, str)
            ):
                raise MalformedDataError("role", "string or null", role)
            if _drift is not None:
                _drift(_path + "role=" + str(role), role)
        content = src_dict.get("content", UNSET)
        if not (
            content.__class__ is str
            or content is None
            or content is UNSET
            or isinstance(content, str)
        ):
            raise MalformedDataError("content", "string or null", content)
        reasoning_content = src_dict.get("reasoning_content", UNSET)
        if not (
            reasoning_content.__class__ is str
            or reasoning_content is None
            or reasoning_content is UNSET
            or isinstance(reasoning_content, str)
        ):
            raise MalformedDataError(
                "reasoning_content", "string or null", reasoning_content
            )
        tool_calls = src_dict.get("tool_calls", UNSET)
        if tool_calls is not UNSET:
            if tool_calls.__class__ is not list:
                raise MalformedDataError("tool_calls", "array", tool_calls)
            _list0 = []
            for _item0 in tool_calls:
                if _item0.__class__ is not dict and not isinstance(_item0, Mapping):
                    raise MalformedDataError(
                        f"tool_calls[{tool_calls.index(_item0)}]", "object", _item0
                    )
                try:  # a missing field is read again as UNSET, and named by its check
                    _item0__index = _item0["index"]
                except KeyError:
                    _item0__index = _item0.get("index", UNSET)
                if not (
                    _item0__index.__class__ is int
                    or (
                        isinstance(_item0__index, int)
                        and not isinstance(_item0__index, bool)
                    )
                ):
                    raise MalformedDataError(
                        f"tool_calls[{tool_calls.index(_item0)}].index",
                        "integer",
                        _item0__index,
                    )
                _item0__id = _item0.get("id", UNSET)
                if not (
                    _item0__id.__class__ is str
                    or _item0__id is None
                    or _item0__id is UNSET
                    or isinstance(_item0__id, str)
                ):
                    raise MalformedDataError(
                        f"tool_calls[{tool_calls.index(_item0)}].id",
                        "string or null",
                        _item0__id,
                    )
                _item0__type_ = _item0.get("type", UNSET)
                if not (
                    _item0__type_.__class__ is str
                    or _item0__type_ is None
                    or _item0__type_ is UNSET
                    or isinstance(_item0__type_, str)
                ):
                    raise MalformedDataError(
                        f"tool_calls[{tool_calls.index(_item0)}].type",
                        "string or null",
                        _item0__type_,
                    )
                _item0__function = _item0.get("function", UNSET)
                if _item0__function is not UNSET:
                    if _item0__function.__class__ is not dict and not isinstance(
                        _item0__function, Mapping
                    ):
                        raise MalformedDataError(
                            f"tool_calls[{tool_calls.index(_item0)}].function",
                            "object",
                            _item0__function,
                        )
                    _item0__function__name = _item0__function.get("name", UNSET)
                    if not (
                        _item0__function__name.__class__ is str
                        or _item0__function__name is None
                        or _item0__function__name is UNSET
                        or isinstance(_item0__function__name, str)
                    ):
                        raise MalformedDataError(
                            f"tool_calls[{tool_calls.index(_item0)}].function.name",
                            "string or null",
                            _item0__function__name,
                        )
                    _item0__function__arguments = _item0__function.get(
                        "arguments", UNSET
                    )
                    if not (
                        _item0__function__arguments.__class__ is str
                        or _item0__function__arguments is None
                        or _item0__function__arguments is UNSET
                        or isinstance(_item0__function__arguments, str)
                    ):
                        raise MalformedDataError(
                            f"tool_calls[{tool_calls.index(_item0)}].function.arguments",
                            "string or null",
                            _item0__function__arguments,
                        )
                    _item0__function__object = _new(FunctionCallDelta)
                    _item0__function__object.name = _item0__function__name
                    _item0__function__object.arguments = _item0__function__arguments
                    if _item0__function.keys() <= _KEYS_FunctionCallDelta:
                        _item0__function__object.additional_properties = {}
                    else:
                        _item0__function__object.additional_properties = {
                            _key: _value
                            for _key, _value in _item0__function.items()
                            if _key not in _KEYS_FunctionCallDelta
                        }
                        if _drift is not None:
                            for (
                                _key,
                                _value,
                            ) in _item0__function__object.additional_properties.items():
                                _drift(_path + "tool_calls[].function." + _key, _value)

                    _item0__function = _item0__function__object

                _item0__object = _new(ToolCallDelta)
                _item0__object.index = _item0__index
                _item0__object.id = _item0__id
                _item0__object.type_ = _item0__type_
                _item0__object.function = _item0__function
                if _item0.keys() <= _KEYS_ToolCallDelta:
                    _item0__object.additional_properties = {}
                else:
                    _item0__object.additional_properties = {
                        _key: _value
                        for _key, _value in _item0.items()
                        if _key not in _KEYS_ToolCallDelta
                    }
                    if _drift is not None:
                        for (
                            _key,
                            _value,
                        ) in _item0__object.additional_properties.items():
                            _drift(_path + "tool_calls[]." + _key, _value)

                _item0 = _item0__object

                _list0.append(_item0)
            tool_calls = _list0

        if cls is not ChunkDelta:  # a subclass: its own __init__ runs
            _object = cls(
                role,
                content,
                reasoning_content,
                tool_calls,
            )
            if not src_dict.keys() <= _KEYS_ChunkDelta:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_ChunkDelta
                }
                if _drift is not None:
                    for _key, _value in _object.additional_properties.items():
                        _drift(_path + _key, _value)

            return _object
        _object = _new(cls)
        _object.role = role
        _object.content = content
        _object.reasoning_content = reasoning_content
        _object.tool_calls = tool_calls
        if src_dict.keys() <= _KEYS_ChunkDelta:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_ChunkDelta
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

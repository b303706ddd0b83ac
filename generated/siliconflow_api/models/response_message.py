from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MalformedDataError
from ..types import UNSET, Unset

_new = object.__new__

from typing import Self

from ..models.function_call import FunctionCall
from ..models.tool_call import ToolCall

_KEYS_ResponseMessage: frozenset[str] = frozenset(
    (
        "role",
        "content",
        "reasoning_content",
        "tool_calls",
    )
)
_KEYS_ToolCall: frozenset[str] = frozenset(
    (
        "id",
        "type",
        "function",
    )
)
_KEYS_FunctionCall: frozenset[str] = frozenset(
    (
        "name",
        "arguments",
    )
)


T = TypeVar("T", bound="ResponseMessage")


@_attrs_define
class ResponseMessage:
    role: str
    """ Always `assistant`. """
    content: None | str | Unset = UNSET
    """ The answer. May be empty or null when the model only calls tools. """
    reasoning_content: None | str | Unset = UNSET
    """ The chain of thought, beside the answer (thinking models only; absent otherwise).
     """
    tool_calls: list[ToolCall] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "role": self.role,
        }
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
        try:  # a missing field is read again as UNSET, and named by its check
            role = src_dict["role"]
        except KeyError:
            role = src_dict.get("role", UNSET)
        if not (role == "assistant"):
            if not (role.__class__ is str or isinstance(role, str)):
                raise MalformedDataError("role", "string", role)
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
                    _item0__id = _item0["id"]
                    _item0__type_ = _item0["type"]
                    _item0__function = _item0["function"]
                except KeyError:
                    _item0__id = _item0.get("id", UNSET)
                    _item0__type_ = _item0.get("type", UNSET)
                    _item0__function = _item0.get("function", UNSET)
                if not (_item0__id.__class__ is str or isinstance(_item0__id, str)):
                    raise MalformedDataError(
                        f"tool_calls[{tool_calls.index(_item0)}].id",
                        "string",
                        _item0__id,
                    )
                if not (_item0__type_ == "function"):
                    if not (
                        _item0__type_.__class__ is str or isinstance(_item0__type_, str)
                    ):
                        raise MalformedDataError(
                            f"tool_calls[{tool_calls.index(_item0)}].type",
                            "string",
                            _item0__type_,
                        )
                    if _drift is not None:
                        _drift(
                            _path + "tool_calls[].type=" + str(_item0__type_),
                            _item0__type_,
                        )
                if _item0__function.__class__ is not dict and not isinstance(
                    _item0__function, Mapping
                ):
                    raise MalformedDataError(
                        f"tool_calls[{tool_calls.index(_item0)}].function",
                        "object",
                        _item0__function,
                    )
                try:  # a missing field is read again as UNSET, and named by its check
                    _item0__function__name = _item0__function["name"]
                    _item0__function__arguments = _item0__function["arguments"]
                except KeyError:
                    _item0__function__name = _item0__function.get("name", UNSET)
                    _item0__function__arguments = _item0__function.get(
                        "arguments", UNSET
                    )
                if not (
                    _item0__function__name.__class__ is str
                    or isinstance(_item0__function__name, str)
                ):
                    raise MalformedDataError(
                        f"tool_calls[{tool_calls.index(_item0)}].function.name",
                        "string",
                        _item0__function__name,
                    )
                if not (
                    _item0__function__arguments.__class__ is str
                    or isinstance(_item0__function__arguments, str)
                ):
                    raise MalformedDataError(
                        f"tool_calls[{tool_calls.index(_item0)}].function.arguments",
                        "string",
                        _item0__function__arguments,
                    )
                _item0__function__object = _new(FunctionCall)
                _item0__function__object.name = _item0__function__name
                _item0__function__object.arguments = _item0__function__arguments
                if _item0__function.keys() <= _KEYS_FunctionCall:
                    _item0__function__object.additional_properties = {}
                else:
                    _item0__function__object.additional_properties = {
                        _key: _value
                        for _key, _value in _item0__function.items()
                        if _key not in _KEYS_FunctionCall
                    }
                    if _drift is not None:
                        for (
                            _key,
                            _value,
                        ) in _item0__function__object.additional_properties.items():
                            _drift(_path + "tool_calls[].function." + _key, _value)

                _item0__function = _item0__function__object

                _item0__object = _new(ToolCall)
                _item0__object.id = _item0__id
                _item0__object.type_ = _item0__type_
                _item0__object.function = _item0__function
                if _item0.keys() <= _KEYS_ToolCall:
                    _item0__object.additional_properties = {}
                else:
                    _item0__object.additional_properties = {
                        _key: _value
                        for _key, _value in _item0.items()
                        if _key not in _KEYS_ToolCall
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

        if cls is not ResponseMessage:  # a subclass: its own __init__ runs
            _object = cls(
                role,
                content,
                reasoning_content,
                tool_calls,
            )
            if not src_dict.keys() <= _KEYS_ResponseMessage:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_ResponseMessage
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
        if src_dict.keys() <= _KEYS_ResponseMessage:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_ResponseMessage
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

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Literal, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MalformedDataError
from ..models.tool_call import ToolCall
from ..types import UNSET, Unset

T = TypeVar("T", bound="AssistantMessage")


_KEYS: frozenset[str] = frozenset(
    (
        "role",
        "content",
        "reasoning_content",
        "tool_calls",
        "name",
    )
)


@_attrs_define
class AssistantMessage:
    """An earlier answer of the model, sent back as history. DeepSeek-V3.2 and GLM-4.7 require
    `reasoning_content` to be sent back unchanged in tool-calling flows; other models ignore it
    or expect it left out.

    """

    role: Literal["assistant"]
    content: None | str | Unset = UNSET
    reasoning_content: None | str | Unset = UNSET
    """ The reasoning of that turn, replayed verbatim when the model requires it. """
    tool_calls: list[ToolCall] | Unset = UNSET
    name: str | Unset = UNSET
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
        if not isinstance(self.name, Unset):
            field_dict["name"] = self.name
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
        role = _get("role", UNSET)
        if not (role == "assistant"):
            raise MalformedDataError("role", "'assistant'", role)
        content = _get("content", UNSET)
        if not ((isinstance(content, str) or content is None) or content is UNSET):
            raise MalformedDataError("content", "string or null", content)
        reasoning_content = _get("reasoning_content", UNSET)
        if not (
            (isinstance(reasoning_content, str) or reasoning_content is None)
            or reasoning_content is UNSET
        ):
            raise MalformedDataError(
                "reasoning_content", "string or null", reasoning_content
            )
        tool_calls = _get("tool_calls", UNSET)
        if tool_calls is not UNSET:
            if tool_calls.__class__ is not list:
                raise MalformedDataError("tool_calls", "array", tool_calls)
            _list0 = []
            for _i0, _item0 in enumerate(tool_calls):
                try:
                    _item0 = ToolCall.from_dict(_item0, _drift, _path + "tool_calls[].")
                except MalformedDataError as _error:
                    _error.add_prefix(f"tool_calls[{_i0}]")
                    raise

                _list0.append(_item0)
            tool_calls = _list0

        name = _get("name", UNSET)
        if not (isinstance(name, str) or name is UNSET):
            raise MalformedDataError("name", "string", name)
        _object = cls(
            role,
            content,
            reasoning_content,
            tool_calls,
            name,
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

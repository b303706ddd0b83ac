from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MalformedDataError
from ..types import UNSET, Unset

_new = object.__new__

from typing import Literal, Self

_KEYS_ChatCompletionSseEvent: frozenset[str] = frozenset(
    (
        "data",
        "event",
        "id",
    )
)


T = TypeVar("T", bound="ChatCompletionSseEvent")


@_attrs_define
class ChatCompletionSseEvent:
    """One Server-Sent Event of a streamed completion. SiliconFlow sends only `data:` lines; `data`
    is a JSON ChatCompletionChunk, and the last event's data is `[DONE]`.

    """

    data: Literal["[DONE]"] | str
    event: str | Unset = UNSET
    id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "data": self.data,
        }
        if not isinstance(self.event, Unset):
            field_dict["event"] = self.event
        if not isinstance(self.id, Unset):
            field_dict["id"] = self.id
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
            data = src_dict["data"]
        except KeyError:
            data = src_dict.get("data", UNSET)
        if not (data == "[DONE]" or data.__class__ is str or isinstance(data, str)):
            raise MalformedDataError("data", "'[DONE]' or string", data)
        event = src_dict.get("event", UNSET)
        if not (event.__class__ is str or event is UNSET or isinstance(event, str)):
            raise MalformedDataError("event", "string", event)
        id = src_dict.get("id", UNSET)
        if not (id.__class__ is str or id is UNSET or isinstance(id, str)):
            raise MalformedDataError("id", "string", id)
        if cls is not ChatCompletionSseEvent:  # a subclass: its own __init__ runs
            _object = cls(
                data,
                event,
                id,
            )
            if not src_dict.keys() <= _KEYS_ChatCompletionSseEvent:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_ChatCompletionSseEvent
                }
                if _drift is not None:
                    for _key, _value in _object.additional_properties.items():
                        _drift(_path + _key, _value)

            return _object
        _object = _new(cls)
        _object.data = data
        _object.event = event
        _object.id = id
        if src_dict.keys() <= _KEYS_ChatCompletionSseEvent:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_ChatCompletionSseEvent
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

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MalformedDataError
from ..models.chunk_delta import ChunkDelta
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChunkChoice")


_KEYS: frozenset[str] = frozenset(
    (
        "index",
        "delta",
        "finish_reason",
    )
)
_FINISH_REASON_KNOWN = frozenset(("stop", "eos", "length", "tool_calls", None, UNSET))


@_attrs_define
class ChunkChoice:
    index: int
    delta: ChunkDelta
    """ What this chunk adds. SiliconFlow sends both `content` and `reasoning_content` on every
    chunk, the one not in use as null; `role` comes on the first chunk (on every chunk for some
    models).
     """
    finish_reason: None | str | Unset = UNSET
    """ Why generation stopped: `stop`, `eos`, `length` (max_tokens or context reached),
    `tool_calls`. An open string: a value added later still parses.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "index": self.index,
            "delta": self.delta.to_dict(),
        }
        if not isinstance(self.finish_reason, Unset):
            field_dict["finish_reason"] = self.finish_reason
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
        delta = _get("delta", UNSET)
        try:
            delta = ChunkDelta.from_dict(delta, _drift, _path + "delta.")
        except MalformedDataError as _error:
            _error.add_prefix("delta")
            raise

        finish_reason = _get("finish_reason", UNSET)
        if not (
            (isinstance(finish_reason, str) or finish_reason is None)
            or finish_reason is UNSET
        ):
            raise MalformedDataError("finish_reason", "string or null", finish_reason)
        if _drift is not None and finish_reason not in _FINISH_REASON_KNOWN:
            _drift(_path + "finish_reason=" + str(finish_reason), finish_reason)
        _object = cls(
            index,
            delta,
            finish_reason,
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

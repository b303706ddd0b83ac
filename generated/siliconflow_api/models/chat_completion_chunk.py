from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MalformedDataError
from ..models.chunk_choice import ChunkChoice
from ..models.usage import Usage
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChatCompletionChunk")


_KEYS: frozenset[str] = frozenset(
    (
        "id",
        "object",
        "created",
        "model",
        "choices",
        "usage",
        "system_fingerprint",
    )
)
_OBJECT__KNOWN = frozenset(("chat.completion.chunk", None, UNSET))


@_attrs_define
class ChatCompletionChunk:
    """One streamed piece of a completion (`object` is `chat.completion.chunk`). Every chunk has the
    same id and created, `system_fingerprint` and the cumulative usage so far.

    """

    id: str
    object_: str
    """ Always `chat.completion.chunk`. """
    created: int
    model: str
    choices: list[ChunkChoice]
    """ May be empty (usage-only chunks of OpenAI-compatible gateways). """
    usage: None | Unset | Usage = UNSET
    system_fingerprint: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "id": self.id,
            "object": self.object_,
            "created": self.created,
            "model": self.model,
            "choices": [_item0.to_dict() for _item0 in self.choices],
        }
        if not isinstance(self.usage, Unset):
            field_dict["usage"] = (
                self.usage.to_dict() if isinstance(self.usage, Usage) else self.usage
            )
        if not isinstance(self.system_fingerprint, Unset):
            field_dict["system_fingerprint"] = self.system_fingerprint
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
        id = _get("id", UNSET)
        if not (isinstance(id, str)):
            raise MalformedDataError("id", "string", id)
        object_ = _get("object", UNSET)
        if not (isinstance(object_, str)):
            raise MalformedDataError("object", "string", object_)
        if _drift is not None and object_ not in _OBJECT__KNOWN:
            _drift(_path + "object=" + str(object_), object_)
        created = _get("created", UNSET)
        if not (isinstance(created, int) and created.__class__ is not bool):
            raise MalformedDataError("created", "integer", created)
        model = _get("model", UNSET)
        if not (isinstance(model, str)):
            raise MalformedDataError("model", "string", model)
        choices = _get("choices", UNSET)
        if choices.__class__ is not list:
            raise MalformedDataError("choices", "array", choices)
        _list0 = []
        for _i0, _item0 in enumerate(choices):
            try:
                _item0 = ChunkChoice.from_dict(_item0, _drift, _path + "choices[].")
            except MalformedDataError as _error:
                _error.add_prefix(f"choices[{_i0}]")
                raise

            _list0.append(_item0)
        choices = _list0

        usage = _get("usage", UNSET)
        if usage is not UNSET:
            if usage is None:
                pass
            elif usage.__class__ is dict or isinstance(usage, Mapping):
                try:
                    usage = Usage.from_dict(usage, _drift, _path + "usage.")
                except MalformedDataError as _error:
                    _error.add_prefix("usage")
                    raise

            else:
                raise MalformedDataError("usage", "object or null", usage)

        system_fingerprint = _get("system_fingerprint", UNSET)
        if not (
            (isinstance(system_fingerprint, str) or system_fingerprint is None)
            or system_fingerprint is UNSET
        ):
            raise MalformedDataError(
                "system_fingerprint", "string or null", system_fingerprint
            )
        _object = cls(
            id,
            object_,
            created,
            model,
            choices,
            usage,
            system_fingerprint,
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

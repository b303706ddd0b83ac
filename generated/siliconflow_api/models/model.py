from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MalformedDataError
from ..types import UNSET, Unset

_new = object.__new__


_KEYS_Model: frozenset[str] = frozenset(
    (
        "id",
        "object",
        "created",
        "owned_by",
    )
)


T = TypeVar("T", bound="Model")


@_attrs_define
class Model:
    """One model. No context length or capability fields are documented; unknown fields are kept."""

    id: str
    """ The model id to send as `model`, for example `Qwen/Qwen3-8B`. """
    object_: str | Unset = UNSET
    """ Always `model`. """
    created: int | Unset = UNSET
    """ Unix time in seconds. """
    owned_by: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "id": self.id,
        }
        if not isinstance(self.object_, Unset):
            field_dict["object"] = self.object_
        if not isinstance(self.created, Unset):
            field_dict["created"] = self.created
        if not isinstance(self.owned_by, Unset):
            field_dict["owned_by"] = self.owned_by
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
            id = src_dict["id"]
        except KeyError:
            id = src_dict.get("id", UNSET)
        if not (id.__class__ is str or isinstance(id, str)):
            raise MalformedDataError("id", "string", id)
        object_ = src_dict.get("object", UNSET)
        if not (object_ == "model" or object_ is UNSET):
            if not (
                object_.__class__ is str or object_ is UNSET or isinstance(object_, str)
            ):
                raise MalformedDataError("object", "string", object_)
            if _drift is not None:
                _drift(_path + "object=" + str(object_), object_)
        created = src_dict.get("created", UNSET)
        if not (
            created.__class__ is int
            or created is UNSET
            or (isinstance(created, int) and not isinstance(created, bool))
        ):
            raise MalformedDataError("created", "integer", created)
        owned_by = src_dict.get("owned_by", UNSET)
        if not (
            owned_by.__class__ is str or owned_by is UNSET or isinstance(owned_by, str)
        ):
            raise MalformedDataError("owned_by", "string", owned_by)
        if cls is not Model:  # a subclass: its own __init__ runs
            _object = cls(
                id,
                object_,
                created,
                owned_by,
            )
            if not src_dict.keys() <= _KEYS_Model:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_Model
                }
                if _drift is not None:
                    for _key, _value in _object.additional_properties.items():
                        _drift(_path + _key, _value)

            return _object
        _object = _new(cls)
        _object.id = id
        _object.object_ = object_
        _object.created = created
        _object.owned_by = owned_by
        if src_dict.keys() <= _KEYS_Model:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_Model
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

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MalformedDataError
from ..types import UNSET, Unset

_new = object.__new__

from typing import Self

from ..models.batch_create_request_endpoint import (
    BatchCreateRequestEndpoint,
)
from ..models.batch_create_request_metadata import BatchCreateRequestMetadata
from ..models.batch_replace import BatchReplace

_KEYS_BatchCreateRequest: frozenset[str] = frozenset(
    (
        "input_file_id",
        "endpoint",
        "completion_window",
        "metadata",
        "replace",
    )
)
_KEYS_BatchCreateRequestMetadata: frozenset[str] = frozenset(())
_KEYS_BatchReplace: frozenset[str] = frozenset(("model",))


T = TypeVar("T", bound="BatchCreateRequest")


@_attrs_define
class BatchCreateRequest:
    input_file_id: str
    endpoint: BatchCreateRequestEndpoint
    completion_window: str
    """ Hours to complete in, `24h` to `336h`. """
    metadata: BatchCreateRequestMetadata | Unset = UNSET
    replace: BatchReplace | Unset = UNSET
    """ Overrides applied to every line, for example `{"model": ...}`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "input_file_id": self.input_file_id,
            "endpoint": self.endpoint,
            "completion_window": self.completion_window,
        }
        if not isinstance(self.metadata, Unset):
            field_dict["metadata"] = self.metadata.to_dict()
        if not isinstance(self.replace, Unset):
            field_dict["replace"] = self.replace.to_dict()
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
            input_file_id = src_dict["input_file_id"]
            endpoint = src_dict["endpoint"]
            completion_window = src_dict["completion_window"]
        except KeyError:
            input_file_id = src_dict.get("input_file_id", UNSET)
            endpoint = src_dict.get("endpoint", UNSET)
            completion_window = src_dict.get("completion_window", UNSET)
        if not (input_file_id.__class__ is str or isinstance(input_file_id, str)):
            raise MalformedDataError("input_file_id", "string", input_file_id)
        if not (endpoint in ("/v1/chat/completions",)):
            raise MalformedDataError(
                "endpoint", "one of '/v1/chat/completions'", endpoint
            )
        if not (
            completion_window.__class__ is str or isinstance(completion_window, str)
        ):
            raise MalformedDataError("completion_window", "string", completion_window)
        metadata = src_dict.get("metadata", UNSET)
        if metadata is not UNSET:
            if metadata.__class__ is not dict and not isinstance(metadata, Mapping):
                raise MalformedDataError("metadata", "object", metadata)
            metadata__object = _new(BatchCreateRequestMetadata)
            if metadata.keys() <= _KEYS_BatchCreateRequestMetadata:
                metadata__object.additional_properties = {}
            else:
                metadata__object.additional_properties = {
                    _key: _value
                    for _key, _value in metadata.items()
                    if _key not in _KEYS_BatchCreateRequestMetadata
                }
                if _drift is not None:
                    for _key, _value in metadata__object.additional_properties.items():
                        _drift(_path + "metadata." + _key, _value)

            metadata = metadata__object

        replace = src_dict.get("replace", UNSET)
        if replace is not UNSET:
            if replace.__class__ is not dict and not isinstance(replace, Mapping):
                raise MalformedDataError("replace", "object", replace)
            replace__model = replace.get("model", UNSET)
            if not (
                replace__model.__class__ is str
                or replace__model is UNSET
                or isinstance(replace__model, str)
            ):
                raise MalformedDataError("replace.model", "string", replace__model)
            replace__object = _new(BatchReplace)
            replace__object.model = replace__model
            if replace.keys() <= _KEYS_BatchReplace:
                replace__object.additional_properties = {}
            else:
                replace__object.additional_properties = {
                    _key: _value
                    for _key, _value in replace.items()
                    if _key not in _KEYS_BatchReplace
                }
                if _drift is not None:
                    for _key, _value in replace__object.additional_properties.items():
                        _drift(_path + "replace." + _key, _value)

            replace = replace__object

        if cls is not BatchCreateRequest:  # a subclass: its own __init__ runs
            _object = cls(
                input_file_id,
                endpoint,
                completion_window,
                metadata,
                replace,
            )
            if not src_dict.keys() <= _KEYS_BatchCreateRequest:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_BatchCreateRequest
                }
                if _drift is not None:
                    for _key, _value in _object.additional_properties.items():
                        _drift(_path + _key, _value)

            return _object
        _object = _new(cls)
        _object.input_file_id = input_file_id
        _object.endpoint = endpoint
        _object.completion_window = completion_window
        _object.metadata = metadata
        _object.replace = replace
        if src_dict.keys() <= _KEYS_BatchCreateRequest:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_BatchCreateRequest
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

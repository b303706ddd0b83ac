from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.batch_create_request_endpoint import (
    BatchCreateRequestEndpoint,
    check_batch_create_request_endpoint,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_create_request_metadata import BatchCreateRequestMetadata
    from ..models.batch_replace import BatchReplace


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
        input_file_id = self.input_file_id

        endpoint: str = self.endpoint

        completion_window = self.completion_window

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        replace: dict[str, Any] | Unset = UNSET
        if not isinstance(self.replace, Unset):
            replace = self.replace.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "input_file_id": input_file_id,
                "endpoint": endpoint,
                "completion_window": completion_window,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if replace is not UNSET:
            field_dict["replace"] = replace

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.batch_create_request_metadata import BatchCreateRequestMetadata
        from ..models.batch_replace import BatchReplace

        d = dict(src_dict)
        input_file_id = d.pop("input_file_id")

        endpoint = check_batch_create_request_endpoint(d.pop("endpoint"))

        completion_window = d.pop("completion_window")

        _metadata = d.pop("metadata", UNSET)
        metadata: BatchCreateRequestMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = BatchCreateRequestMetadata.from_dict(_metadata)

        _replace = d.pop("replace", UNSET)
        replace: BatchReplace | Unset
        if isinstance(_replace, Unset):
            replace = UNSET
        else:
            replace = BatchReplace.from_dict(_replace)

        batch_create_request = cls(
            input_file_id=input_file_id,
            endpoint=endpoint,
            completion_window=completion_window,
            metadata=metadata,
            replace=replace,
        )

        batch_create_request.additional_properties = d
        return batch_create_request

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

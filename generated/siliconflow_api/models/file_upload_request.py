from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.file_upload_request_purpose import (
    FileUploadRequestPurpose,
    check_file_upload_request_purpose,
)
from ..types import File

T = TypeVar("T", bound="FileUploadRequest")


@_attrs_define
class FileUploadRequest:
    purpose: FileUploadRequestPurpose
    file: File
    """ The `.jsonl` batch input (at most 1 GB and 5,000 lines). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        purpose: str = self.purpose

        file = self.file.to_tuple()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "purpose": purpose,
                "file": file,
            }
        )

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("purpose", (None, str(self.purpose).encode(), "text/plain")))

        files.append(("file", self.file.to_tuple()))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        purpose = check_file_upload_request_purpose(d.pop("purpose"))

        file = File(payload=BytesIO(d.pop("file")))

        file_upload_request = cls(
            purpose=purpose,
            file=file,
        )

        file_upload_request.additional_properties = d
        return file_upload_request

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FileObject")


@_attrs_define
class FileObject:
    """An uploaded file."""

    id: str
    """ `file-...` """
    object_: str | Unset = UNSET
    bytes_: int | None | Unset = UNSET
    createdAt: int | None | Unset = UNSET
    """ Upload time (Unix seconds), as POST /files spells it. """
    created_at: int | None | Unset = UNSET
    """ Upload time (Unix seconds), as GET /files spells it. """
    filename: None | str | Unset = UNSET
    purpose: None | str | Unset = UNSET
    line_count: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_ = self.object_

        bytes_: int | None | Unset
        if isinstance(self.bytes_, Unset):
            bytes_ = UNSET
        else:
            bytes_ = self.bytes_

        createdAt: int | None | Unset
        if isinstance(self.createdAt, Unset):
            createdAt = UNSET
        else:
            createdAt = self.createdAt

        created_at: int | None | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        filename: None | str | Unset
        if isinstance(self.filename, Unset):
            filename = UNSET
        else:
            filename = self.filename

        purpose: None | str | Unset
        if isinstance(self.purpose, Unset):
            purpose = UNSET
        else:
            purpose = self.purpose

        line_count: int | None | Unset
        if isinstance(self.line_count, Unset):
            line_count = UNSET
        else:
            line_count = self.line_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if object_ is not UNSET:
            field_dict["object"] = object_
        if bytes_ is not UNSET:
            field_dict["bytes"] = bytes_
        if createdAt is not UNSET:
            field_dict["createdAt"] = createdAt
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if filename is not UNSET:
            field_dict["filename"] = filename
        if purpose is not UNSET:
            field_dict["purpose"] = purpose
        if line_count is not UNSET:
            field_dict["line_count"] = line_count

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        object_ = d.pop("object", UNSET)

        def _parse_bytes_(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        bytes_ = _parse_bytes_(d.pop("bytes", UNSET))

        def _parse_createdAt(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        createdAt = _parse_createdAt(d.pop("createdAt", UNSET))

        def _parse_created_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_filename(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        filename = _parse_filename(d.pop("filename", UNSET))

        def _parse_purpose(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        purpose = _parse_purpose(d.pop("purpose", UNSET))

        def _parse_line_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        line_count = _parse_line_count(d.pop("line_count", UNSET))

        file_object = cls(
            id=id,
            object_=object_,
            bytes_=bytes_,
            createdAt=createdAt,
            created_at=created_at,
            filename=filename,
            purpose=purpose,
            line_count=line_count,
        )

        file_object.additional_properties = d
        return file_object

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

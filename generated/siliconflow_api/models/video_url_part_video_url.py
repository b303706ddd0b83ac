from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.media_detail import MediaDetail, check_media_detail
from ..types import UNSET, Unset

T = TypeVar("T", bound="VideoUrlPartVideoUrl")


@_attrs_define
class VideoUrlPartVideoUrl:
    url: str
    """ A video URL or a base64 data URI (Qwen3-VL, Qwen3-Omni; 30 s or less advised). """
    detail: MediaDetail | Unset = UNSET
    """ Image or video detail level. Server default `auto`. """
    max_frames: int | Unset = UNSET
    """ Frames sampled are min(fps x duration, max_frames). """
    fps: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        detail: str | Unset = UNSET
        if not isinstance(self.detail, Unset):
            detail = self.detail

        max_frames = self.max_frames

        fps = self.fps

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "url": url,
            }
        )
        if detail is not UNSET:
            field_dict["detail"] = detail
        if max_frames is not UNSET:
            field_dict["max_frames"] = max_frames
        if fps is not UNSET:
            field_dict["fps"] = fps

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        url = d.pop("url")

        _detail = d.pop("detail", UNSET)
        detail: MediaDetail | Unset
        if isinstance(_detail, Unset):
            detail = UNSET
        else:
            detail = check_media_detail(_detail)

        max_frames = d.pop("max_frames", UNSET)

        fps = d.pop("fps", UNSET)

        video_url_part_video_url = cls(
            url=url,
            detail=detail,
            max_frames=max_frames,
            fps=fps,
        )

        video_url_part_video_url.additional_properties = d
        return video_url_part_video_url

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

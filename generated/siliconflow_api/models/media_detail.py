from typing import Literal

MediaDetail = Literal["auto", "high", "low"]

MEDIA_DETAIL_VALUES: set[MediaDetail] = {
    "auto",
    "high",
    "low",
}


def check_media_detail(value: str) -> MediaDetail:
    if value in MEDIA_DETAIL_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MEDIA_DETAIL_VALUES!r}"
    )

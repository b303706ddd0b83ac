from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MalformedDataError
from ..models.completion_tokens_details import CompletionTokensDetails
from ..models.prompt_tokens_details import PromptTokensDetails
from ..types import UNSET, Unset

T = TypeVar("T", bound="Usage")


_KEYS: frozenset[str] = frozenset(
    (
        "prompt_tokens",
        "completion_tokens",
        "total_tokens",
        "completion_tokens_details",
        "prompt_tokens_details",
        "prompt_cache_hit_tokens",
        "prompt_cache_miss_tokens",
    )
)


@_attrs_define
class Usage:
    """Token counts. In a stream every chunk carries the running totals so far (cumulative, not
    per chunk); the last chunk has the final counts.

    """

    prompt_tokens: int
    completion_tokens: int
    """ Answer plus reasoning tokens. """
    total_tokens: int
    completion_tokens_details: CompletionTokensDetails | None | Unset = UNSET
    prompt_tokens_details: None | PromptTokensDetails | Unset = UNSET
    prompt_cache_hit_tokens: int | Unset = UNSET
    """ Prompt tokens served from the context cache (DeepSeek-style field). """
    prompt_cache_miss_tokens: int | Unset = UNSET
    """ Prompt tokens not found in the context cache. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "total_tokens": self.total_tokens,
        }
        if not isinstance(self.completion_tokens_details, Unset):
            field_dict["completion_tokens_details"] = (
                self.completion_tokens_details.to_dict()
                if isinstance(self.completion_tokens_details, CompletionTokensDetails)
                else self.completion_tokens_details
            )
        if not isinstance(self.prompt_tokens_details, Unset):
            field_dict["prompt_tokens_details"] = (
                self.prompt_tokens_details.to_dict()
                if isinstance(self.prompt_tokens_details, PromptTokensDetails)
                else self.prompt_tokens_details
            )
        if not isinstance(self.prompt_cache_hit_tokens, Unset):
            field_dict["prompt_cache_hit_tokens"] = self.prompt_cache_hit_tokens
        if not isinstance(self.prompt_cache_miss_tokens, Unset):
            field_dict["prompt_cache_miss_tokens"] = self.prompt_cache_miss_tokens
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
        prompt_tokens = _get("prompt_tokens", UNSET)
        if not (isinstance(prompt_tokens, int) and prompt_tokens.__class__ is not bool):
            raise MalformedDataError("prompt_tokens", "integer", prompt_tokens)
        completion_tokens = _get("completion_tokens", UNSET)
        if not (
            isinstance(completion_tokens, int)
            and completion_tokens.__class__ is not bool
        ):
            raise MalformedDataError("completion_tokens", "integer", completion_tokens)
        total_tokens = _get("total_tokens", UNSET)
        if not (isinstance(total_tokens, int) and total_tokens.__class__ is not bool):
            raise MalformedDataError("total_tokens", "integer", total_tokens)
        completion_tokens_details = _get("completion_tokens_details", UNSET)
        if completion_tokens_details is not UNSET:
            if completion_tokens_details is None:
                pass
            elif completion_tokens_details.__class__ is dict or isinstance(
                completion_tokens_details, Mapping
            ):
                try:
                    completion_tokens_details = CompletionTokensDetails.from_dict(
                        completion_tokens_details,
                        _drift,
                        _path + "completion_tokens_details.",
                    )
                except MalformedDataError as _error:
                    _error.add_prefix("completion_tokens_details")
                    raise

            else:
                raise MalformedDataError(
                    "completion_tokens_details",
                    "object or null",
                    completion_tokens_details,
                )

        prompt_tokens_details = _get("prompt_tokens_details", UNSET)
        if prompt_tokens_details is not UNSET:
            if prompt_tokens_details is None:
                pass
            elif prompt_tokens_details.__class__ is dict or isinstance(
                prompt_tokens_details, Mapping
            ):
                try:
                    prompt_tokens_details = PromptTokensDetails.from_dict(
                        prompt_tokens_details, _drift, _path + "prompt_tokens_details."
                    )
                except MalformedDataError as _error:
                    _error.add_prefix("prompt_tokens_details")
                    raise

            else:
                raise MalformedDataError(
                    "prompt_tokens_details", "object or null", prompt_tokens_details
                )

        prompt_cache_hit_tokens = _get("prompt_cache_hit_tokens", UNSET)
        if not (
            (
                isinstance(prompt_cache_hit_tokens, int)
                and prompt_cache_hit_tokens.__class__ is not bool
            )
            or prompt_cache_hit_tokens is UNSET
        ):
            raise MalformedDataError(
                "prompt_cache_hit_tokens", "integer", prompt_cache_hit_tokens
            )
        prompt_cache_miss_tokens = _get("prompt_cache_miss_tokens", UNSET)
        if not (
            (
                isinstance(prompt_cache_miss_tokens, int)
                and prompt_cache_miss_tokens.__class__ is not bool
            )
            or prompt_cache_miss_tokens is UNSET
        ):
            raise MalformedDataError(
                "prompt_cache_miss_tokens", "integer", prompt_cache_miss_tokens
            )
        _object = cls(
            prompt_tokens,
            completion_tokens,
            total_tokens,
            completion_tokens_details,
            prompt_tokens_details,
            prompt_cache_hit_tokens,
            prompt_cache_miss_tokens,
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

from __future__ import annotations

from collections.abc import Callable, Container, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MalformedDataError
from ..types import UNSET, BaseModel, Unset

_new = object.__new__
_NOTHING_GIVEN: frozenset[str] = frozenset()

from typing import Self

from ..models.completion_tokens_details import CompletionTokensDetails
from ..models.prompt_tokens_details import PromptTokensDetails

_KEYS_Usage: frozenset[str] = frozenset(
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
_KEYS_CompletionTokensDetails: frozenset[str] = frozenset(("reasoning_tokens",))
_KEYS_PromptTokensDetails: frozenset[str] = frozenset(("cached_tokens",))


T = TypeVar("T", bound="Usage")


# attrs with its __init__, __repr__ and __eq__ off: they are written here, so importing a model
# compiles only the small `__attrs_init__` attrs always adds, not those three methods.
@_attrs_define(init=False, repr=False, eq=False)
class Usage(BaseModel):
    """Token counts. In a stream every chunk carries the running totals so far (cumulative, not
    per chunk); the last chunk has the final counts.

    """

    prompt_tokens: int

    completion_tokens: int
    """ Answer plus reasoning tokens. """

    total_tokens: int

    completion_tokens_details: CompletionTokensDetails | None

    prompt_tokens_details: None | PromptTokensDetails

    prompt_cache_hit_tokens: int | None
    """ Prompt tokens served from the context cache (DeepSeek-style field). """

    prompt_cache_miss_tokens: int | None
    """ Prompt tokens not found in the context cache. """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _given: Container[str] = _attrs_field(
        alias="_given", default=None, repr=False, eq=False
    )

    def __init__(
        self,
        prompt_tokens: int,
        completion_tokens: int,
        total_tokens: int,
        completion_tokens_details: CompletionTokensDetails | None | Unset = UNSET,
        prompt_tokens_details: None | PromptTokensDetails | Unset = UNSET,
        prompt_cache_hit_tokens: int | Unset = UNSET,
        prompt_cache_miss_tokens: int | Unset = UNSET,
        *,  # never positional: a field added to the spec would move it
        _given: Container[str] | None = None,
    ) -> None:
        # `_given` is for attrs.evolve(), which passes every field: a None the copied object was
        # not given stays absent. UNSET (the default) is "not given", any other value is given.
        given: list[str] = []
        self.prompt_tokens = prompt_tokens
        self.completion_tokens = completion_tokens
        self.total_tokens = total_tokens
        if isinstance(completion_tokens_details, Unset):
            self.completion_tokens_details = None
        else:
            self.completion_tokens_details = completion_tokens_details
            if (
                completion_tokens_details is not None
                or _given is None
                or "completion_tokens_details" in _given
            ):
                given.append("completion_tokens_details")
        if isinstance(prompt_tokens_details, Unset):
            self.prompt_tokens_details = None
        else:
            self.prompt_tokens_details = prompt_tokens_details
            if (
                prompt_tokens_details is not None
                or _given is None
                or "prompt_tokens_details" in _given
            ):
                given.append("prompt_tokens_details")
        if isinstance(prompt_cache_hit_tokens, Unset):
            self.prompt_cache_hit_tokens = None
        else:
            self.prompt_cache_hit_tokens = prompt_cache_hit_tokens
            if (
                prompt_cache_hit_tokens is not None
                or _given is None
                or "prompt_cache_hit_tokens" in _given
            ):
                given.append("prompt_cache_hit_tokens")
        if isinstance(prompt_cache_miss_tokens, Unset):
            self.prompt_cache_miss_tokens = None
        else:
            self.prompt_cache_miss_tokens = prompt_cache_miss_tokens
            if (
                prompt_cache_miss_tokens is not None
                or _given is None
                or "prompt_cache_miss_tokens" in _given
            ):
                given.append("prompt_cache_miss_tokens")
        self.additional_properties = {}
        self._given = frozenset(given)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"prompt_tokens={self.prompt_tokens!r}, "
            f"completion_tokens={self.completion_tokens!r}, "
            f"total_tokens={self.total_tokens!r}, "
            f"completion_tokens_details={self.completion_tokens_details!r}, "
            f"prompt_tokens_details={self.prompt_tokens_details!r}, "
            f"prompt_cache_hit_tokens={self.prompt_cache_hit_tokens!r}, "
            f"prompt_cache_miss_tokens={self.prompt_cache_miss_tokens!r}"
            + (
                f", additional_properties={self.additional_properties!r}"
                if self.additional_properties
                else ""
            )
            + ")"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Usage)
        return self.to_dict() == other.to_dict()

    # Hidden from type checkers, which would accept any attribute name of a class with __getattr__.
    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            # An object read lazily (an optional object such as `usage`: its parent's from_dict
            # checked it and left it unbuilt): fill every slot from the JSON it keeps, then answer.
            member = _MEMBERS_Usage.get(name)
            given = self._given
            if member is None or given.__class__ is frozenset:
                raise AttributeError(
                    f"{type(self).__name__!r} object has no attribute {name!r}"
                )
            full = Usage.from_dict(given)
            for slot in _MEMBERS_Usage.values():
                try:
                    slot.__get__(self)
                except AttributeError:  # not yet set (a value set by hand before stays)
                    slot.__set__(self, slot.__get__(full))
            return member.__get__(self)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "total_tokens": self.total_tokens,
        }
        if self.completion_tokens_details is None:
            if "completion_tokens_details" in self._given:
                field_dict["completion_tokens_details"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.completion_tokens_details, Unset):
            field_dict["completion_tokens_details"] = (
                self.completion_tokens_details.to_dict()
                if isinstance(self.completion_tokens_details, CompletionTokensDetails)
                else self.completion_tokens_details
            )
        if self.prompt_tokens_details is None:
            if "prompt_tokens_details" in self._given:
                field_dict["prompt_tokens_details"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.prompt_tokens_details, Unset):
            field_dict["prompt_tokens_details"] = (
                self.prompt_tokens_details.to_dict()
                if isinstance(self.prompt_tokens_details, PromptTokensDetails)
                else self.prompt_tokens_details
            )
        if self.prompt_cache_hit_tokens is None:
            if "prompt_cache_hit_tokens" in self._given:
                field_dict["prompt_cache_hit_tokens"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.prompt_cache_hit_tokens, Unset):
            field_dict["prompt_cache_hit_tokens"] = self.prompt_cache_hit_tokens
        if self.prompt_cache_miss_tokens is None:
            if "prompt_cache_miss_tokens" in self._given:
                field_dict["prompt_cache_miss_tokens"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.prompt_cache_miss_tokens, Unset):
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
        try:  # a missing field is read again as UNSET, and named by its check
            prompt_tokens = src_dict["prompt_tokens"]
            completion_tokens = src_dict["completion_tokens"]
            total_tokens = src_dict["total_tokens"]
        except KeyError:
            prompt_tokens = src_dict.get("prompt_tokens", UNSET)
            completion_tokens = src_dict.get("completion_tokens", UNSET)
            total_tokens = src_dict.get("total_tokens", UNSET)
        if not (
            prompt_tokens.__class__ is int
            or (isinstance(prompt_tokens, int) and not isinstance(prompt_tokens, bool))
        ):
            raise MalformedDataError("prompt_tokens", "integer", prompt_tokens)
        if not (
            completion_tokens.__class__ is int
            or (
                isinstance(completion_tokens, int)
                and not isinstance(completion_tokens, bool)
            )
        ):
            raise MalformedDataError("completion_tokens", "integer", completion_tokens)
        if not (
            total_tokens.__class__ is int
            or (isinstance(total_tokens, int) and not isinstance(total_tokens, bool))
        ):
            raise MalformedDataError("total_tokens", "integer", total_tokens)
        completion_tokens_details = src_dict.get("completion_tokens_details")
        if completion_tokens_details is not None:
            if completion_tokens_details.__class__ is not dict and not isinstance(
                completion_tokens_details, Mapping
            ):
                raise MalformedDataError(
                    "completion_tokens_details",
                    "object or null",
                    completion_tokens_details,
                )
            completion_tokens_details__reasoning_tokens = completion_tokens_details.get(
                "reasoning_tokens"
            )
            if not (
                completion_tokens_details__reasoning_tokens.__class__ is int
                or (
                    completion_tokens_details__reasoning_tokens is None
                    and "reasoning_tokens" not in completion_tokens_details
                )
                or (
                    isinstance(completion_tokens_details__reasoning_tokens, int)
                    and not isinstance(
                        completion_tokens_details__reasoning_tokens, bool
                    )
                )
            ):
                raise MalformedDataError(
                    "completion_tokens_details.reasoning_tokens",
                    "integer",
                    completion_tokens_details__reasoning_tokens,
                )
            if (
                _drift is not None
                and not completion_tokens_details.keys()
                <= _KEYS_CompletionTokensDetails
            ):
                for _key, _value in completion_tokens_details.items():
                    if _key not in _KEYS_CompletionTokensDetails:
                        _drift(_path + "completion_tokens_details." + _key, _value)

            completion_tokens_details__object = _new(CompletionTokensDetails)
            completion_tokens_details__object._given = completion_tokens_details
            completion_tokens_details = completion_tokens_details__object
        prompt_tokens_details = src_dict.get("prompt_tokens_details")
        if prompt_tokens_details is not None:
            if prompt_tokens_details.__class__ is not dict and not isinstance(
                prompt_tokens_details, Mapping
            ):
                raise MalformedDataError(
                    "prompt_tokens_details", "object or null", prompt_tokens_details
                )
            prompt_tokens_details__cached_tokens = prompt_tokens_details.get(
                "cached_tokens"
            )
            if not (
                prompt_tokens_details__cached_tokens.__class__ is int
                or (
                    prompt_tokens_details__cached_tokens is None
                    and "cached_tokens" not in prompt_tokens_details
                )
                or (
                    isinstance(prompt_tokens_details__cached_tokens, int)
                    and not isinstance(prompt_tokens_details__cached_tokens, bool)
                )
            ):
                raise MalformedDataError(
                    "prompt_tokens_details.cached_tokens",
                    "integer",
                    prompt_tokens_details__cached_tokens,
                )
            if (
                _drift is not None
                and not prompt_tokens_details.keys() <= _KEYS_PromptTokensDetails
            ):
                for _key, _value in prompt_tokens_details.items():
                    if _key not in _KEYS_PromptTokensDetails:
                        _drift(_path + "prompt_tokens_details." + _key, _value)

            prompt_tokens_details__object = _new(PromptTokensDetails)
            prompt_tokens_details__object._given = prompt_tokens_details
            prompt_tokens_details = prompt_tokens_details__object
        prompt_cache_hit_tokens = src_dict.get("prompt_cache_hit_tokens")
        if not (
            prompt_cache_hit_tokens.__class__ is int
            or (
                prompt_cache_hit_tokens is None
                and "prompt_cache_hit_tokens" not in src_dict
            )
            or (
                isinstance(prompt_cache_hit_tokens, int)
                and not isinstance(prompt_cache_hit_tokens, bool)
            )
        ):
            raise MalformedDataError(
                "prompt_cache_hit_tokens", "integer", prompt_cache_hit_tokens
            )
        prompt_cache_miss_tokens = src_dict.get("prompt_cache_miss_tokens")
        if not (
            prompt_cache_miss_tokens.__class__ is int
            or (
                prompt_cache_miss_tokens is None
                and "prompt_cache_miss_tokens" not in src_dict
            )
            or (
                isinstance(prompt_cache_miss_tokens, int)
                and not isinstance(prompt_cache_miss_tokens, bool)
            )
        ):
            raise MalformedDataError(
                "prompt_cache_miss_tokens", "integer", prompt_cache_miss_tokens
            )
        if cls is not Usage:  # a subclass: its own __init__ runs
            _object = cls(
                prompt_tokens,
                completion_tokens,
                total_tokens,
                completion_tokens_details,
                prompt_tokens_details,
                prompt_cache_hit_tokens,
                prompt_cache_miss_tokens,
            )
            _object._given = src_dict
            if not src_dict.keys() <= _KEYS_Usage:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_Usage
                }
                if _drift is not None:
                    for _key, _value in _object.additional_properties.items():
                        _drift(_path + _key, _value)

            return _object
        _object = _new(cls)
        _object.prompt_tokens = prompt_tokens
        _object.completion_tokens = completion_tokens
        _object.total_tokens = total_tokens
        _object.completion_tokens_details = completion_tokens_details
        _object.prompt_tokens_details = prompt_tokens_details
        _object.prompt_cache_hit_tokens = prompt_cache_hit_tokens
        _object.prompt_cache_miss_tokens = prompt_cache_miss_tokens
        _object._given = src_dict
        if src_dict.keys() <= _KEYS_Usage:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_Usage
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


_MEMBERS_Usage: dict[str, Any] = {
    _name: Usage.__dict__[_name]
    for _name in (
        "prompt_tokens",
        "completion_tokens",
        "total_tokens",
        "completion_tokens_details",
        "prompt_tokens_details",
        "prompt_cache_hit_tokens",
        "prompt_cache_miss_tokens",
        "additional_properties",
    )
}

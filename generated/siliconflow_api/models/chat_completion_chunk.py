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

from ..models.chunk_choice import ChunkChoice
from ..models.chunk_delta import ChunkDelta
from ..models.function_call_delta import FunctionCallDelta
from ..models.tool_call_delta import ToolCallDelta
from ..models.usage import Usage

_KEYS_ChatCompletionChunk: frozenset[str] = frozenset(
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
_KEYS_ChunkChoice: frozenset[str] = frozenset(
    (
        "index",
        "delta",
        "finish_reason",
    )
)
_KEYS_ChunkDelta: frozenset[str] = frozenset(
    (
        "role",
        "content",
        "reasoning_content",
        "tool_calls",
    )
)
_KEYS_ToolCallDelta: frozenset[str] = frozenset(
    (
        "index",
        "id",
        "type",
        "function",
    )
)
_KEYS_FunctionCallDelta: frozenset[str] = frozenset(
    (
        "name",
        "arguments",
    )
)
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


T = TypeVar("T", bound="ChatCompletionChunk")


# attrs with its __init__, __repr__ and __eq__ off: they are written here, so importing a model
# compiles only the small `__attrs_init__` attrs always adds, not those three methods.
@_attrs_define(init=False, repr=False, eq=False)
class ChatCompletionChunk(BaseModel):
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

    usage: None | Usage

    system_fingerprint: None | str

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _given: Container[str] = _attrs_field(
        alias="_given", default=None, repr=False, eq=False
    )

    def __init__(
        self,
        id: str,
        object_: str,
        created: int,
        model: str,
        choices: list[ChunkChoice],
        usage: None | Unset | Usage = UNSET,
        system_fingerprint: None | str | Unset = UNSET,
        *,  # never positional: a field added to the spec would move it
        _given: Container[str] | None = None,
    ) -> None:
        # `_given` is for attrs.evolve(), which passes every field: a None the copied object was
        # not given stays absent. UNSET (the default) is "not given", any other value is given.
        given: list[str] = []
        self.id = id
        self.object_ = object_
        self.created = created
        self.model = model
        self.choices = choices
        if isinstance(usage, Unset):
            self.usage = None
        else:
            self.usage = usage
            if usage is not None or _given is None or "usage" in _given:
                given.append("usage")
        if isinstance(system_fingerprint, Unset):
            self.system_fingerprint = None
        else:
            self.system_fingerprint = system_fingerprint
            if (
                system_fingerprint is not None
                or _given is None
                or "system_fingerprint" in _given
            ):
                given.append("system_fingerprint")
        self.additional_properties = {}
        self._given = frozenset(given)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"id={self.id!r}, "
            f"object_={self.object_!r}, "
            f"created={self.created!r}, "
            f"model={self.model!r}, "
            f"choices={self.choices!r}, "
            f"usage={self.usage!r}, "
            f"system_fingerprint={self.system_fingerprint!r}"
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
        assert isinstance(other, ChatCompletionChunk)
        return self.to_dict() == other.to_dict()

    # Hidden from type checkers, which would accept any attribute name of a class with __getattr__.
    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            # An object read lazily (an optional object such as `usage`: its parent's from_dict
            # checked it and left it unbuilt): fill every slot from the JSON it keeps, then answer.
            member = _MEMBERS_ChatCompletionChunk.get(name)
            given = self._given
            if member is None or given.__class__ is frozenset:
                raise AttributeError(
                    f"{type(self).__name__!r} object has no attribute {name!r}"
                )
            full = ChatCompletionChunk.from_dict(given)
            for slot in _MEMBERS_ChatCompletionChunk.values():
                try:
                    slot.__get__(self)
                except AttributeError:  # not yet set (a value set by hand before stays)
                    slot.__set__(self, slot.__get__(full))
            return member.__get__(self)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "id": self.id,
            "object": self.object_,
            "created": self.created,
            "model": self.model,
            "choices": [_item0.to_dict() for _item0 in self.choices],
        }
        if self.usage is None:
            if "usage" in self._given:
                field_dict["usage"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.usage, Unset):
            field_dict["usage"] = (
                self.usage.to_dict() if isinstance(self.usage, Usage) else self.usage
            )
        if self.system_fingerprint is None:
            if "system_fingerprint" in self._given:
                field_dict["system_fingerprint"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.system_fingerprint, Unset):
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
        try:  # a missing field is read again as UNSET, and named by its check
            id = src_dict["id"]
            object_ = src_dict["object"]
            created = src_dict["created"]
            model = src_dict["model"]
            choices = src_dict["choices"]
        except KeyError:
            id = src_dict.get("id", UNSET)
            object_ = src_dict.get("object", UNSET)
            created = src_dict.get("created", UNSET)
            model = src_dict.get("model", UNSET)
            choices = src_dict.get("choices", UNSET)
        if not (id.__class__ is str or isinstance(id, str)):
            raise MalformedDataError("id", "string", id)
        if not (object_ == "chat.completion.chunk"):
            if not (object_.__class__ is str or isinstance(object_, str)):
                raise MalformedDataError("object", "string", object_)
            if _drift is not None:
                _drift(_path + "object=" + str(object_), object_)
        if not (
            created.__class__ is int
            or (isinstance(created, int) and not isinstance(created, bool))
        ):
            raise MalformedDataError("created", "integer", created)
        if not (model.__class__ is str or isinstance(model, str)):
            raise MalformedDataError("model", "string", model)
        if choices.__class__ is not list:
            raise MalformedDataError("choices", "array", choices)
        _list0 = []
        for _item0 in choices:
            if _item0.__class__ is not dict and not isinstance(_item0, Mapping):
                raise MalformedDataError(
                    f"choices[{choices.index(_item0)}]", "object", _item0
                )
            try:  # a missing field is read again as UNSET, and named by its check
                _item0__index = _item0["index"]
                _item0__delta = _item0["delta"]
            except KeyError:
                _item0__index = _item0.get("index", UNSET)
                _item0__delta = _item0.get("delta", UNSET)
            if not (
                _item0__index.__class__ is int
                or (
                    isinstance(_item0__index, int)
                    and not isinstance(_item0__index, bool)
                )
            ):
                raise MalformedDataError(
                    f"choices[{choices.index(_item0)}].index", "integer", _item0__index
                )
            if _item0__delta.__class__ is not dict and not isinstance(
                _item0__delta, Mapping
            ):
                raise MalformedDataError(
                    f"choices[{choices.index(_item0)}].delta", "object", _item0__delta
                )
            _item0__delta__role = _item0__delta.get("role")
            if not (_item0__delta__role is None or _item0__delta__role == "assistant"):
                if not (
                    _item0__delta__role.__class__ is str
                    or _item0__delta__role is None
                    or isinstance(_item0__delta__role, str)
                ):
                    raise MalformedDataError(
                        f"choices[{choices.index(_item0)}].delta.role",
                        "string or null",
                        _item0__delta__role,
                    )
                if _drift is not None:
                    _drift(
                        _path + "choices[].delta.role=" + str(_item0__delta__role),
                        _item0__delta__role,
                    )
            _item0__delta__content = _item0__delta.get("content")
            if not (
                _item0__delta__content.__class__ is str
                or _item0__delta__content is None
                or isinstance(_item0__delta__content, str)
            ):
                raise MalformedDataError(
                    f"choices[{choices.index(_item0)}].delta.content",
                    "string or null",
                    _item0__delta__content,
                )
            _item0__delta__reasoning_content = _item0__delta.get("reasoning_content")
            if not (
                _item0__delta__reasoning_content.__class__ is str
                or _item0__delta__reasoning_content is None
                or isinstance(_item0__delta__reasoning_content, str)
            ):
                raise MalformedDataError(
                    f"choices[{choices.index(_item0)}].delta.reasoning_content",
                    "string or null",
                    _item0__delta__reasoning_content,
                )
            _item0__delta__tool_calls = _item0__delta.get("tool_calls")
            if _item0__delta__tool_calls is not None:
                if _item0__delta__tool_calls.__class__ is not list:
                    raise MalformedDataError(
                        f"choices[{choices.index(_item0)}].delta.tool_calls",
                        "array",
                        _item0__delta__tool_calls,
                    )
                _list1 = []
                for _item1 in _item0__delta__tool_calls:
                    if _item1.__class__ is not dict and not isinstance(_item1, Mapping):
                        raise MalformedDataError(
                            f"choices[{choices.index(_item0)}].delta.tool_calls[{_item0__delta__tool_calls.index(_item1)}]",
                            "object",
                            _item1,
                        )
                    try:  # a missing field is read again as UNSET, and named by its check
                        _item1__index = _item1["index"]
                    except KeyError:
                        _item1__index = _item1.get("index", UNSET)
                    if not (
                        _item1__index.__class__ is int
                        or (
                            isinstance(_item1__index, int)
                            and not isinstance(_item1__index, bool)
                        )
                    ):
                        raise MalformedDataError(
                            f"choices[{choices.index(_item0)}].delta.tool_calls[{_item0__delta__tool_calls.index(_item1)}].index",
                            "integer",
                            _item1__index,
                        )
                    _item1__id = _item1.get("id")
                    if not (
                        _item1__id.__class__ is str
                        or _item1__id is None
                        or isinstance(_item1__id, str)
                    ):
                        raise MalformedDataError(
                            f"choices[{choices.index(_item0)}].delta.tool_calls[{_item0__delta__tool_calls.index(_item1)}].id",
                            "string or null",
                            _item1__id,
                        )
                    _item1__type_ = _item1.get("type")
                    if not (
                        _item1__type_.__class__ is str
                        or _item1__type_ is None
                        or isinstance(_item1__type_, str)
                    ):
                        raise MalformedDataError(
                            f"choices[{choices.index(_item0)}].delta.tool_calls[{_item0__delta__tool_calls.index(_item1)}].type",
                            "string or null",
                            _item1__type_,
                        )
                    _item1__function = _item1.get("function")
                    if _item1__function is not None:
                        if _item1__function.__class__ is not dict and not isinstance(
                            _item1__function, Mapping
                        ):
                            raise MalformedDataError(
                                f"choices[{choices.index(_item0)}].delta.tool_calls[{_item0__delta__tool_calls.index(_item1)}].function",
                                "object",
                                _item1__function,
                            )
                        _item1__function__name = _item1__function.get("name")
                        if not (
                            _item1__function__name.__class__ is str
                            or _item1__function__name is None
                            or isinstance(_item1__function__name, str)
                        ):
                            raise MalformedDataError(
                                f"choices[{choices.index(_item0)}].delta.tool_calls[{_item0__delta__tool_calls.index(_item1)}].function.name",
                                "string or null",
                                _item1__function__name,
                            )
                        _item1__function__arguments = _item1__function.get("arguments")
                        if not (
                            _item1__function__arguments.__class__ is str
                            or _item1__function__arguments is None
                            or isinstance(_item1__function__arguments, str)
                        ):
                            raise MalformedDataError(
                                f"choices[{choices.index(_item0)}].delta.tool_calls[{_item0__delta__tool_calls.index(_item1)}].function.arguments",
                                "string or null",
                                _item1__function__arguments,
                            )
                        _item1__function__object = _new(FunctionCallDelta)
                        _item1__function__object.name = _item1__function__name
                        _item1__function__object.arguments = _item1__function__arguments
                        _item1__function__object._given = _item1__function
                        if _item1__function.keys() <= _KEYS_FunctionCallDelta:
                            _item1__function__object.additional_properties = {}
                        else:
                            _item1__function__object.additional_properties = {
                                _key: _value
                                for _key, _value in _item1__function.items()
                                if _key not in _KEYS_FunctionCallDelta
                            }
                            if _drift is not None:
                                for (
                                    _key,
                                    _value,
                                ) in _item1__function__object.additional_properties.items():
                                    _drift(
                                        _path
                                        + "choices[].delta.tool_calls[].function."
                                        + _key,
                                        _value,
                                    )

                        _item1__function = _item1__function__object

                    elif "function" in _item1:
                        raise MalformedDataError(
                            f"choices[{choices.index(_item0)}].delta.tool_calls[{_item0__delta__tool_calls.index(_item1)}].function",
                            "object",
                            None,
                        )
                    _item1__object = _new(ToolCallDelta)
                    _item1__object.index = _item1__index
                    _item1__object.id = _item1__id
                    _item1__object.type_ = _item1__type_
                    _item1__object.function = _item1__function
                    _item1__object._given = _item1
                    if _item1.keys() <= _KEYS_ToolCallDelta:
                        _item1__object.additional_properties = {}
                    else:
                        _item1__object.additional_properties = {
                            _key: _value
                            for _key, _value in _item1.items()
                            if _key not in _KEYS_ToolCallDelta
                        }
                        if _drift is not None:
                            for (
                                _key,
                                _value,
                            ) in _item1__object.additional_properties.items():
                                _drift(
                                    _path + "choices[].delta.tool_calls[]." + _key,
                                    _value,
                                )

                    _item1 = _item1__object

                    _list1.append(_item1)
                _item0__delta__tool_calls = _list1

            elif "tool_calls" in _item0__delta:
                raise MalformedDataError(
                    f"choices[{choices.index(_item0)}].delta.tool_calls", "array", None
                )
            _item0__delta__object = _new(ChunkDelta)
            _item0__delta__object.role = _item0__delta__role
            _item0__delta__object.content = _item0__delta__content
            _item0__delta__object.reasoning_content = _item0__delta__reasoning_content
            _item0__delta__object.tool_calls = _item0__delta__tool_calls
            _item0__delta__object._given = _item0__delta
            if _item0__delta.keys() <= _KEYS_ChunkDelta:
                _item0__delta__object.additional_properties = {}
            else:
                _item0__delta__object.additional_properties = {
                    _key: _value
                    for _key, _value in _item0__delta.items()
                    if _key not in _KEYS_ChunkDelta
                }
                if _drift is not None:
                    for (
                        _key,
                        _value,
                    ) in _item0__delta__object.additional_properties.items():
                        _drift(_path + "choices[].delta." + _key, _value)

            _item0__delta = _item0__delta__object

            _item0__finish_reason = _item0.get("finish_reason")
            if not (
                _item0__finish_reason is None
                or _item0__finish_reason
                in (
                    "stop",
                    "eos",
                    "length",
                    "tool_calls",
                )
            ):
                if not (
                    _item0__finish_reason.__class__ is str
                    or _item0__finish_reason is None
                    or isinstance(_item0__finish_reason, str)
                ):
                    raise MalformedDataError(
                        f"choices[{choices.index(_item0)}].finish_reason",
                        "string or null",
                        _item0__finish_reason,
                    )
                if _drift is not None:
                    _drift(
                        _path + "choices[].finish_reason=" + str(_item0__finish_reason),
                        _item0__finish_reason,
                    )
            _item0__object = _new(ChunkChoice)
            _item0__object.index = _item0__index
            _item0__object.delta = _item0__delta
            _item0__object.finish_reason = _item0__finish_reason
            _item0__object._given = _item0
            if _item0.keys() <= _KEYS_ChunkChoice:
                _item0__object.additional_properties = {}
            else:
                _item0__object.additional_properties = {
                    _key: _value
                    for _key, _value in _item0.items()
                    if _key not in _KEYS_ChunkChoice
                }
                if _drift is not None:
                    for _key, _value in _item0__object.additional_properties.items():
                        _drift(_path + "choices[]." + _key, _value)

            _item0 = _item0__object

            _list0.append(_item0)
        choices = _list0

        usage = src_dict.get("usage")
        if usage is not None:
            if usage.__class__ is not dict and not isinstance(usage, Mapping):
                raise MalformedDataError("usage", "object or null", usage)
            try:  # a missing field is read again as UNSET, and named by its check
                usage__prompt_tokens = usage["prompt_tokens"]
                usage__completion_tokens = usage["completion_tokens"]
                usage__total_tokens = usage["total_tokens"]
            except KeyError:
                usage__prompt_tokens = usage.get("prompt_tokens", UNSET)
                usage__completion_tokens = usage.get("completion_tokens", UNSET)
                usage__total_tokens = usage.get("total_tokens", UNSET)
            if not (
                usage__prompt_tokens.__class__ is int
                or (
                    isinstance(usage__prompt_tokens, int)
                    and not isinstance(usage__prompt_tokens, bool)
                )
            ):
                raise MalformedDataError(
                    "usage.prompt_tokens", "integer", usage__prompt_tokens
                )
            if not (
                usage__completion_tokens.__class__ is int
                or (
                    isinstance(usage__completion_tokens, int)
                    and not isinstance(usage__completion_tokens, bool)
                )
            ):
                raise MalformedDataError(
                    "usage.completion_tokens", "integer", usage__completion_tokens
                )
            if not (
                usage__total_tokens.__class__ is int
                or (
                    isinstance(usage__total_tokens, int)
                    and not isinstance(usage__total_tokens, bool)
                )
            ):
                raise MalformedDataError(
                    "usage.total_tokens", "integer", usage__total_tokens
                )
            usage__completion_tokens_details = usage.get("completion_tokens_details")
            if usage__completion_tokens_details is not None:
                if (
                    usage__completion_tokens_details.__class__ is not dict
                    and not isinstance(usage__completion_tokens_details, Mapping)
                ):
                    raise MalformedDataError(
                        "usage.completion_tokens_details",
                        "object or null",
                        usage__completion_tokens_details,
                    )
                usage__completion_tokens_details__reasoning_tokens = (
                    usage__completion_tokens_details.get("reasoning_tokens")
                )
                if not (
                    usage__completion_tokens_details__reasoning_tokens.__class__ is int
                    or (
                        usage__completion_tokens_details__reasoning_tokens is None
                        and "reasoning_tokens" not in usage__completion_tokens_details
                    )
                    or (
                        isinstance(
                            usage__completion_tokens_details__reasoning_tokens, int
                        )
                        and not isinstance(
                            usage__completion_tokens_details__reasoning_tokens, bool
                        )
                    )
                ):
                    raise MalformedDataError(
                        "usage.completion_tokens_details.reasoning_tokens",
                        "integer",
                        usage__completion_tokens_details__reasoning_tokens,
                    )
                if (
                    _drift is not None
                    and not usage__completion_tokens_details.keys()
                    <= _KEYS_CompletionTokensDetails
                ):
                    for _key, _value in usage__completion_tokens_details.items():
                        if _key not in _KEYS_CompletionTokensDetails:
                            _drift(
                                _path + "usage.completion_tokens_details." + _key,
                                _value,
                            )

            usage__prompt_tokens_details = usage.get("prompt_tokens_details")
            if usage__prompt_tokens_details is not None:
                if (
                    usage__prompt_tokens_details.__class__ is not dict
                    and not isinstance(usage__prompt_tokens_details, Mapping)
                ):
                    raise MalformedDataError(
                        "usage.prompt_tokens_details",
                        "object or null",
                        usage__prompt_tokens_details,
                    )
                usage__prompt_tokens_details__cached_tokens = (
                    usage__prompt_tokens_details.get("cached_tokens")
                )
                if not (
                    usage__prompt_tokens_details__cached_tokens.__class__ is int
                    or (
                        usage__prompt_tokens_details__cached_tokens is None
                        and "cached_tokens" not in usage__prompt_tokens_details
                    )
                    or (
                        isinstance(usage__prompt_tokens_details__cached_tokens, int)
                        and not isinstance(
                            usage__prompt_tokens_details__cached_tokens, bool
                        )
                    )
                ):
                    raise MalformedDataError(
                        "usage.prompt_tokens_details.cached_tokens",
                        "integer",
                        usage__prompt_tokens_details__cached_tokens,
                    )
                if (
                    _drift is not None
                    and not usage__prompt_tokens_details.keys()
                    <= _KEYS_PromptTokensDetails
                ):
                    for _key, _value in usage__prompt_tokens_details.items():
                        if _key not in _KEYS_PromptTokensDetails:
                            _drift(
                                _path + "usage.prompt_tokens_details." + _key, _value
                            )

            usage__prompt_cache_hit_tokens = usage.get("prompt_cache_hit_tokens")
            if not (
                usage__prompt_cache_hit_tokens.__class__ is int
                or (
                    usage__prompt_cache_hit_tokens is None
                    and "prompt_cache_hit_tokens" not in usage
                )
                or (
                    isinstance(usage__prompt_cache_hit_tokens, int)
                    and not isinstance(usage__prompt_cache_hit_tokens, bool)
                )
            ):
                raise MalformedDataError(
                    "usage.prompt_cache_hit_tokens",
                    "integer",
                    usage__prompt_cache_hit_tokens,
                )
            usage__prompt_cache_miss_tokens = usage.get("prompt_cache_miss_tokens")
            if not (
                usage__prompt_cache_miss_tokens.__class__ is int
                or (
                    usage__prompt_cache_miss_tokens is None
                    and "prompt_cache_miss_tokens" not in usage
                )
                or (
                    isinstance(usage__prompt_cache_miss_tokens, int)
                    and not isinstance(usage__prompt_cache_miss_tokens, bool)
                )
            ):
                raise MalformedDataError(
                    "usage.prompt_cache_miss_tokens",
                    "integer",
                    usage__prompt_cache_miss_tokens,
                )
            if _drift is not None and not usage.keys() <= _KEYS_Usage:
                for _key, _value in usage.items():
                    if _key not in _KEYS_Usage:
                        _drift(_path + "usage." + _key, _value)

            usage__object = _new(Usage)
            usage__object._given = usage
            usage = usage__object
        system_fingerprint = src_dict.get("system_fingerprint")
        if not (
            system_fingerprint.__class__ is str
            or system_fingerprint is None
            or isinstance(system_fingerprint, str)
        ):
            raise MalformedDataError(
                "system_fingerprint", "string or null", system_fingerprint
            )
        if cls is not ChatCompletionChunk:  # a subclass: its own __init__ runs
            _object = cls(
                id,
                object_,
                created,
                model,
                choices,
                usage,
                system_fingerprint,
            )
            _object._given = src_dict
            if not src_dict.keys() <= _KEYS_ChatCompletionChunk:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_ChatCompletionChunk
                }
                if _drift is not None:
                    for _key, _value in _object.additional_properties.items():
                        _drift(_path + _key, _value)

            return _object
        _object = _new(cls)
        _object.id = id
        _object.object_ = object_
        _object.created = created
        _object.model = model
        _object.choices = choices
        _object.usage = usage
        _object.system_fingerprint = system_fingerprint
        _object._given = src_dict
        if src_dict.keys() <= _KEYS_ChatCompletionChunk:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_ChatCompletionChunk
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


_MEMBERS_ChatCompletionChunk: dict[str, Any] = {
    _name: ChatCompletionChunk.__dict__[_name]
    for _name in (
        "id",
        "object_",
        "created",
        "model",
        "choices",
        "usage",
        "system_fingerprint",
        "additional_properties",
    )
}

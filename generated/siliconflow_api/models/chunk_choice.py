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

from ..models.chunk_delta import ChunkDelta
from ..models.function_call_delta import FunctionCallDelta
from ..models.tool_call_delta import ToolCallDelta

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


T = TypeVar("T", bound="ChunkChoice")


# attrs with its __init__, __repr__ and __eq__ off: they are written here, so importing a model
# compiles only the small `__attrs_init__` attrs always adds, not those three methods.
@_attrs_define(init=False, repr=False, eq=False)
class ChunkChoice(BaseModel):
    index: int

    delta: ChunkDelta
    """ What this chunk adds. SiliconFlow sends both `content` and `reasoning_content` on every
    chunk, the one not in use as null; `role` comes on the first chunk (on every chunk for some
    models).
     """

    finish_reason: None | str
    """ Why generation stopped: `stop`, `eos`, `length` (max_tokens or context reached),
    `tool_calls`. An open string: a value added later still parses.
     """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _given: Container[str] = _attrs_field(
        alias="_given", default=None, repr=False, eq=False
    )

    def __init__(
        self,
        index: int,
        delta: ChunkDelta,
        finish_reason: None | str | Unset = UNSET,
        *,  # never positional: a field added to the spec would move it
        _given: Container[str] | None = None,
    ) -> None:
        # `_given` is for attrs.evolve(), which passes every field: a None the copied object was
        # not given stays absent. UNSET (the default) is "not given", any other value is given.
        given: list[str] = []
        self.index = index
        self.delta = delta
        if isinstance(finish_reason, Unset):
            self.finish_reason = None
        else:
            self.finish_reason = finish_reason
            if finish_reason is not None or _given is None or "finish_reason" in _given:
                given.append("finish_reason")
        self.additional_properties = {}
        self._given = frozenset(given)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"index={self.index!r}, "
            f"delta={self.delta!r}, "
            f"finish_reason={self.finish_reason!r}"
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
        assert isinstance(other, ChunkChoice)
        return self.to_dict() == other.to_dict()

    # Hidden from type checkers, which would accept any attribute name of a class with __getattr__.
    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            # An object read lazily (an optional object such as `usage`: its parent's from_dict
            # checked it and left it unbuilt): fill every slot from the JSON it keeps, then answer.
            member = _MEMBERS_ChunkChoice.get(name)
            given = self._given
            if member is None or given.__class__ is frozenset:
                raise AttributeError(
                    f"{type(self).__name__!r} object has no attribute {name!r}"
                )
            full = ChunkChoice.from_dict(given)
            for slot in _MEMBERS_ChunkChoice.values():
                try:
                    slot.__get__(self)
                except AttributeError:  # not yet set (a value set by hand before stays)
                    slot.__set__(self, slot.__get__(full))
            return member.__get__(self)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "index": self.index,
            "delta": self.delta.to_dict(),
        }
        if self.finish_reason is None:
            if "finish_reason" in self._given:
                field_dict["finish_reason"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.finish_reason, Unset):
            field_dict["finish_reason"] = self.finish_reason
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
            index = src_dict["index"]
            delta = src_dict["delta"]
        except KeyError:
            index = src_dict.get("index", UNSET)
            delta = src_dict.get("delta", UNSET)
        if not (
            index.__class__ is int
            or (isinstance(index, int) and not isinstance(index, bool))
        ):
            raise MalformedDataError("index", "integer", index)
        if delta.__class__ is not dict and not isinstance(delta, Mapping):
            raise MalformedDataError("delta", "object", delta)
        delta__role = delta.get("role")
        if not (delta__role is None or delta__role == "assistant"):
            if not (
                delta__role.__class__ is str
                or delta__role is None
                or isinstance(delta__role, str)
            ):
                raise MalformedDataError("delta.role", "string or null", delta__role)
            if _drift is not None:
                _drift(_path + "delta.role=" + str(delta__role), delta__role)
        delta__content = delta.get("content")
        if not (
            delta__content.__class__ is str
            or delta__content is None
            or isinstance(delta__content, str)
        ):
            raise MalformedDataError("delta.content", "string or null", delta__content)
        delta__reasoning_content = delta.get("reasoning_content")
        if not (
            delta__reasoning_content.__class__ is str
            or delta__reasoning_content is None
            or isinstance(delta__reasoning_content, str)
        ):
            raise MalformedDataError(
                "delta.reasoning_content", "string or null", delta__reasoning_content
            )
        delta__tool_calls = delta.get("tool_calls")
        if delta__tool_calls is not None:
            if delta__tool_calls.__class__ is not list:
                raise MalformedDataError("delta.tool_calls", "array", delta__tool_calls)
            _list0 = []
            for _item0 in delta__tool_calls:
                if _item0.__class__ is not dict and not isinstance(_item0, Mapping):
                    raise MalformedDataError(
                        f"delta.tool_calls[{delta__tool_calls.index(_item0)}]",
                        "object",
                        _item0,
                    )
                try:  # a missing field is read again as UNSET, and named by its check
                    _item0__index = _item0["index"]
                except KeyError:
                    _item0__index = _item0.get("index", UNSET)
                if not (
                    _item0__index.__class__ is int
                    or (
                        isinstance(_item0__index, int)
                        and not isinstance(_item0__index, bool)
                    )
                ):
                    raise MalformedDataError(
                        f"delta.tool_calls[{delta__tool_calls.index(_item0)}].index",
                        "integer",
                        _item0__index,
                    )
                _item0__id = _item0.get("id")
                if not (
                    _item0__id.__class__ is str
                    or _item0__id is None
                    or isinstance(_item0__id, str)
                ):
                    raise MalformedDataError(
                        f"delta.tool_calls[{delta__tool_calls.index(_item0)}].id",
                        "string or null",
                        _item0__id,
                    )
                _item0__type_ = _item0.get("type")
                if not (
                    _item0__type_.__class__ is str
                    or _item0__type_ is None
                    or isinstance(_item0__type_, str)
                ):
                    raise MalformedDataError(
                        f"delta.tool_calls[{delta__tool_calls.index(_item0)}].type",
                        "string or null",
                        _item0__type_,
                    )
                _item0__function = _item0.get("function")
                if _item0__function is not None:
                    if _item0__function.__class__ is not dict and not isinstance(
                        _item0__function, Mapping
                    ):
                        raise MalformedDataError(
                            f"delta.tool_calls[{delta__tool_calls.index(_item0)}].function",
                            "object",
                            _item0__function,
                        )
                    _item0__function__name = _item0__function.get("name")
                    if not (
                        _item0__function__name.__class__ is str
                        or _item0__function__name is None
                        or isinstance(_item0__function__name, str)
                    ):
                        raise MalformedDataError(
                            f"delta.tool_calls[{delta__tool_calls.index(_item0)}].function.name",
                            "string or null",
                            _item0__function__name,
                        )
                    _item0__function__arguments = _item0__function.get("arguments")
                    if not (
                        _item0__function__arguments.__class__ is str
                        or _item0__function__arguments is None
                        or isinstance(_item0__function__arguments, str)
                    ):
                        raise MalformedDataError(
                            f"delta.tool_calls[{delta__tool_calls.index(_item0)}].function.arguments",
                            "string or null",
                            _item0__function__arguments,
                        )
                    _item0__function__object = _new(FunctionCallDelta)
                    _item0__function__object.name = _item0__function__name
                    _item0__function__object.arguments = _item0__function__arguments
                    _item0__function__object._given = _item0__function
                    if _item0__function.keys() <= _KEYS_FunctionCallDelta:
                        _item0__function__object.additional_properties = {}
                    else:
                        _item0__function__object.additional_properties = {
                            _key: _value
                            for _key, _value in _item0__function.items()
                            if _key not in _KEYS_FunctionCallDelta
                        }
                        if _drift is not None:
                            for (
                                _key,
                                _value,
                            ) in _item0__function__object.additional_properties.items():
                                _drift(
                                    _path + "delta.tool_calls[].function." + _key,
                                    _value,
                                )

                    _item0__function = _item0__function__object

                elif "function" in _item0:
                    raise MalformedDataError(
                        f"delta.tool_calls[{delta__tool_calls.index(_item0)}].function",
                        "object",
                        None,
                    )
                _item0__object = _new(ToolCallDelta)
                _item0__object.index = _item0__index
                _item0__object.id = _item0__id
                _item0__object.type_ = _item0__type_
                _item0__object.function = _item0__function
                _item0__object._given = _item0
                if _item0.keys() <= _KEYS_ToolCallDelta:
                    _item0__object.additional_properties = {}
                else:
                    _item0__object.additional_properties = {
                        _key: _value
                        for _key, _value in _item0.items()
                        if _key not in _KEYS_ToolCallDelta
                    }
                    if _drift is not None:
                        for (
                            _key,
                            _value,
                        ) in _item0__object.additional_properties.items():
                            _drift(_path + "delta.tool_calls[]." + _key, _value)

                _item0 = _item0__object

                _list0.append(_item0)
            delta__tool_calls = _list0

        elif "tool_calls" in delta:
            raise MalformedDataError("delta.tool_calls", "array", None)
        delta__object = _new(ChunkDelta)
        delta__object.role = delta__role
        delta__object.content = delta__content
        delta__object.reasoning_content = delta__reasoning_content
        delta__object.tool_calls = delta__tool_calls
        delta__object._given = delta
        if delta.keys() <= _KEYS_ChunkDelta:
            delta__object.additional_properties = {}
        else:
            delta__object.additional_properties = {
                _key: _value
                for _key, _value in delta.items()
                if _key not in _KEYS_ChunkDelta
            }
            if _drift is not None:
                for _key, _value in delta__object.additional_properties.items():
                    _drift(_path + "delta." + _key, _value)

        delta = delta__object

        finish_reason = src_dict.get("finish_reason")
        if not (
            finish_reason is None
            or finish_reason
            in (
                "stop",
                "eos",
                "length",
                "tool_calls",
            )
        ):
            if not (
                finish_reason.__class__ is str
                or finish_reason is None
                or isinstance(finish_reason, str)
            ):
                raise MalformedDataError(
                    "finish_reason", "string or null", finish_reason
                )
            if _drift is not None:
                _drift(_path + "finish_reason=" + str(finish_reason), finish_reason)
        if cls is not ChunkChoice:  # a subclass: its own __init__ runs
            _object = cls(
                index,
                delta,
                finish_reason,
            )
            _object._given = src_dict
            if not src_dict.keys() <= _KEYS_ChunkChoice:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_ChunkChoice
                }
                if _drift is not None:
                    for _key, _value in _object.additional_properties.items():
                        _drift(_path + _key, _value)

            return _object
        _object = _new(cls)
        _object.index = index
        _object.delta = delta
        _object.finish_reason = finish_reason
        _object._given = src_dict
        if src_dict.keys() <= _KEYS_ChunkChoice:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_ChunkChoice
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


_MEMBERS_ChunkChoice: dict[str, Any] = {
    _name: ChunkChoice.__dict__[_name]
    for _name in (
        "index",
        "delta",
        "finish_reason",
        "additional_properties",
    )
}

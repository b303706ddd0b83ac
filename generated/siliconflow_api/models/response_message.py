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

from ..models.function_call import FunctionCall
from ..models.tool_call import ToolCall

_KEYS_ResponseMessage: frozenset[str] = frozenset(
    (
        "role",
        "content",
        "reasoning_content",
        "tool_calls",
    )
)
_KEYS_ToolCall: frozenset[str] = frozenset(
    (
        "id",
        "type",
        "function",
    )
)
_KEYS_FunctionCall: frozenset[str] = frozenset(
    (
        "name",
        "arguments",
    )
)


T = TypeVar("T", bound="ResponseMessage")


# attrs with its __init__, __repr__ and __eq__ off: they are written here, so importing a model
# compiles only the small `__attrs_init__` attrs always adds, not those three methods.
@_attrs_define(init=False, repr=False, eq=False)
class ResponseMessage(BaseModel):
    role: str
    """ Always `assistant`. """

    content: None | str
    """ The answer. May be empty or null when the model only calls tools. """

    reasoning_content: None | str
    """ The chain of thought, beside the answer (thinking models only; absent otherwise).
     """

    tool_calls: list[ToolCall] | None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _given: Container[str] = _attrs_field(
        alias="_given", default=None, repr=False, eq=False
    )

    def __init__(
        self,
        role: str,
        content: None | str | Unset = UNSET,
        reasoning_content: None | str | Unset = UNSET,
        tool_calls: list[ToolCall] | Unset = UNSET,
        *,  # never positional: a field added to the spec would move it
        _given: Container[str] | None = None,
    ) -> None:
        # `_given` is for attrs.evolve(), which passes every field: a None the copied object was
        # not given stays absent. UNSET (the default) is "not given", any other value is given.
        given: list[str] = []
        self.role = role
        if isinstance(content, Unset):
            self.content = None
        else:
            self.content = content
            if content is not None or _given is None or "content" in _given:
                given.append("content")
        if isinstance(reasoning_content, Unset):
            self.reasoning_content = None
        else:
            self.reasoning_content = reasoning_content
            if (
                reasoning_content is not None
                or _given is None
                or "reasoning_content" in _given
            ):
                given.append("reasoning_content")
        if isinstance(tool_calls, Unset):
            self.tool_calls = None
        else:
            self.tool_calls = tool_calls
            if tool_calls is not None or _given is None or "tool_calls" in _given:
                given.append("tool_calls")
        self.additional_properties = {}
        self._given = frozenset(given)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"role={self.role!r}, "
            f"content={self.content!r}, "
            f"reasoning_content={self.reasoning_content!r}, "
            f"tool_calls={self.tool_calls!r}"
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
        assert isinstance(other, ResponseMessage)
        return self.to_dict() == other.to_dict()

    # Hidden from type checkers, which would accept any attribute name of a class with __getattr__.
    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            # An object read lazily (an optional object such as `usage`: its parent's from_dict
            # checked it and left it unbuilt): fill every slot from the JSON it keeps, then answer.
            member = _MEMBERS_ResponseMessage.get(name)
            given = self._given
            if member is None or given.__class__ is frozenset:
                raise AttributeError(
                    f"{type(self).__name__!r} object has no attribute {name!r}"
                )
            full = ResponseMessage.from_dict(given)
            for slot in _MEMBERS_ResponseMessage.values():
                try:
                    slot.__get__(self)
                except AttributeError:  # not yet set (a value set by hand before stays)
                    slot.__set__(self, slot.__get__(full))
            return member.__get__(self)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "role": self.role,
        }
        if self.content is None:
            if "content" in self._given:
                field_dict["content"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.content, Unset):
            field_dict["content"] = self.content
        if self.reasoning_content is None:
            if "reasoning_content" in self._given:
                field_dict["reasoning_content"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.reasoning_content, Unset):
            field_dict["reasoning_content"] = self.reasoning_content
        if self.tool_calls is None:
            if "tool_calls" in self._given:
                field_dict["tool_calls"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.tool_calls, Unset):
            field_dict["tool_calls"] = [_item0.to_dict() for _item0 in self.tool_calls]
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
            role = src_dict["role"]
        except KeyError:
            role = src_dict.get("role", UNSET)
        if not (role == "assistant"):
            if not (role.__class__ is str or isinstance(role, str)):
                raise MalformedDataError("role", "string", role)
            if _drift is not None:
                _drift(_path + "role=" + str(role), role)
        content = src_dict.get("content")
        if not (
            content.__class__ is str or content is None or isinstance(content, str)
        ):
            raise MalformedDataError("content", "string or null", content)
        reasoning_content = src_dict.get("reasoning_content")
        if not (
            reasoning_content.__class__ is str
            or reasoning_content is None
            or isinstance(reasoning_content, str)
        ):
            raise MalformedDataError(
                "reasoning_content", "string or null", reasoning_content
            )
        tool_calls = src_dict.get("tool_calls")
        if tool_calls is not None:
            if tool_calls.__class__ is not list:
                raise MalformedDataError("tool_calls", "array", tool_calls)
            _list0 = []
            for _item0 in tool_calls:
                if _item0.__class__ is not dict and not isinstance(_item0, Mapping):
                    raise MalformedDataError(
                        f"tool_calls[{tool_calls.index(_item0)}]", "object", _item0
                    )
                try:  # a missing field is read again as UNSET, and named by its check
                    _item0__id = _item0["id"]
                    _item0__type_ = _item0["type"]
                    _item0__function = _item0["function"]
                except KeyError:
                    _item0__id = _item0.get("id", UNSET)
                    _item0__type_ = _item0.get("type", UNSET)
                    _item0__function = _item0.get("function", UNSET)
                if not (_item0__id.__class__ is str or isinstance(_item0__id, str)):
                    raise MalformedDataError(
                        f"tool_calls[{tool_calls.index(_item0)}].id",
                        "string",
                        _item0__id,
                    )
                if not (_item0__type_ == "function"):
                    if not (
                        _item0__type_.__class__ is str or isinstance(_item0__type_, str)
                    ):
                        raise MalformedDataError(
                            f"tool_calls[{tool_calls.index(_item0)}].type",
                            "string",
                            _item0__type_,
                        )
                    if _drift is not None:
                        _drift(
                            _path + "tool_calls[].type=" + str(_item0__type_),
                            _item0__type_,
                        )
                if _item0__function.__class__ is not dict and not isinstance(
                    _item0__function, Mapping
                ):
                    raise MalformedDataError(
                        f"tool_calls[{tool_calls.index(_item0)}].function",
                        "object",
                        _item0__function,
                    )
                try:  # a missing field is read again as UNSET, and named by its check
                    _item0__function__name = _item0__function["name"]
                    _item0__function__arguments = _item0__function["arguments"]
                except KeyError:
                    _item0__function__name = _item0__function.get("name", UNSET)
                    _item0__function__arguments = _item0__function.get(
                        "arguments", UNSET
                    )
                if not (
                    _item0__function__name.__class__ is str
                    or isinstance(_item0__function__name, str)
                ):
                    raise MalformedDataError(
                        f"tool_calls[{tool_calls.index(_item0)}].function.name",
                        "string",
                        _item0__function__name,
                    )
                if not (
                    _item0__function__arguments.__class__ is str
                    or isinstance(_item0__function__arguments, str)
                ):
                    raise MalformedDataError(
                        f"tool_calls[{tool_calls.index(_item0)}].function.arguments",
                        "string",
                        _item0__function__arguments,
                    )
                _item0__function__object = _new(FunctionCall)
                _item0__function__object.name = _item0__function__name
                _item0__function__object.arguments = _item0__function__arguments
                _item0__function__object._given = _item0__function
                if _item0__function.keys() <= _KEYS_FunctionCall:
                    _item0__function__object.additional_properties = {}
                else:
                    _item0__function__object.additional_properties = {
                        _key: _value
                        for _key, _value in _item0__function.items()
                        if _key not in _KEYS_FunctionCall
                    }
                    if _drift is not None:
                        for (
                            _key,
                            _value,
                        ) in _item0__function__object.additional_properties.items():
                            _drift(_path + "tool_calls[].function." + _key, _value)

                _item0__function = _item0__function__object

                _item0__object = _new(ToolCall)
                _item0__object.id = _item0__id
                _item0__object.type_ = _item0__type_
                _item0__object.function = _item0__function
                _item0__object._given = _item0
                if _item0.keys() <= _KEYS_ToolCall:
                    _item0__object.additional_properties = {}
                else:
                    _item0__object.additional_properties = {
                        _key: _value
                        for _key, _value in _item0.items()
                        if _key not in _KEYS_ToolCall
                    }
                    if _drift is not None:
                        for (
                            _key,
                            _value,
                        ) in _item0__object.additional_properties.items():
                            _drift(_path + "tool_calls[]." + _key, _value)

                _item0 = _item0__object

                _list0.append(_item0)
            tool_calls = _list0

        elif "tool_calls" in src_dict:
            raise MalformedDataError("tool_calls", "array", None)
        if cls is not ResponseMessage:  # a subclass: its own __init__ runs
            _object = cls(
                role,
                content,
                reasoning_content,
                tool_calls,
            )
            _object._given = src_dict
            if not src_dict.keys() <= _KEYS_ResponseMessage:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_ResponseMessage
                }
                if _drift is not None:
                    for _key, _value in _object.additional_properties.items():
                        _drift(_path + _key, _value)

            return _object
        _object = _new(cls)
        _object.role = role
        _object.content = content
        _object.reasoning_content = reasoning_content
        _object.tool_calls = tool_calls
        _object._given = src_dict
        if src_dict.keys() <= _KEYS_ResponseMessage:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_ResponseMessage
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


_MEMBERS_ResponseMessage: dict[str, Any] = {
    _name: ResponseMessage.__dict__[_name]
    for _name in (
        "role",
        "content",
        "reasoning_content",
        "tool_calls",
        "additional_properties",
    )
}

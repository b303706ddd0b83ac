from __future__ import annotations

from collections.abc import Callable, Container, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MalformedDataError
from ..types import UNSET, BaseModel

_new = object.__new__
_NOTHING_GIVEN: frozenset[str] = frozenset()

from typing import Self

from ..models.function_call import FunctionCall
from ..models.response_message import ResponseMessage
from ..models.tool_call import ToolCall

_KEYS_Choice: frozenset[str] = frozenset(
    (
        "index",
        "message",
        "finish_reason",
    )
)
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


T = TypeVar("T", bound="Choice")


# attrs with its __init__, __repr__ and __eq__ off: they are written here, so importing a model
# compiles only the small `__attrs_init__` attrs always adds, not those three methods.
@_attrs_define(init=False, repr=False, eq=False)
class Choice(BaseModel):
    index: int

    message: ResponseMessage

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
        message: ResponseMessage,
        finish_reason: None | str,
        *,  # never positional: a field added to the spec would move it
        _given: Container[str] | None = None,
    ) -> None:
        # `_given` is for attrs.evolve(), which passes every field: a None the copied object was
        # not given stays absent. UNSET (the default) is "not given", any other value is given.
        self.index = index
        self.message = message
        self.finish_reason = finish_reason
        self.additional_properties = {}
        self._given = _NOTHING_GIVEN

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"index={self.index!r}, "
            f"message={self.message!r}, "
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
        assert isinstance(other, Choice)
        return self.to_dict() == other.to_dict()

    # Hidden from type checkers, which would accept any attribute name of a class with __getattr__.
    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            # An object read lazily (an optional object such as `usage`: its parent's from_dict
            # checked it and left it unbuilt): fill every slot from the JSON it keeps, then answer.
            member = _MEMBERS_Choice.get(name)
            given = self._given
            if member is None or given.__class__ is frozenset:
                raise AttributeError(
                    f"{type(self).__name__!r} object has no attribute {name!r}"
                )
            full = Choice.from_dict(given)
            for slot in _MEMBERS_Choice.values():
                try:
                    slot.__get__(self)
                except AttributeError:  # not yet set (a value set by hand before stays)
                    slot.__set__(self, slot.__get__(full))
            return member.__get__(self)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "index": self.index,
            "message": self.message.to_dict(),
            "finish_reason": self.finish_reason,
        }
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
            message = src_dict["message"]
            finish_reason = src_dict["finish_reason"]
        except KeyError:
            index = src_dict.get("index", UNSET)
            message = src_dict.get("message", UNSET)
            finish_reason = src_dict.get("finish_reason", UNSET)
        if not (
            index.__class__ is int
            or (isinstance(index, int) and not isinstance(index, bool))
        ):
            raise MalformedDataError("index", "integer", index)
        if message.__class__ is not dict and not isinstance(message, Mapping):
            raise MalformedDataError("message", "object", message)
        try:  # a missing field is read again as UNSET, and named by its check
            message__role = message["role"]
        except KeyError:
            message__role = message.get("role", UNSET)
        if not (message__role == "assistant"):
            if not (message__role.__class__ is str or isinstance(message__role, str)):
                raise MalformedDataError("message.role", "string", message__role)
            if _drift is not None:
                _drift(_path + "message.role=" + str(message__role), message__role)
        message__content = message.get("content")
        if not (
            message__content.__class__ is str
            or message__content is None
            or isinstance(message__content, str)
        ):
            raise MalformedDataError(
                "message.content", "string or null", message__content
            )
        message__reasoning_content = message.get("reasoning_content")
        if not (
            message__reasoning_content.__class__ is str
            or message__reasoning_content is None
            or isinstance(message__reasoning_content, str)
        ):
            raise MalformedDataError(
                "message.reasoning_content",
                "string or null",
                message__reasoning_content,
            )
        message__tool_calls = message.get("tool_calls")
        if message__tool_calls is not None:
            if message__tool_calls.__class__ is not list:
                raise MalformedDataError(
                    "message.tool_calls", "array", message__tool_calls
                )
            _list0 = []
            for _item0 in message__tool_calls:
                if _item0.__class__ is not dict and not isinstance(_item0, Mapping):
                    raise MalformedDataError(
                        f"message.tool_calls[{message__tool_calls.index(_item0)}]",
                        "object",
                        _item0,
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
                        f"message.tool_calls[{message__tool_calls.index(_item0)}].id",
                        "string",
                        _item0__id,
                    )
                if not (_item0__type_ == "function"):
                    if not (
                        _item0__type_.__class__ is str or isinstance(_item0__type_, str)
                    ):
                        raise MalformedDataError(
                            f"message.tool_calls[{message__tool_calls.index(_item0)}].type",
                            "string",
                            _item0__type_,
                        )
                    if _drift is not None:
                        _drift(
                            _path + "message.tool_calls[].type=" + str(_item0__type_),
                            _item0__type_,
                        )
                if _item0__function.__class__ is not dict and not isinstance(
                    _item0__function, Mapping
                ):
                    raise MalformedDataError(
                        f"message.tool_calls[{message__tool_calls.index(_item0)}].function",
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
                        f"message.tool_calls[{message__tool_calls.index(_item0)}].function.name",
                        "string",
                        _item0__function__name,
                    )
                if not (
                    _item0__function__arguments.__class__ is str
                    or isinstance(_item0__function__arguments, str)
                ):
                    raise MalformedDataError(
                        f"message.tool_calls[{message__tool_calls.index(_item0)}].function.arguments",
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
                            _drift(
                                _path + "message.tool_calls[].function." + _key, _value
                            )

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
                            _drift(_path + "message.tool_calls[]." + _key, _value)

                _item0 = _item0__object

                _list0.append(_item0)
            message__tool_calls = _list0

        elif "tool_calls" in message:
            raise MalformedDataError("message.tool_calls", "array", None)
        message__object = _new(ResponseMessage)
        message__object.role = message__role
        message__object.content = message__content
        message__object.reasoning_content = message__reasoning_content
        message__object.tool_calls = message__tool_calls
        message__object._given = message
        if message.keys() <= _KEYS_ResponseMessage:
            message__object.additional_properties = {}
        else:
            message__object.additional_properties = {
                _key: _value
                for _key, _value in message.items()
                if _key not in _KEYS_ResponseMessage
            }
            if _drift is not None:
                for _key, _value in message__object.additional_properties.items():
                    _drift(_path + "message." + _key, _value)

        message = message__object

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
        if cls is not Choice:  # a subclass: its own __init__ runs
            _object = cls(
                index,
                message,
                finish_reason,
            )
            _object._given = src_dict
            if not src_dict.keys() <= _KEYS_Choice:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_Choice
                }
                if _drift is not None:
                    for _key, _value in _object.additional_properties.items():
                        _drift(_path + _key, _value)

            return _object
        _object = _new(cls)
        _object.index = index
        _object.message = message
        _object.finish_reason = finish_reason
        _object._given = src_dict
        if src_dict.keys() <= _KEYS_Choice:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_Choice
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


_MEMBERS_Choice: dict[str, Any] = {
    _name: Choice.__dict__[_name]
    for _name in (
        "index",
        "message",
        "finish_reason",
        "additional_properties",
    )
}

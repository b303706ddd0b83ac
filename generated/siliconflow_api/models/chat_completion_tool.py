from __future__ import annotations

from collections.abc import Callable, Container, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MalformedDataError
from ..types import UNSET, BaseModel

_new = object.__new__
_NOTHING_GIVEN: frozenset[str] = frozenset()

from typing import Literal, Self

from ..models.function_definition import FunctionDefinition
from ..models.function_definition_parameters import FunctionDefinitionParameters

_KEYS_ChatCompletionTool: frozenset[str] = frozenset(
    (
        "type",
        "function",
    )
)
_KEYS_FunctionDefinition: frozenset[str] = frozenset(
    (
        "name",
        "description",
        "parameters",
        "strict",
    )
)
_KEYS_FunctionDefinitionParameters: frozenset[str] = frozenset(())


T = TypeVar("T", bound="ChatCompletionTool")


# attrs with its __init__, __repr__ and __eq__ off: they are written here, so importing a model
# compiles only the small `__attrs_init__` attrs always adds, not those three methods.
@_attrs_define(init=False, repr=False, eq=False)
class ChatCompletionTool(BaseModel):
    """A function the model may call (openai-python's `ChatCompletionTool`)."""

    type_: Literal["function"]

    function: FunctionDefinition

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _given: Container[str] = _attrs_field(
        alias="_given", default=None, repr=False, eq=False
    )

    def __init__(
        self,
        type_: Literal["function"],
        function: FunctionDefinition,
        *,  # never positional: a field added to the spec would move it
        _given: Container[str] | None = None,
    ) -> None:
        # `_given` is for attrs.evolve(), which passes every field: a None the copied object was
        # not given stays absent. UNSET (the default) is "not given", any other value is given.
        self.type_ = type_
        self.function = function
        self.additional_properties = {}
        self._given = _NOTHING_GIVEN

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"type_={self.type_!r}, "
            f"function={self.function!r}"
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
        assert isinstance(other, ChatCompletionTool)
        return self.to_dict() == other.to_dict()

    # Hidden from type checkers, which would accept any attribute name of a class with __getattr__.
    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            # An object read lazily (an optional object such as `usage`: its parent's from_dict
            # checked it and left it unbuilt): fill every slot from the JSON it keeps, then answer.
            member = _MEMBERS_ChatCompletionTool.get(name)
            given = self._given
            if member is None or given.__class__ is frozenset:
                raise AttributeError(
                    f"{type(self).__name__!r} object has no attribute {name!r}"
                )
            full = ChatCompletionTool.from_dict(given)
            for slot in _MEMBERS_ChatCompletionTool.values():
                try:
                    slot.__get__(self)
                except AttributeError:  # not yet set (a value set by hand before stays)
                    slot.__set__(self, slot.__get__(full))
            return member.__get__(self)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "type": self.type_,
            "function": self.function.to_dict(),
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
            type_ = src_dict["type"]
            function = src_dict["function"]
        except KeyError:
            type_ = src_dict.get("type", UNSET)
            function = src_dict.get("function", UNSET)
        if not (type_ == "function"):
            raise MalformedDataError("type", "'function'", type_)
        if function.__class__ is not dict and not isinstance(function, Mapping):
            raise MalformedDataError("function", "object", function)
        try:  # a missing field is read again as UNSET, and named by its check
            function__name = function["name"]
        except KeyError:
            function__name = function.get("name", UNSET)
        if not (function__name.__class__ is str or isinstance(function__name, str)):
            raise MalformedDataError("function.name", "string", function__name)
        function__description = function.get("description")
        if not (
            function__description.__class__ is str
            or (function__description is None and "description" not in function)
            or isinstance(function__description, str)
        ):
            raise MalformedDataError(
                "function.description", "string", function__description
            )
        function__parameters = function.get("parameters")
        if function__parameters is not None:
            if function__parameters.__class__ is not dict and not isinstance(
                function__parameters, Mapping
            ):
                raise MalformedDataError(
                    "function.parameters", "object", function__parameters
                )
            function__parameters__object = _new(FunctionDefinitionParameters)
            function__parameters__object._given = function__parameters
            if function__parameters.keys() <= _KEYS_FunctionDefinitionParameters:
                function__parameters__object.additional_properties = {}
            else:
                function__parameters__object.additional_properties = {
                    _key: _value
                    for _key, _value in function__parameters.items()
                    if _key not in _KEYS_FunctionDefinitionParameters
                }
                if _drift is not None:
                    for (
                        _key,
                        _value,
                    ) in function__parameters__object.additional_properties.items():
                        _drift(_path + "function.parameters." + _key, _value)

            function__parameters = function__parameters__object

        elif "parameters" in function:
            raise MalformedDataError("function.parameters", "object", None)
        function__strict = function.get("strict")
        if not (function__strict.__class__ is bool or function__strict is None):
            raise MalformedDataError(
                "function.strict", "boolean or null", function__strict
            )
        function__object = _new(FunctionDefinition)
        function__object.name = function__name
        function__object.description = function__description
        function__object.parameters = function__parameters
        function__object.strict = function__strict
        function__object._given = function
        if function.keys() <= _KEYS_FunctionDefinition:
            function__object.additional_properties = {}
        else:
            function__object.additional_properties = {
                _key: _value
                for _key, _value in function.items()
                if _key not in _KEYS_FunctionDefinition
            }
            if _drift is not None:
                for _key, _value in function__object.additional_properties.items():
                    _drift(_path + "function." + _key, _value)

        function = function__object

        if cls is not ChatCompletionTool:  # a subclass: its own __init__ runs
            _object = cls(
                type_,
                function,
            )
            _object._given = src_dict
            if not src_dict.keys() <= _KEYS_ChatCompletionTool:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_ChatCompletionTool
                }
                if _drift is not None:
                    for _key, _value in _object.additional_properties.items():
                        _drift(_path + _key, _value)

            return _object
        _object = _new(cls)
        _object.type_ = type_
        _object.function = function
        _object._given = src_dict
        if src_dict.keys() <= _KEYS_ChatCompletionTool:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_ChatCompletionTool
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


_MEMBERS_ChatCompletionTool: dict[str, Any] = {
    _name: ChatCompletionTool.__dict__[_name]
    for _name in (
        "type_",
        "function",
        "additional_properties",
    )
}

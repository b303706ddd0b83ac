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

from ..models.batch_create_request_endpoint import (
    BatchCreateRequestEndpoint,
)
from ..models.batch_create_request_metadata import BatchCreateRequestMetadata
from ..models.batch_replace import BatchReplace

_KEYS_BatchCreateRequest: frozenset[str] = frozenset(
    (
        "input_file_id",
        "endpoint",
        "completion_window",
        "metadata",
        "replace",
    )
)
_KEYS_BatchCreateRequestMetadata: frozenset[str] = frozenset(())
_KEYS_BatchReplace: frozenset[str] = frozenset(("model",))


T = TypeVar("T", bound="BatchCreateRequest")


# attrs with its __init__, __repr__ and __eq__ off: they are written here, so importing a model
# compiles only the small `__attrs_init__` attrs always adds, not those three methods.
@_attrs_define(init=False, repr=False, eq=False)
class BatchCreateRequest(BaseModel):
    input_file_id: str

    endpoint: BatchCreateRequestEndpoint

    completion_window: str
    """ Hours to complete in, `24h` to `336h`. """

    metadata: BatchCreateRequestMetadata | None

    replace: BatchReplace | None
    """ Overrides applied to every line, for example `{"model": ...}`. """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _given: Container[str] = _attrs_field(
        alias="_given", default=None, repr=False, eq=False
    )

    def __init__(
        self,
        input_file_id: str,
        endpoint: BatchCreateRequestEndpoint,
        completion_window: str,
        metadata: BatchCreateRequestMetadata | Unset = UNSET,
        replace: BatchReplace | Unset = UNSET,
        *,  # never positional: a field added to the spec would move it
        _given: Container[str] | None = None,
    ) -> None:
        # `_given` is for attrs.evolve(), which passes every field: a None the copied object was
        # not given stays absent. UNSET (the default) is "not given", any other value is given.
        given: list[str] = []
        self.input_file_id = input_file_id
        self.endpoint = endpoint
        self.completion_window = completion_window
        if isinstance(metadata, Unset):
            self.metadata = None
        else:
            self.metadata = metadata
            if metadata is not None or _given is None or "metadata" in _given:
                given.append("metadata")
        if isinstance(replace, Unset):
            self.replace = None
        else:
            self.replace = replace
            if replace is not None or _given is None or "replace" in _given:
                given.append("replace")
        self.additional_properties = {}
        self._given = frozenset(given)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"input_file_id={self.input_file_id!r}, "
            f"endpoint={self.endpoint!r}, "
            f"completion_window={self.completion_window!r}, "
            f"metadata={self.metadata!r}, "
            f"replace={self.replace!r}"
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
        assert isinstance(other, BatchCreateRequest)
        return self.to_dict() == other.to_dict()

    # Hidden from type checkers, which would accept any attribute name of a class with __getattr__.
    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            # An object read lazily (an optional object such as `usage`: its parent's from_dict
            # checked it and left it unbuilt): fill every slot from the JSON it keeps, then answer.
            member = _MEMBERS_BatchCreateRequest.get(name)
            given = self._given
            if member is None or given.__class__ is frozenset:
                raise AttributeError(
                    f"{type(self).__name__!r} object has no attribute {name!r}"
                )
            full = BatchCreateRequest.from_dict(given)
            for slot in _MEMBERS_BatchCreateRequest.values():
                try:
                    slot.__get__(self)
                except AttributeError:  # not yet set (a value set by hand before stays)
                    slot.__set__(self, slot.__get__(full))
            return member.__get__(self)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "input_file_id": self.input_file_id,
            "endpoint": self.endpoint,
            "completion_window": self.completion_window,
        }
        if self.metadata is None:
            if "metadata" in self._given:
                field_dict["metadata"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.metadata, Unset):
            field_dict["metadata"] = self.metadata.to_dict()
        if self.replace is None:
            if "replace" in self._given:
                field_dict["replace"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.replace, Unset):
            field_dict["replace"] = self.replace.to_dict()
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
            input_file_id = src_dict["input_file_id"]
            endpoint = src_dict["endpoint"]
            completion_window = src_dict["completion_window"]
        except KeyError:
            input_file_id = src_dict.get("input_file_id", UNSET)
            endpoint = src_dict.get("endpoint", UNSET)
            completion_window = src_dict.get("completion_window", UNSET)
        if not (input_file_id.__class__ is str or isinstance(input_file_id, str)):
            raise MalformedDataError("input_file_id", "string", input_file_id)
        if not (endpoint in ("/v1/chat/completions",)):
            raise MalformedDataError(
                "endpoint", "one of '/v1/chat/completions'", endpoint
            )
        if not (
            completion_window.__class__ is str or isinstance(completion_window, str)
        ):
            raise MalformedDataError("completion_window", "string", completion_window)
        metadata = src_dict.get("metadata")
        if metadata is not None:
            if metadata.__class__ is not dict and not isinstance(metadata, Mapping):
                raise MalformedDataError("metadata", "object", metadata)
            metadata__object = _new(BatchCreateRequestMetadata)
            metadata__object._given = metadata
            if metadata.keys() <= _KEYS_BatchCreateRequestMetadata:
                metadata__object.additional_properties = {}
            else:
                metadata__object.additional_properties = {
                    _key: _value
                    for _key, _value in metadata.items()
                    if _key not in _KEYS_BatchCreateRequestMetadata
                }
                if _drift is not None:
                    for _key, _value in metadata__object.additional_properties.items():
                        _drift(_path + "metadata." + _key, _value)

            metadata = metadata__object

        elif "metadata" in src_dict:
            raise MalformedDataError("metadata", "object", None)
        replace = src_dict.get("replace")
        if replace is not None:
            if replace.__class__ is not dict and not isinstance(replace, Mapping):
                raise MalformedDataError("replace", "object", replace)
            replace__model = replace.get("model")
            if not (
                replace__model.__class__ is str
                or (replace__model is None and "model" not in replace)
                or isinstance(replace__model, str)
            ):
                raise MalformedDataError("replace.model", "string", replace__model)
            replace__object = _new(BatchReplace)
            replace__object.model = replace__model
            replace__object._given = replace
            if replace.keys() <= _KEYS_BatchReplace:
                replace__object.additional_properties = {}
            else:
                replace__object.additional_properties = {
                    _key: _value
                    for _key, _value in replace.items()
                    if _key not in _KEYS_BatchReplace
                }
                if _drift is not None:
                    for _key, _value in replace__object.additional_properties.items():
                        _drift(_path + "replace." + _key, _value)

            replace = replace__object

        elif "replace" in src_dict:
            raise MalformedDataError("replace", "object", None)
        if cls is not BatchCreateRequest:  # a subclass: its own __init__ runs
            _object = cls(
                input_file_id,
                endpoint,
                completion_window,
                metadata,
                replace,
            )
            _object._given = src_dict
            if not src_dict.keys() <= _KEYS_BatchCreateRequest:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_BatchCreateRequest
                }
                if _drift is not None:
                    for _key, _value in _object.additional_properties.items():
                        _drift(_path + _key, _value)

            return _object
        _object = _new(cls)
        _object.input_file_id = input_file_id
        _object.endpoint = endpoint
        _object.completion_window = completion_window
        _object.metadata = metadata
        _object.replace = replace
        _object._given = src_dict
        if src_dict.keys() <= _KEYS_BatchCreateRequest:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_BatchCreateRequest
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


_MEMBERS_BatchCreateRequest: dict[str, Any] = {
    _name: BatchCreateRequest.__dict__[_name]
    for _name in (
        "input_file_id",
        "endpoint",
        "completion_window",
        "metadata",
        "replace",
        "additional_properties",
    )
}

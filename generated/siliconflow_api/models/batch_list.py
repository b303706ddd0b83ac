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

from ..models.batch import Batch
from ..models.batch_metadata_type_0 import BatchMetadataType0
from ..models.batch_request_counts import BatchRequestCounts

_KEYS_BatchList: frozenset[str] = frozenset(
    (
        "data",
        "object",
        "first_id",
        "last_id",
        "has_more",
    )
)
_KEYS_Batch: frozenset[str] = frozenset(
    (
        "id",
        "status",
        "object",
        "endpoint",
        "errors",
        "input_file_id",
        "completion_window",
        "output_file_id",
        "error_file_id",
        "created_at",
        "in_progress_at",
        "expires_at",
        "finalizing_at",
        "completed_at",
        "failed_at",
        "expired_at",
        "cancelling_at",
        "cancelled_at",
        "request_counts",
        "metadata",
    )
)
_KEYS_BatchRequestCounts: frozenset[str] = frozenset(
    (
        "total",
        "completed",
        "failed",
    )
)
_KEYS_BatchMetadataType0: frozenset[str] = frozenset(())


T = TypeVar("T", bound="BatchList")


# attrs with its __init__, __repr__ and __eq__ off: they are written here, so importing a model
# compiles only the small `__attrs_init__` attrs always adds, not those three methods.
@_attrs_define(init=False, repr=False, eq=False)
class BatchList(BaseModel):
    data: list[Batch]

    object_: str | None

    first_id: None | str

    last_id: None | str

    has_more: bool | None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _given: Container[str] = _attrs_field(
        alias="_given", default=None, repr=False, eq=False
    )

    def __init__(
        self,
        data: list[Batch],
        object_: str | Unset = UNSET,
        first_id: None | str | Unset = UNSET,
        last_id: None | str | Unset = UNSET,
        has_more: bool | None | Unset = UNSET,
        *,  # never positional: a field added to the spec would move it
        _given: Container[str] | None = None,
    ) -> None:
        # `_given` is for attrs.evolve(), which passes every field: a None the copied object was
        # not given stays absent. UNSET (the default) is "not given", any other value is given.
        given: list[str] = []
        self.data = data
        if isinstance(object_, Unset):
            self.object_ = None
        else:
            self.object_ = object_
            if object_ is not None or _given is None or "object" in _given:
                given.append("object")
        if isinstance(first_id, Unset):
            self.first_id = None
        else:
            self.first_id = first_id
            if first_id is not None or _given is None or "first_id" in _given:
                given.append("first_id")
        if isinstance(last_id, Unset):
            self.last_id = None
        else:
            self.last_id = last_id
            if last_id is not None or _given is None or "last_id" in _given:
                given.append("last_id")
        if isinstance(has_more, Unset):
            self.has_more = None
        else:
            self.has_more = has_more
            if has_more is not None or _given is None or "has_more" in _given:
                given.append("has_more")
        self.additional_properties = {}
        self._given = frozenset(given)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"data={self.data!r}, "
            f"object_={self.object_!r}, "
            f"first_id={self.first_id!r}, "
            f"last_id={self.last_id!r}, "
            f"has_more={self.has_more!r}"
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
        assert isinstance(other, BatchList)
        return self.to_dict() == other.to_dict()

    # Hidden from type checkers, which would accept any attribute name of a class with __getattr__.
    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            # An object read lazily (an optional object such as `usage`: its parent's from_dict
            # checked it and left it unbuilt): fill every slot from the JSON it keeps, then answer.
            member = _MEMBERS_BatchList.get(name)
            given = self._given
            if member is None or given.__class__ is frozenset:
                raise AttributeError(
                    f"{type(self).__name__!r} object has no attribute {name!r}"
                )
            full = BatchList.from_dict(given)
            for slot in _MEMBERS_BatchList.values():
                try:
                    slot.__get__(self)
                except AttributeError:  # not yet set (a value set by hand before stays)
                    slot.__set__(self, slot.__get__(full))
            return member.__get__(self)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "data": [_item0.to_dict() for _item0 in self.data],
        }
        if self.object_ is None:
            if "object" in self._given:
                field_dict["object"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.object_, Unset):
            field_dict["object"] = self.object_
        if self.first_id is None:
            if "first_id" in self._given:
                field_dict["first_id"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.first_id, Unset):
            field_dict["first_id"] = self.first_id
        if self.last_id is None:
            if "last_id" in self._given:
                field_dict["last_id"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.last_id, Unset):
            field_dict["last_id"] = self.last_id
        if self.has_more is None:
            if "has_more" in self._given:
                field_dict["has_more"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.has_more, Unset):
            field_dict["has_more"] = self.has_more
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
            data = src_dict["data"]
        except KeyError:
            data = src_dict.get("data", UNSET)
        if data.__class__ is not list:
            raise MalformedDataError("data", "array", data)
        _list0 = []
        for _item0 in data:
            if _item0.__class__ is not dict and not isinstance(_item0, Mapping):
                raise MalformedDataError(
                    f"data[{data.index(_item0)}]", "object", _item0
                )
            try:  # a missing field is read again as UNSET, and named by its check
                _item0__id = _item0["id"]
                _item0__status = _item0["status"]
            except KeyError:
                _item0__id = _item0.get("id", UNSET)
                _item0__status = _item0.get("status", UNSET)
            if not (_item0__id.__class__ is str or isinstance(_item0__id, str)):
                raise MalformedDataError(
                    f"data[{data.index(_item0)}].id", "string", _item0__id
                )
            if not (
                _item0__status
                in (
                    "validating",
                    "in_queue",
                    "in_progress",
                    "finalizing",
                    "completed",
                    "failed",
                    "expired",
                    "cancelling",
                    "cancelled",
                )
            ):
                if not (
                    _item0__status.__class__ is str or isinstance(_item0__status, str)
                ):
                    raise MalformedDataError(
                        f"data[{data.index(_item0)}].status", "string", _item0__status
                    )
                if _drift is not None:
                    _drift(
                        _path + "data[].status=" + str(_item0__status), _item0__status
                    )
            _item0__object_ = _item0.get("object")
            if not (
                _item0__object_.__class__ is str
                or (_item0__object_ is None and "object" not in _item0)
                or isinstance(_item0__object_, str)
            ):
                raise MalformedDataError(
                    f"data[{data.index(_item0)}].object", "string", _item0__object_
                )
            _item0__endpoint = _item0.get("endpoint")
            if not (
                _item0__endpoint.__class__ is str
                or _item0__endpoint is None
                or isinstance(_item0__endpoint, str)
            ):
                raise MalformedDataError(
                    f"data[{data.index(_item0)}].endpoint",
                    "string or null",
                    _item0__endpoint,
                )
            _item0__errors = _item0.get("errors")
            _item0__input_file_id = _item0.get("input_file_id")
            if not (
                _item0__input_file_id.__class__ is str
                or _item0__input_file_id is None
                or isinstance(_item0__input_file_id, str)
            ):
                raise MalformedDataError(
                    f"data[{data.index(_item0)}].input_file_id",
                    "string or null",
                    _item0__input_file_id,
                )
            _item0__completion_window = _item0.get("completion_window")
            if not (
                _item0__completion_window.__class__ is str
                or _item0__completion_window is None
                or isinstance(_item0__completion_window, str)
            ):
                raise MalformedDataError(
                    f"data[{data.index(_item0)}].completion_window",
                    "string or null",
                    _item0__completion_window,
                )
            _item0__output_file_id = _item0.get("output_file_id")
            if not (
                _item0__output_file_id.__class__ is str
                or _item0__output_file_id is None
                or isinstance(_item0__output_file_id, str)
            ):
                raise MalformedDataError(
                    f"data[{data.index(_item0)}].output_file_id",
                    "string or null",
                    _item0__output_file_id,
                )
            _item0__error_file_id = _item0.get("error_file_id")
            if not (
                _item0__error_file_id.__class__ is str
                or _item0__error_file_id is None
                or isinstance(_item0__error_file_id, str)
            ):
                raise MalformedDataError(
                    f"data[{data.index(_item0)}].error_file_id",
                    "string or null",
                    _item0__error_file_id,
                )
            _item0__created_at = _item0.get("created_at")
            if not (
                _item0__created_at.__class__ is int
                or _item0__created_at is None
                or (
                    isinstance(_item0__created_at, int)
                    and not isinstance(_item0__created_at, bool)
                )
            ):
                raise MalformedDataError(
                    f"data[{data.index(_item0)}].created_at",
                    "integer or null",
                    _item0__created_at,
                )
            _item0__in_progress_at = _item0.get("in_progress_at")
            if not (
                _item0__in_progress_at.__class__ is int
                or _item0__in_progress_at is None
                or (
                    isinstance(_item0__in_progress_at, int)
                    and not isinstance(_item0__in_progress_at, bool)
                )
            ):
                raise MalformedDataError(
                    f"data[{data.index(_item0)}].in_progress_at",
                    "integer or null",
                    _item0__in_progress_at,
                )
            _item0__expires_at = _item0.get("expires_at")
            if not (
                _item0__expires_at.__class__ is int
                or _item0__expires_at is None
                or (
                    isinstance(_item0__expires_at, int)
                    and not isinstance(_item0__expires_at, bool)
                )
            ):
                raise MalformedDataError(
                    f"data[{data.index(_item0)}].expires_at",
                    "integer or null",
                    _item0__expires_at,
                )
            _item0__finalizing_at = _item0.get("finalizing_at")
            if not (
                _item0__finalizing_at.__class__ is int
                or _item0__finalizing_at is None
                or (
                    isinstance(_item0__finalizing_at, int)
                    and not isinstance(_item0__finalizing_at, bool)
                )
            ):
                raise MalformedDataError(
                    f"data[{data.index(_item0)}].finalizing_at",
                    "integer or null",
                    _item0__finalizing_at,
                )
            _item0__completed_at = _item0.get("completed_at")
            if not (
                _item0__completed_at.__class__ is int
                or _item0__completed_at is None
                or (
                    isinstance(_item0__completed_at, int)
                    and not isinstance(_item0__completed_at, bool)
                )
            ):
                raise MalformedDataError(
                    f"data[{data.index(_item0)}].completed_at",
                    "integer or null",
                    _item0__completed_at,
                )
            _item0__failed_at = _item0.get("failed_at")
            if not (
                _item0__failed_at.__class__ is int
                or _item0__failed_at is None
                or (
                    isinstance(_item0__failed_at, int)
                    and not isinstance(_item0__failed_at, bool)
                )
            ):
                raise MalformedDataError(
                    f"data[{data.index(_item0)}].failed_at",
                    "integer or null",
                    _item0__failed_at,
                )
            _item0__expired_at = _item0.get("expired_at")
            if not (
                _item0__expired_at.__class__ is int
                or _item0__expired_at is None
                or (
                    isinstance(_item0__expired_at, int)
                    and not isinstance(_item0__expired_at, bool)
                )
            ):
                raise MalformedDataError(
                    f"data[{data.index(_item0)}].expired_at",
                    "integer or null",
                    _item0__expired_at,
                )
            _item0__cancelling_at = _item0.get("cancelling_at")
            if not (
                _item0__cancelling_at.__class__ is int
                or _item0__cancelling_at is None
                or (
                    isinstance(_item0__cancelling_at, int)
                    and not isinstance(_item0__cancelling_at, bool)
                )
            ):
                raise MalformedDataError(
                    f"data[{data.index(_item0)}].cancelling_at",
                    "integer or null",
                    _item0__cancelling_at,
                )
            _item0__cancelled_at = _item0.get("cancelled_at")
            if not (
                _item0__cancelled_at.__class__ is int
                or _item0__cancelled_at is None
                or (
                    isinstance(_item0__cancelled_at, int)
                    and not isinstance(_item0__cancelled_at, bool)
                )
            ):
                raise MalformedDataError(
                    f"data[{data.index(_item0)}].cancelled_at",
                    "integer or null",
                    _item0__cancelled_at,
                )
            _item0__request_counts = _item0.get("request_counts")
            if _item0__request_counts is not None:
                if _item0__request_counts.__class__ is not dict and not isinstance(
                    _item0__request_counts, Mapping
                ):
                    raise MalformedDataError(
                        f"data[{data.index(_item0)}].request_counts",
                        "object or null",
                        _item0__request_counts,
                    )
                _item0__request_counts__total = _item0__request_counts.get("total")
                if not (
                    _item0__request_counts__total.__class__ is int
                    or (
                        _item0__request_counts__total is None
                        and "total" not in _item0__request_counts
                    )
                    or (
                        isinstance(_item0__request_counts__total, int)
                        and not isinstance(_item0__request_counts__total, bool)
                    )
                ):
                    raise MalformedDataError(
                        f"data[{data.index(_item0)}].request_counts.total",
                        "integer",
                        _item0__request_counts__total,
                    )
                _item0__request_counts__completed = _item0__request_counts.get(
                    "completed"
                )
                if not (
                    _item0__request_counts__completed.__class__ is int
                    or (
                        _item0__request_counts__completed is None
                        and "completed" not in _item0__request_counts
                    )
                    or (
                        isinstance(_item0__request_counts__completed, int)
                        and not isinstance(_item0__request_counts__completed, bool)
                    )
                ):
                    raise MalformedDataError(
                        f"data[{data.index(_item0)}].request_counts.completed",
                        "integer",
                        _item0__request_counts__completed,
                    )
                _item0__request_counts__failed = _item0__request_counts.get("failed")
                if not (
                    _item0__request_counts__failed.__class__ is int
                    or (
                        _item0__request_counts__failed is None
                        and "failed" not in _item0__request_counts
                    )
                    or (
                        isinstance(_item0__request_counts__failed, int)
                        and not isinstance(_item0__request_counts__failed, bool)
                    )
                ):
                    raise MalformedDataError(
                        f"data[{data.index(_item0)}].request_counts.failed",
                        "integer",
                        _item0__request_counts__failed,
                    )
                if (
                    _drift is not None
                    and not _item0__request_counts.keys() <= _KEYS_BatchRequestCounts
                ):
                    for _key, _value in _item0__request_counts.items():
                        if _key not in _KEYS_BatchRequestCounts:
                            _drift(_path + "data[].request_counts." + _key, _value)

                _item0__request_counts__object = _new(BatchRequestCounts)
                _item0__request_counts__object._given = _item0__request_counts
                _item0__request_counts = _item0__request_counts__object
            _item0__metadata = _item0.get("metadata")
            if _item0__metadata is not None:
                if _item0__metadata.__class__ is not dict and not isinstance(
                    _item0__metadata, Mapping
                ):
                    raise MalformedDataError(
                        f"data[{data.index(_item0)}].metadata",
                        "object or null",
                        _item0__metadata,
                    )
                if (
                    _drift is not None
                    and not _item0__metadata.keys() <= _KEYS_BatchMetadataType0
                ):
                    for _key, _value in _item0__metadata.items():
                        if _key not in _KEYS_BatchMetadataType0:
                            _drift(_path + "data[].metadata." + _key, _value)

                _item0__metadata__object = _new(BatchMetadataType0)
                _item0__metadata__object._given = _item0__metadata
                _item0__metadata = _item0__metadata__object
            _item0__object = _new(Batch)
            _item0__object.id = _item0__id
            _item0__object.status = _item0__status
            _item0__object.object_ = _item0__object_
            _item0__object.endpoint = _item0__endpoint
            _item0__object.errors = _item0__errors
            _item0__object.input_file_id = _item0__input_file_id
            _item0__object.completion_window = _item0__completion_window
            _item0__object.output_file_id = _item0__output_file_id
            _item0__object.error_file_id = _item0__error_file_id
            _item0__object.created_at = _item0__created_at
            _item0__object.in_progress_at = _item0__in_progress_at
            _item0__object.expires_at = _item0__expires_at
            _item0__object.finalizing_at = _item0__finalizing_at
            _item0__object.completed_at = _item0__completed_at
            _item0__object.failed_at = _item0__failed_at
            _item0__object.expired_at = _item0__expired_at
            _item0__object.cancelling_at = _item0__cancelling_at
            _item0__object.cancelled_at = _item0__cancelled_at
            _item0__object.request_counts = _item0__request_counts
            _item0__object.metadata = _item0__metadata
            _item0__object._given = _item0
            if _item0.keys() <= _KEYS_Batch:
                _item0__object.additional_properties = {}
            else:
                _item0__object.additional_properties = {
                    _key: _value
                    for _key, _value in _item0.items()
                    if _key not in _KEYS_Batch
                }
                if _drift is not None:
                    for _key, _value in _item0__object.additional_properties.items():
                        _drift(_path + "data[]." + _key, _value)

            _item0 = _item0__object

            _list0.append(_item0)
        data = _list0

        object_ = src_dict.get("object")
        if not (
            object_.__class__ is str
            or (object_ is None and "object" not in src_dict)
            or isinstance(object_, str)
        ):
            raise MalformedDataError("object", "string", object_)
        first_id = src_dict.get("first_id")
        if not (
            first_id.__class__ is str or first_id is None or isinstance(first_id, str)
        ):
            raise MalformedDataError("first_id", "string or null", first_id)
        last_id = src_dict.get("last_id")
        if not (
            last_id.__class__ is str or last_id is None or isinstance(last_id, str)
        ):
            raise MalformedDataError("last_id", "string or null", last_id)
        has_more = src_dict.get("has_more")
        if not (has_more.__class__ is bool or has_more is None):
            raise MalformedDataError("has_more", "boolean or null", has_more)
        if cls is not BatchList:  # a subclass: its own __init__ runs
            _object = cls(
                data,
                object_,
                first_id,
                last_id,
                has_more,
            )
            _object._given = src_dict
            if not src_dict.keys() <= _KEYS_BatchList:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_BatchList
                }
                if _drift is not None:
                    for _key, _value in _object.additional_properties.items():
                        _drift(_path + _key, _value)

            return _object
        _object = _new(cls)
        _object.data = data
        _object.object_ = object_
        _object.first_id = first_id
        _object.last_id = last_id
        _object.has_more = has_more
        _object._given = src_dict
        if src_dict.keys() <= _KEYS_BatchList:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_BatchList
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


_MEMBERS_BatchList: dict[str, Any] = {
    _name: BatchList.__dict__[_name]
    for _name in (
        "data",
        "object_",
        "first_id",
        "last_id",
        "has_more",
        "additional_properties",
    )
}

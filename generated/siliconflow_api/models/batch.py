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

from ..models.batch_metadata_type_0 import BatchMetadataType0
from ..models.batch_request_counts import BatchRequestCounts

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


T = TypeVar("T", bound="Batch")


# attrs with its __init__, __repr__ and __eq__ off: they are written here, so importing a model
# compiles only the small `__attrs_init__` attrs always adds, not those three methods.
@_attrs_define(init=False, repr=False, eq=False)
class Batch(BaseModel):
    """A batch. `status` is an open string."""

    id: str
    """ `batch_...` """

    status: str
    """ in_queue, in_progress, finalizing, completed, expired, cancelling, cancelled (also validating, failed). """

    object_: str | None

    endpoint: None | str

    errors: Any | None

    input_file_id: None | str

    completion_window: None | str

    output_file_id: None | str
    """ The results file; an id or a URL (UNCERTAIN, see GET /files/{file_id}/content). """

    error_file_id: None | str
    """ The file of the lines that failed; an id or a URL (UNCERTAIN). """

    created_at: int | None

    in_progress_at: int | None

    expires_at: int | None

    finalizing_at: int | None

    completed_at: int | None

    failed_at: int | None

    expired_at: int | None

    cancelling_at: int | None

    cancelled_at: int | None

    request_counts: BatchRequestCounts | None

    metadata: BatchMetadataType0 | None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _given: Container[str] = _attrs_field(
        alias="_given", default=None, repr=False, eq=False
    )

    def __init__(
        self,
        id: str,
        status: str,
        object_: str | Unset = UNSET,
        endpoint: None | str | Unset = UNSET,
        errors: Any | Unset = UNSET,
        input_file_id: None | str | Unset = UNSET,
        completion_window: None | str | Unset = UNSET,
        output_file_id: None | str | Unset = UNSET,
        error_file_id: None | str | Unset = UNSET,
        created_at: int | None | Unset = UNSET,
        in_progress_at: int | None | Unset = UNSET,
        expires_at: int | None | Unset = UNSET,
        finalizing_at: int | None | Unset = UNSET,
        completed_at: int | None | Unset = UNSET,
        failed_at: int | None | Unset = UNSET,
        expired_at: int | None | Unset = UNSET,
        cancelling_at: int | None | Unset = UNSET,
        cancelled_at: int | None | Unset = UNSET,
        request_counts: BatchRequestCounts | None | Unset = UNSET,
        metadata: BatchMetadataType0 | None | Unset = UNSET,
        *,  # never positional: a field added to the spec would move it
        _given: Container[str] | None = None,
    ) -> None:
        # `_given` is for attrs.evolve(), which passes every field: a None the copied object was
        # not given stays absent. UNSET (the default) is "not given", any other value is given.
        given: list[str] = []
        self.id = id
        self.status = status
        if isinstance(object_, Unset):
            self.object_ = None
        else:
            self.object_ = object_
            if object_ is not None or _given is None or "object" in _given:
                given.append("object")
        if isinstance(endpoint, Unset):
            self.endpoint = None
        else:
            self.endpoint = endpoint
            if endpoint is not None or _given is None or "endpoint" in _given:
                given.append("endpoint")
        if isinstance(errors, Unset):
            self.errors = None
        else:
            self.errors = errors
            if errors is not None or _given is None or "errors" in _given:
                given.append("errors")
        if isinstance(input_file_id, Unset):
            self.input_file_id = None
        else:
            self.input_file_id = input_file_id
            if input_file_id is not None or _given is None or "input_file_id" in _given:
                given.append("input_file_id")
        if isinstance(completion_window, Unset):
            self.completion_window = None
        else:
            self.completion_window = completion_window
            if (
                completion_window is not None
                or _given is None
                or "completion_window" in _given
            ):
                given.append("completion_window")
        if isinstance(output_file_id, Unset):
            self.output_file_id = None
        else:
            self.output_file_id = output_file_id
            if (
                output_file_id is not None
                or _given is None
                or "output_file_id" in _given
            ):
                given.append("output_file_id")
        if isinstance(error_file_id, Unset):
            self.error_file_id = None
        else:
            self.error_file_id = error_file_id
            if error_file_id is not None or _given is None or "error_file_id" in _given:
                given.append("error_file_id")
        if isinstance(created_at, Unset):
            self.created_at = None
        else:
            self.created_at = created_at
            if created_at is not None or _given is None or "created_at" in _given:
                given.append("created_at")
        if isinstance(in_progress_at, Unset):
            self.in_progress_at = None
        else:
            self.in_progress_at = in_progress_at
            if (
                in_progress_at is not None
                or _given is None
                or "in_progress_at" in _given
            ):
                given.append("in_progress_at")
        if isinstance(expires_at, Unset):
            self.expires_at = None
        else:
            self.expires_at = expires_at
            if expires_at is not None or _given is None or "expires_at" in _given:
                given.append("expires_at")
        if isinstance(finalizing_at, Unset):
            self.finalizing_at = None
        else:
            self.finalizing_at = finalizing_at
            if finalizing_at is not None or _given is None or "finalizing_at" in _given:
                given.append("finalizing_at")
        if isinstance(completed_at, Unset):
            self.completed_at = None
        else:
            self.completed_at = completed_at
            if completed_at is not None or _given is None or "completed_at" in _given:
                given.append("completed_at")
        if isinstance(failed_at, Unset):
            self.failed_at = None
        else:
            self.failed_at = failed_at
            if failed_at is not None or _given is None or "failed_at" in _given:
                given.append("failed_at")
        if isinstance(expired_at, Unset):
            self.expired_at = None
        else:
            self.expired_at = expired_at
            if expired_at is not None or _given is None or "expired_at" in _given:
                given.append("expired_at")
        if isinstance(cancelling_at, Unset):
            self.cancelling_at = None
        else:
            self.cancelling_at = cancelling_at
            if cancelling_at is not None or _given is None or "cancelling_at" in _given:
                given.append("cancelling_at")
        if isinstance(cancelled_at, Unset):
            self.cancelled_at = None
        else:
            self.cancelled_at = cancelled_at
            if cancelled_at is not None or _given is None or "cancelled_at" in _given:
                given.append("cancelled_at")
        if isinstance(request_counts, Unset):
            self.request_counts = None
        else:
            self.request_counts = request_counts
            if (
                request_counts is not None
                or _given is None
                or "request_counts" in _given
            ):
                given.append("request_counts")
        if isinstance(metadata, Unset):
            self.metadata = None
        else:
            self.metadata = metadata
            if metadata is not None or _given is None or "metadata" in _given:
                given.append("metadata")
        self.additional_properties = {}
        self._given = frozenset(given)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"id={self.id!r}, "
            f"status={self.status!r}, "
            f"object_={self.object_!r}, "
            f"endpoint={self.endpoint!r}, "
            f"errors={self.errors!r}, "
            f"input_file_id={self.input_file_id!r}, "
            f"completion_window={self.completion_window!r}, "
            f"output_file_id={self.output_file_id!r}, "
            f"error_file_id={self.error_file_id!r}, "
            f"created_at={self.created_at!r}, "
            f"in_progress_at={self.in_progress_at!r}, "
            f"expires_at={self.expires_at!r}, "
            f"finalizing_at={self.finalizing_at!r}, "
            f"completed_at={self.completed_at!r}, "
            f"failed_at={self.failed_at!r}, "
            f"expired_at={self.expired_at!r}, "
            f"cancelling_at={self.cancelling_at!r}, "
            f"cancelled_at={self.cancelled_at!r}, "
            f"request_counts={self.request_counts!r}, "
            f"metadata={self.metadata!r}"
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
        assert isinstance(other, Batch)
        return self.to_dict() == other.to_dict()

    # Hidden from type checkers, which would accept any attribute name of a class with __getattr__.
    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            # An object read lazily (an optional object such as `usage`: its parent's from_dict
            # checked it and left it unbuilt): fill every slot from the JSON it keeps, then answer.
            member = _MEMBERS_Batch.get(name)
            given = self._given
            if member is None or given.__class__ is frozenset:
                raise AttributeError(
                    f"{type(self).__name__!r} object has no attribute {name!r}"
                )
            full = Batch.from_dict(given)
            for slot in _MEMBERS_Batch.values():
                try:
                    slot.__get__(self)
                except AttributeError:  # not yet set (a value set by hand before stays)
                    slot.__set__(self, slot.__get__(full))
            return member.__get__(self)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "id": self.id,
            "status": self.status,
        }
        if self.object_ is None:
            if "object" in self._given:
                field_dict["object"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.object_, Unset):
            field_dict["object"] = self.object_
        if self.endpoint is None:
            if "endpoint" in self._given:
                field_dict["endpoint"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.endpoint, Unset):
            field_dict["endpoint"] = self.endpoint
        if self.errors is None:
            if "errors" in self._given:
                field_dict["errors"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.errors, Unset):
            field_dict["errors"] = self.errors
        if self.input_file_id is None:
            if "input_file_id" in self._given:
                field_dict["input_file_id"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.input_file_id, Unset):
            field_dict["input_file_id"] = self.input_file_id
        if self.completion_window is None:
            if "completion_window" in self._given:
                field_dict["completion_window"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.completion_window, Unset):
            field_dict["completion_window"] = self.completion_window
        if self.output_file_id is None:
            if "output_file_id" in self._given:
                field_dict["output_file_id"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.output_file_id, Unset):
            field_dict["output_file_id"] = self.output_file_id
        if self.error_file_id is None:
            if "error_file_id" in self._given:
                field_dict["error_file_id"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.error_file_id, Unset):
            field_dict["error_file_id"] = self.error_file_id
        if self.created_at is None:
            if "created_at" in self._given:
                field_dict["created_at"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.created_at, Unset):
            field_dict["created_at"] = self.created_at
        if self.in_progress_at is None:
            if "in_progress_at" in self._given:
                field_dict["in_progress_at"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.in_progress_at, Unset):
            field_dict["in_progress_at"] = self.in_progress_at
        if self.expires_at is None:
            if "expires_at" in self._given:
                field_dict["expires_at"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.expires_at, Unset):
            field_dict["expires_at"] = self.expires_at
        if self.finalizing_at is None:
            if "finalizing_at" in self._given:
                field_dict["finalizing_at"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.finalizing_at, Unset):
            field_dict["finalizing_at"] = self.finalizing_at
        if self.completed_at is None:
            if "completed_at" in self._given:
                field_dict["completed_at"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.completed_at, Unset):
            field_dict["completed_at"] = self.completed_at
        if self.failed_at is None:
            if "failed_at" in self._given:
                field_dict["failed_at"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.failed_at, Unset):
            field_dict["failed_at"] = self.failed_at
        if self.expired_at is None:
            if "expired_at" in self._given:
                field_dict["expired_at"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.expired_at, Unset):
            field_dict["expired_at"] = self.expired_at
        if self.cancelling_at is None:
            if "cancelling_at" in self._given:
                field_dict["cancelling_at"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.cancelling_at, Unset):
            field_dict["cancelling_at"] = self.cancelling_at
        if self.cancelled_at is None:
            if "cancelled_at" in self._given:
                field_dict["cancelled_at"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.cancelled_at, Unset):
            field_dict["cancelled_at"] = self.cancelled_at
        if self.request_counts is None:
            if "request_counts" in self._given:
                field_dict["request_counts"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.request_counts, Unset):
            field_dict["request_counts"] = (
                self.request_counts.to_dict()
                if isinstance(self.request_counts, BatchRequestCounts)
                else self.request_counts
            )
        if self.metadata is None:
            if "metadata" in self._given:
                field_dict["metadata"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.metadata, Unset):
            field_dict["metadata"] = (
                self.metadata.to_dict()
                if isinstance(self.metadata, BatchMetadataType0)
                else self.metadata
            )
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
            status = src_dict["status"]
        except KeyError:
            id = src_dict.get("id", UNSET)
            status = src_dict.get("status", UNSET)
        if not (id.__class__ is str or isinstance(id, str)):
            raise MalformedDataError("id", "string", id)
        if not (
            status
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
            if not (status.__class__ is str or isinstance(status, str)):
                raise MalformedDataError("status", "string", status)
            if _drift is not None:
                _drift(_path + "status=" + str(status), status)
        object_ = src_dict.get("object")
        if not (
            object_.__class__ is str
            or (object_ is None and "object" not in src_dict)
            or isinstance(object_, str)
        ):
            raise MalformedDataError("object", "string", object_)
        endpoint = src_dict.get("endpoint")
        if not (
            endpoint.__class__ is str or endpoint is None or isinstance(endpoint, str)
        ):
            raise MalformedDataError("endpoint", "string or null", endpoint)
        errors = src_dict.get("errors")
        input_file_id = src_dict.get("input_file_id")
        if not (
            input_file_id.__class__ is str
            or input_file_id is None
            or isinstance(input_file_id, str)
        ):
            raise MalformedDataError("input_file_id", "string or null", input_file_id)
        completion_window = src_dict.get("completion_window")
        if not (
            completion_window.__class__ is str
            or completion_window is None
            or isinstance(completion_window, str)
        ):
            raise MalformedDataError(
                "completion_window", "string or null", completion_window
            )
        output_file_id = src_dict.get("output_file_id")
        if not (
            output_file_id.__class__ is str
            or output_file_id is None
            or isinstance(output_file_id, str)
        ):
            raise MalformedDataError("output_file_id", "string or null", output_file_id)
        error_file_id = src_dict.get("error_file_id")
        if not (
            error_file_id.__class__ is str
            or error_file_id is None
            or isinstance(error_file_id, str)
        ):
            raise MalformedDataError("error_file_id", "string or null", error_file_id)
        created_at = src_dict.get("created_at")
        if not (
            created_at.__class__ is int
            or created_at is None
            or (isinstance(created_at, int) and not isinstance(created_at, bool))
        ):
            raise MalformedDataError("created_at", "integer or null", created_at)
        in_progress_at = src_dict.get("in_progress_at")
        if not (
            in_progress_at.__class__ is int
            or in_progress_at is None
            or (
                isinstance(in_progress_at, int) and not isinstance(in_progress_at, bool)
            )
        ):
            raise MalformedDataError(
                "in_progress_at", "integer or null", in_progress_at
            )
        expires_at = src_dict.get("expires_at")
        if not (
            expires_at.__class__ is int
            or expires_at is None
            or (isinstance(expires_at, int) and not isinstance(expires_at, bool))
        ):
            raise MalformedDataError("expires_at", "integer or null", expires_at)
        finalizing_at = src_dict.get("finalizing_at")
        if not (
            finalizing_at.__class__ is int
            or finalizing_at is None
            or (isinstance(finalizing_at, int) and not isinstance(finalizing_at, bool))
        ):
            raise MalformedDataError("finalizing_at", "integer or null", finalizing_at)
        completed_at = src_dict.get("completed_at")
        if not (
            completed_at.__class__ is int
            or completed_at is None
            or (isinstance(completed_at, int) and not isinstance(completed_at, bool))
        ):
            raise MalformedDataError("completed_at", "integer or null", completed_at)
        failed_at = src_dict.get("failed_at")
        if not (
            failed_at.__class__ is int
            or failed_at is None
            or (isinstance(failed_at, int) and not isinstance(failed_at, bool))
        ):
            raise MalformedDataError("failed_at", "integer or null", failed_at)
        expired_at = src_dict.get("expired_at")
        if not (
            expired_at.__class__ is int
            or expired_at is None
            or (isinstance(expired_at, int) and not isinstance(expired_at, bool))
        ):
            raise MalformedDataError("expired_at", "integer or null", expired_at)
        cancelling_at = src_dict.get("cancelling_at")
        if not (
            cancelling_at.__class__ is int
            or cancelling_at is None
            or (isinstance(cancelling_at, int) and not isinstance(cancelling_at, bool))
        ):
            raise MalformedDataError("cancelling_at", "integer or null", cancelling_at)
        cancelled_at = src_dict.get("cancelled_at")
        if not (
            cancelled_at.__class__ is int
            or cancelled_at is None
            or (isinstance(cancelled_at, int) and not isinstance(cancelled_at, bool))
        ):
            raise MalformedDataError("cancelled_at", "integer or null", cancelled_at)
        request_counts = src_dict.get("request_counts")
        if request_counts is not None:
            if request_counts.__class__ is not dict and not isinstance(
                request_counts, Mapping
            ):
                raise MalformedDataError(
                    "request_counts", "object or null", request_counts
                )
            request_counts__total = request_counts.get("total")
            if not (
                request_counts__total.__class__ is int
                or (request_counts__total is None and "total" not in request_counts)
                or (
                    isinstance(request_counts__total, int)
                    and not isinstance(request_counts__total, bool)
                )
            ):
                raise MalformedDataError(
                    "request_counts.total", "integer", request_counts__total
                )
            request_counts__completed = request_counts.get("completed")
            if not (
                request_counts__completed.__class__ is int
                or (
                    request_counts__completed is None
                    and "completed" not in request_counts
                )
                or (
                    isinstance(request_counts__completed, int)
                    and not isinstance(request_counts__completed, bool)
                )
            ):
                raise MalformedDataError(
                    "request_counts.completed", "integer", request_counts__completed
                )
            request_counts__failed = request_counts.get("failed")
            if not (
                request_counts__failed.__class__ is int
                or (request_counts__failed is None and "failed" not in request_counts)
                or (
                    isinstance(request_counts__failed, int)
                    and not isinstance(request_counts__failed, bool)
                )
            ):
                raise MalformedDataError(
                    "request_counts.failed", "integer", request_counts__failed
                )
            if (
                _drift is not None
                and not request_counts.keys() <= _KEYS_BatchRequestCounts
            ):
                for _key, _value in request_counts.items():
                    if _key not in _KEYS_BatchRequestCounts:
                        _drift(_path + "request_counts." + _key, _value)

            request_counts__object = _new(BatchRequestCounts)
            request_counts__object._given = request_counts
            request_counts = request_counts__object
        metadata = src_dict.get("metadata")
        if metadata is not None:
            if metadata.__class__ is not dict and not isinstance(metadata, Mapping):
                raise MalformedDataError("metadata", "object or null", metadata)
            if _drift is not None and not metadata.keys() <= _KEYS_BatchMetadataType0:
                for _key, _value in metadata.items():
                    if _key not in _KEYS_BatchMetadataType0:
                        _drift(_path + "metadata." + _key, _value)

            metadata__object = _new(BatchMetadataType0)
            metadata__object._given = metadata
            metadata = metadata__object
        if cls is not Batch:  # a subclass: its own __init__ runs
            _object = cls(
                id,
                status,
                object_,
                endpoint,
                errors,
                input_file_id,
                completion_window,
                output_file_id,
                error_file_id,
                created_at,
                in_progress_at,
                expires_at,
                finalizing_at,
                completed_at,
                failed_at,
                expired_at,
                cancelling_at,
                cancelled_at,
                request_counts,
                metadata,
            )
            _object._given = src_dict
            if not src_dict.keys() <= _KEYS_Batch:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_Batch
                }
                if _drift is not None:
                    for _key, _value in _object.additional_properties.items():
                        _drift(_path + _key, _value)

            return _object
        _object = _new(cls)
        _object.id = id
        _object.status = status
        _object.object_ = object_
        _object.endpoint = endpoint
        _object.errors = errors
        _object.input_file_id = input_file_id
        _object.completion_window = completion_window
        _object.output_file_id = output_file_id
        _object.error_file_id = error_file_id
        _object.created_at = created_at
        _object.in_progress_at = in_progress_at
        _object.expires_at = expires_at
        _object.finalizing_at = finalizing_at
        _object.completed_at = completed_at
        _object.failed_at = failed_at
        _object.expired_at = expired_at
        _object.cancelling_at = cancelling_at
        _object.cancelled_at = cancelled_at
        _object.request_counts = request_counts
        _object.metadata = metadata
        _object._given = src_dict
        if src_dict.keys() <= _KEYS_Batch:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_Batch
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


_MEMBERS_Batch: dict[str, Any] = {
    _name: Batch.__dict__[_name]
    for _name in (
        "id",
        "status",
        "object_",
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
        "additional_properties",
    )
}

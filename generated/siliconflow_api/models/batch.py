from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MalformedDataError
from ..types import UNSET, Unset

_new = object.__new__

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


@_attrs_define
class Batch:
    """A batch. `status` is an open string."""

    id: str
    """ `batch_...` """
    status: str
    """ in_queue, in_progress, finalizing, completed, expired, cancelling, cancelled (also validating, failed). """
    object_: str | Unset = UNSET
    endpoint: None | str | Unset = UNSET
    errors: Any | Unset = UNSET
    input_file_id: None | str | Unset = UNSET
    completion_window: None | str | Unset = UNSET
    output_file_id: None | str | Unset = UNSET
    """ The results file; an id or a URL (UNCERTAIN, see GET /files/{file_id}/content). """
    error_file_id: None | str | Unset = UNSET
    """ The file of the lines that failed; an id or a URL (UNCERTAIN). """
    created_at: int | None | Unset = UNSET
    in_progress_at: int | None | Unset = UNSET
    expires_at: int | None | Unset = UNSET
    finalizing_at: int | None | Unset = UNSET
    completed_at: int | None | Unset = UNSET
    failed_at: int | None | Unset = UNSET
    expired_at: int | None | Unset = UNSET
    cancelling_at: int | None | Unset = UNSET
    cancelled_at: int | None | Unset = UNSET
    request_counts: BatchRequestCounts | None | Unset = UNSET
    metadata: BatchMetadataType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "id": self.id,
            "status": self.status,
        }
        if not isinstance(self.object_, Unset):
            field_dict["object"] = self.object_
        if not isinstance(self.endpoint, Unset):
            field_dict["endpoint"] = self.endpoint
        if not isinstance(self.errors, Unset):
            field_dict["errors"] = self.errors
        if not isinstance(self.input_file_id, Unset):
            field_dict["input_file_id"] = self.input_file_id
        if not isinstance(self.completion_window, Unset):
            field_dict["completion_window"] = self.completion_window
        if not isinstance(self.output_file_id, Unset):
            field_dict["output_file_id"] = self.output_file_id
        if not isinstance(self.error_file_id, Unset):
            field_dict["error_file_id"] = self.error_file_id
        if not isinstance(self.created_at, Unset):
            field_dict["created_at"] = self.created_at
        if not isinstance(self.in_progress_at, Unset):
            field_dict["in_progress_at"] = self.in_progress_at
        if not isinstance(self.expires_at, Unset):
            field_dict["expires_at"] = self.expires_at
        if not isinstance(self.finalizing_at, Unset):
            field_dict["finalizing_at"] = self.finalizing_at
        if not isinstance(self.completed_at, Unset):
            field_dict["completed_at"] = self.completed_at
        if not isinstance(self.failed_at, Unset):
            field_dict["failed_at"] = self.failed_at
        if not isinstance(self.expired_at, Unset):
            field_dict["expired_at"] = self.expired_at
        if not isinstance(self.cancelling_at, Unset):
            field_dict["cancelling_at"] = self.cancelling_at
        if not isinstance(self.cancelled_at, Unset):
            field_dict["cancelled_at"] = self.cancelled_at
        if not isinstance(self.request_counts, Unset):
            field_dict["request_counts"] = (
                self.request_counts.to_dict()
                if isinstance(self.request_counts, BatchRequestCounts)
                else self.request_counts
            )
        if not isinstance(self.metadata, Unset):
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
        object_ = src_dict.get("object", UNSET)
        if not (
            object_.__class__ is str or object_ is UNSET or isinstance(object_, str)
        ):
            raise MalformedDataError("object", "string", object_)
        endpoint = src_dict.get("endpoint", UNSET)
        if not (
            endpoint.__class__ is str
            or endpoint is None
            or endpoint is UNSET
            or isinstance(endpoint, str)
        ):
            raise MalformedDataError("endpoint", "string or null", endpoint)
        errors = src_dict.get("errors", UNSET)
        input_file_id = src_dict.get("input_file_id", UNSET)
        if not (
            input_file_id.__class__ is str
            or input_file_id is None
            or input_file_id is UNSET
            or isinstance(input_file_id, str)
        ):
            raise MalformedDataError("input_file_id", "string or null", input_file_id)
        completion_window = src_dict.get("completion_window", UNSET)
        if not (
            completion_window.__class__ is str
            or completion_window is None
            or completion_window is UNSET
            or isinstance(completion_window, str)
        ):
            raise MalformedDataError(
                "completion_window", "string or null", completion_window
            )
        output_file_id = src_dict.get("output_file_id", UNSET)
        if not (
            output_file_id.__class__ is str
            or output_file_id is None
            or output_file_id is UNSET
            or isinstance(output_file_id, str)
        ):
            raise MalformedDataError("output_file_id", "string or null", output_file_id)
        error_file_id = src_dict.get("error_file_id", UNSET)
        if not (
            error_file_id.__class__ is str
            or error_file_id is None
            or error_file_id is UNSET
            or isinstance(error_file_id, str)
        ):
            raise MalformedDataError("error_file_id", "string or null", error_file_id)
        created_at = src_dict.get("created_at", UNSET)
        if not (
            created_at.__class__ is int
            or created_at is None
            or created_at is UNSET
            or (isinstance(created_at, int) and not isinstance(created_at, bool))
        ):
            raise MalformedDataError("created_at", "integer or null", created_at)
        in_progress_at = src_dict.get("in_progress_at", UNSET)
        if not (
            in_progress_at.__class__ is int
            or in_progress_at is None
            or in_progress_at is UNSET
            or (
                isinstance(in_progress_at, int) and not isinstance(in_progress_at, bool)
            )
        ):
            raise MalformedDataError(
                "in_progress_at", "integer or null", in_progress_at
            )
        expires_at = src_dict.get("expires_at", UNSET)
        if not (
            expires_at.__class__ is int
            or expires_at is None
            or expires_at is UNSET
            or (isinstance(expires_at, int) and not isinstance(expires_at, bool))
        ):
            raise MalformedDataError("expires_at", "integer or null", expires_at)
        finalizing_at = src_dict.get("finalizing_at", UNSET)
        if not (
            finalizing_at.__class__ is int
            or finalizing_at is None
            or finalizing_at is UNSET
            or (isinstance(finalizing_at, int) and not isinstance(finalizing_at, bool))
        ):
            raise MalformedDataError("finalizing_at", "integer or null", finalizing_at)
        completed_at = src_dict.get("completed_at", UNSET)
        if not (
            completed_at.__class__ is int
            or completed_at is None
            or completed_at is UNSET
            or (isinstance(completed_at, int) and not isinstance(completed_at, bool))
        ):
            raise MalformedDataError("completed_at", "integer or null", completed_at)
        failed_at = src_dict.get("failed_at", UNSET)
        if not (
            failed_at.__class__ is int
            or failed_at is None
            or failed_at is UNSET
            or (isinstance(failed_at, int) and not isinstance(failed_at, bool))
        ):
            raise MalformedDataError("failed_at", "integer or null", failed_at)
        expired_at = src_dict.get("expired_at", UNSET)
        if not (
            expired_at.__class__ is int
            or expired_at is None
            or expired_at is UNSET
            or (isinstance(expired_at, int) and not isinstance(expired_at, bool))
        ):
            raise MalformedDataError("expired_at", "integer or null", expired_at)
        cancelling_at = src_dict.get("cancelling_at", UNSET)
        if not (
            cancelling_at.__class__ is int
            or cancelling_at is None
            or cancelling_at is UNSET
            or (isinstance(cancelling_at, int) and not isinstance(cancelling_at, bool))
        ):
            raise MalformedDataError("cancelling_at", "integer or null", cancelling_at)
        cancelled_at = src_dict.get("cancelled_at", UNSET)
        if not (
            cancelled_at.__class__ is int
            or cancelled_at is None
            or cancelled_at is UNSET
            or (isinstance(cancelled_at, int) and not isinstance(cancelled_at, bool))
        ):
            raise MalformedDataError("cancelled_at", "integer or null", cancelled_at)
        request_counts = src_dict.get("request_counts", UNSET)
        if request_counts is not UNSET:
            if request_counts is None:
                pass
            elif request_counts.__class__ is dict or isinstance(
                request_counts, Mapping
            ):
                request_counts__total = request_counts.get("total", UNSET)
                if not (
                    request_counts__total.__class__ is int
                    or request_counts__total is UNSET
                    or (
                        isinstance(request_counts__total, int)
                        and not isinstance(request_counts__total, bool)
                    )
                ):
                    raise MalformedDataError(
                        "request_counts.total", "integer", request_counts__total
                    )
                request_counts__completed = request_counts.get("completed", UNSET)
                if not (
                    request_counts__completed.__class__ is int
                    or request_counts__completed is UNSET
                    or (
                        isinstance(request_counts__completed, int)
                        and not isinstance(request_counts__completed, bool)
                    )
                ):
                    raise MalformedDataError(
                        "request_counts.completed", "integer", request_counts__completed
                    )
                request_counts__failed = request_counts.get("failed", UNSET)
                if not (
                    request_counts__failed.__class__ is int
                    or request_counts__failed is UNSET
                    or (
                        isinstance(request_counts__failed, int)
                        and not isinstance(request_counts__failed, bool)
                    )
                ):
                    raise MalformedDataError(
                        "request_counts.failed", "integer", request_counts__failed
                    )
                request_counts__object = _new(BatchRequestCounts)
                request_counts__object.total = request_counts__total
                request_counts__object.completed = request_counts__completed
                request_counts__object.failed = request_counts__failed
                if request_counts.keys() <= _KEYS_BatchRequestCounts:
                    request_counts__object.additional_properties = {}
                else:
                    request_counts__object.additional_properties = {
                        _key: _value
                        for _key, _value in request_counts.items()
                        if _key not in _KEYS_BatchRequestCounts
                    }
                    if _drift is not None:
                        for (
                            _key,
                            _value,
                        ) in request_counts__object.additional_properties.items():
                            _drift(_path + "request_counts." + _key, _value)

                request_counts = request_counts__object

            else:
                raise MalformedDataError(
                    "request_counts", "object or null", request_counts
                )

        metadata = src_dict.get("metadata", UNSET)
        if metadata is not UNSET:
            if metadata is None:
                pass
            elif metadata.__class__ is dict or isinstance(metadata, Mapping):
                metadata__object = _new(BatchMetadataType0)
                if metadata.keys() <= _KEYS_BatchMetadataType0:
                    metadata__object.additional_properties = {}
                else:
                    metadata__object.additional_properties = {
                        _key: _value
                        for _key, _value in metadata.items()
                        if _key not in _KEYS_BatchMetadataType0
                    }
                    if _drift is not None:
                        for (
                            _key,
                            _value,
                        ) in metadata__object.additional_properties.items():
                            _drift(_path + "metadata." + _key, _value)

                metadata = metadata__object

            else:
                raise MalformedDataError("metadata", "object or null", metadata)

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

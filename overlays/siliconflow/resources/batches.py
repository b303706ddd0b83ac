"""`client.batches`: create, get, list and cancel SiliconFlow batches (sync and async).

```python
with SiliconFlow() as client:
    uploaded = client.files.upload("requests.jsonl")
    batch = client.batches.create(input_file_id=uploaded.id, completion_window="24h")
    batch = client.batches.retrieve(batch.id)      # a generated Batch; batch.status is an open string
    client.batches.cancel(batch.id)
```

Requests are the generated ones (`siliconflow_api.api.batches`) sent through the client's retrying
transport; arguments are checked before sending (a clear ValueError naming the argument).
"""

from __future__ import annotations

import re
from typing import Any

from siliconflow_api.api.batches import cancel_batch, create_batch, get_batch, list_batches
from siliconflow_api.models import Batch, BatchCreateRequest, BatchList

from .._core.responses import parse_model
from ._base import AsyncAPIResource, SyncAPIResource, async_to_raw_response, to_raw_response

__all__ = ["ACTIVE_STATUSES", "FINAL_STATUSES", "AsyncBatches", "Batches"]

ENDPOINT = "/v1/chat/completions"
# What the guide allows: 24 to 336 hours (the reference text has min and max swapped).
MIN_WINDOW_HOURS = 24
MAX_WINDOW_HOURS = 336
MAX_METADATA_PAIRS = 16
FINAL_STATUSES = frozenset({"completed", "failed", "expired", "cancelled"})
ACTIVE_STATUSES = frozenset({"validating", "in_queue", "in_progress", "finalizing", "cancelling"})
_WINDOW = re.compile(r"([0-9]+)h")


def _create_kwargs(
    input_file_id: str, completion_window: str, metadata: dict[str, str] | None, model: str | None
) -> dict[str, Any]:
    if not isinstance(input_file_id, str) or not input_file_id:
        raise ValueError(f"input_file_id must be a non-empty string, got {input_file_id!r}")
    match = _WINDOW.fullmatch(completion_window) if isinstance(completion_window, str) else None
    if match is None or not MIN_WINDOW_HOURS <= int(match.group(1)) <= MAX_WINDOW_HOURS:
        raise ValueError(
            f"completion_window must be {MIN_WINDOW_HOURS}h to {MAX_WINDOW_HOURS}h, got {completion_window!r}"
        )
    data: dict[str, Any] = {
        "input_file_id": input_file_id,
        "endpoint": ENDPOINT,
        "completion_window": completion_window,
    }
    if metadata:
        if len(metadata) > MAX_METADATA_PAIRS:
            raise ValueError(f"metadata has at most {MAX_METADATA_PAIRS} pairs, got {len(metadata)}")
        for key, value in metadata.items():
            if not isinstance(key, str) or not 0 < len(key) <= 64:
                raise ValueError(f"metadata keys are strings of 1 to 64 characters, got {key!r}")
            if not isinstance(value, str) or len(value) > 512:
                raise ValueError(f"metadata[{key!r}] must be a string of at most 512 characters")
        data["metadata"] = dict(metadata)
    if model is not None:
        if not isinstance(model, str) or not model:
            raise ValueError(f"model must be a non-empty string, got {model!r}")
        data["replace"] = {"model": model}
    return create_batch._get_kwargs(body=BatchCreateRequest.from_dict(data))


def _batch_id(batch_id: str) -> str:
    if not isinstance(batch_id, str) or not batch_id:
        raise ValueError(f"batch_id must be a non-empty string, got {batch_id!r}")
    return batch_id


def _list_kwargs(limit: int | None, after: str | None) -> dict[str, Any]:
    options: dict[str, Any] = {}
    if limit is not None:
        options["limit"] = limit
    if after is not None:
        options["after"] = after
    return list_batches._get_kwargs(**options)


class Batches(SyncAPIResource):
    """The sync batch calls of a `SiliconFlow` client."""

    def create(
        self,
        *,
        input_file_id: str,
        completion_window: str = "24h",
        metadata: dict[str, str] | None = None,
        model: str | None = None,
    ) -> Batch:
        """Start a batch over an uploaded file; `model` replaces the model of every line."""
        kwargs = _create_kwargs(input_file_id, completion_window, metadata, model)
        return parse_model(Batch, self._request(kwargs))

    def retrieve(self, batch_id: str) -> Batch:
        """The batch with this id, with its status and request counts."""
        kwargs = get_batch._get_kwargs(_batch_id(batch_id))
        return parse_model(Batch, self._request(kwargs))

    def list(self, *, limit: int | None = None, after: str | None = None) -> BatchList:
        return parse_model(BatchList, self._request(_list_kwargs(limit, after)))

    def cancel(self, batch_id: str) -> Batch:
        """Ask the server to cancel a batch; returns it (status `cancelling`, then `cancelled`)."""
        kwargs = cancel_batch._get_kwargs(_batch_id(batch_id))
        return parse_model(Batch, self._request(kwargs))

    @property
    def with_raw_response(self) -> BatchesWithRawResponse:
        """The same methods, returning the `RawResponse` of the request each sent."""
        return BatchesWithRawResponse(self)


class AsyncBatches(AsyncAPIResource):
    """The async twin of `Batches`."""

    async def create(
        self,
        *,
        input_file_id: str,
        completion_window: str = "24h",
        metadata: dict[str, str] | None = None,
        model: str | None = None,
    ) -> Batch:
        """Start a batch over an uploaded file; `model` replaces the model of every line."""
        kwargs = _create_kwargs(input_file_id, completion_window, metadata, model)
        return parse_model(Batch, await self._request(kwargs))

    async def retrieve(self, batch_id: str) -> Batch:
        """The batch with this id, with its status and request counts."""
        kwargs = get_batch._get_kwargs(_batch_id(batch_id))
        return parse_model(Batch, await self._request(kwargs))

    async def list(self, *, limit: int | None = None, after: str | None = None) -> BatchList:
        return parse_model(BatchList, await self._request(_list_kwargs(limit, after)))

    async def cancel(self, batch_id: str) -> Batch:
        """Ask the server to cancel a batch; returns it (status `cancelling`, then `cancelled`)."""
        kwargs = cancel_batch._get_kwargs(_batch_id(batch_id))
        return parse_model(Batch, await self._request(kwargs))

    @property
    def with_raw_response(self) -> AsyncBatchesWithRawResponse:
        """The same methods, returning the `RawResponse` of the request each sent."""
        return AsyncBatchesWithRawResponse(self)


class BatchesWithRawResponse:
    """`batches.with_raw_response`: derived from the methods, so the two cannot drift."""

    def __init__(self, resource: Batches) -> None:
        self.create = to_raw_response(resource.create)
        self.retrieve = to_raw_response(resource.retrieve)
        self.list = to_raw_response(resource.list)
        self.cancel = to_raw_response(resource.cancel)


class AsyncBatchesWithRawResponse:
    """The async twin of `BatchesWithRawResponse`."""

    def __init__(self, resource: AsyncBatches) -> None:
        self.create = async_to_raw_response(resource.create)
        self.retrieve = async_to_raw_response(resource.retrieve)
        self.list = async_to_raw_response(resource.list)
        self.cancel = async_to_raw_response(resource.cancel)

"""`client.models`: the models the account can use (`GET /models`), as in openai-python.

```python
for model in client.models.list(sub_type="chat"):
    print(model.id)
```
"""

from __future__ import annotations

import builtins
from typing import Any

import httpx
from siliconflow_api.api.models.list_models import _get_kwargs
from siliconflow_api.models.model import Model
from siliconflow_api.models.model_list import ModelList
from siliconflow_api.models.model_sub_type import MODEL_SUB_TYPE_VALUES, ModelSubType
from siliconflow_api.models.model_type import MODEL_TYPE_VALUES, ModelType
from siliconflow_api.types import UNSET

from .._core.responses import model_of
from ._base import AsyncAPIResource, SyncAPIResource, async_to_raw_response, to_raw_response

__all__ = ["AsyncModels", "Model", "Models"]


def _check(name: str, value: object, allowed: set[str]) -> None:
    if value is not None and value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(sorted(allowed))}; got {value!r}")


def _list_kwargs(type: ModelType | None, sub_type: ModelSubType | None) -> dict[str, Any]:
    _check("type", type, set(MODEL_TYPE_VALUES))
    _check("sub_type", sub_type, set(MODEL_SUB_TYPE_VALUES))
    return _get_kwargs(
        type_=UNSET if type is None else type, sub_type=UNSET if sub_type is None else sub_type
    )


def _models(response: httpx.Response) -> list[Model]:
    return list(model_of(response, ModelList).data)


class Models(SyncAPIResource):
    """`GET /models` for the sync client; same retries, timeouts and typed errors as chat."""

    def list(
        self,
        *,
        type: ModelType | None = None,
        sub_type: ModelSubType | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> builtins.list[Model]:
        """The models, filtered by `type` (text, image, audio, video) and `sub_type` (chat, ...)."""
        kwargs = _list_kwargs(type, sub_type)
        return _models(self._request(kwargs, timeout=timeout, max_retries=max_retries))

    @property
    def with_raw_response(self) -> ModelsWithRawResponse:
        """The same methods, returning the `RawResponse` of the request each sent."""
        return ModelsWithRawResponse(self)


class AsyncModels(AsyncAPIResource):
    """`GET /models` for the async client."""

    async def list(
        self,
        *,
        type: ModelType | None = None,
        sub_type: ModelSubType | None = None,
        timeout: float | httpx.Timeout | None = None,  # noqa: ASYNC109 - an HTTP timeout setting
        max_retries: int | None = None,
    ) -> builtins.list[Model]:
        """The models, filtered by `type` (text, image, audio, video) and `sub_type` (chat, ...)."""
        kwargs = _list_kwargs(type, sub_type)
        return _models(await self._request(kwargs, timeout=timeout, max_retries=max_retries))

    @property
    def with_raw_response(self) -> AsyncModelsWithRawResponse:
        """The same methods, returning the `RawResponse` of the request each sent."""
        return AsyncModelsWithRawResponse(self)


class ModelsWithRawResponse:
    """`models.with_raw_response`: derived from the methods, so the two cannot drift."""

    def __init__(self, resource: Models) -> None:
        self.list = to_raw_response(resource.list)


class AsyncModelsWithRawResponse:
    """The async twin of `ModelsWithRawResponse`."""

    def __init__(self, resource: AsyncModels) -> None:
        self.list = async_to_raw_response(resource.list)

"""`client.models`: the models the account can use (`GET /models`), as in openai-python.

```python
for model in client.models.list(sub_type="chat"):
    print(model.id)
```
"""

from __future__ import annotations

import builtins
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
from siliconflow_api.api.models.list_models import _get_kwargs
from siliconflow_api.models.model import Model
from siliconflow_api.models.model_list import ModelList
from siliconflow_api.models.model_sub_type import MODEL_SUB_TYPE_VALUES, ModelSubType
from siliconflow_api.models.model_type import MODEL_TYPE_VALUES, ModelType
from siliconflow_api.types import UNSET

from .._core.responses import model_of
from .options import with_options

__all__ = ["AsyncModels", "Model", "Models"]


def _check(name: str, value: object, allowed: set[str]) -> None:
    if value is not None and value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(sorted(allowed))}; got {value!r}")


def _list_kwargs(
    type: ModelType | None,
    sub_type: ModelSubType | None,
    timeout: float | httpx.Timeout | None,
    max_retries: int | None,
) -> dict[str, Any]:
    _check("type", type, set(MODEL_TYPE_VALUES))
    _check("sub_type", sub_type, set(MODEL_SUB_TYPE_VALUES))
    kwargs = _get_kwargs(
        type_=UNSET if type is None else type, sub_type=UNSET if sub_type is None else sub_type
    )
    return with_options(kwargs, timeout, max_retries)


def _models(response: httpx.Response) -> list[Model]:
    return list(model_of(response, ModelList).data)


class Models:
    """`GET /models` for the sync client; same retries, timeouts and typed errors as chat."""

    def __init__(self, http: Callable[[], httpx.Client]) -> None:
        self._http = http  # the client's httpx client, with its retries and typed errors

    def list(
        self,
        *,
        type: ModelType | None = None,
        sub_type: ModelSubType | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> builtins.list[Model]:
        """The models, filtered by `type` (text, image, audio, video) and `sub_type` (chat, ...)."""
        kwargs = _list_kwargs(type, sub_type, timeout, max_retries)
        return _models(self._http().request(**kwargs))


class AsyncModels:
    """`GET /models` for the async client."""

    def __init__(self, http: Callable[[], Awaitable[httpx.AsyncClient]]) -> None:
        self._http = http  # the client's httpx client of the running loop (see AsyncSiliconFlow._http)

    async def list(
        self,
        *,
        type: ModelType | None = None,
        sub_type: ModelSubType | None = None,
        timeout: float | httpx.Timeout | None = None,  # noqa: ASYNC109 - an HTTP timeout setting
        max_retries: int | None = None,
    ) -> builtins.list[Model]:
        """The models, filtered by `type` (text, image, audio, video) and `sub_type` (chat, ...)."""
        kwargs = _list_kwargs(type, sub_type, timeout, max_retries)
        return _models(await (await self._http()).request(**kwargs))

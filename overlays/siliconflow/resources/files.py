"""`client.files`: upload batch input files, list them, download result files (sync and async).

```python
with SiliconFlow() as client:
    uploaded = client.files.upload("requests.jsonl")      # a generated FileObject (unwrapped)
    client.files.list()                                   # list[FileObject]
    data = client.files.content(batch.output_file_id)     # bytes: an id or a URL, see below
```

The requests are the generated ones (`siliconflow_api.api.files`), sent through the client's
retrying transport, so they get its retries and typed errors. Two things differ from the docs'
plain reading, and are handled here:
- POST /files and GET /files answer inside SiliconFlow's `{code, message, status, data}` envelope:
  the methods return what is inside;
- how a result file is downloaded is not documented (see `downloadFile` in openapi.yaml): an
  `output_file_id` that is a URL is fetched as it is (without the API key when it points to another
  host, such as a storage bucket), an id through GET /files/{id}/content.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar

import httpx
from siliconflow_api.api.files import download_file, list_files, upload_file
from siliconflow_api.errors import MalformedDataError
from siliconflow_api.models import FileObject, FileUploadRequest
from siliconflow_api.types import UNSET, File

from .._core.drift import note_drift
from .._core.responses import built, decoded
from .._core.transport import AsyncRetryTransport, RetryTransport

if TYPE_CHECKING:
    from ..client import AsyncSiliconFlow, SiliconFlow

__all__ = ["AsyncFiles", "Files", "is_url", "parse_model"]

Model = TypeVar("Model")


def is_url(file_id: str) -> bool:
    """Whether a batch's output or error file is given as a URL rather than a file id."""
    return file_id.startswith(("https://", "http://"))


def parse_model(cls: type[Model], response: httpx.Response, *, unwrap: tuple[str, ...] = ()) -> Model:
    """`cls.from_dict` of the JSON body (after following `unwrap` keys); MalformedResponseError if not."""
    what = f"a {cls.__name__}"
    payload = decoded(response, what)

    def build() -> Model:
        data, path = payload, ""
        for key in unwrap:
            if not isinstance(data, dict):
                raise MalformedDataError(path, "object", data)
            data, path = data.get(key, UNSET), f"{path}.{key}".lstrip(".")
        return cls.from_dict(data, note_drift, path)  # type: ignore[attr-defined, no-any-return]

    return built(response, payload, what, build)


def _upload_kwargs(
    file: str | Path | bytes | BinaryIO, filename: str | None
) -> tuple[dict[str, Any], BinaryIO | None]:
    """The request arguments, and the file this call opened (to close after sending)."""
    opened: BinaryIO | None = None
    if isinstance(file, str | Path):
        path = Path(file)
        payload: BinaryIO = path.open("rb")
        opened = payload
        name = filename or path.name
    elif isinstance(file, bytes | bytearray):
        payload = io.BytesIO(bytes(file))
        name = filename or "batch.jsonl"
    elif hasattr(file, "read"):
        payload = file
        name = filename or Path(str(getattr(file, "name", "batch.jsonl"))).name
    else:
        raise TypeError(f"file must be a path, bytes or a binary file, got {type(file).__name__}")
    body = FileUploadRequest(
        purpose="batch", file=File(payload=payload, file_name=name, mime_type="application/jsonl")
    )
    kwargs = upload_file._get_kwargs(body=body)
    # The generator fixes the boundary in the header ("+++") while httpx draws its own for the body:
    # let httpx set the header that matches.
    kwargs["headers"].pop("Content-Type", None)
    return kwargs, opened


def _files_of(response: httpx.Response) -> list[FileObject]:
    what = "a file list"
    payload = decoded(response, what)

    def build() -> list[FileObject]:
        outer = payload.get("data", UNSET) if isinstance(payload, dict) else payload
        if not isinstance(outer, dict):
            raise MalformedDataError("data" if isinstance(payload, dict) else "", "object", outer)
        items = outer.get("data", UNSET)
        if not isinstance(items, list):
            raise MalformedDataError("data.data", "array", items)
        return [FileObject.from_dict(item, note_drift, f"data.data[{i}]") for i, item in enumerate(items)]

    return built(response, payload, what, build)


def _list_kwargs(limit: int | None) -> dict[str, Any]:
    if limit is not None:
        return list_files._get_kwargs(purpose="batch", limit=limit)
    return list_files._get_kwargs(purpose="batch")


def _same_host(url: str, base_url: str) -> bool:
    target, base = httpx.URL(url), httpx.URL(base_url)
    return (target.scheme, target.host, target.port) == (base.scheme, base.host, base.port)


class Files:
    """The sync file calls of a `SiliconFlow` client."""

    def __init__(self, client: SiliconFlow) -> None:
        self._client = client

    def upload(self, file: str | Path | bytes | BinaryIO, *, filename: str | None = None) -> FileObject:
        """Upload a batch input (a path, bytes or a binary file); returns the file object."""
        kwargs, opened = _upload_kwargs(file, filename)
        try:
            response = self._client.api.get_httpx_client().request(**kwargs)
        finally:
            if opened is not None:
                opened.close()
        return parse_model(FileObject, response, unwrap=("data",))

    def list(self, *, limit: int | None = None) -> list[FileObject]:
        """The batch files of the account (the server's default count when `limit` is None)."""
        return _files_of(self._client.api.get_httpx_client().request(**_list_kwargs(limit)))

    def content(self, file_id: str) -> bytes:
        """The bytes of a file, given its id or the URL a batch gives as its output/error file."""
        if is_url(file_id) and not _same_host(file_id, self._client.base_url):
            with httpx.Client(transport=RetryTransport(policy=self._client.retry_policy)) as plain:
                return plain.get(file_id).content
        if is_url(file_id):
            return self._client.api.get_httpx_client().get(file_id).content
        return self._client.api.get_httpx_client().request(**download_file._get_kwargs(file_id)).content


class AsyncFiles:
    """The async twin of `Files`."""

    def __init__(self, client: AsyncSiliconFlow) -> None:
        self._client = client

    async def upload(self, file: str | Path | bytes | BinaryIO, *, filename: str | None = None) -> FileObject:
        """Upload a batch input (a path, bytes or a binary file); returns the file object."""
        kwargs, opened = _upload_kwargs(file, filename)
        try:
            response = await (await self._client._http()).request(**kwargs)
        finally:
            if opened is not None:
                opened.close()
        return parse_model(FileObject, response, unwrap=("data",))

    async def list(self, *, limit: int | None = None) -> list[FileObject]:
        """The batch files of the account (the server's default count when `limit` is None)."""
        return _files_of(await (await self._client._http()).request(**_list_kwargs(limit)))

    async def content(self, file_id: str) -> bytes:
        """The bytes of a file, given its id or the URL a batch gives as its output/error file."""
        http = await self._client._http()
        if is_url(file_id) and not _same_host(file_id, self._client.base_url):
            async with httpx.AsyncClient(
                transport=AsyncRetryTransport(policy=self._client.retry_policy)
            ) as plain:
                return (await plain.get(file_id)).content
        if is_url(file_id):
            return (await http.get(file_id)).content
        return (await http.request(**download_file._get_kwargs(file_id))).content

"""`client.files`: upload batch input files, list them, download result files (sync and async).

```python
with SiliconFlow() as client:
    uploaded = client.files.upload("requests.jsonl")      # a generated FileObject (unwrapped)
    client.files.list()                                   # list[FileObject]
    data = client.files.content(batch.output_file_id)     # bytes: an id or a URL, see below
    client.files.write_content(batch.output_file_id, "results.jsonl")  # to disk, in chunks
```

`content()` reads the file into memory, bounded by the client's `max_response_size` (64 MiB by
default; larger raises `ResponseTooLargeError`). `write_content()` streams it to a file instead,
whatever its size: written to `<path>.part` and renamed when complete, so a failure never leaves a
half file under the name asked for.

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
import os
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

import httpx
from siliconflow_api.api.files import download_file, list_files, upload_file
from siliconflow_api.errors import MalformedDataError
from siliconflow_api.models import FileObject, FileUploadRequest
from siliconflow_api.types import UNSET, File

from .._core.bodies import decoding_failed
from .._core.drift import note_drift
from .._core.error_bodies import connection_error
from .._core.responses import built, decoded, parse_model
from .._core.transport import STREAM_BODY_EXTENSION, AsyncRetryTransport, RetryTransport
from ._base import AsyncAPIResource, SyncAPIResource, async_to_raw_response, to_raw_response

__all__ = ["AsyncFiles", "Files", "is_url", "parse_model"]  # parse_model: from _core.responses

Model = TypeVar("Model")


def is_url(file_id: str) -> bool:
    """Whether a batch's output or error file is given as a URL rather than a file id."""
    return file_id.startswith(("https://", "http://"))


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


def _stream_request(http: httpx.Client | httpx.AsyncClient, file_id: str) -> httpx.Request:
    kwargs: dict[str, Any] = (
        {"method": "GET", "url": file_id} if is_url(file_id) else download_file._get_kwargs(file_id)
    )
    request = http.build_request(**kwargs)
    request.extensions[STREAM_BODY_EXTENSION] = True
    return request


def _partial(path: str | os.PathLike[str]) -> tuple[Path, Path]:
    target = Path(path)
    return target, target.with_name(target.name + ".part")


def _write_failed(request: httpx.Request, response: httpx.Response, error: Exception) -> Exception:
    if isinstance(error, httpx.DecodingError):
        return decoding_failed(request, response, error)
    if isinstance(error, httpx.TransportError):
        return connection_error(error, request, 1)
    return error


class Files(SyncAPIResource):
    """The sync file calls of a `SiliconFlow` client."""

    def upload(self, file: str | Path | bytes | BinaryIO, *, filename: str | None = None) -> FileObject:
        """Upload a batch input (a path, bytes or a binary file); returns the file object."""
        kwargs, opened = _upload_kwargs(file, filename)
        try:
            response = self._request(kwargs)
        finally:
            if opened is not None:
                opened.close()
        return parse_model(FileObject, response, unwrap=("data",))

    def list(self, *, limit: int | None = None) -> list[FileObject]:
        """The batch files of the account (the server's default count when `limit` is None)."""
        return _files_of(self._request(_list_kwargs(limit)))

    def content(self, file_id: str) -> bytes:
        """The bytes of a file, given its id or the URL a batch gives as its output/error file."""
        if is_url(file_id) and not _same_host(file_id, self._context.base_url):
            with httpx.Client(transport=RetryTransport(policy=self._context.retry_policy)) as plain:
                return plain.get(file_id).content
        if is_url(file_id):
            return self._request({"method": "get", "url": file_id}).content
        return self._request(download_file._get_kwargs(file_id)).content

    def write_content(self, file_id: str, path: str | os.PathLike[str]) -> int:
        """Write a file (an id or a URL, as for `content()`) to `path` in chunks; returns its size."""
        target, part = _partial(path)
        if is_url(file_id) and not _same_host(file_id, self._context.base_url):
            with httpx.Client(transport=RetryTransport(policy=self._context.retry_policy)) as plain:
                return self._write(plain, file_id, target, part)
        return self._write(self._context.http(), file_id, target, part)

    @staticmethod
    def _write(http: httpx.Client, file_id: str, target: Path, part: Path) -> int:
        request = _stream_request(http, file_id)
        response = http.send(request, stream=True)
        size = 0
        try:
            with part.open("wb") as out:
                for chunk in response.iter_bytes():
                    out.write(chunk)
                    size += len(chunk)
        except (httpx.DecodingError, httpx.TransportError) as error:
            part.unlink(missing_ok=True)
            raise _write_failed(request, response, error) from error
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        finally:
            response.close()
        part.replace(target)
        return size

    @property
    def with_raw_response(self) -> FilesWithRawResponse:
        """The same methods, returning the `RawResponse` of the request each sent."""
        return FilesWithRawResponse(self)


class AsyncFiles(AsyncAPIResource):
    """The async twin of `Files`."""

    async def upload(self, file: str | Path | bytes | BinaryIO, *, filename: str | None = None) -> FileObject:
        """Upload a batch input (a path, bytes or a binary file); returns the file object."""
        kwargs, opened = _upload_kwargs(file, filename)
        try:
            response = await self._request(kwargs)
        finally:
            if opened is not None:
                opened.close()
        return parse_model(FileObject, response, unwrap=("data",))

    async def list(self, *, limit: int | None = None) -> list[FileObject]:
        return _files_of(await self._request(_list_kwargs(limit)))

    async def content(self, file_id: str) -> bytes:
        if is_url(file_id) and not _same_host(file_id, self._context.base_url):
            async with httpx.AsyncClient(
                transport=AsyncRetryTransport(policy=self._context.retry_policy)
            ) as plain:
                return (await plain.get(file_id)).content
        if is_url(file_id):
            return (await self._request({"method": "get", "url": file_id})).content
        return (await self._request(download_file._get_kwargs(file_id))).content

    async def write_content(self, file_id: str, path: str | os.PathLike[str]) -> int:
        """The async twin of `Files.write_content`."""
        target, part = _partial(path)
        if is_url(file_id) and not _same_host(file_id, self._context.base_url):
            async with httpx.AsyncClient(
                transport=AsyncRetryTransport(policy=self._context.retry_policy)
            ) as plain:
                return await self._write(plain, file_id, target, part)
        return await self._write(await self._context.http(), file_id, target, part)

    @staticmethod
    async def _write(http: httpx.AsyncClient, file_id: str, target: Path, part: Path) -> int:
        request = _stream_request(http, file_id)
        response = await http.send(request, stream=True)
        size = 0
        try:
            with part.open("wb") as out:  # local writes of network-sized chunks: not worth a thread
                async for chunk in response.aiter_bytes():
                    out.write(chunk)
                    size += len(chunk)
        except (httpx.DecodingError, httpx.TransportError) as error:
            part.unlink(missing_ok=True)  # noqa: ASYNC240 - one local unlink, instant
            raise _write_failed(request, response, error) from error
        except BaseException:
            part.unlink(missing_ok=True)  # noqa: ASYNC240 - one local unlink, instant
            raise
        finally:
            await response.aclose()
        part.replace(target)  # noqa: ASYNC240 - one local rename, instant
        return size

    @property
    def with_raw_response(self) -> AsyncFilesWithRawResponse:
        """The same methods, returning the `RawResponse` of the request each sent."""
        return AsyncFilesWithRawResponse(self)


class FilesWithRawResponse:
    """`files.with_raw_response`: derived from the methods, so the two cannot drift."""

    def __init__(self, resource: Files) -> None:
        self.upload = to_raw_response(resource.upload)
        self.list = to_raw_response(resource.list)
        self.content = to_raw_response(resource.content)


class AsyncFilesWithRawResponse:
    """The async twin of `FilesWithRawResponse`."""

    def __init__(self, resource: AsyncFiles) -> None:
        self.upload = async_to_raw_response(resource.upload)
        self.list = async_to_raw_response(resource.list)
        self.content = async_to_raw_response(resource.content)

"""Reading a response body with a bound on its decoded size (used by the transports; sans-IO core).

A body is counted as the bytes come out of httpx's decoder (`Response.iter_bytes()`), never after
it was read whole: a 1 MB gzip body that inflates to 1 GB stops at the limit, with memory near it.

- `max_response_size` (the client's argument, default `DEFAULT_MAX_RESPONSE_SIZE`, 64 MiB): a
  non-stream body larger than that once decoded raises `ResponseTooLargeError`, which names the
  limit. A real chat answer is a few hundred KiB at most; a result file can be larger, so
  `client.files.write_content()` streams it to disk instead.
- error bodies are cut (not refused) at `max_error_body` decoded bytes: the message needs the start.
- the compressed bytes reach the decoder in slices of `RAW_SLICE` bytes, so one step of the decoder
  adds at most ~1,000 times that (deflate's maximal ratio), whatever size the network reads have.

Content encodings: `gzip`, `deflate` and `identity` are always decoded. `br` and `zstd` are decoded
only when the `brotli` (or `brotlicffi`) and `zstandard` packages are installed (httpx's own rule;
the client then also offers them in `Accept-Encoding`). httpx passes an encoding it cannot decode
through unchanged, which would hand compressed bytes over as the body; the client refuses such a
2xx body instead, with a `MalformedResponseError` that names the encoding and the package to
install. A body that does not decode (corrupt gzip) is a `MalformedResponseError` too.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator

import httpx

# Private, but the one list of the encodings this httpx can decode (it grows with brotli/zstandard).
from httpx._decoders import SUPPORTED_DECODERS

from .errors import MalformedResponseError, ResponseTooLargeError
from .redact import public_url

__all__ = [
    "DEFAULT_MAX_RESPONSE_SIZE",
    "RAW_SLICE",
    "AsyncSlicedStream",
    "SlicedStream",
    "check_max_response_size",
    "decode_capped",
    "decoded_headers",
    "decoding_failed",
    "too_large",
    "undecodable_encoding",
]

DEFAULT_MAX_RESPONSE_SIZE = 64 << 20  # decoded bytes of one non-stream body
RAW_SLICE = 1 << 10  # compressed bytes fed to the decoder at a time (≤ ~1 MiB out per step)
_PACKAGES = {"br": "brotli", "zstd": "zstandard"}


def check_max_response_size(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"max_response_size must be a number of bytes >= 1, got {value!r}")
    return value


def undecodable_encoding(headers: httpx.Headers) -> str | None:
    """The first content coding of `headers` this httpx cannot decode, or None."""
    for value in headers.get_list("content-encoding", split_commas=True):
        name = value.strip().lower()
        if name and name not in SUPPORTED_DECODERS:
            return name
    return None


def unsupported_error(
    request: httpx.Request, response: httpx.Response, encoding: str
) -> MalformedResponseError:
    package = _PACKAGES.get(encoding)
    hint = f": install {package} (pip install {package})" if package else ""
    return MalformedResponseError(
        f"HTTP {response.status_code}: {request.method} {public_url(request.url)}: the body is encoded "
        f"with {encoding!r}, which this client cannot decode{hint}",
        response=response,
    )


def decoding_failed(
    request: httpx.Request, response: httpx.Response, error: Exception
) -> MalformedResponseError:
    encoding = response.headers.get("content-encoding", "")
    return MalformedResponseError(
        f"HTTP {response.status_code}: {request.method} {public_url(request.url)}: the body does not "
        f"decode as {encoding!r}: {error}",
        response=response,
    )


def too_large(request: httpx.Request, response: httpx.Response, limit: int) -> ResponseTooLargeError:
    return ResponseTooLargeError(
        f"HTTP {response.status_code}: {request.method} {public_url(request.url)}: the body is larger "
        f"than max_response_size ({limit:,} bytes once decoded) and was not read further; pass "
        "max_response_size= to the client to allow more (a result file: files.write_content())",
        response=response,
        limit=limit,
    )


def decoded_headers(response: httpx.Response, size: int) -> httpx.Headers:
    """The headers of a response whose body is now `size` decoded bytes: no content coding left."""
    headers = response.headers.copy()
    if "content-encoding" in headers:
        del headers["content-encoding"]
        headers["content-length"] = str(size)
    return headers


def _slices(chunk: bytes) -> Iterator[bytes]:
    if len(chunk) <= RAW_SLICE:
        yield chunk
        return
    view = memoryview(chunk)
    for start in range(0, len(chunk), RAW_SLICE):
        yield bytes(view[start : start + RAW_SLICE])


class SlicedStream(httpx.SyncByteStream):
    """`stream`'s bytes in slices of at most `RAW_SLICE`, for a decoder to take one at a time."""

    def __init__(self, stream: Iterable[bytes], close: httpx.SyncByteStream | None = None) -> None:
        self._stream = stream
        self._close = close

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._stream:
            yield from _slices(chunk)

    def close(self) -> None:
        if self._close is not None:
            self._close.close()


class AsyncSlicedStream(httpx.AsyncByteStream):
    """The async twin of `SlicedStream`."""

    def __init__(self, stream: AsyncIterator[bytes], close: httpx.AsyncByteStream | None = None) -> None:
        self._stream = stream
        self._close = close

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._stream:
            for piece in _slices(chunk):
                yield piece

    async def aclose(self) -> None:
        if self._close is not None:
            await self._close.aclose()


def decode_capped(response: httpx.Response, raw: bytes, limit: int) -> bytes:
    """`raw` (a read body) decoded as `response`'s headers say, cut at `limit` decoded bytes.

    Raises `httpx.DecodingError` when it does not decode."""
    decoding = httpx.Response(response.status_code, headers=response.headers, stream=SlicedStream([raw]))
    buffer = bytearray()
    for part in decoding.iter_bytes():
        buffer += part
        if len(buffer) >= limit:
            del buffer[limit:]
            break
    return bytes(buffer)

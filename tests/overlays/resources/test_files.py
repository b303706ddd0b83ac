"""`client.files.content()` bounded in memory, `write_content()` to disk in chunks (issue 17 item 1)."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from siliconflow import (
    APIConnectionError,
    AsyncSiliconFlow,
    ResponseTooLargeError,
    RetryPolicy,
    SiliconFlow,
)

if TYPE_CHECKING:
    from tests.overlays.conftest import RawServer, Twin

pytestmark = pytest.mark.anyio

KEY = "sk-files-0123456789abcdef"
FAST = RetryPolicy(max_retries=0)
LINES = b"".join(b'{"custom_id": "r%d", "response": {"status_code": 200}}\n' % i for i in range(20_000))


def client_for(twin: Twin, server: RawServer, **options: Any) -> Any:
    return (AsyncSiliconFlow if twin.is_async else SiliconFlow)(
        KEY, base_url=server.url, retry_policy=FAST, **options
    )


def gzip_answer(server: RawServer, body: bytes) -> None:
    packed = gzip.compress(body)
    headers = {
        "content-type": "application/jsonl",
        "content-encoding": "gzip",
        "content-length": str(len(packed)),
    }
    server.answer(server.head(200, headers), packed)


async def call(twin: Twin, client: Any, method: str, *args: Any) -> Any:
    try:
        result = getattr(client.files, method)(*args)
        return (await result) if twin.is_async else result
    finally:
        await twin.close(client)


async def test_content_in_memory_is_bounded_by_max_response_size(twin: Twin, raw_server: RawServer) -> None:
    gzip_answer(raw_server, LINES)
    with pytest.raises(ResponseTooLargeError, match="write_content"):
        await call(twin, client_for(twin, raw_server, max_response_size=100_000), "content", "file-1")


async def test_write_content_streams_a_file_larger_than_the_limit_to_disk(
    twin: Twin, raw_server: RawServer, tmp_path: Path
) -> None:
    gzip_answer(raw_server, LINES)
    target = tmp_path / "results.jsonl"
    client = client_for(twin, raw_server, max_response_size=100_000)
    size = await call(twin, client, "write_content", "file-1", target)
    assert size == len(LINES)
    assert target.read_bytes() == LINES  # decoded, exactly
    assert not (tmp_path / "results.jsonl.part").exists()
    assert raw_server.requests[0][0].startswith(b"GET /v1/files/file-1/content ")


async def test_a_broken_download_leaves_no_file_and_is_typed(
    twin: Twin, raw_server: RawServer, tmp_path: Path
) -> None:
    headers = {"content-type": "application/jsonl", "content-length": str(len(LINES))}
    raw_server.answer(raw_server.head(200, headers), LINES[:50_000], raw_server.RESET)
    target = tmp_path / "results.jsonl"
    with pytest.raises(APIConnectionError) as caught:
        await call(twin, client_for(twin, raw_server), "write_content", "file-1", target)
    assert KEY not in str(caught.value)
    assert not target.exists()
    assert not target.with_name("results.jsonl.part").exists()

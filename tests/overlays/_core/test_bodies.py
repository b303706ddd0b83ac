"""Bodies bounded after decoding (`_core/bodies.py`): gzip bombs, huge JSON, endless newlines, br.

The memory cases run `body_probe.py` in a fresh process against a raw loopback server (a 400 MiB
gzip bomb of ~400 KB, 200 MiB of plain JSON, 300 MiB of bare newlines), and check the growth of
its peak resident set (VmHWM) during the call. The default `max_response_size` is 64 MiB.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from siliconflow import (
    AsyncSiliconFlow,
    InternalServerError,
    MalformedResponseError,
    ResponseTooLargeError,
    RetryPolicy,
    SiliconFlow,
)
from siliconflow._core.bodies import DEFAULT_MAX_RESPONSE_SIZE

if TYPE_CHECKING:
    from tests.overlays.conftest import RawServer, Twin, Wire

pytestmark = pytest.mark.anyio

PROBE = Path(__file__).with_name("body_probe.py")
KEY = "sk-bodies-0123456789abcdef"
FAST = RetryPolicy(max_retries=2, initial_backoff=0.001, max_backoff=0.002, jitter=0)
MIB = 1 << 20
# The bound each case must stay under: the limit, plus the decoder's step and the interpreter's noise.
ANSWER_BOUND_MIB = DEFAULT_MAX_RESPONSE_SIZE / MIB + 32
ERROR_BOUND_MIB = 24  # the error-body cap is 1 MiB
STREAM_BOUND_MIB = 32  # max_event_size is 1 MiB in the probe


def probe(case: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(PROBE), case], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


@pytest.mark.parametrize(
    "case", ["create", "acreate", "models", "user", "files", "stream_json", "plain_json"]
)
def test_a_huge_decoded_answer_stops_at_max_response_size(case: str) -> None:
    result = probe(case)
    assert result["error"] == "ResponseTooLargeError", result
    assert "max_response_size (67,108,864 bytes" in result["message"]
    assert result["growth_mib"] < ANSWER_BOUND_MIB, result


def test_a_gzip_bomb_error_body_is_cut_at_the_error_cap_after_decoding_on_every_retry() -> None:
    result = probe("error_500")
    assert result["error"] == "InternalServerError", result
    assert result["growth_mib"] < ERROR_BOUND_MIB, result


@pytest.mark.parametrize("case", ["sse_newlines", "sse_newlines_gzip"])
def test_an_event_stream_of_bare_newlines_holds_no_more_than_the_event_cap(case: str) -> None:
    result = probe(case)
    # Blank lines end (empty) events, so the decoder buffers nothing: the stream just ends unfinished.
    assert result["error"] == "IncompleteStreamError", result
    assert result["growth_mib"] < STREAM_BOUND_MIB, result


def encoded(encoding: str, body: bytes) -> dict[str, str]:
    return {
        "content-type": "application/json",
        "content-encoding": encoding,
        "content-length": str(len(body)),
    }


def client_for(twin: Twin, server: RawServer, **options: Any) -> Any:
    return (AsyncSiliconFlow if twin.is_async else SiliconFlow)(
        KEY, base_url=server.url, retry_policy=FAST, **options
    )


async def test_max_response_size_is_per_client_and_counts_decoded_bytes(
    twin: Twin, raw_server: RawServer, wire: Wire
) -> None:
    body = gzip.compress(json.dumps(wire.fixture_json("deepseek-v3-response.json")).encode())
    headers = {
        "content-type": "application/json",
        "content-encoding": "gzip",
        "content-length": str(len(body)),
    }
    raw_server.answer(raw_server.head(200, headers), body)
    client = client_for(twin, raw_server, max_response_size=len(body) + 10)  # > compressed, < decoded
    try:
        with pytest.raises(ResponseTooLargeError) as caught:
            await twin.create(client, wire.request())
    finally:
        await twin.close(client)
    assert caught.value.limit == len(body) + 10
    assert KEY not in str(caught.value)


async def test_a_gzip_answer_under_the_limit_is_handed_over_decoded(
    twin: Twin, raw_server: RawServer, wire: Wire
) -> None:
    payload = wire.fixture_json("deepseek-v3-response.json")
    body = gzip.compress(json.dumps(payload).encode())
    headers = {
        "content-type": "application/json",
        "content-encoding": "gzip",
        "content-length": str(len(body)),
    }
    raw_server.answer(raw_server.head(200, headers), body)
    client = client_for(twin, raw_server)
    try:
        completion = await twin.create(client, wire.request())
    finally:
        await twin.close(client)
    assert completion.id == payload["id"]


@pytest.mark.parametrize(
    ("encoding", "package"), [("br", "brotli"), ("zstd", "zstandard"), ("x-gibberish", "")]
)
async def test_an_encoding_httpx_cannot_decode_is_a_typed_error_not_garbage(
    twin: Twin, raw_server: RawServer, wire: Wire, encoding: str, package: str
) -> None:
    if package and _installed(package):
        pytest.skip(f"{package} is installed: httpx decodes {encoding}")
    body = b"\x8b\x02\x80compressed-bytes"
    headers = {
        "content-type": "application/json",
        "content-encoding": encoding,
        "content-length": str(len(body)),
    }
    raw_server.answer(raw_server.head(200, headers), body)
    client = client_for(twin, raw_server)
    try:
        with pytest.raises(MalformedResponseError, match=f"encoded with '{encoding}'") as caught:
            await twin.create(client, wire.request())
    finally:
        await twin.close(client)
    if package:
        assert f"install {package}" in str(caught.value)


async def test_a_corrupt_gzip_answer_is_a_typed_error(twin: Twin, raw_server: RawServer, wire: Wire) -> None:
    body = gzip.compress(b'{"id": "x"}')[:-12] + b"\x00garbage-not-deflate\xff" * 3
    headers = {
        "content-type": "application/json",
        "content-encoding": "gzip",
        "content-length": str(len(body)),
    }
    raw_server.answer(raw_server.head(200, headers), body)
    client = client_for(twin, raw_server)
    try:
        with pytest.raises(MalformedResponseError, match="does not decode as 'gzip'"):
            await twin.create(client, wire.request())
    finally:
        await twin.close(client)


def test_an_error_body_is_cut_at_the_cap_in_decoded_bytes() -> None:
    decoded = b'{"message": "' + b"x" * (5 * MIB) + b'"}'
    body = gzip.compress(decoded)

    def respond(request: httpx.Request) -> httpx.Response:
        return httpx.Response(500, headers={"content-encoding": "gzip"}, content=body)

    with (
        SiliconFlow(KEY, transport=httpx.MockTransport(respond), max_retries=0) as client,
        pytest.raises(InternalServerError) as caught,
    ):
        client.models.list()
    assert len(caught.value.response.content) == 1 << 20  # the default max_error_body, decoded


@pytest.mark.parametrize("bad", [0, -1, True, 1.5, "64"])
def test_max_response_size_must_be_a_positive_number_of_bytes(bad: object) -> None:
    with pytest.raises(ValueError, match="max_response_size"):
        SiliconFlow(KEY, max_response_size=bad)  # type: ignore[arg-type]


def _installed(package: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(package) is not None

"""The Batch API path on the mock: submit -> status -> results, split, expired, cancelled, sync and async."""

from __future__ import annotations

import asyncio
import http.server
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from siliconflow import AsyncSiliconFlow, SiliconFlow
from siliconflow.bulk.batch_jobs import (
    BatchNotFinishedError,
    BatchWaitTimeoutError,
    split_input,
    submit,
    wait,
    write_results,
)
from siliconflow.bulk.output import OutputFile
from siliconflow_mock import MISSING_MODEL, RunningMock, serve_in_background

STEP = 0.05


@pytest.fixture(scope="module")
def mock() -> Iterator[RunningMock]:
    with serve_in_background(batch_step_seconds=STEP) as running:
        yield running


@pytest.fixture
def client(mock: RunningMock) -> Iterator[SiliconFlow]:
    with SiliconFlow(api_key=mock.token, base_url=mock.base_url) as sync_client:
        yield sync_client


def write_input(path: Path, count: int, model: str = "Qwen/Qwen3-8B") -> Path:
    with path.open("w", encoding="utf-8") as file:
        for i in range(count):
            body = {"model": model, "messages": [{"role": "user", "content": f"q{i}"}]}
            file.write(
                json.dumps(
                    {"custom_id": f"r{i}", "method": "POST", "url": "/v1/chat/completions", "body": body}
                )
                + "\n"
            )
    return path


def read_out(path: Path) -> dict[str, dict[str, Any]]:
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    by_id = {line["custom_id"]: line for line in lines}
    assert len(by_id) == len(lines), "a custom_id was written twice"
    return by_id


def no_sleep(seconds: float) -> None:
    time.sleep(STEP / 2)


@pytest.mark.slow
def test_submit_status_results_round_trip_with_a_split_at_5000_lines(
    client: SiliconFlow, tmp_path: Path
) -> None:
    source = write_input(tmp_path / "in.jsonl", 5001)
    with (tmp_path / "in.jsonl").open("a", encoding="utf-8") as file:
        body = {"model": MISSING_MODEL, "messages": [{"role": "user", "content": "x"}]}
        file.write(json.dumps({"custom_id": "bad", "body": body}) + "\n")
    created = submit(client, source, metadata={"job": "test"})
    assert len(created) == 2  # 5,000 lines, then the other 2
    assert all(batch.status == "in_queue" for batch in created)
    ids = [batch.id for batch in created]
    with pytest.raises(BatchNotFinishedError, match="in_queue"):
        write_results(client, ids, tmp_path / "early.jsonl")
    statuses: list[str] = []
    ended = wait(client, ids, first_poll=STEP / 2, on_change=lambda batch: statuses.append(batch.status))
    assert [batch.status for batch in ended] == ["completed", "completed"]
    assert statuses.index("in_progress") < statuses.index("completed")
    assert ended[1].request_counts.total == 2  # type: ignore[union-attr]
    target = tmp_path / "out.jsonl"
    written = write_results(client, ids, target)
    assert (written.succeeded, written.failed) == (5001, 1)
    out = read_out(target)
    assert len(out) == 5002
    good = out["r4999"]
    assert good["error"] is None
    assert good["response"]["status_code"] == 200
    assert good["response"]["body"]["choices"][0]["message"]["content"] == "You said: q4999"
    assert out["bad"]["response"] is None
    assert out["bad"]["error"]["code"] == "20012"
    again = write_results(client, ids, target)  # merging twice writes nothing twice
    assert (again.succeeded, again.already_written) == (0, 5002)
    assert len(read_out(target)) == 5002


def test_an_expired_batch_gives_every_line_as_an_error(client: SiliconFlow, tmp_path: Path) -> None:
    source = write_input(tmp_path / "in.jsonl", 3)
    [batch] = submit(client, source, metadata={"mock_fault": "expire"})
    [ended] = wait(client, [batch.id], first_poll=STEP / 2)
    assert ended.status == "expired"
    target = tmp_path / "out.jsonl"
    written = write_results(client, [batch.id], target)
    assert written.failed == 3
    assert {line["error"]["code"] for line in read_out(target).values()} == {"batch_expired"}


def test_a_cancelled_batch_goes_cancelling_then_cancelled(client: SiliconFlow, tmp_path: Path) -> None:
    source = write_input(tmp_path / "in.jsonl", 2)
    [batch] = submit(client, source)
    cancelling = client.batches.cancel(batch.id)
    assert cancelling.status == "cancelling"
    [ended] = wait(client, [batch.id], first_poll=STEP / 2)
    assert ended.status == "cancelled"
    write_results(client, [batch.id], tmp_path / "out.jsonl")
    assert {line["error"]["code"] for line in read_out(tmp_path / "out.jsonl").values()} == {
        "batch_cancelled"
    }


def test_invalid_lines_refuse_the_submit_before_any_upload(client: SiliconFlow, tmp_path: Path) -> None:
    source = write_input(tmp_path / "in.jsonl", 2)
    with source.open("a", encoding="utf-8") as file:
        file.write("{broken\n")
    before = len(client.files.list(limit=1000))
    with pytest.raises(ValueError, match="line 3: not valid JSON"):
        submit(client, source)
    assert len(client.files.list(limit=1000)) == before


def test_split_respects_lines_and_bytes(tmp_path: Path) -> None:
    source = write_input(tmp_path / "in.jsonl", 10)
    with split_input(source, max_lines=4) as parts:
        assert [len(part.read_text().splitlines()) for part in parts] == [4, 4, 2]
    with split_input(source, max_bytes=300) as parts:
        assert all(part.stat().st_size <= 300 for part in parts)
        assert sum(len(part.read_text().splitlines()) for part in parts) == 10
    assert not parts[0].exists()  # temporary


def test_the_client_calls_are_typed_and_checked(client: SiliconFlow) -> None:
    uploaded = client.files.upload(
        b'{"custom_id": "a", "body": {"model": "m", "messages": []}}\n', filename="x.jsonl"
    )
    assert uploaded.id.startswith("file-")
    assert uploaded.filename == "x.jsonl"
    assert any(item.id == uploaded.id and item.line_count == 1 for item in client.files.list(limit=100))
    batch = client.batches.create(input_file_id=uploaded.id, completion_window="48h", model="Qwen/Qwen3-8B")
    assert batch.completion_window == "48h"
    assert client.batches.retrieve(batch.id).id == batch.id
    assert batch.id in [item.id for item in client.batches.list().data]
    with pytest.raises(ValueError, match="completion_window must be 24h to 336h"):
        client.batches.create(input_file_id=uploaded.id, completion_window="1h")
    with pytest.raises(ValueError, match="at most 16 pairs"):
        client.batches.create(input_file_id=uploaded.id, metadata={str(i): "v" for i in range(17)})


@pytest.mark.anyio
async def test_the_async_twins_do_the_same(mock: RunningMock, tmp_path: Path) -> None:
    source = write_input(tmp_path / "in.jsonl", 2)
    async with AsyncSiliconFlow(api_key=mock.token, base_url=mock.base_url) as client:
        uploaded = await client.files.upload(source)
        batch = await client.batches.create(input_file_id=uploaded.id)
        assert (await client.batches.retrieve(batch.id)).status in {"in_queue", "in_progress"}
        assert uploaded.id in [item.id for item in await client.files.list()]
        assert batch.id in [item.id for item in (await client.batches.list()).data]
        cancelled = await client.batches.cancel(batch.id)
        assert cancelled.status == "cancelling"
        await asyncio.sleep(STEP * 2)
        ended = await client.batches.retrieve(batch.id)
        assert ended.status == "cancelled"
        assert isinstance(ended.error_file_id, str)
        content = await client.files.content(ended.error_file_id)
    assert len(content.splitlines()) == 2


class _Storage(http.server.BaseHTTPRequestHandler):
    seen: list[dict[str, str]] = []  # noqa: RUF012 - shared on purpose: the test reads it

    def do_GET(self) -> None:
        type(self).seen.append(dict(self.headers))
        body = b'{"custom_id": "a"}\n'
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_a_result_url_on_another_host_is_fetched_without_the_key(client: SiliconFlow) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Storage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://localhost:{server.server_address[1]}/bucket/out.jsonl?sig=abc"
        assert client.files.content(url) == b'{"custom_id": "a"}\n'
    finally:
        server.shutdown()
        server.server_close()
    assert not any("authorization" in {key.lower() for key in headers} for headers in _Storage.seen)


# The result lines SiliconFlow documents (only the error line) and OpenAI's batch output line, whose
# shape SiliconFlow mirrors: an HTTP error is a response with its status and `"error": null`.
SILICONFLOW_ERROR = {
    "id": "batch_req_1",
    "custom_id": "expired",
    "response": None,
    "error": {
        "code": "batch_expired",
        "message": "This request could not be executed before the completion window expired.",
    },
}
OPENAI_SUCCESS = {
    "id": "batch_req_2",
    "custom_id": "ok",
    "response": {
        "status_code": 200,
        "request_id": "req_2",
        "body": {"object": "chat.completion", "choices": []},
    },
    "error": None,
}
OPENAI_HTTP_400 = {
    "id": "batch_req_3",
    "custom_id": "bad",
    "response": {
        "status_code": 400,
        "request_id": "req_3",
        "body": {
            "error": {"message": "Invalid model", "type": "invalid_request_error", "code": "model_not_found"}
        },
    },
    "error": None,
}


def _ended_batch_transport(output: list[dict[str, Any]], errors: list[dict[str, Any]]) -> httpx.MockTransport:
    files = {"file-out": output, "file-err": errors}

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/batches/batch_x":
            batch = {
                "id": "batch_x",
                "object": "batch",
                "endpoint": "/v1/chat/completions",
                "input_file_id": "file-in",
                "completion_window": "24h",
                "status": "completed",
                "output_file_id": "file-out",
                "error_file_id": "file-err",
                "created_at": 1,
            }
            return httpx.Response(200, json=batch)
        file_id = request.url.path.split("/")[-2]
        return httpx.Response(
            200, content=b"".join(json.dumps(line).encode() + b"\n" for line in files[file_id])
        )

    return httpx.MockTransport(handler)


def test_a_result_line_is_a_success_only_with_a_2xx_status_in_either_shape(tmp_path: Path) -> None:
    transport = _ended_batch_transport([OPENAI_SUCCESS, OPENAI_HTTP_400], [SILICONFLOW_ERROR])
    target = tmp_path / "out.jsonl"
    with SiliconFlow(api_key="sk-test-key-123", base_url="http://api.test/v1", transport=transport) as client:
        written = write_results(client, ["batch_x"], target)
    assert (written.succeeded, written.failed) == (1, 2)
    lines = read_out(target)
    assert lines["ok"]["error"] is None
    assert lines["ok"]["response"]["status_code"] == 200
    assert lines["bad"]["response"] is None
    assert lines["bad"]["error"]["code"] == "http_400"
    assert "Invalid model" in lines["bad"]["error"]["message"]
    assert lines["expired"]["error"]["code"] == "batch_expired"
    # So --retry-failed redoes the 400 as well as the expired line; the success stays.
    out = OutputFile(target, retry_failed=True)
    out.close()
    assert ("ok" in out.done, "bad" in out.done, "expired" in out.done) == (True, False, False)


class _FakeTime:
    """A clock that only the waits move: `wait` polls for an hour in no time."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def _forever_in_progress() -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        batch_id = request.url.path.rsplit("/", 1)[-1]
        return httpx.Response(
            200,
            json={
                "id": batch_id,
                "object": "batch",
                "endpoint": "/v1/chat/completions",
                "input_file_id": "file-in",
                "completion_window": "24h",
                "status": "in_progress" if batch_id == "batch_slow" else "completed",
                "created_at": 1,
            },
        )

    return httpx.MockTransport(handler)


def test_wait_gives_up_after_its_timeout_naming_the_batch_and_the_time() -> None:
    fake = _FakeTime()
    with (
        SiliconFlow(
            api_key="sk-test-key-123", base_url="http://api.test/v1", transport=_forever_in_progress()
        ) as client,
        pytest.raises(BatchWaitTimeoutError) as caught,
    ):
        wait(client, ["batch_done", "batch_slow"], timeout=300, sleep=fake.sleep, clock=fake.clock)
    error = caught.value
    assert isinstance(error, TimeoutError)
    assert error.batch_ids == ["batch_slow"]
    assert (
        str(error)
        == "batch_slow still in_progress after 300.0 s (timeout 300 s): it keeps running on the server"
    )
    assert fake.now - 1000.0 == pytest.approx(300)  # the last sleep is cut to the time left
    assert max(fake.sleeps) <= 60


def test_wait_without_a_timeout_and_a_timeout_that_is_not_a_number() -> None:
    fake = _FakeTime()
    with SiliconFlow(
        api_key="sk-test-key-123", base_url="http://api.test/v1", transport=_forever_in_progress()
    ) as client:
        [done] = wait(client, ["batch_done"], timeout=0, sleep=fake.sleep, clock=fake.clock)
        assert done.status == "completed"  # an ended batch is returned even with no time to wait
        for bad in (-1, float("nan"), "10", True):
            with pytest.raises(ValueError, match=r"timeout must be a number of seconds >= 0 or None"):
                wait(client, ["batch_done"], timeout=bad, sleep=fake.sleep, clock=fake.clock)  # type: ignore[arg-type]

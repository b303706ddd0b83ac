"""The online bulk runner, async and sync, against the mock and against scripted transports."""

from __future__ import annotations

import asyncio
import errno
import io
import json
import os
from pathlib import Path
from typing import Any

import httpx
import pytest
from siliconflow import AsyncSiliconFlow, RetryPolicy
from siliconflow.bulk import (
    BulkOptions,
    InputError,
    OutputFileLockedError,
    OutputWriteError,
    Prices,
    run_bulk,
    run_bulk_async,
)
from siliconflow_mock import MISSING_MODEL, RateLimits, RunningMock, serve_in_background

MODEL = "Qwen/Qwen3-8B"
FAST = RetryPolicy(initial_backoff=0.01, max_backoff=0.02)


def request(custom_id: str, content: str = "hi", model: str = MODEL, **body: Any) -> dict[str, Any]:
    return {
        "custom_id": custom_id,
        "method": "POST",
        "url": "/v1/chat/completions",
        "body": {"model": model, "messages": [{"role": "user", "content": content}], **body},
    }


def write_input(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def results(path: Path) -> dict[str, dict[str, Any]]:
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    by_id = {line["custom_id"]: line for line in lines}
    assert len(by_id) == len(lines), "a custom_id was written twice"
    return by_id


def client_for(mock: RunningMock, **options: Any) -> AsyncSiliconFlow:
    return AsyncSiliconFlow(api_key=mock.token, base_url=mock.base_url, retry_policy=FAST, **options)


@pytest.mark.anyio
async def test_every_line_gets_one_result_in_the_batch_output_format(
    mock_server: RunningMock, tmp_path: Path
) -> None:
    source = write_input(
        tmp_path / "in.jsonl",
        [
            request("plain", "What is 2+2?"),
            request("streamed", "Tell me a story", stream=True),
            request("bad-model", model=MISSING_MODEL),
        ],
    )
    target = tmp_path / "out.jsonl"
    async with client_for(mock_server) as client:
        summary = await run_bulk_async(source, target, client=client)
    out = results(target)
    assert set(out) == {"plain", "streamed", "bad-model"}
    plain = out["plain"]
    assert plain["error"] is None
    assert plain["response"]["status_code"] == 200
    assert len(plain["response"]["request_id"]) == 32  # the mock's x-siliconcloud-trace-id
    assert plain["response"]["body"]["object"] == "chat.completion"
    assert plain["response"]["body"]["choices"][0]["message"]["content"] == "You said: What is 2+2?"
    streamed = out["streamed"]["response"]["body"]  # accumulated into the non-stream shape
    assert streamed["object"] == "chat.completion"
    assert streamed["choices"][0]["message"]["content"] == "You said: Tell me a story"
    assert streamed["choices"][0]["message"]["reasoning_content"].startswith("Thinking about")
    assert streamed["usage"]["total_tokens"] > 0
    failed = out["bad-model"]
    assert failed["response"] is None
    assert failed["error"]["code"] == "20012"
    assert "Model does not exist" in failed["error"]["message"]
    assert (summary.succeeded, summary.failed) == (2, 1)
    assert summary.prompt_tokens > 0
    assert summary.reasoning_tokens > 0
    assert summary.answer_tokens > 0


def test_the_sync_wrapper_runs_the_same_job_and_prints_a_summary_with_the_cost(
    mock_server: RunningMock, tmp_path: Path
) -> None:
    source = write_input(tmp_path / "in.jsonl", [request(f"r{i}", f"question {i}") for i in range(20)])
    target = tmp_path / "out.jsonl"
    err = io.StringIO()
    prices = Prices({MODEL: (1.0, 2.0)})
    summary = run_bulk(
        source,
        target,
        options=BulkOptions(concurrency=4),
        progress=err,
        prices=prices,
        api_key=mock_server.token,
        base_url=mock_server.base_url,
    )
    assert summary.succeeded == 20
    assert len(results(target)) == 20
    text = err.getvalue()
    assert "finished in" in text
    assert "20 succeeded, 0 failed" in text
    prompt, completion = summary.tokens_by_model[MODEL]
    assert f"estimated cost: {prompt / 1e6 * 1.0 + completion / 1e6 * 2.0:.4f}" in text


@pytest.mark.anyio
async def test_a_second_run_skips_done_lines_and_retry_failed_redoes_the_failed(
    mock_server: RunningMock, tmp_path: Path
) -> None:
    source = write_input(tmp_path / "in.jsonl", [request(f"r{i}", f"q{i}") for i in range(10)])
    target = tmp_path / "out.jsonl"
    # First run: every request is overloaded (503) and no retry is allowed: all fail.
    async with client_for(mock_server, headers={"X-Mock-Fault": "overloaded"}) as client:
        first = await run_bulk_async(source, target, client=client, options=BulkOptions(max_retries=0))
    assert first.failed == 10
    assert all(line["error"]["code"] == "50505" for line in results(target).values())
    async with client_for(mock_server) as client:
        again = await run_bulk_async(source, target, client=client)
        assert (again.skipped_done, again.succeeded) == (10, 0)  # failed lines are done unless retried
        redo = await run_bulk_async(source, target, client=client, options=BulkOptions(retry_failed=True))
    assert redo.succeeded == 10
    out = results(target)
    assert len(out) == 10
    assert all(line["error"] is None for line in out.values())


@pytest.mark.anyio
async def test_5xx_and_resets_are_retried_then_succeed(mock_server: RunningMock, tmp_path: Path) -> None:
    source = write_input(tmp_path / "in.jsonl", [request(f"r{i}", f"q{i}") for i in range(6)])
    target = tmp_path / "out.jsonl"
    headers = {"X-Mock-Fault": "connection-reset", "X-Mock-Fault-Times": "2"}
    async with client_for(mock_server, headers=headers) as client:
        summary = await run_bulk_async(source, target, client=client, options=BulkOptions(max_retries=2))
    assert summary.succeeded == 6
    assert summary.retries == 12
    assert all(line["error"] is None for line in results(target).values())


@pytest.mark.anyio
async def test_invalid_lines_refuse_the_file_or_are_skipped_by_one_flag(
    mock_server: RunningMock, tmp_path: Path
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps(request("a")) + "\nnot json\n" + json.dumps({"custom_id": "c", "body": {}}) + "\n",
        encoding="utf-8",
    )
    target = tmp_path / "out.jsonl"
    async with client_for(mock_server) as client:
        with pytest.raises(InputError) as refused:
            await run_bulk_async(source, target, client=client)
        assert [problem.line for problem in refused.value.problems] == [2, 3]
        assert "line 2: not valid JSON" in str(refused.value)
        assert not target.exists()  # nothing sent, nothing written
        err = io.StringIO()
        summary = await run_bulk_async(
            source, target, client=client, options=BulkOptions(invalid_lines="skip"), progress=err
        )
    assert (summary.succeeded, summary.invalid) == (1, 2)
    assert "line 3: body.messages is missing" in err.getvalue()
    assert set(results(target)) == {"a"}


# ---- 429s, on a scripted transport ----------------------------------------------------------------


def rate_limited(limit: str) -> httpx.Response:
    message = f"Request was rejected due to rate limiting. Details:{limit} limit reached."
    return httpx.Response(429, json={"message": message, "data": None})


def completion(model: str) -> httpx.Response:
    body = {
        "id": "x",
        "object": "chat.completion",
        "created": 1,
        "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "ok"}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5},
    }
    return httpx.Response(200, json=body, headers={"x-siliconcloud-trace-id": "t"})


@pytest.mark.anyio
@pytest.mark.parametrize("limit", ["RPH", "RPD"])
async def test_an_hourly_or_daily_429_pauses_only_that_model_and_says_so(tmp_path: Path, limit: str) -> None:
    loop = asyncio.get_running_loop()
    sent: list[tuple[str, float]] = []
    struck = False

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal struck
        model = json.loads(request.content)["model"]
        sent.append((model, loop.time()))
        if model == "slow/model" and not struck:
            struck = True
            return rate_limited(limit)
        return completion(model)

    source = write_input(
        tmp_path / "in.jsonl", [request("a", model="slow/model"), request("b", model="fast/model")]
    )
    target = tmp_path / "out.jsonl"
    err = io.StringIO()
    options = BulkOptions(concurrency=2, rate_limit_pauses={limit: 0.5})
    transport = httpx.MockTransport(handler)
    async with AsyncSiliconFlow(
        api_key="sk-test-key-123", base_url="http://x/v1", transport=transport
    ) as client:
        started = loop.time()
        summary = await run_bulk_async(source, target, client=client, options=options, progress=err)
    slow = [at - started for model, at in sent if model == "slow/model"]
    fast = [at - started for model, at in sent if model == "fast/model"]
    assert len(slow) == 2
    assert slow[1] - slow[0] >= 0.45  # paused for the (test-sized) window
    assert fast[0] < 0.4  # the other model did not wait
    assert f"{limit} limit reached: slow/model paused for" in err.getvalue()
    assert (summary.succeeded, summary.rate_limited) == (2, 1)
    assert all(line["error"] is None for line in results(target).values())


@pytest.mark.anyio
async def test_a_tpm_429_cools_the_model_down_without_using_up_retries(tmp_path: Path) -> None:
    strikes = 3

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal strikes
        if strikes:
            strikes -= 1
            return rate_limited("TPM")
        return completion(json.loads(request.content)["model"])

    source = write_input(tmp_path / "in.jsonl", [request("a")])
    target = tmp_path / "out.jsonl"
    err = io.StringIO()
    options = BulkOptions(max_retries=0, first_cooldown=0.05, tpm=60_000)
    transport = httpx.MockTransport(handler)
    async with AsyncSiliconFlow(
        api_key="sk-test-key-123", base_url="http://x/v1", transport=transport
    ) as client:
        summary = await run_bulk_async(source, target, client=client, options=options, progress=err)
    assert (summary.succeeded, summary.rate_limited) == (1, 3)
    assert "TPM limit reached" in err.getvalue()
    assert results(target)["a"]["error"] is None


@pytest.mark.anyio
async def test_rate_limits_of_the_mock_are_waited_out_until_the_retries_for_them_end(tmp_path: Path) -> None:
    source = write_input(tmp_path / "in.jsonl", [request(f"r{i}") for i in range(5)])
    target = tmp_path / "out.jsonl"
    options = BulkOptions(concurrency=1, max_rate_limit_retries=1, rate_limit_pauses={"RPH": 0.05})
    with serve_in_background(rate_limits=RateLimits(rph=3)) as mock:
        async with client_for(mock) as client:
            summary = await run_bulk_async(source, target, client=client, options=options)
    out = results(target)
    assert (summary.succeeded, summary.failed) == (3, 2)
    failed = [line for line in out.values() if line["error"] is not None]
    assert all(line["error"]["code"] == "http_429" for line in failed)
    assert all("RPH limit reached" in line["error"]["message"] for line in failed)


@pytest.mark.anyio
async def test_pacing_to_the_mocks_rpm_gets_no_429(tmp_path: Path) -> None:
    source = write_input(tmp_path / "in.jsonl", [request(f"r{i}") for i in range(30)])
    target = tmp_path / "out.jsonl"
    with serve_in_background(rate_limits=RateLimits(rpm=1200, tpm=100_000)) as mock:
        async with client_for(mock) as client:
            summary = await run_bulk_async(
                source, target, client=client, options=BulkOptions(concurrency=8, rpm=1200, tpm=100_000)
            )
    assert (summary.succeeded, summary.rate_limited) == (30, 0)


@pytest.mark.anyio
async def test_stop_sends_nothing_new_and_writes_what_was_in_flight(
    mock_server: RunningMock, tmp_path: Path
) -> None:
    source = write_input(tmp_path / "in.jsonl", [request(f"r{i}", f"q{i}") for i in range(50)])
    target = tmp_path / "out.jsonl"
    stop = asyncio.Event()
    headers = {"X-Mock-Fault": "slow-first-byte", "X-Mock-Delay-Ms": "200"}
    async with client_for(mock_server, headers=headers) as client:
        job = asyncio.create_task(
            run_bulk_async(source, target, client=client, options=BulkOptions(concurrency=4), stop=stop)
        )
        await asyncio.sleep(0.5)
        stop.set()
        summary = await asyncio.wait_for(job, timeout=10)
    assert summary.interrupted
    written = results(target)
    assert 4 <= len(written) < 50
    assert len(written) == summary.succeeded
    assert target.read_bytes().endswith(b"\n")


@pytest.mark.anyio
async def test_a_200_that_is_not_a_completion_is_that_lines_error(tmp_path: Path) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"<html>proxy login</html>")

    source = write_input(tmp_path / "in.jsonl", [request("a")])
    target = tmp_path / "out.jsonl"
    transport = httpx.MockTransport(handler)
    async with AsyncSiliconFlow(
        api_key="sk-test-key-123", base_url="http://x/v1", transport=transport
    ) as client:
        summary = await run_bulk_async(source, target, client=client)
    assert summary.failed == 1
    assert results(target)["a"]["error"]["code"] == "malformed_response"


@pytest.mark.anyio
async def test_a_write_failure_ends_the_job_with_the_error_and_no_torn_line(
    mock_server: RunningMock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write_input(tmp_path / "in.jsonl", [request(f"r{i}", f"q{i}") for i in range(40)])
    target = tmp_path / "out.jsonl"
    target.touch()
    real_write = os.write
    writes = [0]

    def full_disk(descriptor: int, data: Any) -> int:  # the third line is torn, then ENOSPC
        if os.fstat(descriptor).st_ino != target.stat().st_ino:
            return real_write(descriptor, data)
        writes[0] += 1
        if writes[0] == 3:
            return real_write(descriptor, bytes(data)[:20])
        if writes[0] > 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(descriptor, data)

    monkeypatch.setattr(os, "write", full_disk)
    async with client_for(mock_server) as client:
        with pytest.raises(OutputWriteError, match=r"out\.jsonl: No space left on device"):
            await asyncio.wait_for(
                run_bulk_async(source, target, client=client, options=BulkOptions(concurrency=2)), 10
            )
    monkeypatch.undo()
    assert len(results(target)) == 2
    assert target.read_bytes().endswith(b"\n")


@pytest.mark.anyio
async def test_two_jobs_on_one_output_the_second_is_refused_at_once(
    mock_server: RunningMock, tmp_path: Path
) -> None:
    source = write_input(tmp_path / "in.jsonl", [request(f"r{i}", f"q{i}") for i in range(12)])
    target = tmp_path / "out.jsonl"
    headers = {"X-Mock-Fault": "slow-first-byte", "X-Mock-Delay-Ms": "100"}
    async with client_for(mock_server, headers=headers) as client:
        first = asyncio.create_task(
            run_bulk_async(source, target, client=client, options=BulkOptions(concurrency=2))
        )
        while not target.exists() or not target.read_bytes():  # noqa: ASYNC110 - a file, not an event
            await asyncio.sleep(0.01)
        started = asyncio.get_running_loop().time()
        with pytest.raises(OutputFileLockedError, match=r"in use by another bulk job"):
            await run_bulk_async(source, target, client=client)
        assert asyncio.get_running_loop().time() - started < 1
        with pytest.raises(OutputFileLockedError):
            await asyncio.to_thread(
                run_bulk, source, target, api_key=mock_server.token, base_url=mock_server.base_url
            )
        summary = await asyncio.wait_for(first, 30)
    assert summary.succeeded == 12
    assert sorted(results(target)) == sorted(f"r{i}" for i in range(12))


@pytest.mark.anyio
async def test_a_rerun_with_nothing_left_still_counts_the_failed_lines_of_the_output(
    mock_server: RunningMock, tmp_path: Path
) -> None:
    source = write_input(
        tmp_path / "in.jsonl",
        [request("good"), request("bad", model=MISSING_MODEL), request("bad2", model=MISSING_MODEL)],
    )
    target = tmp_path / "out.jsonl"
    async with client_for(mock_server) as client:
        await run_bulk_async(source, target, client=client)
        progress = io.StringIO()
        again = await run_bulk_async(source, target, client=client, progress=progress)
    assert (again.succeeded, again.failed, again.skipped_done) == (0, 0, 3)
    assert again.failed_in_output == 2
    assert "2 failed lines in the output (--retry-failed redoes them)" in progress.getvalue()

"""The online bulk runner: every line of a JSONL file sent to /chat/completions, results to OUT.

```python
from siliconflow import AsyncSiliconFlow
from siliconflow.bulk import BulkOptions, run_bulk, run_bulk_async

summary = run_bulk("in.jsonl", "out.jsonl", options=BulkOptions(concurrency=32, rpm=1000))  # sync
async with AsyncSiliconFlow() as client:
    summary = await run_bulk_async("in.jsonl", "out.jsonl", client=client, options=BulkOptions(tpm=50_000))
```

The job: check the whole input (`jsonl.py`), open OUT and skip what it already holds (`output.py`),
then a bounded queue feeds `concurrency` workers, each pacing itself per model (`limits.py`) before
sending. A 429 cools its model down and the line is sent again (it does not use up `max_retries`);
5xx, timeouts, connection failures and broken streams are retried `max_retries` times with the
client's backoff; any other 4xx, or a retryable failure that outlasts its retries, is written as
that line's error. The transport's own retries are off for these requests: the runner decides.

Stopping: set `stop` (the CLI does it on Ctrl-C / SIGTERM) and no new request is sent; the ones in
flight finish and are written, then the call returns with `summary.interrupted` set. Cancelling the
task abandons the requests in flight; a line is written whole or not at all either way.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TextIO

import httpx
import orjson
from siliconflow_api.models.chat_completion_request import ChatCompletionRequest

from .._core.errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    InternalServerError,
    MalformedResponseError,
    RateLimitError,
    SiliconFlowError,
    StreamError,
)
from .._core.retries import MAX_RETRIES_EXTENSION
from .._core.telemetry import optional_span, suppress_calls
from ..client import AsyncSiliconFlow
from .jsonl import InputError, InputLine, InputProblem, check_input, iter_input
from .limits import RateLimiter, named_limit
from .output import OutputFile, error_line, success_line
from .progress import BulkSummary, Prices, ProgressView, open_progress

__all__ = ["BulkOptions", "run_bulk", "run_bulk_async"]

_JSON_HEADERS = {"Content-Type": "application/json", "Accept": "application/json"}
_TICK_SECONDS = 0.25
_SHOWN_PROBLEMS = 20


@dataclass(frozen=True)
class BulkOptions:
    """How a bulk job runs.

    - `concurrency`: requests in flight at most;
    - `rpm`, `tpm`: per-model limits to pace to (None: send as fast as allowed, learn from 429s);
    - `max_retries`: retries of a line after a 5xx, a timeout, a connection failure or a broken
      stream (429s are waited out and do not count, up to `max_rate_limit_retries`);
    - `model`: replaces every line's model;
    - `invalid_lines`: "refuse" (default: a file with any bad line is refused, nothing is sent) or
      "skip" (bad lines are reported with their numbers and the others are sent);
    - `retry_failed`: redo the lines OUT holds as failed (they are taken out of OUT first);
    - `rate_limit_pauses`: seconds to pause a model after a 429 naming RPH/RPD/TPD/IPD (defaults:
      an hour, a day), and `first_cooldown`, the pause after a first RPM/TPM 429: for tests.
    """

    concurrency: int = 16
    rpm: float | None = None
    tpm: float | None = None
    max_retries: int = 5
    max_rate_limit_retries: int = 100
    model: str | None = None
    invalid_lines: Literal["refuse", "skip"] = "refuse"
    retry_failed: bool = False
    rate_limit_pauses: dict[str, float] = field(default_factory=dict)
    first_cooldown: float = 2.0

    def __post_init__(self) -> None:
        if (
            isinstance(self.concurrency, bool)
            or not isinstance(self.concurrency, int)
            or self.concurrency < 1
        ):
            raise ValueError(f"concurrency must be an integer >= 1, got {self.concurrency!r}")
        for name in ("rpm", "tpm"):
            value = getattr(self, name)
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int | float) or value <= 0
            ):
                raise ValueError(f"{name} must be a number > 0 or None, got {value!r}")
        for name in ("max_retries", "max_rate_limit_retries"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"{name} must be an integer >= 0, got {value!r}")
        if self.invalid_lines not in ("refuse", "skip"):
            raise ValueError(f"invalid_lines must be 'refuse' or 'skip', got {self.invalid_lines!r}")
        if self.model is not None and (not isinstance(self.model, str) or not self.model):
            raise ValueError(f"model must be a non-empty string or None, got {self.model!r}")


class _Stopped(Exception):
    """The job was asked to stop while a worker waited."""


@dataclass(frozen=True, slots=True)
class _Answer:
    body: Any
    request_id: str | None
    status_code: int


class _Job:
    def __init__(  # noqa: PLR0917 - private, built in one place
        self,
        client: AsyncSiliconFlow,
        options: BulkOptions,
        out: OutputFile,
        summary: BulkSummary,
        view: ProgressView,
        stop: asyncio.Event,
    ) -> None:
        self.client = client
        self.options = options
        self.out = out
        self.summary = summary
        self.view = view
        self.stop = stop
        self.limiter = RateLimiter(
            rpm=options.rpm,
            tpm=options.tpm,
            long_pauses=options.rate_limit_pauses,
            first_cooldown=options.first_cooldown,
        )
        self.http = client.api.get_async_httpx_client()

    async def sleep(self, seconds: float) -> None:
        """Sleep, unless asked to stop first (then raise _Stopped)."""
        if self.stop.is_set():
            raise _Stopped
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.stop.wait(), timeout=seconds)
        if self.stop.is_set():
            raise _Stopped

    async def produce(
        self, queue: asyncio.Queue[InputLine | None], source: Path, repeated: frozenset[int], workers: int
    ) -> None:
        """Queue the lines not yet in OUT, then one None per worker."""
        for line in iter_input(source, model_override=self.options.model, repeated_hashes=repeated):
            if self.stop.is_set():
                break
            if isinstance(line, InputProblem):
                continue
            if line.custom_id in self.out.done:
                self.summary.skipped_done += 1
                self.summary.total -= 1
                continue
            await queue.put(line)
        for _ in range(workers):
            await queue.put(None)

    async def worker(self, queue: asyncio.Queue[InputLine | None]) -> None:
        while (line := await queue.get()) is not None:
            if self.stop.is_set():
                continue  # drain: the producer is stopping too
            try:
                record = await self.complete(line)
            except _Stopped:
                continue
            self.out.write(record)

    async def complete(self, line: InputLine) -> bytes:
        """The result line of one request, after its retries; raises _Stopped when asked to stop."""
        model = line.model
        attempt = 0
        rate_limited = 0
        while True:
            estimated = self.limiter.estimate(model, line.body)
            while (delay := self.limiter.wait_time(model)) > 0:
                await self.sleep(delay)
            if self.stop.is_set():
                raise _Stopped
            self.limiter.reserve(model, estimated)
            try:
                answer = await self.send(line.body)
            except RateLimitError as error:
                self.summary.rate_limited += 1
                rate_limited += 1
                if rate_limited > self.options.max_rate_limit_retries:
                    return self.failed(line, _error_code(error), error.message)
                already_paused = self.limiter.paused(model)
                what, _ = self.limiter.rate_limited(model, named_limit(error.message))
                if not already_paused:
                    self.view.note(f"rate limit: {what}")
                self.summary.retries += 1
                continue
            except (APIConnectionError, InternalServerError, StreamError) as error:
                if isinstance(error, APIConnectionError) and not isinstance(error, APITimeoutError):
                    self.limiter.refund(model, estimated)
                attempt += 1
                if attempt > self.options.max_retries:
                    return self.failed(line, _error_code(error), _message(error))
                self.summary.retries += 1
                await self.sleep(self.client.retry_policy.backoff(attempt))
                continue
            except APIStatusError as error:
                return self.failed(line, _error_code(error), error.message)
            except (SiliconFlowError, ValueError, TypeError) as error:
                return self.failed(line, _error_code(error), _message(error))
            usage = answer.body.get("usage") if isinstance(answer.body, dict) else None
            total = self.summary.add_usage(model, usage)
            completion = usage.get("completion_tokens") if isinstance(usage, dict) else None
            self.limiter.settle(model, estimated, total, completion if isinstance(completion, int) else None)
            self.summary.succeeded += 1
            return success_line(
                line.custom_id, answer.body, request_id=answer.request_id, status_code=answer.status_code
            )

    def failed(self, line: InputLine, code: str, message: str) -> bytes:
        self.summary.failed += 1
        return error_line(line.custom_id, code, message)

    async def send(self, body: dict[str, Any]) -> _Answer:
        if body.get("stream") is True:
            return await self.send_stream(body)
        response = await self.http.post(
            "/chat/completions",
            content=orjson.dumps(body),
            headers=_JSON_HEADERS,
            extensions={MAX_RETRIES_EXTENSION: 0},
        )
        try:
            answer = orjson.loads(response.content)
        except orjson.JSONDecodeError:
            answer = None
        if not isinstance(answer, dict) or not isinstance(answer.get("choices"), list):
            raise _Malformed(f"HTTP {response.status_code}: the body is not a chat completion")
        return _Answer(answer, response.headers.get("x-siliconcloud-trace-id"), response.status_code)

    async def send_stream(self, body: dict[str, Any]) -> _Answer:
        try:
            request = ChatCompletionRequest.from_dict(body)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ValueError(f"body is not a chat request: {exc!r}") from None
        async with self.client.stream(request, max_retries=0) as stream:
            async for _ in stream:
                pass
            completion = await stream.get_final_completion()
            return _Answer(completion.to_dict(), stream.trace_id, stream.response.status_code)


class _Malformed(SiliconFlowError):
    """A 2xx answer that is not a chat completion (final: the same request would get it again)."""


def _error_code(error: Exception) -> str:
    if isinstance(error, APIStatusError):
        return str(error.code) if error.code is not None else f"http_{error.status_code}"
    if isinstance(error, APITimeoutError):
        return "timeout"
    if isinstance(error, APIConnectionError):
        return "connection_error"
    if isinstance(error, StreamError):
        return "stream_error"
    if isinstance(error, _Malformed | MalformedResponseError):  # the latter from the client's response hook
        return "malformed_response"
    return "invalid_request"


def _message(error: Exception) -> str:
    return str(error)


async def run_bulk_async(
    input_path: str | Path,
    output_path: str | Path,
    *,
    client: AsyncSiliconFlow,
    options: BulkOptions | None = None,
    progress: TextIO | None = None,
    prices: Prices | None = None,
    stop: asyncio.Event | None = None,
) -> BulkSummary:
    """Run every line of `input_path` not yet in `output_path`; see the module docstring.

    `progress`: a stream (stderr) for the live bar or the plain progress lines, and the summary;
    None shows nothing. Raises `InputError` (a ValueError) when the input is refused, before sending.
    """
    options = options or BulkOptions()
    if not isinstance(client, AsyncSiliconFlow):
        raise TypeError(f"client must be an AsyncSiliconFlow, got {type(client).__name__}")
    source, target = Path(input_path), Path(output_path)
    await asyncio.to_thread(_check_paths, source, target)
    check = await asyncio.to_thread(check_input, source, model_override=options.model)
    if check.problem_count and options.invalid_lines == "refuse":
        raise InputError(source, check.problems, check.problem_count)
    out = await asyncio.to_thread(OutputFile, target, retry_failed=options.retry_failed)
    stop = stop or asyncio.Event()
    summary = BulkSummary(invalid=check.problem_count, failed_before=out.done.failed)
    view: ProgressView | None = None
    try:
        view = open_progress(progress, 0)
        for problem in check.problems[:_SHOWN_PROBLEMS]:
            view.note(f"skipping {source}: {problem}")
        if check.problem_count > _SHOWN_PROBLEMS:
            view.note(f"skipping {check.problem_count - _SHOWN_PROBLEMS} more invalid lines")
        summary.total = check.valid
        job = _Job(client, options, out, summary, view, stop)
        # One span for the job with its counts, none per line (telemetry.py); lines carry its context.
        with optional_span(client._telemetry, "siliconflow.bulk", {}) as span, suppress_calls():
            await _run(job, source, check.repeated_hashes, summary)
            _count_on(span, summary)
        summary.interrupted = stop.is_set()
        view.close(summary)
        view = None
        if progress is not None:
            progress.write(summary.summary(prices) + "\n")
            progress.flush()
    finally:
        out.close()
        if view is not None:  # failed: end the live bar, so that the error gets a line of its own
            view.close(summary)
    return summary


def _count_on(span: Any, summary: BulkSummary) -> None:
    if span is not None:
        for name in ("total", "skipped_done", "invalid", "succeeded", "failed", "retries", "rate_limited"):
            span.set_attribute(f"siliconflow.bulk.{name}", getattr(summary, name))
        span.set_attribute("gen_ai.usage.input_tokens", summary.prompt_tokens)
        span.set_attribute("gen_ai.usage.output_tokens", summary.reasoning_tokens + summary.answer_tokens)


def _check_paths(source: Path, target: Path) -> None:
    if not source.is_file():
        raise ValueError(f"input file not found: {source}")
    if source.resolve() == target.resolve():
        raise ValueError("the output file must not be the input file")


async def _run(job: _Job, source: Path, repeated: frozenset[int], summary: BulkSummary) -> None:
    """Feed the workers; the first task to fail (a worker that cannot write OUT, say) ends the job.

    The producer and the workers are watched together, so a dead worker can never leave the
    producer waiting on a full queue: its exception is raised here, the other tasks cancelled."""
    options = job.options
    queue: asyncio.Queue[InputLine | None] = asyncio.Queue(maxsize=options.concurrency)
    workers = [asyncio.create_task(job.worker(queue)) for _ in range(options.concurrency)]
    producer = asyncio.create_task(job.produce(queue, source, repeated, len(workers)))
    ticker = asyncio.create_task(_tick(job.view, summary))
    tasks = [producer, *workers]
    try:
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
        for task in tasks:
            if task in done and (error := task.exception()) is not None:
                raise error
    finally:
        for task in (*tasks, ticker):
            task.cancel()
        await asyncio.gather(*tasks, ticker, return_exceptions=True)


async def _tick(view: ProgressView, summary: BulkSummary) -> None:
    while True:
        view.update(summary)
        await asyncio.sleep(_TICK_SECONDS)


def run_bulk(
    input_path: str | Path,
    output_path: str | Path,
    *,
    options: BulkOptions | None = None,
    progress: TextIO | None = None,
    prices: Prices | None = None,
    **client_options: Any,
) -> BulkSummary:
    """The sync wrapper of `run_bulk_async`: the client is made from `client_options` (the
    `AsyncSiliconFlow` arguments: api_key, base_url, timeout, retry_policy, headers...)."""

    concurrency = (options or BulkOptions()).concurrency
    if "transport" not in client_options and "limits" not in client_options:
        # One kept-alive connection per request in flight: the workers never wait for the pool.
        client_options["limits"] = httpx.Limits(
            max_connections=concurrency, max_keepalive_connections=concurrency
        )

    async def main() -> BulkSummary:
        async with AsyncSiliconFlow(**client_options) as client:
            return await run_bulk_async(
                input_path, output_path, client=client, options=options, progress=progress, prices=prices
            )

    return asyncio.run(main())

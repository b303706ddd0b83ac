"""`siliconflow batch submit | status | results | cancel`: SiliconFlow's Batch API from a shell.

- `submit IN.jsonl`: checks the input like `batch run`, splits it over 5,000 lines or 1 GB,
  uploads the parts, creates one batch each and prints their ids (one a line; `--json`: the batch
  objects). `--wait` then polls with backoff, one progress line on stderr per change, until every
  batch ends; with `-o OUT.jsonl` the results are written too.
- `status ID...`: one line per batch (`--json`: the objects). `cancel ID...`: the same after cancelling.
- `results ID... -o OUT.jsonl`: the output and error files of ended batches, merged into OUT in the
  format of `batch run` (a custom_id already in OUT is not written again).

Exit statuses: 0 success; 1 an API error, a batch that did not complete (expired, failed,
cancelled) or failed lines; 2 usage error or refused input; 74 OUT could not be written (it keeps
whole lines only); 75 `--max-wait` passed before the batches ended, or OUT is in use by another
job; 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TextIO

from siliconflow import SiliconFlow, SiliconFlowError
from siliconflow.bulk import (
    BatchNotFinishedError,
    BatchWaitTimeoutError,
    InputError,
    OutputFileError,
    OutputFileLockedError,
    progress_line,
    submit,
    wait,
    write_results,
)
from siliconflow_api.models import Batch

from . import exit_codes
from .connection import parse_headers
from .parser import UsageError
from .reporter import Reporter, os_error_message


def _metadata(values: list[str]) -> dict[str, str] | None:
    pairs: dict[str, str] = {}
    for value in values:
        key, equals, text = value.partition("=")
        if not equals or not key:
            raise UsageError(f"--metadata must look like KEY=VALUE, got {value!r}")
        pairs[key] = text
    return pairs or None


def _print_batches(out: TextIO, batches: list[Batch], as_json: bool, *, ids_only: bool = False) -> None:
    if as_json:
        out.write(json.dumps([batch.to_dict() for batch in batches], ensure_ascii=False, indent=2) + "\n")
    else:
        for batch in batches:
            out.write((batch.id if ids_only else progress_line(batch)) + "\n")
    out.flush()


def run_batch_api(args: argparse.Namespace, out: TextIO, err: TextIO, api_key: str) -> int:
    """`submit`, `status`, `results`, `cancel`; returns the exit status."""
    try:
        client = SiliconFlow(
            api_key=api_key, base_url=args.base_url, timeout=args.timeout, headers=parse_headers(args.header)
        )
    except ValueError as error:
        raise UsageError(str(error)) from None
    try:
        with client:
            return _dispatch(client, args, out, err)
    except (OutputFileLockedError, BatchWaitTimeoutError) as error:
        Reporter(err, api_key).error(str(error))
        return exit_codes.TRY_LATER
    except (InputError, OutputFileError) as error:
        err.write(f"siliconflow batch {args.batch_command}: error: {error}\n")
        return exit_codes.USAGE_ERROR
    except (BatchNotFinishedError, SiliconFlowError) as error:
        Reporter(err, api_key).error(str(error))
        return exit_codes.API_ERROR
    except OSError as error:  # OUT or IN cannot be written or read
        Reporter(err, api_key).error(os_error_message(error))
        return exit_codes.IO_ERROR
    except ValueError as error:
        raise UsageError(str(error)) from None
    except KeyboardInterrupt:
        err.write("siliconflow: interrupted (the batches keep running on the server)\n")
        return exit_codes.INTERRUPTED


def _dispatch(client: SiliconFlow, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    command = args.batch_command
    if getattr(args, "max_wait", None) is not None and not args.wait:
        raise UsageError("--max-wait needs --wait")
    if command == "submit":
        if args.output is not None and not args.wait:
            raise UsageError("-o/--output needs --wait (or use `batch results` later)")
        batches = submit(
            client,
            args.input,
            model=args.model,
            completion_window=args.window,
            metadata=_metadata(args.metadata),
            invalid_lines="skip" if args.skip_invalid else "refuse",
        )
        _print_batches(out, batches, args.json, ids_only=True)
        if not args.wait:
            return exit_codes.OK
        return _wait_and_collect(client, [batch.id for batch in batches], args, err)
    if command == "status":
        _print_batches(out, [client.batches.retrieve(batch_id) for batch_id in args.ids], args.json)
        return exit_codes.OK
    if command == "cancel":
        _print_batches(out, [client.batches.cancel(batch_id) for batch_id in args.ids], args.json)
        return exit_codes.OK
    if args.wait:
        return _wait_and_collect(client, args.ids, args, err)
    return _collect(client, args.ids, args.output, err, ended=None)


def _wait_and_collect(client: SiliconFlow, ids: list[str], args: argparse.Namespace, err: TextIO) -> int:
    def show(batch: Batch) -> None:
        err.write(progress_line(batch) + "\n")
        err.flush()

    ended = wait(client, ids, first_poll=args.poll_interval, timeout=args.max_wait, on_change=show)
    if args.output is None:
        return exit_codes.OK if all(batch.status == "completed" for batch in ended) else exit_codes.API_ERROR
    return _collect(client, ids, args.output, err, ended=ended)


def _collect(
    client: SiliconFlow, ids: list[str], output: Path, err: TextIO, ended: list[Batch] | None
) -> int:
    written = write_results(client, ids, output)
    err.write(
        f"wrote {written.succeeded + written.failed} result lines to {output}: {written.succeeded} succeeded,"
        f" {written.failed} failed"
        + (f", {written.already_written} already there" if written.already_written else "")
        + "\n"
    )
    batches = ended if ended is not None else [client.batches.retrieve(batch_id) for batch_id in ids]
    incomplete = [batch for batch in batches if batch.status != "completed"]
    for batch in incomplete:
        err.write(f"{batch.id} ended {batch.status}: its unanswered lines are in {output} as errors\n")
    return exit_codes.API_ERROR if incomplete or written.failed else exit_codes.OK

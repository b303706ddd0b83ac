"""`siliconflow batch run | submit | status | results | cancel`: bulk jobs from a shell.

`run` sends the lines itself, online, paced under the account's rate limits (`siliconflow.bulk`);
`submit` and the others use SiliconFlow's Batch API (`batch_api.py`). Both read the same input
and write the same output format, so a job switches path with one word.

Exit statuses of `batch run`: 0 every line of OUT succeeded; 1 some lines failed (their errors are
in OUT, from this run or an earlier one), or the API could not be used; 2 usage error or a refused
input (nothing sent); 74 OUT could not be written (the run stops at the first failure, OUT keeps
whole lines only: run again to resume); 75 OUT is in use by another job; 130 interrupted (Ctrl-C
or SIGTERM: the requests in flight are finished and written, after SIGTERM for at most
SIGTERM_GRACE_SECONDS; run again to resume).
"""

from __future__ import annotations

import argparse
import signal
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from siliconflow import API_KEY_ENV

from . import exit_codes
from .connection import add_connection_options, given_api_key, parse_headers
from .parser import UsageError, non_negative_int, positive_float, positive_int
from .reporter import Reporter, os_error_message

if TYPE_CHECKING:  # the client and the runner load when a batch command runs, not for --help
    from siliconflow import AsyncSiliconFlow
    from siliconflow.bulk import BulkOptions, Prices


# After SIGTERM (a service manager stopping the job), the requests in flight get this long to be
# written; then they are abandoned (a re-run sends them again), so the process always ends, well
# within the usual grace before SIGKILL (systemd 90 s, Kubernetes 30 s).
SIGTERM_GRACE_SECONDS = 10.0


def add_client_options(parser: argparse.ArgumentParser) -> None:
    add_connection_options(parser, timeout_help="seconds to wait for each response")


def add_run_parser(batch: Any) -> None:
    run = batch.add_parser(
        "run",
        help="send every line of a JSONL file online, under rate limits, resumable",
        description=(
            "Send every request of IN.jsonl (Batch API line format) and write one result line each to\n"
            "OUT.jsonl. Running again with the same OUT skips the lines already there. Ctrl-C stops\n"
            "sending and writes what is in flight (a second Ctrl-C abandons it); exit status 130."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    run.add_argument("input", metavar="IN.jsonl", type=Path)
    run.add_argument("-o", "--output", metavar="OUT.jsonl", type=Path, required=True)
    run.add_argument(
        "--concurrency", type=positive_int, default=16, metavar="N", help="requests in flight (16)"
    )
    run.add_argument("--rpm", type=positive_int, metavar="N", help="requests per minute per model to keep to")
    run.add_argument("--tpm", type=positive_int, metavar="N", help="tokens per minute per model to keep to")
    run.add_argument(
        "--max-retries",
        type=non_negative_int,
        default=5,
        metavar="N",
        help="retries after a 5xx, timeout or network error (5); rate limits are waited out",
    )
    run.add_argument("--model", metavar="M", help="replace the model of every line")
    run.add_argument(
        "--skip-invalid",
        action="store_true",
        help="send the valid lines when some are invalid (default: refuse the file, send nothing)",
    )
    run.add_argument("--retry-failed", action="store_true", help="redo the lines OUT holds as failed")
    run.add_argument(
        "--prices",
        type=Path,
        metavar="FILE",
        help='JSON {"model": {"input": N, "output": N}} per million tokens: adds a cost estimate',
    )
    add_client_options(run)


def api_key_of(args: argparse.Namespace) -> str:
    key = given_api_key(args) or ""
    if not key.strip():
        raise UsageError(f"no API key: pass --api-key or set {API_KEY_ENV}")
    return key


def run_batch_run(args: argparse.Namespace, err: TextIO) -> int:
    """`siliconflow batch run`; returns the exit status."""
    import httpx  # noqa: PLC0415 - see TYPE_CHECKING above
    from siliconflow import AsyncSiliconFlow, SiliconFlowError  # noqa: PLC0415
    from siliconflow.bulk import (  # noqa: PLC0415
        BulkOptions,
        InputError,
        OutputFileError,
        OutputFileLockedError,
        load_prices,
    )

    key = api_key_of(args)
    prices: Prices | None = None
    if args.prices is not None:
        try:
            prices = load_prices(args.prices)
        except ValueError as error:
            raise UsageError(str(error)) from None
    try:
        options = BulkOptions(
            concurrency=args.concurrency,
            rpm=args.rpm,
            tpm=args.tpm,
            max_retries=args.max_retries,
            model=args.model,
            invalid_lines="skip" if args.skip_invalid else "refuse",
            retry_failed=args.retry_failed,
        )
        # One kept-alive connection per request in flight (httpx keeps 20 by default).
        limits = httpx.Limits(max_connections=args.concurrency, max_keepalive_connections=args.concurrency)
        client = AsyncSiliconFlow(
            api_key=key,
            base_url=args.base_url,
            timeout=args.timeout,
            headers=parse_headers(args.header),
            transport=httpx.AsyncHTTPTransport(limits=limits),
        )
    except ValueError as error:
        raise UsageError(str(error)) from None
    try:
        import asyncio  # noqa: PLC0415 - ~20 ms: `siliconflow --help` builds this parser, never runs it

        return asyncio.run(_run(client, args, options, prices, err))
    except OutputFileLockedError as error:
        err.write(f"siliconflow batch run: error: {error}\n")
        return exit_codes.TRY_LATER
    except (InputError, OutputFileError) as error:
        err.write(f"siliconflow batch run: error: {error}\n")
        return exit_codes.USAGE_ERROR
    except ValueError as error:
        raise UsageError(str(error)) from None
    except SiliconFlowError as error:
        Reporter(err, key).error(str(error))
        return exit_codes.API_ERROR
    except OSError as error:  # OUT cannot be written (OutputWriteError: whole lines kept), or read
        Reporter(err, key).error(os_error_message(error))
        return exit_codes.IO_ERROR


async def _run(
    client: AsyncSiliconFlow,
    args: argparse.Namespace,
    options: BulkOptions,
    prices: Prices | None,
    err: TextIO,
) -> int:
    import asyncio  # noqa: PLC0415 - see run_batch

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    main = asyncio.current_task()
    assert main is not None
    signals = 0

    def on_signal(number: signal.Signals) -> None:
        nonlocal signals
        signals += 1
        if signals == 1:
            err.write("\nstopping: no new requests; finishing those in flight (again to abandon them)\n")
            err.flush()
            stop.set()
            if number == signal.SIGTERM:  # nobody is there to press Ctrl-C again: the wait is bounded
                loop.call_later(SIGTERM_GRACE_SECONDS, main.cancel)
        else:
            main.cancel()

    for number in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(number, on_signal, number)
    try:
        async with client:
            from siliconflow.bulk import run_bulk_async  # noqa: PLC0415 - see TYPE_CHECKING above

            summary = await run_bulk_async(
                args.input,
                args.output,
                client=client,
                options=options,
                progress=err,
                prices=prices,
                stop=stop,
            )
    except asyncio.CancelledError:
        err.write("abandoned the requests in flight; run again with the same OUT to resume\n")
        return exit_codes.INTERRUPTED
    finally:
        for number in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(number)
    if summary.interrupted:
        err.write(f"interrupted: run again with -o {args.output} to resume\n")
        return exit_codes.INTERRUPTED
    # OUT's state decides, not only this run's: failed lines left by an earlier run still fail it.
    return exit_codes.OK if summary.failed_in_output == 0 else exit_codes.API_ERROR


def add_batch_parser(commands: Any) -> None:
    batch = commands.add_parser(
        "batch",
        help="bulk jobs from a JSONL file: online (run) or with SiliconFlow's Batch API (submit ...)",
        description="Bulk jobs. `run` sends online under rate limits; the others drive the Batch API.",
    )
    actions = batch.add_subparsers(dest="batch_command", required=True, metavar="ACTION")
    add_run_parser(actions)
    add_api_parsers(actions, add_client_options)


def run_batch(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.batch_command == "run":
        return run_batch_run(args, err)
    from .batch_api import run_batch_api  # noqa: PLC0415 - the client loads only for a run

    return run_batch_api(args, out, err, api_key_of(args))


def add_api_parsers(actions: Any, add_client_options: Any) -> None:
    submit_parser = actions.add_parser(
        "submit",
        help="upload IN.jsonl to the Batch API (split at 5,000 lines / 1 GB) and print the batch ids",
        description="Check, split, upload and create batches; --wait polls until they end.",
    )
    submit_parser.add_argument("input", metavar="IN.jsonl", type=Path)
    submit_parser.add_argument("--model", metavar="M", help="replace the model of every line")
    submit_parser.add_argument(
        "--window", default="24h", metavar="HOURS", help="completion window, 24h to 336h (24h)"
    )
    submit_parser.add_argument(
        "--metadata", action="append", default=[], metavar="KEY=VALUE", help="batch metadata, repeatable"
    )
    submit_parser.add_argument("--skip-invalid", action="store_true", help="leave invalid lines out")
    submit_parser.add_argument("--wait", action="store_true", help="poll until every batch has ended")
    _add_max_wait(submit_parser)
    submit_parser.add_argument(
        "-o", "--output", type=Path, metavar="OUT.jsonl", help="with --wait: write the results here"
    )
    _add_common(submit_parser, add_client_options)

    for name, text in (("status", "show the status of batches"), ("cancel", "cancel batches")):
        parser = actions.add_parser(name, help=text, description=text[0].upper() + text[1:] + ".")
        parser.add_argument("ids", nargs="+", metavar="ID")
        _add_common(parser, add_client_options)

    results = actions.add_parser(
        "results",
        help="download the results of ended batches into OUT.jsonl (the `batch run` format)",
        description="Merge the output and error files of the batches into OUT.jsonl.",
    )
    results.add_argument("ids", nargs="+", metavar="ID")
    results.add_argument("-o", "--output", type=Path, metavar="OUT.jsonl", required=True)
    results.add_argument("--wait", action="store_true", help="poll until the batches have ended first")
    _add_max_wait(results)
    _add_common(results, add_client_options)


def _add_max_wait(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-wait",
        type=positive_float,
        metavar="S",
        help="with --wait: give up after S seconds, exit status 75 (the batches keep running)",
    )


def _add_common(parser: argparse.ArgumentParser, add_client_options: Any) -> None:
    parser.add_argument("--json", action="store_true", help="print the batch objects as JSON")
    parser.add_argument(
        "--poll-interval",
        type=positive_float,
        default=2.0,
        metavar="S",
        help="first wait between polls with --wait, growing x1.5 up to 60 s (2)",
    )
    add_client_options(parser)

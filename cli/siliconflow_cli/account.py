"""`siliconflow models` and `siliconflow balance`: what the account can use, and what it has left.

Output contract: `models` prints one model id a line (with --json, the JSON list of model objects);
`balance` prints the three balances labelled (with --json, one object of decimal strings, exact).
Failures are one line on stderr and the exit statuses of `exit_codes.py`, as for `chat`.
"""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from . import exit_codes
from .connection import add_connection_options, given_api_key
from .exit_codes import EXIT_CODES_HELP
from .parser import UsageError, non_negative_int, positive_float


def _connection_options(parser: argparse.ArgumentParser) -> None:
    add_connection_options(parser, headers=False)
    parser.add_argument(
        "--deadline", type=positive_float, metavar="S", help="seconds for the whole call, retries included"
    )
    parser.add_argument(
        "--max-retries", type=non_negative_int, metavar="N", help="retries after a rate limit or overload"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `models` and `balance` on the `siliconflow` command."""
    models = commands.add_parser(
        "models",
        help="list the models the account can use, one id a line",
        description="List the models (GET /models), optionally filtered by type and sub-type.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    # The allowed values are the spec's enums; the client checks them before sending, so --help
    # need not load the generated models to list them.
    models.add_argument("--type", metavar="T", help="only models of this type (text, image, ...)")
    models.add_argument(
        "--sub-type",
        metavar="S",
        help="only models for this task, e.g. chat (without --type too)",
    )
    _connection_options(models)
    balance = commands.add_parser(
        "balance",
        help="show the account's balances (gift, charged, total)",
        description=(
            "Show the balances of the account behind the key (GET /user/info). SiliconFlow retired "
            "that endpoint on 2026-08-14: the live server answers HTTP 410, reported on one line "
            "with exit status 1."
        ),
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _connection_options(balance)


def run_account(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """`models` or `balance`; returns the exit status."""
    from siliconflow import SiliconFlowError  # noqa: PLC0415 - only a run pays for the client

    from .chat import open_client  # noqa: PLC0415
    from .reporter import Reporter  # noqa: PLC0415

    client = open_client(args)
    reporter = Reporter(err, given_api_key(args))
    with client:
        try:
            if args.command == "models":
                try:
                    models = client.models.list(type=args.type, sub_type=args.sub_type)
                except ValueError as error:  # a filter outside the spec's enum, refused before sending
                    raise UsageError(str(error)) from None
                if args.json:
                    out.write(json.dumps([m.to_dict() for m in models], ensure_ascii=False, indent=2) + "\n")
                else:
                    out.writelines(f"{m.id}\n" for m in models)
                return exit_codes.OK
            account = client.user.info()
        except SiliconFlowError as error:
            reporter.error(str(error))
            return exit_codes.API_ERROR
    balances = {
        "balance": account.balance,
        "chargeBalance": account.charge_balance,
        "totalBalance": account.total_balance,
    }
    if args.json:
        out.write(json.dumps({k: str(v) for k, v in balances.items()}, indent=2) + "\n")
    else:
        out.write(
            f"gift balance:     {account.balance}\n"
            f"charged balance:  {account.charge_balance}\n"
            f"total balance:    {account.total_balance}\n"
        )
    return exit_codes.OK

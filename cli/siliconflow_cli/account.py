"""`siliconflow models` and `siliconflow balance`: what the account can use, and what it has left.

Output contract: `models` prints one model id a line (with --json, the JSON list of model objects);
`balance` prints the three balances labelled (with --json, one object of decimal strings, exact).
Failures are one line on stderr and the exit statuses of `exit_codes.py`, as for `chat`.
"""

from __future__ import annotations

import argparse
import json
import os
from typing import TextIO

from siliconflow.client import API_KEY_ENV
from siliconflow.errors import SiliconFlowError
from siliconflow_api.models.model_sub_type import MODEL_SUB_TYPE_VALUES
from siliconflow_api.models.model_type import MODEL_TYPE_VALUES

from . import exit_codes
from .chat import Reporter, open_client
from .exit_codes import EXIT_CODES_HELP
from .parser import DEFAULT_BASE_URL, non_negative_int, positive_float

COMMANDS = ("models", "balance")


def _connection_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--base-url",
        metavar="URL",
        help=f"API base URL (default: $SILICONFLOW_BASE_URL, else {DEFAULT_BASE_URL})",
    )
    parser.add_argument(
        "--api-key",
        metavar="KEY",
        help="API key (default: $SILICONFLOW_API_KEY; prefer the variable, other users can see arguments)",
    )
    parser.add_argument("--timeout", type=positive_float, metavar="S", help="seconds to wait for the answer")
    parser.add_argument(
        "--max-retries", type=non_negative_int, metavar="N", help="retries after a rate limit or overload"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(header=[])


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `models` and `balance` on the `siliconflow` command."""
    models = commands.add_parser(
        "models",
        help="list the models the account can use, one id a line",
        description="List the models (GET /models), optionally filtered by type and sub-type.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    models.add_argument("--type", choices=sorted(MODEL_TYPE_VALUES), help="only models of this type")
    models.add_argument(
        "--sub-type",
        choices=sorted(MODEL_SUB_TYPE_VALUES),
        help="only models for this task (without --type too)",
    )
    _connection_options(models)
    balance = commands.add_parser(
        "balance",
        help="show the account's balances (gift, charged, total)",
        description="Show the balances of the account behind the key (GET /user/info).",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _connection_options(balance)


def run_account(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """`models` or `balance`; returns the exit status."""
    client = open_client(args)
    reporter = Reporter(err, args.api_key or os.environ.get(API_KEY_ENV))
    with client:
        try:
            if args.command == "models":
                models = client.models.list(type=args.type, sub_type=args.sub_type)
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

"""How every command reaches the API: the connection options, the API key, the extra headers.

One module owns them so that `chat`, `models`, `balance` and `batch` declare the same flags, read
the key from the environment in one place, and check headers with one rule: the library's
(`siliconflow.check_headers`, the check the client itself applies).
"""

from __future__ import annotations

import argparse
import os

from siliconflow import API_KEY_ENV, DEFAULT_BASE_URL

from .parser import UsageError, positive_float

__all__ = ["add_connection_options", "api_key", "given_api_key", "parse_headers"]


def add_connection_options(
    parser: argparse.ArgumentParser | argparse._ArgumentGroup,
    *,
    timeout_help: str = "seconds to wait for the answer",
    header_help: str = "an extra request header, repeatable",
    headers: bool = True,
) -> None:
    """`--base-url`, `--api-key`, `--timeout` and (with `headers`) `-H/--header`."""
    parser.add_argument(
        "--base-url",
        metavar="URL",
        help=f"API base URL (default: $SILICONFLOW_BASE_URL, else {DEFAULT_BASE_URL})",
    )
    parser.add_argument(
        "--api-key",
        metavar="KEY",
        help=f"API key (default: ${API_KEY_ENV}; prefer the variable, other users can see arguments)",
    )
    parser.add_argument("--timeout", type=positive_float, metavar="S", help=timeout_help)
    if headers:
        parser.add_argument(
            "-H", "--header", action="append", default=[], metavar="'NAME: VALUE'", help=header_help
        )
    else:
        parser.set_defaults(header=[])


def given_api_key(args: argparse.Namespace) -> str | None:
    """`--api-key`, else the environment: the one place the CLI reads the key (None if neither)."""
    key: str | None = getattr(args, "api_key", None) or os.environ.get(API_KEY_ENV)
    return key


def api_key(args: argparse.Namespace) -> str:
    """The key, or a usage error saying where to put it."""
    key = given_api_key(args) or ""
    if not key.strip():
        raise UsageError(f"no API key: pass --api-key or set {API_KEY_ENV}")
    return key


def parse_headers(values: list[str]) -> dict[str, str]:
    """`--header 'Name: value'` options as a dict, checked by the library's own header rule."""
    from siliconflow import check_headers  # noqa: PLC0415 - `--help` loads no client

    headers: dict[str, str] = {}
    for value in values:
        name, colon, content = (part.strip() for part in value.partition(":"))
        if not colon:
            raise UsageError(f"--header must look like 'Name: value', got {value!r}")
        if name.lower() == "authorization":
            raise UsageError(f"--header cannot set Authorization: use --api-key or ${API_KEY_ENV}")
        headers[name] = content
    try:
        return check_headers(headers, "--header")
    except (TypeError, ValueError) as error:
        raise UsageError(f"--header must look like 'Name: value' with printable ASCII: {error}") from None

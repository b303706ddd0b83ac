"""`python -m siliconflow_mock [--host H] [--port P] [--token T]`: serve the mock in the foreground."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from siliconflow_mock.app import DEFAULT_TOKEN
from siliconflow_mock.rate_limits import RateLimits
from siliconflow_mock.server import DEFAULT_HOST, DEFAULT_PORT, TOKEN_ENV, base_url, resolve_token, serve


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m siliconflow_mock",
        description="A SiliconFlow chat-completions look-alike for tests and demos, driven by openapi.yaml.",
    )
    parser.add_argument(
        "--host", default=DEFAULT_HOST, help=f"interface to listen on (default {DEFAULT_HOST})"
    )
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    parser.add_argument(
        "--token",
        default=None,
        help=f"the bearer token to accept (default: ${TOKEN_ENV}, else {DEFAULT_TOKEN})",
    )
    for metric in ("rpm", "tpm", "rph", "rpd", "tpd"):
        parser.add_argument(
            f"--{metric}",
            type=int,
            default=None,
            metavar="N",
            help=f"per-model {metric.upper()} limit, answered with SiliconFlow's 429 (default: none)",
        )
    args = parser.parse_args(argv)
    try:
        limits = RateLimits(rpm=args.rpm, tpm=args.tpm, rph=args.rph, rpd=args.rpd, tpd=args.tpd)
    except ValueError as error:
        parser.error(str(error))
    token = resolve_token(args.token)
    # The token is a test credential, but one read from the environment may be reused elsewhere:
    # say where it came from, print it only when it is the public default.
    if args.token:
        source = "from --token"
    elif os.environ.get(TOKEN_ENV):
        source = f"from ${TOKEN_ENV}"
    else:
        source = f"the default, {DEFAULT_TOKEN}"
    print(f"SiliconFlow mock on {base_url(args.host, args.port)} (token: {source})", file=sys.stderr)
    serve(host=args.host, port=args.port, token=token, rate_limits=limits or None)
    return 0


if __name__ == "__main__":
    sys.exit(main())

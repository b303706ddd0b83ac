"""`siliconflow mock`: the mock server in the foreground, for trying the client without a key."""

from __future__ import annotations

import argparse
from typing import TextIO

from . import exit_codes


def run_mock(args: argparse.Namespace, err: TextIO) -> int:
    try:
        # Imported here: the mock needs the optional [mock] extra, the chat command does not.
        from siliconflow_mock.__main__ import main as serve_mock  # noqa: PLC0415
    except ImportError as error:
        err.write(
            f"siliconflow: error: the mock needs its extra dependencies ({error.name} is missing):"
            " pip install 'siliconflow-chat[mock]'\n"
        )
        return exit_codes.API_ERROR
    # One implementation: `python -m siliconflow_mock` reports the address and token source the same way.
    argv = ["--host", args.host, "--port", str(args.port)]
    if args.token:
        argv += ["--token", args.token]
    for metric in ("rpm", "tpm"):
        if getattr(args, metric, None) is not None:
            argv += [f"--{metric}", str(getattr(args, metric))]
    try:
        return serve_mock(argv)
    except SystemExit as stop:  # uvicorn exits with its own status (3) when it cannot start
        if stop.code in (None, 0):
            return exit_codes.OK
        err.write("siliconflow: error: the mock could not start (see the log above)\n")
        return exit_codes.API_ERROR

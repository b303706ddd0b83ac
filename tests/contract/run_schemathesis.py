"""`make contract`: the schemathesis command line against the mock, or against any server.

    python -m tests.contract.run_schemathesis                 # the mock, started on a free port
    python -m tests.contract.run_schemathesis --url URL       # any server; needs SILICONFLOW_API_KEY
    python -m tests.contract.run_schemathesis -- --seed 1     # arguments after -- go to `st run`

Against the mock: every check, positive and negative data, all phases, `--max-examples` (default
50) generated cases per phase. Against a URL: SILICONFLOW_API_KEY as the token, schema-valid data
only, the spec's two examples plus `--max-examples` (default 10) generated cases, each made cheap by
the hooks (SILICONFLOW_CONTRACT_LIVE=1, see schemathesis_hooks.make_cheap). The token reaches
schemathesis through the environment and a generated config file, never a command line. Exits with
the status of `st run` (0: no failures).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from siliconflow_mock import serve_in_background

from tests.contract.contract_kit import CONFIG_PATH, ROOT, SPEC_PATH
from tests.contract.schemathesis_hooks import LIVE_ENV

KEY_ENV = "SILICONFLOW_API_KEY"
TOKEN_ENV = "SILICONFLOW_CONTRACT_TOKEN"
MOCK_EXAMPLES = 50
LIVE_EXAMPLES = 10
# Appended to schemathesis.toml in a temporary copy: the bearer token comes from the environment.
AUTH_SECTION = f'\n[auth.openapi.bearerAuth]\nbearer = "${{{TOKEN_ENV}}}"\n'


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make contract", description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="the server to test (default: the mock, started here)")
    parser.add_argument("--max-examples", type=int, help="generated cases per phase")
    parser.add_argument("st_args", nargs="*", help="more arguments for `st run` (after --)")
    args = parser.parse_args(argv)
    if args.url:
        token = os.environ.get(KEY_ENV, "")
        if not token:
            print(f"make contract: set {KEY_ENV} to test {args.url}", file=sys.stderr)
            return 2
        live = [
            "--mode",
            "positive",
            "--phases",
            "examples,fuzzing",
            "--request-timeout",
            "60",
            "--workers",
            "1",
        ]
        examples = args.max_examples or LIVE_EXAMPLES
        return run_st(args.url, token, [*live, "-n", str(examples), *args.st_args], live=True)
    with serve_in_background() as mock:
        examples = args.max_examples or MOCK_EXAMPLES
        return run_st(mock.base_url, mock.token, ["-n", str(examples), *args.st_args], live=False)


def run_st(url: str, token: str, options: Sequence[str], *, live: bool) -> int:
    st = Path(sys.executable).with_name("st")
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "schemathesis.toml"
        config.write_text(CONFIG_PATH.read_text(encoding="utf-8") + AUTH_SECTION, encoding="utf-8")
        command = [str(st), "--config-file", str(config), "run", str(SPEC_PATH), "--url", url, *options]
        print("+ " + " ".join(command), file=sys.stderr, flush=True)
        env = {**os.environ, TOKEN_ENV: token, LIVE_ENV: "1" if live else "0"}
        # From the repository root: schemathesis.toml names the hooks module by its import path.
        return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())

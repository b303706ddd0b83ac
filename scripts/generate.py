"""Regenerate `generated/siliconflow_api` from `openapi.yaml`, or check that it is up to date.

    python scripts/generate.py            # regenerate in place (`make generate`)
    python scripts/generate.py --check    # exit 1 when generated/ differs from a fresh generation

Generation always starts from an empty directory, so a file removed from the spec disappears
from the package (openapi-python-client's own --overwrite only clears models/ and api/).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PACKAGE = "siliconflow_api"
# --meta none writes no py.typed; the package is typed, so we add the marker ourselves.
PY_TYPED = "# Marker file for PEP 561: this package ships type information.\n"


def generate(root: Path, out_dir: Path) -> None:
    """Write a fresh generation of the package for the spec under `root` into `out_dir`."""
    target = out_dir / PACKAGE
    if target.exists():
        shutil.rmtree(target)
    out_dir.mkdir(parents=True, exist_ok=True)
    cmd = [
        sys.executable,
        "-m",
        "openapi_python_client",
        "generate",
        "--path",
        str(root / "openapi.yaml"),
        "--config",
        str(root / "generator-config.yml"),
        "--custom-template-path",
        str(root / "templates"),
        "--output-path",
        str(target),
        "--meta",
        "none",
        "--overwrite",
        "--fail-on-warning",
    ]
    # The post-hooks call `ruff` by name: put this interpreter's (pinned) ruff first on PATH.
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    env = {**os.environ, "PATH": path}
    result = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"openapi-python-client failed (exit {result.returncode})")
    shutil.rmtree(target / ".ruff_cache", ignore_errors=True)
    (target / "py.typed").write_text(PY_TYPED)


def differences(expected: Path, actual: Path) -> list[str]:
    """What differs between a fresh generation (`expected`) and the committed tree (`actual`)."""

    def files(top: Path) -> dict[str, bytes]:
        return {
            p.relative_to(top).as_posix(): p.read_bytes()
            for p in top.rglob("*")
            if p.is_file() and not ({"__pycache__", ".ruff_cache", ".mypy_cache"} & set(p.parts))
        }

    want, have = files(expected), files(actual)
    found = [f"missing: {name}" for name in want.keys() - have.keys()]
    found += [f"not generated: {name}" for name in have.keys() - want.keys()]
    found += [f"differs: {name}" for name in want.keys() & have.keys() if want[name] != have[name]]
    return sorted(found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    args = parser.parse_args(argv)
    root: Path = args.root.resolve()
    committed = root / "generated"
    if not args.check:
        generate(root, committed)
        print(f"generated {committed / PACKAGE}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        generate(root, Path(tmp))
        diffs = differences(Path(tmp) / PACKAGE, committed / PACKAGE)
    if diffs:
        print("generated/ is stale or was edited by hand; run `make generate` and commit:", file=sys.stderr)
        for line in diffs:
            print(f"  {line}", file=sys.stderr)
        return 1
    print("generated/ matches openapi.yaml")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Regenerate `generated/siliconflow_api` from `openapi.yaml`, or check that it is up to date.

    python scripts/generate.py            # regenerate in place (`make generate`)
    python scripts/generate.py --check    # exit 1 when generated/ differs from a fresh generation

Generation always starts from an empty directory, so a file removed from the spec disappears
from the package (openapi-python-client's own --overwrite only clears models/ and api/).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

PACKAGE = "siliconflow_api"
# --meta none writes no py.typed; the package is typed, so we add the marker ourselves.
PY_TYPED = "# Marker file for PEP 561: this package ships type information.\n"


def known_values_template(spec_path: Path) -> str:
    """`_known_values.jinja`: the `x-known-values` of every component schema, by reference.

    templates/model.py.jinja reads it to note values the spec does not list (drift); the generator
    resolves `$ref`s before the templates see them, so the values are collected here, from the spec.
    """
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    schemas = spec.get("components", {}).get("schemas", {})
    known = {
        f"#/components/schemas/{name}": [str(value) for value in schema["x-known-values"]]
        for name, schema in sorted(schemas.items())
        if isinstance(schema, dict) and isinstance(schema.get("x-known-values"), list)
    }
    return "{% set known_values_by_ref = " + json.dumps(known, sort_keys=True) + " %}\n"


def generate(root: Path, out_dir: Path, *, templates: Path | None = None) -> None:
    """Write a fresh generation of the package for the spec under `root` into `out_dir`.

    `templates` replaces root/templates (the differential test passes the generator's stock ones).
    """
    with tempfile.TemporaryDirectory() as tmp:
        template_dir = Path(tmp) / "templates"
        shutil.copytree(templates or root / "templates", template_dir)
        (template_dir / "_known_values.jinja").write_text(known_values_template(root / "openapi.yaml"))
        _generate(root, out_dir, template_dir)


def _generate(root: Path, out_dir: Path, template_dir: Path) -> None:
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
        str(template_dir),
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

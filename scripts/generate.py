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
from typing import Any

import yaml

if __package__:  # imported as scripts.generate (tests, mypy)
    from .request_params import render_params
else:  # run as a script (or loaded from its path): the sibling module next to it
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from request_params import render_params  # type: ignore[import-not-found, no-redef]

PACKAGE = "siliconflow_api"
# --meta none writes no py.typed; the package is typed, so we add the marker ourselves.
PY_TYPED = "# Marker file for PEP 561: this package ships type information.\n"
# openapi-python-client does not carry ranges and enums into the models; this module does, so
# local checks (the CLI's flags) follow the spec instead of restating its numbers.
CONSTRAINTS_MODULE = "request_constraints.py"
# The request as TypedDicts (scripts/request_params.py), for `create(**params)` callers.
PARAMS_MODULE = "params.py"
REQUEST_SCHEMA = "ChatCompletionRequest"
# The JSON Schema keywords carried over, by the name of the FieldRule attribute they become.
RULE_KEYWORDS = {
    "minimum": "minimum",
    "maximum": "maximum",
    "exclusiveMinimum": "exclusive_minimum",
    "exclusiveMaximum": "exclusive_maximum",
    "minLength": "min_length",
    "maxLength": "max_length",
    "minItems": "min_items",
    "maxItems": "max_items",
}
CONSTRAINTS_HEADER = '''"""Ranges and enums of the `{schema}` fields, as openapi.yaml states them.

Written by scripts/generate.py (`make generate`) from the spec; never edit by hand. Keys are the
fields' JSON paths (`response_format.type` for a field of a nested object). A field whose schema
allows several shapes (`anyOf`/`oneOf`) has the types and limits of all of them; `nullable` says
whether JSON null is one of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, kw_only=True)
class FieldRule:
    """What the spec allows for one request field; None where it sets no limit."""

    types: tuple[str, ...]
    nullable: bool = False
    enum: tuple[str, ...] | None = None
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: float | None = None
    exclusive_maximum: float | None = None
    min_length: int | None = None
    max_length: int | None = None
    min_items: int | None = None
    max_items: int | None = None
'''


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


def former_names_template(spec_path: Path) -> str:
    """`_former_names.jinja`: each schema's `x-former-names`, as {former name: current class name}.

    templates/models_init.py.jinja keeps a renamed model importable under its former name (a
    deprecated alias), so renaming a schema in the spec does not break code that imports it.
    """
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    schemas = spec.get("components", {}).get("schemas", {})
    former: dict[str, str] = {}
    for name, schema in sorted(schemas.items()):
        for old in schema.get("x-former-names", []) if isinstance(schema, dict) else []:
            if old in schemas or old in former:
                raise SystemExit(f"{name}: x-former-names {old!r} is a schema name or claimed twice")
            former[str(old)] = name
    return "{% set former_names = " + json.dumps(former, sort_keys=True) + " %}\n"


def generate(root: Path, out_dir: Path, *, templates: Path | None = None) -> None:
    """Write a fresh generation of the package for the spec under `root` into `out_dir`.

    `templates` replaces root/templates (the differential test passes the generator's stock ones).
    """
    with tempfile.TemporaryDirectory() as tmp:
        template_dir = Path(tmp) / "templates"
        shutil.copytree(templates or root / "templates", template_dir)
        (template_dir / "_known_values.jinja").write_text(known_values_template(root / "openapi.yaml"))
        (template_dir / "_former_names.jinja").write_text(former_names_template(root / "openapi.yaml"))
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
    spec = yaml.safe_load((root / "openapi.yaml").read_text(encoding="utf-8"))
    (target / CONSTRAINTS_MODULE).write_text(render_constraints(spec), encoding="utf-8")
    (target / PARAMS_MODULE).write_text(render_params(spec), encoding="utf-8")
    # Formatted by the same pinned ruff as the generator's own output.
    subprocess.run(["ruff", "format", "--quiet", str(target / PARAMS_MODULE)], check=True, env=env)


def _resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """Follow a local `$ref` (`#/components/schemas/Name`) to the schema it names."""
    while "$ref" in schema:
        name = schema["$ref"].removeprefix("#/components/schemas/")
        schema = spec["components"]["schemas"][name]
    return schema


def _branches(spec: dict[str, Any], schema: dict[str, Any]) -> list[dict[str, Any]]:
    """A schema's alternatives (`anyOf`/`oneOf`), each resolved; the schema itself when it has none."""
    schema = _resolve(spec, schema)
    alternatives = schema.get("anyOf") or schema.get("oneOf")
    if not alternatives:
        return [schema]
    return [branch for alternative in alternatives for branch in _branches(spec, alternative)]


def _rule(spec: dict[str, Any], path: str, schema: dict[str, Any]) -> dict[str, Any]:
    """The FieldRule arguments of one property: its types, enum and limits over all its branches."""
    types: list[str] = []
    rule: dict[str, Any] = {}
    for branch in _branches(spec, schema):
        declared = branch.get("type", "const" in branch and "string")
        for kind in declared if isinstance(declared, list) else [declared]:
            if kind and kind not in types:
                types.append(kind)
        # A `const` is a one-value enum: the variants of a oneOf (response_format's `type`) add up.
        values = branch["enum"] if "enum" in branch else [branch["const"]] if "const" in branch else None
        if values is not None:
            if not all(isinstance(value, str) for value in values):
                raise SystemExit(f"{REQUEST_SCHEMA}.{path}: only string enums are supported")
            rule["enum"] = tuple(rule.get("enum", ()) + tuple(values))
        for keyword, attribute in RULE_KEYWORDS.items():
            if keyword in branch:
                if attribute in rule and rule[attribute] != branch[keyword]:
                    raise SystemExit(f"{REQUEST_SCHEMA}.{path}: branches disagree on {keyword}")
                rule[attribute] = branch[keyword]
    nullable = "null" in types
    return {"types": tuple(kind for kind in types if kind != "null"), "nullable": nullable, **rule}


def request_rules(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every request property, and the properties of the objects they refer to, by JSON path."""
    rules: dict[str, dict[str, Any]] = {}
    request = _resolve(spec, spec["components"]["schemas"][REQUEST_SCHEMA])
    for name, schema in request["properties"].items():
        rules[name] = _rule(spec, name, schema)
        # One level down (response_format.type), over every object variant of the property.
        inner: dict[str, list[dict[str, Any]]] = {}
        for branch in _branches(spec, schema):
            if branch.get("type") == "object":
                for key, inner_schema in branch.get("properties", {}).items():
                    inner.setdefault(key, []).append(inner_schema)
        for key, variants in inner.items():
            rules[f"{name}.{key}"] = _rule(spec, f"{name}.{key}", {"oneOf": variants})
    return rules


def render_constraints(spec: dict[str, Any]) -> str:
    """The text of the constraints module: deterministic, one field a line, sorted by path."""
    lines = [CONSTRAINTS_HEADER.format(schema=REQUEST_SCHEMA), ""]
    lines.append(f"{_constant_name(REQUEST_SCHEMA)}: Final[dict[str, FieldRule]] = {{")
    for path, rule in sorted(request_rules(spec).items()):
        arguments = ", ".join(f"{key}={_literal(value)}" for key, value in rule.items() if value is not False)
        lines.append(f"    {_literal(path)}: FieldRule({arguments}),")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _literal(value: object) -> str:
    """Python source for a spec value, double-quoted like the rest of the code."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, tuple):
        items = [_literal(item) for item in value]
        return f"({items[0]},)" if len(items) == 1 else f"({', '.join(items)})"
    return repr(value)


def _constant_name(schema: str) -> str:
    """`ChatCompletionRequest` -> `CHAT_COMPLETION_REQUEST`."""
    return "".join(f"_{c}" if c.isupper() and i else c for i, c in enumerate(schema)).upper()


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

"""What a spec change means for code that uses the client: `make api-diff [BASE=<git ref>]`.

    python scripts/api_diff.py [--base HEAD] [--fail-on-breaking]

Compares `openapi.yaml` at BASE (default HEAD) with the working tree, and the generated Python
package at BASE (its committed `generated/`) with a fresh generation from the working-tree spec.
Prints Markdown: each change with its JSON path or Python name, classified

- **breaking** for code that uses the client: an operation or a response field removed, a type
  changed, a request field removed or newly required, a request enum or range narrowed, a closed
  response enum widened, a public Python name removed or its signature changed;
- **additive**: a new operation, an optional request field, a response field, a widened request
  range or enum, a new value of an open (`x-known-values`) response enum, a new Python name.

`--fail-on-breaking` (`FAIL_ON_BREAKING=1`) exits 1 when anything is breaking.

Why our own spec comparison: the maintained OpenAPI diff tools are Go binaries (oasdiff,
openapi-changes) that cannot be installed from PyPI or npm here, and none knows this project's
convention that a response enum is open when listed as `x-known-values`. The Python side uses
griffe's `find_breaking_changes`, the maintained tool for it, plus a walk for added names.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "siliconflow_api"
BREAKING, ADDITIVE = "breaking", "additive"
Direction = Literal["request", "response"]
_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
# Keywords that bound a value: (keyword, True when a larger number accepts more).
_BOUNDS = {
    "minimum": False,
    "exclusiveMinimum": False,
    "minLength": False,
    "minItems": False,
    "maximum": True,
    "exclusiveMaximum": True,
    "maxLength": True,
    "maxItems": True,
}


@dataclass(frozen=True, order=True)
class Change:
    kind: str  # BREAKING or ADDITIVE
    where: str  # a JSON path into the spec, or a Python name
    what: str

    def markdown(self) -> str:
        return f"- **{self.kind}** `{self.where}`: {self.what}"


# ---- the spec ---------------------------------------------------------------------------------------


class SpecDiff:
    """Compares two OpenAPI documents operation by operation, following `$ref`s."""

    def __init__(self, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        self.old, self.new = old, new
        self.changes: set[Change] = set()
        self._seen: set[tuple[str, str, Direction]] = set()

    def run(self) -> list[Change]:
        old_ops, new_ops = _operations(self.old), _operations(self.new)
        for key in sorted(old_ops.keys() - new_ops.keys()):
            self._add(BREAKING, f"paths.{key[1]}.{key[0]}", "operation removed")
        for key in sorted(new_ops.keys() - old_ops.keys()):
            self._add(ADDITIVE, f"paths.{key[1]}.{key[0]}", "new operation")
        for key in sorted(old_ops.keys() & new_ops.keys()):
            self._operation(f"paths.{key[1]}.{key[0]}", old_ops[key], new_ops[key])
        self._renames()
        return sorted(self.changes)

    def _renames(self) -> None:
        """A schema renamed with its old name in `x-former-names`: the wire is the same (the shapes
        are compared through the `$ref`s above), and the old class name stays a deprecated alias."""
        old_names = set(self.old.get("components", {}).get("schemas", {}))
        new_schemas = self.new.get("components", {}).get("schemas", {})
        for name, schema in new_schemas.items():
            for former in schema.get("x-former-names", []) if isinstance(schema, dict) else []:
                if former in old_names and name not in old_names:
                    what = f"renamed {name} (the old class name stays a deprecated alias)"
                    self._add(ADDITIVE, f"components.schemas.{former}", what)

    def _add(self, kind: str, where: str, what: str) -> None:
        self.changes.add(Change(kind, where, what))

    def _operation(self, where: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        self._parameters(where, old, new)
        old_body = _resolve(self.old, old.get("requestBody"))
        new_body = _resolve(self.new, new.get("requestBody"))
        if old_body and new_body:
            if new_body.get("required") and not old_body.get("required"):
                self._add(BREAKING, f"{where}.requestBody", "request body newly required")
            self._content(f"{where}.requestBody", old_body, new_body, "request")
        elif new_body and not old_body:
            kind = BREAKING if new_body.get("required") else ADDITIVE
            self._add(kind, f"{where}.requestBody", "request body added")
        elif old_body and not new_body:
            self._add(BREAKING, f"{where}.requestBody", "request body removed")
        old_responses, new_responses = old.get("responses", {}), new.get("responses", {})
        for status in sorted(set(old_responses) | set(new_responses)):
            spot = f"{where}.responses.{status}"
            if status not in new_responses:
                self._add(BREAKING, spot, "response removed")
            elif status not in old_responses:
                self._add(ADDITIVE, spot, "new response")
            else:
                old_response = _resolve(self.old, old_responses[status])
                new_response = _resolve(self.new, new_responses[status])
                self._headers(spot, old_response, new_response)
                self._content(spot, old_response, new_response, "response")

    def _parameters(self, where: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        def by_name(spec: Mapping[str, Any], operation: dict[str, Any]) -> dict[tuple[str, str], Any]:
            found = (_resolve(spec, p) for p in operation.get("parameters", []))
            return {(p["in"], p["name"]): p for p in found}

        old_params, new_params = by_name(self.old, old), by_name(self.new, new)
        for key in sorted(old_params.keys() - new_params.keys()):
            self._add(BREAKING, f"{where}.parameters.{key[1]}", f"{key[0]} parameter removed")
        for key in sorted(new_params.keys() - old_params.keys()):
            required = new_params[key].get("required", False)
            what = f"new {'required' if required else 'optional'} {key[0]} parameter"
            self._add(BREAKING if required else ADDITIVE, f"{where}.parameters.{key[1]}", what)
        for key in sorted(old_params.keys() & new_params.keys()):
            spot = f"{where}.parameters.{key[1]}"
            if new_params[key].get("required") and not old_params[key].get("required"):
                self._add(BREAKING, spot, "parameter newly required")
            self._schema(
                spot, old_params[key].get("schema", {}), new_params[key].get("schema", {}), "request"
            )

    def _headers(self, where: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        old_headers = {k.lower() for k in old.get("headers", {})}
        new_headers = {k.lower() for k in new.get("headers", {})}
        for name in sorted(new_headers - old_headers):
            self._add(ADDITIVE, f"{where}.headers.{name}", "new response header")
        for name in sorted(old_headers - new_headers):
            self._add(BREAKING, f"{where}.headers.{name}", "response header removed")

    def _content(self, where: str, old: dict[str, Any], new: dict[str, Any], direction: Direction) -> None:
        old_content, new_content = old.get("content", {}), new.get("content", {})
        for media in sorted(set(old_content) | set(new_content)):
            spot = f"{where}.content.{media}"
            if media not in new_content:
                self._add(BREAKING, spot, "media type removed")
            elif media not in old_content:
                self._add(ADDITIVE, spot, "new media type")
            else:
                old_schema = old_content[media].get("schema", {})
                new_schema = new_content[media].get("schema", {})
                self._schema(f"{spot}.schema", old_schema, new_schema, direction)

    # ---- schemas, recursively ------------------------------------------------------------------

    def _schema(self, where: str, old: Any, new: Any, direction: Direction) -> None:
        if isinstance(old, dict) and isinstance(new, dict) and ("$ref" in old or "$ref" in new):
            key = (str(old.get("$ref")), str(new.get("$ref")), direction)
            if key in self._seen:  # a shared or recursive schema is compared once per direction
                return
            self._seen.add(key)
            # Reported at the component, so a schema shared by many operations is reported once.
            where = _ref_path(str(new.get("$ref") or old.get("$ref")))
        old, new = _resolve(self.old, old), _resolve(self.new, new)
        if not isinstance(old, dict) or not isinstance(new, dict):
            return
        self._types(where, old, new, direction)
        self._enums(where, old, new, direction)
        self._bounds(where, old, new, direction)
        self._properties(where, old, new, direction)
        self._branches(where, old, new, direction)
        if isinstance(old.get("items"), dict) and isinstance(new.get("items"), dict):
            self._schema(f"{where}.items", old["items"], new["items"], direction)
        if "const" in old and old.get("const") != new.get("const"):
            self._add(BREAKING, where, f"const changed from {old['const']!r} to {new.get('const')!r}")

    def _types(self, where: str, old: dict[str, Any], new: dict[str, Any], direction: Direction) -> None:
        old_types, new_types = _types(old), _types(new)
        if old_types is None or new_types is None or old_types == new_types:
            return
        what = f"type changed from {_show(old_types)} to {_show(new_types)}"
        widened = old_types <= new_types
        kind = ADDITIVE if direction == "request" and widened else BREAKING
        self._add(kind, where, what)

    def _enums(self, where: str, old: dict[str, Any], new: dict[str, Any], direction: Direction) -> None:
        for keyword, closed in (("enum", True), ("x-known-values", False)):
            if keyword not in old and keyword not in new:
                continue
            old_values, new_values = old.get(keyword), new.get(keyword)
            if old_values is None or new_values is None:
                if closed:
                    kind = BREAKING if (new_values is not None) == (direction == "request") else ADDITIVE
                    self._add(kind, where, "enum added" if new_values is not None else "enum removed")
                continue
            added = [v for v in new_values if v not in old_values]
            removed = [v for v in old_values if v not in new_values]
            if added:
                # Widening is safe for what we send; for what we read, only when the enum is open.
                kind = ADDITIVE if direction == "request" or not closed else BREAKING
                self._add(kind, where, f"new {keyword} values {added}")
            if removed:
                kind = BREAKING if direction == "request" and closed else ADDITIVE
                self._add(kind, where, f"{keyword} values removed {removed}")

    def _bounds(self, where: str, old: dict[str, Any], new: dict[str, Any], direction: Direction) -> None:
        for keyword, larger_accepts_more in _BOUNDS.items():
            before, after = old.get(keyword), new.get(keyword)
            if before == after:
                continue
            if before is None:
                narrowed, what = True, f"{keyword} {after} added"
            elif after is None:
                narrowed, what = False, f"{keyword} {before} removed"
            else:
                narrowed = (after < before) if larger_accepts_more else (after > before)
                what = f"{keyword} changed from {before} to {after}"
            # Ranges bind what the client sends; the client does not enforce them on answers.
            kind = BREAKING if direction == "request" and narrowed else ADDITIVE
            self._add(kind, where, what)
        if old.get("pattern") != new.get("pattern") and direction == "request":
            self._add(BREAKING if new.get("pattern") else ADDITIVE, where, "pattern changed")

    def _properties(self, where: str, old: dict[str, Any], new: dict[str, Any], direction: Direction) -> None:
        old_props, new_props = old.get("properties", {}), new.get("properties", {})
        old_required, new_required = set(old.get("required", [])), set(new.get("required", []))
        for name in sorted(old_props.keys() - new_props.keys()):
            self._add(BREAKING, f"{where}.{name}", f"{direction} field removed")
        for name in sorted(new_props.keys() - old_props.keys()):
            if direction == "request" and name in new_required:
                self._add(BREAKING, f"{where}.{name}", "new required request field")
            else:
                self._add(ADDITIVE, f"{where}.{name}", f"new optional {direction} field")
        for name in sorted(old_props.keys() & new_props.keys()):
            spot = f"{where}.{name}"
            if direction == "request" and name in new_required - old_required:
                self._add(BREAKING, spot, "request field newly required")
            elif direction == "response" and name in old_required - new_required:
                self._add(BREAKING, spot, "response field no longer required (may be absent)")
            elif name in (new_required ^ old_required):
                self._add(ADDITIVE, spot, "required " + ("added" if name in new_required else "removed"))
            self._schema(spot, old_props[name], new_props[name], direction)

    def _branches(self, where: str, old: dict[str, Any], new: dict[str, Any], direction: Direction) -> None:
        for keyword in ("anyOf", "oneOf"):
            old_branches, new_branches = old.get(keyword, []), new.get(keyword, [])
            if not old_branches and not new_branches:
                continue
            if len(new_branches) != len(old_branches):
                more = len(new_branches) > len(old_branches)
                # More shapes accepted in a request is safe; more shapes in an answer is not.
                kind = ADDITIVE if more == (direction == "request") else BREAKING
                self._add(
                    kind, where, f"{keyword} has {len(new_branches)} branches (was {len(old_branches)})"
                )
            for index, (before, after) in enumerate(zip(old_branches, new_branches, strict=False)):
                self._schema(f"{where}.{keyword}[{index}]", before, after, direction)


def _operations(spec: Mapping[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (method, path): operation
        for path, item in (spec.get("paths") or {}).items()
        for method, operation in item.items()
        if method in _METHODS and isinstance(operation, dict)
    }


def _resolve(spec: Mapping[str, Any], node: Any) -> Any:
    for _ in range(64):  # a $ref chain, not a cycle
        if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
            return node
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = (
                target.get(part.replace("~1", "/").replace("~0", "~"), {}) if isinstance(target, dict) else {}
            )
        node = target
    return node


def _ref_path(ref: str) -> str:
    return ref.removeprefix("#/").replace("/", ".")


def _types(schema: dict[str, Any]) -> frozenset[str] | None:
    value = schema.get("type")
    if value is None:
        return None
    return frozenset([value] if isinstance(value, str) else value)


def _show(types: frozenset[str]) -> str:
    return " | ".join(sorted(types))


def spec_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    """The classified differences between two OpenAPI documents."""
    return SpecDiff(old, new).run()


# ---- the generated Python package ----------------------------------------------------------------


def python_changes(old_dir: Path, new_dir: Path, package: str = PACKAGE) -> list[Change]:
    """griffe's breaking changes between two copies of `package`, plus the public names added."""
    import griffe  # noqa: PLC0415 - a dev dependency, needed only here

    old = griffe.load(package, search_paths=[str(old_dir)], resolve_aliases=False, allow_inspection=False)
    new = griffe.load(package, search_paths=[str(new_dir)], resolve_aliases=False, allow_inspection=False)
    changes = {
        Change(BREAKING, breakage.obj.path, _explanation(breakage))
        for breakage in griffe.find_breaking_changes(old, new)
    }
    added = set(_public_names(new)) - set(_public_names(old))
    # A new module or class is one change, not one per member.
    changes |= {
        Change(ADDITIVE, name, "new public name") for name in added if name.rpartition(".")[0] not in added
    }
    return sorted(changes)


def _explanation(breakage: Any) -> str:
    """griffe's Markdown explanation without its leading path (the one-line style has terminal colours)."""
    import griffe  # noqa: PLC0415 - a dev dependency, needed only here

    return str(breakage.explain(griffe.ExplanationStyle.MARKDOWN)).split(": ", 1)[-1].strip()


def _public_names(obj: Any) -> Iterator[str]:
    for name, member in obj.members.items():
        if name.startswith("_") or member.is_alias:
            continue
        yield member.path
        if member.is_module or member.is_class:
            yield from _public_names(member)


# ---- git and generation ------------------------------------------------------------------------------


def git_show(root: Path, ref: str, path: str) -> str:
    result = subprocess.run(
        ["git", "-C", str(root), "show", f"{ref}:{path}"], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"api-diff: cannot read {path} at {ref}: {result.stderr.strip()}")
    return result.stdout


def git_extract(root: Path, ref: str, path: str, into: Path) -> None:
    archive = subprocess.run(
        ["git", "-C", str(root), "archive", "--format=tar", ref, path], capture_output=True, check=False
    )
    if archive.returncode != 0:
        raise SystemExit(f"api-diff: cannot read {path} at {ref}: {archive.stderr.decode().strip()}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")


def report(base: str, spec: list[Change], python: list[Change]) -> str:
    lines = [f"# API changes: {base} → working tree", ""]
    for title, changes in (("Spec (`openapi.yaml`)", spec), (f"Generated Python (`{PACKAGE}`)", python)):
        lines += [f"## {title}", ""]
        lines += [c.markdown() for c in sorted(changes, key=lambda c: (c.kind != BREAKING, c.where))] or [
            "No changes."
        ]
        lines.append("")
    every = spec + python
    breaking = sum(c.kind == BREAKING for c in every)
    lines.append(f"**{breaking} breaking, {len(every) - breaking} additive.**")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--base", default="HEAD", help="the git ref to compare with (default: HEAD)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository (default: this one)")
    parser.add_argument("--fail-on-breaking", action="store_true", help="exit 1 when a change is breaking")
    args = parser.parse_args(argv)
    root: Path = args.root.resolve()
    old_spec = yaml.safe_load(git_show(root, args.base, "openapi.yaml"))
    new_spec = yaml.safe_load((root / "openapi.yaml").read_text(encoding="utf-8"))
    spec = spec_changes(old_spec, new_spec)
    if str(ROOT) not in sys.path:  # run as `python scripts/api_diff.py`
        sys.path.insert(0, str(ROOT))
    from scripts.generate import generate  # noqa: PLC0415 - the repository's own generation step

    with tempfile.TemporaryDirectory() as tmp:
        old_dir, new_dir = Path(tmp, "old"), Path(tmp, "new")
        git_extract(root, args.base, f"generated/{PACKAGE}", old_dir)
        generate(root, new_dir)
        python = python_changes(old_dir / "generated", new_dir)
    sys.stdout.write(report(args.base, spec, python))
    breaking = any(c.kind == BREAKING for c in spec + python)
    return 1 if breaking and args.fail_on_breaking else 0


if __name__ == "__main__":
    raise SystemExit(main())

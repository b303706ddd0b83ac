"""`make docs-diff`: read the pages, compare, print the report; see the package docstring."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from scripts.docs_diff import __doc__ as DOC
from scripts.docs_diff.compare import compare, render_path
from scripts.docs_diff.extract import YAML_LOADER, NoOpenApiError, openapi_documents
from scripts.docs_diff.fields import Document, Field, Operation, SpecError
from scripts.docs_diff.fields import Path as FieldPath
from scripts.docs_diff.index import uncovered_pages
from scripts.docs_diff.notes import REVIEW, classify, stale_notes
from scripts.docs_diff.report import Item, Result, to_json, to_markdown
from scripts.docs_diff.sources import DEFAULT_TIMEOUT, DirSource, HttpSource, PageError, Source

ROOT = Path(__file__).resolve().parents[2]


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class Page:
    url: str
    operations: tuple[str, ...]


@dataclass(frozen=True)
class Config:
    sites: tuple[str, ...]
    pages: tuple[Page, ...]
    not_covered: tuple[str, ...]


def load_config(path: Path) -> Config:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(f"{path}: {error}".splitlines()[0]) from None
    if not isinstance(raw, dict) or not isinstance(raw.get("pages"), list):
        raise ConfigError(f"{path}: expected a mapping with a `pages` list")
    pages = []
    for index, entry in enumerate(raw["pages"]):
        if not (isinstance(entry, dict) and isinstance(entry.get("url"), str) and entry.get("operations")):
            raise ConfigError(f"{path}: pages[{index}] needs `url` and `operations`")
        pages.append(Page(entry["url"], tuple(str(o) for o in entry["operations"])))
    return Config(
        tuple(str(s) for s in raw.get("sites") or []),
        tuple(pages),
        tuple(str(p) for p in raw.get("not_covered") or []),
    )


def run(config: Config, ours_spec: dict[str, Any], source: Source, *, index: bool = True) -> Result:
    result = Result()
    ours = {op.operation_id: op for op in Document(ours_spec, ours=True).operations()}
    seen: dict[str, list[tuple[str, dict[FieldPath, Field]]]] = {}
    for page in config.pages:
        docs_ops = _read_page(page, source, result)
        if docs_ops is None:
            continue
        result.pages.append(page.url)
        for operation_id in page.operations:
            mine = ours.get(operation_id)
            theirs = docs_ops.get((mine.method, mine.path)) if mine else None
            if mine is None:
                result.errors.append(f"{page.url}: docs-pages.yml names {operation_id}, not in openapi.yaml")
            elif theirs is None:
                result.items.append(_missing(mine, page.url, docs_ops))
            else:
                seen.setdefault(operation_id, []).append((page.url, theirs.fields))
                result.items += _compared(mine, theirs, page.url)
    for operation_id, pages in seen.items():
        for stale in stale_notes(ours[operation_id].fields, pages):
            why = f"docs now agree with ours; the note records {stale.facet} {stale.recorded!r}"
            where, urls = render_path(stale.path), " ".join(stale.pages)
            result.items.append(
                Item(
                    _name(ours[operation_id]),
                    where,
                    stale.facet,
                    REVIEW,
                    stale.docs,
                    stale.ours,
                    urls,
                    stale.note,
                    why,
                )
            )
    if index:
        _new_endpoints(config, source, result)
    return result


def _read_page(page: Page, source: Source, result: Result) -> dict[tuple[str, str], Operation] | None:
    """The page's operations by (method, path), or None after noting why it could not be read."""
    try:
        documents = openapi_documents(source.read(page.url))
        return {(op.method, op.path): op for d in documents for op in Document(d).operations()}
    except PageError as error:
        result.errors.append(str(error))
    except (NoOpenApiError, SpecError) as error:
        result.errors.append(f"{page.url}: {error}")
    except RecursionError:
        result.errors.append(f"{page.url}: its OpenAPI document nests too deeply to read")
    return None


def _compared(mine: Operation, theirs: Operation, url: str) -> list[Item]:
    items = []
    for difference in compare(theirs.fields, mine.fields):
        verdict = classify(difference, mine.fields)
        items.append(
            Item(
                _name(mine),
                difference.where,
                difference.facet,
                verdict.status,
                difference.docs,
                difference.ours,
                url,
                verdict.note,
                verdict.why,
            )
        )
    return items


def _new_endpoints(config: Config, source: Source, result: Result) -> None:
    known = [page.url for page in config.pages]
    for site in config.sites:
        try:
            text = source.read(f"{site.rstrip('/')}/llms.txt")
        except PageError as error:
            result.errors.append(str(error))
            continue
        result.new_endpoints += uncovered_pages(text, site, known, config.not_covered)


def _name(operation: Operation) -> str:
    return f"{operation.operation_id} ({operation.title})"


def _missing(mine: Operation, url: str, docs_ops: dict[tuple[str, str], Operation]) -> Item:
    described = ", ".join(op.title for op in docs_ops.values()) or "nothing"
    return Item(
        _name(mine),
        "",
        "presence",
        "new",
        None,
        "present",
        url,
        None,
        f"the page no longer describes {mine.title}; it describes {described}",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="docs-diff", description=DOC, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--config", type=Path, default=ROOT / "docs-pages.yml", help="page URL → operations")
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi.yaml", help="our spec")
    parser.add_argument("--pages-dir", type=Path, help="read saved pages from DIR/<host>/<path>.md instead")
    parser.add_argument(
        "--base-url",
        default=os.environ.get("DOCS_BASE_URL") or None,
        help="fetch <BASE>/<host>/<path>.md instead of the page's own URL (env DOCS_BASE_URL)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=float(os.environ.get("DOCS_TIMEOUT") or DEFAULT_TIMEOUT),
        help=f"seconds per page (env DOCS_TIMEOUT; default {DEFAULT_TIMEOUT:g})",
    )
    parser.add_argument("--no-index", action="store_true", help="skip the llms.txt check for new endpoints")
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    parser.add_argument(
        "--fail-on-new",
        action="store_true",
        help="exit 1 when anything is new or to review, a new endpoint page, or a page error",
    )
    args = parser.parse_args(argv)
    try:
        config = load_config(args.config)
        ours = yaml.load(args.spec.read_text(encoding="utf-8"), Loader=YAML_LOADER)  # noqa: S506 - safe
    except ConfigError as error:
        print(f"docs-diff: {error}", file=sys.stderr)
        return 2
    except (OSError, yaml.YAMLError) as error:
        print(f"docs-diff: {args.spec}: {str(error).splitlines()[0]}", file=sys.stderr)
        return 2
    source: Source
    if args.pages_dir:
        source = DirSource(args.pages_dir)
        result = run(config, ours, source, index=not args.no_index)
    else:
        http = HttpSource(args.base_url, args.timeout)
        try:
            result = run(config, ours, http, index=not args.no_index)
        finally:
            http.close()
    for line in result.errors:
        print(f"docs-diff: {line}", file=sys.stderr)
    sys.stdout.write(to_json(result) if args.json else to_markdown(result))
    return 1 if args.fail_on_new and result.anything_new else 0

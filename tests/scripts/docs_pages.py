"""Docs pages made from our own openapi.yaml, in the docs' format, for the docs-diff tests.

A page is Markdown with the page's OpenAPI 3.0 document in a fenced `yaml` block, as the docs'
`.md` copies are. The document is ours turned into what the docs would say: 3.0 spellings
(`nullable`), the stream declared as the chunk schema (the docs have no SSE-event wrapper), the
values our `x-doc-says` markers record, and our own notes left out. Tests then edit it.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
OURS: dict[str, Any] = yaml.load(
    (ROOT / "openapi.yaml").read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
)
CN, COM = "https://docs.siliconflow.cn", "https://docs.siliconflow.com"
CHAT_CN = f"{CN}/cn/api-reference/chat-completions/chat-completions"
CHAT_COM = f"{COM}/en/api-reference/chat-completions/chat-completions"
MODELS_CN = f"{CN}/cn/api-reference/models/get-model-list"
USER_CN = f"{CN}/cn/api-reference/userinfo/get-user-info"
BATCH_COM = f"{COM}/en/api-reference/batch/create-batch"
PAGES = {
    CHAT_CN: ("/chat/completions", "post", "createChatCompletion"),
    CHAT_COM: ("/chat/completions", "post", "createChatCompletion"),
    MODELS_CN: ("/models", "get", "listModels"),
    USER_CN: ("/user/info", "get", "getUserInfo"),
    BATCH_COM: ("/batches", "post", "createBatch"),
}

Edit = Callable[[dict[str, Any]], None]


def docs_document(path: str, method: str) -> dict[str, Any]:
    """What the docs' page for one operation embeds, made from ours."""
    spec = copy.deepcopy(OURS)
    for node in _nodes(spec):
        says = node.pop("x-doc-says", None)
        node.pop("x-doc-discrepancy", None)
        if isinstance(says, dict):
            node.update(says)
        kind = node.get("type")
        if isinstance(kind, list) and "null" in kind:
            rest = [t for t in kind if t != "null"]
            node["type"] = rest[0] if len(rest) == 1 else rest
            node["nullable"] = True
        elif kind == "null":
            del node["type"]
            node["nullable"] = True
    stream = spec["paths"]["/chat/completions"]["post"]["responses"]["200"]["content"]["text/event-stream"]
    stream["schema"] = {"$ref": "#/components/schemas/ChatCompletionChunk"}
    spec["openapi"] = "3.0.0"
    spec["paths"] = {path: {method: spec["paths"][path][method]}}
    return spec


def page_markdown(document: dict[str, Any], path: str, method: str, fence: str = "```") -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    block = yaml.dump(document, Dumper=dumper, allow_unicode=True, sort_keys=False)
    return (
        "> ## Documentation Index\n> Fetch the complete documentation index at: https://docs.siliconflow.cn/llms.txt\n\n"
        f"# {method.upper()} {path}\n\n## OpenAPI\n\n{fence}yaml {method} {path}\n{block}{fence}\n"
    )


def site_pages(edits: dict[str, Edit] | None = None) -> dict[str, str]:
    """`host/path.md` → page text for every page of PAGES, each edited by `edits[url]` if given."""
    pages: dict[str, str] = {}
    for index, (url, (path, method, _)) in enumerate(PAGES.items()):
        document = docs_document(path, method)
        if edits and url in edits:
            edits[url](document)
        fence = "````" if index % 2 else "```"  # the docs use both
        pages[mirror(url)] = page_markdown(document, path, method, fence)
    return pages


def mirror(url: str) -> str:
    return url.split("://", 1)[1] + (".md" if not url.endswith(".txt") else "")


def config_text(extra_pages: dict[str, str] | None = None) -> str:
    entries = [{"url": url, "operations": [op]} for url, (_, _, op) in PAGES.items()]
    entries += [{"url": url, "operations": [op]} for url, op in (extra_pages or {}).items()]
    return yaml.safe_dump(
        {"sites": [CN, COM], "pages": entries, "not_covered": ["*/api-reference/embeddings/*"]},
        sort_keys=False,
    )


def schemas(document: dict[str, Any]) -> dict[str, Any]:
    return document["components"]["schemas"]  # type: ignore[no-any-return]


def _nodes(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _nodes(value)

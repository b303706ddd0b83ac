"""The OpenAPI documents embedded in a docs page's Markdown, in fenced `yaml` blocks.

The docs fence them with three or four backticks and an info string such as
`yaml post /chat/completions`; a block counts when it parses to a mapping with an `openapi` key.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

# libyaml's loader when PyYAML was built with it: a chat page's block parses ~10x faster.
YAML_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FENCE = re.compile(
    r"^(?P<fence>`{3,}|~{3,})[ \t]*yaml\b[^\n]*\n(?P<body>.*?)^(?P=fence)[ \t]*$", re.M | re.S
)


class NoOpenApiError(ValueError):
    """The page has no OpenAPI block, or its YAML does not parse."""


def openapi_documents(markdown: str) -> list[dict[str, Any]]:
    documents: list[dict[str, Any]] = []
    problems: list[str] = []
    for match in _FENCE.finditer(markdown):
        try:
            loaded = yaml.load(match["body"], Loader=YAML_LOADER)  # noqa: S506 - a safe loader
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f" (block line {mark.line + 1})" if mark is not None else ""
            problems.append(f"a yaml block does not parse{where}")
            continue
        if isinstance(loaded, dict) and "openapi" in loaded:
            documents.append(loaded)
    if not documents:
        raise NoOpenApiError("; ".join(problems) or "no fenced yaml block with an OpenAPI document")
    return documents

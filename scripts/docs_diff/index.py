"""New endpoints: API reference pages in a site's `/llms.txt` that the config does not account for."""

from __future__ import annotations

import re
from collections.abc import Iterable
from fnmatch import fnmatch
from urllib.parse import urlsplit

_LINK = re.compile(r"https?://[^\s)\]>\"']+")


def page_key(url: str) -> str:
    """`host/path` without `.md` or a trailing slash, so a page and its Markdown copy match."""
    parts = urlsplit(url)
    return f"{parts.netloc}{parts.path.removesuffix('.md').rstrip('/')}"


def uncovered_pages(
    index_text: str, site: str, known: Iterable[str], not_covered: Iterable[str]
) -> list[str]:
    host = urlsplit(site).netloc
    known_keys = {page_key(url) for url in known}
    patterns = list(not_covered)
    found: dict[str, str] = {}
    for url in _LINK.findall(index_text):
        parts = urlsplit(url)
        if parts.netloc != host or "/api-reference/" not in parts.path:
            continue
        key = page_key(url)
        path = parts.path.removesuffix(".md").rstrip("/")
        if key in known_keys or any(fnmatch(path, pattern) for pattern in patterns):
            continue
        found.setdefault(key, url.removesuffix(".md"))
    return sorted(found.values())

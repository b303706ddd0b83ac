"""Where the pages come from: the docs sites over HTTP, or a folder of saved pages.

Both use one layout, the host as the first path segment (what `wget -x` saves):
`https://docs.siliconflow.cn/cn/x` is `<DOCS_BASE_URL>/docs.siliconflow.cn/cn/x.md`, or
`<pages dir>/docs.siliconflow.cn/cn/x.md`. Without a base URL the page's own URL is fetched.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

import httpx

DEFAULT_TIMEOUT = 20.0


class PageError(Exception):
    """A page that could not be read; the message is one line and names the page."""


class Source(Protocol):
    def read(self, url: str) -> str: ...


def markdown_url(url: str) -> str:
    """The Markdown copy of a docs page (`.md` appended); `llms.txt` and `.md` URLs unchanged."""
    path = urlsplit(url).path
    return url if path.endswith((".md", ".txt")) else url.rstrip("/") + ".md"


def mirror_path(url: str) -> str:
    """`host/path` of a URL, the layout of a base-URL mirror and of a saved-pages folder."""
    parts = urlsplit(markdown_url(url))
    return f"{parts.netloc}{parts.path}"


@dataclass
class HttpSource:
    base_url: str | None = None
    timeout: float = DEFAULT_TIMEOUT

    def __post_init__(self) -> None:
        self._client = httpx.Client(timeout=self.timeout, follow_redirects=True)

    def close(self) -> None:
        self._client.close()

    def read(self, url: str) -> str:
        target = markdown_url(url)
        if self.base_url:
            target = f"{self.base_url.rstrip('/')}/{mirror_path(url)}"
        try:
            response = self._client.get(target)
        except httpx.TimeoutException:
            raise PageError(f"{target}: no answer within {self.timeout:g} s") from None
        except httpx.HTTPError as error:
            raise PageError(f"{target}: {type(error).__name__}: {error}") from None
        if response.status_code != 200:
            raise PageError(f"{target}: HTTP {response.status_code}")
        return response.text


@dataclass
class DirSource:
    root: Path

    def read(self, url: str) -> str:
        path = self.root / mirror_path(url)
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise PageError(f"{url}: not saved in {self.root} (expected {path})") from None
        except (OSError, UnicodeDecodeError) as error:
            raise PageError(f"{path}: cannot read: {error}") from None

"""Page sources: the Markdown copy's URL, the mirror layout, and one-line errors."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from scripts.docs_diff.sources import DirSource, HttpSource, PageError, markdown_url, mirror_path

PAGE = "https://docs.siliconflow.cn/cn/api-reference/models/get-model-list"


def test_the_markdown_copy_and_the_mirror_path() -> None:
    assert markdown_url(PAGE) == f"{PAGE}.md"
    assert markdown_url(f"{PAGE}.md") == f"{PAGE}.md"
    assert markdown_url("https://docs.siliconflow.cn/llms.txt") == "https://docs.siliconflow.cn/llms.txt"
    assert mirror_path(PAGE) == "docs.siliconflow.cn/cn/api-reference/models/get-model-list.md"


def test_a_closed_port_is_one_line_naming_the_page() -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    source = HttpSource(f"http://127.0.0.1:{port}", timeout=2)
    try:
        with pytest.raises(PageError) as raised:
            source.read(PAGE)
    finally:
        source.close()
    message = str(raised.value)
    assert message.startswith(f"http://127.0.0.1:{port}/{mirror_path(PAGE)}: ConnectError")
    assert "\n" not in message


def test_a_saved_page_that_is_not_text_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / mirror_path(PAGE)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(PageError, match="cannot read"):
        DirSource(tmp_path).read(PAGE)

"""New endpoint pages in a site's llms.txt."""

from __future__ import annotations

from scripts.docs_diff.index import uncovered_pages

SITE = "https://docs.siliconflow.cn"
INDEX = f"""# Index
- [Chat]({SITE}/cn/api-reference/chat-completions/chat-completions.md): chat
- [Embeddings]({SITE}/cn/api-reference/embeddings/create-embeddings.md)
- [New]({SITE}/cn/api-reference/responses/create-response.md): a new endpoint
- [Again]({SITE}/cn/api-reference/responses/create-response)
- [Guide]({SITE}/cn/userguide/quickstart.md)
- [Other site](https://docs.siliconflow.com/en/api-reference/responses/create-response.md)
"""


def test_only_unknown_api_reference_pages_of_the_site_are_listed_once() -> None:
    known = [f"{SITE}/cn/api-reference/chat-completions/chat-completions"]
    found = uncovered_pages(INDEX, SITE, known, ["*/api-reference/embeddings/*"])
    assert found == [f"{SITE}/cn/api-reference/responses/create-response"]


def test_without_patterns_every_uncovered_reference_page_is_listed() -> None:
    assert len(uncovered_pages(INDEX, SITE, [], [])) == 3
    assert uncovered_pages("", SITE, [], []) == []

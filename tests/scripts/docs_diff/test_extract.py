"""The OpenAPI blocks of a docs page: both fence widths, other blocks left out, clear errors."""

from __future__ import annotations

import pytest

from scripts.docs_diff.extract import NoOpenApiError, openapi_documents

BLOCK = "openapi: 3.0.0\npaths: {}\n"


@pytest.mark.parametrize("fence", ["```", "````", "~~~"])
def test_a_fenced_yaml_block_with_an_info_string_is_read(fence: str) -> None:
    page = f"# Chat\n\n{fence}yaml post /chat/completions\n{BLOCK}{fence}\n\ntext after\n"
    assert openapi_documents(page) == [{"openapi": "3.0.0", "paths": {}}]


def test_only_blocks_holding_an_openapi_document_count() -> None:
    page = f"```yaml\nkey: value\n```\n\n```json\n{{}}\n```\n\n````yaml get /models\n{BLOCK}````\n"
    assert openapi_documents(page) == [{"openapi": "3.0.0", "paths": {}}]


def test_a_longer_fence_inside_keeps_the_block_whole() -> None:
    # A four-backtick block may hold a three-backtick line (a code sample in a description).
    page = "````yaml post /x\nopenapi: 3.0.0\ninfo:\n  description: |\n    ```\n    curl\n    ```\n````\n"
    (document,) = openapi_documents(page)
    assert document["info"]["description"] == "```\ncurl\n```\n"


def test_no_block_or_bad_yaml_is_one_clear_error() -> None:
    with pytest.raises(NoOpenApiError, match=r"^no fenced yaml block with an OpenAPI document$"):
        openapi_documents("# Chat\n\nprose only\n")
    with pytest.raises(NoOpenApiError, match=r"^a yaml block does not parse \(block line 1\)$"):
        openapi_documents("```yaml\n: [\n```\n")


def test_yaml_tags_that_would_run_code_are_refused() -> None:
    with pytest.raises(NoOpenApiError, match="does not parse"):
        openapi_documents("```yaml\nopenapi: !!python/object/apply:os.system ['true']\n```\n")

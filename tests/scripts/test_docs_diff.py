"""`make docs-diff` end to end: docs pages made from our spec with deliberate edits, served from a
loopback HTTP server through DOCS_BASE_URL and read from a folder; each edit is reported in its
group at its path, and nothing else is."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from scripts.docs_diff.cli import load_config, main, run
from scripts.docs_diff.report import Item, Result
from scripts.docs_diff.sources import DirSource, HttpSource
from tests.scripts.docs_pages import (
    BATCH_COM,
    CHAT_CN,
    CHAT_COM,
    CN,
    MODELS_CN,
    OURS,
    USER_CN,
    Edit,
    config_text,
    mirror,
    schemas,
    site_pages,
)

# What our x-doc-says markers record, and so what every unedited chat page reports as known.
RECORDED = {
    ("request.body.messages", "maxItems"),
    ("request.body.reasoning_effort", "enum"),
    ("request.body.thinking_budget", "default"),
    ("request.body.enable_thinking", "default"),
}


class Site:
    """A loopback docs site: `/<host>/<path>.md` → page; a status or a delay per path on demand."""

    def __init__(self, pages: dict[str, str]) -> None:
        self.pages = pages
        self.status: dict[str, int] = {}
        self.delay: dict[str, float] = {}
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                key = self.path.lstrip("/")
                time.sleep(site.delay.get(key, 0))
                status = site.status.get(key, 200 if key in site.pages else 404)
                body = site.pages.get(key, "no such page").encode() if status == 200 else b"boom"
                self.send_response(status)
                self.send_header("Content-Type", "text/markdown; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def serve() -> Iterator[Any]:
    sites: list[Site] = []

    def start(pages: dict[str, str]) -> Site:
        sites.append(Site(pages))
        return sites[-1]

    yield start
    for site in sites:
        site.close()


def compare_over_http(site: Site, tmp_path: Path, timeout: float = 5.0) -> Result:
    config_file = tmp_path / "docs-pages.yml"
    config_file.write_text(config_text(), encoding="utf-8")
    source = HttpSource(site.url, timeout)
    try:
        return run(load_config(config_file), OURS, source, index=False)
    finally:
        source.close()


def write_dir(root: Path, pages: dict[str, str]) -> Path:
    for key, text in pages.items():
        (root / key).parent.mkdir(parents=True, exist_ok=True)
        (root / key).write_text(text, encoding="utf-8")
    return root


def found(result: Result, status: str, page: str | None = None) -> set[tuple[str, str]]:
    return {
        (i.path, i.facet) for i in result.items if i.status == status and (page is None or i.page == page)
    }


def item(result: Result, path: str, facet: str, page: str) -> Item:
    (match,) = [i for i in result.items if (i.path, i.facet, i.page) == (path, facet, page)]
    return match


# ---- the edits --------------------------------------------------------------------------------


def add_request_field(doc: dict[str, Any]) -> None:
    schemas(doc)["ChatCompletionRequest"]["properties"]["seed"] = {"type": "integer"}


def narrow_thinking_budget(doc: dict[str, Any]) -> None:
    schemas(doc)["ChatCompletionRequest"]["properties"]["thinking_budget"]["maximum"] = 16384


def drop_created(doc: dict[str, Any]) -> None:
    del schemas(doc)["ChatCompletion"]["properties"]["created"]
    schemas(doc)["ChatCompletion"]["required"].remove("created")


def add_reasoning_model(doc: dict[str, Any]) -> None:
    field = schemas(doc)["ChatCompletionRequest"]["properties"]["reasoning_effort"]
    field["description"] += "\nAlso `moonshotai/Kimi-K3`.\n"


def drop_system_fingerprint(doc: dict[str, Any]) -> None:  # what our note records
    del schemas(doc)["ChatCompletion"]["properties"]["system_fingerprint"]


def add_sub_type(doc: dict[str, Any]) -> None:
    schemas(doc)["ModelSubType"]["enum"].append("text-to-speech")


def drop_max_items(doc: dict[str, Any]) -> None:  # the docs now agree with ours
    del schemas(doc)["ChatCompletionRequest"]["properties"]["messages"]["maxItems"]


def effort_changed_again(doc: dict[str, Any]) -> None:
    schemas(doc)["ChatCompletionRequest"]["properties"]["reasoning_effort"]["enum"] = ["high", "max", "ultra"]


def both(*edits: Edit) -> Edit:
    def apply(doc: dict[str, Any]) -> None:
        for edit in edits:
            edit(doc)

    return apply


EDITS: dict[str, Edit] = {
    CHAT_CN: both(
        add_request_field,
        narrow_thinking_budget,
        drop_created,
        add_reasoning_model,
        drop_system_fingerprint,
        drop_max_items,
        effort_changed_again,
    ),
    CHAT_COM: drop_max_items,
    MODELS_CN: add_sub_type,
}
NEW_CN = {
    ("request.body.seed", "presence"),
    ("request.body.thinking_budget", "maximum"),
    ("response.200.body.created", "presence"),
    ("request.body.reasoning_effort", "models"),
}


def check_edits_reported(result: Result) -> None:
    assert result.errors == []
    assert found(result, "new", CHAT_CN) == NEW_CN
    assert found(result, "new", MODELS_CN) == {("request.query.sub_type", "enum")}
    assert found(result, "new") == NEW_CN | {("request.query.sub_type", "enum")}
    # The recorded discrepancy and the markers still shown: known, with the note.
    assert found(result, "known", CHAT_CN) == (
        RECORDED - {("request.body.messages", "maxItems"), ("request.body.reasoning_effort", "enum")}
    ) | {("response.200.body.system_fingerprint", "presence")}
    assert found(result, "known", CHAT_COM) == RECORDED - {("request.body.messages", "maxItems")}
    assert "Not in the docs' schema" in str(
        item(result, "response.200.body.system_fingerprint", "presence", CHAT_CN).note
    )
    # The notes the docs now contradict: changed again on one page, agreeing with ours on all.
    changed = item(result, "request.body.reasoning_effort", "enum", CHAT_CN)
    assert (changed.status, changed.docs) == ("review", ["high", "max", "ultra"])
    assert "records enum ['high', 'max']" in str(changed.why)
    (agree,) = [i for i in result.items if (i.path, i.facet) == ("request.body.messages", "maxItems")]
    assert agree.status == "review"
    assert agree.docs is None
    assert "docs now agree" in str(agree.why)
    assert agree.page == f"{CHAT_CN} {CHAT_COM}"
    assert found(result, "review") == {
        ("request.body.reasoning_effort", "enum"),
        ("request.body.messages", "maxItems"),
    }
    # Each item says what the docs say and what we say.
    seed = item(result, "request.body.seed", "presence", CHAT_CN)
    assert (seed.docs, seed.ours, seed.operation) == (
        "present",
        None,
        "createChatCompletion (POST /chat/completions)",
    )
    budget = item(result, "request.body.thinking_budget", "maximum", CHAT_CN)
    assert (budget.docs, budget.ours) == (16384, 32768)
    models = item(result, "request.body.reasoning_effort", "models", CHAT_CN)
    assert "moonshotai/Kimi-K3" in models.docs
    assert "moonshotai/Kimi-K3" not in models.ours
    sub_type = item(result, "request.query.sub_type", "enum", MODELS_CN)
    assert "text-to-speech" in sub_type.docs
    assert "text-to-speech" not in sub_type.ours
    # Unedited pages: nothing at all.
    assert [i for i in result.items if i.page in (USER_CN, BATCH_COM)] == []


def test_each_edit_is_reported_in_its_group_over_http(serve: Any, tmp_path: Path) -> None:
    check_edits_reported(compare_over_http(serve(site_pages(EDITS)), tmp_path))


def test_a_folder_of_saved_pages_gives_the_same_report(tmp_path: Path) -> None:
    config_file = tmp_path / "docs-pages.yml"
    config_file.write_text(config_text(), encoding="utf-8")
    result = run(
        load_config(config_file),
        OURS,
        DirSource(write_dir(tmp_path / "saved", site_pages(EDITS))),
        index=False,
    )
    check_edits_reported(result)


def test_unedited_pages_report_only_what_the_notes_record(serve: Any, tmp_path: Path) -> None:
    result = compare_over_http(serve(site_pages()), tmp_path)
    assert result.errors == []
    assert found(result, "known", CHAT_CN) == RECORDED
    assert found(result, "known", CHAT_COM) == RECORDED
    assert {i.status for i in result.items} == {"known"}
    assert not result.anything_new


def test_a_page_that_fails_or_hangs_is_one_error_line_and_the_others_are_compared(
    serve: Any, tmp_path: Path
) -> None:
    site = serve(site_pages({MODELS_CN: add_sub_type}))
    site.status[mirror(USER_CN)] = 500
    site.delay[mirror(BATCH_COM)] = 3.0
    started = time.monotonic()
    result = compare_over_http(site, tmp_path, timeout=0.5)
    assert time.monotonic() - started < 2.5
    assert sorted(result.errors) == sorted(
        [
            f"{site.url}/{mirror(USER_CN)}: HTTP 500",
            f"{site.url}/{mirror(BATCH_COM)}: no answer within 0.5 s",
        ]
    )
    assert found(result, "new", MODELS_CN) == {("request.query.sub_type", "enum")}
    assert set(result.pages) == {CHAT_CN, CHAT_COM, MODELS_CN}
    assert result.anything_new


def test_a_page_without_an_openapi_block_or_with_bad_yaml_is_an_error(serve: Any, tmp_path: Path) -> None:
    pages = site_pages()
    pages[mirror(USER_CN)] = "# User info\n\nNo block here.\n"
    pages[mirror(MODELS_CN)] = "```yaml get /models\nopenapi: [unclosed\n```\n"
    result = compare_over_http(serve(pages), tmp_path)
    assert sorted(result.errors) == [
        f"{MODELS_CN}: a yaml block does not parse (block line 2)",
        f"{USER_CN}: no fenced yaml block with an OpenAPI document",
    ]
    assert found(result, "new") == set()


def test_a_page_that_no_longer_describes_the_operation_is_new(serve: Any, tmp_path: Path) -> None:
    def move(doc: dict[str, Any]) -> None:
        doc["paths"] = {"/account/info": doc["paths"]["/user/info"]}

    result = compare_over_http(serve(site_pages({USER_CN: move})), tmp_path)
    (gone,) = [i for i in result.items if i.page == USER_CN]
    assert gone.status == "new"
    assert "no longer describes GET /user/info" in str(gone.why)
    assert "GET /account/info" in str(gone.why)


LLMS_TXT = f"""# SiliconFlow

## Docs

- [Chat]({CHAT_CN}.md): create a chat completion
- [Models]({MODELS_CN}.md)
- [Embeddings]({CN}/cn/api-reference/embeddings/create-embeddings.md)
- [Realtime]({CN}/cn/api-reference/realtime/create-session.md): a new endpoint
- [Guide]({CN}/cn/userguide/quickstart.md)
"""


def test_the_cli_over_docs_base_url_prints_markdown_and_fails_on_new(
    serve: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = site_pages(EDITS)
    pages["docs.siliconflow.cn/llms.txt"] = LLMS_TXT
    pages["docs.siliconflow.com/llms.txt"] = f"- [Chat]({CHAT_COM}.md)\n"
    site = serve(pages)
    config_file = tmp_path / "docs-pages.yml"
    config_file.write_text(config_text(), encoding="utf-8")
    monkeypatch.setenv("DOCS_BASE_URL", site.url)
    assert main(["--config", str(config_file), "--fail-on-new"]) == 1
    out = capsys.readouterr().out
    assert "## createChatCompletion (POST /chat/completions)" in out
    assert f"- `request.body.seed` presence: docs `present`, ours — — {CHAT_CN}" in out
    assert "### Note to review" in out
    assert "### Known, recorded" in out
    assert f"- {CN}/cn/api-reference/realtime/create-session\n" in out
    assert "embeddings" not in out.split("## New endpoint pages")[1].split("##")[0]
    assert "**5 new, 2 to review, 6 known; 1 new endpoint page(s); 0 page error(s).**" in out


def test_the_cli_json_lists_new_endpoints_and_exits_0_without_the_switch(
    serve: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = site_pages(EDITS)
    pages["docs.siliconflow.cn/llms.txt"] = LLMS_TXT
    pages["docs.siliconflow.com/llms.txt"] = ""
    site = serve(pages)
    config_file = tmp_path / "docs-pages.yml"
    config_file.write_text(config_text(), encoding="utf-8")
    monkeypatch.setenv("DOCS_BASE_URL", site.url)
    assert main(["--config", str(config_file), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["new_endpoints"] == [f"{CN}/cn/api-reference/realtime/create-session"]
    assert report["summary"] == {"new": 5, "review": 2, "known": 6}
    seed = next(i for i in report["items"] if i["path"] == "request.body.seed")
    assert seed["page"] == CHAT_CN
    assert seed["status"] == "new"


def test_unedited_pages_exit_0_even_with_the_switch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = write_dir(tmp_path / "saved", site_pages())
    config_file = tmp_path / "docs-pages.yml"
    config_file.write_text(config_text(), encoding="utf-8")
    argv = ["--config", str(config_file), "--pages-dir", str(saved), "--no-index", "--fail-on-new"]
    assert main(argv) == 0
    assert (
        "**0 new, 0 to review, 8 known; 0 new endpoint page(s); 0 page error(s).**" in capsys.readouterr().out
    )


def test_a_missing_saved_page_and_a_bad_config_are_one_line_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = write_dir(tmp_path / "saved", {k: v for k, v in site_pages().items() if "userinfo" not in k})
    config_file = tmp_path / "docs-pages.yml"
    config_file.write_text(config_text(), encoding="utf-8")
    assert main(["--config", str(config_file), "--pages-dir", str(saved), "--no-index", "--fail-on-new"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"docs-diff: {USER_CN}: not saved in {saved}" in err
    config_file.write_text("pages: [{url: x}]\n", encoding="utf-8")
    assert main(["--config", str(config_file), "--pages-dir", str(saved)]) == 2
    assert capsys.readouterr().err == f"docs-diff: {config_file}: pages[0] needs `url` and `operations`\n"


def test_stream_chunk_fields_headers_and_status_codes_are_compared(serve: Any, tmp_path: Path) -> None:
    def chat(doc: dict[str, Any]) -> None:
        schemas(doc)["ChunkDelta"]["properties"]["refusal"] = {"type": "string"}
        headers = doc["paths"]["/chat/completions"]["post"]["responses"]["200"]["headers"]
        headers["x-ratelimit-remaining"] = {"schema": {"type": "integer"}}

    def retired(doc: dict[str, Any]) -> None:
        doc["paths"]["/user/info"]["get"]["responses"]["451"] = {"description": "Unavailable"}

    result = compare_over_http(serve(site_pages({CHAT_CN: chat, USER_CN: retired})), tmp_path)
    assert found(result, "new") == {
        ("response.200.stream.choices[].delta.refusal", "presence"),
        ("response.200.header.x-ratelimit-remaining", "presence"),
        ("response.451", "presence"),
    }
    assert item(result, "response.451", "presence", USER_CN).operation == "getUserInfo (GET /user/info)"
    assert found(result, "review") == set()

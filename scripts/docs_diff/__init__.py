"""`make docs-diff`: SiliconFlow's published OpenAPI against ours, page by page.

    python -m scripts.docs_diff [--config docs-pages.yml] [--pages-dir DIR] [--json] [--fail-on-new]

Reads `docs-pages.yml` (page URL → our operationIds), fetches each page's Markdown copy (the URL
plus `.md`), takes the OpenAPI 3.0 document out of its fenced `yaml` block, and compares each
operation with `openapi.yaml`: request fields (added, removed, type, required, range, enum,
default, the model ids written in a description), response and stream-chunk fields, status codes,
error bodies and headers. Each difference is

- **new**: nothing in `openapi.yaml` records it;
- **known, recorded**: an `x-doc-discrepancy` note at that path (or above it, naming the field)
  records it, and says what the docs say;
- **note to review**: a note covers the path but the docs now say something the note does not
  record (changed again), or the docs now agree with ours where an `x-doc-says` marker records
  what they used to say.

It also lists `/api-reference/` pages of each site's `/llms.txt` that no entry of the config and
no `not_covered` pattern accounts for: a new endpoint.

Modules: `sources` (http or a saved-pages folder), `extract` (the fenced blocks), `fields`
($ref resolution and flattening an operation into field paths), `compare`, `notes` (the
classification), `index` (llms.txt), `report` (Markdown and JSON), `cli`.
"""

"""The real captures of tests/fixtures, as recorded-traffic lines (tests/fixtures/traffic/*.jsonl).

    python -m tests.contract.captures     # rewrite tests/fixtures/traffic/ from the captures

The captures hold responses only (no request was kept), so the lines carry no `request_body`; a
single captured chunk becomes a one-event stream. `source` names the capture each line comes from.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TRAFFIC = FIXTURES / "traffic"
JSON = "application/json; charset=utf-8"
SSE = "text/event-stream; charset=utf-8"


def _exchange(source: str, status: int, content_type: str, **body: Any) -> dict[str, Any]:
    return {
        "source": f"tests/fixtures/{source}",
        "method": "POST",
        "path": "/v1/chat/completions",
        "query": {},
        "status": status,
        "response_headers": {"content-type": content_type},
        **body,
    }


def _json(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def _http(name: str) -> tuple[int, dict[str, str], str]:
    """Status, headers and body of a raw HTTP/1.1 response capture."""
    head, _, body = (FIXTURES / name).read_text(encoding="utf-8").replace("\r\n", "\n").partition("\n\n")
    status_line, *header_lines = head.splitlines()
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in header_lines)}
    return int(status_line.split()[1]), headers, body


def traffic_files() -> dict[str, list[dict[str, Any]]]:
    status, headers, body = _http("error-400-model-not-found.http")
    chunk = "data: {}\n\n"
    return {
        "deepseek-v3.jsonl": [
            _exchange(
                "deepseek-v3-response.json", 200, JSON, response_body=_json("deepseek-v3-response.json")
            ),
            _exchange(
                "deepseek-v3-stream.sse",
                200,
                SSE,
                response_sse=(FIXTURES / "deepseek-v3-stream.sse").read_text(encoding="utf-8"),
            ),
            _exchange(
                "deepseek-v3-stream-chunk.json",
                200,
                SSE,
                response_sse=chunk.format(
                    json.dumps(_json("deepseek-v3-stream-chunk.json"), ensure_ascii=False)
                ),
            ),
        ],
        "docs-examples.jsonl": [
            *(
                _exchange(name, 200, JSON, response_body=_json(name))
                for name in (
                    "docs-glm47-thinking.json",
                    "docs-glm46v-image.json",
                    "docs-glm46v-tool-call.json",
                )
            ),
            _exchange(
                "docs-first-stream-chunk.json",
                200,
                SSE,
                response_sse=chunk.format(
                    json.dumps(_json("docs-first-stream-chunk.json"), ensure_ascii=False)
                ),
            ),
        ],
        "errors.jsonl": [
            _exchange(
                "error-400-model-not-found.http",
                status,
                headers["content-type"],
                response_body=json.loads(body),
            )
        ],
    }


def render(lines: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n" for line in lines)


def main() -> None:
    TRAFFIC.mkdir(exist_ok=True)
    for name, lines in traffic_files().items():
        (TRAFFIC / name).write_text(render(lines), encoding="utf-8")
        print(f"wrote {TRAFFIC / name}")


if __name__ == "__main__":
    main()

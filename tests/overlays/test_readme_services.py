"""The README's service sections (tool loops, structured output, raw responses) run against the mock.

Each section's ```python blocks run in order in one namespace, with SILICONFLOW_API_KEY and
SILICONFLOW_BASE_URL pointing at the mock, as a reader would set them; then what the text promises
is checked on the objects the examples made.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path
from typing import Any

import pytest
from siliconflow import ParsedCompletion, RawResponse, ToolRunResult
from siliconflow_mock import RunningMock

README = Path(__file__).resolve().parents[2] / "README.md"
_BLOCK = re.compile(r"^```python\n(.*?)^```$", re.DOTALL | re.MULTILINE)


def section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end >= 0 else None]


def run_section(title: str, mock: RunningMock, monkeypatch: pytest.MonkeyPatch) -> tuple[dict[str, Any], str]:
    monkeypatch.setenv("SILICONFLOW_API_KEY", mock.token)
    monkeypatch.setenv("SILICONFLOW_BASE_URL", mock.base_url)
    blocks = _BLOCK.findall(section(title))
    assert blocks, f"no python examples in README section {title!r}"
    namespace: dict[str, Any] = {"__name__": f"readme_{title}"}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        for block in blocks:
            exec(compile(block, f"README.md ({title})", "exec"), namespace)
    return namespace, printed.getvalue()


def test_tool_loops(mock_server: RunningMock, monkeypatch: pytest.MonkeyPatch) -> None:
    namespace, printed = run_section("Tool loops", mock_server, monkeypatch)
    result = namespace["result"]
    assert isinstance(result, ToolRunResult)
    assert result.rounds == 3
    assert namespace["run"].result.rounds == 3
    lines = printed.splitlines()
    assert lines[0] == "3"
    assert lines[1] == 'The tool get_weather returned: {"city": "mock", "sky": "sunny", "unit": "C"}'
    assert "[get_city -> Paris; now call get_weather]" in printed
    assert len(namespace["history"]) == 6  # user, (assistant, tool) x 2, assistant


def test_structured_output(mock_server: RunningMock, monkeypatch: pytest.MonkeyPatch) -> None:
    namespace, printed = run_section("Structured output", mock_server, monkeypatch)
    result = namespace["result"]
    assert isinstance(result, ParsedCompletion)
    assert result.parsed == namespace["City"](name="mock", population=1)
    assert printed.splitlines()[0] == "City(name='mock', population=1)"


def test_raw_responses_and_per_call_options(
    mock_server: RunningMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    namespace, printed = run_section("Raw responses and per-call options", mock_server, monkeypatch)
    raw = namespace["raw"]
    assert isinstance(raw, RawResponse)
    assert raw.status_code == 200
    assert raw.trace_id == "order-1234"
    assert printed.splitlines()[-1] == "length"

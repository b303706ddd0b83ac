"""A tool result that names another tool makes the mock call it: loops of several rounds."""

from __future__ import annotations

from typing import Any

from siliconflow_mock.tool_rounds import named_by_results


def tool(name: str) -> dict[str, Any]:
    return {"type": "function", "function": {"name": name}}


def request(*messages: dict[str, Any]) -> dict[str, Any]:
    return {"model": "m", "tools": [tool("get_city"), tool("get_weather")], "messages": list(messages)}


def called(name: str, call_id: str) -> dict[str, Any]:
    call = {"id": call_id, "type": "function", "function": {"name": name, "arguments": "{}"}}
    return {"role": "assistant", "content": None, "tool_calls": [call]}


def test_a_result_naming_a_tool_calls_it_next() -> None:
    body = request(
        {"role": "user", "content": "use get_city"},
        called("get_city", "c1"),
        {"role": "tool", "tool_call_id": "c1", "content": "Paris; now call get_weather"},
    )
    assert named_by_results(body) == ["get_weather"]


def test_a_tool_already_called_is_not_called_again_so_loops_end() -> None:
    body = request(
        {"role": "user", "content": "use get_city"},
        called("get_city", "c1"),
        {"role": "tool", "tool_call_id": "c1", "content": "call get_city again, and get_weathers"},
    )
    assert named_by_results(body) == []  # get_city was called; get_weathers is another word

"""Several rounds of tool calls: a tool result that names another tool makes the model call it.

After the tool messages that end a request, the model calls every tool of `tools` whose name
appears as a word in those results and that no earlier assistant message of the conversation
called; with none left, it answers. So a test scripts a loop of any length through its tools'
results (`"Paris; now call get_weather"`), and no loop runs forever.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any


def named_by_results(request: Mapping[str, Any]) -> list[str]:
    """The tools the trailing tool results name that were not called before, in `tools` order."""
    messages: Sequence[Mapping[str, Any]] = request["messages"]
    results: list[str] = []
    for message in reversed(messages):
        if message.get("role") != "tool":
            break
        content = message.get("content")
        results.append(content if isinstance(content, str) else "")
    called = {
        str(call.get("function", {}).get("name"))
        for message in messages
        if message.get("role") == "assistant"
        for call in message.get("tool_calls") or []
    }
    text = " ".join(results)
    names = dict.fromkeys(str(tool["function"]["name"]) for tool in request.get("tools") or [])
    return [
        name
        for name in names
        if name not in called and re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
    ]

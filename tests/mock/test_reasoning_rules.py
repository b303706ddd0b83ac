"""The mock refuses what real reasoning models refuse in tool-calling flows (400 code 20015)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from siliconflow_mock import create_app
from siliconflow_mock.reasoning_rules import REPLAY_REQUIRED_MODEL

pytestmark = pytest.mark.anyio
AUTH = {"Authorization": "Bearer sk-mock"}
TOOLS = [{"type": "function", "function": {"name": "lookup", "parameters": {"type": "object"}}}]


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://mock") as test_client:
        yield test_client


def follow_up(model: str, *, reasoning: str | None, **fields: Any) -> dict[str, Any]:
    assistant: dict[str, Any] = {
        "role": "assistant",
        "content": None,
        "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "lookup", "arguments": "{}"}}],
    }
    if reasoning is not None:
        assistant["reasoning_content"] = reasoning
    messages = [
        {"role": "user", "content": "use lookup"},
        assistant,
        {"role": "tool", "tool_call_id": "c1", "content": "42"},
    ]
    return {"model": model, "messages": messages, "tools": TOOLS, **fields}


@pytest.mark.parametrize(
    "model", ["Pro/moonshotai/Kimi-K2.5", "deepseek-ai/DeepSeek-V3.2", REPLAY_REQUIRED_MODEL]
)
async def test_a_follow_up_without_reasoning_gets_20015(client: httpx.AsyncClient, model: str) -> None:
    body = follow_up(model, reasoning=None, enable_thinking=True)
    response = await client.post("/v1/chat/completions", json=body, headers=AUTH)
    assert response.status_code == 400
    message = "thinking is enabled but reasoning_content is missing in assistant tool call message at index 1"
    assert response.json() == {"code": 20015, "message": message, "data": None}
    replayed = follow_up(model, reasoning="I should look it up.", enable_thinking=True)
    ok = await client.post("/v1/chat/completions", json=replayed, headers=AUTH)
    assert ok.status_code == 200
    assert ok.json()["choices"][0]["message"]["content"] == "The tool lookup returned: 42"


async def test_replay_is_not_demanded_without_thinking_or_from_other_models(
    client: httpx.AsyncClient,
) -> None:
    for body in (
        follow_up(REPLAY_REQUIRED_MODEL, reasoning=None, enable_thinking=False),
        follow_up("Qwen/Qwen3-8B", reasoning=None, enable_thinking=True),
    ):
        response = await client.post("/v1/chat/completions", json=body, headers=AUTH)
        assert response.status_code == 200, response.text


@pytest.mark.parametrize("choice", ["required", {"type": "function", "function": {"name": "lookup"}}])
async def test_forced_tool_choice_with_thinking_is_refused_by_deepseek(
    client: httpx.AsyncClient, choice: object
) -> None:
    body = {
        "model": "deepseek-ai/DeepSeek-V3.2",
        "messages": [{"role": "user", "content": "hi"}],
        "tools": TOOLS,
        "tool_choice": choice,
        "enable_thinking": True,
    }
    refused = await client.post("/v1/chat/completions", json=body, headers=AUTH)
    assert refused.status_code == 400
    assert refused.json()["code"] == 20015
    assert "tool_choice" in refused.json()["message"]
    allowed = await client.post("/v1/chat/completions", json={**body, "enable_thinking": False}, headers=AUTH)
    assert allowed.status_code == 200
    assert allowed.json()["choices"][0]["message"]["tool_calls"][0]["function"]["name"] == "lookup"

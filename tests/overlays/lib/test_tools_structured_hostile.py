"""Hostile answers to the tool runner and to parse(): typed errors or tool messages, never a crash."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from siliconflow import SiliconFlow, SiliconFlowError, StructuredOutputError
from siliconflow_api.models import ChatCompletionRequest, ToolMessage

KEY = "sk-hostile-0123456789abcdef"


def completion(message: dict[str, Any], finish_reason: str = "stop") -> dict[str, Any]:
    choice = {"index": 0, "message": {"role": "assistant", **message}, "finish_reason": finish_reason}
    return {"id": "x", "object": "chat.completion", "created": 1, "model": "some/model", "choices": [choice]}


def calling(arguments: str, name: str = "echo") -> dict[str, Any]:
    call = {"id": "c1", "type": "function", "function": {"name": name, "arguments": arguments}}
    return completion({"content": None, "tool_calls": [call]}, "tool_calls")


def scripted(*bodies: dict[str, Any]) -> tuple[SiliconFlow, list[Any]]:
    sent: list[Any] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(json.loads(request.content))
        return httpx.Response(200, json=bodies[min(len(sent), len(bodies)) - 1])

    return SiliconFlow(api_key=KEY, transport=httpx.MockTransport(answer), max_retries=0), sent


def ask() -> ChatCompletionRequest:
    return ChatCompletionRequest.from_dict(
        {"model": "some/model", "messages": [{"role": "user", "content": "hi"}]}
    )


def echo(text: str) -> str:
    """Echo."""
    return text


@pytest.mark.parametrize(
    ("arguments", "starts"),
    [
        ("[" * 100_000 + "]" * 100_000, "Error: the arguments of echo are not valid JSON"),
        ("null", "Error: the arguments of echo do not match its parameters: arguments: None is not of type"),
        ('"text"', "Error: the arguments of echo do not match its parameters"),
        ('{"text": "a", "extra": 1}', "Error: the arguments of echo do not match its parameters"),
        ("NaN", "Error: the arguments of echo do not match its parameters"),
        ("", "Error: the arguments of echo do not match its parameters: arguments: 'text' is a required"),
    ],
)
def test_hostile_arguments_become_tool_messages(arguments: str, starts: str) -> None:
    client, sent = scripted(calling(arguments), completion({"content": "done"}))
    with client:
        result = client.run_tools(ask(), [echo])
    (message,) = [m for m in result.messages if isinstance(m, ToolMessage)]
    assert message.content.startswith(starts), message.content
    assert len(sent) == 2


@pytest.mark.parametrize(
    "body",
    [
        {"id": "x", "object": "chat.completion", "created": 1, "model": "m", "choices": []},
        {"unexpected": True},
        completion({"content": None, "tool_calls": [{"id": "c1"}]}, "tool_calls"),
    ],
)
@pytest.mark.parametrize("job", ["run_tools", "parse"])
def test_broken_completions_are_typed_errors(body: dict[str, Any], job: str) -> None:
    client, _ = scripted(body)
    call: Callable[[], object] = (
        (lambda: client.run_tools(ask(), [echo]))
        if job == "run_tools"
        else (lambda: client.parse(ask(), {"type": "object"}))
    )
    with client, pytest.raises(SiliconFlowError):
        call()


@pytest.mark.parametrize(
    "content", [None, "", "   ", "<think>only thinking", "```json\n{", '{"a": 1} trailing']
)
def test_answers_that_are_not_json_are_retried_then_reported(content: str | None) -> None:
    client, sent = scripted(completion({"content": content}))
    with client, pytest.raises(StructuredOutputError) as caught:
        client.parse(ask(), {"type": "object"}, max_attempts=2)
    assert len(sent) == 2
    assert caught.value.problems[0].startswith("it is not valid JSON")
    corrective = sent[1]["messages"][-1]
    assert corrective["role"] == "user"
    assert "not valid JSON" in corrective["content"]


def test_a_server_echoing_the_key_into_the_answer_does_not_put_it_in_the_error() -> None:
    client, _ = scripted(completion({"content": f"your key is {KEY}"}))
    with client, pytest.raises(StructuredOutputError) as caught:
        client.parse(ask(), {"type": "object"}, max_attempts=1)
    assert KEY not in str(caught.value)
    assert KEY not in repr(caught.value)
    assert "[redacted]" in str(caught.value)

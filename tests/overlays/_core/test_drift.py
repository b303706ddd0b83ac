"""Drift: unknown fields and unknown values of listed enums, noted by JSON path from every answer the
client parses, logged once per process, counted in a report."""

from __future__ import annotations

import copy
import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest
from siliconflow._core import drift
from siliconflow._core.drift import DriftEntry, clear_drift_report, drift_report, note_drift
from siliconflow_api.models import ChatCompletion, ChatCompletionChunk

if TYPE_CHECKING:
    from tests.overlays.conftest import Twin, Wire

pytestmark = pytest.mark.anyio


@pytest.fixture(autouse=True)
def fresh_report(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test starts with an empty report and a process that has logged nothing yet."""
    monkeypatch.setattr(drift, "_logged", set())
    clear_drift_report()
    yield
    clear_drift_report()


def drift_records(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "siliconflow._core.drift"]


def test_known_payloads_note_nothing(wire: Wire) -> None:
    seen: list[tuple[str, Any]] = []
    for name in ("deepseek-v3-response.json", "docs-glm46v-tool-call.json", "docs-glm47-thinking.json"):
        ChatCompletion.from_dict(wire.fixture_json(name), lambda path, value: seen.append((path, value)))
    ChatCompletionChunk.from_dict(wire.chunk("a", role="assistant", finish="stop"), lambda *a: seen.append(a))
    assert seen == []


def test_paths_of_unknown_fields_and_values(wire: Wire) -> None:
    chunk = wire.chunk("a", role="assistant", finish="content_filter", extra={"service_tier": "x"})
    chunk["choices"][0]["delta"]["audio"] = {"id": "a1"}
    chunk["choices"][0]["logprobs"] = None
    chunk["usage"] = {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3, "extra_tokens": 4}
    seen: list[tuple[str, Any]] = []
    parsed = ChatCompletionChunk.from_dict(chunk, lambda path, value: seen.append((path, value)))
    assert sorted(seen, key=repr) == sorted(
        [
            ("choices[].delta.audio", {"id": "a1"}),
            ("choices[].logprobs", None),
            ("choices[].finish_reason=content_filter", "content_filter"),
            ("usage.extra_tokens", 4),
            ("service_tier", "x"),
        ],
        key=repr,
    )
    # Drift is not an error: the unknown value is kept, the unknown fields too.
    assert parsed.choices[0].finish_reason == "content_filter"
    assert parsed.choices[0].delta.additional_properties == {"audio": {"id": "a1"}}
    assert parsed.additional_properties == {"service_tier": "x"}


def test_each_path_is_logged_once_and_counted(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="siliconflow._core.drift")
    for value in ("sk-secret-echo-1", "sk-secret-echo-2", "sk-secret-echo-3"):
        note_drift("choices[].delta.audio", value)
    note_drift("choices[].finish_reason=content_filter", "content_filter")
    messages = drift_records(caplog)
    assert len(messages) == 2
    assert "choices[].delta.audio" in messages[0]
    assert "spec may need an update" in messages[0]
    assert all("sk-secret" not in m for m in messages)  # the value is never logged
    assert drift_report() == {
        "choices[].delta.audio": DriftEntry(count=3, example="sk-secret-echo-1"),
        "choices[].finish_reason=content_filter": DriftEntry(count=1, example="content_filter"),
    }
    clear_drift_report()
    note_drift("choices[].delta.audio", 1)
    assert len(drift_records(caplog)) == 2  # once per process, even after the report was cleared
    assert drift_report()["choices[].delta.audio"].count == 1


async def test_a_stream_reports_its_drift(twin: Twin, wire: Wire, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="siliconflow._core.drift")
    first = wire.chunk(None, "hm", role="assistant")
    first["choices"][0]["delta"]["audio"] = None
    chunks = [copy.deepcopy(first) for _ in range(3)]
    last = wire.chunk("done", finish="content_filter")
    client = twin.client(wire.script(wire.stream_step([wire.sse(*chunks, last)])))
    try:
        run = await twin.stream(client, wire.request())
        report = client.drift_report()
    finally:
        await twin.close(client)
    assert run.error is None
    assert run.final is not None
    assert run.final.choices[0].finish_reason == "content_filter"
    assert report == {
        "choices[].delta.audio": DriftEntry(count=3, example=None),
        "choices[].finish_reason=content_filter": DriftEntry(count=1, example="content_filter"),
    }
    assert len(drift_records(caplog)) == 2


async def test_a_response_reports_its_drift(twin: Twin, wire: Wire) -> None:
    payload = copy.deepcopy(wire.fixture_json("deepseek-v3-response.json"))
    payload["choices"][0]["message"]["annotations"] = []
    payload["object"] = "chat.completion.v2"
    for call in ("create", "generated"):
        client = twin.client(wire.script(wire.json_step(200, payload)))
        try:
            if call == "create":
                await twin.create(client, wire.request())
            else:
                await twin.generated(client, wire.request())
        finally:
            await twin.close(client)
    assert client.drift_report() == {
        "choices[].message.annotations": DriftEntry(count=2, example=[]),
        "object=chat.completion.v2": DriftEntry(count=2, example="chat.completion.v2"),
    }

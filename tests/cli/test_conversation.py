"""Conversation files: what /save and --save write, what --messages and /load accept, and what they refuse."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from siliconflow_api.models import AssistantMessage, SystemMessage, UserMessage
from siliconflow_cli.conversation import (
    ConversationFileError,
    Message,
    load_messages,
    parse_messages,
    save_messages,
    with_system,
)

CONVERSATION: list[Message] = [
    SystemMessage(role="system", content="Be brief."),
    UserMessage(role="user", content="天空为什么是蓝色?"),
    AssistantMessage(role="assistant", content="Rayleigh scattering.", reasoning_content="Physics."),
]


def test_a_saved_conversation_loads_back_the_same(tmp_path: Path) -> None:
    path = tmp_path / "chat.json"
    save_messages(path, CONVERSATION)
    assert "天空" in path.read_text(encoding="utf-8")  # readable, not \u escapes
    assert [m.to_dict() for m in load_messages(path)] == [m.to_dict() for m in CONVERSATION]
    assert json.loads(path.read_text(encoding="utf-8"))[0] == {"role": "system", "content": "Be brief."}


def test_saving_replaces_the_file_whole_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "chat.json"
    path.write_text("old and much longer content " * 100)
    save_messages(path, CONVERSATION[:2])
    assert len(load_messages(path)) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chat.json"]


def test_saving_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("[]")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    save_messages(link, CONVERSATION)
    assert link.is_symlink()
    assert len(load_messages(real)) == 3


def test_saving_to_a_pipe_writes_into_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        save_messages(fifo, CONVERSATION[:1])
        assert json.loads(os.read(reader, 65536)) == [{"role": "system", "content": "Be brief."}]
    finally:
        os.close(reader)
    assert fifo.exists()
    assert not fifo.is_file()  # still the pipe, not replaced by a regular file


def test_a_directory_that_does_not_exist_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConversationFileError, match=r"cannot write '.*/missing/chat.json': No such file"):
        save_messages(tmp_path / "missing" / "chat.json", CONVERSATION)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "is not JSON"),
        (b"{not json", "is not JSON"),
        (b"\xff\xfe\x00garbage", "is not JSON"),
        (b'{"role": "user", "content": "hi"}', "expected a JSON list of messages, got dict"),
        (b"[1]", "messages[0] must be an object, got int"),
        (
            b'[{"role": "robot", "content": "x"}]',
            "messages[0].role must be one of system, user, assistant, tool",
        ),
        (b'[{"content": "x"}]', "messages[0].role must be one of"),
        (b'[{"role": "user"}]', "messages[0].content is missing (required for role 'user')"),
        (b'[{"role": "system", "content": 5}]', "messages[0].content must be a string"),
        (b'[{"role": "user", "content": "a"}, {"role": "tool", "content": "r"}]', "messages[1].tool_call_id"),
        (b'[{"role": "assistant", "content": ["x"]}]', "messages[0].content must be a string or null"),
        (
            b'[{"role": "assistant", "content": "x", "reasoning_content": 1}]',
            "reasoning_content must be a string",
        ),
    ],
)
def test_a_bad_file_names_what_is_wrong(tmp_path: Path, content: bytes, fragment: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(ConversationFileError) as caught:
        load_messages(path)
    assert fragment in str(caught.value)
    assert str(path) in str(caught.value)


def test_files_that_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(ConversationFileError, match="No such file"):
        load_messages(tmp_path / "absent.json")
    with pytest.raises(ConversationFileError, match="Is a directory"):
        load_messages(tmp_path)


def test_an_assistant_message_may_have_null_content() -> None:
    [message] = parse_messages(json.loads('[{"role": "assistant", "content": null, "tool_calls": []}]'))
    assert isinstance(message, AssistantMessage)


def test_a_system_option_replaces_the_saved_system_message() -> None:
    replaced = with_system(CONVERSATION, "Answer in French.")
    assert [m.to_dict()["content"] for m in replaced] == [
        "Answer in French.",
        *[m.content for m in CONVERSATION[1:]],
    ]
    assert with_system(CONVERSATION, None) == CONVERSATION

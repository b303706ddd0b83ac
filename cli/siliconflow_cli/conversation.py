"""A conversation on disk: the JSON list of messages that `/save` and `--save` write and `--messages` reads.

The file is exactly the `messages` array of a request (the API's own shape), so it can be edited by
hand, sent with curl, or built by another tool. It is written atomically (a temporary file, then a
rename), so a crash or a full disk never leaves half a conversation where a whole one was.
A device or pipe (`/dev/stdout`) is written in place.
Reading checks every message against its role's required fields and names the first bad one by
its JSON path (`messages[3].content`), before anything is sent.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from siliconflow_api.models import AssistantMessage, SystemMessage, ToolMessage, UserMessage

from .limited_read import InputTooLargeError, parse_json, read_file

Message = AssistantMessage | SystemMessage | ToolMessage | UserMessage

_BY_ROLE: dict[str, type[Message]] = {
    "system": SystemMessage,
    "user": UserMessage,
    "assistant": AssistantMessage,
    "tool": ToolMessage,
}
# What each role must carry, and the JSON types allowed for it (the spec's message schemas).
_REQUIRED: dict[str, dict[str, tuple[type, ...]]] = {
    "system": {"content": (str,)},
    "user": {"content": (str, list)},
    "assistant": {},
    "tool": {"content": (str,), "tool_call_id": (str,)},
}
_OPTIONAL_TEXT = ("name", "reasoning_content")


class ConversationFileError(ValueError):
    """A conversation file that cannot be read or is not a list of chat messages."""


def load_messages(path: str | os.PathLike[str]) -> list[Message]:
    """The messages saved in `path`; ConversationFileError names the file and what is wrong."""
    try:
        raw = read_file(path)
    except OSError as error:
        raise ConversationFileError(f"cannot read {os.fspath(path)!r}: {error.strerror}") from None
    except InputTooLargeError as error:
        raise ConversationFileError(f"cannot read {os.fspath(path)!r}: {error}") from None
    try:
        data = parse_json(raw)
    except ValueError as error:
        raise ConversationFileError(f"{os.fspath(path)!r} is not JSON: {error}") from None
    try:
        return parse_messages(data)
    except ConversationFileError as error:
        raise ConversationFileError(f"{os.fspath(path)!r}: {error}") from None


def parse_messages(data: Any) -> list[Message]:
    """A JSON list of messages as the generated models; ConversationFileError names the bad path."""
    if not isinstance(data, list):
        raise ConversationFileError(f"expected a JSON list of messages, got {type(data).__name__}")
    return [_parse_message(f"messages[{index}]", item) for index, item in enumerate(data)]


def _parse_message(where: str, item: Any) -> Message:
    if not isinstance(item, dict):
        raise ConversationFileError(f"{where} must be an object, got {type(item).__name__}")
    role = item.get("role")
    if role not in _BY_ROLE:
        allowed = ", ".join(_BY_ROLE)
        raise ConversationFileError(f"{where}.role must be one of {allowed}, got {role!r}")
    for field, types in _REQUIRED[role].items():
        if field not in item:
            raise ConversationFileError(f"{where}.{field} is missing (required for role {role!r})")
        if not isinstance(item[field], types):
            raise ConversationFileError(f"{where}.{field} must be {_names(types)}")
    for field in _OPTIONAL_TEXT:
        if item.get(field) is not None and not isinstance(item[field], str):
            raise ConversationFileError(f"{where}.{field} must be a string")
    if role == "assistant" and item.get("content") is not None and not isinstance(item["content"], str):
        raise ConversationFileError(f"{where}.content must be a string or null")
    try:
        return _BY_ROLE[role].from_dict(item)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ConversationFileError(f"{where} is not a valid {role} message ({error!s})") from None


def _names(types: tuple[type, ...]) -> str:
    words: dict[type, str] = {str: "a string", list: "a list of content parts"}
    return " or ".join(words[kind] for kind in types)


def dump_messages(messages: Sequence[Message]) -> str:
    """The JSON text of a conversation: readable, UTF-8, one message per block."""
    return json.dumps([message.to_dict() for message in messages], ensure_ascii=False, indent=2) + "\n"


def save_messages(path: str | os.PathLike[str], messages: Sequence[Message]) -> None:
    """Write the conversation to `path`; ConversationFileError when it cannot be written.

    A regular file (or a new one) is replaced atomically, through a symlink to it as well; anything
    else (`/dev/stdout`, a named pipe) is written to in place, never replaced.
    """
    text = dump_messages(messages)
    if os.path.exists(path) and not os.path.isfile(path):  # both follow symlinks
        try:
            with open(path, "w", encoding="utf-8") as file:
                file.write(text)
        except OSError as error:
            raise ConversationFileError(f"cannot write {os.fspath(path)!r}: {error.strerror}") from None
        return
    target = Path(path).resolve()  # a symlink stays a symlink; its target is replaced
    try:
        descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise ConversationFileError(f"cannot write {os.fspath(path)!r}: {error.strerror}") from None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise ConversationFileError(f"cannot write {os.fspath(path)!r}: {error.strerror}") from None


def check_writable(path: str | os.PathLike[str]) -> None:
    """Refuse, before anything is sent, a --save path that cannot become a file (no answer is lost)."""
    target = Path(path)
    if target.is_dir():
        raise ConversationFileError(f"cannot write {os.fspath(path)!r}: Is a directory")
    if not target.resolve().parent.is_dir():
        raise ConversationFileError(f"cannot write {os.fspath(path)!r}: its folder does not exist")


def with_system(history: Sequence[Message], system: str | None) -> list[Message]:
    """The history with `system` as its system message (replacing a saved one); unchanged without it."""
    if system is None:
        return list(history)
    rest = [message for message in history if not isinstance(message, SystemMessage)]
    return [SystemMessage(role="system", content=system), *rest]

"""Contains shared errors types that can be raised from API functions"""

from typing import Any

from .types import Unset


class UnexpectedStatus(Exception):
    """Raised by api functions when the response status an undocumented status and Client.raise_on_unexpected_status is True"""

    def __init__(self, status_code: int, content: bytes):
        self.status_code = status_code
        self.content = content

        super().__init__(
            f"Unexpected status code: {status_code}\n\nResponse content:\n{content.decode(errors='ignore')}"
        )


_JSON_TYPES = {
    str: "string",
    int: "integer",
    float: "number",
    bool: "boolean",
    type(None): "null",
    list: "array",
    dict: "object",
}


def json_type(value: Any) -> str:
    """The JSON type name of a decoded value ("missing" for an absent field)."""
    if isinstance(value, Unset):
        return "missing"
    name = _JSON_TYPES.get(type(value))
    if name is not None:
        return name
    for cls, json_name in _JSON_TYPES.items():
        if isinstance(value, cls):
            return json_name
    return type(value).__name__


class MalformedDataError(ValueError):
    """A payload does not match the spec: a known field has the wrong JSON type, is missing, or
    holds a value the spec does not allow.

    `path` is the JSON path of the field (`choices[0].delta.content`, "" for the payload itself),
    `expected` what the spec allows there (`integer`, `string or null`), `got` the JSON type found
    (`string`, `missing`). The value itself is never part of the message.
    """

    def __init__(self, path: str, expected: str, value: Any) -> None:
        self.path = path
        self.expected = expected
        self.got = json_type(value)
        super().__init__(self._message())

    def _message(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{where}expected {self.expected}, got {self.got}"

    def add_prefix(self, prefix: str) -> None:
        """Make the path relative to the payload that contains this one (`prefix` is its key)."""
        if not self.path:
            self.path = prefix
        elif self.path.startswith("["):
            self.path = prefix + self.path
        else:
            self.path = f"{prefix}.{self.path}"
        self.args = (self._message(),)


__all__ = ["MalformedDataError", "UnexpectedStatus", "json_type"]

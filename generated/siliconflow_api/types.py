"""Contains some shared types for properties"""

from collections.abc import Container, Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar

from attrs import define


class Unset:
    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()


class BaseModel:
    """The base of every generated model.

    Reading a model never meets `UNSET`: an optional field the JSON did not have reads as None, as
    in openai-python. `to_dict()` still gives back exactly the keys that were there (absent stays
    absent, null stays null), because `_given` remembers them: the decoded JSON object itself for an
    object read by `from_dict` (no copy), the optional keys passed to `__init__` (not `UNSET`)
    for one built in code. A None written later to a field the object was not given stays absent
    from `to_dict()`; any other value is written out.
    """

    __slots__ = ("_given",)

    _given: Container[str]

    def to_dict(self) -> dict[str, Any]:
        raise NotImplementedError

    def is_given(self, key: str) -> bool:
        """Whether this object was given JSON key `key` (read from the JSON, possibly as null, or
        passed to `__init__`): tells an absent optional field from a null one, both read as None."""
        return key in self._given

    def to_json(self, *, indent: int | None = 2) -> str:
        """The JSON text of `to_dict()` (as openai-python: `indent=None` for one line)."""
        import orjson  # a dependency of the distribution, imported on first use

        if indent is None:
            return orjson.dumps(self.to_dict()).decode()
        if indent == 2:
            return orjson.dumps(self.to_dict(), option=orjson.OPT_INDENT_2).decode()
        import json

        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)


# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


__all__ = [
    "UNSET",
    "BaseModel",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "Unset",
]

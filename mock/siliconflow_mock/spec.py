"""Finding `openapi.yaml` and validating request bodies against its own schemas.

The spec is the single source of truth: the request schema is read from the operation's
`requestBody` at start-up and checked with JSON Schema 2020-12 (OpenAPI 3.1's dialect), so a change
to the spec changes what the mock accepts without touching this code.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

SPEC_FILENAME = "openapi.yaml"
CHAT_PATH = "/chat/completions"
# Validation messages quote the offending value; a fuzzer's megabyte string should not come back whole.
_MAX_MESSAGE_CHARS = 300


class SpecError(RuntimeError):
    """The spec cannot be found or does not describe the chat completions operation."""


def default_spec_path() -> Path:
    """The spec shipped next to the package (wheel install), else the repository's root copy."""
    package_dir = Path(__file__).resolve().parent
    for candidate in (package_dir / SPEC_FILENAME, package_dir.parent.parent / SPEC_FILENAME):
        if candidate.is_file():
            return candidate
    raise SpecError(
        f"{SPEC_FILENAME} not found next to the package ({package_dir}) or at the repository root; "
        "pass spec_path explicitly"
    )


def load_spec(path: Path) -> dict[str, Any]:
    """The parsed OpenAPI document at `path`."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SpecError(f"cannot read the spec {path}: {exc}") from exc
    if not isinstance(document, dict) or CHAT_PATH not in document.get("paths", {}):
        raise SpecError(f"{path} does not define POST {CHAT_PATH}")
    return cast("dict[str, Any]", document)


class RequestValidator:
    """Checks a decoded JSON body against the spec's request schema for POST /chat/completions."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        try:
            body_schema = spec["paths"][CHAT_PATH]["post"]["requestBody"]["content"]["application/json"][
                "schema"
            ]
        except KeyError as exc:
            raise SpecError(f"the spec has no application/json request body for POST {CHAT_PATH}") from exc
        # The body schema is usually a $ref into components; keep components beside it so refs resolve.
        root = {**body_schema, "components": spec.get("components", {})}
        Draft202012Validator.check_schema(root)
        self._validator = Draft202012Validator(root)

    def problem(self, body: object) -> str | None:
        """None when `body` is valid, else one line naming the field and what is wrong with it."""
        error = best_match(self._validator.iter_errors(body))
        return None if error is None else describe(error)


def describe(error: ValidationError) -> str:
    """`messages[0].content: 5 is not of type 'string'`, shortened when the value is huge."""
    where = field_path(error.absolute_path)
    message = error.message
    if len(message) > _MAX_MESSAGE_CHARS:
        message = message[: _MAX_MESSAGE_CHARS - 3] + "..."
    return f"{where}: {message}" if where else f"request body: {message}"


def field_path(parts: Any) -> str:
    """A JSON path as a reader writes it: `messages[0].content`."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text

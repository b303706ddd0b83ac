"""What every contract test shares: the spec and settings `make contract` uses, and one way to check a case.

The tests load schemathesis.toml explicitly (not by discovery from the working directory), so
pytest and `st run` apply the same check settings and the same custom checks wherever pytest runs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeAlias, TypeVar, cast

import schemathesis
import yaml
from schemathesis import Config

import tests.contract.schemathesis_hooks  # noqa: F401 - registers the custom checks and hooks

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "openapi.yaml"
CONFIG_PATH = ROOT / "schemathesis.toml"
OPERATION = ("/chat/completions", "POST")
MOCK_TOKEN = "sk-mock"
# Explicit cases (`operation.Case(...)`) do not take the schema's configured headers: pass these.
AUTH = {"Authorization": f"Bearer {MOCK_TOKEN}"}

Case: TypeAlias = schemathesis.Case[Any]
Operation: TypeAlias = schemathesis.APIOperation[Any, Any, Any, Any]
Test = TypeVar("Test", bound=Callable[..., None])


def load_spec() -> dict[str, Any]:
    """A fresh copy of openapi.yaml, safe to alter for a deliberately wrong spec."""
    spec: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return spec


def load_schema(
    spec: dict[str, Any] | None = None, *, app: Any = None, token: str = MOCK_TOKEN
) -> schemathesis.BaseSchema:
    """The schemathesis schema of `spec` (default: openapi.yaml) with the project's settings.

    With `app`, requests go to that ASGI app in process; otherwise to the `base_url` given per call.
    """
    config = Config.from_path(CONFIG_PATH)
    schema = schemathesis.openapi.from_dict(spec or load_spec(), config=config)
    schema.config.update(headers={"Authorization": f"Bearer {token}"})
    if app is not None:
        schema.app = app
    return schema


def parametrize(schema: schemathesis.BaseSchema) -> Callable[[Test], Test]:
    """`schema.parametrize()` with its type spelled out (schemathesis declares a bare Callable)."""
    return cast("Callable[[Test], Test]", schema.parametrize())


def operation(schema: schemathesis.BaseSchema) -> Operation:
    path, method = OPERATION
    found: Operation = schema[path][method]
    return found


def check(case: Case, **kwargs: Any) -> schemathesis.Response:
    """Send the case and run every enabled check, custom ones included; raises on any failure.

    The configured headers (the token) are passed explicitly: when an operation has header
    parameters (`X-Trace-Id`), schemathesis would otherwise take the configured Authorization for a
    generated one and report the mock's acceptance of the valid token as ST401 (ignored auth).
    """
    configured = case.operation.schema.config.headers_for(operation=case.operation)
    headers = {**configured, **kwargs.pop("headers", {})}
    return case.call_and_validate(headers=headers, **kwargs)

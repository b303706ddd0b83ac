"""A schema renamed in openapi.yaml stays importable under its `x-former-names`, with a warning."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
import yaml
from siliconflow_api import models

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))["components"][
    "schemas"
]
FORMER = sorted(
    (former, name) for name, schema in SCHEMAS.items() for former in schema.get("x-former-names", [])
)


def test_the_request_tool_schema_is_chat_completion_tool() -> None:
    assert ("Tool", "ChatCompletionTool") in FORMER
    assert "Tool" not in SCHEMAS


@pytest.mark.parametrize(("former", "current"), FORMER)
def test_a_former_name_is_the_same_class_and_warns_on_every_import(former: str, current: str) -> None:
    for _ in range(2):  # not cached as a plain global: the second import warns too
        with pytest.warns(DeprecationWarning, match=rf"models\.{former} was renamed {current}"):
            alias = getattr(models, former)
        assert alias is getattr(models, current)
    assert former not in models.__all__


def test_the_current_name_does_not_warn() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        from siliconflow_api.models import ChatCompletionTool  # noqa: PLC0415 - the import is the test

    assert ChatCompletionTool.from_dict({"type": "function", "function": {"name": "f"}}).to_dict() == {
        "type": "function",
        "function": {"name": "f"},
    }


def test_an_unknown_name_is_still_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="NoSuchModel"):
        getattr(models, "NoSuchModel")  # noqa: B009 - a name unknown to the type checker on purpose

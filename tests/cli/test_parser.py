"""The grammar: --version, and a --help that says where the prompt can come from."""

from __future__ import annotations

import importlib.metadata

import pytest
from siliconflow_cli.parser import build_parser


def test_version_is_the_installed_distributions(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out == f"siliconflow {importlib.metadata.version('siliconflow-chat')}\n"


def test_chat_help_tells_about_stdin_files_and_sessions(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["chat", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    for phrase in ["@FILE", "- reads stdin", "-i, --interactive", "/save FILE", "--messages FILE", "Ctrl-C"]:
        assert phrase in text


def test_prompt_is_optional_and_flags_parse() -> None:
    args = build_parser().parse_args(["chat", "-i", "--stop", "a", "--stop", "b", "-n", "2"])
    assert args.prompt is None
    assert args.interactive
    assert args.stop == ["a", "b"]
    assert args.n == 2

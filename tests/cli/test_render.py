"""Human output: reasoning apart from the answer, dim on a terminal, labelled elsewhere."""

from __future__ import annotations

import io

import pytest
from siliconflow.lib.thinking import TokenUsage
from siliconflow_cli.render import DIM, RESET, HumanRenderer, usage_line, wants_color

USAGE = TokenUsage(prompt_tokens=12, reasoning_tokens=30, answer_tokens=5, total_tokens=47)


def render(color: bool, reasoning: list[str], answer: list[str], usage: TokenUsage | None = USAGE) -> str:
    out = io.StringIO()
    renderer = HumanRenderer(out, color=color)
    for piece in reasoning:
        renderer.reasoning(piece)
    for piece in answer:
        renderer.answer(piece)
    renderer.close(usage)
    return out.getvalue()


def test_plain_output_labels_reasoning_answer_and_usage() -> None:
    assert render(False, ["The user ", "greets me."], ["Hel", "lo!"]) == (
        "Reasoning:\nThe user greets me.\n\n"
        "Answer:\nHello!\n\n"
        "Usage: 12 prompt + 30 reasoning + 5 answer = 47 tokens\n"
    )


def test_terminal_output_dims_the_reasoning_and_labels_it_quietly() -> None:
    # Labels too, not dim alone: a terminal that does not show dim still tells the two apart.
    assert render(True, ["Think."], ["Hello!\n"]) == (
        f"{DIM}Reasoning:\nThink.{RESET}\n\n"
        f"{DIM}Answer:{RESET}\nHello!\n\n"
        f"{DIM}Usage: 12 prompt + 30 reasoning + 5 answer = 47 tokens{RESET}\n"
    )


def test_terminal_answer_without_reasoning_has_no_label() -> None:
    assert render(True, [], ["Hello!"]) == (
        f"Hello!\n\n{DIM}Usage: 12 prompt + 30 reasoning + 5 answer = 47 tokens{RESET}\n"
    )


def test_an_answer_without_reasoning_has_no_reasoning_section() -> None:
    assert render(False, [], ["Hi."], None) == "Answer:\nHi.\n\nUsage: not reported by the server\n"


def test_nothing_arrived_still_gives_the_usage_line() -> None:
    assert render(False, [], [], None) == "Usage: not reported by the server\n"


def test_usage_line_adds_up() -> None:
    assert usage_line(USAGE) == "Usage: 12 prompt + 30 reasoning + 5 answer = 47 tokens"
    assert usage_line(USAGE, "stop") == usage_line(USAGE)


def test_usage_line_says_when_the_answer_was_cut_short() -> None:
    assert (
        usage_line(USAGE, "length")
        == "Usage: 12 prompt + 30 reasoning + 5 answer = 47 tokens (finish_reason: length)"
    )


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_color_only_on_a_terminal_and_never_with_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert wants_color(FakeTerminal())
    assert not wants_color(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not wants_color(FakeTerminal())
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "dumb")
    assert not wants_color(FakeTerminal())

"""Human output of `siliconflow chat`: reasoning apart from the answer, then one usage line.

On a terminal the reasoning is dim under a dim `Reasoning:` label, and an answer that follows
reasoning gets a dim `Answer:` label, so the two stay apart where dim does not show; anywhere else
(a pipe, a file, NO_COLOR set, TERM=dumb) both are labelled in plain text, so the output reads the
same in a log:

    Reasoning:
    The user greets me.

    Answer:
    Hello!

    Usage: 12 prompt + 30 reasoning + 5 answer = 47 tokens
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from siliconflow import TokenUsage

DIM = "\x1b[2m"
RESET = "\x1b[0m"


def wants_color(stream: TextIO) -> bool:
    """ANSI styling only on a terminal, and not when NO_COLOR (no-color.org) or TERM=dumb says no."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


# Finish reasons that mean the answer is complete; any other one is worth a mention.
COMPLETE = frozenset({"stop", "eos", "tool_calls"})


def usage_line(usage: TokenUsage | None, finish_reason: str | None = None) -> str:
    """The last line: token counts, and why generation stopped when the answer may be cut short."""
    if usage is None:
        line = "Usage: not reported by the server"
    else:
        line = (
            f"Usage: {usage.prompt_tokens} prompt + {usage.reasoning_tokens} reasoning"
            f" + {usage.answer_tokens} answer = {usage.total_tokens} tokens"
        )
    if finish_reason is not None and finish_reason not in COMPLETE:
        line += f" (finish_reason: {finish_reason})"  # "length": max_tokens or the context ran out
    return line


class HumanRenderer:
    """Writes reasoning and answer text as it arrives; switches sections only when needed."""

    def __init__(self, out: TextIO, *, color: bool) -> None:
        self._out = out
        self._color = color
        self._section: str | None = None  # "reasoning", "answer" or None before any text
        self._at_line_start = True

    def reasoning(self, text: str) -> None:
        if text:
            self._enter("reasoning")
            self._write(text)

    def answer(self, text: str) -> None:
        if text:
            self._enter("answer")
            self._write(text)

    def close(self, usage: TokenUsage | None, finish_reason: str | None = None) -> None:
        """End the text (also after a broken stream) and print the usage line."""
        self._leave()
        if self._section is not None:
            self._out.write("\n")
        line = usage_line(usage, finish_reason)
        self._out.write(f"{DIM}{line}{RESET}\n" if self._color else f"{line}\n")
        self._out.flush()

    def _enter(self, section: str) -> None:
        if self._section == section:
            return
        if self._section is not None:
            self._leave()
            self._out.write("\n")
        after_reasoning = self._section == "reasoning"
        self._section = section
        if self._color:
            if section == "reasoning":
                self._out.write(f"{DIM}Reasoning:\n")  # the text under it stays dim
            elif after_reasoning:
                self._out.write(f"{DIM}Answer:{RESET}\n")
        else:
            self._out.write("Reasoning:\n" if section == "reasoning" else "Answer:\n")

    def _leave(self) -> None:
        """Close the current section: reset the style and end its last line."""
        if self._section is None:
            return
        if self._color and self._section == "reasoning":
            self._out.write(RESET)
        if not self._at_line_start:
            self._out.write("\n")
            self._at_line_start = True

    def _write(self, text: str) -> None:
        self._out.write(text)
        self._at_line_start = text.endswith("\n")
        self._out.flush()

"""Split a leading `<think>…</think>` block out of answer text, incrementally.

Some models (reasoning distills, gateways without a reasoning parser) put their chain of thought
inside `content` as `<think>…</think>` instead of sending `reasoning_content`. The splitter turns
such text into reasoning and answer. Callers use it only when `reasoning_content` is empty.

Rules, the same whether the text arrives whole or in pieces cut at any position:
- Only a block at the start counts (after optional whitespace). Text that does not open with
  `<think>` is answer, verbatim, leading whitespace included; a later `<think>` is answer too.
- An unclosed block is tolerated: everything after `<think>` is reasoning until `</think>` or the
  end of the text.
- Whitespace around the reasoning and at the start of the answer after `</think>` is dropped
  (models write `<think>\\n…\\n</think>\\n\\n`).

Text that might still become a tag (`"<thi"`, a trailing `"</"`), or whitespace that might turn
out to end the reasoning, is held back until the next piece decides it, so the output never has
to be taken back. `finish()` releases whatever is still held.

Hand-written because the libraries that do this (LangChain's and LiteLLM's reasoning parsers)
come with a framework; the state machine is a few dozen lines.
"""

from __future__ import annotations

import enum

from attrs import frozen

OPEN_TAG = "<think>"
CLOSE_TAG = "</think>"


@frozen
class SplitText:
    """A piece of text divided into reasoning and answer (reasoning always comes first)."""

    reasoning: str = ""
    answer: str = ""

    def __add__(self, other: SplitText) -> SplitText:
        return SplitText(self.reasoning + other.reasoning, self.answer + other.answer)


class _State(enum.Enum):
    START = enum.auto()  # nothing decisive seen yet: whitespace or a prefix of "<think>"
    REASONING = enum.auto()  # inside the block
    ANSWER = enum.auto()  # after the block, or no block at all


def _partial_tag_length(text: str, tag: str) -> int:
    """Length of the longest end of `text` that is a proper beginning of `tag`."""
    for length in range(min(len(text), len(tag) - 1), 0, -1):
        if tag.startswith(text[-length:]):
            return length
    return 0


class ThinkTagSplitter:
    """Feed text pieces in order; get back the reasoning and answer each piece settles."""

    def __init__(self) -> None:
        self._state = _State.START
        self._held = ""  # text whose role the next piece decides
        self._strip_leading = False  # drop whitespace at the start of the current part

    def feed(self, text: str) -> SplitText:
        """Take the next piece of text; return the reasoning and answer it settles."""
        if self._state is _State.START:
            return self._feed_start(text)
        if self._state is _State.REASONING:
            return self._feed_reasoning(text)
        return SplitText(answer=self._strip(text))

    def finish(self) -> SplitText:
        """The text is complete: release what was held back (an unclosed block is reasoning)."""
        held, self._held = self._held, ""
        if self._state is _State.START:
            self._state = _State.ANSWER
            return SplitText(answer=held)  # whitespace or a tag cut short: it was answer after all
        if self._state is _State.REASONING:
            return SplitText(reasoning=held.rstrip())
        return SplitText()

    def _feed_start(self, text: str) -> SplitText:
        self._held += text
        opening = self._held.lstrip()
        if not opening or (len(opening) < len(OPEN_TAG) and OPEN_TAG.startswith(opening)):
            return SplitText()  # still undecided
        if opening.startswith(OPEN_TAG):
            self._held = ""
            self._state = _State.REASONING
            self._strip_leading = True
            return self._feed_reasoning(opening[len(OPEN_TAG) :])
        held, self._held = self._held, ""
        self._state = _State.ANSWER
        return SplitText(answer=held)

    def _feed_reasoning(self, text: str) -> SplitText:
        pending = self._strip(self._held + text)
        self._held = ""
        end = pending.find(CLOSE_TAG)
        if end >= 0:
            self._state = _State.ANSWER
            self._strip_leading = True
            return SplitText(
                reasoning=pending[:end].rstrip(), answer=self._strip(pending[end + len(CLOSE_TAG) :])
            )
        settled = pending[: len(pending) - _partial_tag_length(pending, CLOSE_TAG)]
        reasoning = settled.rstrip()
        self._held = pending[len(reasoning) :]  # trailing whitespace plus a possible "</thin"
        return SplitText(reasoning=reasoning)

    def _strip(self, text: str) -> str:
        """Drop leading whitespace while the current part has not started yet."""
        if not self._strip_leading:
            return text
        stripped = text.lstrip()
        if stripped:
            self._strip_leading = False
        return stripped


def split_think_tags(text: str) -> SplitText:
    """Split complete text: the reasoning of a leading `<think>` block and the answer after it."""
    splitter = ThinkTagSplitter()
    return splitter.feed(text) + splitter.finish()

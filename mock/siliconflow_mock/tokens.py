"""The mock's tokenizer: deterministic, simple, and documented, so tests can predict usage counts.

A token is one of:
- a run of letters, digits and underscores (`Hello`, `42`, `get_weather`),
- one CJK character (Chinese, Japanese kana, Korean syllables each count alone),
- one other non-space character (`,`, `{`, `"`),
each with the whitespace before it attached; whitespace at the end of a text is one more token.
Joining the tokens of a text gives the text back exactly, which is what lets a stream send one token
per chunk and still add up to the non-stream answer.
"""

from __future__ import annotations

import re

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
# `[^\W{_CJK}]` is "a word character that is not CJK": a negated class of non-words and CJK.
_TOKEN = re.compile(rf"\s*(?:[{_CJK}]|[^\W{_CJK}]+|[^\w\s])|\s+")


def split_tokens(text: str) -> list[str]:
    """The tokens of `text`, in order; `"".join(split_tokens(t)) == t` for every string."""
    return _TOKEN.findall(text)


def count_tokens(text: str) -> int:
    """How many tokens `text` has (see the module docstring for what a token is)."""
    return sum(1 for _ in _TOKEN.finditer(text))

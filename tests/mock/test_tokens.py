"""The mock's tokenizer: usage counts clients can predict, and tokens that join back to the text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from siliconflow_mock.tokens import count_tokens, split_tokens


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Hello, world!", ["Hello", ",", " world", "!"]),
        ("get_weather(city)", ["get_weather", "(", "city", ")"]),
        ("你好世界", ["你", "好", "世", "界"]),
        ("abc你好", ["abc", "你", "好"]),
        ('{"a": 1}', ["{", '"', "a", '"', ":", " 1", "}"]),
        ("end  ", ["end", "  "]),
        ("", []),
    ],
)
def test_tokens_are_words_cjk_characters_and_punctuation(text: str, tokens: list[str]) -> None:
    assert split_tokens(text) == tokens
    assert count_tokens(text) == len(tokens)


@given(st.text())
@settings(max_examples=200, deadline=None)
def test_tokens_join_back_to_the_text(text: str) -> None:
    # A stream sends one token per chunk; the chunks must add up to the non-stream answer exactly.
    tokens = split_tokens(text)
    assert "".join(tokens) == text
    assert count_tokens(text) == len(tokens)
    assert all(tokens)

"""The `<think>` splitter: whole text and every way of cutting it give the same split."""

from __future__ import annotations

import itertools

import pytest
from siliconflow.lib.think_tags import SplitText, ThinkTagSplitter, split_think_tags

# (text, reasoning, answer)
CASES = [
    ("<think>\nStep one.\nStep two.\n</think>\n\nThe answer.", "Step one.\nStep two.", "The answer."),
    ("  \n<think>why</think>what", "why", "what"),
    ("<think>思考一二</think>答案三", "思考一二", "答案三"),
    ("<think>\nstill thinking when the text ends\n", "still thinking when the text ends", ""),
    ("<think>cut inside the closing tag </thi", "cut inside the closing tag </thi", ""),
    ("<think>a < b and </b> are not the tag</think>done", "a < b and </b> are not the tag", "done"),
    ("<think></think>only answer", "", "only answer"),
    ("<think>", "", ""),
    ("No reasoning here.", "", "No reasoning here."),
    ("  leading space kept without a block", "", "  leading space kept without a block"),
    ("<thinking>not our tag</thinking>", "", "<thinking>not our tag</thinking>"),
    ("<thi", "", "<thi"),
    ("   ", "", "   "),
    (
        "Answer first <think>then a tag</think> stays answer",
        "",
        "Answer first <think>then a tag</think> stays answer",
    ),
    (
        "<think>x</think>\n\n<think>second block is answer</think>",
        "x",
        "<think>second block is answer</think>",
    ),
    ("", "", ""),
]


def feed_pieces(pieces: list[str]) -> SplitText:
    splitter = ThinkTagSplitter()
    result = SplitText()
    for piece in pieces:
        result = result + splitter.feed(piece)
    return result + splitter.finish()


@pytest.mark.parametrize(("text", "reasoning", "answer"), CASES)
def test_whole_text_is_split_into_reasoning_and_answer(text: str, reasoning: str, answer: str) -> None:
    assert split_think_tags(text) == SplitText(reasoning=reasoning, answer=answer)


@pytest.mark.parametrize(("text", "reasoning", "answer"), CASES)
def test_every_split_point_gives_the_same_result(text: str, reasoning: str, answer: str) -> None:
    expected = SplitText(reasoning=reasoning, answer=answer)
    for cut in range(len(text) + 1):
        assert feed_pieces([text[:cut], text[cut:]]) == expected, f"cut at {cut}"


@pytest.mark.parametrize(("text", "reasoning", "answer"), CASES[:6])
def test_every_pair_of_split_points_gives_the_same_result(text: str, reasoning: str, answer: str) -> None:
    expected = SplitText(reasoning=reasoning, answer=answer)
    for first, second in itertools.combinations(range(len(text) + 1), 2):
        pieces = [text[:first], text[first:second], text[second:]]
        assert feed_pieces(pieces) == expected, f"cuts at {first} and {second}"


@pytest.mark.parametrize(("text", "reasoning", "answer"), CASES)
def test_one_character_at_a_time_gives_the_same_result(text: str, reasoning: str, answer: str) -> None:
    assert feed_pieces(list(text)) == SplitText(reasoning=reasoning, answer=answer)


def test_reasoning_is_released_while_the_block_is_still_open() -> None:
    splitter = ThinkTagSplitter()
    assert splitter.feed("<think>first thought") == SplitText(reasoning="first thought")
    assert splitter.feed(", second") == SplitText(reasoning=", second")


def test_a_possible_closing_tag_is_held_back_until_decided() -> None:
    splitter = ThinkTagSplitter()
    assert splitter.feed("<think>done </thi") == SplitText(reasoning="done")
    assert splitter.feed("nk>\n\nHello") == SplitText(answer="Hello")
    assert splitter.feed(" world") == SplitText(answer=" world")
    assert splitter.finish() == SplitText()


def test_answer_text_without_a_block_is_never_held_back() -> None:
    splitter = ThinkTagSplitter()
    assert splitter.feed("Hi") == SplitText(answer="Hi")
    assert splitter.feed(" <") == SplitText(answer=" <")


def test_an_unclosed_block_is_reasoning_up_to_the_end() -> None:
    splitter = ThinkTagSplitter()
    assert splitter.feed("<think>\nThe stream broke in the mid") == SplitText(
        reasoning="The stream broke in the mid"
    )
    assert splitter.finish() == SplitText()

"""A flag per request field, checked against the spec's own ranges and enums before anything is sent."""

from __future__ import annotations

import dataclasses

import pytest
from siliconflow_api.request_constraints import CHAT_COMPLETION_REQUEST
from siliconflow_cli import request_flags
from siliconflow_cli.chat import UsageError, build_request
from siliconflow_cli.main import main
from siliconflow_cli.parser import build_parser
from siliconflow_cli.request_flags import NOT_FLAGS, OTHER_FLAGS, REQUEST_FLAGS, describe, violation

# Values the spec allows, taken from it so these tests follow a spec change.
EFFORT = (CHAT_COMPLETION_REQUEST["reasoning_effort"].enum or ("",))[0]


def request_body(*args: str) -> dict[str, object]:
    return build_request(build_parser().parse_args(["chat", "Hello", *args])).to_dict()


def options(body: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in body.items() if k not in ("model", "messages")}


def test_every_request_field_of_the_spec_has_a_flag_or_a_reason_not_to() -> None:
    # When the spec grows a field, this fails until the command line decides about it.
    top_level = {path.split(".")[0] for path in CHAT_COMPLETION_REQUEST}
    flagged = {flag.field.split(".")[0] for flag in REQUEST_FLAGS}
    assert top_level == flagged | set(OTHER_FLAGS) | set(NOT_FLAGS)
    assert not flagged & set(OTHER_FLAGS)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--reasoning-effort", EFFORT], {"reasoning_effort": EFFORT}),
        (["--top-p", "0.9"], {"top_p": 0.9}),
        (["--top-k", "50"], {"top_k": 50}),  # an integer stays one: 50, not 50.0
        (["--top-k", "-1"], {"top_k": -1}),
        (["--min-p", "0.05"], {"min_p": 0.05}),
        (["--frequency-penalty", "0.5"], {"frequency_penalty": 0.5}),
        (["--stop", "END"], {"stop": ["END"]}),
        (["--stop", "a", "--stop", "b"], {"stop": ["a", "b"]}),
        (["-n", "3"], {"n": 3}),
        (["--response-format", "json_object"], {"response_format": {"type": "json_object"}}),
        (["--prefix", "def f(", "--suffix", "):"], {"prefix": "def f(", "suffix": "):"}),
        (["--top-p", "1", "--thinking"], {"top_p": 1, "enable_thinking": True}),
    ],
)
def test_each_new_flag_sends_exactly_its_field(args: list[str], expected: dict[str, object]) -> None:
    assert options(request_body(*args)) == expected


def limit(field: str) -> str:
    return describe(CHAT_COMPLETION_REQUEST[field])


# Each flag with a limit in the spec, a value outside it, and the words of the refusal. The numbers
# in the expected messages come from the generated constraints, so the spec can move them.
def _between(field: str) -> str:
    rule = CHAT_COMPLETION_REQUEST[field]
    low, high = (request_flags._show(bound or 0) for bound in (rule.minimum, rule.maximum))
    return f"must be between {low} and {high}"


OUT_OF_RANGE = [
    (["--reasoning-effort", "lowest"], "--reasoning-effort: reasoning_effort must be", "got 'lowest'"),
    (["--top-p", "1.5"], f"--top-p: top_p {_between('top_p')}", "got 1.5"),
    (["--top-p", "-0.1"], f"--top-p: top_p {_between('top_p')}", "got -0.1"),
    (["--min-p", "2"], f"--min-p: min_p {_between('min_p')}", "got 2"),
    (
        ["--stop", "1", "--stop", "2", "--stop", "3", "--stop", "4", "--stop", "5"],
        "--stop: stop takes at most",
        "got 5",
    ),
    (["-n", "0"], "-n: n must be at least", "got 0"),
    (["--response-format", "yaml"], "--response-format: response_format.type must be", "got 'yaml'"),
    (["--temperature", "3"], f"--temperature: temperature {_between('temperature')}", "got 3"),
    (["--model", ""], "--model: model must not be empty", "got ''"),
]


@pytest.mark.parametrize(("args", "start", "end"), OUT_OF_RANGE)
def test_a_value_outside_the_spec_is_a_usage_error_naming_field_and_range(
    args: list[str], start: str, end: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SILICONFLOW_API_KEY", "sk-test")  # never used: refused before any client exists
    monkeypatch.setenv("SILICONFLOW_BASE_URL", "http://127.0.0.1:9/v1")
    assert main(["chat", "Hello", *args]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    [line] = captured.err.splitlines()
    assert line.startswith(f"siliconflow chat: error: {start}")
    assert line.endswith(end)


def test_enums_and_ranges_in_the_help_come_from_the_spec(capsys: pytest.CaptureFixture[str]) -> None:
    efforts = CHAT_COMPLETION_REQUEST["reasoning_effort"].enum or ()
    assert limit("reasoning_effort") == f"{', '.join(efforts[:-1])} or {efforts[-1]}"
    with pytest.raises(SystemExit):
        build_parser().parse_args(["chat", "--help"])
    helps = " ".join(capsys.readouterr().out.split())
    for flag, field in [
        ("--top-p", "top_p"),
        ("--reasoning-effort", "reasoning_effort"),
        ("--temperature", "temperature"),
    ]:
        assert f": {limit(field)} (default: not sent)" in helps.split(flag, 1)[1]


def test_checks_follow_a_changed_spec(monkeypatch: pytest.MonkeyPatch) -> None:
    # What a spec change, e.g. to `frequency_penalty: {minimum: -2, maximum: 2}` does once regenerated.
    changed = dict(CHAT_COMPLETION_REQUEST)
    changed["frequency_penalty"] = dataclasses.replace(changed["frequency_penalty"], minimum=-2, maximum=2)
    changed["top_k"] = dataclasses.replace(changed["top_k"], maximum=100)
    monkeypatch.setattr(request_flags, "CHAT_COMPLETION_REQUEST", changed)
    with pytest.raises(
        UsageError, match=r"--frequency-penalty: frequency_penalty must be between -2 and 2, got 3"
    ):
        request_body("--frequency-penalty", "3")
    with pytest.raises(UsageError, match=r"--top-k: top_k must be at most 100, got 101"):
        request_body("--top-k", "101")
    assert options(request_body("--top-k", "100")) == {"top_k": 100}


def test_violation_covers_every_kind_of_limit() -> None:
    rule = CHAT_COMPLETION_REQUEST["temperature"]
    assert violation(rule, 1) == ""
    assert violation(rule, None) == "must not be null"
    strict = dataclasses.replace(rule, minimum=None, maximum=None, exclusive_minimum=0, exclusive_maximum=1)
    assert violation(strict, 0) == "must be more than 0 and less than 1"
    assert violation(strict, 0.5) == ""
    stop = CHAT_COMPLETION_REQUEST["stop"]
    assert violation(stop, None) == ""  # null is one of its shapes
    assert violation(stop, []) == ""  # the spec accepts `stop: []`
    assert violation(dataclasses.replace(stop, min_items=1), []) == "needs at least 1 values"
    assert violation(stop, "END") == ""


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--top-p", "abc"], "argument --top-p: expected a number, got 'abc'"),
        (["--top-k", "nan"], "argument --top-k: expected a finite number, got 'nan'"),
        (["-n", "1.5"], "argument -n: expected a whole number, got '1.5'"),
    ],
)
def test_values_that_are_not_numbers_are_refused_by_the_parser(
    args: list[str], fragment: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(["chat", "Hello", *args])
    assert stop.value.code == 2
    assert fragment in capsys.readouterr().err


def test_json_schema_format_without_a_schema_is_a_usage_error_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SILICONFLOW_API_KEY", "sk-test")  # never used: refused before any client exists
    monkeypatch.setenv("SILICONFLOW_BASE_URL", "http://127.0.0.1:9/v1")
    assert main(["chat", "Hello", "--response-format", "json_schema"]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("siliconflow chat: error: the request does not fit the spec: response_format")
    assert "--json-schema FILE" in line

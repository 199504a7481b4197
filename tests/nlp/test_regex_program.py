"""Rule regexes in search form and from a cached program find exactly what the rules as
written find."""

from __future__ import annotations

import json
import re

import pytest

from models.config.schema import GridDeskConfig
from nlp.normalize import normalize
from nlp.regex_program import compiled, program, search_form
from nlp.rules import load_rules
from tests.nlp.conftest import DATA


def test_a_group_led_alternation_gets_its_first_characters_checked_first() -> None:
    text = "(?:孩子|(我家|俺家)(老大|老二))[^。]{0,4}(不见了|走丢了)"
    assert search_form(text) == f"(?=[俺孩我])(?:{text})"
    regex = compiled(text, program(text))
    assert regex.pattern == search_form(text) and regex.groups == 3
    assert regex.search("昨天俺家老二走丢了").group(1) == "俺家"  # type: ignore[union-attr]
    assert search_form("(?:有人)?晕倒") == "(?=[晕有])(?:(?:有人)?晕倒)"  # an optional start
    assert search_form("着火|(冒|起)烟") == "(?=[冒着起])(?:着火|(冒|起)烟)"


@pytest.mark.parametrize(
    "text",
    [
        "救命|快来人",  # every branch starts with a character: the engine checks it itself
        "[着冒]火",  # a leading class: the same
        "(?:有人)?",  # may match the empty text
        "[^，。]{0,3}着火",  # may start anywhere
        "(?i)fire|(?:smoke)",  # cased letters
    ],
)
def test_a_regex_whose_start_the_engine_checks_or_no_set_tells_is_left_as_written(
    text: str,
) -> None:
    assert search_form(text) == text


def test_a_program_that_does_not_load_is_compiled_again() -> None:
    broken = ("甲|乙", 0, [1, 2, 3], 0, {}, (None,))
    assert compiled("甲|乙", broken).findall("乙甲") == ["乙", "甲"]
    assert compiled("甲|乙", None).pattern == "甲|乙"


def test_every_rule_finds_the_same_matches_as_written(demo_config: GridDeskConfig) -> None:
    rules = load_rules(None, demo_config.taxonomy)
    patterns = [p for category in rules.categories.values() for p in category.patterns]
    for kind in rules.urgent.kinds:
        patterns += [*kind.patterns, *kind.ask, *kind.since]
    texts = []
    for name in ("blind_urgency_ag.jsonl", "blind_urgency_ah.jsonl"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            texts.append(normalize(json.loads(line)["text"]).text)
    changed = 0
    for pattern in patterns:
        written = re.compile(pattern.text)
        fast = compiled(pattern.text, program(pattern.text))
        changed += fast.pattern != pattern.text
        for text in texts:
            expected = [(m.span(), m.groups()) for m in written.finditer(text)]
            assert [(m.span(), m.groups()) for m in fast.finditer(text)] == expected, pattern
    assert changed >= 20  # the check covers rules that were rewritten

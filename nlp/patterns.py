"""Weighted patterns of the rules and their character guards.

A `Pattern` is a regular expression on the normalised text with its weight; its guards are
characters and character pairs at least one of which every match contains, found once by
reading the regex (`required_character_sets`) so that a text without them is never searched.
`PatternIndex` finds, for a text, the patterns whose guards it meets.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from nlp.regex_program import Program, compiled, start_characters

# How common some characters are in complaints (guards avoid them) ...
_COMMON = (
    "的了是不一在有我人这个们来到上下说就也都还要没着家里天楼门水电车"
    "大小多好几么那什怎看出过去会能对时点开把被让给得地后前边"
)
# ... then in general Chinese (the most frequent characters of jieba's dictionary, by the summed
# frequency of the words containing them, plus a few that complaints use all the time); others
# count 1.
_GENERAL = (
    "物业区号栋单元房屋住户楼道梯"
    "中国和为他以时出生学道民子成行于就发自之对得主长可过作分方用你多部能市全等工经公本而政高法"
    "面动日进事代去心北定同产其军然起所如种现理机体表力外与文两当新实重三只山关从化明建制平又南"
    "内西此将员名手最东者头月间安无见城各十但已相些正口通度加她第想合院性战由位海意常场武使次向"
    "二治因立数样身情入原路问并利教老石级量知任江及应省资万委务元美特期世湖回系比气汉总展科金先"
    "提品声设义或王社很统四首共己处马形儿司目基领队直计别女权话少流命至报米给果变打书州华解活议"
    "更称清程今决导太张术府才保交放管结便师达走反再题色族五京河接条规式县它改白光风运信受什组布"
    "听百济党论强指做取技黄选记神真却职界件斯类花眼何兵传带边干农据集空联广古完质增阳难史历专官"
    "商每即认台林必步游死举线言皇土收考求叫德团备研近具争李非众感调转革该"
)


def character_frequency() -> Callable[[str], float]:
    """How costly a character is as a guard: common ones match most texts."""
    weights = {char: 50.0 - index * 40 / len(_GENERAL) for index, char in enumerate(_GENERAL)}
    weights.update({char: 100.0 - index for index, char in enumerate(_COMMON)})
    return lambda char: weights.get(char, 1.0)


@dataclass(frozen=True)
class Pattern:
    """A weighted regular expression (on the normalised text) with the source it came from.

    `text` is the regex in matching form; `regex` compiles its search form at its first use
    (a text whose characters rule a pattern out never needs it compiled), from `program` when
    an earlier run cached it (`nlp.regex_program`). `guard` is a set of characters and
    character pairs at least one of which every match contains, when the regex tells (a cheap
    pre-check: a text without any of them cannot match); `needs` are further such sets (a text
    must meet each of them too). A text is checked by its `grams`."""

    source: str
    text: str
    weight: float
    guard: frozenset[str] | None = None
    needs: tuple[frozenset[str], ...] = ()
    program: Program | None = field(default=None, compare=False, repr=False)

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return compiled(self.text, self.program)


def grams(text: str, characters: frozenset[str] | None = None) -> frozenset[str]:
    """The text's characters (`characters` when already known) and its pairs of adjacent
    characters: what the guards are checked against."""
    found = characters if characters is not None else frozenset(text)
    return found.union(map(operator.add, text, text[1:]))


class PatternIndex:
    """Patterns indexed by their pre-checks: `candidates(text)` returns, in order, the
    positions of the patterns that may match `text` (those without a guard always): the guard
    of each must meet the text's grams, and so must every one of its `needs`."""

    def __init__(self, patterns: list[Pattern]) -> None:
        by_char: dict[str, list[int]] = {}
        self.always = tuple(i for i, pattern in enumerate(patterns) if pattern.guard is None)
        for index, pattern in enumerate(patterns):
            for char in pattern.guard or ():
                by_char.setdefault(char, []).append(index)
        self.by_char = {char: tuple(indices) for char, indices in by_char.items()}
        self.needs = [pattern.needs for pattern in patterns]

    def candidates(self, text: str, text_grams: frozenset[str] | None = None) -> list[int]:
        """`text_grams`: the text's `grams`, computed here when not given."""
        if text_grams is None:
            text_grams = grams(text)
        by_char, needs = self.by_char, self.needs
        found = set(self.always)
        for gram in by_char.keys() & text_grams:
            found.update(by_char[gram])
        result = []
        for index in sorted(found):
            for need in needs[index]:
                if need.isdisjoint(text_grams):
                    break
            else:
                result.append(index)
        return result


def _sre() -> tuple[Any, Any] | None:
    """The stdlib regex parser (private API, kept for a measured need): the character guards it
    yields halve routing time (about 310-360 against 660-710 us per text over the 3,000-text
    bench corpus) for about 100 ms more router build. Without it every pattern is tried."""
    try:
        import re._constants as constants
        import re._parser as parser
    except ImportError:  # pragma: no cover - Python < 3.11
        return None
    return parser, constants


def required_character_sets(
    regex: re.Pattern[str], rarity: Callable[[str], float] | None = None, limit: int = 4
) -> list[frozenset[str]]:
    """Up to `limit` distinct character sets each of which every text `regex` matches meets
    (one per mandatory part of the regex), the rarest first; empty when the regex does not tell."""
    sre = _sre()
    if sre is None:
        return []
    try:
        cost = rarity or (lambda _: 1.0)

        def total(option: frozenset[str]) -> float:
            return sum(_gram_cost(gram, cost) for gram in option)

        options = _required(list(sre[0].parse(regex.pattern, regex.flags)), sre[1], total)
    except Exception:  # an unusual construct: no guard, the regex still works
        return []
    return sorted(set(options), key=lambda chars: (total(chars), sorted(chars)))[:limit]


def _gram_cost(gram: str, cost: Callable[[str], float]) -> float:
    """How common a guard's character or pair is: a pair as the product of its characters'
    commonness, scaled so that a pair of uncommon characters is cheaper than either alone."""
    if len(gram) == 1:
        return cost(gram)
    return max(0.1, cost(gram[0]) * cost(gram[1]) / 100)


def _required(
    items: list[Any], c: Any, total: Callable[[frozenset[str]], float]
) -> list[frozenset[str]]:
    """Candidate necessary sets of a sequence of regex items: characters, and pairs of
    characters where two single-character items follow one another (孩子, 孩[子儿]) or a
    character comes before a group whose first characters are known (没(找到|见着))."""
    options = []
    previous: frozenset[str] | None = None  # the item just before, when it is one character
    for op, value in items:
        found = _literal_set(op, value, c)
        if previous and not found and op in (c.SUBPATTERN, c.BRANCH):  # 没(找着|找到): 没找
            starts = start_characters(op, value)
            if starts and len(previous) * len(starts) <= _MAX_PAIRS:
                options.append(frozenset(a + b for a in previous for b in starts))
        if found:
            options.append(found)
            if previous and len(previous) * len(found) <= _MAX_PAIRS:
                options.append(frozenset(a + b for a in previous for b in found))
        elif op is c.BRANCH:
            branches = [_required(list(branch), c, total) for branch in value[1]]
            if branches and all(branches):
                options.append(frozenset().union(*(min(b, key=total) for b in branches)))
        elif op is c.SUBPATTERN:
            options.extend(_required(list(value[-1]), c, total))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and value[0] >= 1:
            options.extend(_required(list(value[2]), c, total))
        previous = found
    return options


_MAX_PAIRS = 64  # a pair guard from two character classes lists at most this many pairs


def _literal_set(op: Any, value: Any, c: Any) -> frozenset[str] | None:
    """The characters one item matches when it is one character: a literal, a class of
    literals, or a group holding just one such item ((倒|伤) parses as a group of a class)."""
    if op is c.SUBPATTERN and len(value[-1]) == 1:
        inner_op, inner_value = value[-1][0]
        return _literal_set(inner_op, inner_value, c)
    if op is c.LITERAL:
        return frozenset({chr(value)})
    if op is c.IN and all(item_op is c.LITERAL for item_op, _ in value):
        return frozenset(chr(item_value) for _, item_value in value)
    return None

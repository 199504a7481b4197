"""Where a match sits in the text: its clause and sentence, negation before it, "already solved".

Negation is local: a negation word right before a term (optionally with a filler such as 再 or
有: 没有再漏水) cancels it; question forms such as 有没有 / 是不是 are not negations. A term that
comes before an "already solved" marker in the same sentence (上次漏水已经修好了), or right after
one in the same clause (帮我们解决了漏水的问题), counts less, unless the marker is a question
(修好了吗) or is followed by a relapse word (修好了又漏).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from nlp.patterns import grams
from nlp.rules import Modifiers

_SENTENCE_SEPARATORS = "。！？!?\n；;"
_CLAUSE_SEPARATORS = _SENTENCE_SEPARATORS + "，,、：: ~…"
_CLAUSE_RE = re.compile(f"[{re.escape(_CLAUSE_SEPARATORS)}]")
_SENTENCE_RE = re.compile(f"[{re.escape(_SENTENCE_SEPARATORS)}]")
_CANCEL_WINDOW = 8


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of the words, longest first, so the longest match wins."""
    ordered = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in ordered)


class ContextRules:
    """Compiled modifiers of a rule set."""

    def __init__(self, modifiers: Modifiers, extra_negation: Iterable[str] = ()) -> None:
        words = [w for w in [*modifiers.negation, *extra_negation] if w]
        self.negation_chars = frozenset(w[0] for w in words)
        negation = alternation(words)
        fillers = alternation(modifiers.negation_fillers)
        tail = f"({fillers})?" if fillers else "()?"
        # Lookahead scans: every position where a negation (and its filler) ends.
        self.negation_re = re.compile(f"(?=({negation}){tail})") if negation else None
        not_negation = alternation(modifiers.not_negation)
        self.not_negation_re = re.compile(f"(?=({not_negation}){tail})") if not_negation else None
        self.resolved_chars = frozenset(w[0] for w in modifiers.resolved if w)
        resolved = alternation(modifiers.resolved)
        self.resolved_re = (
            re.compile(f"(?<![没未不])(?:{resolved})(?![吗么嘛没?])") if resolved else None
        )
        ask = alternation(modifiers.ask)
        self.ask_re = re.compile(ask) if ask else None
        cancel = alternation(modifiers.resolved_cancel)
        self.cancel_re = re.compile(cancel) if cancel else None


class TextContext:
    """Clause/sentence boundaries and solved-markers of one normalised text."""

    def __init__(self, text: str, rules: ContextRules) -> None:
        self.text = text
        self.rules = rules
        self.clause_starts = [0] + [m.end() for m in _CLAUSE_RE.finditer(text)]
        self.sentence_starts = [0] + [m.end() for m in _SENTENCE_RE.finditer(text)]
        self._solved: list[tuple[int, int, str]] | None = None
        self._negated: dict[int, dict[int, str]] = {}
        self._asks: list[tuple[int, int]] | None = None
        self.characters = frozenset(text)
        self.grams = grams(text, self.characters)

    def clause(self, pos: int) -> tuple[int, int]:
        """[start, end) of the clause containing position `pos`."""
        index = bisect_right(self.clause_starts, pos) - 1
        start = self.clause_starts[index]
        end = (
            self.clause_starts[index + 1] - 1
            if index + 1 < len(self.clause_starts)
            else len(self.text)
        )
        return start, end

    def sentence(self, pos: int) -> tuple[int, int]:
        index = bisect_right(self.sentence_starts, pos) - 1
        start = self.sentence_starts[index]
        end = (
            self.sentence_starts[index + 1] - 1
            if index + 1 < len(self.sentence_starts)
            else len(self.text)
        )
        return start, end

    def negation(self, start: int, rules: ContextRules | None = None) -> str | None:
        """The negation (with its filler) ending right at `start`, or None."""
        rules = rules or self.rules
        negated = self._negated.get(id(rules))
        if negated is None:
            negated = self._negated[id(rules)] = self._scan_negations(rules)
        return negated.get(start)

    def _scan_negations(self, rules: ContextRules) -> dict[int, str]:
        """Where a negation ends → the negation text; question forms (有没有) removed."""
        found: dict[int, str] = {}
        if rules.negation_re is None or rules.negation_chars.isdisjoint(self.characters):
            return found
        for match in rules.negation_re.finditer(self.text):
            word, filler = match.group(1), match.group(2) or ""
            found[match.start() + len(word)] = word
            if filler:
                found[match.start() + len(word) + len(filler)] = word + filler
        if found and rules.not_negation_re is not None:
            for match in rules.not_negation_re.finditer(self.text):
                end = match.start() + len(match.group(1))
                found.pop(end, None)
                found.pop(end + len(match.group(2) or ""), None)
        return found

    def in_ask(self, pos: int) -> bool:
        """True when position `pos` lies in a clause that asks for something (请/麻烦/希望…)."""
        if self._asks is None:
            self._asks = []
            if self.rules.ask_re is not None:
                self._asks = sorted(
                    {self.clause(m.start()) for m in self.rules.ask_re.finditer(self.text)}
                )
        return any(start <= pos < end for start, end in self._asks)

    def solved_markers(self) -> list[tuple[int, int, str]]:
        """Every effective "already solved" marker as (start, end, text)."""
        if self._solved is None:
            self._solved = []
            if self.rules.resolved_re is not None and not self.rules.resolved_chars.isdisjoint(
                self.characters
            ):
                for match in self.rules.resolved_re.finditer(self.text):
                    if not self._relapse_after(match.end()):
                        self._solved.append((match.start(), match.end(), match.group()))
        return self._solved

    def _relapse_after(self, end: int) -> bool:
        if self.rules.cancel_re is None:
            return False
        _, sentence_end = self.sentence(end - 1)
        window = self.text[end : min(sentence_end, end + _CANCEL_WINDOW)]
        return self.rules.cancel_re.search(window) is not None

    def solved(self, end: int, start: int | None = None) -> str | None:
        """The marker saying the thing at [start, end) is already solved, or None: a marker
        after it in the same sentence (漏水已经修好了), or right before it in the same clause
        (帮我们解决了漏水的问题)."""
        markers = self.solved_markers()
        if not markers:
            return None
        _, sentence_end = self.sentence(max(end - 1, 0))
        # markers before the thing must end in its clause, before it: [clause start, start]
        before = (self.clause(start)[0], start) if start is not None else (end, -1)
        for marker_start, marker_end, marker in markers:
            if end <= marker_start < sentence_end:
                return marker
            if before[0] <= marker_start and marker_end <= before[1]:
                return marker
        return None

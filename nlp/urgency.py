"""Urgency: immediate danger to life or property right now, in any category.

Each danger kind (fire, gas, trapped in a lift, live wire, collapse, violence, missing person,
water with electricity, medical) has patterns and the emergency numbers to tell the resident. A
match does not count when it is negated (没有烟, 没人被关), hypothetical (万一着火, 真着火了怎么办),
in the past without a sign that it is happening now (以前着过火, 上周困过人), excluded by its kind
(抽烟的烟味), or reported as over later in the text (火已经灭了).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nlp.context import ContextRules, TextContext
from nlp.rules import Modifiers, Pattern, PatternIndex, RuleSet, UrgentKind

_NUMBER_ORDER = ("110", "119", "120", "122")


@dataclass(frozen=True)
class Urgency:
    urgent: bool
    kinds: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    explanation: tuple[str, ...] = ()


@dataclass
class _Found:
    kinds: list[UrgentKind] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class UrgencyDetector:
    """Applies the `urgent` section of a rule set to a normalised text."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules.urgent
        modifiers = rules.modifiers
        self.kinds = sorted(self.rules.kinds, key=lambda k: k.fallback)
        self.patterns = [(kind, p) for kind in self.kinds for p in kind.patterns]
        self.pattern_index = PatternIndex([p for _, p in self.patterns])
        self.context_rules = ContextRules(
            Modifiers(
                negation=modifiers.negation,
                negation_fillers=modifiers.negation_fillers,
                not_negation=modifiers.not_negation,
            ),
            extra_negation=self.rules.negation,
        )

    def detect(self, text: str, context: TextContext) -> Urgency:
        candidates = self.pattern_index.candidates(text, context.characters)
        if not candidates:
            return Urgency(False)
        found = _Found()
        for index in candidates:
            kind, pattern = self.patterns[index]
            if kind in found.kinds or (kind.fallback and found.kinds):
                continue  # one match per kind; a generic cry for help adds nothing
            keyword = self._first_valid(text, context, kind, pattern, found.notes)
            if keyword is not None:
                found.kinds.append(kind)
                found.keywords.append(keyword)
                found.notes.append(
                    f"紧急：「{keyword}」→ {kind.label}，请同时拨打 {'/'.join(kind.numbers)}"
                )
        if not found.kinds:
            return Urgency(False, explanation=tuple(found.notes))
        numbers = {n for kind in found.kinds for n in kind.numbers}
        for pattern in self.rules.injury:
            keyword = self._first_valid(text, context, None, pattern, found.notes)
            if keyword is not None:
                numbers.update(self.rules.injury_numbers)
                numbers_text = "/".join(self.rules.injury_numbers)
                found.notes.append(f"有人受伤：「{keyword}」→ {numbers_text}")
                break
        ordered = tuple(n for n in _NUMBER_ORDER if n in numbers)
        return Urgency(
            True,
            tuple(k.name for k in found.kinds),
            ordered,
            tuple(dict.fromkeys(found.keywords)),
            tuple(found.notes),
        )

    def _first_valid(
        self,
        text: str,
        context: TextContext,
        kind: UrgentKind | None,
        pattern: Pattern,
        notes: list[str],
    ) -> str | None:
        for match in pattern.regex.finditer(text):
            reason = self._discount(text, context, kind, match.start(), match.end())
            if reason is None:
                return match.group()
            notes.append(f"不算紧急：「{match.group()}」{reason}")
        return None

    def _discount(
        self, text: str, context: TextContext, kind: UrgentKind | None, start: int, end: int
    ) -> str | None:
        """Why the danger matched at [start, end) is not happening now, or None."""
        negation = context.negation(start, self.context_rules)
        if negation is not None:
            return f"被否定（{negation}）"
        # The clauses the danger spans, the danger itself included: a marker may overlap it
        # (真着火了往哪跑) or sit between the pattern's ends (电梯……真困住人了).
        clause_start, _ = context.clause(start)
        _, clause_end = context.clause(max(end - 1, start))
        clause = text[clause_start:clause_end]
        sentence_start, sentence_end = context.sentence(start)
        for marker in self.rules.hypothetical:
            if marker in clause:
                return f"是假设（{marker}）"
        before = text[sentence_start:start] + "\x00" + text[start:end]
        current = any(marker in clause for marker in self.rules.current)
        if not current:
            for marker in self.rules.past:
                if marker in before:
                    return f"是过去的事（{marker}）"
        if kind is not None:
            sentence = text[sentence_start:sentence_end]
            for marker in kind.exclude:
                if marker in sentence:
                    return f"不是险情（{marker}）"
            for marker in kind.resolved:
                if marker in text[end:]:
                    return f"已经结束（{marker}）"
        return None

"""Category scoring: weighted terms and patterns, negation, "already solved", confidence.

Term occurrences come from the tokenizer (every rule term found in jieba's DAG). Overlapping
occurrences are resolved in favour of jieba's segmentation: first the terms that are whole
tokens (or runs of tokens), longest first, then the others, longest first, leftmost on ties — so
电梯 beats 停电 in 暂停电梯, 楼道灯 beats 道灯, 消防通道 beats 通道. A term that cuts through a
jieba word counts `unaligned_factor`; a `words` entry must be a whole jieba word. Each distinct
term or pattern counts once per category (its best occurrence), so a long story does not
outweigh a clear short ask.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nlp.context import TextContext
from nlp.patterns import PatternIndex
from nlp.rules import RuleSet
from nlp.tokenizer import Analysis, TermHit


@dataclass(frozen=True)
class _Entry:
    category: str
    weight: float
    whole_word: bool


@dataclass(slots=True)
class Evidence:
    """One scored piece of evidence for a category."""

    key: str
    matched: str
    start: int
    weight: float
    note: str = ""


@dataclass
class Scores:
    """Per-category evidence and the explanation of what did not count."""

    evidence: dict[str, dict[str, Evidence]] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)

    def add(self, category: str, item: Evidence) -> None:
        bucket = self.evidence.setdefault(category, {})
        current = bucket.get(item.key)
        if current is None or abs(item.weight) > abs(current.weight):
            bucket[item.key] = item

    def total(self, category: str) -> float:
        return max(0.0, sum(e.weight for e in self.evidence.get(category, {}).values()))

    def ranking(self, position: dict[str, int]) -> list[tuple[str, float]]:
        """Categories of `position` with a positive score, best first (ties: lower position)."""
        scored = []
        for code, bucket in self.evidence.items():
            score = sum(e.weight for e in bucket.values())
            if score > 0 and code in position:
                scored.append((-score, position[code], code))
        scored.sort()
        return [(code, -negative) for negative, _, code in scored]

    def keywords(self, category: str) -> list[str]:
        """Matched text of the positive evidence for `category`, in text order."""
        items = [e for e in self.evidence.get(category, {}).values() if e.weight > 0]
        items.sort(key=_start)
        return [e.matched for e in items]


def _start(item: Evidence) -> int:
    return item.start


class Scorer:
    """Scores a normalised text against the category rules of a RuleSet."""

    def __init__(self, rules: RuleSet) -> None:
        self.settings = rules.settings
        self.index: dict[str, list[_Entry]] = {}
        for code, category in rules.categories.items():
            for term, weight in category.terms.items():
                self.index.setdefault(term, []).append(_Entry(code, weight, False))
            for word, weight in category.words.items():
                self.index.setdefault(word, []).append(_Entry(code, weight, True))
        self.patterns = [
            (code, pattern)
            for code, category in rules.categories.items()
            for pattern in category.patterns
        ]
        self.pattern_index = PatternIndex([pattern for _, pattern in self.patterns])
        self.pattern_keys = [f"/{pattern.source}/" for _, pattern in self.patterns]

    @staticmethod
    def select(hits: list[TermHit], analysis: Analysis) -> list[tuple[TermHit, bool]]:
        """Non-overlapping occurrences (with their alignment), segmentation-aligned first."""
        if len(hits) < 2:
            return [(hit, analysis.aligned(hit.start, hit.end)) for hit in hits]
        ranked = sorted(
            ((not analysis.aligned(h.start, h.end), h.start - h.end, h.start, h) for h in hits),
            key=lambda item: item[:3],
        )
        covered: set[int] = set()
        chosen: list[tuple[TermHit, bool]] = []
        for unaligned, _, _, hit in ranked:
            span = range(hit.start, hit.end)
            if covered.isdisjoint(span):
                covered.update(span)
                chosen.append((hit, not unaligned))
        return chosen

    def score(self, text: str, analysis: Analysis, context: TextContext) -> Scores:
        scores = Scores()
        for hit, aligned in self.select(analysis.hits, analysis):
            factor, note = self._modifier(context, hit.start, hit.end, hit.word, scores)
            if factor is None:
                continue
            for entry in self.index.get(hit.word, ()):
                if entry.whole_word and not aligned:
                    continue
                weight = entry.weight * factor
                if not aligned:
                    weight *= self.settings.unaligned_factor
                scores.add(entry.category, Evidence(hit.word, hit.word, hit.start, weight, note))
        for index in self.pattern_index.candidates(text, context.grams):
            code, pattern = self.patterns[index]
            match = pattern.regex.search(text)
            if match is None:
                continue
            factor, note = self._modifier(
                context, match.start(), match.end(), match.group(), scores
            )
            if factor is not None:
                scores.add(
                    code,
                    Evidence(
                        self.pattern_keys[index],
                        match.group(),
                        match.start(),
                        pattern.weight * factor,
                        note,
                    ),
                )
        return scores

    def _modifier(
        self, context: TextContext, start: int, end: int, matched: str, scores: Scores
    ) -> tuple[float | None, str]:
        negation = context.negation(start)
        if negation is not None:
            scores.ignored.append(f"否定：「{negation}{matched}」不计分")
            return None, ""
        solved = context.solved(end, start)
        if solved is not None:
            return self.settings.resolved_factor, f"已解决({solved})"
        if self.settings.ask_factor != 1.0 and context.in_ask(start):
            return self.settings.ask_factor, "诉求"
        return 1.0, ""


def confidence(best: float, second: float, full_score: float) -> float:
    """Confidence in [0, 1] from the best score's strength and its margin over the second."""
    if best <= 0:
        return 0.0
    strength = min(1.0, best / full_score)
    margin = (best - second) / best
    return round(strength * (0.25 + 0.75 * margin), 3)

"""Accuracy of the router on a labelled JSON Lines file (`griddesk route-eval`, quality tests).

Each line: {"id", "text", "location": {"lat", "lon"} | null,
            "expect": {"category", "community", "grid", "urgent"}}.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nlp.jsonl import parse_location
from nlp.router import RoutingDecision


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    location: tuple[float, float] | None
    expect: dict[str, Any]


def load_cases(path: Path | str) -> tuple[list[Case], list[str]]:
    """The labelled cases of a JSON Lines file and a message for every unusable line."""
    cases, problems = [], []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            expect = item["expect"]
            if (
                not isinstance(item["text"], str)
                or not isinstance(expect, dict)
                or not isinstance(expect.get("category"), str)
            ):
                raise ValueError("needs a text and an expect object with a category")
            cases.append(
                Case(
                    str(item.get("id", number)),
                    item["text"],
                    parse_location(item.get("location")),
                    expect,
                )
            )
        except (ValueError, KeyError, TypeError) as exc:
            problems.append(f"line {number}: skipped: {exc}")
    return cases, problems


@dataclass
class Report:
    """Quality figures of one evaluation run."""

    total: int = 0
    category_correct: int = 0
    place_correct: int = 0
    urgent_true_positive: int = 0
    urgent_false_positive: int = 0
    urgent_false_negative: int = 0
    urgent_asked: int = 0  # urgent cases caught by the question ("urgent": "ask")
    calm_asked: int = 0  # ordinary cases the resident would be asked about
    calm_total: int = 0
    reviewed: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    per_category: dict[str, Counter[str]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def category_accuracy(self) -> float:
        return self.category_correct / self.total if self.total else 0.0

    @property
    def place_accuracy(self) -> float:
        return self.place_correct / self.total if self.total else 0.0

    @property
    def urgent_recall(self) -> float:
        """Urgent cases caught, a question asked counting as caught."""
        caught = self.urgent_true_positive + self.urgent_asked
        found = caught + self.urgent_false_negative
        return caught / found if found else 1.0

    @property
    def ask_rate(self) -> float:
        """How often an ordinary complaint makes the bot ask whether it is urgent."""
        return self.calm_asked / self.calm_total if self.calm_total else 0.0

    @property
    def urgent_precision(self) -> float:
        flagged = self.urgent_true_positive + self.urgent_false_positive
        return self.urgent_true_positive / flagged if flagged else 1.0

    @property
    def review_rate(self) -> float:
        return self.reviewed / self.total if self.total else 0.0

    def recall(self, category: str) -> float:
        counts = self.per_category.get(category, Counter())
        return counts["tp"] / (counts["tp"] + counts["fn"]) if counts["tp"] + counts["fn"] else 0.0

    def f1(self, category: str) -> float:
        counts = self.per_category.get(category, Counter())
        tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    @property
    def macro_f1(self) -> float:
        labelled = [c for c, n in self.per_category.items() if n["tp"] + n["fn"]]
        return sum(self.f1(c) for c in labelled) / len(labelled) if labelled else 0.0

    def add(self, case: Case, decision: RoutingDecision) -> None:
        expect = case.expect
        self.total += 1
        want, got = expect["category"], decision.category
        self.per_category.setdefault(want, Counter())
        self.per_category.setdefault(got, Counter())
        problems = []
        if want == got:
            self.category_correct += 1
            self.per_category[want]["tp"] += 1
        else:
            self.per_category[want]["fn"] += 1
            self.per_category[got]["fp"] += 1
            self.confusion[(want, got)] += 1
            problems.append(f"category {got} ≠ {want}")
        if (decision.community, decision.grid) == (expect.get("community"), expect.get("grid")):
            self.place_correct += 1
        else:
            problems.append(
                f"place {decision.community}/{decision.grid} ≠ "
                f"{expect.get('community')}/{expect.get('grid')}"
            )
        self._add_urgency(bool(expect.get("urgent")), decision, problems)
        self.reviewed += decision.needs_review
        if problems:
            self.errors.append(f"{case.id}: {'; '.join(problems)} | {case.text[:60]}")

    def _add_urgency(self, want: bool, decision: RoutingDecision, problems: list[str]) -> None:
        got = decision.urgent
        self.calm_total += not want
        if decision.urgent_ask:
            if want:
                self.urgent_asked += 1
            else:
                self.calm_asked += 1
                problems.append("asked whether urgent")
        elif want and got:
            self.urgent_true_positive += 1
        elif got:
            self.urgent_false_positive += 1
            problems.append("urgent flagged wrongly")
        elif want:
            self.urgent_false_negative += 1
            problems.append("urgent missed")

    def lines(self, show_errors: bool = True) -> list[str]:
        """The human-readable report."""
        out = [
            f"cases: {self.total}",
            f"category accuracy: {self.category_accuracy:.1%}   macro-F1: {self.macro_f1:.3f}",
            f"community+grid exact: {self.place_accuracy:.1%}",
            f"urgent recall: {self.urgent_recall:.1%}   precision: {self.urgent_precision:.1%}   "
            f"(tp {self.urgent_true_positive}, asked {self.urgent_asked}, "
            f"fp {self.urgent_false_positive}, fn {self.urgent_false_negative})",
            f"asked on ordinary complaints: {self.ask_rate:.1%} "
            f"({self.calm_asked} of {self.calm_total})",
            f"review rate: {self.review_rate:.1%}",
            "per-category recall / F1:",
        ]
        for category in sorted(self.per_category):
            counts = self.per_category[category]
            support = counts["tp"] + counts["fn"]
            if support:
                out.append(
                    f"  {category:22s} {self.recall(category):6.1%}  "
                    f"F1 {self.f1(category):.3f}  (n={support})"
                )
        if self.confusion:
            out.append("confusion pairs (expected → routed):")
            for (want, got), count in self.confusion.most_common():
                out.append(f"  {want} → {got}: {count}")
        if show_errors and self.errors:
            out.append("errors:")
            out.extend(f"  {error}" for error in self.errors)
        return out


def evaluate(router: Any, cases: list[Case]) -> Report:
    report = Report()
    for case in cases:
        report.add(case, router.route(case.text, case.location))
    return report

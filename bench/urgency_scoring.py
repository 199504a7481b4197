"""Scoring the urgency model and the rules on labelled sets they were not trained on.

`cross_validate` leaves groups of labelled sets out of the model's training and scores each;
`first_passes` scores each blind urgency set as if unseen: the rules' verdicts at its first pass
(`urgency_first_pass.tsv`) and a model trained without it, nor the phrasings written after it was
read. The runnable step is `python -m bench.urgency_cli cv|firstpass`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from bench.urgency_training import (
    BLIND_PREFIX,
    FIRST_PASS,
    PHRASINGS,
    Examples,
    Vocabulary,
    phrasing_rows,
    train_many,
    train_without,
)
from nlp.context import TextContext
from nlp.router import Router
from nlp.urgency import Switches, model_bar, switches
from nlp.urgency_model import OVER_SWITCH, UrgencyModel

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
_FLAGGED = ("urgent", "ask")  # the rules' verdicts that need no model


@dataclass
class Fold:
    """One held-out set: what the rules caught and what the model adds at each threshold."""

    name: str
    urgent: int = 0
    rules_caught: int = 0  # urgent texts the rules flag or ask about
    calm: int = 0
    rules_asked: int = 0  # calm texts the rules flag or ask about
    model_urgent: dict[float, int] = field(default_factory=dict)  # urgent, model alone
    added: dict[float, int] = field(default_factory=dict)  # urgent, caught by the model only
    asked: dict[float, int] = field(default_factory=dict)  # calm, asked by the model only


def rules_verdict(router: Router, text: str) -> str:
    """What the rules alone say on the prepared text: urgent, ask, told (a frame the text says
    is over, put right or elsewhere: the model stays silent), switched (a frame turned off by a
    marker) or none: the verdicts of the first-pass file (whose older lines have no `told`)."""
    urgency = router.urgency.detect(text, TextContext(text, router.context_rules))
    if urgency.urgent or urgency.ask:
        return "urgent" if urgency.urgent else "ask"
    return switches(urgency.explanation).value


def cross_validate(
    router: Router, sets: dict[str, Examples], held_out: list[str], together: int = 1
) -> list[Fold]:
    """Train on every set but the held-out ones and score each of them; `router` has no model.
    `together` sets are left out of each training (2 halves the trainings; each set is still
    scored by a model that never saw it, trained on a little less)."""
    groups = [held_out[first : first + together] for first in range(0, len(held_out), together)]
    return score_folds(router, sets, groups, train_without(sets, groups))


def score_folds(
    router: Router, sets: dict[str, Examples], groups: list[list[str]],
    models: list[UrgencyModel],
) -> list[Fold]:
    """Each set of each group scored by the group's model."""
    return [
        _fold(router, name, sets[name], model)
        for group, model in zip(groups, models, strict=True)
        for name in group
    ]


def _fold(router: Router, name: str, examples: Examples, model: UrgencyModel) -> Fold:
    """What the rules and the model say on one held-out set."""
    rows = [(u, rules_verdict(router, t), model.probability(t)) for t, u in examples]
    fold = Fold(name)
    fold.urgent = sum(1 for u, _, _ in rows if u)
    fold.calm = len(rows) - fold.urgent
    fold.rules_caught = sum(1 for u, v, _ in rows if u and v in _FLAGGED)
    fold.rules_asked = sum(1 for u, v, _ in rows if not u and v in _FLAGGED)
    for t in THRESHOLDS:
        fold.model_urgent[t] = sum(1 for u, _, p in rows if u and p >= t)
        model_asks = [u for u, v, p in rows if v not in _FLAGGED and _speaks(v, p, t)]
        fold.added[t] = sum(model_asks)
        fold.asked[t] = len(model_asks) - fold.added[t]
    return fold


def fold_lines(folds: list[Fold]) -> list[str]:
    lines = []
    for fold in folds:
        lines.append(
            f"{fold.name}: urgent {fold.urgent} (rules flag {fold.rules_caught}), "
            f"calm {fold.calm} (rules flag {fold.rules_asked})"
        )
        for t in THRESHOLDS:
            lines.append(
                f"  t={t:.1f} model alone {fold.model_urgent[t]}/{fold.urgent}, "
                f"adds {fold.added[t]}, asks calm {fold.asked[t]} "
                f"({fold.asked[t] / fold.calm if fold.calm else 0:.1%})"
            )
    return lines


@dataclass
class FirstPass:
    """A blind urgency set scored as if unseen: each text's label, the rules' verdict at the
    set's first pass (urgent, ask, switched, none) and the probability under a model trained
    without the set (nor the phrasing families written after it was read)."""

    name: str
    rows: list[tuple[bool, str, float]]

    def caught(self, threshold: float) -> int:
        """Urgent texts flagged or asked about (the model speaks where the rules said nothing,
        and over a switch when it is sure)."""
        return sum(1 for u, verdict, p in self.rows if u and _speaks(verdict, p, threshold))

    def asked(self, threshold: float) -> int:
        """Ordinary texts asked about, by the rules or the model."""
        return sum(
            1
            for urgent, verdict, p in self.rows
            if not urgent and verdict != "urgent" and _speaks(verdict, p, threshold)
        )

    def counts(self) -> tuple[int, int, int]:
        """Urgent texts, ordinary texts, and ordinary texts the rules filed as urgent."""
        urgent = sum(1 for u, _, _ in self.rows if u)
        alarms = sum(1 for u, verdict, _ in self.rows if not u and verdict == "urgent")
        return urgent, len(self.rows) - urgent, alarms


def _speaks(verdict: str, probability: float, threshold: float) -> bool:
    """The rules flag or ask, or the model asks where the detector's `model_bar` lets it."""
    if verdict in _FLAGGED:
        return True
    bar = model_bar(Switches(verdict), threshold, OVER_SWITCH)
    return bar is not None and probability >= bar


def first_passes(
    directory: Path, router: Router, sets: dict[str, Examples], together: int = 32
) -> list[FirstPass]:
    """Every blind set of the first-pass file, scored with a model trained without it (nor the
    phrasings written after it was read); `together` models are trained in one pass."""
    verdicts: dict[str, dict[str, str]] = {}
    for line in (directory / FIRST_PASS).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, ident, verdict = line.split("\t")
            verdicts.setdefault(name, {})[ident] = verdict
    phrasings = Path(PHRASINGS).stem
    rows = phrasing_rows(directory / PHRASINGS, router)
    everything = {**sets, phrasings: [example for example, _ in rows]}
    examples = [example for name in sorted(everything) for example in everything[name]]
    names = sorted(verdicts)
    vocabulary = Vocabulary()  # the texts are numbered once for every batch
    passes = []
    for first in range(0, len(names), together):
        group = names[first : first + together]
        letters = [name.removeprefix(BLIND_PREFIX).upper() for name in group]
        members: list[list[bool]] = []
        for name in sorted(everything):
            if name == phrasings:
                members += [[letter not in after for letter in letters] for _, after in rows]
            else:
                members += [[name != unseen for unseen in group]] * len(everything[name])
        models = train_many(examples, np.array(members, dtype=bool), vocabulary=vocabulary)
        passes += [_first_pass(directory, router, name, verdicts[name], model)
                   for name, model in zip(group, models, strict=True)]
    return passes


def _first_pass(
    directory: Path, router: Router, name: str, by_id: dict[str, str], model: UrgencyModel
) -> FirstPass:
    lines = (directory / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    items = [json.loads(line) for line in lines if line.strip()]
    return FirstPass(name, [
        (
            item["expect"].get("urgent") is True,
            by_id[item["id"]],
            model.probability(router.urgency_text(item["text"])),
        )
        for item in items
    ])


def first_pass_lines(passes: list[FirstPass]) -> list[str]:
    """Per threshold: each set's recall and ordinary texts asked about, and the totals."""
    lines = []
    for threshold in (None, *THRESHOLDS):
        t = 2.0 if threshold is None else threshold  # the rules alone: the model never speaks
        cells, caught, urgent, asked, ordinary = [], 0, 0, 0, 0
        for fp in passes:
            n_urgent, n_ordinary, _ = fp.counts()
            caught, urgent = caught + fp.caught(t), urgent + n_urgent
            asked, ordinary = asked + fp.asked(t), ordinary + n_ordinary
            letter = fp.name.removeprefix(BLIND_PREFIX).upper()
            cells.append(f"{letter} {fp.caught(t) / n_urgent:.1%} {fp.asked(t)}/{n_ordinary}")
        label = "rules" if threshold is None else f"t={threshold:.1f}"
        lines.append(
            f"{label}: recall {caught}/{urgent} {caught / urgent:.1%}, "
            f"ordinary asked {asked}/{ordinary} {asked / ordinary:.1%} | " + " | ".join(cells)
        )
    alarms = sum(fp.counts()[2] for fp in passes)
    lines.append(f"ordinary texts the first-pass rules filed as urgent: {alarms}")
    return lines

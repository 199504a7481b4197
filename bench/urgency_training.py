"""Training and cross-validation of the urgency model on the project's labelled complaints.

The data directory (tests/nlp/data) holds the labelled sets (`*.jsonl`, `expect.urgent`) and
`urgency_phrasings.txt`: families of urgent (`1<TAB>text`) and calm (`0<TAB>text`) phrasings
written for the model. `urgency_first_pass.tsv` keeps what the rules said on each text of the
blind urgency sets at its first pass, so that each set can be scored as if it were unseen: the
rules as they were, and a model trained without it. Texts are prepared as the detector sees
them (normalised, places masked) by a Router built with the rules alone. The runnable step is
`python -m bench.urgency_cli train|cv|firstpass`.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from nlp.context import TextContext
from nlp.router import Router
from nlp.urgency import Switches, model_bar, switches
from nlp.urgency_model import OVER_SWITCH, THRESHOLD, UrgencyModel, features, sigmoid

PHRASINGS = "urgency_phrasings.txt"
FIRST_PASS = "urgency_first_pass.tsv"
BLIND_PREFIX = "blind_urgency_"
_AFTER_RE = re.compile(r"\[after ([A-Z ]+)\]")  # the blind sets read before a family was written
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
_FLAGGED = ("urgent", "ask")  # the rules' verdicts that need no model
EPOCHS = 12
RATE = 0.2
L2 = 1e-3
SEED = 14
MIN_WEIGHT = 0.02  # smaller weights are dropped from the file

Examples = list[tuple[str, bool]]


def labelled_sets(directory: Path, router: Router) -> dict[str, Examples]:
    """Every labelled set of the directory by file stem, texts prepared for the detector."""
    sets: dict[str, Examples] = {}
    for path in sorted(directory.glob("*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        items = [json.loads(line) for line in lines if line.strip()]
        sets[path.stem] = [
            (router.urgency_text(item["text"]), item["expect"].get("urgent") is True)
            for item in items
        ]
    phrasings = directory / PHRASINGS
    if phrasings.exists():
        sets[phrasings.stem] = read_phrasings(phrasings, router)
    return sets


def read_phrasings(path: Path, router: Router, unseen: str | None = None) -> Examples:
    """The phrasings; with `unseen` (a blind set's letter) without the families written after
    that set was read."""
    examples = []
    skip = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            after = _AFTER_RE.search(line)
            if after is not None:
                skip = unseen is not None and unseen in after.group(1).split()
        elif line.strip() and not skip:
            label, text = line.split("\t", 1)
            examples.append((router.urgency_text(text), label == "1"))
    return examples


class Vocabulary:
    """Texts as the numbers of their n-grams (in n-gram order), found and numbered once for
    every training that reads them (the folds of a cross-validation share one)."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}
        self._texts: dict[str, np.ndarray] = {}

    def encode(self, text: str) -> np.ndarray:
        found = self._texts.get(text)
        if found is None:
            numbers = self.numbers
            grams = sorted(features(text))
            found = np.array([numbers.setdefault(g, len(numbers)) for g in grams], dtype=np.intp)
            self._texts[text] = found
        return found


def train(
    examples: Sequence[tuple[str, bool]],
    threshold: float = THRESHOLD,
    vocabulary: Vocabulary | None = None,
) -> UrgencyModel:
    """Logistic regression by stochastic gradient descent with L2, classes balanced.

    Each step reads the text's n-gram weights as one array and writes `w + rate * (error -
    L2 * w)` back; the score adds them left to right (`cumsum`), as a Python `sum` does, so the
    floats are those of a plain loop and the bundled weights come out byte for byte. An n-gram
    of the vocabulary that no example has keeps its weight of 0 and is left out."""
    vocabulary = vocabulary or Vocabulary()
    docs = [(vocabulary.encode(text), urgent) for text, urgent in examples]
    positives = sum(1 for _, urgent in docs if urgent) or 1
    balance = {True: len(docs) / (2 * positives), False: len(docs) / (2 * (len(docs) - positives))}
    weights = np.zeros(len(vocabulary.numbers))
    bias = 0.0
    for epoch in range(EPOCHS):
        order = _epoch_order(examples, epoch)
        rate = RATE / (1 + epoch)
        for index in order:
            grams, urgent = docs[index]
            current = weights[grams]
            score = bias + (float(current.cumsum()[-1]) if len(grams) else 0.0)
            error = (float(urgent) - sigmoid(score)) * balance[urgent]
            bias += rate * error
            step = current * L2  # rate * (error - L2 * w), in place, the same floats
            np.subtract(error, step, out=step)
            np.multiply(rate, step, out=step)
            weights[grams] = np.add(current, step, out=step)
    kept = {
        gram: round(float(weights[number]), 4)
        for gram, number in vocabulary.numbers.items()
        if abs(weights[number]) >= MIN_WEIGHT
    }
    return UrgencyModel(kept, round(bias, 4), threshold)


def _epoch_order(examples: Sequence[tuple[str, bool]], epoch: int) -> list[int]:
    """The examples in an order fixed by each text and the epoch, not by the list: a text added
    to the data takes its own place and leaves the order of all the others as it was, so one new
    phrasing moves the weights a little instead of reshuffling the whole training."""
    keys = [zlib.crc32(f"{SEED}:{epoch}:{text}".encode()) for text, _ in examples]
    return sorted(range(len(examples)), key=keys.__getitem__)


def train_all(sets: dict[str, Examples], vocabulary: Vocabulary | None = None) -> UrgencyModel:
    examples = [example for name in sorted(sets) for example in sets[name]]
    return train(examples, vocabulary=vocabulary)


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
    folds: list[Fold] = []
    vocabulary = Vocabulary()
    for first in range(0, len(held_out), together):
        group = held_out[first : first + together]
        model = train_all({k: v for k, v in sets.items() if k not in group}, vocabulary)
        folds.extend(_fold(router, name, sets[name], model) for name in group)
    return folds


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


def first_passes(directory: Path, router: Router, sets: dict[str, Examples]) -> list[FirstPass]:
    """Every blind set of the first-pass file, scored with a model trained without it."""
    verdicts: dict[str, dict[str, str]] = {}
    for line in (directory / FIRST_PASS).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, ident, verdict = line.split("\t")
            verdicts.setdefault(name, {})[ident] = verdict
    phrasings = Path(PHRASINGS).stem
    passes = []
    vocabulary = Vocabulary()
    for name, by_id in sorted(verdicts.items()):
        training = {k: v for k, v in sets.items() if k not in (name, phrasings)}
        letter = name.removeprefix(BLIND_PREFIX).upper()
        training[phrasings] = read_phrasings(directory / PHRASINGS, router, unseen=letter)
        model = train_all(training, vocabulary)
        lines = (directory / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        items = [json.loads(line) for line in lines if line.strip()]
        rows = [
            (
                item["expect"].get("urgent") is True,
                by_id[item["id"]],
                model.probability(router.urgency_text(item["text"])),
            )
            for item in items
        ]
        passes.append(FirstPass(name, rows))
    return passes


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

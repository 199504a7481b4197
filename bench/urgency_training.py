"""Training of the urgency model on the project's labelled complaints.

The data directory (tests/nlp/data) holds the labelled sets (`*.jsonl`, `expect.urgent`) and
`urgency_phrasings.txt`: families of urgent (`1<TAB>text`) and calm (`0<TAB>text`) phrasings
written for the model. `urgency_first_pass.tsv` keeps what the rules said on each text of the
blind urgency sets at its first pass, so that each set can be scored as if it were unseen: the
rules as they were, and a model trained without it (`bench.urgency_scoring`). Texts are
prepared as the detector sees them (normalised, places masked) by a Router built with the rules
alone. The runnable step is `python -m bench.urgency_cli train|cv|firstpass`.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from nlp.router import Router
from nlp.urgency_model import THRESHOLD, UrgencyModel, features, sigmoid

PHRASINGS = "urgency_phrasings.txt"
FIRST_PASS = "urgency_first_pass.tsv"
BLIND_PREFIX = "blind_urgency_"
_AFTER_RE = re.compile(r"\[after ([A-Z ]+)\]")  # the blind sets read before a family was written
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
    return [example for example, after in phrasing_rows(path, router)
            if unseen is None or unseen not in after]


def phrasing_rows(path: Path, router: Router) -> list[tuple[tuple[str, bool], frozenset[str]]]:
    """Each phrasing with the letters of the blind sets read before its family was written."""
    rows = []
    after: frozenset[str] = frozenset()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            found = _AFTER_RE.search(line)
            if found is not None:
                after = frozenset(found.group(1).split())
        elif line.strip():
            label, text = line.split("\t", 1)
            rows.append(((router.urgency_text(text), label == "1"), after))
    return rows


class Vocabulary:
    """Texts as the numbers of their n-grams (in n-gram order), found and numbered once for
    every training that reads them (the first passes' batches of models share one)."""

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


def train(examples: Sequence[tuple[str, bool]], threshold: float = THRESHOLD) -> UrgencyModel:
    """Logistic regression by stochastic gradient descent with L2, classes balanced."""
    return train_many(examples, np.ones((len(examples), 1), dtype=bool), threshold)[0]


def train_many(
    examples: Sequence[tuple[str, bool]],
    members: np.ndarray,
    threshold: float = THRESHOLD,
    vocabulary: Vocabulary | None = None,
) -> list[UrgencyModel]:
    """One model per column of `members` (examples × models, bool), each trained on the examples
    its column marks, all in one pass over the data: each model's floats are those of a training
    on its examples alone, for about the cost of one training.

    Each step reads the text's n-gram weights of every model as one array (n-grams × models) and
    writes `w + rate * (error - L2 * w)` back where the model trains on the text; the score adds
    the weights left to right (`cumsum` down each column), as a Python `sum` does, so the floats
    are those of a plain loop and the bundled weights come out byte for byte. The examples come
    in one order fixed by their texts (`_epoch_order`), so a model's examples come in the order
    they would come alone. An n-gram that none of a model's examples has keeps its weight of 0
    and is left out."""
    vocabulary = vocabulary or Vocabulary()
    docs = [(vocabulary.encode(text), urgent) for text, urgent in examples]
    labels = np.array([urgent for _, urgent in examples], dtype=bool).reshape(-1, 1)
    sizes = members.sum(axis=0)
    positives = np.maximum((members & labels).sum(axis=0), 1)
    balance = {True: sizes / (2 * positives), False: sizes / (2 * (sizes - positives))}
    weights = np.zeros((len(vocabulary.numbers), members.shape[1]))
    bias = np.zeros(members.shape[1])
    idle = ~members
    partial = [not all(row) for row in members.tolist()]  # some model leaves the text out
    for epoch in range(EPOCHS):
        rate = RATE / (1 + epoch)
        for index in _epoch_order(examples, epoch):
            grams, urgent = docs[index]
            current = weights[grams]
            scores = bias + current.cumsum(axis=0)[-1] if len(grams) else bias.copy()
            chance = np.fromiter(map(sigmoid, scores.tolist()), float, len(scores))
            error = (float(urgent) - chance) * balance[urgent]
            if partial[index]:
                error[idle[index]] = 0.0
            bias += rate * error
            step = current * L2  # rate * (error - L2 * w), in place, the same floats
            np.subtract(error, step, out=step)
            np.multiply(rate, step, out=step)
            np.add(current, step, out=step)
            if partial[index]:  # the models that leave the text out keep their weights
                np.copyto(step, current, where=idle[index])
            weights[grams] = step
    return [_kept(vocabulary, weights[:, m], float(bias[m]), threshold) for m in range(len(bias))]


def _kept(
    vocabulary: Vocabulary, weights: np.ndarray, bias: float, threshold: float
) -> UrgencyModel:
    """The model of one column: the weights that count, rounded as the file keeps them."""
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


def train_all(sets: dict[str, Examples]) -> UrgencyModel:
    """The bundled model: trained on every set."""
    return train_without(sets, [[]])[0]


def train_without(sets: dict[str, Examples], groups: list[list[str]]) -> list[UrgencyModel]:
    """One model per group of set names, trained on every set but those (an empty group: on
    all of them, the model `train_all` writes), all in one pass over the data."""
    examples = [example for name in sorted(sets) for example in sets[name]]
    members = [[name not in group for group in groups]
               for name in sorted(sets) for _ in sets[name]]
    return train_many(examples, np.array(members, dtype=bool).reshape(len(examples), -1))

"""A second opinion on urgency: logistic regression over character n-grams.

The rules decide. Where they find no danger, a text whose probability under this model reaches
the threshold makes the bot ask the resident, and the reason is shown like a rule's: the n-grams
that pushed the score up, each with its weight. The weights are a plain text file trained
locally from the project's own labelled complaints (`bench/urgency_training.py`); nothing is
downloaded, and training is deterministic (fixed order, fixed seed, rounded weights).
"""

from __future__ import annotations

import hashlib
import math
import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from nlp.cache import cache_dir, keep, pack_table, read_kept, unpack_table

BUNDLED_MODEL = Path(__file__).with_name("urgency_ngrams.txt")
THRESHOLD = 0.5  # chosen by leave-one-set-out cross-validation (docs/urgency-model.md)
OVER_SWITCH = 0.85  # how sure the model must be to ask where a switch turned a frame off
SHOWN = 5  # n-grams shown as the reason

_RUN_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[a-z]+|\d+")


def features(text: str) -> set[str]:
    """Character 1- to 3-grams inside runs of Han characters; a run of letters as one word (its
    letter pairs said nothing: 'please' weighed like 'pl', 'le', 'as'); numbers as 0.

    Pairs and triples are joined by `map` over shifted copies of the run, so the loop runs in C
    (the same set as slicing out every gram, in less time)."""
    grams: set[str] = set()
    for match in _RUN_RE.finditer(text.lower()):
        run = match.group()
        if run.isdigit():
            grams.add("0")
            continue
        if run.isascii():
            grams.add(run)
            continue
        grams.update(run)
        pairs = list(map(operator.add, run, run[1:]))
        grams.update(pairs)
        grams.update(map(operator.add, pairs, run[2:]))
    return grams


@dataclass(frozen=True)
class Opinion:
    """The model's probability that a text is urgent and the n-grams that pushed it most."""

    probability: float
    reasons: tuple[tuple[str, float], ...]

    def explanation(self, threshold: float) -> str:
        pushed = "，".join(f"「{gram}」{weight:+.2f}" for gram, weight in self.reasons)
        return f"文本模型 {self.probability:.2f} ≥ {threshold:.2f}：{pushed}"


class UrgencyModel:
    """Weights per n-gram and a bias; `opinion` scores a normalised text."""

    def __init__(
        self,
        weights: dict[str, float],
        bias: float,
        threshold: float = THRESHOLD,
        over_switch: float = OVER_SWITCH,
    ):
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        self.over_switch = over_switch

    def opinion(self, text: str) -> Opinion:
        grams = self.weights.keys() & features(text)
        return self._explained(self._pairs(grams), self._probability(grams))

    def probability(self, text: str) -> float:
        """The opinion's probability alone, without its reasons."""
        return self._probability(self.weights.keys() & features(text))

    def fires(self, text: str, threshold: float) -> Opinion | None:
        """The opinion when it reaches `threshold` (the model's own, or `over_switch`), else
        None (then without its reasons: most texts end here, and neither the pairs nor their
        sorting are needed)."""
        grams = self.weights.keys() & features(text)
        probability = self._probability(grams)
        if probability < threshold:
            return None
        return self._explained(self._pairs(grams), probability)

    def _probability(self, grams: set[str]) -> float:
        """From the text's n-grams that have a weight (the intersection is taken in C): fsum is
        exact whatever the order, and a set's order changes with string hashing, so the same
        text gets the same probability in every process."""
        return sigmoid(self.bias + math.fsum(map(self.weights.__getitem__, grams)))

    def _pairs(self, grams: set[str]) -> list[tuple[str, float]]:
        """The n-grams with their weights, in any order (`_explained` sorts them)."""
        return [(gram, self.weights[gram]) for gram in grams]

    @staticmethod
    def _explained(present: list[tuple[str, float]], probability: float) -> Opinion:
        # Single characters count but are not shown: a clerk reads words, not 在 or 着.
        pushing = sorted(
            (p for p in present if p[1] > 0 and len(p[0]) > 1), key=lambda p: (-p[1], p[0])
        )
        return Opinion(probability, _outermost(pushing)[:SHOWN])

    # -- the file -----------------------------------------------------------------------------
    def dumps(self) -> str:
        lines = ["# GridDesk urgency n-gram weights (bench/urgency_training.py writes this file)"]
        lines.append(f"bias\t{self.bias:.4f}")
        lines.extend(f"{gram}\t{weight:.4f}" for gram, weight in sorted(self.weights.items()))
        return "\n".join(lines) + "\n"

    @classmethod
    def loads(cls, data: str, threshold: float = THRESHOLD) -> UrgencyModel:
        weights: dict[str, float] = {}
        bias = 0.0
        for line in data.splitlines():
            if not line or line.startswith("#"):
                continue
            gram, value = line.split("\t")
            if gram == "bias":
                bias = float(value)
            else:
                weights[gram] = float(value)
        return cls(weights, bias, threshold)

    @classmethod
    def load(
        cls, path: Path = BUNDLED_MODEL, threshold: float = THRESHOLD, directory: Path | None = None
    ) -> UrgencyModel:
        """The weights file, read back from a binary copy kept in the cache when there is one
        (parsing its lines of text took most of a `griddesk route` process's model load)."""
        data = path.read_bytes()
        name = f"ngrams-{hashlib.sha256(_CACHE_MAGIC + data).hexdigest()[:20]}.cache"
        directory = directory or cache_dir()
        found = read_kept(directory, name, _decode_weights)
        if found is not None:
            weights, bias = found[0]
            return cls(weights, bias, threshold)
        model = cls.loads(data.decode("utf-8"), threshold)
        keep(directory, name, _encode_weights(model.weights, model.bias))
        return model


_CACHE_MAGIC = b"griddesk-ngrams-1\n"


def _encode_weights(weights: dict[str, float], bias: float) -> bytes:
    """The n-grams (none holds a newline) and their weights as float64, the bias in the header."""
    return pack_table(_CACHE_MAGIC, weights, "d", bias)


def _decode_weights(data: bytes) -> tuple[dict[str, float], float] | None:
    return unpack_table(data, _CACHE_MAGIC, "d")


def sigmoid(score: float) -> float:
    if score < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-score))


def _outermost(pairs: Iterable[tuple[str, float]]) -> tuple[tuple[str, float], ...]:
    """Strongest first, without n-grams contained in a stronger one already shown."""
    shown: list[tuple[str, float]] = []
    for gram, weight in pairs:
        if not any(gram in other or other in gram for other, _ in shown):
            shown.append((gram, weight))
    return tuple(shown)

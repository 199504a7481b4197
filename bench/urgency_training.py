"""Training and cross-validation of the urgency model on the project's labelled complaints.

The data directory (tests/nlp/data) holds the labelled sets (`*.jsonl`, `expect.urgent`) and
`urgency_phrasings.txt`: families of urgent (`1<TAB>text`) and calm (`0<TAB>text`) phrasings
written for the model. Texts are prepared as the detector sees them (normalised, places masked)
by a Router built with the rules alone. The runnable step is `python -m bench.urgency_cli
train|cv`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from nlp.context import TextContext
from nlp.router import Router
from nlp.urgency import switched_off
from nlp.urgency_model import UrgencyModel, train

PHRASINGS = "urgency_phrasings.txt"
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)

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


def read_phrasings(path: Path, router: Router) -> Examples:
    examples = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, text = line.split("\t", 1)
            examples.append((router.urgency_text(text), label == "1"))
    return examples


def train_all(sets: dict[str, Examples]) -> UrgencyModel:
    return train([example for name in sorted(sets) for example in sets[name]])


@dataclass
class Fold:
    """One held-out set: what the rules caught and what the model adds at each threshold."""

    name: str
    urgent: int = 0
    rules_caught: int = 0  # urgent texts the rules flag, ask about or switch off
    calm: int = 0
    rules_asked: int = 0  # calm texts the rules flag, ask about or switch off (model silent)
    model_urgent: dict[float, int] = field(default_factory=dict)  # urgent, model alone
    added: dict[float, int] = field(default_factory=dict)  # urgent, caught by the model only
    asked: dict[float, int] = field(default_factory=dict)  # calm, asked by the model only


def rules_flag(router: Router, text: str) -> bool:
    """The rules alone flag or ask about the prepared text, or switch the model off."""
    urgency = router.urgency.detect(text, TextContext(text, router.context_rules))
    return urgency.urgent or urgency.ask or switched_off(urgency.explanation)


def cross_validate(router: Router, sets: dict[str, Examples], held_out: list[str]) -> list[Fold]:
    """Train on every set but one and score the one left out; `router` has no model."""
    folds = []
    for name in held_out:
        model = train_all({k: v for k, v in sets.items() if k != name})
        rows = [(u, rules_flag(router, t), model.opinion(t).probability) for t, u in sets[name]]
        fold = Fold(name)
        fold.urgent = sum(1 for u, _, _ in rows if u)
        fold.calm = len(rows) - fold.urgent
        fold.rules_caught = sum(1 for u, f, _ in rows if u and f)
        fold.rules_asked = sum(1 for u, f, _ in rows if not u and f)
        for t in THRESHOLDS:
            fold.model_urgent[t] = sum(1 for u, _, p in rows if u and p >= t)
            fold.added[t] = sum(1 for u, f, p in rows if u and not f and p >= t)
            fold.asked[t] = sum(1 for u, f, p in rows if not u and not f and p >= t)
        folds.append(fold)
    return folds


def fold_lines(folds: list[Fold]) -> list[str]:
    lines = []
    for fold in folds:
        lines.append(
            f"{fold.name}: urgent {fold.urgent} (rules flag {fold.rules_caught}), "
            f"calm {fold.calm} (rules flag or switch off {fold.rules_asked})"
        )
        for t in THRESHOLDS:
            lines.append(
                f"  t={t:.1f} model alone {fold.model_urgent[t]}/{fold.urgent}, "
                f"adds {fold.added[t]}, asks calm {fold.asked[t]} "
                f"({fold.asked[t] / fold.calm if fold.calm else 0:.1%})"
            )
    return lines

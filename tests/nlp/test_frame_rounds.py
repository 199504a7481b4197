"""The urgency families of the blind-set rounds, checked in one place.

Each round's module (`test_frame_families_<set>.py`) holds the phrasings written after reading
its blind set — `CERTAIN` and `NOT_HIDDEN` (frame → phrasings that must fire it; the latter beside
the words of a switch), `ASK` (signs: asked about, or certain), `CALM` (neither) — and any test of
its own. None of the phrasings is a sentence of a set.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

import pytest

from nlp.router import Router
from tests.nlp.test_frame_families import flat

# The rounds before F check their lists with assertions of their own (the frame alone, a
# question only): they keep their tests.
OWN_TESTS = {"cv", "d", "e"}
PREFIX = "test_frame_families_"


def _rounds() -> list[tuple[str, ModuleType]]:
    """Every round's module but those with tests of their own; a new round is found by name."""
    names = sorted(p.stem.removeprefix(PREFIX) for p in Path(__file__).parent.glob(PREFIX + "*.py"))
    return [(name, importlib.import_module(f"tests.nlp.{PREFIX}{name}"))
            for name in names if name not in OWN_TESTS]  # fmt: skip


def test_every_round_is_found() -> None:
    names = {name for name, _ in _rounds()}
    assert {"f", "t", "aa", "ac"} <= names and not names & OWN_TESTS and len(names) >= 19


def _framed(*lists: str) -> list[object]:
    return [
        pytest.param(frame, text, id=f"{name}-{frame}-{index}")
        for name, module in _rounds()
        for attribute in lists
        for index, (frame, text) in enumerate(flat(getattr(module, attribute, {})))
    ]


def _texts(attribute: str) -> list[object]:
    return [
        pytest.param(text, id=f"{name}-{index}")
        for name, module in _rounds()
        for index, text in enumerate(getattr(module, attribute, []))
    ]


@pytest.mark.parametrize(("frame", "text"), _framed("CERTAIN", "NOT_HIDDEN"))
def test_each_rounds_frames_fire(router: Router, frame: str, text: str) -> None:
    decision = router.route(text)
    assert decision.urgent and frame in decision.urgent_frames, decision.rules


@pytest.mark.parametrize("text", _texts("ASK"))
def test_each_rounds_signs_are_asked_about(router: Router, text: str) -> None:
    decision = router.route(text)
    assert decision.urgent_ask or decision.urgent, decision.rules


@pytest.mark.parametrize("text", _texts("CALM"))
def test_each_rounds_calm_texts_stay_calm(router: Router, text: str) -> None:
    decision = router.route(text)
    assert not decision.urgent and not decision.urgent_ask, decision.rules

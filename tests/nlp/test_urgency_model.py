"""The urgency model, the rules' second opinion: it asks (never files as urgent), shows the
n-grams that pushed it, speaks over a switch only when it is sure, is reproducible, and asks
rarely on ordinary complaints it was not trained on."""

from __future__ import annotations

import json

import numpy as np
import pytest

from bench.urgency_scoring import FirstPass, score_folds
from bench.urgency_training import (
    FIRST_PASS,
    PHRASINGS,
    labelled_sets,
    read_phrasings,
    train,
    train_many,
    train_without,
)
from models.config.schema import GridDeskConfig
from nlp.context import TextContext
from nlp.router import Router
from nlp.rules import load_rules
from nlp.urgency import MODEL_FRAME, Switches, Urgency, UrgencyDetector, switches
from nlp.urgency_model import BUNDLED_MODEL, OVER_SWITCH, THRESHOLD, UrgencyModel, features
from tests.nlp.conftest import DATA

# Danger described without any frame's words: the rules find nothing, the model asks.
UNNAMED_DANGER = [
    "楼上邻居家的孩子一个人在阳台上哭，窗户开着，大人不在家",
    "小区池塘边有个小孩一个人在玩，周围没大人，水挺深的",
    "楼下工地的吊车在大风里晃得厉害，底下工人还在干活",
]
CALM = [
    "小区门口的健身器材坏了很久了，希望修一下",
    "楼道灯坏了好几天了，晚上上楼看不见",
    "快递总是放在单元门口，丢了好几次",
    "建议在小区里多装几个垃圾桶",
    "楼下广场舞音乐太吵了，晚上十点还在跳",
]


@pytest.fixture(scope="module")
def rules_router(demo_config: GridDeskConfig) -> Router:
    """The rules alone, as the model's training and cross-validation see them."""
    return Router(demo_config, load_rules(None, demo_config.taxonomy))


@pytest.mark.parametrize("text", UNNAMED_DANGER)
def test_the_model_asks_and_shows_its_ngrams_like_a_rule(router: Router, text: str) -> None:
    decision = router.route(text)
    assert decision.urgent_ask and not decision.urgent
    assert decision.urgent_frames == (MODEL_FRAME,)
    assert decision.to_json_dict(explain=True)["urgent"] == "ask"
    note = next(line for line in decision.rules if line.startswith(f"可能紧急（{MODEL_FRAME}）"))
    shown = [gram for gram in decision.keywords if f"「{gram}」+" in note]
    assert shown, (note, decision.keywords)
    assert all(gram in decision.normalized_text for gram in shown)
    assert f"≥ {THRESHOLD:.2f}" in note


@pytest.mark.parametrize("text", UNNAMED_DANGER)
def test_the_rules_alone_do_not_catch_these(rules_router: Router, text: str) -> None:
    decision = rules_router.route(text)
    assert not decision.urgent and not decision.urgent_ask


@pytest.mark.parametrize("text", CALM)
def test_a_calm_text_is_not_asked_about(router: Router, text: str) -> None:
    decision = router.route(text)
    assert not decision.urgent and not decision.urgent_ask
    assert router.urgency.model is not None
    assert router.urgency.model.opinion(router.urgency_text(text)).probability < THRESHOLD


# past, hypothesis, a simile
READ_FROM_A_MARKER = ("去年老人走丢过一次", "万一着火了怎么办", "电表转得跟要着火似的")
# over, elsewhere, a fire put out (an exclusion that names a resolution), denied
TOLD_OVER = (
    "老人走丢了，刚才已经找回来了",
    "新闻里说外地有人被困电梯",
    "厨房着火了，已经扑灭了，还有点烟味",
    "没有煤气味，就是燃气表走得特别快",
)
SWITCHED = READ_FROM_A_MARKER + TOLD_OVER


def _detect(detector: UrgencyDetector, text: str) -> Urgency:
    return detector.detect(text, TextContext(text, detector.context_rules))


def test_over_a_switch_the_model_asks_only_when_it_is_sure(demo_config: GridDeskConfig) -> None:
    """Where a switch read from a marker turned a frame off, a model between its threshold and
    OVER_SWITCH stays silent; one above OVER_SWITCH asks, and its note says the rules had
    switched the frame off. Where the rules found nothing, the threshold is enough."""
    rules = load_rules(None, demo_config.taxonomy)
    fairly_sure = UrgencyModel({}, bias=1.0)  # probability 0.73
    very_sure = UrgencyModel({}, bias=5.0)  # probability 0.99
    assert THRESHOLD < 0.73 < OVER_SWITCH < 0.99
    for model, asks in ((fairly_sure, False), (very_sure, True)):
        detector = UrgencyDetector(rules, None, model)
        for text in READ_FROM_A_MARKER:
            urgency = _detect(detector, text)
            assert urgency.ask is asks and not urgency.urgent, text
            assert switches(urgency.explanation) is Switches.MARKER
            if asks:
                assert urgency.kinds == (MODEL_FRAME,)
                assert "规则判断不算紧急" in urgency.explanation[-1]
                assert f"≥ {OVER_SWITCH:.2f}" in urgency.explanation[-1]
        found = _detect(detector, "楼道灯坏了好几天了")
        assert found.kinds == (MODEL_FRAME,) and "规则没有把握" in found.explanation[-1]


def test_a_danger_told_over_or_elsewhere_silences_even_a_sure_model(
    demo_config: GridDeskConfig,
) -> None:
    """Every switch is one the text states: the danger over (找回来了, an exclusion naming the
    fire put out), elsewhere (新闻里) or denied (没有煤气味): no model, however sure, asks over
    that. A stated switch beside one read from a marker leaves the model free to speak."""
    detector = UrgencyDetector(load_rules(None, demo_config.taxonomy), None, UrgencyModel({}, 9.0))
    for text in TOLD_OVER:
        urgency = _detect(detector, text)
        assert switches(urgency.explanation) is Switches.TOLD, urgency.explanation
        assert not urgency.ask and not urgency.urgent, text
    mixed = "家里没有煤气味，万一着火了怎么办"  # gas denied, a fire supposed
    urgency = _detect(detector, mixed)
    assert switches(urgency.explanation) is Switches.MARKER and urgency.ask, urgency.explanation


@pytest.mark.parametrize("text", SWITCHED)
def test_the_bundled_model_lets_a_plain_switch_stand(router: Router, text: str) -> None:
    decision = router.route(text)
    assert not decision.urgent and not decision.urgent_ask


def test_the_opinion_is_deterministic(router: Router) -> None:
    model = router.urgency.model
    assert model is not None
    text = router.urgency_text(UNNAMED_DANGER[0])
    assert model.opinion(text) == model.opinion(text)
    assert features("煤气味，3楼！") == features("煤气味 3楼") >= {"煤气味", "0"}


def test_a_run_of_letters_is_one_word_and_han_runs_stay_apart_from_it() -> None:
    """English words count whole (their letter pairs told nothing and flipped calm texts), and a
    word typed against Han characters does not join their n-grams."""
    assert features("Please HELP") == {"please", "help"}
    assert features("stuck在电梯") == {"stuck", "在", "电", "梯", "在电", "电梯", "在电梯"}


def test_training_learns_the_difference() -> None:
    examples = [("老人走丢了", True), ("路灯坏了", False)] * 5
    model = train(examples)
    assert model.opinion("老人走丢了").probability > 0.5 > model.opinion("路灯坏了").probability


def test_models_trained_together_are_each_the_model_of_its_own_examples() -> None:
    """Training several models in one pass (as the held-out tests do) gives each the weights a
    training on its own examples alone gives: its examples, its class balance, its n-grams."""
    urgent = ["老人走丢了一夜没回来", "楼道里一股煤气味越来越浓", "电线掉在积水里还冒火花"]
    calm = ["路灯坏了好几天", "楼下广场舞太吵", "垃圾桶满了没人收", "楼道里堆满了杂物"]
    examples = [(text, True) for text in urgent] + [(text, False) for text in calm]
    members = np.array([[i != 0, i % 2 == 0, True] for i in range(len(examples))])
    together = train_many(examples, members)
    for column, model in enumerate(together):
        alone = train([e for e, m in zip(examples, members[:, column], strict=True) if m])
        assert (model.weights, model.bias) == (alone.weights, alone.bias)
    assert together[0].weights != together[1].weights != together[2].weights
    assert "走丢" not in together[0].weights and "走丢" in together[2].weights


FOLDS = 8  # groups of sets held out together in the held-out ask-rate test


@pytest.mark.slow
def test_training_writes_the_bundled_weights_and_held_out_models_ask_rarely(
    rules_router: Router,
) -> None:
    """One pass over the labelled data trains the model on all of it and eight more, each
    without a group of the labelled sets (however many sets there are).

    Trained on all, it is the bundled file byte for byte: written by another process's
    training, equal bytes show that training is reproducible and that the file is what it
    writes. Held out: on each set's ordinary complaints, a model that never saw the set asks on
    under 5 % (on top of the rules' own questions)."""
    sets = labelled_sets(DATA, rules_router)
    assert sum(len(v) for v in sets.values()) >= 2400
    names = [name for name in sets if name.startswith(("blind", "holdout"))]
    size = -(-len(names) // FOLDS)
    groups = [names[first : first + size] for first in range(0, len(names), size)]
    model, *models = train_without(sets, [[], *groups])
    assert model.dumps() == BUNDLED_MODEL.read_text(encoding="utf-8")
    assert UrgencyModel.loads(model.dumps()).weights == model.weights
    folds = score_folds(rules_router, sets, groups, models)
    assert [fold.name for fold in folds] == names and len(names) >= 40
    for fold in folds:
        assert fold.asked[THRESHOLD] / fold.calm < 0.05, (fold.name, fold.asked, fold.calm)


def test_the_first_pass_file_has_a_verdict_for_every_text_of_each_blind_urgency_set() -> None:
    verdicts: dict[str, dict[str, str]] = {}
    for line in (DATA / FIRST_PASS).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, ident, verdict = line.split("\t")
            verdicts.setdefault(name, {})[ident] = verdict
    assert sorted(verdicts) == sorted(p.stem for p in DATA.glob("blind_urgency_*.jsonl"))
    for name, by_id in verdicts.items():
        lines = (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        assert sorted(by_id) == sorted(json.loads(line)["id"] for line in lines if line.strip())
        assert set(by_id.values()) <= {"urgent", "ask", "told", "switched", "none"}


def test_families_written_after_a_set_are_left_out_when_it_plays_unseen(
    rules_router: Router,
) -> None:
    path = DATA / PHRASINGS
    sizes = [len(read_phrasings(path, rules_router, unseen)) for unseen in ("A", "D", "H", None)]
    assert sizes[0] == 0  # every family was written after set A was read
    assert sizes[0] < sizes[1] < sizes[2] < sizes[3]


def test_a_first_pass_counts_the_model_only_where_the_rules_said_nothing() -> None:
    rows = [
        (True, "urgent", 0.0),  # caught by the rules
        (True, "none", 0.8),  # caught by the model's question at 0.7, not at 0.9
        (True, "switched", 0.99),  # over a switch the model asks when sure
        (True, "switched", 0.8),  # not sure enough over a switch: missed
        (False, "ask", 0.0),  # the rules asked about an ordinary text
        (False, "none", 0.75),  # the model asks at 0.7
        (False, "urgent", 0.0),  # a false alarm, not a question
        (False, "switched", 0.8),  # the switch stands
        (False, "switched", 0.95),  # the model asks over the switch
        (True, "told", 0.99),  # the text says it is over: never over that
    ]
    first = FirstPass("blind_urgency_x", rows)
    assert (first.caught(0.7), first.caught(0.9)) == (3, 2)
    assert (first.asked(0.7), first.asked(0.9)) == (3, 2)
    assert first.counts() == (5, 5, 1)

"""The rules file: validation problems, loading, a custom rules file end to end."""

from __future__ import annotations

import json
import re
from itertools import compress
from pathlib import Path

import pytest
import yaml

from models.config.schema import GridDeskConfig
from nlp.context import TextContext
from nlp.patterns import (
    PatternIndex,
    character_frequency,
    required_character_sets,
)
from nlp.router import Router
from nlp.rules import BUNDLED_RULES, RulesError, check_rules, load_rules, parse_rules

DATA = Path(__file__).parent / "data"
MINIMAL = {
    "version": 1,
    "categories": {"water_leak": {"terms": {"漏水": 5}}},
}


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def problems_of(tmp_path: Path, data: object, config: GridDeskConfig | None = None) -> list[str]:
    taxonomy = config.taxonomy if config else None
    return [f"{p.path}: {p.reason}" for p in check_rules(write(tmp_path, data), taxonomy)]


def test_bundled_rules_have_no_problems(demo_config: GridDeskConfig) -> None:
    assert check_rules(BUNDLED_RULES, demo_config.taxonomy) == []


def test_no_word_list_of_the_bundled_urgency_rules_names_a_word_twice() -> None:
    """A word listed twice in one list is an edit that forgot the first (each rule said once)."""
    urgent = yaml.safe_load(BUNDLED_RULES.read_text(encoding="utf-8"))["urgent"]
    lists = {key: value for key, value in urgent.items() if key != "kinds"}
    for name, body in urgent["kinds"].items():
        lists.update({f"{name}.{key}": value for key, value in body.items()})
    twice = {
        path: sorted({word for word in words if words.count(word) > 1})
        for path, words in lists.items()
        if isinstance(words, list) and all(isinstance(word, str) for word in words)
    }
    assert {path: words for path, words in twice.items() if words} == {}


def test_every_category_has_rules(tmp_path: Path, demo_config: GridDeskConfig) -> None:
    found = problems_of(tmp_path, MINIMAL, demo_config)
    assert "categories: category 'elevator' has no rules" in found
    assert not any("'other'" in problem for problem in found)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            {"categories": {"leaks": {"terms": {"漏水": 3}}}},
            "categories.leaks: unknown category code",
        ),
        ({"categories": {"water_leak": {"terms": {"漏水": 0}}}}, "bad weight 0"),
        ({"categories": {"water_leak": {"terms": {"漏水": "high"}}}}, "bad weight 'high'"),
        ({"categories": {"water_leak": {"terms": {"漏水": 50}}}}, "bad weight 50"),
        ({"categories": {"water_leak": {"terms": {"漏水": True}}}}, "bad weight True"),
        ({"categories": {"water_leak": {"patterns": {"(漏水": 3}}}}, "bad regex '(漏水'"),
        ({"categories": {"water_leak": {"patterns": {"a*": 3}}}}, "matches the empty text"),
        ({"categories": {"water_leak": {"terms": {"漏 水": 3}}}}, "may only contain"),
        ({"categories": {"water_leak": {"weights": {}}}}, "unknown key"),
        ({"settings": {"resolved_factor": 3}}, "settings.resolved_factor: must be a number"),
        ({"modifiers": {"negation": "不是"}}, "modifiers.negation: must be a list"),
        (
            {"urgent": {"kinds": {"fire": {"numbers": ["911"], "patterns": ["着火"]}}}},
            "urgent.kinds.fire.numbers: must list emergency numbers",
        ),
        (
            {"urgent": {"kinds": {"fire": {"numbers": ["119"], "patterns": ["着(火"]}}}},
            "urgent.kinds.fire.patterns[0]: bad regex",
        ),
        (  # an emoji alone normalises to nothing and would be found in every text
            {"urgent": {"kinds": {"help": {"numbers": ["110"], "patterns": ["救命"],
                                           "exclude": ["笑话", "😅"]}}}},
            "urgent.kinds.help.exclude: '😅' is empty once normalised",
        ),
        (
            {"urgent": {"kinds": {"lost": {"numbers": ["110"], "who": ["老人"]}}}},
            "urgent.kinds.lost.state: a frame needs who and state",
        ),
        (
            {"urgent": {"kinds": {"lost": {"numbers": ["110"], "state": ["走丢"]}}}},
            "urgent.kinds.lost.who: a frame needs who and state",
        ),
        (
            {
                "urgent": {
                    "kinds": {
                        "lost": {
                            "numbers": ["110"],
                            "who": ["老人"],
                            "state": ["走丢"],
                            "window": 500,
                        }
                    }
                }
            },
            "urgent.kinds.lost.window: must be a whole number",
        ),
        (
            {
                "urgent": {
                    "kinds": {"lost": {"numbers": ["110"], "patterns": ["走丢"], "answer": "call"}}
                }
            },
            "urgent.kinds.lost.answer: must be one of",
        ),
        (
            {
                "urgent": {
                    "kinds": {
                        "lost": {"numbers": ["110"], "patterns": ["走丢"], "ask_state": ["不见"]}
                    }
                }
            },
            "urgent.kinds.lost.who: a frame needs who and ask_state",
        ),
        ({"urgent": {"kinds": {"lost": {"numbers": ["110"]}}}}, "needs patterns or who"),
        (
            {
                "urgent": {
                    "kinds": {
                        "lost": {"numbers": ["110"], "patterns": ["走丢"], "category": "police"}
                    }
                }
            },
            "urgent.kinds.lost.category: unknown category code 'police'",
        ),
        (
            {
                "urgent": {
                    "kinds": {"fire": {"numbers": ["119"], "patterns": ["着火"], "keep": ["bikes"]}}
                }
            },
            "urgent.kinds.fire.keep: unknown category code 'bikes'",
        ),
        ({"urgent": {"distance": "新闻"}}, "urgent.distance: must be a list"),
        ({"surprise": 1}, "surprise: unknown top-level key"),
    ],
)
def test_problems_are_reported(
    tmp_path: Path, demo_config: GridDeskConfig, body: dict[str, object], expected: str
) -> None:
    data = {"version": 1, **body}
    found = problems_of(tmp_path, data, demo_config)
    assert any(expected in problem for problem in found), found


def test_frame_who_and_state_match_in_either_order(tmp_path: Path) -> None:
    frame = {
        "numbers": ["110", "gas"],
        "who": ["老人|孩子"],
        "state": ["走丢|不见了"],
        "window": 6,
        "before": 4,
        "ask": ["寻人"],
    }
    rules = load_rules(write(tmp_path, {"version": 1, "urgent": {"kinds": {"lost": frame}}}))
    kind = rules.urgent.kinds[0]
    assert kind.numbers == ("110", "gas")
    matches = [
        any(p.regex.search(text) for p in kind.patterns)
        for text in ("老人早上走丢了", "不见了一个孩子", "老人晒太阳晒了一上午了,又不见了", "寻人")
    ]
    assert matches == [True, True, False, False]
    assert any(p.regex.search("寻人启事") for p in kind.ask)


def test_near_states_never_cross_de(tmp_path: Path) -> None:
    frame = {
        "numbers": ["110"],
        "who": ["老人"],
        "state": ["走丢"],
        "near": ["不见了"],
        "near_window": 8,
    }
    rules = load_rules(write(tmp_path, {"version": 1, "urgent": {"kinds": {"lost": frame}}}))
    patterns = rules.urgent.kinds[0].patterns
    found = [
        any(p.regex.search(text) for p in patterns)
        for text in ("老人一转眼不见了", "老人的拐杖不见了", "老人出去买菜后一转眼就不见了")
    ]
    assert found == [True, False, False]


def test_problem_names_the_file(tmp_path: Path) -> None:
    problem = check_rules(write(tmp_path, {"version": 2}))[0]
    assert (problem.file, problem.path) == ("rules.yaml", "version")


def test_unreadable_files(tmp_path: Path) -> None:
    assert "file not found" in check_rules(tmp_path / "missing.yaml")[0].reason
    broken = tmp_path / "broken.yaml"
    broken.write_text("categories: [unclosed", encoding="utf-8")
    assert "cannot be read" in check_rules(broken)[0].reason
    assert "mapping" in check_rules(write(tmp_path, ["a", "b"]))[0].reason


def test_load_rules_raises_with_every_problem(tmp_path: Path) -> None:
    with pytest.raises(RulesError) as error:
        load_rules(write(tmp_path, {"version": 1, "categories": {"x": {"terms": {"a": 0}}}}))
    assert error.value.problems


def test_terms_in_traditional_are_folded(tmp_path: Path) -> None:
    rules = load_rules(
        write(
            tmp_path,
            {
                "version": 1,
                "categories": {
                    "water_leak": {"terms": {"漏水滲水": 4}, "patterns": {"滲.{0,2}水": 2}}
                },
            },
        )
    )
    assert "漏水渗水" in rules.categories["water_leak"].terms
    assert rules.categories["water_leak"].patterns[0].regex.search("渗了水")


def placeholder_categories(config: GridDeskConfig) -> dict[str, object]:
    """A term of its own for every category but `other`, so a rules file loads."""
    return {
        c.code: {"terms": {f"测试词{i}": 1}}
        for i, c in enumerate(config.taxonomy.categories)
        if c.code != "other"
    }


def test_custom_rules_file_drives_the_router(
    tmp_path: Path, demo_config: GridDeskConfig, cache_directory: Path
) -> None:
    categories = placeholder_categories(demo_config)
    categories["noise"] = {"terms": {"嘎嘎叫": 5}}
    categories["pets"] = {"terms": {"鸭子": 5}, "patterns": {"鸭子[^,]{0,4}叫": 3}}
    router = Router.from_config(
        demo_config, write(tmp_path, {"version": 1, "categories": categories})
    )
    decision = router.route("颂运水庭3号楼楼下的鸭子天天嘎嘎叫")
    assert (decision.category, decision.grid) == ("pets", "SYST-01")
    assert decision.keywords == ["鸭子天天嘎嘎叫"]
    assert router.route("楼道灯坏了").category == "other"  # no rule for it in this file


def test_a_frame_keeps_the_distance_markers_it_is_about(
    tmp_path: Path, demo_config: GridDeskConfig, cache_directory: Path
) -> None:
    """`not_elsewhere` keeps a frame's own subject from moving it elsewhere; `not_distance`
    phrases hold a distance marker that does not count (the drill is over)."""
    categories = placeholder_categories(demo_config)
    urgent = {
        "distance": ["冒充", "演练"],
        "not_distance": ["演练完"],
        "kinds": {
            "gas": {"numbers": ["119"], "patterns": ["漏气"]},
            "scam": {"numbers": ["110"], "patterns": ["还在砸门"], "not_elsewhere": ["冒充"]},
        },
    }
    rules = write(tmp_path, {"version": 1, "categories": categories, "urgent": urgent})
    router = Router.from_config(demo_config, rules)
    texts = ("有人冒充燃气公司说漏气", "冒充物业的人还在砸门", "演练时漏气", "演练完了又漏气")
    frames = {
        text: (decision.urgent, decision.urgent_frames)
        for text in texts
        for decision in [router.route(text)]
    }
    assert frames == {
        "有人冒充燃气公司说漏气": (False, ()),
        "冒充物业的人还在砸门": (True, ("scam",)),
        "演练时漏气": (False, ()),
        "演练完了又漏气": (True, ("gas",)),
    }


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("(树|树枝)[^,]{0,12}(挡|遮)", {"树"}),
        ("把[^,]{0,4}灯", {"灯"}),
        ("[^a]x", {"x"}),
        ("x?y", {"y"}),
        (r"\d+号", {"号"}),
        ("a*", None),
    ],
)
def test_required_characters(pattern: str, expected: set[str] | None) -> None:
    sets = required_character_sets(re.compile(pattern), character_frequency())
    assert (set(sets[0]) if sets else None) == expected  # the rarest set first


def test_required_character_sets_rarest_first() -> None:
    sets = required_character_sets(re.compile("甲[^,]{0,3}(乙|丙)[^,]?丁"))
    assert [set(chars) for chars in sets] == [{"丁"}, {"甲"}, {"丙", "乙"}]
    assert required_character_sets(re.compile("a*")) == []


def test_pattern_index_needs_every_required_set() -> None:
    rules, problems = parse_rules(
        {"version": 1, "categories": {"noise": {"patterns": {"甲[^,]{0,3}(乙|丙)": 1, "丁": 2}}}}
    )
    assert rules is not None and not problems
    index = PatternIndex(rules.categories["noise"].patterns)
    assert index.candidates("甲和乙") == [0]
    assert index.candidates("只有甲") == []  # 乙 or 丙 is missing: the regex is not even tried
    assert index.candidates("丁甲丙") == [0, 1]


def test_adjacent_characters_give_pair_guards() -> None:
    found = required_character_sets(re.compile("孩子[^,]{0,5}(不见了|走丢)"))
    sets = [set(chars) for chars in found]
    assert {"孩子"} in sets and {"不见", "走丢"} in sets
    assert {"摔倒", "摔伤"} in [set(f) for f in required_character_sets(re.compile("摔(倒|伤)"))]
    # a repeat or a look-around between two characters makes no pair of them
    assert all(len(gram) == 1 for found in required_character_sets(re.compile("甲(?!过)乙"))
               for gram in found)


def test_pattern_index_checks_pairs_not_only_characters() -> None:
    rules, problems = parse_rules(
        {"version": 1, "categories": {"noise": {"patterns": {"孩子[^,]{0,5}(不见了|走丢)": 1}}}}
    )
    assert rules is not None and not problems
    index = PatternIndex(rules.categories["noise"].patterns)
    assert index.candidates("孩子不见了") == [0]
    assert index.candidates("子孩走，丢不见") == []  # every character, but not one pair


def test_no_bundled_pattern_that_matches_a_labelled_text_is_left_out_by_its_guards(
    router: Router,
) -> None:
    """The guards are necessary conditions: over every labelled complaint, each category,
    frame and sign pattern whose regex matches is among the index's candidates. Each pattern
    is searched over all the texts at once (`map` and `compress` run the loop in C)."""
    indexes = [
        (router.scorer.pattern_index, [p for _, p in router.scorer.patterns]),
        (router.urgency.pattern_index, [p for _, p in router.urgency.patterns]),
        (router.urgency.sign_index, [p for _, p in router.urgency.signs]),
    ]
    texts = [json.loads(line)["text"] for path in sorted(DATA.glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    bodies = [router.urgency_text(text) for text in texts]
    grams = [TextContext(body, router.context_rules).grams for body in bodies]
    missed = []
    for index, patterns in indexes:
        chosen: list[set[int]] = [set() for _ in patterns]
        for number, (body, found) in enumerate(zip(bodies, grams, strict=True)):
            for candidate in index.candidates(body, found):
                chosen[candidate].add(number)
        for i, pattern in enumerate(patterns):
            matching = compress(range(len(bodies)), map(pattern.regex.search, bodies))
            missed += [(pattern.text, bodies[n]) for n in matching if n not in chosen[i]]
    assert len(bodies) > 3000 and missed == []

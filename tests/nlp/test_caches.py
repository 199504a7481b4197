"""What the router keeps between runs: jieba's dictionary with the district's words (read
without importing jieba), the rules' character guards and compiled regexes (read instead of
derived) and the urgency model's weights (read instead of parsed)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from models.config.schema import GridDeskConfig
from nlp import rules as rules_module
from nlp.pattern_cache import PatternCache
from nlp.patterns import Pattern
from nlp.regex_program import search_form
from nlp.router import Router
from nlp.rules import BUNDLED_RULES, RulesError, RuleSet, load_rules
from nlp.tokenizer import DomainTokenizer
from nlp.urgency_model import BUNDLED_MODEL, UrgencyModel

WORDS = {"颂运水庭": None, "飞线充电": None}


def test_a_cached_dictionary_is_read_without_importing_jieba(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = DomainTokenizer(WORDS, ["飞线充电"], tmp_path)
    monkeypatch.setitem(sys.modules, "jieba", None)  # `import jieba` now fails
    cached = DomainTokenizer(WORDS, ["飞线充电"], tmp_path)
    assert cached.cache_path == built.cache_path
    assert cached.lcut("颂运水庭有人飞线充电") == built.lcut("颂运水庭有人飞线充电")
    with pytest.raises(ImportError):  # a new word needs jieba to build the dictionary
        DomainTokenizer({**WORDS, "明德花园": None}, [], tmp_path)


def test_the_rules_guards_are_cached_per_rules_file_and_read_back_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, demo_config: GridDeskConfig
) -> None:
    monkeypatch.setenv("GRIDDESK_CACHE_DIR", str(tmp_path))
    derived = load_rules(None, demo_config.taxonomy)
    [cache] = tmp_path.glob("patterns-*.cache")

    def fail(*args: object, **kwargs: object) -> list[frozenset[str]]:
        raise AssertionError("derived although cached")

    monkeypatch.setattr(rules_module, "required_character_sets", fail)
    cached = load_rules(None, demo_config.taxonomy)
    assert cached == derived  # every pattern with the same guards and needs
    assert [p.guard for p in cached.urgent.injury] == [p.guard for p in derived.urgent.injury]
    cache.write_bytes(b"garbage")  # a broken cache is derived again (and fails here)
    with pytest.raises(AssertionError, match="derived although cached"):
        load_rules(None, demo_config.taxonomy)


def test_another_rules_file_has_its_own_guards(tmp_path: Path) -> None:
    source = BUNDLED_RULES.read_bytes()
    first = PatternCache(source, tmp_path)
    derived = ([frozenset("甲乙")], None)
    assert first.get("甲|乙", lambda: derived) == derived
    first.save()
    assert PatternCache(source, tmp_path).derived == {"甲|乙": derived}
    assert PatternCache(source + b"\n# edited\n", tmp_path).derived == {}


def _all_patterns(rules: RuleSet) -> list[Pattern]:
    found = [p for category in rules.categories.values() for p in category.patterns]
    for kind in rules.urgent.kinds:
        found += [*kind.patterns, *kind.ask, *kind.since]
    return found + list(rules.urgent.injury)


def test_patterns_with_cached_guards_are_compiled_at_their_first_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, demo_config: GridDeskConfig
) -> None:
    monkeypatch.setenv("GRIDDESK_CACHE_DIR", str(tmp_path))
    load_rules(None, demo_config.taxonomy)  # validates every pattern, caches the guards
    patterns = _all_patterns(load_rules(None, demo_config.taxonomy))
    assert patterns and not any("regex" in vars(p) for p in patterns)  # none compiled yet
    router = Router.from_config(demo_config)
    assert router.route("楼道里一股很冲的煤气味，怕要爆炸").urgent
    compiled = [p for p in _all_patterns(router.rules) if "regex" in vars(p)]
    assert 0 < len(compiled) < len(patterns)  # only those the text's characters allowed
    assert all(p.regex.pattern == search_form(p.text) for p in compiled)


def test_a_bad_pattern_is_reported_whatever_the_cache_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GRIDDESK_CACHE_DIR", str(tmp_path / "cache"))
    rules = tmp_path / "rules.yaml"
    rules.write_text(
        "version: 1\ncategories:\n  water_leak:\n    patterns:\n"
        "      '漏.{0,2}水': 2\n      '渗(水': 2\n      '滴*': 1\n",
        encoding="utf-8",
    )
    for _ in range(2):  # the second load has the valid pattern's guards cached
        with pytest.raises(RulesError) as error:
            load_rules(rules)
        assert sorted(p.reason.split(":")[0] for p in error.value.problems) == [
            "bad regex '渗(水'",
            "pattern '滴*' matches the empty text",
        ]


def test_term_free_blocks_are_not_segmented_and_nothing_else_changes(tmp_path: Path) -> None:
    tokenizer = DomainTokenizer(WORDS, ["飞线充电", "漏"], tmp_path)
    for text in ("家里老人腿脚不好，有人飞线充电", "已经好几天了，楼上漏了", "好几天了", ""):
        full = tokenizer.analyse(text, full=True)
        terms_only = tokenizer.analyse(text)
        assert terms_only.hits == full.hits
        assert set(terms_only.tokens) <= set(full.tokens)
    assert tokenizer.analyse("已经好几天了，老人腿脚不好").tokens == []
    assert tokenizer.analyse("已经好几天了，有人飞线充电").tokens == [(7, 9), (9, 13)]


def test_the_urgency_model_is_read_back_from_its_binary_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "ngrams.txt"
    source.write_text(
        "# weights\nbias\t-1.2500\n煤气\t0.7500\n救命\t1.1250\nok\t-0.3000\n", "utf-8"
    )
    parsed = UrgencyModel.load(source, directory=tmp_path)
    [cache] = tmp_path.glob("ngrams-*.cache")

    def fail(*args: object, **kwargs: object) -> UrgencyModel:
        raise AssertionError("parsed although cached")

    monkeypatch.setattr(UrgencyModel, "loads", fail)
    cached = UrgencyModel.load(source, directory=tmp_path)
    assert (cached.weights, cached.bias) == (parsed.weights, parsed.bias)
    assert cached.weights == {"煤气": 0.75, "救命": 1.125, "ok": -0.3}
    cache.write_bytes(cache.read_bytes()[:-8])  # a cut cache is parsed again (and fails here)
    with pytest.raises(AssertionError, match="parsed although cached"):
        UrgencyModel.load(source, directory=tmp_path)


def test_the_bundled_model_reads_back_the_same_from_its_cache(tmp_path: Path) -> None:
    parsed = UrgencyModel.loads(BUNDLED_MODEL.read_text(encoding="utf-8"))
    UrgencyModel.load(directory=tmp_path)
    cached = UrgencyModel.load(directory=tmp_path)
    assert list(tmp_path.glob("ngrams-*.cache"))
    assert (cached.weights, cached.bias) == (parsed.weights, parsed.bias)

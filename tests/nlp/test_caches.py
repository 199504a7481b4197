"""What the router keeps between runs: jieba's dictionary with the district's words (read
without importing jieba) and the rules' character guards (read instead of derived)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from models.config.schema import GridDeskConfig
from nlp import rules as rules_module
from nlp.guard_cache import GuardCache
from nlp.rules import BUNDLED_RULES, load_rules
from nlp.tokenizer import DomainTokenizer

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
    [cache] = tmp_path.glob("guards-*.cache")

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
    first = GuardCache(source, tmp_path)
    assert first.get("甲|乙", lambda: [frozenset("甲乙")]) == [frozenset("甲乙")]
    first.save()
    assert GuardCache(source, tmp_path).guards == {"甲|乙": [frozenset("甲乙")]}
    assert GuardCache(source + b"\n# edited\n", tmp_path).guards == {}

"""A ticket's search words: jieba's search mode over the district's dictionary, the same as
what migration 0018 fills existing tickets with (jieba's dictionary alone)."""

from __future__ import annotations

import importlib
from pathlib import Path

from nlp.router import Router
from nlp.tokenizer import DomainTokenizer
from tests.nlp.conftest import DATA, read_jsonl

BACKFILL = importlib.import_module("models.migrations.versions.0018_search_words_and_flags")


def test_search_mode_adds_the_words_inside_longer_ones(router: Router) -> None:
    words = router.search_words("明德花园5号楼卫生间渗漏水严重，楼下天花板湿了！ABC 12")
    assert {"卫生", "卫生间", "渗漏", "漏水", "渗漏水", "天花", "天花板", "明德花园"} <= set(words)
    assert {"ABC", "12"} <= set(words)
    assert not {"，", "！", " "} & set(words) and len(words) == len(set(words))
    assert router.search_words("") == []


def test_the_backfill_and_the_tokenizer_agree_on_jiebas_own_dictionary(tmp_path: Path) -> None:
    plain = DomainTokenizer({}, [], tmp_path)
    backfill = BACKFILL._search_mode()
    texts = [row["text"] for row in read_jsonl(DATA / "blind.jsonl")]
    texts += ["Ａ栋3单元 502室，水管爆了!!", "電梯故障三天了，沒人來修", "wifi不通 \n 路灯"]
    for text in texts:
        assert plain.search_words(text) == backfill(text), text

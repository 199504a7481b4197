"""Normalisation: folding, clean-up, script detection and conversion."""

from __future__ import annotations

import pytest

from nlp.normalize import MAX_MATCH_CHARS, _converter, detect_script, normalize, to_script


def test_full_width_is_folded_and_ascii_lowered() -> None:
    assert normalize("明德花园５号楼ＫＴＶ太吵了！").text == "明德花园5号楼ktv太吵了!"


def test_emoji_controls_and_whitespace_are_cleaned() -> None:
    result = normalize("  漏水了😡😡\t\x00楼上\u200b 家\r\n\r\n再说  ")
    assert result.text == "漏水了 楼上 家\n再说"
    assert result.original == "  漏水了😡😡\t\x00楼上\u200b 家\r\n\r\n再说  "


@pytest.mark.parametrize(
    ("text", "matching"),
    [
        # emoji that stand for a word
        ("厨房油锅🔥了，锅盖盖不住", "厨房油锅着火了,锅盖盖不住"),
        ("5楼浓💨往外滚，🚒进不来", "5楼浓烟往外滚,消防车进不来"),
        ("电箱的⚡️线泡着水", "电箱的电线泡着水"),
        ("一群野狗🐕🐕🐕围着孩子", "一群野狗围着孩子"),
        ("🐶🐶咬人了", "狗咬人了"),
        # pinyin initials as a whole run of letters, and Hong Kong terms
        ("单元dt卡住了，一股mq味", "单元电梯卡住了,一股煤气味"),
        ("ddc在楼道充电，hz了", "电动车在楼道充电,火灾了"),
        ("50hz的电，dtc和ktv不是缩写", "50hz的电,dtc和ktv不是缩写"),
        ("大厦的升降机困了人，工地升降机另说", "大厦的电梯困了人,工地吊笼另说"),
    ],
)
def test_emoji_initials_and_hong_kong_terms_are_read_as_the_words_they_stand_for(
    text: str, matching: str
) -> None:
    assert normalize(text).text == matching


def test_traditional_is_converted_for_matching_and_reported() -> None:
    result = normalize("頌運水庭8棟頂樓，一下雨屋頂就漏，裡面關著我媽")
    assert result.script == "hant"
    assert result.text == "颂运水庭8栋顶楼,一下雨屋顶就漏,里面关着我妈"


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("明德花园5号楼电梯坏了", "hans"),
        ("明德花園5號樓電梯壞了", "hant"),
        ("明德花园5号楼电梯坏了，樓", "hans"),  # mostly Simplified with one stray character
        ("明德花園5號樓電梯壞了，好几天了", "hant"),  # mostly Traditional
        ("", "hans"),
        ("😀😀", "hans"),
        ("ktv 12345", "hans"),
    ],
)
def test_script_detection(text: str, script: str) -> None:
    assert detect_script(text) == script
    assert normalize(text).script == script


def test_to_script_follows_the_resident() -> None:
    assert to_script("您的诉求已受理，里面", "hant") == "您的訴求已受理，裡面"
    assert to_script("您的诉求已受理", "hans") == "您的诉求已受理"
    assert to_script("", "hant") == ""


def test_converters_are_created_once() -> None:
    assert _converter("s2tw") is _converter("s2tw")


def test_long_text_is_truncated_for_matching_only() -> None:
    text = "楼道灯坏了。" * 4000
    result = normalize(text)
    assert len(result.text) <= MAX_MATCH_CHARS
    assert result.original == text


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "😀🙏👍", "\x00\x01\x07", "\ud83d"])
def test_empty_after_cleaning(text: str) -> None:
    assert normalize(text).text == ""


def test_typos_and_variants_are_folded() -> None:
    assert normalize("拉圾没人收，电悌坏了，甚麼時候修").text == "垃圾没人收,电梯坏了,什么时候修"


def test_non_string_is_rejected() -> None:
    with pytest.raises(TypeError):
        normalize(None)  # type: ignore[arg-type]

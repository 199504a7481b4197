"""Numbers written the way the seed reports write them."""

from __future__ import annotations

from models.reports.month import Month
from models.reports.phrasing import (
    change_phrase,
    duration,
    number,
    percent,
    respectively,
    yoy_mom_sentence,
)


def test_the_seed_sentences() -> None:
    assert change_phrase(86, 100) == "下降14%"
    assert change_phrase(83, 100) == "下降17%"
    assert yoy_mom_sentence("工单数量", 860, 1000, 1036) == "工单数量同比下降16.99%，环比下降14%"
    assert (
        respectively(["物业纠纷", "生活纠纷", "装修纠纷"], [-22.77, -21.54, -20.38], "减少")
        == "物业纠纷、生活纠纷、装修纠纷分别减少22.77%、21.54%、20.38%"
    )
    assert respectively(["噪音扰民"], [100.0], "增加") == "噪音扰民增加100%"


def test_numbers_and_edge_cases() -> None:
    assert number(14.0) == "14" and number(22.7749) == "22.77" and number(-0.001) == "0"
    assert percent(4, 7) == "57.14%" and percent(3, 4) == "75%" and percent(1, 0) == "—"
    assert change_phrase(5, 5) == "持平" and change_phrase(0, 0) == "持平"
    assert change_phrase(3, 0) == "新增3件" and change_phrase(0, 4) == "下降100%"
    assert change_phrase(3, 2) == "上升50%"
    assert yoy_mom_sentence("工单数量", 5, 0, 0) == "工单数量同比无可比数据，环比无可比数据"
    assert duration(None) == "—" and duration(1800) == "30分钟" and duration(7920) == "2.2小时"
    assert duration(97200) == "27小时" and duration(172800) == "2天"


def test_months() -> None:
    october = Month.parse("2026-10")
    assert october.shift(-1) == Month(2026, 9) and october.shift(-12) == Month(2025, 10)
    assert october.shift(3) == Month(2027, 1) and october.label == "2026年10月"
    assert str(Month.parse(" 2026-3 ")) == "2026-03"
    for bad in ("2026-13", "26-10", "2026/10", ""):
        try:
            Month.parse(bad)
        except ValueError:
            continue
        raise AssertionError(bad)

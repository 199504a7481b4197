"""How the monthly analysis writes numbers in Chinese: percentages, changes, durations.

The reports quote changes as "工单数量同比下降14%，环比下降17%" and falls by kind as
"物业纠纷、生活纠纷、装修纠纷分别减少22.77%、21.54%、20.38%": at most two decimals, trailing zeros
dropped. Pure functions, shared by the command-line report and the bot.
"""

from __future__ import annotations

from collections.abc import Sequence

LEVEL_LABELS = {
    0: "网格员",
    1: "网格党支部",
    2: "社区党组织",
    3: "镇街党（工）委",
    4: "区社会治理专班",
}
STATUS_LABELS = {
    "triage": "待分派",
    "assigned": "待受理",
    "accepted": "办理中",
    "resolved": "已办结待评价",
    "closed": "已办结",
    "rejected": "已驳回",
}
RATING_LABELS = {"satisfied": "满意", "basically": "基本满意", "unsatisfied": "不满意"}
NO_DATA = "—"


def number(value: float, digits: int = 2) -> str:
    """`14` for 14.0, `22.77` for 22.7749: at most `digits` decimals, no trailing zeros."""
    text = f"{value:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def percent(part: int | float, whole: int | float, digits: int = 2) -> str:
    """`part / whole` as a percentage, or — when there is nothing to divide by."""
    if not whole:
        return NO_DATA
    return f"{number(100.0 * part / whole, digits)}%"


def change_percent(current: int, previous: int) -> float | None:
    """Relative change in percent; None when the base period had nothing."""
    if previous == 0:
        return None
    return 100.0 * (current - previous) / previous


def change_phrase(
    current: int, previous: int, *, verb_up: str = "上升", verb_down: str = "下降"
) -> str:
    """`下降17%`, `上升5.5%`, `持平`, or `新增3件` when the base period had none."""
    if previous == 0:
        return "持平" if current == 0 else f"新增{current}件"
    if current == previous:
        return "持平"
    change = change_percent(current, previous)
    assert change is not None
    verb = verb_up if change > 0 else verb_down
    return f"{verb}{number(abs(change))}%"


def yoy_mom_sentence(subject: str, current: int, month_ago: int, year_ago: int) -> str:
    """`工单数量同比下降14%，环比下降17%` (with a note where a base period is empty)."""
    yoy = (
        "同比无可比数据" if year_ago == 0 and current else f"同比{change_phrase(current, year_ago)}"
    )
    mom = (
        "环比无可比数据"
        if month_ago == 0 and current
        else f"环比{change_phrase(current, month_ago)}"
    )
    return f"{subject}{yoy}，{mom}"


def respectively(names: Sequence[str], changes: Sequence[float], verb: str) -> str:
    """`物业纠纷、生活纠纷、装修纠纷分别减少22.77%、21.54%、20.38%` (one item: no 分别)."""
    if not names:
        return ""
    figures = "、".join(f"{number(abs(change))}%" for change in changes)
    if len(names) == 1:
        return f"{names[0]}{verb}{figures}"
    return f"{'、'.join(names)}分别{verb}{figures}"


def duration(seconds: float | None) -> str:
    """A duration in words: `45分钟`, `3.5小时`, `2.1天`."""
    if seconds is None:
        return NO_DATA
    if seconds < 3600:
        return f"{number(seconds / 60, 0)}分钟"
    if seconds < 2 * 86400:
        return f"{number(seconds / 3600, 1)}小时"
    return f"{number(seconds / 86400, 1)}天"


def hours(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 3600, 2)

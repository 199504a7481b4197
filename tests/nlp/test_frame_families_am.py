"""Urgency frames, thirtieth round: the calm ones found on blind set AM, whose first pass caught
every urgent complaint — a flame put out by a pot boiling over, the gas turned off and all well,
and what to do when gas is smelt, as taught — each written many ways, none a sentence of the
set."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {}
CALM = [
    "前天锅里的汤扑出来把火浇灭了，闻到煤气味赶紧关了，关了就好了，想装个熄火保护",
    "上个月灶台火被风吹灭了，有股煤气味，关上就好了，问问能不能换个带自动断气的灶",
    "孩子学校讲了，闻到煤气味要先开窗别开灯，社区能不能也办个讲座",
    "消防员说过停电了要先关闸再检查，咱们楼能不能贴个提示",
]
# Calm words of this round beside a danger still fire.
NOT_HIDDEN: dict[str, list[str]] = {
    "gas": [
        "厨房一股煤气味，阀门关了也没用，味越来越大",
        "闻到很重的煤气味，要先开窗吗？我婆婆已经头晕了",
    ],
}

"""Urgency frames, seventeenth round: families found missing on blind set R — sparks from a
burning the fire frame sets aside drifting onto a pile that now burns, a snake coiled where
children play, tiles coming off now said in three words; the calm ones (a generator that runs
and smokes all day, a game's explosions through the ceiling); and a building corrected in the
same message (6号楼，不对，是16号楼) — each written many ways, none a sentence of the set."""

from __future__ import annotations

import pytest

from nlp.router import Router

CERTAIN: dict[str, list[str]] = {
    "fire_spread": [
        "有人在楼下烧纸钱，火星飘到旁边的纸箱上，纸箱已经烧起来了",
        "烧秸秆的火星子落到柴堆里，柴堆着起来了",
    ],
    "animal": [
        "滑梯边上有条大蛇盘着，小朋友还蹲在旁边玩",
        "草丛里钻出一条蛇，几个孩子正在那边玩",
    ],
    "collapse": [
        "8号楼外墙砖在掉",
        "楼上的瓷砖正在往下掉，下面是人行道",
    ],
}
CALM = [
    "楼下店门口的柴油发电机从早到晚响，还冒黑烟，窗户都不敢开",
    "工地的发电机轰轰的，冒着黑烟，吵得睡不着",
    "楼上孩子玩打仗游戏，爆炸声一阵一阵的，太吵了",
]
PLACES = [
    ("明德花园6号楼冒烟了，不对，是16号楼", 16),
    ("颂运水庭3号楼，说错了，4号楼楼道灯坏了", 4),
    ("济东新村5号楼门口的井盖坏了", 5),
]


@pytest.mark.parametrize(("text", "building"), PLACES)
def test_a_corrected_building_replaces_the_first(router: Router, text: str, building: int
                                                 ) -> None:
    assert router.route(text).building == building

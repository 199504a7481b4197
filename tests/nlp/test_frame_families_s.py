"""Urgency frames, eighteenth round: what blind set S found — its first pass caught every urgent
complaint (a question counted), and the families here are its two false alarms (burnt cooking
whose smoke was let out of the window; a smell said to be rubbish, not gas) and its places: a
writer who first says where they are and then where the trouble is (我在4号楼…隔壁17号楼…) —
each written many ways, none a sentence of the set."""

from __future__ import annotations

import pytest

from nlp.router import Router

CALM = [
    "邻居炒菜烧糊了，烟从厨房窗户冒出来，后来人家开窗散烟了，没事",
    "楼下饭馆冒了一阵烟，老板说油锅糊了，已经散烟了",
    "垃圾房那边一股臭鸡蛋味，不是煤气，就是垃圾几天没拉",
    "楼道里有股臭鸡蛋的味道，物业来看过，不是燃气，是下水道反味",
]
PLACES = [
    ("我在明德花园4号楼等电梯，隔壁17号楼的电梯卡住了，里面关着人", 17),
    ("我住颂运水庭3号楼，对面6号楼有户人家阳台上冒黑烟", 6),
    ("我家在济东新村1号楼，我妈住同小区13号楼，她那栋电梯坏了", 13),
    ("我现在在高校园区2号楼，看见对面12号楼楼顶站着一个人", 12),
    ("我住明德花园3号楼，楼上5楼漏水漏到我家了", 3),  # a floor is no building
    ("明德花园3号楼和5号楼之间的路灯坏了", 3),  # no writer's place: the first building
]


@pytest.mark.parametrize(("text", "building"), PLACES)
def test_the_trouble_is_where_the_writer_points(router: Router, text: str, building: int
                                                ) -> None:
    assert router.route(text).building == building

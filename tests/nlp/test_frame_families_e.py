"""Urgency frames, fifth round: families of phrasings found missing on blind set E (a wall
bulging over people at its foot, a stuck lift with someone named as inside, smoke drifting out
of a door and a smoke alarm called 烟报, a worker buried by earth, someone lying in the snow who
only moans), and the calm ones it flagged (a fire lane 'if it really burned', an earlier report
followed up, a smoke report withdrawn, a burnt smell explained as new parts running in, the
hitter named after the event, 'one spark and it is all gone') — each written many ways, none a
sentence of the set."""

from __future__ import annotations

import pytest

from nlp.router import Router
from tests.nlp.test_frame_families import flat

CERTAIN: dict[str, list[str]] = {
    "collapse": [
        "村头那面土墙泡了水，往外鼓了个大包，墙根底下还坐着几个晒太阳的老人",
        "院墙裂了好长一道缝，歪得厉害，底下有孩子在玩",
        "挡土墙鼓出来一大块，旁边有人在摆摊卖菜",
    ],
    "lift_trapped": [
        "电梯停在半道不动了，里面是个坐轮椅的老人",
        "电梯坏在八楼，里头是位抱孩子的妈妈，一直在拍门",
        "电梯卡住了 里面站着两个小学生",
    ],
    "fire": [
        "对门从门缝里往外冒烟，敲门没人",
        "五楼窗户一直往外飘烟，味道很冲",
        "楼道里烟一股一股往外飘出来，楼上的人都在往下跑",
    ],
    "trapped": [
        "沟边塌了，一个干活的被沙土埋到胸口了",
        "工地上一个师傅被砖堆压住了腿，动不了",
        "有个工人被土埋着半截身子，大家在用手扒",
    ],
    "fallen": [
        "路边绿化带里趴着个大爷，喊他只会哼哼",
        "小区花坛边上躺着一个老太太，叫她也只知道哼",
        "冰面上摔了个老人，倒在冰上起不来",
    ],
}
ASKED = [
    "楼上那家烟报一直在叫，叫了十几分钟了",
    "隔壁烟报响个不停，敲门也没人开",
]
CALM = [
    "消防通道天天被车堵着，真着起火来消防车咋进来",
    "楼下堆满了纸箱子，一个烟头就全完了，能不能清一清",
    "我报的煤气味那个单子一直没人回访，问问进度",
    "我反映过的电线耷拉的问题，一个月了也没人来修",
    "刚才报的冒烟可以撤了，是楼下在熏腊肉，虚惊一场",
    "车子新换的刹车片在磨合，开起来有点糊味，问下4S店的投诉电话",
    "上个月小区门口打架的事处理了吗，打人的还天天在门口晃",
]


@pytest.mark.parametrize(("frame", "text"), flat(CERTAIN))
def test_fifth_round_frames_fire(router: Router, frame: str, text: str) -> None:
    decision = router.route(text)
    assert decision.urgent and frame in decision.urgent_frames, decision.rules


@pytest.mark.parametrize("text", ASKED)
def test_fifth_round_smoke_alarms_are_asked_about(router: Router, text: str) -> None:
    decision = router.route(text)
    assert decision.urgent or decision.urgent_ask, decision.rules
    assert "fire" in decision.urgent_frames, decision.rules


@pytest.mark.parametrize("text", CALM)
def test_fifth_round_calm_texts_stay_calm(router: Router, text: str) -> None:
    decision = router.route(text)
    assert not decision.urgent and not decision.urgent_ask, decision.rules

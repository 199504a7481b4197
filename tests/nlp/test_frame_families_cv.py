"""Urgency frames widened by family after the leave-one-set-out study of sets A–H (see
docs/urgency-model.md): kinds of danger the first passes missed, told in other words —
pills by the bottle or the handful, a baby choking with a blue face, people who ran onto a fast
road or lie in it, and signs that make the bot ask (someone hanging in the air on a facade,
something swallowed and sick after it). None is a sentence of a
labelled set."""

from __future__ import annotations

import pytest

from nlp.router import Router
from tests.nlp.test_frame_families import flat

CERTAIN: dict[str, list[str]] = {
    "medical": [
        "我妈一口气吃了一整瓶降压药，现在迷迷糊糊的",
        "俺爹把半瓶子安眠藥都吞了，喊他光哼哼",
        "我闺女吃了一大把感冒药，人迷迷糊糊的",
        "老伴吞下去一板止疼药，说胃里烧得慌",
        "我家宝宝喝奶呛住了，脸都青了",
        "孩子吃果冻噎着了，嘴唇发紫",
    ],
    "traffic": [
        "孫子跑到快速道路上去了，車很多很快",
        "有个老头闯进机动车道，车差点撞上他",
        "孩子跑到高架上去了，车开得飞快",
        "喝醉的人躺在马路当中睡着了，车从旁边过",
        "一个老太太坐在公路中间不走，后面的车一直按喇叭",
        "有个小孩在主路上乱跑，家长不知道在哪",
    ],
    "fallen": [
        "老太太误吃了拌了药的馒头，肚子疼得直哼哼",
    ],
}
ASKED: dict[str, list[str]] = {
    "trapped": [
        "脚手架上有个师傅挂在半空，绳子眼看要断",
        "擦玻璃的工人吊在外墙上下不来了",
    ],
    "medical": [
        "孩子偷喝了半瓶洗发水，一直在吐",
        "小孩偷吃了爷爷的药片，吐了两回，脸煞白",
    ],
}
CALM = [
    "孩子们放学老是跑到车道上玩，希望装个护栏",
    "共享单车倒在马路中间，车都绕着走",
    "吃了楼下饭店的外卖，吐了一晚上，要投诉这家店",
    "我爸每天要吃好几片降压药，社区医院能开吗",
    "小孩偷吃了零食不吃饭，怎么办",
    "孩子吞了一颗糖，没事了，就是想问问社区有没有急救课",
    "快速路上的隔离带坏了，希望尽快修",
    "上个月我爸误吃了过期药，已经好了，想问问药怎么回收",
]


@pytest.mark.parametrize(("frame", "text"), flat(CERTAIN))
def test_widened_frames_fire(router: Router, frame: str, text: str) -> None:
    decision = router.route(text)
    assert decision.urgent and frame in decision.urgent_frames, decision.rules


@pytest.mark.parametrize(("frame", "text"), flat(ASKED))
def test_signs_of_danger_make_the_rules_ask(router: Router, frame: str, text: str) -> None:
    decision = router.route(text)
    assert not decision.urgent and decision.urgent_ask, decision.rules
    assert decision.urgent_frames == (frame,), decision.rules


@pytest.mark.parametrize("text", CALM)
def test_widened_frames_leave_calm_texts_calm(router: Router, text: str) -> None:
    decision = router.route(text)
    assert not decision.urgent and not decision.urgent_ask, decision.rules

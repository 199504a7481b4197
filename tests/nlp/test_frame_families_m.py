"""Urgency frames, twelfth round: families found missing on blind set M — voice input whose
pauses are spaces (a frame must not reach across them), an earlier story followed by what is
happening now (上回…，刚才…冒烟), smoke seen in another clause than a beeping alarm, smoke or a
burning smell somewhere in the building, something leaning with people under it; and the calm
ones (insurance against fire, a fire already put out, a gas alarm found faulty, anger said as an
explosion, money that has not arrived, a carer asked for someone long bedridden) — each written
many ways, none a sentence of the set."""

from __future__ import annotations

import pytest

from nlp.router import paused_text

CERTAIN: dict[str, list[str]] = {
    "fire": [
        "上个月物业费的事说过了没人管，我刚才下楼看见地下室门缝往外冒烟",
        "之前反映过车棚灯坏了，刚刚路过看见车棚里冒黑烟",
        "上回说的漏水还没修 这会儿楼道里全是烟 看不见人",
        "楼道的烟感报警器叫个不停，五楼那边的走廊里全是烟",
        "家里烟感报警器在响，厨房那边在冒浓烟，老人还在里面",
    ],
}
ASK = [
    "台风过后那棵大树根都翘起来了，整棵往路上倒，还有孩子在下面玩",
    "广告牌被风吹得歪了，还有人在底下等车",
    "天台好像有烟，门锁着上不去",
    "楼道好像有火，一闪一闪的",
    "不知道谁家在烧东西的味道，越闻越重",
    "一股烧焦的味越来越浓，不知道哪家的",
]
CALM = [
    "社区统一办的那个保险，着火啊被偷啊能不能赔",
    "家里买了财产保险，漏水着火理赔要什么材料",
    "昨天楼下电动车又着了，幸亏邻居拿灭火器扑了，现在就剩个架子",
    "燃气报警器半夜叫了，燃气公司来人测了说没泄漏，是报警器坏了，谁负责换",
    "厨房的燃气报警器乱响，师傅来看过说没有漏气，就是报警器自己坏了",
    "楼上天天半夜蹦迪，我气得都要爆炸了",
    "隔壁装修吵了一个月，真是气炸了",
    "残疾人 做轮椅的 那个补贴 今年一直没到",
    "我爸的养老金这个月一直没到账，找谁问",
    "独居老人的高龄补助好几个月都没到了",
    "我老伴瘫在床上好几年了，一直起不来，想问社区有没有上门的护工",
    "婆婆卧床多年起不来，长期护理险怎么申请",
]


@pytest.mark.parametrize(("said", "read"), [
    ("嗯 我老伴 摔倒了 起不来", "嗯,我老伴,摔倒了,起不来"),
    ("明德花园 3号楼 201", "明德花园 3号楼 201"),  # a space beside a digit is not a pause
    ("no space here", "no space here"),
])
def test_a_space_between_chinese_characters_is_a_pause(said: str, read: str) -> None:
    assert paused_text(said) == read

"""Urgency frames, thirty-eighth round: blind set BC (follow-ups and corrections) missed five
urgent complaints on its first pass and raised five false alarms, most of them about time told
across a follow-up: a tree blown over last night still sparking now, a gas smell reported
before and back now, a registered old woman not answering (上次登记过的 names her, it does not
date the danger), a lift named and then what it did today, oil on the ground on fire; a mistake
owned (是我搞错了), a heater replaced, a trapping a week over, anger said as smoke, noise said to
shake a building down. Each written many ways, none a sentence of the set."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "live_wire": [
        "那棵树被昨晚的风刮得斜靠在电线上，树枝压着线一直冒火花，下面是上学的路",
    ],
    "gas": [
        "上次报的煤气味物业说查过了没事，可现在又有了，比上次还冲",
        "之前闻到过燃气味，修过一次，今天又闻到了，孩子说头疼",
    ],
    "fallen": [
        "补充：上次登记过的独居老人孙奶奶，门口牛奶放了三天没拿，敲门没人应",
    ],
    "lift_trapped": [
        "催了好几回的那部电梯，今天把我们四个人关在里面了",
        "那台老电梯，刚才把我妈关在里头了，按铃没人管",
    ],
    "fire": [
        "通道里那辆车底下漏油，有小孩放鞭炮，地上的油已经着了一小片",
    ],
}
ASK: list[str] = []
CALM = [
    "刚才说闻到煤气味，是我搞错了，是垃圾桶里一袋死鱼烂了，麻烦清走",
    "不对，刚才说的停电其实是我家跳闸了，是热水器漏电，已经换了，单子撤了吧",
    "电梯困人的事已经过去一周了，那天被困的是我女儿，想知道查出原因没有",
    "物业再不修楼道里的消火栓，业主们都要急得冒烟了",
    "酒吧的音响简直要把楼震塌了，当然楼没事，就是吵",
    "前天那户厨房着火当时就扑灭了，现在楼道墙都熏黑了，烧剩的柜子堆在楼梯口，谁来清一下",
    "烟感报警器一到半夜就乱响，根本没有烟，能不能来修一下",
]
NOT_HIDDEN: dict[str, list[str]] = {
    "gas": ["刚才说错了楼号，是5号楼。现在5号楼楼道里一股很冲的煤气味"],
    "live_wire": ["电热水器已经换了。可是现在楼道里电线掉下来冒火花，地上全是水"],
    "fire": ["烟感老是乱响先不说。现在三楼真的着火了，烟往外冒"],
}

# Blind set BB (a cross-section of one week) missed one: a gas hose bitten through, hissing,
# the smell still strong after the valve was shut; its false alarm: coal-stove poisoning last
# year in the next village, a reminder asked for before next week's cold.
CERTAIN["gas"] += [
    "厨房那根燃气软管让老鼠咬了，一开阀就呲呲的，关了总阀屋里味儿还是大",
    "煤气管子裂了个口子，嘶嘶地响",
]
CALM += [
    "下礼拜要降温了，村里好几户老人还在烧煤炉子，去年隔壁村出过煤气中毒，能不能提醒一下",
    "下周寒潮，邻村前年有人烧炭中毒，想请网格员上门查查烟筒",
]

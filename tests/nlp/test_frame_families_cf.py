"""Urgency frames, fifty-third round: blind sets CF (sweepers, gardeners and guards on the early
shift) and CG (villagers and the district's semi-rural edge).

Both caught every urgent complaint on their first pass. Among the model's questions that rules
now answer: several beating one (三个打一个), a bag snatched with its owner dragged, a child
crying that the adult is a stranger (喊她不是我妈妈), someone fallen into a sewer or a ditch and
calling from it, fruit eaten under sprayed trees and sickness after it, a leg stuck in a manhole,
someone lying in the road, moaning behind a door, a dog that has killed chasing people now, an
old woman shut in a lift, a girl who should have been home long ago (早该到家了), straw stacks
catching one after another.

The false alarms: half a broken manhole cover fallen in (碎了半边，掉下去了: the cover, not a
person) and a sweeper's question about a kind of case (有时候早上扫地碰见有人晕倒，我们该咋办).
The questions: children using an unlocked rooftop door (开着没锁，小孩老上去玩), paint thrown at
a debtor's mother's door, wiring run illegally in a bike shed, chicken manure by a wall."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "violence": [
        "超市后门五个打一个，那人抱着头蹲地上",
        "有个男的在抢老太太的金链子，把她拽倒了",
        "广场上一个小男孩被一个女的拉着走，孩子哭着说她不是我妈妈",
        "那人扯着孩子的胳膊往车里拖",
        "一个男的拿锤子在砸车窗，车里头有孩子在哭",
    ],
    "medical": [
        "工地的坑里掉进去一个人，在下面喊救命，坑里还有水",
        "老人在沟里爬不上来了，一直喊疼",
        "小孩在刚打过药的草坪上捡果子吃了，现在肚子疼还吐",
    ],
    "trapped": ["井盖没了，孩子一脚踩空，腿卡住拔不出来"],
    "fallen": [
        "马路当中有个人躺着，一动不动，旁边自行车倒着",
        "去敲门，屋里有呻吟声，老太太一个人住",
    ],
    "animal": ["那条藏獒把邻居的羊咬死了，现在还在追人"],
    "lift_trapped": ["电梯里有个孩子被困住了，一直在拍门"],
    "missing": ["儿子十岁，放学早该到家了，现在还没影"],
    "fire": ["村东头麦秸垛点着了，风一吹又燎着一个"],
}
CALM = [
    # the cover fell in, a kind of case, an unlocked roof, debts, wiring, manure
    "路口那个井盖碎了一块，掉下去了，我拿砖头压住了，请尽快换",
    "有的时候巡逻碰见老人晕倒，我们保安该怎么处理，能不能培训一下",
    "天台门开着没锁，孩子们老上去玩，请物业装把锁",
    "有人天天往她家门上泼油漆写字，说她儿子欠钱不还，吓得老人不敢出门",
    "车棚里有人私拉电线给电动车充电，插座一大串，物业也不管",
    "后院有人养鸡，鸡粪堆在墙角，一到晚上味特别大",
]

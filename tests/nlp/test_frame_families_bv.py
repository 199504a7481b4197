"""Urgency frames, forty-eighth round: blind sets BV (very short messages) and BW (people in a
conflict with someone).

BV missed three urgent complaints of a few words each: a battery that burst and is burning
(电动车电瓶炸了 在烧), a child locked in a car in the sun (孩子被反锁车里了: the trapped frame
wanted 在 after 反锁), bottles thrown down and still being thrown (往下扔酒瓶 还在扔). Its false
alarms were dangers over: a fall from scaffolding long since treated (打了钢板), two people
freed from a lift half an hour later (才弄出来，现在人没事了), a gas smell the gas company had
fixed (已经好了).

BW caught every urgent complaint but asked about 7 of its 120 ordinary ones (5.8 %): disputes
are told in the words of harm. Its false alarm was a fire named in a retort (他说“着火了又不是
烧你家”); among its questions, what someone does whenever told off (去说他就摔东西骂人) and what
drink leads to night after night (喝多了还打架) are now habits, and the model's three (a dog that
bit a courier yesterday, a basement dug under a building, a father knocked down last week) are
not asked after retraining with the set. An old woman who says she does not want to live (不想活
了) is still asked about, as safety wants; a fall blamed on a neighbour in a claim for money
(害她摔倒，要我赔五千) is too, since the claim stands in the next clause. Each is written many
ways, none a sentence of the sets."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "fire": [
        "5号楼楼道电动车电池炸了 还在烧",
        "车棚里一个电瓶爆了，烧着了，烟很大",
        "充电宝炸了在烧 孩子房间里",
    ],
    "trapped": [
        "小孩被锁车里了 车停在太阳底下",
        "宝宝被反锁车内 钥匙在车上 快来人",
        "老人被关车里了，窗户都关着，叫也不应",
    ],
    "violence": [
        "楼上有人往下扔砖头 还在扔",
        "8号楼有人从楼上往下砸花盆，一直在砸，底下有人走",
        "有个醉汉正在往楼下扔酒瓶，碎了一地",
    ],
}
CALM = [
    # dangers over: treated, freed, fixed
    "去年在工地从架子上摔下来，腿骨折了，打了钢板，工钱到现在还没结",
    "我爸上个月摔了一跤做了手术，现在想申请个轮椅",
    "早上电梯困了一个人，十几分钟才弄出来，人没事了，请物业好好检修",
    "电梯刚才卡住了，被困的邻居已经弄出来了，人没事了，这电梯太老了",
    "中午楼道有点煤气味，燃气公司来看过，已经好了，就是想问问要不要换管子",
    # things thrown down once, told as a nuisance
    "总有人从楼上往下扔垃圾，上周还扔了个酒瓶，请物业查查监控",
    # retorts, habits when told off, what drink leads to
    "消防通道老被他的车堵着，说他，他说“着火了又不是烧你家”，这叫什么话",
    "楼道里堆满杂物，物业去说，他说“真着火了烧不到你”，请社区管管",
    "对门那家一说他就摔东西骂人，我们都不敢去敲门了，请调解",
    "楼下饭馆的老板，你去提意见他就砸东西吓唬人，能不能来人管管",
    "小区门口的大排档天天到半夜，喝多了还打架，吵得孩子睡不着",
    "隔壁那家男的一喝醉就打人，邻居都怕他，社区能不能找他谈谈",
]

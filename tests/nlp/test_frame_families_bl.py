"""Urgency frames, forty-third round: blind sets BL (children and teenagers writing for
themselves) and BM (animals and insects).

BL missed none on its first pass; its two false alarms were an impression put right in the
next breath (楼上好像在打架……不对，是在装修: a danger hedged by 好像 or 以为 and followed by a
`corrected` marker is now someone's impression) and a fire hydrant called "救命的". Its
category fell by two texts against the engine before the frames, both moved by a frame's
category: a snake in the home filed under public security by the hiding it caused (the animal
frame now files dangerous animals under pets, as the taxonomy's guide says) and a child shut
on a balcony taken for a missing one by the keys that could not be found.

BM missed one: a pole blown askew last night, its wire sparking in a ditch now (昨晚大风…滋滋冒
火花), switched off as past; the sound of sparks is now a sign of the present. Its false alarms
were a dog kept in a cage (里面还关着条狗, taken for a lift) and a cat hiding from building work
(猫吓得躲在衣柜里, taken for people hiding from violence); its question, a wasps' nest to be
removed before anyone is stung. Each is written many ways, none a sentence of the sets."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "animal": [
        "一条大蛇爬进我家阳台了！我和弟弟躲在卧室里不敢出去",
        "窗外草丛里的蛇钻进屋里了，奶奶和宝宝缩在床上不敢动",
        "有条蛇进了客厅！我们几个小孩躲在厕所里，大人都不在家",
    ],
}
NOT_HIDDEN: dict[str, list[str]] = {
    "live_wire": [
        "昨晚大风把电线刮断了，电线掉在水沟里，现在滋滋冒火花，孩子在旁边",
        "昨天夜里雷劈了电线杆，断线耷拉在地上噼里啪啦直冒火花，还有人在边上看",
    ],
    "trapped": ["我不小心把弟弟关在阳台上了，门从外面打不开，他才两岁，钥匙我找不到"],
    "fallen": ["好像有人晕倒了，快来人"],
}
CALM = [
    # animals kept in cages, pets hiding from noise
    "有人在车位上放了个狗笼子，里面还关着条狗，占着车位好几天了",
    "楼下阳台上的笼子里关着只鹦鹉，天天一大早就叫",
    "楼上装修砸墙，我家猫吓得躲在床底下不出来，能不能管管装修时间",
    "放鞭炮的声音太大，我家狗吓得躲在沙发后面一晚上",
    # an impression put right
    "楼上好像在打架，咚咚的……不对，是在装修，天天中午砸墙",
    "我以为是煤气味，结果是下水道反味，麻烦疏通一下",
    "刚才好像听到有人喊救命，搞错了，是隔壁电视的声音",
    "楼下像是着火了，不对，是有人在烧烤，烟飘上来了",
    # life-saving equipment described
    "消防栓被人贴满了小广告，老师说消防栓是救命的，不能这样",
    "楼道的灭火器是救命用的，怎么被人拿去压咸菜缸了",
    # keys not found
    "放学回家钥匙找不到了，爸妈还没下班，我在楼下等着",
    "我弟弟把家里钥匙弄丢了，钥匙也找不到，能不能帮忙开锁",
]

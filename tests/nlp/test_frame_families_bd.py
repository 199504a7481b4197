"""Urgency frames, thirty-ninth round: blind sets BD (another week's cross-section) and BE (the
seasons) each missed one urgent complaint on their first pass (a thud and a cry growing weaker
behind a locked door; a tree pressing down on a car with someone inside) and raised five false
alarms between them; each written many ways, none a sentence of the sets. Soot now asks only
with a sign that it is new: the trace of an earlier fire stays calm."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "fallen": [
        "楼上独居的老师家里刚才咚的一声闷响，然后听见他喊来人啊，声音越来越小",
        "隔壁扑通一声，老太太喊了两声就没声了，门敲不开",
    ],
    "collapse": [
        "行道树倒了两棵，还有一棵正歪着往下压，底下停着车，车里有人",
        "广告牌被风吹得往下砸，下面还有人在躲雨",
    ],
}
ASK: list[str] = [
    "楼道的墙突然熏黑了一片，也不知道哪来的",
    "三楼门口熏得黢黑，还有股焦味",
]
CALM = [
    # the trace of an earlier fire
    "前天有户人家厨房着火，消防来扑灭了，人都没事，现在楼道被熏得黢黑，消火栓也没人补水带",
    "上个月的火早就灭了，楼梯间墙面熏黑了一大块，看着瘆人",
    # a charging cable let down from a window
    "有人把充电线从三楼窗户扯下来给电动车充电，线搭在空调外机上，下雨天看着都怕",
    # a drill's lesson said as a figure
    "消防演练时发现消防栓打不出水。演练是假的，着火可是真的，赶紧修吧",
    # a gas smell checked and explained
    "上午报的煤气味已经查清楚了，是炖肉锅溢出来把火浇灭了，燃气公司来看过，没事了",
    # flood water gone
    "前天夜里下水道返水，屋里淹了一层，当时赶紧拉了电闸，现在水已经退了，想查查原因",
    # a life-saver thanked
    "网格员大雪天挨家送融雪盐，真是我们的救命恩人，想表扬一下",
]
NOT_HIDDEN: dict[str, list[str]] = {
    "live_wire": ["充电线的事先不说。现在楼下电线断了掉在地上冒火花，孩子在旁边"],
    "water_electric": ["前天的水退了。今天又进水了，水已经漫到插座了"],
}

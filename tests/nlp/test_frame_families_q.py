"""Urgency frames, sixteenth round: families found missing on blind set Q — children on ice
that is giving way, a small child at a gap in a broken railing over deep water (both told by
people who play them down); and the calm ones (a bite already treated while the dogs still
roam, anger said as 气到…爆炸) — each written many ways, none a sentence of the set."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "medical": [
        "河面冰上有几个小孩在滑，冰都裂了好几道缝",
        "可能我想多了，湖上的冰层中间在冒水，几个孩子还在上面跑",
        "池塘边的护栏断了一截，有个小孩正蹲在缺口那儿玩水",
        "河边栏杆坏了一段，两个孩子正趴在那往下看，下面水很深",
    ],
}
CALM = [
    "上个月被流浪狗咬了，打完疫苗已经没事了，那几条狗还在附近转，希望处理一下",
    "孩子被狗咬过，打过疫苗了，想问问小区能不能管管这些狗",
    "物业说涨停车费就涨，气到我快爆炸了",
    "楼上天天漏水，真是气到我要炸了",
]

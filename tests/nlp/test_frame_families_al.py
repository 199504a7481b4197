"""Urgency frames, twenty-eighth round: families found missing on blind set AL — a shed blown
down just now with someone under it, told with 当时 (the moment of the collapse, not the past);
and the calm ones (smoke from skewers grilled in a yard first taken for a fire, cats or dogs
fighting) — each written many ways, none a sentence of the set."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "trapped": [
        "车棚刚才让风掀塌了，我爸当时在里面推车，被压在下面了",
        "院里的鸡舍刚刚倒了，奶奶当时正在喂鸡，埋在底下了",
        "柴房刚被雪压塌了，爷爷当时在里面拿柴火，压在下面出不来",
    ],
}
CALM = [
    "楼下院子里天天有人烤串，烟一团一团往上冒，还以为着火了",
    "对面楼顶有人撸串，浓烟滚滚的，我还以为着火了",
    "小区里两只猫打架，半夜叫得跟小孩哭一样，吓人",
    "楼道里两只流浪狗在打架，咬得嗷嗷叫，能不能来抓走",
]
# Calm words of this round beside a danger still fire.
NOT_HIDDEN: dict[str, list[str]] = {
    "fire": ["楼下烤串的炉子把棚子点着了，火苗窜上二楼了"],
    "violence": ["楼下几个人围着一个学生打，旁边野猫都吓跑了，还在踢"],
}

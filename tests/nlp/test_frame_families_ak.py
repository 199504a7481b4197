"""Urgency frames, twenty-ninth round (AK was scored after AL): families found missing on blind
set AK — boxes set alight by a cigarette end with the stairwell full of smoke (the exclusion 烟头
hid it), a call from inside a lift stopped between floors, a loose beam swinging over a road
people use, each told late in a long formal letter; and the calm ones (a video relayed in a
group chat, worry said as 冒火, a stairwell full of cigarette ends) — each written many ways,
none a sentence of the set."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "fire": [
        "楼梯口堆的旧报纸被人扔的烟头引着了，现在楼道里全是烟",
        "车棚里的纸板让烟头点着了，烟往楼上灌",
        "不知谁的烟头把垃圾桶点着了，火苗蹿得挺高",
    ],
    "lift_trapped": [
        "我妈刚从电梯里打电话来，说电梯停在十楼和十一楼中间不动了",
        "孩子在电梯里给我发语音，说电梯卡在半道了，灯也灭了",
    ],
    "collapse": [
        "楼顶招牌的一根铁架子脱开了，一晃一晃的，正下方就是上学的路",
        "阳台上的花架松脱了，来回晃，下面是单元门口，人进进出出",
    ],
}
CALM = [
    "群里有人转了个视频，说外地小区有人拿刀砍人，是不是真的",
    "家族群里转了一个视频，说外地一个楼着火了，问我们这边没事吧",
    "我急得冒火，补贴申请交了两个月了还没消息",
    "楼道里全是烟头，谁家抽烟往楼梯上扔，能不能管管",
    "单元门口地上全是烟蒂，保洁也不扫",
]
# Calm words of this round beside a danger still fire.
NOT_HIDDEN: dict[str, list[str]] = {
    "fire": ["楼下有人乱扔烟头，这会儿草坪烧起来了，火越来越大"],
    # a relayed video is hearsay for its own sentence only
    "violence": ["群里有人转了个视频。我们楼下现在也有人拿着刀追人"],
}

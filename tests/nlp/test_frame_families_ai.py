"""Urgency frames, twenty-seventh round: families found missing on blind sets AI and AJ — a
branch split by last night's storm still swaying over people, a dog still tearing at someone it
bit, a child carried into a strange car, someone gone down a septic tank and not come up, a
boiler over pressure, someone pinned by a collapsed shed; and the calm ones (a fire drill's
smoke, an old woman who fell, was helped up and went home) — each written many ways, none a
sentence of the sets."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "collapse": [
        "前天夜里大风把广告牌吹脱了一角，现在挂在那摇摇晃晃，底下就是公交站，好多人在等车",
        "昨晚打雷劈断的树杈还挂在电线上晃来晃去，下面是学生放学走的路",
    ],
    "animal": [
        "一条大狼狗把放学的孩子扑倒了，现在还在撕咬，拿棍子都赶不走",
        "楼下有只狗咬了一个老太太，人倒在地上，狗还在咬她裤腿",
        "那条黑狗咬伤了送奶的，我们拿扫把轰不走，它还围着转",
    ],
    "violence": [
        "一个陌生男的把在门口玩的小女孩抱上车开走了",
        "两个人把路边的小孩拽进面包车里了，车往北边开了",
    ],
    "medical": [
        "污水井盖掀开了，下去修管子的师傅半天没上来，喊也不应",
        "沼气池里清渣的那个人下去好一会儿了没动静，他儿子还想下去找",
    ],
    "fire": [
        "家里烧的锅炉一直咕嘟响，压力表打到头了，我不敢过去关",
        "土暖气锅炉管子直抖，声音越来越大，感觉要炸了",
    ],
    "trapped": [
        "院里的旧棚子塌了，砸住了里面收拾东西的老头，喊着疼",
        "猪圈的墙倒了，把喂猪的大娘压住了，只露着头",
    ],
}
ASK: list[str] = []
CALM = [
    "物业组织消防演练，放了烟雾饼，楼下冒了好多白烟，也不提前通知",
    "下午小区要搞消防演练，会放烟雾，大家看见冒烟别害怕",
    "老人在门口摔了一跤，我们扶起来了，她说没事自己回家了，门口的砖该修了",
    "孩子下楼扔垃圾，没一会儿就回来了，说楼道灯又坏了",
    "昨天刮大风树枝断了一根，今天环卫已经清走了",
    "院墙倒了一截，没砸着人，砖头堆在路边一直没人清",
]
# Calm words of this round beside a danger still fire.
NOT_HIDDEN: dict[str, list[str]] = {
    "fire": ["消防演练刚结束。三楼真的着火了，火越来越大"],
    "missing": ["孩子中午出去玩，到现在还没回家，电话也打不通"],
}

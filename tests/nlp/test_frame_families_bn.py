"""Urgency frames, forty-fourth round: blind sets BN (passers-by and visitors who describe
places by landmarks) and BO (long messages that mix several matters).

BN missed one urgent complaint on its first pass: a milkman who sees an old woman lying still
behind a window, yesterday's milk untaken at her door (门口昨天的奶都没拿): 昨天 dated the
danger. A past marker followed by 的 names a thing (yesterday's milk), not the time of the
danger, unless 的 is followed by 事 or 时. Its false alarm: a lift too stuffy to breathe in
(闷得喘不过气); its questions: an old man helped up who said he was fine, an e-bike pushed
into a lift, a stranger filming windows, a charging cable let down over a walkway. Each is
written many ways, none a sentence of the sets."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "medical": [
        "给独居大爷送报纸，门口昨天的报纸还在，从窗户看见他躺在地上一动不动",
    ],
    "fallen": ["隔壁老太太门口前天的菜都没拿进去，隔着窗户看她倒在厨房里，叫也不答应"],
}
CALM = [
    # an old man helped up who said he was fine
    "上午在楼门口看见一个大爷摔倒了，我扶起来他说没事自己走了，台阶那块缺角能修修吗",
    "刚才有个阿姨在小区路上滑了一跤，路人扶起来了，她说没事，路面结冰能不能撒点盐",
    # stuffy, hot, not breathless
    "电梯里的通风扇坏了，夏天在里面闷得喘不过气，赶紧修一下",
    "地下车库一点风都没有，热得喘不过气，能不能装几个排风扇",
    # past markers that name a thing, and one that dates the danger
    "昨天的事，老人在楼道里摔倒了，现在已经没事了，楼道灯能不能换亮一点",
]

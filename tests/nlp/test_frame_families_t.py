"""Urgency frames, nineteenth round: families found missing on blind set T — someone alone in a
frozen home who can no longer get out of bed; and the calm ones (a fire alarm that goes off by
itself, a stench said as choking) — each written many ways, none a sentence of the set."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "fallen": [
        "我一个人在家，停暖好几天了，手脚冻僵了，下不了床",
        "独居的大爷家里没暖气，人缩在被窝里下不来床了",
    ],
}
# The switches of sets M–T name the calm thing itself, so a danger beside the same words still
# fires: slang openers, a child's game, a generator, a fire alarm, a pension being fetched.
NOT_HIDDEN: dict[str, list[str]] = {
    "fire": [
        "家人们！楼下着火了，火好大",
        "孩子在玩游戏，突然厨房着火了",
        "发电机着火了，一直冒黑烟",
        "火灾报警器响了，楼道里已经着火了",
        "扑了半天也扑不灭，火越来越大",
    ],
    "missing": [
        "我妈出门去领养老金，到现在还没回来，手机打不通",
    ],
}
CALM = [
    "楼里的火灾报警器老是误响，半夜呜呜叫，也没着火，麻烦修一下",
    "火警报警器一周响了好几次，查了都没事",
    "垃圾站那边臭得很，熏得人喘不上气，能不能早点清运",
    "污水井一到夏天就臭得人喘不过气",
]

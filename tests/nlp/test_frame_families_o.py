"""Urgency frames, fourteenth round: families found missing on blind set O — a burning the fire
frame sets aside (烧纸, 烧秸秆) that spreads to what it should not (the `fire_spread` frame), a
crush with people down and trodden on (in Cantonese too), scaffolding swaying and dropping
things, a ceiling sagging over someone asleep; and the calm ones (fire insurance, a first
impression corrected) — each written many ways, none a sentence of the set."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "fire_spread": [
        "邻居在楼道里烧纸，火苗已经窜到门口的鞋柜上了",
        "村里有人烧麦秸，火烧到了旁边的柴堆",
        "他们在空地上烧垃圾，火把停着的电动车点着了",
        "烧秸秆的火引到了隔壁家的草垛",
    ],
    "medical": [
        "门口抢鸡蛋的人太多，有老人摔倒了被人踩",
        "商场门口挤成一团，有个小孩倒在地上被人踩了",
        "超市門口好多人迫到郁都郁唔到，有個阿婆跌咗落地俾人踩",
    ],
    "collapse": [
        "工地的脚手架被风吹得直晃，刚才掉下来一根钢管砸在路边",
        "外墙的架子摇得厉害，上面的木板掉下来砸到了停着的车",
    ],
}
ASK = [
    "卧室天花板泡了水鼓起来往下坠，孩子就睡在底下",
    "客厅吊顶鼓了个包往下沉，老人正坐在底下",
]
CALM = [
    "火灾险在哪买合适，社区有推荐吗",
    "想给老房子买个火灾险，怎么买划算",
    "一开始以为楼上在打架，上去问了是在搬家具",
    "我还以为着火了，原来是邻居在熏腊肉",
    "楼道里烧纸的味道太大了，能不能管一管",
    "去年有人烧秸秆把房子点着了，今年社区还搞防火宣传吗",
]

"""Urgency frames, thirty-third round: blind set AR's first pass missed one urgent complaint
(a road sinking under a parked car, people walking at its edge) and blind set AS met the
targets; their misses, false alarms and questions, each written many ways, none a sentence of
the sets: ground giving way under a car, shouting likened to a fight, a leaking pipe under a
road, a lift that traps people every month, a gas cut-off device asked for, a pond without a
railing, spraying without a cordon."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "collapse": [
        "楼旁边的路面往下陷了一块，越陷越大，停着的车一个轮子都悬空了",
        "小区门口地面塌下去一个坑，一辆车的前轮悬在坑上",
        "马路突然沉下去一块，电动车后轮悬空，人还骑在上面",
    ],
}
ASK: list[str] = [
    "楼前的路面一直往下陷，越陷越大",
    "人行道塌陷了一块，还有人在边上走",
    "停车场地面陷下去了，小孩在旁边跑",
]
CALM = [
    # ground sinking slowly, filled, or a pothole that fills with rain
    "上个月路面塌陷过一回，现在已经填平了，就是不太平整",
    "小区主路有点下沉，车开过去颠得很，能不能重新铺一下",
    "人行道地砖陷下去一块，一下雨就积水，越陷越深",
    # shouting likened to a fight
    "楼下烧烤摊天天开到凌晨，喝酒的吼得跟打架一样",
    "隔壁两口子每晚吵得像打架似的，孩子都睡不着",
    "广场上打牌的嗓门大得跟打架一样，从下午吵到晚上",
    # a pipe leaking under a road for days
    "主路底下不知道哪根管子漏了，路面一直湿着一大片，冒水泡，好几天了",
    "门口路面老是渗水，地下的水管估计破了，一个星期了没人修",
    # a lift that traps people every so often (the trapping itself told as past)
    "昨天我被关电梯里二十分钟，人没事。这电梯一个月困人两回了，让物业彻底修修",
    "这破电梯半年困人好几回了，物业就是不换",
    # a gas cut-off device or an alarm asked for
    "我妈一个人住记性差，常忘关燃气灶，社区能不能帮忙安装燃气自动切断装置",
    "老人总忘关煤气，有没有燃气自动切断的阀门可以申请",
    "社区能否帮独居老人安装燃气自动切断装置或报警器",
    # prevention asked for: a pond without a railing, spraying without a cordon
    "游乐区紧挨着景观水池，水池没有护栏，目前没出过事，但担心孩子落水，请加装护栏",
    "小区水池挺深的也没围栏，怕孩子掉下去，建议装个警示牌",
    "园林工人喷药也不拉警戒线，小孩在旁边玩，味道冲得直咳嗽",
    "绿化带打药不提前通知，药味很大，老人孩子都在楼下",
]
NOT_HIDDEN: dict[str, list[str]] = {
    "violence": ["楼上平时吵得跟打架一样。现在男的拿刀追着女的砍"],
    "lift_trapped": ["这电梯一个月坏两回。现在又有人被困在电梯里了，按铃没人应"],
    "gas": ["说是要安装燃气自动切断装置，还没装。现在厨房一股很冲的煤气味"],
}

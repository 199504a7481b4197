"""Urgency frames, forty-fifth round: blind sets BP (weather and seasons) and BQ (residents who
put everything as a question).

BP caught every urgent complaint on its first pass. Its false alarm: a charging post whose plug
gives a shock whenever it rains (下雨天插头就漏电…去年报过); 下雨天 is now a chronic marker like
下雨的时候. Its questions: water pumped out of a garage for three days (抽了 read as a fit),
a snow-broken line behind a power cut, a village burning wood before its gas is connected.

BQ missed two: a neighbour's foot caught in a lift door as the car moved off, switched off by the
lift's exclusion (the model now asks over a switch read from a marker when it is sure; a body
caught by a lift's door is now a lift entrapment of its own), and
smoke from a yard next door with old people and children near (在冒大烟): 冒大烟 and 冒滚滚浓烟
are now smoke, and smoke that has gone on for days (烟囱冒烟好几天了) is a chimney, not a fire.
Each is written many ways, none a sentence of the sets."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    # a body caught by a lift's door (after the model's question on BQ's miss, a frame of its own)
    "lift_trapped": [
        "电梯门夹住我妈的脚了，电梯还在往上走",
        "孩子的手被电梯门夹住了拔不出来",
        "电梯没关门就往上走，人卡在门那里了",
        "电梯门卡住老人的胳膊，按开门键也没用",
    ],
    "fire": [
        "隔壁院子在冒大烟，一股烧塑料的味道，家里好像没人",
        "对面仓库顶上冒滚滚浓烟，底下还有人在搬东西",
        "楼后面的棚子突然冒大烟了，旁边就是幼儿园",
        "村口草垛冒大烟，风一吹往房子那边去了",
    ],
}
ASK: list[str] = []
CALM = [
    # a lift's door that once caught someone, or could
    "上次电梯门夹过孩子的手，物业也不修",
    "电梯门关得太快，容易夹到老人，请维保调慢一点",
    "电梯门经常夹住人，请维保调一下",
    # a rainy day as the condition of a recurring trouble
    "下雨天充电桩就漏电，上个月报过一次，到现在也没人来修",
    "下雨天楼道灯的开关就漏电，请物业换个防水的",
    "一到下雨天地下室插座就跳闸，麻烦电工来看看线路",
    # 抽了 as pumping or smoking, not a fit
    "地下车库的水抽了两天了还没抽完，车都泡坏了，物业多找几台泵",
    "楼道里有人抽了好几根烟，烟头扔了一地，请物业贴个禁烟标志",
    "小区门口那个积水坑水抽了一上午，下午又满了，排水管是不是堵了",
    # smoke that has gone on for days: a chimney, a stove, a workshop
    "邻居家烟囱冒烟好几天了，呛得我们晚上不敢开窗",
    "后面那家小作坊冒黑烟一个星期了，衣服都不敢晒，请环保管管",
    "村里有户人家烧煤炉子冒大烟好几天了，能不能劝他们改用电",
]

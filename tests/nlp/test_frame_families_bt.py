"""Urgency frames, forty-seventh round: blind sets BT (foreign residents pasting what a
translation app made of their words) and BU (outdoor public spaces).

BT's rules alone caught half its urgent complaints: the app turned key words into others (gas
into 汽油, a fall into 秋天, a shock into 震惊), and the model asked about 42 of them. The one
missed: a unit door giving electric shocks in the rain, the English left in brackets
(门在给人震惊（electric shock）). English phrases of danger are now folded to the rules' words,
like written Cantonese: phrases only, never a word that also names an ordinary thing (smoke,
fire).

BU caught every urgent complaint but asked about 7 of its 120 ordinary ones (5.8 %, over the
limit), five of them the model's (a split slide, e-bikes on a riverside path, straw stacked by
a pole, electric fishing, a fence blown down last month) and none after retraining with the set.
The rules' two questions and two false alarms were words inside others: 带电 in 带电瓶 (a battery
carried), 着火 in 带着火 (sky lanterns landing still alight, told as a worry: 迟早要出事), a
manhole cover with a corner chipped off (缺了个角) read as a cover gone, animals fighting and
howling (打架嚎叫) read as a fight. Each is written many ways, none a sentence of the sets."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "live_wire": [
        "我们楼的铁门今天下雨有电（electric shock），我的手刚才被打了一下",
        "楼下的路灯杆子漏电, my friend got an electric shock just now",
    ],
    "fire": ["3号楼厨房 on fire！！很多烟，请快来", "the car in the parking caught fire, 地下车库"],
    "gas": ["我家厨房有 gas leak 的味道，我很害怕，现在请来"],
    "lift_trapped": ["我的朋友 stuck in the elevator 在5号楼，电梯不动了"],
}
CALM = [
    # words inside others
    "广场晚上老停电，跳舞的阿姨们都自己带电瓶来放音响",
    "公园里没有充电的地方，钓鱼的都带电瓶灯，能不能装几个插座",
    "过年过节总有人放孔明灯，落下来还带着火，迟早要出事，能不能管一管",
    "小区门口的井盖缺了个角，晚上走路差点崴脚，请换一个",
    "人行道上的井盖缺了一小块边，自行车差点卡进去，麻烦修一下",
    "楼下流浪猫晚上打架嚎叫，吵得睡不着，能不能抓走",
    "几只野狗天天夜里在垃圾站打架乱叫，孩子都吓醒了",
    # English words that name ordinary things stay as they were
    "请问社区什么时候有 fire drill？我想参加",
    "楼道里有人抽烟，please put a no smoking sign",
    "上个月我的 neighbor 说他 caught fire 的电动车已经修好了，不需要了",
]

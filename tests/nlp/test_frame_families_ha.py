"""Urgency frames, eighty-seventh round: blind sets HA (residents whose smart-home devices alert
them), HB (plumbers, electricians and handymen on house calls), HC (night-shift workers coming
and going in the dark) and HD (photographers and birdwatchers with long lenses).

The misses of the round, both HB's: a girl out all night whose phone is off (昨晚没回家，电话关机:
电话关机 is today's news after the past), and a gas valve that will not close with a choking smell
(燃气阀关不严，屋里味大得呛人). The false alarms and questions: fall alarms gone off by mistake or
just fitted (误报; 装了跌倒报警器), an alarm that sounded once and fell silent (响过一回…再也不响),
gas let off for a meter change (换表放散，已经弄完了), smells found not to be the pipes (不是管道漏;
测了说不是), a leaking heater replaced (已经拆了换新的…现在好了), a burnt smell whenever the hob is
on (一开电磁炉就), a smoke alarm without batteries (真冒烟了根本不会响), a damp switch, rubbish
dumped (垃圾直接倒在), firecrackers (是有人在放二踢脚), a charging lead hung from a window, which
number to call first (是先打…还是119), a wristband with a phone (带电话), a burned-out flat not yet
cleared (着火那户), planned hillside burning (按计划烧荒), fires far off through a lens (离我们很
远). The rules now also read: a sensor's alert on the phone, petrol by a lit cigarette or thrown
at a door, a door broken open or a figure climbing in, a lift stopped halfway or dropped, a child's
watch gone silent, a roller shutter holding a child, drain cleaner drunk, someone gone under the
water, a roof fallen on someone, rain in a meter box that sparks, a line sagging to the
ground, boiling water sprayed near a child. First forms too wide, caught by earlier sets: fall
alarms by their names (real alarms of people down, AV and EG), 一开就 (a gas smell at the opened
door, BK and CP), 烟囱 (a chimney's backdraft over children, DH and E), paint thrown at a door
(CK), petrol lifting the fire frame's exclusions (petrol and a lighter in a threatening hand are
the violence frame's: Y, AY, CQ, GB, GU), a parapet sat on as a medical frame (Y)."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "gas": [
        "家里燃气报警器的APP一直在推送，浓度超标，我妈一个人在家",
        "老人做饭火灭了阀门没关，屋里一股味",
        "物业来修燃气阀，阀门关不严，屋里味大得呛人",
    ],
    "fire": ["车库地上一滩汽油，旁边有人在抽烟"],
    "violence": [
        "智能锁提示门被暴力破坏，家里只有老人",
        "一楼窗户被人撬开了，一个黑影正往里爬",
        "有人扒在独居老太太家的窗户外，一直在拽防盗窗",
        "楼下两个男的拿撬棍在撬门",
        "有个男的拎着汽油桶往对门泼",
    ],
    "lift_trapped": [
        "孩子说电梯停在半路不动了，就他一个人",
        "电梯从十楼一下子坠到三楼，里面有人在喊",
    ],
    "missing": [
        "孩子出了校门一直往河边走，手表现在信号没了，电话关机",
        "女儿昨晚没回家，电话关机，同学都说没见着",
    ],
    "trapped": ["孩子被车库卷帘门卡住了出不来"],
    "medical": [
        "小孩把管道疏通剂喝了一口，嘴里起泡",
        "有人下河游泳，游到一半人就不见了",
        "一个老人掉进了排水渠里，腿摔伤了爬不上来",
        "热水器泄压阀往外喷开水，孩子就在门口",
    ],
    "collapse": ["雪把车棚压塌了，一个大爷被压住了"],
    "live_wire": [
        "雨水流进电表箱里，箱子里噼啪打火，楼里还有人上下",
        "电线杆歪了，电线垂到人行道上，马上放学了",
    ],
}
CALM = [
    "我妈的跌倒手表昨晚误报了一次，其实是摘下来掉地上了",
    "给我爸装了跌倒报警器，网格员那边能收到推送吗",
    "燃气报警器响过一回，后来就再也不响了，是不是坏了",
    "上午燃气味挺大，燃气公司说是换表放散，已经弄完了",
    "楼道里有股燃气味，燃气公司查了不是管道漏，是饭店排风口的",
    "热水器漏电，已经拆了换新的，现在好了",
    "老房子一开电磁炉就有焦味，线路改造有补贴吗",
    "烟感里电池都没装，真冒烟了根本不会响",
    "楼道声控开关进水锈了，灯一半不亮",
    "有人把装修垃圾直接倒在绿化带里",
    "楼下一声响还有火光，下去一看是有人在放二踢脚",
    "一楼那家从窗户拉线给电瓶车充电，我心里总发毛",
    "闻到煤气味是先打燃气公司电话还是119",
    "给认知症老人发个带电话的手环吧",
    "上个月着火那户到现在也没清，楼道里一股焦味",
    "远处山上冒烟，查了是按计划烧荒",
    "远处高速上一辆货车着火了，离我们很远，大家别慌",
]

"""Urgency frames, ninety-first round: blind sets HQ (retired engineers and technicians who
give readings and units), HR (young residents writing in internet slang and emoji), HS (owners
and staff of the shops on the ground floor) and HT (bookish retirees writing in a literary,
semi-classical style).

The misses of the round: a boiler over its rated pressure whose safety valve does not lift; a
gas smell growing though the valve was shut (已经关了还是有: the shut valve read as the end of
it); an oil-pan fire spreading with a brother gaming in the next room who does not answer
(打游戏喊不应 read as a game's shouts). The false alarms and questions: a smell like gas that a
meter showed was the drains (甲烷是零…下水道返上来的), a stove's thermocouple (点着火一松手就灭),
busy "with smoking feet" (脚底冒烟), a man who threatened to kill and was dragged off by his
family (被他家里人拽走了), customers who ask what to do about a gas smell (常有老顾客来问), a flood
foretold (肯定又要进水), an old fright told by an idiom (一朝被蛇咬，十年怕井绳), a worry "what
would become of it" (如何是好), a fall last month and a fall sensor to install, a gas alarm that is
itself broken, a smoke alarm sounding for nothing, finding someone to seal a leak (寻人封堵). The
rules now also read: a detector's reading (%LEL, ppm) still rising; a count of people shut in a
lift, someone fallen into the shaft, a lift stuck and airless with the writer and a baby in it;
resuscitation going on, heart pills that do not help, no answer and shallow breathing, silence
from the shower, a small child on a window sill or a roof's edge, people fallen with a vehicle
into water or a ditch, a child fallen into a manhole crying below, a scald from a burst steam
main; someone living alone seen lying on the floor; dementia and not found since, hours gone on
a short errand, vanished without trace (不见踪影, 遍寻不见), written sons and daughters (小儿); a
lock picked or drilled now, a flat searched, a gang beating one, a car smashed with people in
it; a dog that has knocked someone down and is biting; roots lifting under a leaning tree over
children, a broken branch hanging, a canopy bending, a steel roof torn loose, a heavy door off
its hinges, an outdoor unit hanging in mid-air, a column's bars cut and the slab creaking, a
road sinking piece by piece or under a car, a bridge deck fallen in; water over a shop floor with
machines powered, water out of a lit lamp; a cut cable in standing water, a broken line on
metal that lights a tester, a switch room sparking or steaming; flames out of a window, a fire
driven by the wind. First forms too wide, caught by earlier sets: 还是有 as the danger going on
(a moved e-bike, and still people charging in the stairwell: FD), a hinge broken and hanging
(a window's sash, GI), 跌倒报警器 as a device to install (an alarm that went off, EG)."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "fire": [
        "锅炉房那台锅炉压力一直往上走，安全阀卡死了不泄压，旁边就是宿舍",
        "对门厨房窗户往外喷火，整个楼道都是烟",
        "枯草被点着了，火借风势往车棚那边烧",
        "我家油锅着了，我弟在屋里打游戏喊不应",
    ],
    "gas": [
        "报警器上显示25%LEL，数字还在往上跳",
        "一氧化碳报警仪在他家门口显示300ppm，敲门没人开",
        "厨房煤气味，阀门已经关了，还是有，越来越冲",
    ],
    "lift_trapped": [
        "三号楼电梯困了三个人，按铃没人应",
        "电梯门开了没轿厢，我家孩子踩空掉进井道了",
        "电梯一进去就停住了，里面闷得喘不上气",
    ],
    "medical": [
        "有个老人倒在小区门口，我在给他做心肺复苏，脉搏摸不到",
        "我爸胸口疼，吃了速效救心丸也不管用，一身汗",
        "楼下躺着个人，头上有血，喊他也没反应",
        "我妈进去洗澡一个多小时了，没动静，门反锁着",
        "五楼窗台上趴着个小孩，家里没大人",
        "护栏断了，一个骑电动车的连人带车翻下去了",
        "井盖没了，有个孩子掉了进去，在下面喊",
        "热力井爆了，喷出来的热水，一个路过的阿姨被烫伤了",
    ],
    "fallen": ["对面独居的刘奶奶好几天没开门，从窗户看她躺在厨房地上"],
    "missing": [
        "我婆婆有阿尔茨海默，一早出门买菜，找遍了附近到现在也没找到",
        "我爷爷说下楼扔个垃圾，两个小时了还没上来",
        "小女在广场放风筝，一转眼不见踪影",
        "孙子在小区走丢了，希望大家帮忙找回",
    ],
    "violence": [
        "有人在撬隔壁的防盗门锁，隔壁没人在家",
        "两个陌生人正在五楼那户翻箱倒柜，主人出差了",
        "一帮人围殴一个小伙子，人已经倒在地上了",
        "有人拿砖头砸一辆车，车里还坐着个孩子",
    ],
    "animal": ["一条大黑狗扑倒了一个老人在咬，谁也拉不开"],
    "collapse": [
        "门口那棵大槐树根部都翘起来了，正歪向放学的孩子",
        "大树枝断了挂在半空，底下就是公交站",
        "树倒在店门口的雨棚上，雨棚正在往下弯",
        "楼顶的彩钢瓦被风掀起来，翻卷着，随时要飞下去",
        "单元门上的合页断了，整扇铁门斜挂着",
        "空调外机支架断了，外机吊在半空晃",
        "一楼装修把柱子钢筋割断了，楼板咯吱响",
        "路面一块块往下陷，旁边车还在过",
        "村口的小桥桥面塌了，有人掉下去了",
    ],
    "water_electric": [
        "店里水管爆了，水漫了一地，冰柜还通着电",
        "楼上漏下来的水从灯座里往下滴，灯还亮着",
    ],
    "live_wire": [
        "一根断了的电线泡在积水里，刚才一只猫走过去就不动了",
        "电线断了搭在铁栏杆上，验电笔一碰就亮",
        "配电房里噼里啪啦放电，冒着火花",
    ],
}
CALM = [
    "像是煤气味，用仪器测了甲烷为零，是下水道返上来的",
    "灶台热电偶坏了，一松手就灭，想换一个",
    "这两天忙得脚底板冒烟，顺便说下路灯坏了",
    "刚才有个醉汉嚷嚷要砍人，已经被家人拉走了",
    "常有人问闻到煤气味该怎么办，社区能不能办个讲座",
    "这雨再下下去，一楼肯定又要进水，先把雨水口清一清",
    "一朝被蛇咬，十年怕井绳，上回电瓶车冒烟以后我看见楼道停车就怕",
    "万一水管爆了，水流进电箱可如何是好，先请物业换管",
    "建议给独居老人装跌倒感应器，上次有人摔了半天才发现",
    "燃气报警器自己坏了，一直响，燃气公司说没漏",
    "烟感器半夜无故鸣叫，查过并无烟火",
    "车库顶上常年滴水，请物业寻人封堵",
    "卧室窗户合页断了，窗扇斜挂着，我先用绳子绑住了",
    "电动车拖走了，可现在楼道里还是有人拉线充电",
    # the narrower forms of this round's patterns
    "社区在做心肺复苏培训，欢迎报名",
    "楼上一走动，楼板咯吱响，吵得睡不着",
    "树根把人行道地砖都拱起来了，孩子放学经常绊倒",
    "我妈在家翻箱倒柜找存折",
    "开锁师傅来钻锁芯，我把自己锁外面了",
    "电梯又不动了，我抱着孩子爬了十八楼",
    "热水器老是通着电，费电",
    "一氧化碳报警器测了一下，读数0ppm，正常",
]

"""Urgency frames, eighty-fourth round: blind sets GO (square dancers, morning exercisers and
the retired in the estates' squares), GP (doctors, nurses and pharmacists writing in a clinical
shorthand), GQ (what was heard rather than seen: bangs, hisses, cries, knocks) and GR (power
cuts and the hours after them).

All four caught every urgent complaint on their first pass. The false alarms and questions:
sparks of a dead meter's alarm (是表的电池没电了，换了就好了), a hiss asked about with no smell
(嘶嘶声正常吗？没闻到什么味), an alarm the old cannot hear (响了也听不见), first-aid training
offered (急救培训…讲心肺复苏), how calling an ambulance works (打120之前; 能直接帮叫120吗), a
septic tank due to be pumped (该抽了), a basement whose water has gone down (水已经退了), what a
burns nurse has seen over the years (见过太多), a friend's city (朋友在外地), a forwarded rumour
(转发说…真的假的), people locked out, not in (被关在外面), a trapping over and the staff praised
(想表扬一下), a parrot's screeching (鹦鹉…尖叫). The rules now also read what the model asked
about: someone fallen into a pond or a fountain, children on cracking ice, signs of a stroke, a
child being snatched, demolition upstairs bringing the ceiling down, an intruder through a
window, a door forced with someone at home, water rising where people live below, a barrier or
a shutter pressing down on someone, a child crying in a lift, weapons taken up in a quarrel, a
baby shut in a car, a child half out of a window, a post that tingles, a line on the ground and
live, children poking into a switch box, lips turning blue, an open shaft, a cradle stuck on the
facade. First forms too wide, caught by earlier sets: 化粪池 as an exclusion hid workers felled
in septic tanks, 正常吗 a gas smell asked about that was growing, children playing near an open
switch box read as a danger now (it is a hazard to report), an ambulance blocked by parked cars
in general (a parking complaint), 掉进去过 (once), a hammer in a threat or a simile, a stick
raised against a dog biting a child (拿棍子打它: the dog's frame, not violence), 真的假的 as a
rumour (a friend's farewell letter posted, 不知道真的假的, is asked about)."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "medical": [
        "小区喷泉池里有个小孩掉进去了，大人够不着",
        "河边刚有个老人掉下去了，在水里扑腾",
        "冰面上好几个孩子在滑，刚才咔嚓一声裂开了",
        "我爸吃着饭突然半边脸耷拉下来，说话也说不清",
        "对面楼有个孩子半个身子探出窗外，家里没人",
        "孩子喘得越来越厉害，嘴唇发紫了",
    ],
    "fallen": [
        "大爷骑车摔了，头磕在台阶上，到现在还没醒",
        "老王从梯子上摔下来，头上一直流血，人迷迷糊糊的",
        "花坛边躺着个人，推他不醒",
        "独居的刘奶奶家里，隔着门只听见哼哼",
    ],
    "violence": [
        "超市门口有人抢孩子，孩子妈在喊",
        "一个男的从阳台翻进邻居家里了",
        "有人正在撬对门的锁，对门老太太就在家",
        "两家吵着吵着抄起菜刀了",
        "楼上孩子一直惨叫，还有啪啪的抽打声",
        "几个人把一个小伙按在地上踢",
    ],
    "collapse": [
        "楼上在砸墙，我家天花板裂了往下掉块，他们还在砸",
        "地库的卷帘门还在往下压，底下卡着个人",
        "吊顶塌了一块，床上躺着我妈",
        "广告牌掀起来一半，底下就是公交站",
    ],
    "lift_trapped": [
        "孩子一个人坐电梯上楼，电梯突然停了",
        "电梯里有个老人在喊，按铃没人理",
        "电梯门被扒开了，里面是空的井道",
    ],
    "trapped": [
        "地下室的水还在涨，下面还住着人",
        "停车场一辆车里有个宝宝，车窗关着，太阳晒着",
        "擦玻璃的吊篮卡在半空，上面有人",
    ],
    "live_wire": [
        "小区门口的铁栏杆有电，摸了一下手都麻了",
        "电线掉在地上还有电，旁边就是人行道",
        "配电箱门开着，几个孩子拿树枝往里捅",
    ],
    "missing": [
        "我妈有点糊涂，出门买菜，不认得回家的路",
        "儿子九点就该到家，现在都十一点了，电话不接",
    ],
}
CALM = [
    "楼下燃气表一直滴滴响，燃气公司说是表的电池没电了，换了就好了",
    "热水器点火时有嘶嘶声正常吗？没闻到什么味",
    "燃气报警器响了老人也听不见，能不能换个会闪灯的",
    "村里能不能搞个急救培训，教大家心肺复苏",
    "想问一下，打120之前社区有没有人能先过来看看",
    "小区化粪池快满了，该抽了",
    "车库进水那次现在水已经退了，墙根还湿着",
    "我在急诊见过太多电动车着火烧伤的，楼道里别再充电了",
    "朋友在外地说他们那边停电以后电闸着火了，我们这边有预案吗",
    "群里有人转发说晚上会有人入室抢劫，这是真的假的？",
    "停电的时候单元门打不开，好多人被关在外面",
    "昨天在电梯里被困了几分钟，物业来得很快，想表扬一下",
    "楼上养的鹦鹉一大早就尖叫",
    "配电箱门一直关不上，小孩老在旁边玩，麻烦锁一下",
    "小区门口车停得乱，救护车都进不来",
    "喷泉池子以前有小孩掉进去过，建议加个围栏",
]

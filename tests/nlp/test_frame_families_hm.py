"""Urgency frames, ninetieth round: blind sets HM (older residents writing Jining and Shandong
dialect words), HN (community group-buy organisers between deliveries), HO (anglers, boat owners
and walkers along the lake and the canals) and HP (people who exaggerate everything).

The miss of the round, HN's: a pet snake loose in a stairwell full of children, "said to be
venomous" (听说 read as hearsay about the event; hearsay about what a thing is, 听说是有毒, is
not). The false alarms and questions: 也木着火 (Shandong 木 for 没), a fight told with 后来都走了,
a gas smell that went away (后来散了), 救命啊 before a full parcel locker, a burnt smell smelled
before (闻到过), what to do first when the gas alarm sounds (第一步该干啥), a chipped manhole cover
(缺了一个角), a smell that "could knock you out" (能把人熏晕), a ceiling "about to bring the sky
down" (天都要塌), parking fees called robbery (抢钱也没这么抢的), a flood gone down (水是退了),
wages owed said as "we can hardly live" (快活不下去了). Shandong speech is folded to Mandarin where
a text says 俺 or 木有 (木回来, 待里头, 长虫, 顶棚, 插销). The rules now also read: a lift stopped
with the lights out or dropped to the bottom with people inside, the writer inside it, a hand
caught in the doors; demolition cracking a ceiling, a ceiling sagging and creaking, a cellar
dug under a building, a wall bulging over someone asleep, concrete that hit someone, stones
rolling down, a roof flapping in mid-air, a bridge sinking with traffic on it, a road that
swallowed a rider; a snake come into a child's room, a loose dog chasing a child, a pack of dogs
told across a comma; a crowd beating one, a bar used, kicks at a head, a lighter at a door
curtain, bars pulled at, a torch inside a neighbour's flat, a child pulled into a car, a thief's
knife; a boat overturned, someone face down in the water, cramp in deep water; a car gone into
the river; a shock that threw someone off; water rising beside a crackling switch room. First
forms too wide, caught by earlier sets: 说没事 and 来看了说没事 as the end of a gas smell (a
husband's or a cook's "it's nothing": FD, FU, EA, BF), 好几回 as a habit (a landlord who argued
many times about a hissing cylinder, CX), 夜来 as the past (a branch split yesterday still
hanging today, DG; a smell since yesterday stronger today, I), 天塌了 (今天塌了, FP), any crack
after digging a cellar (BW), a ceiling cracked by demolition already stopped (GG), a pack of
dogs with a whole clause between (a dog that chases people now and then, the dev set), 卡住拔不出来
alone as a lift's (a leg caught in a manhole, CG, CQ)."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "missing": ["俺爹有点糊涂，早上出去遛弯，这会儿还木回来"],
    "lift_trapped": [
        "电梯卡在半道了，俺们俩待里头，门扒不开",
        "电梯走着走着咣当一声停了，灯也灭了，我和孩子在里面",
        "孩子的手伸进电梯门缝里，夹住拔不出来了",
    ],
    "collapse": [
        "楼上抡大锤砸墙，我家天花板裂开了",
        "一楼私自往下挖地下室，单元门口的台阶都陷下去了",
        "村里小桥桥面往下沉，拉货的车还在往上开",
    ],
    "animal": ["俺屋里爬进来一条长虫，盘在孩子床底下"],
    "violence": [
        "一群人围着一个小伙子打，他已经躺地上了",
        "有人拿着打火机要点我家门帘，说要同归于尽",
        "对门出去旅游了，刚看见有人从后窗翻进去，屋里有手电光",
    ],
    "medical": [
        "湖里翻了条小船，一个人抱着船底，另一个看不见了",
        "河面上有个人脸朝下漂着，一动不动",
    ],
    "trapped": ["一辆小车冲进去了，车顶还露着，里面有人在拍窗户"],
}
CALM = [
    "烟感老是半夜自己乱叫，也木着火，俺们睡不着",
    "昨天闻到过一阵煤气味，后来散了",
    "救命啊，快递柜又满了，能不能再加一组",
    "燃气报警器响了第一步该干啥？想请人来讲讲",
    "井盖缺了一个角，踩上去咯噔一下，麻烦换一个",
    "楼道里那个味能把人熏晕过去，谁家养了那么多猫",
    "卫生间天花板一直滴水，天都要塌下来了，楼上不开门",
    "停车费涨到五百，抢钱也没这么抢的",
    "地下室这回水是退了，电箱还在底下，下回谁管",
    "工地三个月没拿到一分钱，大家都快活不下去了",
]

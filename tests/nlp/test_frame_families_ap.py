"""Urgency frames, thirty-second round: blind sets AP and AQ met the targets on their first pass
(every urgent complaint caught, precision over 90 %); their false alarms and questions, each
written many ways, none a sentence of the sets: a dog barking at people read as someone swept
away by water, sparks from a socket since sealed off, a scam call's story of a grandson in a
fight, a fight foretold if a quarrel goes on, a debtor's phone unanswered, the smoke smell of a
fire put out days ago with the walls to repaint."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "medical": [
        "孩子掉进排水沟被冲着往前走，抓不住东西",
        "有个老人被大水冲走了，就在桥底下",
        "一个学生被水流冲下去了，快来人",
        "河里水流冲着一个小孩往下漂",
    ],
    "violence": [
        "楼下两个人正在打架，一个拿着砖头",
    ],
}
ASK: list[str] = [
    "我家门口有人打架，头都打破了",
    "楼道里一股烟味，不知道哪家的",
    "充电桩那个口插上去冒火星子",
    "三楼门口熏得黑乎乎的，也不知道怎么回事",
]
CALM = [
    # an animal barking at people, not water carrying someone off
    "那户的狗拴在单元门口，进出的人都被它冲着叫",
    "小孩被楼下那条大狗冲着吼了几声，吓得不敢下楼",
    "大鹅见人就追，路过的老人被它冲着叫唤",
    # sparks since sealed off (a socket or charging port taken out of service)
    "车棚那两个充电口插上去冒火星，后来物业贴了封条停用了，现在排队充不上",
    "楼道插座冒过火花，物业已经停用了，什么时候换个新的",
    "那个充电口之前冒火星子，已经贴封条了，剩下的口不够用",
    # a scam call's story of a relative in trouble
    "有人打电话说我外孙在外头打架被抓了，让我打三万块钱过去，外孙其实在家",
    "骗子来电话说孙子跟人打架进了派出所，要交保释金",
    "总有人打电话来，说俺儿子在外地打架被抓了，叫俺转一万块钱过去",
    # a fight foretold if the quarrel goes on
    "为了楼道放鞋柜跟对门吵了好几次，我儿子说再吵就要打起来了",
    "两家为车位吵了一个月，再闹下去迟早动手，请社区来调解",
    "邻居天天吵架，再这么吵下去要打起来，管管吧",
    # a debtor's phone unanswered (the worker who is owed is not missing)
    "俺儿子在工地干了半年，包工头欠着工钱不给，打电话不接，孩子腿还有残疾",
    "我爸七十了在厂里看大门，老板拖欠三个月工资，电话打不通",
    # the smoke smell of a fire put out days ago, the walls to repaint
    "前天厨房着过一回火，消防来扑灭了，现在楼道墙上还熏得黑乎乎的，一股烟味，谁来给刷刷",
    "上周楼下着火已经灭了，墙还是黑的，有股烟味，物业啥时候来粉刷",
]
NOT_HIDDEN: dict[str, list[str]] = {
    "medical": ["那条狗冲着人叫，把孩子吓得掉进河里被水冲走了"],
    "fire": ["插座早就贴封条停用了，可是今天配电箱着了，冒出好大的烟"],
    "violence": ["楼下有人拿刀砍人，人到现在还没被抓走"],
    "missing": ["包工头的事另说。我家老人早上出门到现在没回来，手机也关机了"],
}

"""Urgency frames, thirty-sixth round: blind set AY met the targets on its first pass and AX
missed one urgent complaint (an air-conditioner unit hanging in mid-air over a path); their
false alarms and questions, each written many ways, none a sentence of the sets: 救命 as an
exclamation about a stench or a barking dog, a pesticide smell that makes one dizzy, a missing
old woman already found, children who keep leaning on sills, smoke that chokes an asthmatic
day after day, what a doctor said to do next time, a scam call about a grandson."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "collapse": [
        "空调外机的支架锈断了一边，外机就吊在半空晃，下面就是大家每天进出的路",
        "楼上的广告牌掉了一角，挂在半空摇，底下是人行道",
        "阳台上的花架断了，整个悬在空中晃，楼下就是小区大门",
    ],
}
ASK: list[str] = []
CALM = [
    # 救命 as an exclamation about a nuisance
    "救命，村口那个垃圾池臭到我隔着两百米都能闻到，几天没人来拉了",
    "救命啊，楼上的狗从早叫到晚，我上夜班白天根本睡不了",
    "救命，隔壁装修吵得我睡不着，再这样我要原地爆炸了",
    # a pesticide smell that makes one dizzy
    "楼下绿化带打农药了，味道冲得我头晕，牌子也不挂一个",
    "小区在喷杀虫药，药水味道冲得人头晕，能不能换个时间",
    # someone missing, already found
    "那个走丢的老太太昨天半夜找着了，谢谢派出所和网格员",
    "前天走失的大爷已经找着了，建议给这样的老人发定位手环",
    # children who keep leaning on sills, a railing asked for
    "好几家窗户外头没装护栏，孩子老趴窗台，能不能统一给装一下",
    "楼上的小孩总爱爬到飘窗上玩，窗户也没有限位器，想请物业提醒",
    # smoke from burning leaves every day, an asthmatic
    "我家老头子有哮喘，楼下天天有人烧树叶子，烟呛得他喘不上气",
    # what a doctor said to do next time
    "老伴做了支架，医生说以后犯病要马上打120，想问社区能不能签家庭医生",
    "医生交代说再犯病就赶紧叫救护车，我们想问问附近有没有急救站",
    # a scam call about a grandson in trouble
    "老有人给俺打电话，说俺孙子在外头出事了要转钱，俺没转",
]
NOT_HIDDEN: dict[str, list[str]] = {
    "medical": ["药味冲得头晕是小事。现在我爸喝了农药，口吐白沫"],
    "missing": ["上回走丢的老太太找着了。今天她又不见了，到现在都没回来，她有老年痴呆"],
}

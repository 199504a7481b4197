"""Urgency frames, ninety-third round: blind sets HY (voice input sent unedited: run-on, no
punctuation, homophones), HZ (tenants of crowded group rentals), IA (people awake in the small
hours) and IB (Hubei and Hunan speech mixed into Mandarin).

HY and IA caught every urgent complaint on the first pass; HZ missed a poplar leaning further
each day onto the prefab rooms its tenants sleep in, IB a lift that moved with its door half
open and a rider's leg caught (血都流出来了 read as someone got out, 出来了) and a grandmother
(娭毑) not back from the hills overnight. The false alarms: in unpunctuated dictation a 现在 far
after a past danger kept it current (上回…水淹到插座…还好没出事现在那个管子又开始往外渗了);
a film's or a cartoon's fire (讲火灾的电影, 着火逃生的情节), an open-air film's explosions, a
fire-escape lesson, a factory's chimney at night, a smell from rubbish burnt last week, a
drunk's shout of fire, a second landlord's scare that the building will fall. The questions:
welding sparks, cats fighting, a gamer's screams on a voice call, a smoke alarm set off by
frying chillies, a boss gone with the wages and a phone not answered. A `current` word now
counts only close after the danger (6 characters), and Hubei and Hunan speech is folded where
a text says 娭毑, 嗲嗲, 堂客, 冇得, 恰饭, 一哈, 霸得蛮, 么子/么事 or ends a clause with 哒."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "lift_trapped": [
        "电梯门没关好就往下走，一个老人的脚夹在里面抽不出来",
        "电梯门夹住了他的胳膊抽不出来，还在往上升",
        "电梯门开着就往上走，他的腿夹在里面拔不出来，血都流出来了，还在喊",
    ],
    "collapse": [
        "楼后那棵老槐树一直朝我们住的平房上歪，现在又斜了一截",
        "院里的大树往宿舍那边倒，今天越来越斜",
    ],
    "missing": [
        "我屋娭毑早上出去买菜，到现在冇回来，她有点糊涂",
        "隔壁娭毑昨天下午上山捡柴，一晚上冇回来",
    ],
}
CALM = [
    "上回楼下着火我吓得不行那次消防车来了好几辆现在想起来还怕能不能多配几个灭火器",
    "上礼拜电梯困人那回我也在里面后来修好了现在那个按钮还是不灵",
    "陪孩子看动画片，里面有着火逃生的情节，想问问楼里有没有逃生图",
    "看了部讲火灾的电影，想问问我们楼的消防通道通不通",
    "广场晚上放电影，爆炸声开得太大，吵得睡不着",
    "孩子在学校学了火灾逃生，想问问楼道的灭火器放在哪",
    "村口小厂半夜偷偷开工，烟囱冒烟，味道呛人",
    "半夜有人在楼下喊着火了，结果是几个喝醉的在起哄",
    "二房东故意吓唬人说楼要塌了，想找人来鉴定一下",
    "我堂客炒辣椒，烟感就叫，冇得么事，能不能调一哈",
    "两点多楼下一阵惨叫，原来是猫在车顶上打架",
    "隔壁女孩半夜尖叫，后来才知道是打游戏连麦",
    "对面在焊防盗窗，焊到一点多，火星子往下掉",
    "老板跑了，电话也打不通，我堂客和伢在家等着钱恰饭",
]

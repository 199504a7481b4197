"""Urgency frames, fifty-eighth round: blind sets CP (upper floors of the tallest buildings), CQ
(drivers and riders around the estates), CR (moving in, renovating, clearing out) and CS
(messages written in a rush, the key fact often last).

All four caught every urgent complaint on their first pass. The false alarms: a stairwell meter
box that smoked and was mended since (那事供电所昨晚来修了), a locked rooftop door in words of
what a fire would meet (那着火的时候往上逃不就堵死了), and deposit takers gone (让交定金…现在人联系
不上了). Questions: a domestic fight of last month, quiet now (现在消停了) and a smoke alarm's
low-battery chirp (不是着火，就是没电了的提示音). Among the model's questions that rules now answer:
flames out of a window, a lead lying in water where children play, a child caught at a lift
door's edge, someone shut in a lift named with its building, a man kicking a child, someone
beaten with a bike lock, a rider and vehicle in a pond, a child crying from a sewer, a man passed
out in a running car, a family fainted in the shower with a gas heater, a heart attack with the
ambulance blocked, a struck gas pressure box hissing, a gate closing on a mother and child, bare
wires and a tingle, a worker fallen from scaffolding lying still, a mother-in-law gone out
saying she does not want to live, a girl someone tried to pull into a car."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "fire": ["对面楼有户人家阳台往外冒火，烟很大"],
    "live_wire": [
        "有人从三楼吊了根电线下来充电，那根线泡在积水里，孩子在旁边玩",
        "路灯杆底下线头露着，有个孩子刚才碰了一下被电了一下",
    ],
    "lift_trapped": [
        "我妈被关在颂运水庭5号楼电梯里了，一直出不来",
        "电梯坏了，我们一家三口在里面，已经二十分钟了",
    ],
    "violence": [
        "楼下一个男的在踹一个孩子，孩子缩在地上哭",
        "那个司机拿着锁一直在打他，旁边没人敢拉",
        "有个男的想拉那个小姑娘上车，被我们喊住了，人还在附近",
    ],
    "medical": [
        "一辆三轮车连人带车翻进河里了，人还在水里扑腾",
        "下水道里有孩子在哭，井盖不知道被谁挪开了",
        "地下车库有个人晕在车里了，车还发动着",
        "老人洗澡的时候晕了，用的是燃气热水器",
        "我爸心梗，120到小区门口进不来，路被车堵死了",
    ],
    "gas": [
        "燃气调压箱被车撞变形了，一直嘶嘶响",
        "厨房管子接头那里嘶嘶的，关了阀门还有味",
        "刚装的燃气，屋里味道越来越浓，孩子说头晕",
    ],
    "trapped": ["小区电动门突然关上，把一个骑车的大爷夹住了"],
    "fallen": ["工人从脚手架上摔下来了，倒在地上起不来"],
    "missing": ["我妈有抑郁症，今天跑出去了，说不想活了，电话也打不通"],
}
CALM = [
    # mended, a fire imagined, deposits, a quiet fight, a chirp
    "电表箱冒烟那事供电所昨天来修了，可我们家还是没电",
    "楼顶的门被人锁了，那着火的时候往上跑不就堵死了",
    "有人上门说免费检测燃气，让交定金，交完人就联系不上了",
    "对门两口子上个月打架，警察来过，现在消停了，社区能不能回访一下",
    "楼道的烟感一直滴滴响，不是着火，就是没电了的提示音",
]

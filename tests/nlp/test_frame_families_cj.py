"""Urgency frames, fifty-fifth round: blind sets CJ (people with disabilities and their
helpers) and CK (school staff and parents at the gate).

CJ missed one urgent complaint on its first pass: a blind father who touched a live wire in a
power cut and is still feeling about, told on a video call (跟我视频说): 视频说 was a distance
marker (a clip seen online), so the call was read as somewhere else. CK caught every one. Among
the model's questions that rules now answer: money demanded by someone blocking a door, a door
forced or a handle tried with the writer inside (在拧我家门把手), a beating with a bar or
stones, several on one, someone pushed out over a railing, hiding from a follower, growing
smoke, a dog chasing someone to bite or holding a leg, a wheelchair caught in a grate or a
closing gate, someone lying still or with blood over the face, a child gone in the time of a
phone call (接个电话的工夫就不见了).

The false alarms: a deaf resident's question about texting 12110 on meeting a fire (遇到着火),
a door smashed last Saturday told with a sleepless night (一宿没睡 was a sign of a night away),
a disabled man locked in for years (常年), power cuts without notice for an oxygen machine
(都没通知，以后能不能提前告诉), a rooftop classroom children would have to climb to (以后…都得
爬到楼顶), a fire hydrant chained after a school lesson (讲过着火了要用这个)."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "violence": [
        "一个醉汉在楼道里拦住我妈要钱，还推了她一把",
        "有人正在撬我家防盗门，我一个人在屋里",
        "外面有人一直在拧我家门把手，已经好几分钟了",
        "两个人用木棍打一个老头，老头头上全是血",
        "放学路上三个大孩子在揍一个小的，按在地上踢",
        "对面楼有人把老太太往窗户外推，老太太在喊",
        "我闺女被人跟了一路，现在躲在楼道里不敢出来",
    ],
    "fire": ["走廊里全是黑烟，烟越来越浓了"],
    "animal": [
        "一条黑狗正追着个小孩咬，孩子在哭",
        "那只狗咬住了老人的手，怎么拽都不松",
    ],
    "trapped": [
        "轮椅的轮子卡在铁轨缝里拔不出来，火车快来了",
        "电动门把一个轮椅夹住了，人还坐在上面",
    ],
    "fallen": [
        "有个老人从台阶上摔下来，满脸是血",
        "一个骑车的大哥倒在路边，趴着不动",
    ],
    "missing": ["我家孩子四岁，我买个菜的工夫就不见了，找了一圈都没有"],
    "live_wire": ["我妈刚跟我视频说她碰到电线被电了一下，手还麻，现在还在那摸开关"],
}
CALM = [
    # a question, a sleepless night, years, notice, a future class, a lesson
    "请问聋人遇到着火了不能打电话，发短信报警可以吗",
    "上周有人砸我们楼的单元门，吓得我一宿没睡，现在门还没修好",
    "那家常年把老人关在屋里不让出门，社区能去看看吗",
    "这个月停电好几次都没通知，家里有制氧机，以后能不能提前告诉我们",
    "听说楼顶要改成教室，以后孩子们都得爬到楼顶去上课，太不方便了",
    "学校讲过着火了要用消防栓，可小区的消防栓被锁上了",
]

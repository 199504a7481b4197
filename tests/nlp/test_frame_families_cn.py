"""Urgency frames, fifty-seventh round: blind sets CN (holidays and festivals) and CO (a
complaint inside a life story, or several requests in one message).

CN caught every urgent complaint on its first pass. CO missed one: a rod fallen from a tower
crane onto a bike shed, others still swinging overhead, where people walk every day (底下天天有人
走): 天天 was read as the danger's habit; a busy place now does not count as one. The false
alarms: a small flame after a gas meter change (火苗一直很小), children whose parents work
elsewhere and were not home for the New Year (过年也没回来), a gas alarm that beeped once and was
tested (响了一下又不响了…测过说没漏), a dog that licked sprayed grass (我家狗…宠物医院). Among the
model's questions that rules now answer: smoke rising up a stairwell with the door sealed by wet
towels, a home broken into with someone still in the bedroom, a man kicked on the ground by a
gang, things still thrown down, a foaming dog that bit a child."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "collapse": ["塔吊上的钢管刚才掉下来一根砸在路上了，底下每天有人走，还在吊"],
    "fire": [
        "楼下往上窜烟，走廊里已经看不清了",
        "我们用湿毛巾把门缝堵上了，外面全是烟",
    ],
    "violence": [
        "回家发现门被撬了，房间里好像还有人",
        "一伙人把一个小伙子打倒在地上，倒地上了还在被踢",
        "楼上有人往下扔酒瓶，差点砸到人，上面还有人在往下扔",
    ],
    "animal": ["一条狗嘴边全是白沫，刚咬了一个老太太的腿"],
}
ASK = ["楼下一条大狗把一个小孩扑倒了"]
CALM = [
    # a small flame, parents away, a beep once, a pet, a patched manhole
    "换了燃气表以后灶上的火苗一直很小，做饭要好久",
    "邻居家孩子的爸妈在外地打工，过年也没回来，孩子跟着老人过",
    "燃气报警器响了一下又不响了，燃气公司来测过说没漏，是不是该换了",
    "我家狗在刚打过药的草地上舔了几口就吐了，已经送宠物医院了，希望打药立个牌子",
    "门口的井盖塌过一次，现在就垫了块木板，还是修一下吧",
]

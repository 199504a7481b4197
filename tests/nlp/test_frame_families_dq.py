"""Urgency frames, sixty-fifth round: blind sets DQ (pinyin input picking the wrong character:
天然汽, 着活, 就护车, 消房, 1直), DR (students and young tenants around the campus), DS (sanitation
workers and the rubbish rooms) and DT (bus stops, the underpass and the station at the edge).

DR, DS and DT caught every urgent complaint on their first pass. DQ missed three, each through
a typo or a word order: a gas main crushed by a road roller (天然汽公司的管子…压坏了), an
ambulance blocked at the gate with the heart attack told after (就护车进不来…心梗), and a fire
with the fire engine outside unable to get in (楼上着火了消防车进不来 在外面1直按喇叭), where
消防车进不来 is a hypothetical marker for blocked lanes. Common homophones of pinyin input are
now folded by the normaliser (天然汽 → 天然气, 就护车 → 救护车, 消房 → 消防, 着活了 → 着火了 …), and
an engine or an ambulance said to be at the gate now is no hypothesis. The false alarms: a
scald at work and who pays (这算工伤吗), a transformer box door that never shut (没见漏电), a gas
explosion three years ago (年前, 出过). Questions: a fight on a bus and whom to call first (先打
110还是), an alarm beeping for days (响了三天), a wall blackened by an old fire (熏的漆黑), and the
model on caterpillars and a stove in a store room (calm phrasings added)."""

from __future__ import annotations

ASK = ["小区门口挖掘机把天然汽管子挖坏了，一大股味，旁边还有人在抽烟"]
CERTAIN: dict[str, list[str]] = {
    "medical": ["就护车被堵在小区门口进不来，我妈脑梗，医生抬着担架在等"],
    "fire": ["三楼着活了，消防车进不来 在外面一直按喇叭"],
}
CALM = [
    # typed questions, an old explosion, no leak, a long beeping, an old fire's marks
    "我在饭店打工被热油烫伤了，老板不给医药费，这算工伤吗",
    "两年前隔壁楼出过一次燃气爆炸，想问我们楼的管道什么时候更换",
    "配电箱的门一直关不上，好几个月了，没见漏电，就是不放心",
    "在地铁上看到有人打架，是先打110还是先找工作人员？想提前知道",
    "楼道的烟感1直响，响了三天了，其实没着活，应该是没电了",
    "上个月楼下着过火，现在楼道墙熏得漆黑，还有股焦味，谁来刷一下",
]

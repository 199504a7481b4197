"""Urgency frames, thirty-first round: blind set AN's first pass caught every urgent complaint
with no false alarm; the one ordinary complaint asked about (AJ had one like it) was soot left
by an earlier fire that someone is asked to paint over — written many ways, none a sentence of
the sets."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {}
ASK = [
    "楼道的墙突然熏黑了一片，也不知道哪来的",
    "三楼门口熏得黢黑，还有股焦味",
]
CALM = [
    "上个月着火以后楼道墙熏黑了一大片，物业到现在都不来刷",
    "前几天那场火把单元门熏得漆黑，问问什么时候给粉刷一下",
    "厨房那次着火，墙都熏黑了，想找人补漆，社区有推荐的吗",
]

# Blind set AO's first pass also caught every urgent complaint; its false alarms, each written
# many ways: a fire dared in scorn, nobody to turn to, traces of a fire named as over, wiring out
# of its conduit, a will before a lift ride.
CALM += [
    "插线板又从楼上吊下来充电了，是不是非得等烧起来才有人管",
    "楼道堆满纸箱，非要等出了事才清吗",
    "网格员从来不上门，我家老人有事找不到人",
    "社区电话老占线，老两口办事找不到人",
    "上回那次着火烧黑的墙还没刷，一股焦糊味，物业不管",
    "车棚的电线露在外头好几年了，插座也是坏的，什么时候换",
    "电梯年检过期了，是不是得先写好遗书再坐",
]
NOT_HIDDEN: dict[str, list[str]] = {
    "live_wire": ["电线皮破了裸露着，地上全是水，孩子在旁边玩"],
    "fire": ["上个月那次着火以后楼道一直没修。今天又冒烟了，越来越大"],
    "missing": ["我家老人早上出门到现在找不到人，手机也关机了"],
    "medical": ["楼上老头说不想活了，正拿绳子要上吊"],
}

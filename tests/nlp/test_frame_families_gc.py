"""Urgency frames, eighty-first round: blind sets GC (exam season), GD (grudges against a
neighbour, with a few real dangers among them), GE (outdoor work and passers-by in bad weather)
and GF (several matters in one message, lists, the urgent one often last).

All four first passes caught every urgent complaint. The false alarms: a child's threat to run
away said as a joke (说要离家出走…说是开玩笑); anger said, not acted (气得真想拿把刀下去砍人，当然
不会真去); drunk talk (喊什么要砍人，都是喝多了乱说的); a fire engine passing, asked about (是哪儿
着火了吗); what a fire left behind (着火以后，烟感好几个都不响了); a charging lead let down from a
window read as a hanging (从窗户上吊飞线下来充: 上吊); a lamp post made safe by the utility (供电局
的人来把电断了，现在是安全了). The questions: children who always climb to a roof tank (总爬), a
road sinking to be mended before it gives way (趁着还没塌), a detour read as someone missing for
hours (老人出门得绕道走，雨停了好几个小时), an arrest asked about (打人的抓了没有), and the model
on a load-bearing wall only planned and a scaffold's torn netting (calm phrasings added). A first
form of one fix was too wide and an earlier set caught it: 把电断了 as the end of a live wire
read "快来人把电断了吧", a request, as done; the resolution is someone having cut it
(人来把电断了)."""

from __future__ import annotations

CALM = [
    "孩子考完试说要离家出走去外地，说是开玩笑，真走了多久能报警",
    "楼下半夜划拳，气得我真想拿把刀下去砍人，当然不会真去，该找谁",
    "楼下酒馆每晚有人喊什么要砍人，都是喝多了乱说的，天天吵到半夜",
    "听见消防车一直响，是哪儿着火了吗？我们小区没事吧",
    "三楼那户着火以后，楼道的烟感好几个都不响了，能不能全换了",
    "车棚漏雨插座湿了，大家就从窗户上吊飞线下来充电瓶车",
    "漏电的路灯杆，供电局的人来把电断了，现在是安全了，就是一直不亮",
    "孩子们总爬到楼顶水箱上玩，门能不能锁上",
    "小区门口那段路往下沉，裂缝越来越多，趁着还没塌赶紧修吧",
    "前天晚上烧烤摊那场架，打人的抓了没有",
]
NOT_HIDDEN: dict[str, list[str]] = {
    "live_wire": ["配电箱的线泡在水里，刚才有孩子蹚水被电了一下，快来人把电断了吧"],
}

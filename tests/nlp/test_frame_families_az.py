"""Urgency frames, thirty-seventh round: blind set AZ, written in Cantonese, missed seven urgent
complaints on its first pass — most of them words the Cantonese fold did not know (𨋢 for a
lift, 行出嚟 and 涌出嚟 for smoke coming out, 浸 for a box standing in water, 吹落街 for a roof
about to be blown into the street, 甩晒出嚟 for wires hanging out); its false alarms and
questions: tomorrow's power cut (听日), leftovers poured on the grass, paper offerings burnt
(烧衣). Each written many ways, none a sentence of the set."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "lift_trapped": [
        "3座部𨋢困咗个孕妇，佢话开始肚痛",
        "部𨋢卡咗喺两层中间，入面有个阿伯",
    ],
    "fire": [
        "火警钟响咗好耐，三楼有烟行出嚟",
        "地库有烟一路涌出嚟，黑色嘅，有阵烧胶味",
        "后楼梯有烟涌出嚟，好大阵烧胶味",
    ],
    "collapse": [
        "天台间铁皮屋俾大风吹到屋顶翻起，就快吹落街",
    ],
    "water_electric": [
        "水由楼梯流落去地库配电房，电箱已经浸咗一半",
        "水喉爆咗，水浸到啲电箱，仲有嗡嗡声",
        "路灯柱俾车撞歪咗，电线甩晒出嚟浸喺水氹度，啲学生要行过",
    ],
}
ASK: list[str] = [
    "部𨋢开咗门但系入面冇𨋢，得个吉窿，我个仔差啲踏咗入去",
]
CALM = [
    # tomorrow's power cut, asked about ahead
    "听日停电，想问下几点到几点，屋企有部制氧机要用电，要预早准备",
    "听日成栋楼停水停电，屋企有老人，想知几时恢复",
    # a habit: food thrown on the grass every day
    "后巷有人成日将啲剩饭倒喺草地度，引晒啲老鼠嚟",
    # paper offerings burnt in the corridor
    "有户人家初一十五喺走廊烧衣拜神，成条走廊啲烟，墙都熏黑咗，想管理处劝下",
    # a question about the bot itself
    "你哋个机械人识唔识讲广东话㗎？我打普通话打到手都断",
]
NOT_HIDDEN: dict[str, list[str]] = {
    "fire": ["听日要停电。而家厨房着咗火，啲烟好大"],
}

# Blind set BA (structured messages: lists, form fields, several matters) missed three: the
# belongings left at a pond with the child gone, smoke from a meter box "resolved" by the lights
# going out (灯全灭了), and tap water that made several families sick, "resolved" by one child
# taken to hospital (left as it is: docs/notes.md). Its false alarms: a fight under a header that
# dates it (昨天夜里 / - …打起来了), a joke about a fire, a shopkeeper's boast.
CERTAIN["medical"] = [
    "儿子说去池塘钓鱼，我刚去看，岸边只有他的拖鞋和鱼竿，人不见了",
    "孩子去河边玩到现在没回，河边只剩他的书包",
]
CERTAIN["fire"] += [
    "一楼电表箱里啪啪响，现在往外冒黑烟，楼道灯全灭了",
]
CALM += [
    "昨天夜里十二点多\n- 楼下两个喝醉的人打起来了\n- 今天早上地上还有玻璃碴\n请加强巡逻",
    "上周六晚上：\n1. 两个人在烧烤摊打起来了\n2. 警察来了\n请加强巡逻",
    "消火栓箱玻璃碎了，水带不见了，楼里的人开玩笑说，着火了只能拿拖把扑",
    "小卖部门口堆纸箱堵了安全出口，老板说“着火了我第一个跑”，请消防来管",
]
NOT_HIDDEN["violence"] = ["今天：\n- 楼下两个人拿着刀打起来了\n- 一个已经倒在地上"]

# One of several taken to hospital does not end the danger to the others (`partial`).
CERTAIN["medical"] += [
    "自来水有股农药味，好几家喝了以后上吐下泻，有个小孩已经送医院了，别家还在用这水做饭",
    "楼道里好几个人晕倒了，其中一个已经送医院了，还有两个躺在地上",
]
CALM += [
    "邻居家老人喝错了药吐了一地，已经送医院了，人没事",
]

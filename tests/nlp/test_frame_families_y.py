"""Urgency frames, twenty-second round: families found missing on blind sets Y and Z — a car in
an underpass with water at its windows and doors that will not open, someone pouring petrol with
a lighter in hand, a sleeve caught in a machine, a door held shut by flood water with someone
behind it, an old man alone in the cold whose tongue is tied; and the calm ones (抢钱呢 and 救命
as complaints, a scam told over several sentences, a fall told as over with the patient home, a
faulty alarm, a children's game, first aid to be learnt) — each written many ways, none a
sentence of the sets."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "trapped": [
        "开车到桥洞底下熄火了，水已经漫到车窗，车门打不开",
        "车泡在水里了，水没过车窗，我们出不去",
        "地下室进水了，我爸下去拿东西，门被水顶住推不开了",
        "车库灌水了，我妈还在下面，门让水堵住出不来",
        "工友的袖子卷进机器里了，手拔不出来",
        "我的头发被搅拌机绞进去了，拽不出来",
    ],
    "violence": [
        "有个男的拎着一桶汽油往楼道里倒，手里拿着打火机",
        "那人把汽油泼在门上，掏出打火机说要点",
    ],
    "fallen": [
        "五保户老张头蜷在炕上直哆嗦，问话舌头都打结了",
        "隔壁独居的大爷冻得发抖，说话舌头打结，手冰凉",
    ],
}
CALM = [
    # 抢钱 and 救命 as complaints
    "停车费一个月四百，抢钱呢",
    "这物业收费吓死人，简直是抢钱",
    "网速慢得要命，救命啊，宽带到底啥时候修",
    "救命，楼下奶茶店也太火了吧，电动车把门口堵死了",
    # a scam told over several sentences
    "今天有人穿着马甲说是燃气公司的，一测就说我家管子漏气，要收八百换管子。我打电话问了燃气公司，根本没派人，大家小心骗子",
    # a fall told as over, the patient home again
    "独居的李奶奶上周在家摔了一跤，躺了一夜才被发现，好在送医及时，现在已经出院回家了，想问能不能装个呼叫器",
    # a faulty alarm
    "新买的燃气报警器一插上就嘀嘀叫，燃气公司来测了根本没漏，商家不给退",
    # a children's game
    "楼下小孩天天玩警察抓小偷，扯着嗓子喊救命，一直喊到晚上",
    # first aid to be learnt
    "我们几个退休的想学学心肺复苏，社区有没有培训",
    "想学一下海姆立克急救法，哪里有课",
]

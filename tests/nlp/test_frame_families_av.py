"""Urgency frames, thirty-fifth round: blind set AW's first pass missed two urgent complaints (a
carer's daily round read as a chronic trouble, a kitchen's exhaust duct on fire read as the
exhaust's smoke) and AV's missed one (the parents' video doorbell read as a video seen online)
with six false alarms; each written many ways, none a sentence of the sets: a habit today
breaks, a duct on fire, a live camera, danger words in quotation marks put right, which number
to call, guards away from their post, an animal poisoned."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "fallen": [
        "我们店每天给一个独居老大爷送饭，今天敲门听见里面有人哼哼，说摔地上起不来了",
        "社区每天派人给她量血压，今天上门喊半天没人应，屋里有人在呻吟",
    ],
    "fire": [
        "食堂后面的排烟管道着起来了，火苗从房顶冒出来",
        "饭店的排烟口着火了，烟往楼上窜",
    ],
    "violence": [
        "爸妈家的可视门铃刚给我推了段视频，一个男的拿着工具在撬门锁，我妈一个人在屋里不敢出声",
        "家里监控刚推了一段视频，有人拿着刀在砸我家门，老人在屋里",
    ],
}
ASK: list[str] = []
CALM = [
    # danger words in quotation marks, put right
    "我妈开玩笑说楼下那辆破面包车“随时要爆炸”，其实就是停了大半年没人开",
    "我妈在电话里喊“快救命啊”，结果她是说充电桩又坏了",
    "老爷子老说单元门口的台阶“快塌了”，其实就是裂了几道缝，想让物业补补",
    "邻居在群里喊「着火了」，原来是说她家菜烧糊了",
    # which number to call, asked
    "我妈问我着火了该打119还是110",
    "想问一下家里有人晕倒了该打什么电话，120还是社区",
    # guards away from their post
    "换了物业以后，保安晚上都不见人，大门就那么敞着",
    "小区门卫经常不见人，外人随便进",
    # an animal poisoned, not a person
    "楼下草地打了除草剂也不贴通知，邻居家的小狗吃了草就吐了",
    "有人在花坛里放了老鼠药，好几只猫吃了都吐了",
    # a video watched elsewhere, no camera of ours
    "群里转了一段视频，说别的小区有人撬门，大家注意",
]
NOT_HIDDEN: dict[str, list[str]] = {
    "fire": ["他说“随时要爆炸”那是开玩笑。现在楼下那辆车真的着火了，火很大"],
    "missing": ["保安晚上都不见人。我家老人出门到现在没回来，电话也打不通"],
    "medical": ["小狗吃了草就吐了，我儿子也吃了那片草地上的野果，现在口吐白沫"],
}

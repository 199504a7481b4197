"""Urgency frames, eighty-fifth round: blind sets GS (live-in nannies, hourly cleaners and care
workers writing about the homes they work in), GT (writers fond of four-character idioms), GU
(teenagers and students up late, in their own slang) and GV (people recovering at home after
an operation, and those looking after them).

The misses of the round: a gas smell strong at the meter checked with soapy water "as the
internet says" (按网上说的: a check done now, not a story read online), a wound burst open and
bleeding through a towel (血…捂不住), and an old man back from hospital who has not answered the
door or the phone for two days (上礼拜刚出院，这两天敲门不开电话不接: 这两天 is today's news after
the past). The false alarms and questions: a neighbour's cries that were nightmares (做噩梦), an
old van's black exhaust and its engine started (打着火 is no fire), a child's fall of last week
(是上周的事), an empty hose box found at a fire last year, a worn gas hose and a worry (万一哪天
漏气), someone already taken away by the ambulance (120已经拉走了), what happens besides calling
120, a gas alarm found false (说是误报), another estate's story told in hospital (他们小区). The
rules now also read what the model asked about: people inside a stuck or runaway lift named after
it or before it, a hand or a wheelchair caught as the lift moves, walls cut or dug out with cracks
opening over people, a tree leaning over a queue, a wall bulging with someone still inside, a
landslide burying a house, someone dragged by the hair, a beating heard going on, someone forcing
a lock or going through drawers, a drunk driver who has hit someone and drives on, foam at the
mouth, a child half down a manhole, a burner turned on and not lit, a younger sister missing, a
confused patient who has slipped out, a snake going into a home with a baby, water down a lift
shaft. First forms too wide, caught by earlier sets: a pesticide bottle alone (a hazard to report),
这几天 as today's news (a pack of dogs not seen these days), and 打着火 as no fire, which also
took the frame off a car running with someone slumped at the wheel (a medical pattern now)."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "gas": [
        "我照网上说的在燃气管接头抹了肥皂水，一直在冒泡",
        "奶奶把燃气灶拧开了没点着，屋里一股味",
    ],
    "medical": [
        "我爸刚做完手术，伤口崩开了，血怎么也止不住",
        "楼梯上躺着个人，嘴边有白沫，叫他不应",
        "车库里一辆车发动着，有人趴在方向盘上",
    ],
    "fallen": ["对门独居的奶奶上周刚出院，这两天敲门不开电话也不接"],
    "lift_trapped": [
        "电梯卡住了，我和我奶奶在里面",
        "我跟孩子在里面，电梯一直上上下下停不下来",
        "电梯停在6楼和7楼之间，里面是送外卖的小哥",
        "孩子的手被夹住了，电梯还在往上走",
    ],
    "collapse": [
        "一楼那家往下挖地下室，墙都裂开了，现在还在挖",
        "大树被风吹歪了，正对着公交站，好多人在等车",
        "老屋的墙往外鼓，土一直往下掉，老人还在屋里",
        "山坡滑下来，把后面那间屋子埋了半截",
    ],
    "violence": [
        "他喝多了揪着他妈的头发打",
        "隔壁又在打他老婆，听着还在打",
        "我一个人在家，听见客厅有人在翻抽屉",
    ],
    "traffic": ["有个醉汉开车撞倒了人，还在路上来回冲"],
    "missing": ["我弟弟放学到现在还没回家，平时六点就到了，现在都九点了"],
    "animal": ["大狗挣断了链子，刚扑倒一个小孩"],
    "trapped": ["车锁着，后座上的宝宝在哭，一直拍玻璃"],
}
CALM = [
    "楼上老太太晚上做噩梦老喊救命，她家里人知道，能不能请医生看看",
    "门口那辆旧车天天打着火停一下午，尾气往屋里灌",
    "孩子在滑梯上摔破了头，是上周的事，滑梯还没修",
    "去年着火的时候才发现消防栓箱子是空的，现在还没补",
    "燃气软管有点裂了，万一哪天漏气怎么办，能上门换吗",
    "下午有人在楼下晕倒，120已经拉走了，建议大家学学急救",
    "想问问，老人晕倒了打120的同时能不能通知网格员",
    "半夜燃气报警器响了，燃气公司来看说是误报",
    "听朋友说他们小区有人在楼道充电着火了，我们这边有充电棚吗",
    "村口扔了好几个空农药瓶子，小孩会去捡",
    "前几天野狗追过孩子，这几天没见着了，还是抓一下吧",
]

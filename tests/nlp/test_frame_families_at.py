"""Urgency frames, thirty-fourth round: blind set AT's first pass missed one urgent complaint
(a carer at a locked door, the old man moaning inside) and AU's missed five (a video's caption
read as a video watched elsewhere, a child clinging at a broken railing by the river, pillars
knocked out under a flat, an e-bike burning by itself in a lift); their false alarms and
questions, each written many ways, none a sentence of the sets: a stench said as fainting, the
cold in a stairwell, a worker hurt and now in hospital, pots that sway whenever it is windy,
an old person alone with nobody to cook."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "fallen": [
        "我是每天上门送饭的志愿者，今天敲了半天门没人应，隔着门能听见他在哼哼",
        "护工说敲门喊了好久都不开，里面有人在呻吟，门从里面反锁了",
        "天天给老太太送菜，今早敲门没动静，门里头有哎哟哎哟的声音",
    ],
    "fire": [
        "看视频，8号楼窗口往外冒黑烟",
        "看视频 楼道里全是烟，往外窜",
        "电瓶车在电梯里自燃了",
        "车棚里一辆电动车突然自燃，火苗蹿起来了",
    ],
    "violence": [
        "看视频 两拨人拿着棍子打起来了，就在这",
        "看视频，楼下有人拿刀追着砍人",
    ],
    "medical": [
        "河边栏杆断了，小孩扒在边上，下面就是水",
        "护栏掉了一截，一个孩子趴在桥边上够不着上来",
    ],
    "collapse": [
        "楼下在拆承重柱子，我家地板都裂了，还在砸",
        "一楼装修把承重墙砸了，楼上墙都裂开了，工人还在拆",
    ],
}
ASK: list[str] = []
CALM = [
    # a stench said as fainting
    "食堂后门的垃圾桶天天溢出来，一股馊味，真的会被熏晕",
    "垃圾站臭得要命，路过都快被熏晕了",
    # the cold of a stairwell passed through
    "单元门关不上，冷风往楼道里灌，老人在楼道里走一圈冻得直哆嗦",
    "楼道窗户坏了，冬天下楼一趟冻得发抖，请物业修一下",
    # a worker hurt, now in hospital, the ask is the bill
    "装修工人从梯子上摔下来腿骨折了，现在人在医院，老板不给医药费",
    "保洁阿姨上周滑倒摔伤了，已经住院了，物业不管医药费",
    # pots that sway whenever it is windy, never fallen
    "楼上窗台外面摆了一排花盆，风大的时候晃来晃去，还没掉下来过",
    "阳台外挂的花架一刮风就晃，底下是人行道，提醒一下楼上",
    # a video watched, elsewhere
    "孩子在看视频，里面有人家着火了，吓得直哭",
    "昨晚看视频看到外地电梯里电动车起火，我们这能不能管管",
    # an old person alone who needs meals, no danger
    "村里有个老人一个人住，腿脚不好，没人做饭",
    # load-bearing walls knocked out long ago, the cracks still there
    "去年楼下拆了承重墙，我家墙上的裂缝到现在还在，想找人鉴定",
    "楼里独居的奶奶行动不便，想问社区有没有送餐服务",
]
NOT_HIDDEN: dict[str, list[str]] = {
    "gas": ["垃圾的味道先不说。现在楼道里煤气味很冲，有人被熏晕了"],
    "medical": ["工人从脚手架上摔下来，现在躺在地上叫不醒，还没送医院"],
    "fire": ["以前看视频说电动车会爆炸。现在楼下车棚里电动车着火了，火很大"],
}

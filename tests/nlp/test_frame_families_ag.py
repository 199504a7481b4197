"""Urgency frames, twenty-sixth round: families found missing on blind sets AG and AH — a hand
or a leg caught by a lift's door, someone climbing out of a lift stopped between floors, pills
saved up to be taken tonight; a sign for a lift that plunged and for not wanting to be a burden;
and the calm ones (exploding "on the spot" with anger, a renovation that shakes "as if it would
fall", a cry for help with a phone or a card, a fight after the police have been, a faint long
over) — each written many ways, none a sentence of the sets."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "lift_trapped": [
        "电梯门把我妈的胳膊夹住了，门也不开",
        "电梯门关的时候把小孙子的手指头卡住了，一直哭",
        "小孩的脚卡在电梯门缝里了，抽不出来",
        "轿厢里那个老太太的腿被夹住了，门一开一合的",
        "电梯停在两层中间了，我爸正在往外爬，电梯还在晃",
        "电梯没停平就开门了，老伴在往外钻，下面一截黑洞洞的",
    ],
    "medical": [
        "我爸说安眠药攒够了，今晚就吃，电话也不接了",
        "她说攒了一抽屉的安定，今天一口气都吞了",
        "老太太说药都存好了，这就吃，不拖累孩子",
    ],
}
ASK = [
    "电梯刚才一下子往下冲，停在半道不动了",
    "邻居大爷这几天老念叨不想拖累儿女",
    "楼上老头说攒了好多安眠药，不知道要干什么",
    # a relative's number that does not answer is still a sign (a car owner's is not: CALM)
    "我妈一个人住，坐轮椅，打她电话一直打不通",
    "独居的大爷腿脚不好，打了好几遍电话都没人接，敲门也不应",
]
CALM = [
    "快递柜又坏了，取不出件，我真的要原地爆炸",
    "等了三个小时物业还不来，人都原地爆炸了",
    "楼上装修砸墙，震得跟要塌了似的，中午都不歇",
    "隔壁电钻打得我家楼板跟要塌似的，能不能管管",
    "救命啊，这个社保卡在手机上怎么激活，教了好几遍都不会",
    "救命 孩子教教我怎么交电费 我学不会这个软件",
    "昨天跟对门为停车打起来了，派出所来过了，让社区调解",
    "两家吵架打起来了，警察来过了，现在想找社区评评理",
    "早上菜市场有个大爷晕倒了，救护车拉走了，听说人没事",
    "小区门口有个阿姨摔倒了，120拉走了，人已经没事了，建议门口铺防滑垫",
    "电梯门关得太快，上个月把张奶奶的手夹住了，物业到现在没调",
    "单元门口天天停着辆车，坐轮椅的老人出不去，挪车电话也打不通",
    "面包车堵着楼门，我推着轮椅出不来，打车主电话一直不接",
]
# Calm words of this round beside a danger still fire.
NOT_HIDDEN: dict[str, list[str]] = {
    "fire": ["厨房煤气罐爆炸了，火很大，人还在里面"],
    "collapse": ["楼上装修把承重墙砸了，墙上裂了大缝，随时要塌"],
    "lift_trapped": ["电梯卡在两层中间，我妈关在里面出不来，教了她按警铃也没人应"],
    "violence": ["警察来过了又走了，他们现在又打起来了，拿着刀"],
    "medical": ["老人晕倒了，家里人想拉他起来，现在还叫不醒"],
}

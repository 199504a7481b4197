"""Urgency frames, ninety-sixth round: blind sets IK (a night of torrential summer rain), IL
(handwriting input that picks look-alike characters: 己经, 存拆, 媒气), IM (people writing after
drinking) and IN (self-built rental houses in the village).

Each set missed one or two urgent texts on the first pass. Five were scams the widened scam
frame of the last round still did not know: an impostor searching a neighbour's drawers, a
screen shared "now, following the caller's steps", health-product sellers taking old people to
the bank (one with his savings book, 存拆), a fake electricity official moving on to the next
doors with the deposits taken. IM's was a burst pipe pouring into a switch room (配电室, which
the frame knew only as 配电箱). The rules alone left about a fifth of the round's urgent texts
to the model's question; the plain clusters got families: walls and trees leaning toward
people, a tree split with half of it hanging over them, a road heaving or undermined with
people on it, a bearing column cut, a manhole open under flood water, power equipment outdoors
sparking by water or soaked and live (the live-wire frame's, so that a transformer stays with
the supply and a lamp post with street lights), water over power strips indoors, a bare wire
that shocked someone, someone cut off by rising water, a snake under a child's bed, a bull
loose, a child taken by a stranger, a skewer jabbed at people, someone with dementia gone out
alone, someone fallen indoors heard moaning. The calm ones: a dike that gave way two years ago,
a lightning strip left hanging, a leaning tree whose felling is suggested, someone taken home
after a lift trapped them, a wish to stab said in drink and taken back."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "scam": [
        "有人冒充燃气公司上门检查，现在正在我姑家翻柜子，她一个人在家",
        "骗子让我爸下了个软件开屏幕共享，现在正照着一步步点",
        "卖保健品的带着我奶奶去银行取钱了，说存进去能返利",
        "有个自称供电所的挨家收电表押金，已经收了好几户，现在正往隔壁单元去",
        "我妈这会儿在跟一个说是客服的人通话，已经把验证码念了两个",
        "对方说我哥出车祸了要交手术费，我爸已经去取钱了，我拦不住",
        "电话里有人说我妈的卡涉嫌洗钱，她现在就在柜台要转到安全帐户",
        # handwriting look-alikes (存拆 for 存折)
        "卖保健品的让我奶奶把存拆拿出来，正跟着他们去银行",
    ],
    "gas": ["一进单元门就是很大的媒气味，越来越冲，里面那户敲门没人应"],
    "collapse": [
        "隔壁那堵院墙被雨泡得往我家这边歪了，墙根底下就是孩子睡觉的屋",
        "围墙倒了一截，剩下的还在往人行道那边歪，路上全是上学的孩子",
        "门口那棵槐树被雷劈开了，半边树冠挂着晃，底下就是小孩玩的地方",
        "楼前的大树往单元门那边倒了一半，根都翻起来了",
        "人行道底下被水掏空了，踩上去直晃，还有人在上面走",
        "楼下饭店把承重墙砸掉了，楼上墙里一直咔咔响",
        "墙上的裂缝一会儿比一会儿宽，窗框都挤歪了",
        "路口的井盖冲走了，水漫过路面看不见，电动车一辆接一辆往这边骑",
    ],
    "water_electric": ["水一直往屋里灌，地上的插板全泡着，我奶奶下不了床"],
    "live_wire": [
        "楼道里的电线皮破了，我儿子摸了一下被电了，墙上还在滋滋响",
        # power equipment outdoors in water
        "配电房里一直冒蓝光，地上的水已经没过脚脖子了",
        "车棚的充电桩泡在水里，还通着电噼啪响",
        "路边的电箱门被撞开了，线都露着，雨水顺着往里流",
        "那根路灯杆泡在积水里，刚有人蹚水过去说腿发麻",
    ],
    "trapped": ["河水涨上来了，有个老人被困在对岸的高处，水还在往上涨"],
    "animal": [
        "一条蛇钻到孩子的床底下了，孩子还在床上睡觉",
        "邻居家的牛挣断了绳子，在路上撞倒了一个骑车的",
    ],
    "violence": [
        "我家孩子被一个陌生的女人抱走了，往小区外面去了",
        "烧烤摊有人喝多了拿着签子往人身上扎",
    ],
    "missing": ["我爸有点痴呆，趁我们不注意自己开门出去了，外面零下好几度"],
    "fallen": ["独居的刘奶奶摔在屋里了，门从里面插着，能听见她在里面呻吟"],
    "fire": ["我在楼下抽烟，看见对面三楼窗户往外冒烟，还有火苗子"],
}
CALM = [
    "河堤前年塌过一回，今年汛期快到了，能不能提前备点沙袋",
    "楼顶的避雷带去年被雷打断了，到现在还耷拉着，能不能修一下",
    "门口那棵枯树歪得厉害，底下是停车的地方，建议砍掉",
    "上午被困电梯的那个老人己经送回家了，想问维保什么时候来",
    "老板欠了三个月工资，我恨不得拿刀去找他，说说而已，就想要回工钱",
    "楼道里的墙昨天被电动车烧黑了一片，火当时就灭了，想请物业粉刷",
    "社区能不能办个防诈骗讲座，最近好多老人接到说是公安局的电话",
]

"""Urgency frames, eighty-eighth round: blind sets HE (reports written as numbered lists and
form headings), HF (mahjong, card and chess players in the activity rooms), HG (balcony and
rooftop gardeners, pigeon and bee keepers) and HH (residents filming short videos and
livestreams).

The misses of the round: HG's old man with a crutch stung again and again by a swarm at the
door (一大团蜂落在单元门口…已经被蜇了好几下) and HH's shop owner cornered and beaten (把老板堵在
门口打). The false alarms and questions: a fire exit locked "if a fire really broke out" (真有火
灾), a hose with a risk of leaking (有漏气风险), a checkmate that "made me want to jump", laughed
off (逼得我想跳楼，哈哈), smokers filling a room (老烟枪…吞云吐雾), which the "swallowed and then
vomited" sign read in 吞云吐雾, and a boy fallen into a drain filmed by the writer, which the
video switch had turned off (镜头里: the writer's own camera is live). The rules now also read:
someone cornered or pinned and beaten, a stool swung at a head, a knife drawn in a quarrel,
someone climbing in at a window now, bees of any kind on someone (the police's), stings over
and over and a snake bite swelling (the ambulance's), someone
gone under or crying out of reach below, fainted on a roof, foam at the mouth, down the stairs
and confused, a toddler leaning over a railing, a ceiling cracking with pieces still falling, a
regulator hissing gas, a child shut in a car in the sun."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "violence": [
        "三个男的把快递员堵在楼道里打，他抱着头不敢动",
        "一个醉汉把他老婆按在地上打，孩子在边上哭",
        "两人吵着吵着一个抄起椅子往对方头上砸",
        "打牌输了急眼，一个掏出把水果刀对着人比划",
        "有个男的顺着水管正往我家阳台里爬",
    ],
    "animal": [
        "楼下蜜蜂追着一个小孩蜇，孩子哇哇哭",
    ],
    "medical": [
        "蜂箱倒了，我爸被蜂蜇了十几下，脸肿起来了",
        "菜园里一条蛇咬伤了我妈的手，手背已经发紫了",
        "一个小孩在池塘边玩栽进水里，扑腾几下就没影了",
        "老人掉进路边的排水井，我们够不着他",
        "我爸中暑晕在菜地里了，叫也叫不醒",
        "老王突然倒下，嘴角冒白沫，浑身发抖",
        "我妈从楼梯上滚下来，头上一直流血",
        "对面三楼一个小娃趴在窗台上往外探身子，家里好像没人",
    ],
    "collapse": ["楼上在拆墙，我家天花板裂开了，水泥块还在往下掉"],
    "gas": ["楼下燃气管道嘶嘶往外漏，整个楼道都是味"],
    "trapped": ["停车场一辆车里锁着个婴儿，车窗关得严严的，太阳晒着"],
}
CALM = [
    "楼道安全出口被堵了，真有火灾大家往哪跑",
    "燃气公司说我家胶管有漏气的风险，要收费换管",
    "今天手气差到想跳楼，哈哈，明天再战",
    "棋牌室里老烟枪太多，一屋子烟，能不能禁烟",
    "去年夏天被蜂蜇过一回，现在那个蜂窝还在，能来摘掉吗",
    "我在拍小区的夜景视频，镜头里路灯一半不亮",
]

"""Urgency frames, twentieth round: families found missing on blind sets U and V — a child swept
along a drain, a worker stuck to a live wire, a lone old man behind a door bolted from inside,
red light pouring from a shop's shutter; and the calm ones (救命 and 抢钱 said of fees and
smells, a scammer's gas leak, a stereo "exploding", a gas scare that was nothing, a cry heard
two nights ago, a drill asked for, what might happen listed with 、, a past lock-in) — each
written many ways, none a sentence of the sets."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "medical": [
        "排水沟的盖板没了，水流很急，有个孩子掉下去被水冲走了",
        "雨太大了，路边沟里的水冲着一个小孩往下游去了",
        "小孩踩空了，被急流冲着往涵洞那边走",
        "一个老人滑倒在水沟里，被大水卷走了，大家在追",
    ],
    "live_wire": [
        "楼下有个工人让电打了，还粘在电线上下不来",
        "电工被电打着了，人贴在那根线上直哆嗦",
        "俺邻居叫电打了，手还粘在插座那儿",
        "修空调的师傅给电击了，挂在外机上不动",
    ],
    "fallen": [
        "五保户老李头两天没出门，敲门不应，门从里面插着",
        "独门独户的孤寡老人，一早上敲门都没人应，屋里灯还亮着",
        "老王头家里今天一点动静没有，喊他也不应，门在里头反锁着",
        "低保户张大爷家门从里面闩着，怎么敲也不应",
    ],
    "fire": [
        "一楼门面的卷帘门缝里往外窜红光，玻璃都熏黑了",
        "仓库的门缝里透出红光，还有烟往外冒",
        "对面窗户里一闪一闪的红光，窗玻璃熏得黢黑",
    ],
    "trapped": [
        "我被卷帘门关在车库里面了，出不去",
        "孩子被防盗门锁在里面了，一直在哭",
    ],
}
CALM = [
    # 救命 and 抢钱 said of fees, prices and smells
    "救命，楼下垃圾桶臭得要死，好几天没人收了",
    "救命啊，物业费一年又涨了好几百，电梯还天天坏",
    "救命，这停车费也太离谱了吧",
    "天然气费比去年贵了一倍，一个月好几百，抢钱啊",
    "水费怎么这么贵，抢钱呢这是",
    # a scammer's gas leak
    "有人冒充燃气公司上门，说我家管子漏气要换阀门收八百，燃气公司说根本没派人，大家小心",
    "两个自称煤气公司的人说我家燃气泄漏，要收费检修，打电话问了是骗子",
    # a stereo that "explodes", a gas scare that was nothing
    "楼下奶茶店音响音量简直爆炸，从中午放到半夜",
    "广场舞的喇叭声音大到爆炸，天天吵",
    "群里说楼道有煤气味，结果是有人家炖肉烧干了锅，虚惊一场",
    "闻到一股燃气味吓一跳，原来是邻居在烧菜，虚惊一场",
    # a cry heard nights ago, a scam call's 救命
    "前天半夜楼下有人喊救命，后来警车来了，也不知道怎么回事",
    "上周有人半夜喊救命，到现在也没个说法，希望通报一下",
    "我妈接到电话说我出车祸了急需手术，让打五万块钱救命，还好先问了我",
    # a drill asked for; what might happen, listed
    "建议搞一次电梯困人演练，老人都不知道被关在里面该按哪个键",
    "能不能给独居老人装个紧急呼叫按钮，万一在家摔了、着火了，也能有人知道",
    "希望装烟感，要是半夜着火、漏气了，大家都能听见",
    # a past lock-in, a dog that frightened a child last time
    "上周五我在地下车库被卷帘门关在里面了，半个钟头才有人来开门，这门到点自己就关",
    "上回那条大狼狗把我家孩子吓得直哭，主人还不拴绳",
]
# The new switches name the calm thing itself: a danger beside the same words still fires.
NOT_HIDDEN: dict[str, list[str]] = {
    "violence": ["有人抢钱！拿着刀在抢，快来人"],
    "gas": ["燃气公司的人刚走，现在屋里还是一股煤气味，越来越浓"],
    "fire": ["音响着火了，冒黑烟"],
}

"""Urgency frames, twenty-third round: families found missing on blind sets AA and AB — a dog
that bit someone and still holds him, a gas smell told by a child (像煤气), sparks that flew onto
cardboard, a farewell message and the sleeping pills gone, paper burning that lit boxes, an old
man alone in a room like a steamer who no longer knows his visitor, a brick brought down on a
head and the attacker not stopping; and the calm ones (a collapse told as over, a rescue told as
done, leaves burnt by the caretaker, rumours, accidents elsewhere, what would follow a fire, a
cat "about to explode", films and short videos played loud, a pothole that fills whenever it
rains, a fight already broken up) — each written many ways, none a sentence of the sets."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "animal": [
        "邻居家的比特犬冲出来咬了快递员的腿，现在还守着不让他走",
        "那条大狼狗把老人扑倒咬了一口，这会儿还堵着不让人靠近",
    ],
    "gas": [
        "孩子说奶奶家好臭，像煤气，奶奶叫不醒",
        "屋里一股怪臭，像天然气，开门的时候熏得头晕",
    ],
    "fire_spread": [
        "阿婆在门口烧纸，火星飞到楼道的纸壳上，烧起来了",
        "有人在楼道烧纸，火苗把门口的纸箱子引着了，楼道全是烟",
    ],
    "medical": [
        "室友在群里发了句谢谢大家再见就关机了，一整瓶安眠药不见了，敲门也不开",
        "他留了句对不起大家就联系不上了，抽屉里的药瓶空了",
        "独居的大爷空调坏了，屋里跟蒸笼一样，他一直说胡话，认不出我了",
    ],
    "violence": [
        "两个人吵起来，一个抄起板砖就往对方头上砸，打人的还不停手",
        "有人抡起凳子朝人脑袋上砸，那人头上在流血",
    ],
}
CALM = [
    # told as over
    "上个礼拜有个老伯在电梯里晕过去，后来救护车拉走了，现在人蛮好，建议放一台除颤仪",
    "上午电梯关人的事已经解决了，师傅二十分钟就到了，人出来好好的",
    "刚才两拨人打架，现在已经被劝开各自走了，希望派出所查一查",
    # leaves burnt, rumours, elsewhere
    "楼后面冒烟，下去一看是物业在烧落叶，烧完一地黑灰也不扫",
    "班上同学都在传楼顶有人要跳楼，我上去看了什么都没有",
    "群里都在传有人家煤气爆炸了，我下楼看了一圈啥事没有",
    "外地小区有孩子掉进没盖的井里，我们这井盖也缺了个角，换个新的吧",
    # what would follow a fire
    "消防通道停满了车，要是真着起火来，消防车进不来，人都得困在里面",
    # a cat, films and short videos
    "楼下的流浪猫胖得快爆炸了，能不能给它做个绝育",
    "楼上天天看枪战片，又是爆炸又是喊救命的，吵到后半夜",
    "隔壁半夜外放短视频，什么着火了快跑之类的，声音特别大",
    # a pothole that fills whenever it rains
    "主路上有个坑越来越大，一下雨就积水，骑车的都得绕着走",
]

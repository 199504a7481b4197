"""Urgency frames, twenty-fourth round: families found missing on blind sets AC and AD — a knife
drawn and held to someone's neck, a person hiding from an intruder, a home dialysis or oxygen
machine stopped by a power cut, black stuff pouring from a window, hornets after people, a dog
that cannot be pulled off, a child named by birth order not home; and the calm ones (a chat group
"exploding", a game's shouts, 家养着了, a scam's flyer, a film or a horror show, fees said as
breathlessness, a gas smell checked and normal, rusty pipes flaking, a push told as minor) —
each written many ways, none a sentence of the sets."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "violence": [
        "外卖员跟保安吵起来，掏出一把刀顶着保安脖子",
        "那人拔出匕首抵在店员身上，让他把钱拿出来",
        "我在卧室里躲着，外面有人在翻抽屉，不是我家里人",
        "有人在翻柜子，不认识的人，我躲在衣柜里不敢出声",
    ],
    "medical": [
        "我做腹透的，夜里停电了，机器一直报警，肚子胀得厉害",
        "家里老人靠制氧机，从半夜断电到现在，喘得越来越厉害",
    ],
    "fire": [
        "5号楼三楼窗户往外冒黑的",
        "对面门缝里一直冒黑烟，好大一股",
    ],
    "animal": [
        "一窝马蜂追着人蛰，孩子被蛰了好几下",
        "大狗咬住孩子胳膊，怎么都拉不开",
    ],
    "missing": [
        "我家老二放学没回家，学校说四点就走了，现在快七点了",
        "俺家老三下午出去玩到现在还没回来，天都黑了",
    ],
}
CALM = [
    "业主群消息都爆炸了，全在问啥时候来水",
    "楼上孩子打游戏一直喊着火了快跑，一开始吓得我以为真出事了，天天闹到半夜",
    "我妈上周摔了一跤，现在已经回家养着了，想请物业加固楼梯扶手",
    "楼道里有人塞小卡片卖煤气中毒急救包，要扫码买，感觉是骗人的",
    "我妈看电视里演电梯突然往下掉，现在都不敢坐电梯了",
    "楼上天天半夜看恐怖片，尖叫声跟杀人似的",
    "物业费一年比一年贵，压得人喘不上气",
    "邻居说楼道有煤气味，我下去闻了半天啥也没有，燃气公司也来测过说正常",
    "燃气管道用了二十多年，锈得掉渣，能不能来检查一遍",
    "两家孩子在楼道里推搡摔倒了，孩子没大事，就是擦破点皮，想请社区调解",
]
# A home machine alarming in a power cut: asked about (what the machine is may be told elsewhere).
ASK = [
    "从半夜停电到现在，机器一直在报警，人有点喘",
    "断电了，床边的仪器不停地滴滴响",
]

"""Urgency frames, eighty-second round: blind sets GG (volunteers and building heads writing up
their rounds), GH (people writing for someone else in the room or on the phone), GI (wind,
dust, pollen and breathing trouble) and GJ (formal, bureaucratic letters, the urgent ones in the
same stiff register).

The misses of the round, both GJ's: water up to the windows with a paralysed man still inside
(水位已涨至窗台，屋内尚有一位瘫痪老人未能转移: a `trapped` pattern now, which also made twelve
urgent texts of earlier sets certain), and a man smashing cars with a brick who has hurt a guard
(有人正持砖头砸…保安头部已被砸伤). The false alarms: a gas report withdrawn (是误会…不用来人了), a
lift out of service for days (电梯停了两天了…下不了楼), dizziness from a bathroom heater that has
passed (现在没事), a cracked cover not yet given way (现在还没塌), whether water may go on a pan
fire (能不能拿水泼), a rumour to be denied (疯传…辟个谣), weedkiller on the grass (打了除草剂),
dust on windy days (刮风天), formal ifs (老人如在家中摔倒; 倘遇大风恐有倒伏砸人之虞) and a fire
in a neighbouring estate years ago (前几年邻近小区就曾因此酿成火灾). A first form of two fixes
was too wide and earlier sets caught them: 掉灰掉渣 hid ceilings cracking under demolition
upstairs, and 除草剂 a child who had drunk weedkiller."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "trapped": [
        "村里低洼处进水了，水已经淹到炕沿，屋里还有个瘫痪的老人抬不出来",
        "一楼那户水位涨到窗台了，屋内尚有两名老人未能撤离",
    ],
    "violence": [
        "门口有人拿着铁棍砸车，还追着保安打，已经有人被打伤了",
        "小区里有个醉汉挥舞酒瓶威胁路人，一个大爷已被砸伤",
    ],
}
CALM = [
    "刚才报的燃气味是误会，是楼下在熬中药，不用来人了",
    "电梯停了三天了，楼里的老人都下不了楼，什么时候修好",
    "卫生间的燃气热水器洗久了有点头晕，现在没事，想改装到阳台",
    "门口的井盖裂了，车压上去咔咔响，现在还没塌，但撑不了多久",
    "想请教一下，锅里着火了能不能拿水泼",
    "群里疯传哪个小区煤气要爆炸，请社区辟个谣",
    "楼下草坪刚打了除草剂，味道很冲，孩子有哮喘，请提前贴个告示",
    "兹有一事请教：老人如在家中摔倒，除拨打120外可否联系网格员",
    "前几年邻近小区就曾因飞线充电酿成火灾，望物业整治车棚",
    "防盗窗外面堆满了杂物，刮风天直往下掉渣，请物业管管",
]

"""Urgency frames, sixth round: families of phrasings found missing on blind set F (crushing
chest pain with a cold sweat, someone not breathing while another does CPR, a pack of dogs
around a child, a gondola hanging with workers in it, a worker buried "了" half, something blown
over and hanging from a roof edge above a road), and the calm ones it flagged (hotline
yesterday/last month, handled gas leaks, people already discharged, jokes and habits of speech,
films and short videos, quarrels that 'almost came to blows') — each written many ways, none a
sentence of the set."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "medical": [
        "我爸突然胸口剧痛，满头冷汗，靠在沙发上起不来",
        "老伴说胸口像压了块石头，一直冒冷汗，喘不动",
        "小孩从池塘里捞上来了，没呼吸，邻居在做心肺复苏",
        "有个大爷倒在公交站，没心跳了，有人正在按压",
    ],
    "animal": [
        "好几条野狗围着一个老人，老人拿拐杖在赶",
        "一群流浪狗追着个小孩跑，孩子吓得直哭",
    ],
    "trapped": [
        "隔壁工地一个师傅被砖埋了半截，大家在扒",
        "擦玻璃的吊篮断了一根绳子，歪挂在半空，里面还有两个工人",
        "工地升降机卡在半空，歪着，上面有三名工人",
    ],
    "collapse": [
        "楼顶的广告牌被风刮翻了，一半挂在楼沿上，下面就是人行道",
        "空调外机掉了半截，吊在窗外，底下是幼儿园大门",
    ],
}
CALM = [
    "来电人称：前日其母在小区内摔倒，救护车来得慢，现已出院，要求说明情况",
    "来电人反映：上月小区配电房起火，至今未恢复供电，要求尽快处理",
    "昨日小区燃气泄漏，已由燃气公司处置完毕，围挡还没撤",
    "我们楼那个大哥天天说要跳楼，是口头禅，就是他家狗太吵",
    "刷到视频说充电宝会爆炸，家里那个旧的还能用吗",
    "电影里那个电梯坠落的镜头吓死我了，我们楼电梯多久检修一次",
    "两家为了晾衣服吵得要打起来了，能不能来调解一下",
]

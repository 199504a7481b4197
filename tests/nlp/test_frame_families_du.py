"""Urgency frames, sixty-sixth round: blind sets DU (underground garages, basements, storage
rooms and bike sheds), DV (drills, tests and inspections), DW (strangers at the door, scams and
thefts) and DX (newcomers from the countryside, who describe things the long way round).

DU caught every urgent complaint on its first pass and met every target; DX caught every one
but asked about 6 of its 120 ordinary complaints (5.0 %). DV missed three: a fire after a drill
(消防演练完…火星子飘到车棚顶上，已经开始冒烟, read as the drill's own smoke), a ventilator's
battery running out in a power cut told in the next sentence, and a gas smell typed 煤气未 by
voice input. DW missed three scams going on now — an old man at the bank counter moving his
savings to a "safe account", fake community staff taking fees from old people, an impostor
banging on a door — which no frame read: the `scam` frame is new, and the impostor (冒充) that
moves other frames' dangers elsewhere is its own subject (`not_elsewhere`). A drill that is
over (演练完) no longer moves what follows elsewhere (`not_distance`). The false alarms and
questions: a prank fire in the group chat (闹着玩的), fire engines and no fire seen (也没见哪着火),
a drill asked about (是不是在搞演习), "if it really were" (要真是), cracks that do not drop
anything (倒没往下掉), a smell traced and switched off (已经叫他关了), an old fire's blackened
walls, a fight whose crowd is gone (人都走了), a car owner who does not answer the phone, seats
asked for at a lift, a dog shut in a store room, and the model on uneven heating, sodden kitchen
waste and a smashed alarm button (calm phrasings added)."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "scam": [
        "我奶奶现在正在银行柜台排队，电话里有个自称警察的让她把钱转进安全账户，谁快去拦一下",
        "俺爹这会儿在取款机跟前，说是公检法让他把养老钱汇到安全账户，俺在外地劝不住",
        "楼下有两个人冒充街道的，现在正让老人们扫码交什么保险费",
        "有个人假冒物业要进我家，我没让进，他现在还在外面使劲拍门",
        "我媽現在正在跟一個自稱公安的人視頻，那人叫她把存款轉到安全賬戶，她已經往銀行去了",
    ],
    "fire_spread": ["消防演习完空地上的油盆没灭干净，火星子飘到车棚上，已经冒烟了"],
    "medical": ["小区突然停电了，物业也没通知。我妈在家靠呼吸机，电池快没电了"],
    "gas": ["楼道里有股煤气未，越来越冲了，家里还有孩子"],
}
CALM = [
    # a scam told after, stopped or warned about
    "上个月有人冒充公安让我把钱转到安全账户，我没上当，提醒大家注意",
    "我爸刚才在银行要把钱转到安全账户，幸好柜员给拦下来了",
    "社区能不能再办一次防诈骗讲座，最近老有人冒充客服打电话",
    # a hypothesis, a denial, a cause found, a prank, a drill asked about, the past
    "要真是地下室着火了，往哪跑？应急灯都不亮",
    "墙上裂了几道缝，倒没往下掉渣，就是想找人来看看",
    "刚才车棚里一股焦糊味，原来是有人用电炉子烧水，已经让他关掉了，这样没人管吗",
    "业主群里有个孩子说楼道着火了，大家都跑下去了，原来他是闹着玩的",
    "看到好几辆消防车开进小区，也没见哪着火，是演练吗",
    "今天下午又是警报又是冒烟的，是不是在搞演习？能不能提前通知",
    "昨天夜里两伙人在楼下打架，现在人都走了，就剩一地碎玻璃，能不能多巡逻",
    "电动车充电器刚才着火了，邻居拿灭火器喷灭了，没人受伤",
    "上回车库着过火，墙现在还是黑的，有股烟熏味，物业说没钱刷",
    # nobody in danger: a driver, seats, an animal
    "有人把车堵在我家车库门口，打电话也不接",
    "建议在电梯口放几把椅子，老人腿脚不好等久了站不住",
    "邻居把狗关在储藏间里，叫了一整夜",
]

"""Urgency frames, ninety-eighth round: blind sets IS (scam-wary residents: suspicious calls,
messages, visitors and salesmen), IT (the winter heating season), IU (the village's left-behind
children and grandparents) and IV (the night market beside the estates).

IT caught every urgent text on the first pass. IS missed six, IU one and IV two, nearly all
scams and impostors: men posing as the gas company or the management who force their way into
a home or turn on a neighbour who saw through them, a father gone with an "investment adviser"
to sign and pay, fees collected door to door and at stalls from people who have already paid,
bank cards and PINs collected "for a subsidy", a mother following a caller's orders to a cash
machine. The scam frame, a list of stories until now, also gets a who × state shape like the
missing frame's: a scammer named or a scam's lure (自称, 冒充, 客服, 警官, 理财, 算命, 保健品 …)
and money, a code or a signature handed over now (正在…转账, 翻钱, 签字, 上车; 密码说出来), in
one sentence. Impostors who turn violent are the violence frame's (its `not_elsewhere` now
holds 冒充). The calm ones: a pan burnt dry found and nobody hurt, a documentary about a child
in a pond, an idiom of letting a thief in (引狼入室)."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "scam": [
        # who × state
        "我奶奶正跟一个自称银行客服的打电话，现在正在手机上转账",
        "有个算命的说我姑家要出事，让她拿钱消灾，她现在正在屋里翻钱",
        "我爸被拉进一个理财群，那边的人现在就在家里等他签字",
        "冒充医保局的人打来电话，我妈正把验证码念给对方",
        "卖保健品的刚把我们楼的几个老人拉上车了，说带去参观基地",
        # stories
        "有人冒充社区的挨家收老人的银行卡和密码，我姥爷已经把卡递出去了",
        "我妈正按电话里那人说的去取款机取钱，说是外孙出事了要交保证金",
        "有个说是市场管理处的在夜市挨个收钱，好几个摊主已经给了钱，他人还在",
        "我爸这会儿跟着一个理财经理去签合同，说要投二十万",
    ],
    "gas": ["上个月有人冒充燃气公司给我家换了阀门，今天一开灶就一股很大的煤气味"],
    "violence": [
        "有个冒充物业的人硬闯进邻居家，里面一直在喊",
        "两个人在小区里追着一个老人打，老人头都破了",
    ],
}
CALM = [
    "楼道一股焦糊味，下去一看是一楼烙饼糊锅了，人没事",
    "看了个纪录片讲孩子掉进水塘淹死的，能不能给村里水塘装个护栏",
    "有人冒充燃气公司上门推销报警器，大家别引狼入室",
    "上个月我爸被理财群骗了三万，已经报案了，想问问能不能追回",
    "提醒大家，有人冒充客服让老人转账，接到电话先挂掉",
]

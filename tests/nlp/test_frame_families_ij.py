"""Urgency frames, ninth round: families found missing on blind sets I and J — someone shut in
a lift told without 在, with a typo, or with the lift as the one who did it (电梯把孩子卡里头了),
a parent lost said in a few words, a person living alone who does not answer the door, a danger
told after an old report (上个月反映过，今天倒了), a stranger forcing a door with people inside,
people beaten now (a bottle or a farm tool taken to people, several on one, a child beaten
hard), a search of hours for a vulnerable person, a smell and dizziness by the stove, Cantonese
words for children, power strips and lifts; and the calm ones (救命 about fees and noise,
forwarded stories of an unnamed place, first-aid lessons, nobody inside, remnants of an old fire
or crack, 那天, 别等, a leak already handled, a threat said in a quarrel) — each written many
ways, none a sentence of the sets."""

from __future__ import annotations

import pytest

from nlp.router import Router

CERTAIN: dict[str, list[str]] = {
    "lift_trapped": [
        "我被关电梯里了，灯都黑了",
        "孩子被困电体里了，按铃没人应",
        "电梯把我家老爷子卡在里头了，门打不开",
        "3号楼电梯卡人了，快来",
        "单元电梯锁住人了",
        "上個禮拜修過嘅升降機又困咗人，而家仲喺入面",
    ],
    "missing": [
        "我家奶奶丢了，快帮我找找",
        "俺爹又丢了 谁看见了",
        "我妈有老年痴呆，自己出门了，找了三个多小时",
        "阿爺行咗出去，到而家都未返",
    ],
    "fallen": [
        "对门独居的阿婆从早上到现在都不应门",
        "楼上一个人住的大爷一天没应门了",
        "隔籬獨居嘅阿伯成日冇應門",
    ],
    "live_wire": [
        "那根电线杆上个月就反映过，今天被风刮倒了，电线掉在水里冒火花",
    ],
    "medical": [
        "有个小孩爬了出窗台外面，家里没大人",
        "細路仔爬咗上冷氣機外機度",
    ],
    "violence": [
        "有人正在撬502的门，屋里有老人在睡觉",
        "一个陌生男的在撬邻居家门，里面有人",
        "那人举着铁锨追着邻居抡",
        "醉汉拿砖头砸人，砸伤了两个",
        "一群人围着一个外卖小哥打",
        "那个人被打倒在地上了，他们还在踢",
        "他爸打孩子下死手，孩子都不哭了",
    ],
    "gas": [
        "灶上的阀门好像没关，屋里一股怪味，我婆婆头晕得厉害",
        "屋里有异味，孩子说恶心想吐，燃气灶开关好像开着",
    ],
    "water_electric": [
        "廚房漏咗水，水流到拖板度",
    ],
}
ASK = [
    "我在外地，我爸一个人住，从昨天晚上就打不通他电话",
]
CALM = [
    "救命，这停车费一年涨了三次",
    "救命啊隔壁装修从早敲到晚",
    "【转】某小区地下车库电动车起火 转给家人看看",
    "社区能不能办个急救培训，教大家心肺复苏",
    "电梯突然坏了，好在没人关在里面",
    "前年有户拆了承重墙，我家墙上的裂缝到现在还在，想找人鉴定",
    "去年着过火的那户，楼道里到现在都是烟熏的印子",
    "那天井盖没盖好，我爸踩空摔伤了，医药费到现在没人管",
    "那棵树早晚得倒，现在没事，别等砸着人再来",
    "天然气泄漏已经处理完了，燃气公司说没事了，就是家里还冷",
    "他们在路边搭棚子，城管一劝就说要跟我们动刀子",
    "上礼拜楼里燃气泄漏过，现在没味了，想问报警器要不要装",
    "他们几个在院子里踢球，还在踢，能不能管管",
    "我爸下班回来找了两个小时车位，小区车位太少",
]


def test_a_past_marker_read_as_a_start_or_before_today_is_not_the_past(router: Router) -> None:
    """从昨天 starts something still going on; 上个月…今天 tells an old story, then today's."""
    since = router.route("我妈一个人住，从昨天下午到现在我喊她都没反应")
    before_today = router.route("墙上个月就裂了，今天突然塌下来了")
    plain_past = router.route("墙上个月突然塌下来了，现在想问谁来修")
    assert since.urgent, since.rules
    assert before_today.urgent, before_today.rules
    assert not plain_past.urgent, plain_past.rules


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("晚上野猫在楼下叫个不停，吵得人睡不着", "pets"),
        ("院里流浪猫太多，半夜叫得像小孩哭", "pets"),
        ("楼下又丢了辆电瓶车，这个月第二次了", "public_security"),
        ("车库的充电桩全坏了，物业报修一周了没人管", "ev_charging"),
        ("扫码充电扣了钱却充不上", "ev_charging"),
        ("社区周日上班不", "other"),
        ("有个小孩坐在空调外机上，家长不在", "other"),
        ("我给人干活从架子上摔下来腿断了，老板不给医药费", "labor_dispute"),
        ("邻居在阳台囤了好几罐液化气，说是做生意用", "fire_safety"),
        ("走火通道里堆满了纸箱", "fire_safety"),
        ("燃气管道好多年没检查了，能不能安排安检", "utilities"),
        ("我上个月报的工单一直显示处理中，能更新一下吗", "other"),
    ],
)
def test_ninth_round_categories_follow_the_guide(router: Router, text: str, category: str) -> None:
    """Animals crying are pets', a stolen e-bike the police's, a charger that eats money the
    charger's, office hours and a ticket's status are questions, a child on an outdoor unit is
    no noise, a work injury is labour, stockpiled gas cylinders and blocked fire escapes are
    fire safety, a gas pipe check is the gas company's."""
    decision = router.route(text)
    assert decision.category == category, decision.rules

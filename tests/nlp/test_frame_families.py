"""Urgency frames, second round: families of phrasings found missing on sets written blind to
the rules (children not home long after school, people with dementia or a disability gone,
relatives far away, gas by comparison and typos, smoke pouring out, water reaching sockets and
lamps, things hanging over people, flooded garages, children outside windows, roof edges, open
manholes where people walk, live wires that shocked someone), each written many ways — none of
them a sentence of those sets. Also: the category a certain frame files under, near exclusions
and habits that are not resolutions."""

from __future__ import annotations

import pytest

from nlp.router import Router

CERTAIN: dict[str, list[str]] = {
    "missing": [
        "我家老爷子有点老年痴呆，早上出去买菜到现在都下午四点了还没回来，手机也没拿",
        "俺娘脑子糊涂了，夜里不知道啥时候自己开门走了，俺们找了一早上也没找着",
        "我女儿七岁，放学到现在还没到家，老师说四点就放了，现在六点半了",
        "俺家小子下午出去玩，到黑价了还没回来，附近都找遍了",
        "我儿子有自闭症，刚才在小区广场一转眼人就没了，喊他名字他也不会答应",
        "我父親有失智症，今天早上出門後就一直沒回來，已經六個小時了",
        "俺家老头子有点痴呆 夜来黑价出去就没回来 到现在一宿了",
        "恁快帮俺找找俺孙子 晌午放学就没见着人 书包都没回来",
        "我阿嬤有失智 早上出去買菜到現在都沒回來 手機也打不通",
        "我兒子有智力障礙 今天下午自己跑出去了 到現在沒找到",
        "我爷爷九十了 早晨出门锻炼 平时八点就回来了 现在十一点了还没回来",
        "我老公出去喝酒，到现在联系不上，他有癫痫",
        "来电人反映：其女儿（9岁）今日放学后未按时到家，学校称已正常离校，至今联系不上，请求协助。",
        "我嘅仔放学到而家都未返屋企 电话又唔听",
        "我老母走唔见咗 佢有老人痴呆",
        "俺爹脑子不清楚 晌午出门 到这会还没家来",
        "我孙女下了学到现在没个影 电话手表关机了",
    ],
    "fallen": [
        "我在北京上班，我爸一个人在家，刚才视频的时候说话含含糊糊的，嘴也歪了，现在电话不接了",
        "瘫痪在床的邻居大爷从床上滚下来了，一个人起不来",
        "我在国外 我爸独居 邻居说两天没见他出门了 敲门没人应",
        "來電人反映其父獨居，今早通話時發現其說話不清楚、半邊身體無力，請社區立即上門。",
        "有个大爷倒在小区路边 叫他也不答应",
    ],
    "gas": [
        "厨房里好像有煤汽味，头有点晕",
        "樓道裡有股很重的瓦斯味",
        "燃汽报警器嘀嘀嘀响个不停 屋里味很大",
        "燃起味好重，楼道里都是",
        "物业说是下水道的问题，我们家老人一直觉得不对，闻着像煤气",
        "灶上的火灭了，气还在往外跑，屋里全是味",
        "烧炭取暖的那家人都叫不醒了 屋里一股味",
    ],
    "fire": [
        "楼梯间全是烟，呛得人喘不上气，看不见楼下",
        "楼道里全是黑烟 往上窜 我们家在顶楼",
        "车库里一股烧塑料的味，烟一直往外冒",
        "樓下電動車棚著火了 火很大",
        "厨房油锅着了，火窜到抽油烟机上了",
        "村头的草垛让小孩点着了，越烧越大",
        "車庫裡濃煙滾滾 看不見人",
    ],
    "water_electric": [
        "插线板上全是水，卫生间的水管爆了水一直往外流",
        "楼上漏水顺着电灯往下滴，灯还亮着，开关那里也在滴水",
        "卫生间水管爆了 水漫到卧室 床边插线板还插着电",
        "楼上的水从吊灯里往下流 灯还开着",
        "洗衣机的水管脱了 水淌了一地 插排在地上泡着",
    ],
    "collapse": [
        "外墙的瓷砖一块一块往下掉，楼下是幼儿园门口，孩子们正放学",
        "楼上的空调外机架子锈断了，外机悬在半空晃，楼下就是人行道",
        "楼顶的广告牌被风吹得一直晃 快掉下来了 底下是菜市场人很多",
        "大树被雷劈裂了，斜在路上头，底下学生放学都从那过",
        "工地的塔吊在大风里晃得厉害 下面有人在干活",
    ],
    "trapped": [
        "地下车库进水了，还有人在里面开车出不来",
        "暴雨把地下室淹了，我爸还在下面搬东西，水已经到大腿了",
        "村里的桥洞下面积水了 一辆面包车熄火困在水里 车里有人在喊",
        "我家孩子把自己反锁在屋里，开着煤气，喊他不答应",
        "来电人反映：一儿童被困于车内，车辆已上锁，天气炎热。",
    ],
    "medical": [
        "有个小孩坐在六楼窗台上，窗户开着，家里没大人",
        "有个小孩在窗户外面的空调机上站着 家里没人",
        "五楼有个孩子骑在阳台护栏上",
        "高層有個小孩爬出窗戶外面 坐在窗台上",
        "有个女的在天台边上哭，一直说活不下去了",
        "井盖丢了一个大窟窿 刚才有个老太太差点掉下去 孩子们马上放学了",
        "人行道上的井盖被掀开了 有个小孩一脚踩空掉进去了",
        "井蓋被人撬走了 晚上黑漆漆的 剛才有個阿伯差點掉進去",
        "孩子吃了一颗纽扣电池",
    ],
    "live_wire": [
        "电线掉在地上了，刚才有只猫碰了一下就不动了",
        "电线断了耷拉在地上 有条狗过去被电死了",
        "电线杆倒了 电线搭在铁门上 刚才有人碰了一下被电了",
    ],
    "violence": [
        "有人在撬我家门 我在屋里不敢出声",
    ],
    "lift_trapped": [
        "电梯突然往下掉然后停住了，我和孩子在里面出不来",
        "电题卡住了 我在里面 门打不开",
    ],
}


def flat(families: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(name, text) for name, texts in families.items() for text in texts]


@pytest.mark.parametrize(("frame", "text"), flat(CERTAIN))
def test_frame_fires(router: Router, frame: str, text: str) -> None:
    decision = router.route(text)
    assert decision.urgent and frame in decision.urgent_frames, decision.rules


ASK = [
    "楼道里烟很呛 眼睛都睁不开 五楼有老人",
    "阿婆一个人住 成日都有打电话 今日打咗十几次都冇人听",
    "我姐姐精神不太好，昨天晚上出门一夜没回来，电话关机",
    "外婆一個人住，我在外地，從早上打電話到現在都沒人接，她有心臟病",
    "我在外地上学 我奶奶一个人住 打了一上午电话都没人接 平时她都接的",
    "单元里一股烂鸡蛋味 熏得头疼 不知道谁家漏了",
    "俺兄弟脑子不好使 前晌跑出去了 到这会儿没见人",
    "六楼阳台上的花盆架子松了 在那晃 底下就是小区大门口 人来人往",
    "俺娘一个人住村里 刚才打电话说头晕站不住 摔地上了 俺离着一百多里",
]


@pytest.mark.parametrize("text", ASK)
def test_signs_make_the_bot_ask(router: Router, text: str) -> None:
    decision = router.route(text)
    assert decision.urgent or decision.urgent_ask, decision.rules


CALM = [
    "上个月我家老人走丢过一次，后来找回来了，想问有没有防走失手环",
    "下水道有臭鸡蛋味，好几天了，物业一直不来疏通",
    "楼下饭店的油烟太大了，每天都呛得不行",
    "小区的井盖有点松，车开过去哐当响，麻烦修一下",
    "井盖丢了，物业已经围起来了，什么时候能换新的",
    "我妈摔了一跤，去医院看过了没什么事，想问小区路面的坑能不能补一下",
    "树枝挂到电线上了，有点不安全，麻烦找人修剪",
    "外墙瓷砖掉了几块，没砸到人，希望物业检查一下",
    "独居老人能申请什么补助，我妈一个人住",
    "老人家里暖气不热，打物业电话一直没人接",
    "报警器电池没电了一直滴滴叫，物业给换一下",
    "孩子离家出走的事已经解决了，谢谢网格员",
    "老伴中风后说话不清楚好几年了，想申请护理补贴",
    "上周有条大狗追着孩子咬，幸好没咬着，那狗到现在还在小区里转悠",
    "我爸上个月中风了，抢救过来了，现在半边身子动不了，想问能申请什么补助",
    "老人今早在家摔倒了，已经送往医院，现无生命危险",
    "来电人反映：上周其父在小区内摔倒，现已出院，建议在小区路面增设防滑措施。",
    "来电人反映：小区井盖缺失已两周，物业设置围挡后一直未更换。",
    "楼下有人放鞭炮，火星子溅到车上了，现在没事了",
    "老人走丢了怎么办，社区有没有预案",
    "楼道里有人抽烟，烟味很大，呛得孩子咳嗽",
    "车库里有股汽油味，车主注意一下",
    "楼下有小孩在玩火，被家长制止了",
    "门口两个人吵架，已经散了",
]


@pytest.mark.parametrize("text", CALM)
def test_calm_texts_stay_calm(router: Router, text: str) -> None:
    decision = router.route(text)
    assert not decision.urgent and not decision.urgent_ask, decision.rules


FILED_UNDER = [
    ("我家孩子放学到现在还没回家，电话手表也打不通", "missing", "public_security"),
    ("我妈有老年痴呆，早上出门到现在没回来，麻烦社区帮忙找找", "missing", "public_security"),
    ("单元门口一股煤气味，越来越浓", "gas", "utilities"),
    ("楼道里全是烟，不知道哪家着火了", "fire", "fire_safety"),
    ("两家人在楼下打起来了，有人拿着刀", "violence", "public_security"),
    ("电梯卡在两层中间，里面有个老人出不来", "lift_trapped", "elevator"),
]


@pytest.mark.parametrize(("text", "frame", "category"), FILED_UNDER)
def test_a_certain_frame_files_under_its_category(
    router: Router, text: str, frame: str, category: str
) -> None:
    decision = router.route(text)
    assert decision.urgent and frame in decision.urgent_frames, decision.rules
    assert decision.category == category, decision.rules


def test_a_frame_keeps_the_categories_it_leaves_alone(router: Router) -> None:
    decision = router.route("楼下充电桩那里的电动车充电时着火了，火很大")
    assert decision.urgent and decision.category == "ev_charging", decision.rules


def test_an_ask_leaves_the_category_to_the_text(router: Router) -> None:
    decision = router.route("我爸电话一直打不通，他一个人住，想问问社区有没有上门探访")
    assert decision.urgent_ask
    assert not any("分类按险情" in line for line in decision.rules)


def test_a_near_exclusion_counts_only_close_to_the_danger(router: Router) -> None:
    assert not router.route("下水道返上来一股臭鸡蛋味").urgent
    far = router.route("家里有股臭鸡蛋味，越来越重，老伴非说是下水道反上来的，我不敢点火")
    assert far.urgent, far.rules


@pytest.mark.parametrize(
    "text",
    [
        "孩子走丢那事过去半年了，想给帮忙找的邻居送面锦旗",
        "煤气泄漏那件事物业后来给了说法没有",
        "老人摔倒那回事，家属说要投诉物业地滑",
        "电梯下坠那事过去一个月了，维保公司到现在没个说法",
        "楼道着火的那件事，烧黑的墙谁来刷",
        "楼下打架那事你们后来处理了吗",
    ],
)
def test_a_danger_named_as_a_matter_told_is_not_happening(router: Router, text: str) -> None:
    decision = router.route(text)
    assert not decision.urgent, decision.rules
    assert any("（那" in note for note in decision.rules), decision.rules


@pytest.mark.parametrize(
    "text",
    [
        "上回那事以后，今天电梯又困住人了，快来",
        "那件事先不说，现在楼道里全是煤气味，快来人",
        "楼下现在有人在打架，就是上次那事的两家",
    ],
)
def test_a_matter_told_elsewhere_in_the_text_does_not_switch_a_danger_off(
    router: Router, text: str
) -> None:
    decision = router.route(text)
    assert decision.urgent, decision.rules


def test_a_habit_is_not_the_danger_being_over(router: Router) -> None:
    decision = router.route("我家孩子放学到现在还没到家，平时四点半就回来了，现在七点了")
    assert decision.urgent, decision.rules
    over = router.route("我家孩子放学到现在还没到家，刚才自己回来了")
    assert not over.urgent and not over.urgent_ask, over.rules


# Third round: the families missed on a third blind set, each written many ways (none of them a
# sentence of that set): dementia gone at night in the cold, swallowed detergent or poison, cars
# stalled in deep water, water in a lamp, a farewell note with pills, slurred speech on the phone,
# an overturned wheelchair, icicles over a doorway, a hissing cylinder, a collapse by a gas water
# heater, an open lift shaft, a thud and moaning behind a locked door, a bedridden person calling
# weakly, workers overcome below ground, a child locked in a car, days unseen with no answer, a
# collapsed shed with someone inside, steel falling from a crane, a child being beaten.
THIRD_ROUND: dict[str, list[str]] = {
    "missing": [
        "俺奶奶糊涂了好几年了 半夜自己开门出去了 早上才发现床上没人 外面零下十度",
        "我姥爷有老年痴呆，昨天夜里趁我们睡着出去了，起来一看床上没人了，穿着睡衣就走了",
        "我公公失智，天还没亮就自己開門出去了，剛發現炕上沒人",
        "来电人反映：其母亲（79岁，认知障碍）今晨独自外出，至今未归，家属正在寻找。",
        "俺爹八十多了一个人出门遛弯 到现在还没回来 天都黑了",
    ],
    "medical": [
        "我家娃把洗衣液当饮料喝了一口，现在一直吐，脸都白了",
        "小孩偷吃了两颗洗衣凝珠 一直在呕 嘴里全是泡沫",
        "我孫子把消毒水喝了一口，現在一直在吐",
        "孩子把老鼠药当糖吃了，正在吐",
        "邻居家女孩在网上发了一封遗书，说不想拖累家里，电话一直不接",
        "朋友发了条像遗言一样的朋友圈，还拍了一把安眠药，打电话不接，敲门也没人应",
        "同学发了段跟遗书一样的话，还拍了安眠药的照片，微信不回电话不接",
        "两个工人下化粪池清淤，半天没上来，喊也没动静",
        "有个师傅下到窨井里修管子晕倒了，上面的人下去救也没上来",
    ],
    "trapped": [
        "桥洞底下水很深，有辆车熄火泡在里面，车里还有人，在拍车窗",
        "涵洞里积水都漫到车顶了 一辆轿车困在水里 里面有人在喊",
        "超市门口一辆车里锁着个婴儿，车主不在，太阳底下晒着，孩子一直哭",
        "停車場車裡關著一個小孩，熱得滿頭大汗，找不到車主",
        "大雪把自行车棚压塌了，刚才看见有个人进去推车，一直没见出来",
        "彩钢棚被雪压垮了，里面还有人，快来人",
    ],
    "water_electric": [
        "楼上漏水漏进吊灯了，灯罩里都是水，灯一闪一闪的",
        "天花板渗水渗到顶灯里，灯罩里全是水，还在滋滋响",
        "卫生间漏水，水顺着灯往下滴，灯一直闪，还啪啪响",
    ],
    "fallen": [
        "刚才给我爸打电话，他说话含含糊糊，舌头不利索，他一个人在家",
        "我妈在电话里说话含含乎乎的，问她什么都答不上来，我在外地回不去",
        "楼下坐轮椅的阿姨轮椅翻了，人压在底下，头磕出血了",
        "隔壁独居的大爷刚才咚的一声，然后一直哎哟哎哟地叫，门锁着进不去",
        "对门卧床的老太太屋里一直有人喊，喊得有气无力，护工今天没来",
        "楼上老王一个人住，三天没见着人了，敲门没动静，门口的报纸都堆满了",
        "隔壁大爷独居，奶箱塞满了好几天的牛奶，敲门没人应，电话也没人接",
        "独居的李叔家电视开了两天一直响，敲门也不应，他有高血压",
        "我老婆洗澡半天没出来，进去一看晕在地上了，煤气热水器还开着",
    ],
    "gas": [
        "液化气罐那边一直嘶嘶响，屋里一股味，我不敢开灯",
        "厨房的煤气瓶子滋滋地响 闻着有味",
        "燃气热水器开着，我媳妇在卫生间晕倒了，叫不醒",
    ],
    "lift_trapped": [
        "电梯门打开了里面没有轿厢，下面黑洞洞的，差点掉进去",
        "三楼的电梯门自己开着 没有电梯 电梯井敞着",
    ],
    "collapse": [
        "单元门口上方挂着一排冰溜子，刚掉下来一根，差点砸到放学的孩子，上面还挂着好多",
        "屋檐的冰柱子往下掉，底下是孩子们上学走的路，还有好几根悬着",
        "工地塔吊上的钢筋掉下来了，砸在小区路上，离人就差一米",
        "脚手架上的扣件往下掉，掉到人行道上了，工地还在施工",
    ],
    "violence": [
        "隔壁在打孩子，打了一个多小时了，孩子哭得嗓子都哑了",
        "楼下那家又在打小孩，听见皮带抽的声音，孩子一直哭喊",
        "對面正在打孩子，用衣架抽孩子，哭得撕心裂肺",
    ],
}


@pytest.mark.parametrize(("frame", "text"), flat(THIRD_ROUND))
def test_third_round_frames_fire(router: Router, frame: str, text: str) -> None:
    decision = router.route(text)
    assert decision.urgent and frame in decision.urgent_frames, decision.rules


THIRD_ROUND_CALM = [
    "楼下KTV天天唱到半夜，吵得我都想跳楼了",
    "装修电钻响了一整天，烦得我想跳楼",
    "几个小孩在楼道里玩游戏，一直喊救命，太吵了，家长管一管",
    "小朋友做游戏乱喊救命，吓人一跳，能不能管管",
    "昨天闻到煤气味，燃气公司来人把阀门换好了，现在没味了，想问别家要不要查",
    "家里有点煤气味，师傅来修过了，现在闻不到了",
    "对面饭店天天熏肉，烟从排烟管往我家窗户里飘，衣服都不能晒",
    "想问问燃气报警器去哪里买，物业能不能统一安装",
    "老接到诈骗电话说我儿子出事了让打钱，提醒大家别上当",
    "去年屋檐的冰溜子掉下来砸坏过车，今年早点清理吧",
    "昨晚楼下有人打架，派出所来人带走了，想问以后能不能多巡逻",
    "朋友圈有人发遗书模板，是骗人的吧",
    "他家电视一直开得很大声，晚上也不关，敲门也不应",
    "楼道的声控灯一闪一闪的，旁边水管也漏水，物业一直不修",
    "工人下污水井清淤，没有防护措施，建议管管",
    "冰溜子挂在屋檐上，建议物业清理一下",
    "老人说话含糊好几年了，想申请护理补贴",
    "电梯门开了里面没有轿厢，物业已经围起来了，维修的人在修",
    "屋檐的冰凌掉下来砸在地上，幸好没人，已经清理了",
]


@pytest.mark.parametrize("text", THIRD_ROUND_CALM)
def test_third_round_calm_texts_stay_calm(router: Router, text: str) -> None:
    decision = router.route(text)
    assert not decision.urgent and not decision.urgent_ask, decision.rules


THIRD_ROUND_ASK = [
    "楼上在打孩子，孩子哭得厉害",
    "孩子在小区滑梯上磕出血了，滑梯边角太锋利",
    "那家人的电视白天黑夜都开着，敲门也没反应",
    "朋友圈看见邻居发了遗书，不知道真的假的",
]


@pytest.mark.parametrize("text", THIRD_ROUND_ASK)
def test_third_round_signs_make_the_bot_ask(router: Router, text: str) -> None:
    decision = router.route(text)
    assert decision.urgent_ask and not decision.urgent, decision.rules

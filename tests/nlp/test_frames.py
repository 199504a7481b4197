"""Urgency frames (rules.yaml `urgent.kinds`): each frame and each switch-off, written as
families of phrasings (relatives far away, dialect, Traditional characters, typos)."""

from __future__ import annotations

import pytest

from nlp.router import Router

FRAMES: dict[str, list[str]] = {
    "missing": [
        "我爸有点老年痴呆，吃完午饭出去溜达，天都黑了还没回家",
        "家里老太太有阿尔茨海默，一早出门到现在都没见人影，大家帮忙看看",
        "我兒子放學到現在還沒回來，電話手錶也打不通，急死了",
        "俺家娃下午出去耍，到这会儿还找不着人",
        "孙女在小区广场玩，一转眼就不见了，到处都找遍了",
        "我妈脑子不清楚，早上出去买菜一直没回，求大家帮忙留意",
        "我家孩子和我们走散了，找了一圈都没找到",
        "找不到我奶奶了，她有痴呆，穿一件红棉袄",
        "老爷子出去散步，手机没带，这都晚上九点了还没见回来",
        "来电人称其母患阿尔兹海默症，上午独自外出，至今未归",
        "我家小宝三岁，刚刚还在楼下滑滑梯，一眨眼人没了",
        "我闺女到现在还没放学回来，老师说早走了",
        "我家娃不见啦，急死人",
        "来电人反映：其家中老人于今晨外出后未归，老人患有认知障碍",
        "一名儿童在小区内走失，身穿红色上衣",
        "来电人称其父亲失联两天",
        "俺家老汉儿出门遛弯到现在还没个人影，他脑子不太灵光",
        "老人昨天下午出门，一晚上没回来",
        "孩子昨天晚上离家出走了，到现在没消息",
    ],
    "fallen": [
        "我妈一个人在家，刚打电话说摔了一跤爬不起来，我在外省赶不回去",
        "楼上独居的大爷倒在卫生间了，喊他没反应",
        "我爸刚才电话里说话不清楚，舌头发硬，他一个人住",
        "对门老太太好几天没见出门，敲门也没人应",
        "爷爷摔倒在地上起不来了，快来人",
        "我外婆躺在地上一动不动，叫她也不答应",
        "獨居老人在家跌倒了站不起來，麻煩社區去看看",
        "刚才看到一个老人坐在马路中间，神志不清，喊他也不理",
        "有个醉汉躺在马路中间，车来车往",
        "我奶奶在家里滑倒了，头磕破了流了好多血",
        "我妈刚打电话过来，说话大舌头，半边手没劲",
        "阿婆一个人住，跌咗起唔到身",
        "我爸摔倒了起不了床了",
        "来电人称其邻居独居老人多日未见，敲门无人应答",
        "老人在家中跌倒，无法起身",
        "我妈刚才给我打电话，话说一半就没声了，再打就没人接了，她一个人在家",
        "老公在厨房煮东西，突然倒下了，叫他没反应",
    ],
    "gas": [
        "单元门口一股臭鸡蛋的味道，熏得头疼",
        "楼道里有股子煤气味，越闻越浓",
        "厨房天然气的味道特别大，不知道哪里漏了",
        "廚房有很濃的瓦斯味",
        "一开门就一股液化气味儿，呛得很",
        "楼道里好大的煤汽味",
        "老人在家被煤气熏晕了",
    ],
    "live_wire": [
        "大风把路边的树刮断了，正好压在电线上",
        "树倒了砸在高压线上，线都快断了",
        "电线被刮下来了，拖在地上还冒火花",
        "家里插座突然啪的一声冒火了，现在还有焦味",
        "昨晚那棵大杨树倒了，现在还压着电线，没人来管",
    ],
    "water_electric": [
        "雨水灌进屋里了，墙角的插线板泡在水里",
        "家里进水了，水都漫到插座了，还通着电",
        "楼道积水淹到配电箱了",
    ],
    "fire_spread": [
        "院子里烧秸秆，火已经烧到隔壁的房檐了",
        "楼道里烧纸，火星子把堆的纸箱点着了",
        "烧烤摊的火苗窜到了旁边的棚子上",
    ],
    "fire": [
        "楼下车棚着火了，火苗窜老高",
        "三楼窗户往外冒黑烟",
        "樓道裡起火了，好多煙",
    ],
    "collapse": [
        "楼顶的广告牌被风吹歪了，随时会掉下来",
        "外墙瓷砖还在往下掉，下面是人行道",
        "工地塔吊被风吹得吱吱响，感觉要倒了",
    ],
    "trapped": [
        "孩子被反锁在车里了，天这么热",
        "老人被锁在卫生间里出不来，门打不开",
        "小区门口的大树倒了，压住了一辆车，车里好像有人",
        "暴雨把地下室淹了，里面还有老人住",
        "有人被困在车库卷帘门下",
        "有个小孩卡在防盗窗里了，头出不来",
    ],
    "lift_trapped": [
        "电梯卡住了，我妈在里面出不来",
        "电梯困人了，里面有个孩子在哭",
    ],
    "violence": [
        "楼下有人拿着刀在追人",
        "两个男的在小区门口打起来了，快报警",
        "隔壁男的正在打老婆，一直在喊",
        "一个醉汉拿着啤酒瓶在小区门口砸人",
        "有人在砸车，拿着铁棍",
        "隔壁一直在打孩子，孩子哭得撕心裂肺，快半小时了",
        "有人在小区里抢包，往北门跑了",
        "家里进了小偷，人还在屋里，我躲在卧室",
    ],
    "scam": [
        "我外公这会儿在银行柜台，电话里自称公安的人让他把钱全转到安全账户",
        "门口有人冒充燃气公司，现在正逼着我奶奶扫码交钱",
        "安全賬戶那套騙局，我媽現在正在銀行要轉錢，誰去攔一下",
    ],
    "medical": [
        "我媳妇怀孕八个月，刚才破水了，叫不到车",
        "楼下有人晕倒了，口吐白沫",
        "我家小孩误吞了一颗电池",
        "我爸被开水烫伤了一大片，皮都起了",
        "有个孩子在楼顶天台边上坐着",
        "小孩从二楼阳台掉下去了",
        "小孩在小区池塘边玩，刚掉水里了",
        "有个小孩爬到窗户外面的空调架上了",
    ],
}


def flat(families: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(family, phrasing) pairs for parametrize."""
    return [(name, text) for name, texts in families.items() for text in texts]


@pytest.mark.parametrize(("frame", "text"), flat(FRAMES))
def test_frame_fires(router: Router, frame: str, text: str) -> None:
    decision = router.route(text)
    assert decision.urgent and not decision.urgent_ask, decision.rules
    assert frame in decision.urgent_frames, decision.rules
    assert any(f"紧急（{frame}）" in line for line in decision.rules)


ANSWERS = {"missing": "missing", "fallen": "fallen"}


@pytest.mark.parametrize("frame", sorted(ANSWERS))
def test_missing_and_fallen_frames_carry_their_answer(router: Router, frame: str) -> None:
    for text in FRAMES[frame]:
        assert router.route(text).urgent_answer == ANSWERS[frame], text


def test_gas_frame_names_the_gas_company_line(router: Router) -> None:
    decision = router.route("楼道里一股臭鸡蛋味，越来越冲")
    assert decision.emergency_numbers == ("119", "gas")
    assert any("燃气公司 96777" in line for line in decision.rules)


SWITCHES: dict[str, list[str]] = {
    "past": [
        "前天晚上有人在小区门口打架，警察来了以后散了，希望加强巡逻",
        "去年冬天燃气泄漏过一次，燃气公司来修好了，想问燃气表能不能挪位置",
        "上回着火以后物业就没换过灭火器",
        "去年电梯困过人，到现在还没大修",
        "上周那只流浪狗追过孩子，请尽快抓走",
        "前两天我妈摔了一跤，想问社区有没有上门护理",
        "我爸以前走丢过，想给他办个防走失手环",
        "上个月孩子离家出走过一次，想找心理老师聊聊",
        "前年楼道里着过一次火，楼道里的杂物到现在还没人清",
    ],
    "hypothetical": [
        "万一着火了怎么办，楼道全堵死了",
        "要是老人在楼梯上摔倒了都没人知道，扶手该修了",
        "路灯不亮，老人晚上出门容易摔跤",
        "如果燃气泄漏了，这个报警器根本不响",
        "担心孩子放学找不到家，路口能不能装个指示牌",
        "地下车库一下雨就积水，配电箱就在旁边，希望整改",
        "楼上天天吵架打架，吵得人睡不着",
        "邻居家的空调外机架子松了，我担心掉下来砸到人",
    ],
    "resolved": [
        "我妈下午走丢了，刚才派出所帮忙找到了，谢谢大家",
        "楼道煤气味是隔壁没关阀门，已经关了阀门，不漏了",
        "楼下的火已经灭了，想问问谁来清理",
        "孩子放学没回家，后来在同学家找到了，虚惊一场",
    ],
    "negation": [
        "没有煤气味，就是燃气表走得特别快",
        "没人被困，电梯就是停在三楼不动",
        "楼道没有着火，只是有人在烧纸",
    ],
    "distance": [
        "看到新闻里说有小区燃气爆炸了，我们楼的燃气管也老了，建议查一查",
        "网上看到有个老人走丢了好几天，社区能不能多宣传防走失",
        "抖音上说别的小区电梯困人困了两个小时，我们小区电梯也该检修了",
    ],
    "ordinary": [
        "燃气费在哪里交，营业厅几点下班",
        "树枝太长了，挡住了三楼的窗户，请修剪一下",
        "孩子的自行车在楼下不见了，怀疑被偷了",
        "老人活动室的空调坏了",
        "楼道电线乱拉乱接，看着不安全，请物业整改",
        "下水道返味，一股臭味",
        "暖气不热，打热力公司电话没人接，家里老人冻得受不了",
        "这家饭店快倒闭了，欠了工人工资",
        "老人家门口的下水道堵了，找不到人来修",
        "孩子们玩的滑梯坏了，找不到人管",
        "孩子上学要过马路，找不着人行横道",
        "奶奶想办老年证，联系不上社区的人",
        "我爸打电话给物业没人应",
        "老人家门口的电动车倒在地上没人管",
        "建议在小区门口多装几个摄像头，防抢劫",
        "有辆共享单车倒在马路中间，挡着路",
        "路边有人躺在长椅上睡觉",
        "花盆从阳台掉下来了，差点砸到人",
        "孩子入学到现在还没消息",
        "老人的补贴申请交上去一个月了还没消息",
        "老人的拐杖不见了，可能是落在活动室了",
        "孩子的书包找不到了，问问保安有没有捡到",
    ],
}


@pytest.mark.parametrize(("switch", "text"), flat(SWITCHES))
def test_switch_keeps_it_calm(router: Router, switch: str, text: str) -> None:
    decision = router.route(text)
    assert not decision.urgent and not decision.urgent_ask, (switch, decision.rules)


def test_explain_names_the_switch(router: Router) -> None:
    rules = router.route("上回着火以后物业就没换过灭火器").rules
    assert any("不算紧急" in line and "过去" in line for line in rules)
    rules = router.route("看到新闻里说有小区燃气爆炸了").rules
    assert any("别处" in line for line in rules)


ASK = [
    "我家老人刚在楼道里摔了一跤",
    "我妈刚才在家摔倒了，我打电话她说还行",
    "我爸电话一直打不通，他一个人住",
    "隔壁半夜一直在砸门，女的在尖叫",
    "楼道里有烟味，不知道哪里来的",
    "水龙头摸着麻手",
    "有人在楼道里撬门，我一个人在家很害怕",
    "对门那家好几天没人了，门口快递堆了一堆",
    "我老公公一个人在家，打了一下午电话没人接，我们在外地",
    "楼上阳台的花盆摇摇晃晃，下面就是小孩玩的地方",
]


@pytest.mark.parametrize("text", ASK)
def test_signs_without_a_certain_frame_ask(router: Router, text: str) -> None:
    decision = router.route(text)
    assert decision.urgent_ask and not decision.urgent, decision.rules
    assert decision.to_json_dict()["urgent"] == "ask"
    assert decision.emergency_numbers
    assert any("可能紧急" in line for line in decision.rules)


def test_urgent_and_calm_keep_booleans_in_the_contract(router: Router) -> None:
    assert router.route(FRAMES["fire"][0]).to_json_dict()["urgent"] is True
    assert router.route(SWITCHES["ordinary"][0]).to_json_dict()["urgent"] is False

"""Urgency frames, fourth round: families of phrasings found missing on blind set D (people
overcome in a pit named first, workers buried in a collapsed trench, hands stuck to a live
current, broken equipment with children still on it, things hanging half off over a doorway,
water at a plug, a hissing gas stove, a vulnerable person who never arrived), and the calm ones
it flagged (a child found, scam calls, another animal bitten, prevention talks, rain-time
trouble, a fire put out) — each written many ways, none a sentence of the set."""

from __future__ import annotations

import pytest

from nlp.router import Router
from tests.nlp.test_frame_families import flat

CERTAIN: dict[str, list[str]] = {
    "medical": [
        "污水井那边下去了一个疏通的师傅，二十分钟了没上来，喊也不应",
        "村口的沼气池下去一个人清理，半天没动静",
        "化粪池里下去了俩工人 好一会儿不吭声了",
    ],
    "trapped": [
        "路边挖的沟塌了一段，把一个工人埋住了，就露个头",
        "土方塌下来埋住了两个干活的，大家在用铁锹挖",
        "墙倒了砸住了一个路过的老人",
    ],
    "live_wire": [
        "小区门口那个人手抓着充电桩不动弹了，像是被电住了",
        "有个工人碰着配电箱就一直哆嗦，撒不开手",
        "我家孩子摸插座被电住了，怎么拽都拽不下来",
    ],
    "collapse": [
        "广场上的单杠断了一边，歪着，还有孩子在上面爬",
        "游乐场的蹦床架子裂了，摇摇晃晃的，小孩们还在上面跳着玩",
        "楼上的防盗窗掉了半截，吊在那晃，正对着单元门口",
        "七楼一块铝合金窗框掉了一半，挂在那里来回晃荡，就在大门口上头",
    ],
    "water_electric": [
        "水管爆了，满地是水，电饭锅插头那块都泡着了",
        "卫生间漏水漫到卧室，洗衣机的插头泡在水里",
    ],
    "gas": [
        "燃气灶关了火还有嘶嘶的声音，屋里味很大，我不敢开抽油烟机",
        "天然气管子那块一直滋滋的，一屋子味",
        "煤气阀关上了还能听到丝丝的声儿",
    ],
}
CAUGHT: dict[str, list[str]] = {
    "missing": [
        "我妹妹是聋哑人，早上出门去培训班，老师说她根本没到，给她发消息也不回",
        "我儿子有唐氏，早上坐公交去康复中心，中心说一直没到，短信也没回",
    ],
}
CALM = [
    "刚才孩子找不到了，结果在楼下超市看人打牌，虚惊一场，保安该管管",
    "有个孩子跟家长走散了，原来在游乐场玩，已经交给家长了，登记一下",
    "有人打电话说我外孙打人被抓了要交保证金，我差点转钱，这种骗子能不能查",
    "我家狗被流浪狗咬伤了，流浪狗还在小区里转，能不能抓走",
    "社区能不能来讲讲怎么防一氧化碳中毒，发几个报警器",
    "下雨的时候车棚里插头都泡在水里，不敢充电",
    "垃圾桶里烟头着起来了，保安拿灭火器灭了，没人受伤",
    "楼下小饭馆抽油烟机太吵了，还有油烟",
    "孩子去培训班上课，老师说今天停课，想问问补课怎么安排",
]


@pytest.mark.parametrize(("frame", "text"), flat(CERTAIN))
def test_fourth_round_frames_fire(router: Router, frame: str, text: str) -> None:
    decision = router.route(text)
    assert decision.urgent and frame in decision.urgent_frames, decision.rules


@pytest.mark.parametrize(("frame", "text"), flat(CAUGHT))
def test_fourth_round_frames_catch_or_ask(router: Router, frame: str, text: str) -> None:
    decision = router.route(text)
    assert decision.urgent or decision.urgent_ask, decision.rules
    assert frame in decision.urgent_frames, decision.rules


@pytest.mark.parametrize("text", CALM)
def test_fourth_round_calm_texts_stay_calm(router: Router, text: str) -> None:
    decision = router.route(text)
    assert not decision.urgent and not decision.urgent_ask, decision.rules

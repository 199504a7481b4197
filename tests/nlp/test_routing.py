"""Routing behaviour: borderline guides, negation, "already solved", urgency, decision shape."""

from __future__ import annotations

import asyncio
import dataclasses
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import jieba
import pytest

from models.config.schema import GridDeskConfig
from nlp.router import CONTRACT_KEYS, Router
from nlp.rules import load_rules
from nlp.tokenizer import DomainTokenizer


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # The guide's borderline cases: the main ask decides.
        ("楼上漏水把我家吊顶泡坏了，让他赔他不认账，想请社区调解", "neighbor_dispute"),
        ("楼上卫生间漏水到我家一个礼拜了，麻烦赶紧派人来把漏点堵上", "water_leak"),
        ("楼道里好几辆电动车在充电，堵着消防通道，万一着火了怎么办", "ev_charging"),
        ("消防通道天天停满私家车，消防车根本进不来", "fire_safety"),
        ("小区门口老有车乱停，把大门堵了，早上出不去", "parking"),
        ("3栋2单元楼道灯坏了一个月，物业一直不修", "property_service"),
        ("门口那段路的路灯坏了半个月，晚上黑灯瞎火的", "street_light"),
        ("那棵树长得太密了，把路灯整个挡住了，晚上黑乎乎的", "greenery"),
        ("楼上那家中午一点就开电钻装修，午觉根本睡不了", "noise"),
        ("楼下的狗天天晚上叫，一叫一两个小时", "pets"),
        ("在厂里干活手被机器压伤了，厂里不给认定工伤", "labor_dispute"),
        ("物业修水管把我家地板撬了，找物业要赔偿一直推来推去", "neighbor_dispute"),
        ("电梯一开起来就晃，还有咔咔的响声", "elevator"),
        ("听说小区要加装电梯，是真的吗？", "other"),
        ("接到电话说是公安局的，让把钱转到安全账户", "public_security"),
        ("一个人住的残疾人，家里条件很差，希望帮忙申请补助", "social_assistance"),
        ("装修垃圾堆在楼下一个多月了也不拉走", "sanitation"),
        ("楼顶加盖了一间彩钢房", "illegal_construction"),
        ("路面有个大坑，井盖也松了", "road_facility"),
        ("暖气一点都不热，屋里才十五度", "utilities"),
    ],
)
def test_main_ask_decides(router: Router, text: str, category: str) -> None:
    assert router.route(text).category == category


def test_negated_terms_do_not_count(router: Router) -> None:
    decision = router.route("不是停水，是水压太低了，热水器都打不着")
    assert decision.category == "utilities"
    assert "停水" not in decision.keywords
    assert any("不是停水" in line for line in decision.rules)
    assert router.route("不是楼道灯，是外面路边的路灯不亮").category == "street_light"


def test_questions_are_not_negations(router: Router) -> None:
    assert "停水" in router.route("明天有没有停水通知？").keywords


def test_already_solved_counts_less(router: Router) -> None:
    decision = router.route("上次漏水已经修好了，这次是楼道灯坏了")
    assert decision.category == "property_service"
    assert router.route("上次漏水修好了又漏了，还是卫生间顶上").category == "water_leak"
    assert any("已解决" in line for line in router.route("楼上漏水已经修好了").rules)


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("三楼有户人家窗户往外冒黑烟，楼道里全是烟味", ("119",)),
        ("楼道里一股很冲的煤气味，越来越大", ("119", "gas")),
        ("电梯卡在8楼和9楼中间，里面关着我妈和孩子", ("119",)),
        ("路灯杆底下的电线露在外面，刚才有个小孩被电得直哭", ("119", "120")),
        ("路面突然塌了个大坑，还在往下陷", ("119",)),
        ("楼上装修砸了承重墙，我家墙上裂了大缝，还在往下掉渣", ("119",)),
        ("楼下有两个人正在打架，有一个拿着刀，已经见血了", ("110", "120")),
        ("我家孩子放学到现在还没回来，电话手表也联系不上", ("110",)),
        ("水管爆了，水已经漫到插座那么高了，冰箱还插着电", ("119",)),
        ("楼下有个老人晕倒了，叫不醒", ("120",)),
        ("救命啊", ("110",)),
    ],
)
def test_urgent_kinds_and_numbers(router: Router, text: str, numbers: tuple[str, ...]) -> None:
    decision = router.route(text)
    assert decision.urgent
    assert decision.emergency_numbers == numbers


@pytest.mark.parametrize(
    "text",
    [
        "以前我们楼着过火，现在楼道里又堆满了杂物",
        "消火栓被车撞歪了，真着火了怎么用？",
        "楼梯间堆满了纸箱，万一失火怎么跑",
        "烟感器老是误报，半夜嘀嘀响，根本没有烟",
        "上周电梯困人，人被困了半个小时，物业到现在也没说原因",
        "电梯经常停在半路，今天没人被关，但是太吓人了",
        "燃气灶一直打不着火，是不是燃气公司在检修",
        "昨晚两拨人打架，警察来之前就跑了",
        "楼道里有人抽烟，全是烟味",
        "厨房着火了，不过火已经灭了，烧坏了橱柜",
        "孩子的疫苗本丢了，去哪补办",
        "路面塌了个坑，上个月就这样了",
    ],
)
def test_not_urgent(router: Router, text: str) -> None:
    decision = router.route(text)
    assert not decision.urgent
    assert decision.emergency_numbers == ()


def test_decision_shape_and_contract(router: Router) -> None:
    decision = router.route("明德花园5号楼602，楼上卫生间往我家渗水，天花板一直在滴")
    assert (decision.category, decision.community, decision.grid) == (
        "water_leak",
        "MDHY",
        "MDHY-01",
    )
    assert (decision.building, decision.room, decision.script) == (5, "602", "hans")
    assert 0.35 <= decision.confidence <= 1
    assert not decision.needs_review
    assert "渗水" in decision.keywords
    assert decision.rules and decision.rules[0].startswith("分类：漏水渗水")
    data = decision.to_json_dict()
    assert tuple(data) == CONTRACT_KEYS
    assert data["category_name"] == "漏水渗水"
    explained = decision.to_json_dict(explain=True)
    assert {"rules", "unit", "room", "emergency_numbers"} <= set(explained)
    with pytest.raises(dataclasses.FrozenInstanceError):
        decision.category = "other"  # type: ignore[misc]


def test_needs_review_when_grid_unknown_or_unsure(
    router: Router, demo_config: GridDeskConfig
) -> None:
    assert router.route("楼道灯坏了").needs_review  # no grid
    assert router.route("颂运水庭小区中间的水管爆了").needs_review  # community only
    confident = router.route("明德花园5号楼楼道灯坏了")
    assert not confident.needs_review
    strict = Router(demo_config, router.rules, review_threshold=1.0)
    unsure = strict.route("明德花园5号楼楼上漏水，想请人调解")
    assert unsure.confidence < 1 and unsure.needs_review
    with pytest.raises(ValueError):
        Router(demo_config, router.rules, review_threshold=1.5)


def test_traditional_complaint(router: Router) -> None:
    decision = router.route("救命！明德花園15號樓電梯卡在8樓和9樓中間不動了，裡面關著我媽和孩子")
    assert (decision.category, decision.grid, decision.urgent, decision.script) == (
        "elevator",
        "MDHY-03",
        True,
        "hant",
    )


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\n\t",
        "😀🙏👍",
        "\x00\x01楼道\x07灯坏了\x1b",
        "漏水" * 10_000,
        "明德花園5号楼楼道燈坏了 the light is broken",
        "\ud83d漏水",
    ],
)
def test_bad_input_gives_a_clear_result(router: Router, text: str) -> None:
    decision = router.route(text, (999.0, 116.6))
    assert decision.category in router.category_names
    assert 0 <= decision.confidence <= 1
    assert decision.grid is None or decision.community is not None
    assert any("定位无效" in line for line in decision.rules)


def test_empty_text_goes_to_review(router: Router) -> None:
    decision = router.route("   ")
    assert (decision.category, decision.confidence, decision.needs_review) == ("other", 0.0, True)
    assert decision.keywords == []


def test_location_only(router: Router) -> None:
    decision = router.route("这条路上的路灯全灭了", (35.3425, 116.6360))
    assert (decision.category, decision.community, decision.grid) == (
        "street_light",
        "JDXC",
        "JDXC-02",
    )


def test_detect_urgency_for_follow_ups(router: Router) -> None:
    assert router.detect_urgency("现在楼道里开始冒烟了").urgent
    assert not router.detect_urgency("谢谢，已经修好了").urgent


def test_safe_from_many_threads_and_coroutines(router: Router) -> None:
    texts = [
        "明德花园5号楼楼道灯坏了",
        "頌運水庭8棟頂樓漏水",
        "楼下有人正在打架，拿着刀",
        "济东新村3#楼暖气不热",
        "想问一下低保怎么申请",
    ] * 40
    expected = [router.route(text) for text in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(router.route, texts)) == expected

    async def route_all() -> list[object]:
        async def one(text: str) -> object:
            await asyncio.sleep(0)
            return router.route(text)

        return list(await asyncio.gather(*(one(text) for text in texts)))

    assert asyncio.run(route_all()) == expected


def test_dedicated_tokenizer_with_domain_dictionary(router: Router) -> None:
    words = router.tokenizer.lcut("颂运水庭8号楼有人飞线充电，电瓶车堆在消防通道")
    assert {"颂运水庭", "飞线充电", "电瓶车", "消防通道"} <= set(words)
    assert router.tokenizer._freq is not jieba.dt.FREQ
    assert "颂运水庭" not in jieba.dt.FREQ  # the global tokenizer is left alone


def test_tokenizer_cache_is_written_and_reused(tmp_path: Path, demo_config: GridDeskConfig) -> None:
    words = {"颂运水庭": None, "飞线充电": None}
    first = DomainTokenizer(words, ["飞线充电"], tmp_path)
    assert first.cache_path is not None and first.cache_path.parent == tmp_path
    second = DomainTokenizer(words, ["飞线充电"], tmp_path)
    assert second.cache_path == first.cache_path
    assert second.lcut("颂运水庭有人飞线充电") == first.lcut("颂运水庭有人飞线充电")
    first.cache_path.write_bytes(b"garbage")
    third = DomainTokenizer(words, ["飞线充电"], tmp_path)  # a broken cache is rebuilt
    assert "飞线充电" in third.lcut("有人飞线充电")


def test_router_rules_reload(router: Router, demo_config: GridDeskConfig) -> None:
    assert (
        load_rules(None, demo_config.taxonomy).categories.keys() == router.rules.categories.keys()
    )


def test_the_main_ask_outweighs_background(router: Router) -> None:
    story = "我家跟楼上因为他家卫生间漏水泡坏我家吊顶的事，谈了好几次赔偿谈不拢"
    assert router.route(story + "，想请社区来调解").category == "neighbor_dispute"
    leak = "楼上卫生间漏水泡坏我家吊顶，邻居说不是他家的事"
    assert router.route(leak + "，麻烦赶紧派人来把漏点堵上").category == "water_leak"

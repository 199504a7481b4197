"""Urgency frames, seventh round: families found missing on blind set G — written Cantonese
(folded to the Mandarin words the rules use), whoever is named inside a stuck lift, a relative
being beaten now, a knife and a threat, allergic swelling, convulsions, poisons by name, people
under a vehicle or in a flooded bus, electrical boxes on fire, cold that does not stop; and the
calm ones (a fire put out, a person brought round, a smell gone after airing, safety lessons,
an exclamation about a nuisance) — each written many ways, none a sentence of the set."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "lift_trapped": [
        "电梯停在两层中间，里面一个老人，按铃没人应",
        "电梯卡住不动了，里头两个小学生在哭",
    ],
    "violence": [
        "对门那个男的现在又在打他媳妇，女的一直哭喊",
        "楼下有人拿着菜刀喊要砍人，大家都跑了",
        "有個男人揸住把刀喺門口嗌要斬人",
    ],
    "medical": [
        "我女儿吃了花生，嘴唇肿起来了，呼吸很困难",
        "阿嫲食咗藥之後塊面腫晒，呼吸好辛苦",
        "有个小伙子倒在地上抽搐，口吐白沫",
        "孩子把除草剂当饮料喝了一口，现在一直吐",
        "我爸说冻得打哆嗦停不住，手指头都紫了",
    ],
    "trapped": [
        "三轮车翻了，开车的大爷被压在车底下，还能喊",
        "小车熄火停在涵洞里，车里还有两个孩子，水越涨越高",
    ],
    "fire": [
        "楼道里的电表箱着了，噼里啪啦的",
        "车棚那边电动车着了，火挺大",
    ],
}
CALM = [
    "昨晚停车场有辆车着火，消防很快就救熄了，现在全是糊味，什么时候清理",
    "前几天我爸在家晕倒，人是救回来了，想问问医保报销",
    "刚才闻到一点煤气味，开窗通风后就没有了，要不要来检查一下",
    "学校想请社区来讲讲防溺水、防触电的安全知识",
    "救命，又停水了，这个月第三次了",
    "尋晚停車場有架車著火，消防好快救熄咗",
]


def test_the_rules_are_written_in_mandarin_only() -> None:
    """Texts reach the rules with written Cantonese folded, so a Cantonese word in a rule could
    never match."""
    from pathlib import Path

    from nlp.normalize import _CANTONESE_RE

    rules = Path(__file__).resolve().parents[2] / "config" / "demo" / "rules.yaml"
    lines = rules.read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if _CANTONESE_RE.search(line)] == []

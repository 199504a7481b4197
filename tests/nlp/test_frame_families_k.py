"""Urgency frames, tenth round: families found missing on blind set K — a lift still running
down into a flooded basement, Taiwanese Hokkien written in characters (到這馬攏無轉來), wild
mushrooms eaten and their signs, a beating heard with someone crying for help, a caller waiting
for 120; and the calm ones (a first-aid course and its sign-up, a gas leak alarm to be fitted,
抢钱 said of a price, a fight that will come unless someone acts, a burglary of last night, the
smell left by an old fire) — each written many ways, none a sentence of the set. Category
families: 膝盖 is no building, 电驴 is an e-bike, 路等 is a voice-typed 路灯."""

from __future__ import annotations

import pytest

from nlp.router import Router

CERTAIN: dict[str, list[str]] = {
    "lift_trapped": [
        "地库进水了，电梯还在往负一层开，赶紧停了",
        "地下室水漫上来了，电梯照样往下开",
        "车库淹了半米深，电梯一直运行到负二层",
    ],
    "missing": [
        "阮阿公出去散步到這馬攏無轉來，伊有失智",
        "阮阿母早起出門，到這馬猶未轉來，手機嘛無帶",
        "我阿嬤有失智症，出門到這馬攏無轉來，拜託鬥相共揣",
    ],
    "medical": [
        "我爸吃了山上采的野蘑菇，上吐下泻，看东西重影",
        "婆婆中午炒了自己捡的菌子吃，现在头晕一直吐",
        "一家三口吃了野菌子，孩子在说胡话，看见小人",
    ],
    "violence": [
        "楼上传来男的打骂声和女的呼救声，都十几分钟了",
        "对门男的喝多了在家砸东西，他老婆在里面哭着喊救人",
        "隔壁一直在摔东西，女人在哭喊，好像在打她",
    ],
}
ASK = [
    "我对象头疼得厉害，我们在等120",
    "老爷子胸口不舒服，叫了120还没来",
]
CALM = [
    "社区的心肺复苏培训在哪报名",
    "想报名参加应急救护培训，学学海姆立克急救法",
    "下周的急救讲座讲不讲心肺复苏",
    "想给独居的老母亲加装燃气泄漏报警器，社区能帮忙吗",
    "能不能给老人家装个燃气报警器和自动切断阀",
    "停车两小时收20块，抢钱啊",
    "一年涨了两次物业费，这不是抢钱吗，太贵了",
    "两家为晾衣服吵了好几次，再不管就要打起来了",
    "楼道堆物的事再不处理，迟早出事，要打起来的",
    "昨夜楼里进了小偷，入室偷了一台电脑，已经报案了",
    "昨儿个夜里有人撬门入室，丢了些现金",
    "上个月着火以后，楼道里的烟味到现在还散不掉",
    "前些天楼下着过火，现在家里的烟味还是散不去，能不能帮忙处理",
]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("楼前草坪的草长到膝盖了，蚊子多，麻烦割一下", "greenery"),
        ("小区绿地的杂草都没过膝盖了，多久没修剪了", "greenery"),
        ("楼道里的小电驴一直在充电，插线板拖了好长", "ev_charging"),
        ("车棚里好几辆电驴飞线充电，物业也不管", "ev_charging"),
        ("门口那个路等坏了半个月了，晚上黑得很", "street_light"),
        ("俺家楼下的路等不亮了好几天", "street_light"),
    ],
)
def test_tenth_round_categories(router: Router, text: str, category: str) -> None:
    assert router.route(text).category == category, router.route(text).rules

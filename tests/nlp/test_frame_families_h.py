"""Urgency frames, eighth round: families found missing on blind set H (a new frame for people
walking among moving cars; cars swept into water with people on the roof; dikes giving way and
earth sliding onto lived-in houses; a protester on a crane threatening to jump), and the calm
ones it flagged (a dog that bit before, rumours, old videos, games' contents, jokes)."""

from __future__ import annotations

from nlp.router import Router

CERTAIN: dict[str, list[str]] = {
    "traffic": [
        "快速路上有个老太太在车道中间慢慢走，车都在按喇叭",
        "有个小孩在马路中间跑来跑去，车一辆接一辆",
        "高速上一个老人在路中间晃，车嗖嗖地躲",
    ],
    "trapped": [
        "河里冲下来一辆面包车，车顶上趴着两个人",
        "小车被洪水冲到河里了，一家人站在车顶上喊",
    ],
    "collapse": [
        "水库大坝开始冒水，越来越大，下面就是村子",
        "后山的泥往下冲，已经压到几户人家的后墙了",
        "下了一夜雨，山体滑坡，路边有人住",
    ],
    "medical": [
        "有个工人爬到塔吊上，说拿不到工钱就跳",
        "一个小伙子站在桥栏杆外面，说不想活了",
    ],
}
CALM = [
    "上个月那条狗咬过一个孩子，现在还在小区里转，请来抓一下",
    "群里传有人跳楼，其实是谣言，社区能不能出来辟谣",
    "在抖音看到一个咱们区着火的视频，好像是老视频，请核实",
    "孩子玩的那个游戏里面各种爆炸，能不能提醒家长管管",
    "说个笑话，楼上练琴吵得我想喊救命，九点后别练了就行",
]


def test_people_in_traffic_are_told_to_call_110(router: Router) -> None:
    decision = router.route("有个老大爷在高速车道中间走，车很多")
    assert decision.urgent and decision.emergency_numbers == ("110",), decision.rules

"""Urgency frames, thirteenth round: families found missing on blind set N — someone living
alone not seen all day by those who see them daily (平时天天…，今天一天没见, 一整天没见人, 门敲
不开), a fire that an extinguisher did not put out (未能扑灭: no end of the danger); and the calm
ones (insurance against fire, a bite already being treated while the dog still roams) — each
written many ways, none a sentence of the set."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "fallen": [
        "隔壁独居的王奶奶平时天天下楼买菜，今天一天没见人，敲门也没人应",
        "楼下那户独居老人平常天天在门口晒太阳，今天一整天都没见到，门敲不开",
        "对门一个人住的李大爷一整天都没见人，门敲不开",
        "我们楼的空巢老人平时每天早上都去公园，两天没见着了，喊门也没人答应",
    ],
    "fire": [
        "车库里一辆车冒烟起火，拿灭火器没能扑灭，火往旁边车上窜",
        "厨房起火了，用灭火器未能扑灭，烟越来越大",
        "楼道里电动车着了，邻居拿水泼了也没能扑灭，还在烧",
        "仓库起火，保安用了两个灭火器都无法扑灭",
    ],
}
CALM = [
    "社区买的火灾公众责任险，家里着火了能赔多少",
    "想问家财险包不包括火灾，怎么买",
    "家里买了财产险，漏水泡坏地板怎么赔",
    "去年被流浪狗咬了一口，已经打了狂犬疫苗，那条狗还在小区转悠，能不能抓走",
    "上个月孩子被狗咬了，打完狂犬疫苗了，想请物业管管遛狗不拴绳的",
    "我家老人今天没下楼，我在外地上班，想问社区有没有送餐服务",
    "楼上整天吵，老人一整天都睡不好",
]

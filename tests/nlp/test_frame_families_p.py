"""Urgency frames, fifteenth round: families found missing on blind set P — a formal letter's
wording (手持碎片…已划伤, 打斗声, 被挤倒在地, 仍在继续坍落, 裂缝并有水泥块剥落), a fire that
spreads (蔓延至, 烧到二楼的窗户), a manhole washed away, a start point then the present (昨夜暴风
雨后…树冠压在电线上), someone alone shaking with cold and no longer speaking; and the calm ones
(internet slang: 燃起来了, 救救我的全勤奖; a cartoon; a salesman's prediction; a smell said not to
be gas; a rumour checked and found false) — each written many ways, none a sentence of the set."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "violence": [
        "商铺门口有个男的手持碎玻璃对着路人挥舞，已经划伤一个人了",
        "一名男子拿着酒瓶碎片在小区门口追打行人",
        "楼上传来打斗声和女人的哭喊声，已经十几分钟了",
    ],
    "medical": [
        "超市门口领鸡蛋的人太多，有老人被挤倒了",
        "门口人挤人，一个老太太挤倒在地起不来",
    ],
    "collapse": [
        "人行道塌了个大坑，边上仍在继续坍落",
        "楼上装修砸墙，我家天花板出现裂缝，还有水泥块剥落",
        "路面陷下去一块，坑边还在不停地往下塌",
    ],
    "fire_spread": [
        "楼顶有人焚烧杂物，火势正在蔓延到旁边的储物棚",
        "一楼餐馆厨房着火，火已经烧到二楼的窗户了",
    ],
    "fallen": [
        "停电没暖气，隔壁独居老人缩在床上一直发抖，手脚冰凉",
        "独居的奶奶叫她只会点头不会讲话了",
    ],
}
ASK = [
    "路口井盖被水冲走了，水在打旋，刚才有个骑车的差点栽进去",
    "昨晚台风过后那棵大树歪了，现在树干压在电线上，风还没停",
]
CALM = [
    "燃起来了家人们！社区篮球赛在哪报名",
    "这场比赛看得我热血都燃起来了",
    "充电桩坏了，救救我的全勤奖",
    "孩子看了火灾的卡通，天天问着火了怎么逃",
    "动画片里演的煤气爆炸，孩子吓得不敢开灶",
    "有人上门推销报警器，说我家管子要漏了会爆炸",
    "垃圾桶那个味太冲了，不是啥煤气味，就是烂菜叶子的味",
    "群里说有人跳楼？假的假的，我下楼看了啥事没有，是拍视频的",
]

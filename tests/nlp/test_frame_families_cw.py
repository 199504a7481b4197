"""Urgency frames, sixtieth round: blind sets CW (parents and grandparents minding small
children), CX (neighbours in conflict, what is heard through walls), CY (rivers, ponds, parks
and open spaces) and CZ (property staff in the control room and on call).

CX and CZ caught every urgent complaint on their first pass. CW missed two: a leaning wall
shedding bricks with children's ground behind it (墙后头就是小孩玩的空地), and bottles thrown down
onto parents and children below (楼下都是带孩子晒太阳的). CY missed anglers stranded on a sandbar
as the water rose (河心沙洲上困着俩钓鱼的). The false alarms: a gas smell of the night before,
put right since (已经弄好了), a branch hanging for a month, cordoned off (围起来了), an abandoned
kiln to be sealed (能不能给封起来), a child missing in another district (别的区) and a switch box
soaked in last week's flood (配电箱也泡过). Questions: a quarrel quiet by morning (消停了), a
neighbour gone home, not fallen (回老家了，虚惊一场), breaking a door to save someone, asked
about (撬门进去救人), a child cold after a bath (洗完澡冻得直哆嗦), an expired gas alarm
(报警器到期) and a door card that will not open (the model; calm phrasings added)."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "trapped": [
        "江心小岛上被困了几个游客，水越涨越高",
        "河中间的石头上困着两个孩子，上游在放水",
    ],
    # the exclusions stay narrow: sealing asked for at once, a soaked box sparking now
    "collapse": ["围墙眼看就要塌了，墙根底下还有孩子，快来人给封起来"],
    "live_wire": ["泡过水的配电箱现在一直在冒火花，底下全是水"],
}
ASK = [
    "院墙歪得厉害，刚掉下来几块砖，墙外头就是小学生上学的路",
    "那堵土墙往外鼓，下了一夜雨，墙后面就有孩子在玩",
    "有人从楼上往下扔啤酒瓶，楼下好多带孩子的",
    "楼上有人往下砸花盆，底下都是人",
]
CALM = [
    # put right, cordoned, to be sealed, elsewhere, soaked once, quiet again, asked about
    "昨天晚上楼道里有煤气味，后来燃气公司来人查了，已经弄好了，能不能统一检查一下管道",
    "家里的燃气报警器到期了，要不要换新的",
    "小区门口那棵树的枝子断了挂在上面，物业拿警戒带围起来了，等园林来处理",
    "村东头废弃的厂房墙快塌了，能不能给封起来",
    "群里说有个孩子在别的区的公园走丢了，我们社区有没有走失登记",
    "前两周地下室进过一次水，配电箱也泡过，想请供电所来检测一下",
    "楼上两口子昨晚吵架摔东西，今天早上已经消停了，能不能劝劝",
    "问一下，邻居老人要是晕倒在家，我们撬门进去救人算不算违法",
    "对门好几天没见人，后来才知道是回老家了，虚惊一场，门口的垃圾都臭了",
    "暖气不热，孩子洗完澡冻得直哆嗦，屋里才十五度",
    "单元门禁卡刷不开，我抱着孩子拎着东西在门口等了十来分钟",
]

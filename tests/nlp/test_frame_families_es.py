"""Urgency frames, seventy-second round: blind sets ES (two or three messages pasted as one:
calm, then worse, or the reverse), ET (medical attacks described by their symptoms), EU (the
ground floor and the basement flats) and EV (older residents learning to use the bot).

Every set missed one to three urgent complaints on its first pass; none asked about 5 % of its
ordinary ones. ES: a self-built storey leaning further with tenants inside, smoke said in two
words (有烟。很大。), a village bridge giving way with tractors still crossing. ET: a collapse
with a fit and confusion after it (突然倒下了，手脚抽，现在不抽了但是迷迷糊糊的). EU: water to
the bed legs in a basement with the power still on (電還沒斷). EV: broken glass hanging in a
door and swinging, and water running onto an electric water heater still plugged in. The false
alarms: "if this goes on" (再这么晒下去我要中暑晕倒了), a lamp post made safe (来断电封好了), a
machine that held out until the power came back (来电了，撑过来了), heat said as fire and owned
up to (热得人都快着火了…说着火是夸张了). The questions: smoke alarms that never sounded (一直没响,
根本不响), cats fighting, a misunderstanding cleared up (误会一场), paper burnt at a door and
burnt out (已经烧完了), and the model on a stranger at the school gate who was family (calm
phrasings added)."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "collapse": [
        "村里那家加盖的二层，墙歪得越来越厉害了，里面还住着人",
        "路口那段路面又往下陷了一大块，车还在过",
        "楼门上的玻璃裂了一大半，一开门就晃悠",
    ],
    "fire": ["3号楼。有烟。好大。"],
    "medical": ["超市门口有个大爷刚才晕倒了，口吐白沫，现在叫不醒"],
    "water_electric": [
        "一楼进水了，水已经淹到沙发腿了，电还没断",
        "楼上漏下来的水滴到洗衣机上了，洗衣机还插着电",
    ],
}
CALM = [
    "再这么热下去我都要晕倒了，公交站能不能装个遮阳棚",
    "楼道的烟感从来没响过，是不是坏的，请物业查一查",
    "小区里一群野猫半夜打架叫春，吵得睡不着",
    "昨天报的电线杆漏电，电工已经来断电封好了，谢谢，就是路灯还不亮",
    "停电了一会儿，我爸用的制氧机有电池撑过来了，后来来电了，以后停电能提前说吗",
    "屋里热得快着火了，说着火是夸张了，暖气能不能调低点",
]

"""Urgency frames, seventy-ninth round: blind sets FU (weddings, birthday and funeral banquets),
FV (elderly couples looking after each other), FW (moving house and renovating inside flats) and
FX (newcomers who describe places by landmarks).

The misses of the round: a grandmother who fainted from grief at a funeral and does not come
round (哭得背过气去了，掐人中也没醒过来), movers who have struck a man they surrounded (已经动手打
了), a heap of paint tins and timber alight beside houses (油漆桶和木料…现在烧着了), and a
balcony sinking after the wall below it was knocked out (阳台明显往下沉了一截). The false alarms:
a husband's joking threat to leave home (再不给他买烟他就离家出走，哈哈), cries for help about an
app's small print and a tiring move (救命啊，这个APP字太小了; 搬家累得我半条命都没了，救命啊), a
cut wire that left a floor without power (整层停电…还没来电), a charger that trips on a roof
named before it (屋顶的那个车棚里的充电桩，充一会儿就跳: "就跳" near a roof), and a rocking
manhole cover that has not given way (倒是没掉下去，就怕哪天翻了). The questions: the model on a
cat scared under a car by firecrackers, a cover cracked by a lorry and stair lights on in
daytime (calm phrasings added). A first form of two fixes was too wide and earlier sets caught
it: 再不给 as a hypothesis hid seven workers threatening to jump unless paid (再不给工钱他就跳下
来), and 楼 before 往下沉 read a lift settling at a floor (到了楼层还往下沉一截) as a collapse."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "medical": [
        "老太太在灵堂哭得背过气去了，掐了人中也没反应，快叫救护车",
        "孩子摔了一跤疼得背过气去了，叫也叫不醒",
    ],
    "violence": [
        "物业的人和业主吵起来，现在已经动手打了，有个老人被推倒了",
        "楼下两个装修工人为工钱吵着吵着动手打起来了，一个拿着扳手",
    ],
    "fire": [
        "楼后面堆的纸箱和杂物烧起来了，火挺大，旁边就是车棚",
        "院子里的装修垃圾着起来了，烟往楼里灌",
    ],
    "collapse": [
        "楼下把承重墙拆了，我家地面往下沉了好几公分，墙上全是裂缝",
        "一楼改门面以后，我们这栋楼房在往下沉，门都关不上了",
    ],
}
CALM = [
    "我老伴说再不让他钓鱼就离家出走，开玩笑的，问问附近有没有钓鱼的地方",
    "救命啊，手机上这个缴费APP字太小了，看不清，能不能调大",
    "装修累得我半条命都没了，救命，垃圾什么时候能清走",
    "装修把电线打断了，整层停电，电工接好了可到现在还没来电",
    "楼顶车棚那个充电桩充一会儿就跳，根本充不满，请修一下",
    "门口井盖一踩就响，倒是没掉下去，就怕哪天翻了，麻烦换一个",
    "工地有人爬到塔吊上说老板不给工钱他就跳下来，这是上个月的事了，后来劝下来了",
]

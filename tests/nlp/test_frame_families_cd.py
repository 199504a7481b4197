"""Urgency frames, fifty-second round: blind sets CD (building leaders and volunteers on their
rounds) and CE (tradespeople in residents' homes: fitters, electricians, locksmiths, movers).

Both caught every urgent complaint but one on their first pass (CE missed a gas pipe struck
during a renovation that smelled now, 天然气管让人砸了个坑，现在闻着有味儿). Many of the model's
questions were plain dangers no rule named: someone fallen through ice, into a ditch or a
cesspit, a head caught in railings, people pinned under a vehicle, a wall or a cabinet, a man
motionless in a running car, an insulation fire climbing a facade, bricks still being thrown
down after one struck someone, a line torn from a pole into standing water.

The false alarms: a lift entrapment already dealt with (困人那个事已经处理了，人没事), a wire
sagging low for months (人得低头), children playing on a loose exercise bar (吊着玩), children
locked in as a parent's habit (老把两个小孩锁家里), a fall treated in hospital (家长已经带去医院了)
and a locksmith's question about a kind of case (碰上老人把自己反锁家里叫不应的，能直接开吗).
Questions: 水电工 read as water near a meter box, a barrier arm that strikes cars (道闸老砸车), a
tingle from a washing machine known for half a year, and a rooftop door children run through."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "fire": [
        "6号楼外墙保温层着了，火往上窜",
        "村口的草垛着了，火苗一人多高",
        "楼道里堆的纸箱烧起来了，已经烧到三楼了",
    ],
    "medical": [
        "水库边有人掉冰窟窿里了，快来人",
        "有个大爷掉进化粪池了，拉不上来",
        "池塘那边有个孩子掉进去了，在水里扑腾",
    ],
    "trapped": [
        "孩子头卡在阳台栏杆里拔不出来了",
        "小孩的手卡进卷帘门缝里出不来了",
        "老人的脚让自动门夹着出不来",
    ],
    "fallen": [
        "路口一个老太太被电动车撞了，躺地上不动",
        "装修的墙倒了，人压在砖头底下",
        "货架倒了，压着腿动不了，一直喊疼",
        "车库里一辆车里坐着个人一动不动，敲窗也没反应",
    ],
    "live_wire": [
        "电线杆上的线让吊车刮断了，搭在地上，地上都是水",
        "楼下配电箱一直在打火，雨水往里灌",
        "有条狗踩到那摊水就倒那不动了，旁边电缆皮都破了",
    ],
    "violence": [
        "楼上那家往楼下扔酒瓶子，砸到人了，现在还在扔",
        "有人往窗外丢花盆，刚砸坏一辆车，还在扔",
    ],
    "missing": [
        "我家小姑娘放学没回家，平时五点就到了，现在天都黑了",
    ],
}
CALM = [
    # over, low, loose, a habit, treated, a question, a trade, a barrier, known for months
    "昨天电梯困人那个事已经处理了，人没事，就是想问年检过了没有",
    "村里那根电线耷拉得老低，骑三轮过去得低头，啥时候来扶一下",
    "小区单杠都松了，孩子们还在上面吊着玩，麻烦换个新的",
    "对门老把孩子锁家里出去打牌，一锁一天，这样行吗",
    "孩子从健身器材上掉下来磕破了头，家长已经带去医院了，器材还没修",
    "问一下，碰上这种老人把自己反锁在家的，我们开锁的能直接开吗",
    "水电工说电表箱里的线老化了，让物业找人换",
    "停车场的道闸老砸车，昨天又砸了一辆，赶紧修修",
    "洗衣机摸着麻手，半年了一直这样，是不是没地线",
    "楼顶的门一直敞着，小孩老往上跑，物业给锁一下",
]

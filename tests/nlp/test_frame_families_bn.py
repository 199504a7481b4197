"""Urgency frames, forty-fourth round: blind sets BN (passers-by and visitors who describe
places by landmarks) and BO (long messages that mix several matters).

BN missed one urgent complaint on its first pass: a milkman who sees an old woman lying still
behind a window, yesterday's milk untaken at her door (门口昨天的奶都没拿): 昨天 dated the
danger. A past marker followed by 的 names a thing (yesterday's milk), not the time of the
danger, unless 的 is followed by 事 or 时. Its false alarm: a lift too stuffy to breathe in
(闷得喘不过气); its questions: an old man helped up who said he was fine, an e-bike pushed
into a lift, a stranger filming windows, a charging cable let down over a walkway.

BO missed two among long grievances: a wall's insulation torn loose and already dropping
debris onto the doorway (已经掉下来几块…正好砸在门口电动车上), where only the 要是 of what
could follow was read; and a quilt set alight by a neighbour's burning paper (被子已经着了一个角，
火还没灭), excluded by 烧纸 — a fire named beyond doubt now outweighs what the sentence
excludes. Its six false alarms: a stench or a stuffy shed that almost knocked one out (差点),
a question answered in the next breath (是不是着火了，不是的，是…演习), a fire alarm button
(火灾报警按钮), a dead tree shedding bark, guards too old to wake at night, a pension form that
cannot be found online. Each is written many ways, none a sentence of the sets."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "collapse": [
        "外墙保温层被风刮下来一大块挂在空调架上晃，已经掉下来几块砸在门口了，大家还从这进出",
        "楼顶的广告牌松了，一直掉下来碎片砸到楼下的车上，底下是公交站",
    ],
    "fire": [
        "楼上在阳台烧纸，火星子掉下来，我家被子已经着了一个角，火还没灭",
        "有人在楼下烧纸钱，把旁边的电动车棚烧着了，火越来越大",
    ],
    "medical": [
        "给独居大爷送报纸，门口昨天的报纸还在，从窗户看见他躺在地上一动不动",
    ],
    "fallen": ["隔壁老太太门口前天的菜都没拿进去，隔着窗户看她倒在厨房里，叫也不答应"],
}
CALM = [
    # almost knocked out, a question answered, an alarm button, bark, guards, a form online
    "垃圾堆了半个月，太阳一晒那味道差点把我熏晕过去，麻烦赶紧清走",
    "垃圾房臭气熏天，路过都得憋着气，憋得我差点晕过去，请物业消杀",
    "刚才楼下冒白烟，大家在群里问是不是着火了，不是的，是消防演习放的烟雾弹",
    "楼里的火灾报警按钮按下去不响，消防栓箱里也没水带，请物业检查",
    "那棵老槐树估计死了，树皮一块一块往下掉，麻烦园林来看看",
    "保安也全换成了七十多岁的大爷，夜里叫都叫不醒，物业费还涨",
    "想给我妈交养老保险，村里说去镇上办，镇上说网上能交，网上我又找不到",
    "垃圾桶三天没清，晚上老鼠从里面钻出来，我闺女吓得尖叫",
    "楼上漏水的事吵起来了，他说要弄死我，是气话，我也不想跟他打架，请社区调解赔偿",
    # an old man helped up who said he was fine
    "上午在楼门口看见一个大爷摔倒了，我扶起来他说没事自己走了，台阶那块缺角能修修吗",
    "刚才有个阿姨在小区路上滑了一跤，路人扶起来了，她说没事，路面结冰能不能撒点盐",
    # stuffy, hot, not breathless
    "电梯里的通风扇坏了，夏天在里面闷得喘不过气，赶紧修一下",
    "地下车库一点风都没有，热得喘不过气，能不能装几个排风扇",
    # past markers that name a thing, and one that dates the danger
    "昨天的事，老人在楼道里摔倒了，现在已经没事了，楼道灯能不能换亮一点",
]

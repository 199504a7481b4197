"""Urgency frames, fortieth round: blind sets BF (understatement and politeness) and BG
(code-switching commuters) and a known gap. BF missed one urgent complaint on its first pass (a
restaurant's exhaust duct on fire, excluded by its fumes); BG missed none. Between them they
raised three false alarms and one question (救命 before building work or a nuisance told in the
next sentence, a parent "with a kid" who does not know where to go at the weekend, a call
button that lets an old mother cry for help). Each is written many ways, none a sentence of
the sets.

The known gap (from BA): a resolution about someone else ended a search. The other children
are home, the neighbours are out of the lift, but the one at risk is not; when that other
person is the one who acts or tells (brought them back, found them, said they are home), or
the word names a place (back from a classmate's home), the danger is over."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "fire": [
        "饭馆后厨的排油烟管道着火了，火苗顺着外墙往上窜",
        "楼下烧烤店的油烟机着火了，黑烟直往楼上冒",
        "一楼面馆的油烟管子着了，火都烧到三楼窗户底下了",
        "小吃街那家店烟道起火了，火苗从楼顶冒出来",
    ],
    "missing": [
        "我家孩子放学三个小时了还没到家，他同学早就回来了",
        "儿子十岁，放学到现在没回家，一起玩的小伙伴都回家了",
        "俺爹有点痴呆，一早出门到现在没回来，一块下棋的别的老头都回来了",
        "女儿补课完没回家，打电话也不接，其他同学七点就到家了",
        "老母亲去菜市场走丢了，邻居家的老人都回来了，就她没回",
        "孙子跟人出去玩到现在没回来，其余几个孩子都回来了",
    ],
    "lift_trapped": [
        "电梯卡在九楼，我妈还困在里面，其他人都出来了",
        "我爸被困在电梯里，同一趟的别人已经出来了",
    ],
}
NOT_HIDDEN: dict[str, list[str]] = {
    "missing": [
        "带娃的时候一转身孩子不见了，找了半小时了",
        "孩子放学不知道去哪了，电话也不接",
    ],
    "trapped": ["救命啊，我被人锁在屋里出不去了，外面在装修没人听见"],
}
CALM = [
    # a cry before a nuisance of the building or the week
    "救命啊！！楼下又在装修砸墙，一大早就开始",
    "救命😭 隔壁电钻从早上八点响到现在",
    "救命！！楼上天天半夜拖椅子，真要被逼疯了，求管一管",
    # planning the weekend, not a child lost
    "带娃的宝妈周末不知道去哪，社区能不能办点活动",
    "放假了孩子不知道去哪玩，小区有没有托管",
    "有孩子的家庭周末都不知道去哪遛娃，附近能不能修个小公园",
    # a device to call for help, asked about
    "想给独居的老爸装个一按就能呼救的设备，社区有补贴吗",
    "有没有那种老人摔倒了能呼救的手环",
    "社区发的呼救手环没电了，去哪换电池",
    # resolutions others brought or told
    "我爸有点痴呆，中午出门没回来，后来邻居把他送回来了",
    "孩子放学没回家，刚才跟同学一起回来了",
    "老人走丢了半天，邻居打电话说已经找到了",
    "孩子没按时回家，后来被同学找到了，在网吧",
    "女儿放学没回家，原来去同学家写作业，刚从同学家回来了",
    "我妈出门没回来，楼下邻居看见她回来了，虚惊一场",
    "孩子放学没回家，刚从同学那儿回来了，在那边写作业忘了时间",
    "外孙下午没回来，刚才从别的楼下玩完回来了",
    # fumes of a kitchen, no fire
    "楼下烧烤店的油烟机排出来的烟味太大，窗户都不敢开",
]

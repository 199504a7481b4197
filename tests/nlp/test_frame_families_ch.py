"""Urgency frames, fifty-fourth round: blind sets CH (clinic staff, family doctors and pharmacy
clerks) and CI (landlords, tenants and shared rentals).

Both caught every urgent complaint on their first pass. Among the model's questions that rules
now answer: a partner beating someone now (男朋友在打她), someone pushed down and bleeding, a
tenant locked in by a landlord (把我锁在屋里不让走), a baby left alone crying with no adult near,
a girl who never arrived where she said she was going (根本没来), a gas hose come off or gas left
on with the smell a clause later, flames from a joint after the stove is off, a child out over
a railing, someone sitting on a roof's edge, charcoal fumes and sickness, people shut in a lift
by name, a partition burning, a dog going for children.

The false alarms: sellers of health products gone with the money (那帮人找不着了), a gas smell
checked and the cooker replaced (来查过了，已经换了), allergic asthma named as a condition
(孩子有过敏性哮喘) and failing sight (眼睛快看不见了). Questions: an old fire's stairwell to
repaint (刷一刷), a gas alarm asked where to fit (去哪装), a door asked whether it may be kicked
in (能直接踹门吗), a fight already dealt with by the police (警察已经处理完了)."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "violence": [
        "闺女打电话说她老公在打她，把门反锁了",
        "邻居大姐被她男人推倒了，头磕破了在流血",
        "房东把我关在房间里不让出去，要我先交钱",
    ],
    "missing": [
        "小区门口有个小孩一个人在哭，等了半天周围也没大人",
        "儿子说去同学家写作业，打过去同学家说他压根就没去",
    ],
    "gas": [
        "厨房液化气的软管掉了，满屋子都是味",
        "楼下那户燃气没关就出门了，整个单元都是味",
        "关了阀门接头那还在冒火苗",
    ],
    "medical": [
        "五楼有个孩子爬到阳台护栏上了，家里没大人",
        "天台上有个人坐在边上，腿悬在外面，叫他也不回头",
        "屋里生着炭盆，老两口头晕想吐",
    ],
    "lift_trapped": ["我们几个人困在电梯里了，已经半小时了"],
    "fire": ["合租屋里的窗帘烧着了，火往上窜"],
    "animal": ["那条大狗在院子里追小孩，孩子吓得直哭"],
}
CALM = [
    # sellers gone, checked and replaced, a condition, sight, repainting, questions, dealt with
    "我妈在养生讲座交了好几千买保健品，现在那伙人找不着了，能报警吗",
    "上周的煤气味燃气公司来查过了，是灶具老化，已经换了新的",
    "我家孩子有过敏性哮喘，楼下烧垃圾的烟能不能管管",
    "老人眼睛快看不见了，一个人去医院不方便，社区能帮忙联系车吗",
    "上次着火那户的楼道还是黑的，一股焦味，请安排刷一刷",
    "燃气报警器去哪装，要不要钱",
    "要是邻居晕倒在屋里门锁着，我们能直接踹门吗",
    "前天楼下两口子打架那事警察已经处理完了，就是楼道的血迹还没擦",
]

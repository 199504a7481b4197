"""Urgency frames, fifty-sixth round: blind sets CL (people writing in anger or sarcasm after
being ignored) and CM (people relaying for someone else: 我替我妈发的, 她让我问).

Both caught every urgent complaint on their first pass. The false alarms: a rhetorical future
(真等砸着孩子谁担责), a sarcastic 救命啊 about a neighbour's party (楼上又开始蹦迪了), a near miss
under a soaked ceiling (塌了一块差点砸着孩子) and hearsay about gas hoses (听人讲管子老化会漏气).
Questions: a fall treated long since (膝盖缝了五针) and a smoke alarm that will not stop beeping
with no fire (没着火也没冒烟…不知道怎么关). Among the model's questions that rules now answer:
two gangs fighting, someone knocked down, a heart attack waiting for help, a coal stove and a
door nobody opens, the writer shut in a lift (我和孩子在里面，门打不开), a door forced with the
relative inside (她在屋里不敢出声)."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "violence": [
        "楼下两帮人正在打，有人拿着砍刀",
        "小区门口打架，已经有人被打倒了",
        "我奶奶说有人在撬她家门，她躲在屋里不敢出声",
    ],
    "medical": [
        "我爸心梗犯了，救护车被堵在门口进不来",
        "老两口屋里生着煤炉子，敲门半天没动静",
    ],
    "lift_trapped": ["电梯突然停了，我们一家在里面，门打不开"],
    "animal": ["那条疯狗见人就扑，刚咬了一个老人"],
}
CALM = [
    # rhetoric, sarcasm, a near miss, hearsay, an old wound, an alarm that beeps
    "那棵树说了三年要砍，真等砸着人了谁担责",
    "救命啊，楼上又开始唱K了，都半夜了",
    "楼上漏水把我家吊顶泡塌了一块，差点砸着老人，楼上就是不认",
    "听人说燃气管用久了会漏气，多久要换一次",
    "上个月我妈在楼下摔了一跤，缝了三针，那块地砖到现在还没修",
    "烟雾报警器一直嘀嘀叫，没着火也没冒烟，不知道怎么关",
]

"""Urgency frames, sixty-third round: blind sets DI (worried people writing about someone's
despair), DJ (parents at work and children home alone), DK (food and water that made people
sick) and DL (the chemical plant and logistics park on the district's edge).

DL caught every urgent complaint on its first pass. DI missed three: a man on a rain canopy
outside a stairwell window who will jump if anyone comes up (雨棚, now a height of the
self-harm family), a friend "getting some air" on a rooftop who spoke of ending it a week ago
(上周…一了百了: the question's match stops before the date), and a brother on a river dike who
said this was the last time he would be in touch (河堤…最后一次跟我联系). DJ missed a stove
turned on and on without lighting, the room full of the smell; DK four: a road that had just
caved in beside onlookers (刚塌下去), several households sick after the tap water, a child
vomiting and now listless, a child who drank washing-up liquid. The false alarms: a burnt
smell a lift was checked for (查了没问题) and a smell noticed every morning (总闻到). A count of
attempts (打了好几次电话都没人接, 敲了好几次门) was read as a habit (好几次); it is not one now.
Questions: a
father who says he does not want to live in every quarrel (一吵架就说), and the model on a
stranger claiming to be from the gas company, dirty water, a mouldy water machine, a rusted
gas box, pesticide bottles, a damp flat and a hotline asked for ahead (calm phrasings
added)."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "medical": [
        "有个男的站在三楼窗外的遮雨棚上，说谁过来他就跳下去",
        "我表哥刚发消息说在江边，说这是最后一次跟我们联系了",
        "小孩把洗洁精当成饮料喝了，现在一直吐",
        "孩子吃坏了东西吐了一上午，现在蔫了，叫他也没反应",
    ],
    "collapse": ["路面刚塌下去一个大坑，旁边还围着好多人看"],
    "gas": ["煤气灶打了好几次都点不着，厨房里全是味"],
}
NOT_HIDDEN: dict[str, list[str]] = {
    # attempts counted (好几次 after 敲了, 打了), which read as a habit before this round
    "fallen": ["敲了好几次门都没人应，里面的老人一个人住"],
}
ASK = [
    "给我妈打了好几次电话都没人接，她一个人住，平时都接的",
    "朋友说她在天台透透气，叫我别担心，可她前几天跟我说过活着没意思",
    "楼里好几户昨晚吃了同一家的外卖，今天都拉肚子发烧",
]
CALM = [
    # checked, a smell every morning, what is said in quarrels
    "电梯里有股焦糊味，物业说查了没问题，能不能再请专业的来看看",
    "这几天早上总闻到一股烧塑料的味，是不是哪里在偷偷烧垃圾",
    "我妈一吵架就说不想活了，平时好好的，社区有没有家庭调解",
    "物业的电话我打了好几次都没人接，楼道灯坏了一个月了",
    # the despair family's height stays a question only beside words of ending it
    "晚上在楼顶吹吹风，楼下烧烤店吵得不行，能不能管管",
]

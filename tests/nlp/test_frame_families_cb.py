"""Urgency frames, fifty-first round: blind sets CB (delivery riders and couriers on their
routes) and CC (domestic helpers and carers in the homes they work in).

Both caught every urgent complaint on their first pass; the model asked about seventeen of each
set's that no rule made certain. Among them: a dog that will not let go of someone (咬住不撒口),
people named beating someone (两个男的在打一个女的), a child or a woman dragged towards a car
(往车上拽) or taken by a stranger, a cyclist lying hurt (骑车的…起不来), and a carer who lost
sight of a man with dementia (跟丢了). A dementia patient gone to fetch a parcel (下楼取个快递)
had been read as a missing parcel.

The false alarms: a fire lane blocked, in words of what a fire would meet (着火了消防车进不来),
and a wheelchair that nearly tipped over (差点连人带轮椅翻过去). Questions: a fall asked about
for compensation (能找物业赔吗), cold let in by a broken door (开门都冻得哆嗦) and a smoke alarm
chirping after an old fire (是不是烧坏了，谁来换)."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "animal": [
        "小区里一条大黄狗咬住一个小孩的腿不撒口，几个人都掰不开",
        "那条狼狗扑上去咬着老大爷的手不撒嘴，快来人",
        "邻居家的狗叼住我妈的裤腿咬到了腿，怎么打都打不开",
        "一条狗跟疯了似的见人就咬，刚咬了两个人，还在楼下转",
    ],
    "violence": [
        "3号楼下几个男的在打一个学生，拿着棍子",
        "超市门口两个人在揍一个老人，老人都趴地上了",
        "有个男的把一个小女孩往车里塞，孩子一直哭着喊妈妈",
        "停车场一个男的揪着一个女人的头发往车上拖，她在喊救命",
        "我家孩子说同学被一个陌生男人抱上车开走了，就在校门口",
    ],
    "fallen": [
        "路口一个骑车的被三轮撞了，躺在那起不来",
        "刚才骑车的大爷自己摔沟里了，喊他也不答应",
    ],
    "missing": [
        "保姆带我爸出去散步跟丢了，他有老年痴呆，两个多小时了还没找到",
        "我奶奶有阿尔茨海默，早上说去取个快递，到现在都没回来",
    ],
}
CALM = [
    # what a fire would meet, a near miss, compensation, cold air, a chirping alarm
    "楼下消防通道天天停满车，着火了消防车进不来怎么办，请物业管管",
    "小区门口的路被摊贩占了，万一着火了救护车都进不来",
    "坡道太陡了，上次推我爸差点连人带轮椅翻过去，能不能改缓一点",
    "楼门口台阶没扶手，老太太差一点连人带轮椅倒了，建议加个坡道",
    "上周我妈在小区里被松动的地砖绊倒摔伤了，能找物业赔吗",
    "单元门关不上，冷风往楼道里灌，进门都冻得直哆嗦",
    "走廊的烟感一直滴滴响，是不是坏了，谁来换一下",
    "我的快递到现在还没到，打快递员电话也不接",
    "帮我妈取快递的时候发现快递丢了，驿站说不归他们管",
    "那家的狗拴在门口，见人就扑，吓得孩子不敢走那条路",
]

"""Urgency frames, sixty-eighth round: blind sets EC (crowds and queues), ED (former villagers
in resettlement high-rises), EE (street vendors, waste pickers and scrap collectors) and EF (a
nursing home and elderly apartments).

Each of EC, ED and EE missed one urgent complaint on its first pass, EF three: someone
following the writer home now (有人一直跟着我 从超市跟到现在 我不敢回家); a chicken cage hanging
crooked outside a seventh-floor window, swinging over the path; a heap of scrap on fire, said
plainly (那堆废品着了); an old man choking on rice (卡住了 咳不出来 怎么办, where the panicked
怎么办 after what has happened read as a question: 了，怎么办 is `not_hypothetical` now); a
feeding tube out and the patient choking; and someone knocking inside a dark lift. The false
alarms: wires swaying high up (不过挺高的), an old fire referred to (着火那事都过去了) and its black
walls, "if there really were" (真有个火灾), a drill found out (下去一问说是演习), a contract's
wording (写得含含糊糊) read as slurred speech, leaves falling into a drain, plaster crumbling
after the writer's own "it's just" (其实就是), and an old fire blamed on charging while someone
"now again" wheels a bike in (现在又有人: `recurs` phrases now name the danger back, 现在又有了,
现在又有味). The questions: an old fire's smell in an unpainted stairwell, and the model on a
child left to a bedridden grandparent and a fruit seller's loudspeaker (calm phrasings)."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "violence": ["有个男的一路跟着我，从地铁站跟到小区门口，现在还在后面，我不敢上楼"],
    "collapse": ["五楼有户人家的花架断了一边，歪着吊在窗户外面直晃，底下就是单元门"],
    "fire": ["小区后面那堆纸壳子着了，火挺大"],
    "medical": [
        "我爸吃汤圆噎住了，憋得说不出话，怎么办",
        "病房里那个老人的吸氧管掉了，喘得厉害，护士不在",
    ],
    "lift_trapped": ["电梯里有个老人，一直在拍门，电梯不动了"],
}
CALM = [
    "路口那根电线被风刮得晃来晃去的，不过挺高的，供电所有空来看看",
    "上个月楼道着火那事早过去了，烧黑的墙到现在都没刷，物业说等保险",
    "我们楼好多老人腿脚不好，真有个地震火灾都跑不了，能不能登记一下",
    "上午那阵烟把我吓一跳，下去一问说是演练，以后能不能先贴个通知",
    "我爸住的养老院合同上写得含含糊糊，摔伤了算谁的责任",
    "路边的树该修剪了，落叶掉进排水沟里都堵了",
    "我妈老说这楼要塌，其实就是墙皮起皮，天花板一点点往下掉渣，请物业修补",
    "上次楼里着火就是楼道充电引起的，现在又有人把电动车推进楼了，物业管不管",
]

"""Urgency frames, fifty-ninth round: blind sets CT (writers who apologise and understate:
不好意思打扰了, 可能是我多心了) and CU (animals, insects and plants).

CU caught every urgent complaint on its first pass; CT missed one: a faint, broken cry for help
from a lonely old man's flat upstairs, closed with the writer's doubt (可能是我听错了), which was
read as a correction (听错了) and so as a stated switch that keeps the model silent. The writer's
own doubt (`not_corrected`) is now no correction. The false alarms: smoke from someone always
burning rubbish (总有人烧东西，烟呛得不敢开窗), a question about which number to call first for a
gas leak (应该先打哪个电话), wires chewed by rats (老鼠把…电线都咬断了) and an allergy to tree
fluff that flares whenever it blows (一飘我这过敏就犯). Among the model's questions that rules now
answer: the writer fallen alone (摔了一跤起不来，家里就我一个), a boy with autism run off (跑丢了),
a threat with petrol (说不给他解决就点了), a door handle yanked for minutes, a stove that will not
light and a strong smell, a child fallen into a trench."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "help": ["不好意思打扰，隔壁好像有人一直喊救命，声音很弱，可能是我听错了，她一个人住"],
    "fallen": ["我在厨房摔倒了起不来，家里没别人"],
    "missing": ["我女儿有自闭症，在商场跑丢了，快两个小时了"],
    "violence": [
        "楼道里有人提着一桶汽油，说再不给钱就点火",
        "有人一直在门外拧门把手，我一个人在家",
    ],
    "gas": ["燃气灶打不着火，屋里闻到一股很大的味"],
    "medical": ["孩子骑车摔进路边挖的坑里了，里面有水，上不来"],
}
CALM = [
    # a nuisance, a question, rats, an allergy, a mishearing put right
    "小区后面总有人烧垃圾，烟呛得我们不敢开窗",
    "想问一下燃气泄漏应该先打哪个电话，给老人写张卡片",
    "车库里老鼠把灯的电线咬断了，黑乎乎的，请物业修",
    "杨絮一飘我这鼻炎就犯，眼睛也肿，能不能给树打药",
    "刚才以为楼上有人喊救命，原来听错了，是电视里的声音",
]

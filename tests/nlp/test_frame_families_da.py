"""Urgency frames, sixty-first round: blind sets DA (sport and fitness in the estates), DB
(people serving the public at a counter), DC (a construction site and its neighbours) and DD
(the night market and late-night streets).

DB and DD caught every urgent complaint on their first pass. DA missed two: a drunk
snatching a woman's bag and still shoving her (还在推搡她), and a kite line caught on power
lines with a child still pulling (线缠到电线上了，小孩还在使劲拽). DC missed one: a tower crane
lifting in a gale, its hook swinging toward a dormitory several times today (今天…好几次),
where 好几次 was read as a habit; a count of times after a `today` marker now counts today's
repeats. The false alarms: the household whose flat once burned (上回着火那户), a lost child
asked about ahead of time (怕以后出事先问一句). Questions: fireworks in a basement store
(好多烟花), what to do after calling an ambulance (打了120以后还要不要报备), stray cats fighting
(流浪猫…打架), an alarm to be fitted (报警器可以装), a pool and a changing room (the model;
calm phrasings added). A father with a stroke's signs (说话也不利索了，嘴有点歪), asked by the
model, is now certain."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "violence": [
        "有个男的抢老太太的包，还在跟她撕扯，老太太已经被拽倒了",
        "两个人在楼下还在推搡一个大爷，大爷站都站不稳",
    ],
    "collapse": ["工地塔吊在大风里晃得厉害，今天还在吊砖，吊斗好几次甩到人行道上面，底下有人在走"],
    "fallen": [
        "我妈刚才说话也不利索了，嘴有点歪，一只手抬不起来",
        "老伴午睡起来嘴突然歪了，说话都不利索",
    ],
}
ASK = [
    "有人抢了一个阿姨的手机往小区里跑了",
    "孩子放的风筝挂到电线上了，他还在下面拽线，线是湿的",
    "风筝线缠在变压器上，几个小孩在够",
]
CALM = [
    # a burned flat named, asked ahead, fireworks, after the ambulance, cats, an alarm
    "上次着火那户人家现在租房住，社区能不能给点补助",
    # a count of times with no `today` before it is still a habit
    "工地的塔吊一刮大风就晃，吊钩好几次甩到路边，底下都是人，能不能让他们刮风天停工",
    "提前问一句，要是小孩在广场走丢了该找谁",
    "楼下小卖部囤了好多烟花，快过年了，这样放着合规吗",
    "想问问如果店里有人晕倒，打了120以后还要不要跟社区报备",
    "小区里的流浪猫越来越多，夜里打架叫，吵得睡不着",
    "想问问有没有燃气报警器可以装，家里老人做饭老忘关火",
    "夜市有没有统一的寻人点？人太多了怕孩子跟丢",
    "游泳池的水有点浑，消毒水味很重，游完眼睛发红",
]

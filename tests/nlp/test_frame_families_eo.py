"""Urgency frames, seventy-first round: blind sets EO (the evening a small earthquake was felt),
EP (a city marathon through the district), EQ (children on scooters, bikes and skates among the
cars) and ER (the estate's mini fire station and building fire wardens on patrol).

EO and ER met every target on their first pass. EP missed one: 二十公里那个补给站有人倒下了 快叫
救护车 — an ambulance called for now (快叫救护车, 赶紧打120) is certain. EQ missed one: a child
who knocked the back of the head, has vomited twice and keeps saying it is sleepy (老说困想睡觉),
which the medical frame's exclusion 老说 (talk of despair said again and again) turned off; a
head knock with vomiting or drowsiness is now beyond doubt (`exclude_unless`). The false alarms:
a charging cable lying loose with no power in it (没通电), a fall from a ladder paid off by the
foreman (只给了五百块), and a leaning tree to be dealt with before race day (赶在比赛前). The
questions: a child who fell and rode off again (自己爬起来又骑走了), children's shrieks at play
(玩轮滑…尖叫声…午觉), and the model on drums on race day and an emergency light unplugged for a
phone charger (calm phrasings added)."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "medical": [
        "操场上有个学生跑着跑着倒下了，快叫救护车",
        "孩子从秋千上摔下来磕到后脑勺了，已经吐了好几回，老说想睡觉",
    ],
}
CALM = [
    "楼下的充电线拖在地上好几天了，没通电，就是怕绊倒人，请收一收",
    "去年在工地从架子上摔下来腿骨折了，老板只给了两千块就不管了，找谁说理",
    "路口那根电线杆有点歪，看着随时要倒，下周有活动人多，能不能赶在活动前处理一下",
    "孩子刚才滑滑板摔了一跤，自己爬起来又滑走了，就是那段路面坑坑洼洼的，请修一修",
    "小孩们天天中午在楼下玩轮滑，尖叫声不断，老人午觉睡不了",
]

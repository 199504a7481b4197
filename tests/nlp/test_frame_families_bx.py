"""Urgency frames, forty-ninth round: blind sets BX (one district-wide power cut, burst mains and
icy roads) and BY (parents of small children, pregnant women, grandparents).

Both caught every urgent complaint on their first pass. BX's four false alarms: a child
shivering in a flat at 14 degrees (冻得直哆嗦 was a certain sign of a person down; shivering with
cold now asks, and is certain only with a fall or a silence), a fight yesterday whose past was
cancelled by someone else's threat today (今天又有人放话: 今天又有 counts as the danger back only
when the danger follows), a family overcome by a water heater's fumes who were out and well
(已经开窗送医院了，人没事), and a lift that trapped people in the cut that nobody dares ride since
(大家再也不敢坐了). BY's questions: a scam call about a grandson hurt at kindergarten, a lift
that lurches. Each is written many ways, none a sentence of the sets."""

from __future__ import annotations

ASK = [
    # shivering with cold asks
    "停电一晚上了，我家老人冻得直哆嗦，屋里没有暖气",
    "家里暖气停了两天，孩子冻得发抖，有没有人能来看看",
]
CALM = [
    # a fight that is over, whatever is said about it today
    "昨天两拨人在村口打起来了，今天又有人在群里说要去讨说法，请派出所盯着点",
    "上周有人在小区门口打起来了，今天又有人贴了大字报，物业也不管",
    # a family out and well after fumes
    "前天邻居家热水器排烟管掉了，一家人头晕，已经开窗送医院了，人没事，想问这种热水器谁来检查",
    "上周我家燃气灶熄火了没发现，闻着头疼，已经开窗送医院了，人没事，燃气公司能不能来查一下管子",
    # a lift that trapped people before and is now shunned
    "9号楼电梯前天停电困了人，上个月也困过，现在大家都不敢坐了，能不能换部新的",
    "我们楼电梯老困人，上周又困了一次，老人都不敢坐电梯了，请物业找维保",
]

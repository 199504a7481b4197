"""Urgency frames, seventy-fifth round: blind sets FE (long-running grievances, rhetoric and a
few who mean it now), FF (Taiwanese Mandarin), FG (playgrounds and outdoor fitness equipment)
and FH (locked in and locked out).

The misses of the round: a lift that has shut a pregnant woman in, told as 电梯又把人关住了 (a
lift as the subject, the person as its object), and someone locked in a bathroom with a gas
water heater hissing and a smell (嗤嗤响 有股味儿). The false alarms: a threat that is only
rhetoric, "if it drips again I'll come up with a knife" (再滴就…: 再X就 is a conditional),
past trappings listed with ticket numbers (单号: the lift frame's exclusion), and a gas bill
called robbery (瓦斯費是在搶劫喔). The questions: a
basement whose water has gone down and whose box was replaced (水退了, 也换了), a lift's fall
referred to as a matter a month past, a driver who does not answer (挪车电话关机), a dog shut on
a balcony, children shrieking at play, and the model on playground repairs, a sunroom going up,
water under a locked door, a fire-escape question and a key broken in a lock (calm phrasings
added); a question whether a basement drain was cleared (有没有人清过)."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "lift_trapped": ["电梯又把一个老人关在里面了，按警铃没人理"],
    "gas": ["厨房的燃气灶打不着火，一直嘶嘶响，一股味儿"],
}
CALM = [
    "楼上那人放话说再吵就拿刀下来，我知道他就是嘴上说说，想请社区调解",
    "地下室上回进水漫到电闸，现在水退了，电闸也换了，就是墙还在渗水",
    "电梯掉下去那事过去一个月了，维保公司到现在没个说法",
    "邻居把大狗关在阳台上，白天晚上都叫",
    "早上车被堵在车位里，挪车电话关机，孩子上学要迟到了",
    "小区游乐场晚上十点还有孩子尖叫打闹，能不能规定个关门时间",
    "这个月的瓦斯费是在抢劫喔，比上个月多了一倍",
    "快下大雨了，请问地下车库的排水沟有没有人清过",
]

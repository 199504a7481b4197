"""Urgency frames, seventieth round: blind sets EK (short-term rentals and guesthouses), EL
(tutoring centres and day-care in flats), EM (work at height on the buildings) and EN (mahjong
rooms, karaoke bars, internet cafes and late-night shops).

EL and EM met every target on their first pass. EK missed one: guests drinking on a roof
half a step from an edge whose railing is broken (天台护栏断了一截…离边上就半步), now a medical
pattern. EN missed one: an internet cafe on fire inside (网吧里面着了), which the plain 着了
pattern did not cover after 里面; 着了 after a verb (睡着了, 找着了, 打着了) is no fire. The false
alarms: a restaurant pouring swill down a drain (往下水井里倒泔水, read as someone collapsed in a
well) and water around a wire referred to as a matter already seen to (积水里泡电线那事，供电所
已经处理了). The questions: a fight last night whose fighters are gone (打完都跑了), and the
model on a theft seen on camera, a crackling box already reported, a rope slapping a window, a
sharp slide, smoke through a vent and a video from elsewhere (calm phrasings added)."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "medical": ["楼顶的栏杆坏了一段，一群小孩在那跳绳，离边上就一步"],
    "fire": ["楼下饭店里面着了，门口全是人往外跑"],
}
CALM = [
    "饭店天天往下水井里倒泔水，井口一股酸臭味，请城管管管",
    "昨晚烧烤摊又有人打架，打完都跑了，我们晚上都不太敢出门",
    "路边积水泡电线那事已经处理了，就是水一直没排走",
    "我在屋里睡着了，醒来才发现快递被人拿走了",
]

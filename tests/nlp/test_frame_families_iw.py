"""Urgency frames, ninety-ninth round: blind sets IW (grown children far away writing about
their parents at home), IX (ground-floor shopkeepers watching the street), IY (folk beliefs:
ghosts, feng shui, fortune-tellers, offerings) and IZ (Northeastern speech).

IX, IY and IZ met every target on the first pass; IW missed one: a grandfather with dementia
gone while his carer fetched something, told by a grandchild who gives "their estate's"
location (他们小区 read as another estate's story). The false alarms: a fortune-teller's
prophecy of fire (算命的说…有火灾劫, a hypothesis now) and Northeastern 贼拉响, "very loud", read
as a thief (Northeastern speech is folded now: 贼 before an adjective is 特别)."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "missing": [
        "我姥爷有痴呆，阿姨下楼倒个垃圾的功夫人就不见了，这是他们小区的位置",
        "我奶奶糊涂了，保姆一转身人就不见了，这是他们小区的地址",
    ],
    "violence": ["嘎哈呢，有个贼正在撬我家门，我妈一个人在屋里"],
}
CALM = [
    "算命的说我家今年犯水，想问问社区能不能帮着查查水管",
    "算命先生说我今年有血光之灾，心里不踏实，想问小区监控能不能多装几个",
    "广场舞音响贼拉响，都十点了还在跳",
    "今天贼冷，暖气咋还不热乎",
]

"""Urgency frames, eleventh round: families found missing on blind set L — a relative seen on a
live video call (视频里看到姥姥…: a call, not a video's contents), a farewell message followed
by silence, a child not collected or not at the after-school class, a child beaten and to be
beaten again, dogs biting someone now; and the calm ones (a lesson about electric shocks,
patients seen at a hospital, heat said in words of fire, alarms to be fitted) — each written
many ways, none a sentence of the set."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "violence": [
        "视频里看到奶奶家有人在踹门，奶奶躲在里屋不敢出声",
        "跟我妈视频的时候有人在砸她家的门，我妈躲进卫生间了",
    ],
    "fire": [
        "视频里看到我爸家灶上的锅冒黑烟，他在沙发上睡着了",
    ],
    "medical": [
        "视频里我外公一直喘不上气，嘴唇发紫",
        "租客给我发消息说以后不用催房租了，然后电话一直没人接",
        "同事发朋友圈说对不起大家，照顾好自己，现在手机关机了",
    ],
    "missing": [
        "孩子放学没去托管班，老师也找不到人",
        "奶奶在校门口等到现在都没接着孩子，孩子八岁",
    ],
    "animal": [
        "几条野狗正在咬一个小孩",
        "流浪狗还在咬那个老太太，快来人",
    ],
}
ASK = [
    "学生身上都是新伤，说回去要接着挨打，现在不敢回家",
    "孩子说昨晚被他爸用皮带抽的，今晚回家还要收拾他",
]
CALM = [
    "今天科学课讲了触电急救，孩子回来问了好多",
    "学校安全课讲了触电以后怎么办，挺好的",
    "今天急诊来了好几个一氧化碳中毒的，建议社区提醒大家别烧炭",
    "医院收治了两个煤气中毒的老人，提醒大家注意通风",
    "这天热得都要着火了，水景池能不能放水",
    "晒得地面都要冒烟了，小区能不能多装几个遮阳棚",
    "想给出租屋装上燃气报警器和烟感，社区有补贴吗",
    "在视频里看到一个小区着火的新闻，我们这里消防通道也堵着",
]

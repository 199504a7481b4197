"""Urgency frames, forty-second round: blind sets BJ (deaf, blind and wheelchair-using residents
and their carers) and BK (Chinese as a second language).

BJ missed two urgent complaints on its first pass: a gas smell dictated without punctuation, its
danger switched off by a question asked thirty characters later (…接下来怎么弄), and a lift
spelt by its homophone (电体停在半道上了). BK missed none. BJ's false alarms came from words
spaced out in the order of sign language (我 轮椅，万一 家里 着火): each space was read as a
clause's end, so 万一 no longer reached 着火. A text whose runs are mostly one or two characters
is now read with its spaces taken out; a hypothetical marker after a danger counts only close
to it. The rest: a third person's hometown (她老家有一个孩子掉进了井里), a fall found days
later, a child's scream at noise, a gas or smoke alarm's flat battery, a guess that someone
could fall, 救命 over water that is off, how a deaf person would call for help from a lift.
Each is written many ways, none a sentence of the sets."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "gas": [
        "我家燃气灶打不着火了闻着一股臭鸡蛋味越来越大我看不见哪里漏窗户开了接下来怎么弄你们快来人",
        "厨房煤气味特别重我眼睛看不见不知道哪漏了已经开窗了下一步该咋办赶紧派人来",
    ],
    "lift_trapped": [
        "电体停在半道上了我和导盲犬在里面按铃没人回",
        "电梯 关人。我儿子 自闭症，一个人 在里面，撞门，二十分钟。",
    ],
}
ASK: list[str] = [
    # told in three sentences: the model's question
    "电梯 停 半路。我 轮椅 在 里面。按铃 没人 应。",
]
NOT_HIDDEN: dict[str, list[str]] = {
    "fallen": [
        "我妈 摔倒 地上，起不来，叫 不 应。",
        "老人 在家 摔倒 了，一直 躺着，喊 她 不 答应",
    ],
}
CALM = [
    # words spaced in the order of sign language, a worry
    "楼道 灭火器箱 空。我 轮椅，万一 家里 着火，没东西 用。请 补。",
    "安全出口 门，铁链子 锁。我 轮椅 平时 走 那里。万一 着火，怎么 出去？",
    "家家 烧柴火。我家 瘫痪 老人 在 炕上。万一 着火 跑不了。能不能 发 灭火器。",
    "听说 别的 小区 燃气 爆炸。我们楼 燃气管 老，生锈。能不能 来 检查。",
    "电梯 报警按钮 只能 说话。我们 聋人 关 里面 怎么 求救？能不能 加 屏幕。",
    # somebody else's story, a fall found days later
    "老师跟我们讲，她老家有个孩子掉进了没盖的井里，我们楼后面那个井盖也碎了，快换吧",
    "听邻居说隔壁楼有个老人在家摔倒好几天才被发现，我婆婆也一个人住，能不能装个呼叫器",
    # a child's scream at noise, an alarm's flat battery
    "楼下广场舞每天晚上放到十点，我儿子孤独症，一听就捂耳朵尖叫，声音能不能小点",
    "家里的燃气报警器好像没电了，灯不亮，谁能来帮忙换一下",
    "楼道的烟感报警器一直滴滴叫，没电了吧，已经叫了一个星期",
    # a guess that someone could fall; 救命 over water that is off
    "人行道的砖头翘起来好多块，我的箱子轮子卡坏了，老人走路也会摔倒吧",
    "救命啊救命，已经停水三天了！！不是真的有危险哈，就是没水洗澡",
]

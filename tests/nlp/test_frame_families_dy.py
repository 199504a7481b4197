"""Urgency frames, sixty-seventh round: blind sets DY (home kitchens and cooking), DZ (families
and neighbours of people with mental illness, dementia or addiction), EA (owners' committees in
long disputes with the property company) and EB (old walk-up buildings under renewal works).

Each of the four missed one urgent complaint on its first pass: a gas smell at a meter just
changed, growing (表那儿一直有味，现在越来越大了); a bedridden man alone knocking on the floor all
afternoon, told across two sentences; children playing in fast water at a broken river
railing; and water running into a meter box (水直往电箱里流 怎么办 怎么办, where the panicked
怎么办 read as a question). The false alarms: a fire "when there was one" (着火时…才发现), a live
lamp post already seen to (已经处理好了), what a fire that is over showed (此次火灾暴露出…整改),
a mother with dementia who always says there is gas (总说…其实每回查都没事: 总说 is a hedge now),
a gas smell turned off and aired (已经关好通风了), a bite told as last week's, and threats
shouted last night. The questions: an alarm's model to be replaced, a row that died down (后来
安静了), a broken door that lets the old out, and the model on a quarrel, a drunk husband
singing, old damage unpaid, a leak from a flat that never opens and bins fenced in (calm
phrasings added)."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "gas": ["下午燃气公司来换了个阀门，人走了以后阀门那一直有股味，现在越来越冲"],
    "water_electric": ["楼上的水管裂了，水一个劲往配电箱里淌"],
    "medical": ["河边栏杆倒了一段，几个孩子就在那下河玩水，水很深"],
}
ASK = ["隔壁一直在敲暖气片，敲了一上午。他家就一个卧床的老太太，儿子出差了"]
CALM = [
    "燃气报警器用了好几年了，燃气公司说这个型号要淘汰，能统一换吗",
    "楼上两口子又摔东西又吵，后来安静下来了，应该没事了，就是三天两头这样",
    "我妈糊涂以后老说家里有煤气味，其实查了好几次都没事，有没有能一直显示的检测仪",
    "刚才楼道有点煤气味，是邻居煮东西溢出来把火浇灭了，已经关好了",
    "上个月孩子走丢了一回，就是因为单元门门禁坏了，一推门就出去了，到现在还没修",
    "那根漏电的灯杆上周已经处理好了，就是灯一直不亮",
    "上次楼里着火时才发现灭火器都被人拿走了，请补上",
    "去年那场火灾暴露出消防通道堵塞的问题，请物业尽快整改",
    "门口的树枝压到电线上了，麻烦来修剪一下",
]

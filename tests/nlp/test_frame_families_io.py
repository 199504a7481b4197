"""Urgency frames, ninety-seventh round: blind sets IO (proverbs, sayings and rhyming 顺口溜), IP
(news flashes and headlines: 【突发】, 【求扩散】), IQ (messages that change course in the middle)
and IR (the tallest towers, high floors).

IO, IP and IR caught every urgent text on the first pass; IQ missed four, each told after a
routine matter the writer had meant to raise: a neighbour just taken to the bank by men
selling gas-meter checks, a mother-in-law gone with her savings book in a van from a "finance
talk" (讲座, which had switched the scam frame off), a wire from a lamp post lying in a puddle
that numbs the feet, a lightning-split branch sliding off the wires over a school path. The
false alarms and questions were sayings and headlines: 城门失火殃及池鱼 and 人命关天 quoted (a
saying is now a hypothesis in its clause: 俗话说, 老话讲 …), everything smelling of gas to a
worried nose, a damp wall crumbling, writing "so hard I want to jump", a pan burnt dry that never
caught fire, and 【求扩散】 heading appeals about wages and dogs (it now asks only with a person or
a state of being missing close after it).

The rules alone left the round's scams and a few plain clusters to the model's question; they
got families: a caller's instructions followed (正照着) with a shared screen or a safe account, a
card handed over with its PIN, an accident story with money already going, cash handed to a
stranger, an old person marched to the bank; petrol carried to a door with a threat, a fight
with pipes told as it happens, a burglar on a drainpipe; a roof door locked behind someone in
the cold; tiles hanging after others fell, a wall leaning and dropping bricks over children; a
child sick after playing on a sprayed lawn."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "scam": [
        "楼下有几个人说免费体检，隔壁张奶奶刚被他们带去银行了",
        "我婆婆拿着存折跟着那几个推销的上了车，车还在小区里",
        "我爸正照着电话里的人说的在手机上开共享屏幕",
        "我妈正照着对方的话往安全账户打钱，我在外地",
        "说是物业的来收费，还要老人的银行卡密码，我爷爷已经把卡递给他了",
        "有人打电话说我侄子撞了人要私了，我姑现在就在银行柜台取钱",
        "楼下有个老太太正把一袋子现金交给一个不认识的小伙子，说是孙子让送的",
        "隔壁大爷这会儿正被两个人拉着去银行，说买理疗仪能返钱",
    ],
    "violence": [
        "有个男的提着一桶汽油在楼道里，说要跟他老婆同归于尽",
        "停车场两个人抡着铁棍打",
        "有人顺着水管往三楼爬，在扒人家窗户",
    ],
    "trapped": ["楼顶门被风刮上锁死了，我奶奶在上面晒被子下不来"],
    "collapse": [
        "外墙瓷砖又掉了一大片，上面还有一块挂着晃，底下是单元门",
        "村里那堵老墙歪得厉害，往外掉砖，孩子们正从墙根底下走",
        "楼道窗户的玻璃松脱了，风一吹就晃，正下方是进出的门口",
    ],
    "medical": [
        "小区刚打完药，孙子在草地上玩了一会儿回来就吐，嘴唇发白",
        "讨薪的工人说不给钱就跳楼，人都站到楼顶边上了",
    ],
    "animal": ["七八条野狗围着一个放学的小男孩，衣服都扯破了"],
    "fire": ["本来想投诉油烟，一看是对面厨房着了，火苗都窜出窗户了"],
    "missing": ["我奶奶有阿尔茨海默，早上说去遛弯到现在没回"],
}
CALM = [
    "俗话说城门失火殃及池鱼，楼下店铺堆了那么多纸箱，能不能让消防来查查",
    "俗话说人命关天，社区能不能组织学习心肺复苏，我们想去学",
    "燃气表换了新的，师傅测过没漏，老话说疑心生暗鬼，我现在闻啥都像煤气",
    "顶楼墙角一下雨就渗水，墙皮发霉掉渣了，请来做防水",
    "楼上天天唱歌，吵得我想跳楼，能不能管管",
    "厨房锅烧干了冒了点烟，消防来看了，没着起来，人也没事",
    "【求扩散】工地老板欠了我们三个月工资，电话也不接",
    "【求扩散】小区的流浪猫太多了，谁能帮忙联系救助站",
]

"""Urgency frames, twenty-fifth round: families found missing on blind sets AE and AF — someone
buried under a collapse, a rider down in the road, an old man who only opens his eyes when called,
a snake among children, a knock on the head then drowsiness, a crack widening now, smoke from a
door with the alarm beeping, flames reaching a window frame; signs for children on a roof and a
pet wailing where someone lives alone; and the calm ones (a game's shouts explained, chopping
said like a killing, a worker on a rope, the lift notice's words, a care insurance, staged
scares, fire publicity, cooking smoke, a fight taken home, a lift that recovered) — each written
many ways, none a sentence of the sets."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "trapped": ["私自挖的地下室塌了，人埋在下面", "棚子塌了，有个人压在底下"],
    "fallen": [
        "一个骑电动车的倒在路中间，车压在腿上，人不动",
        "老头摔了以后一直睡，怎么叫都只睁一下眼",
    ],
    "animal": ["教室里进来一条蛇，孩子们都挤在墙角"],
    "medical": [
        "孩子从秋千上摔下来后脑勺着地，现在一个劲犯困，还吐了",
        "孩子头磕在地上了，现在一直想睡觉，刚才还吐了两回",
    ],
    "collapse": ["路边的裂缝刚才还一指宽，现在能塞进拳头了"],
    "fire": ["门缝底下往外冒烟，屋里烟感一直在叫"],
    "fire_spread": ["阳台上的纸箱烧起来了，火苗已经窜到窗框上了"],
}
ASK = [
    "楼顶天台上有几个孩子在栏杆边追着跑",
    "半夜楼上的狗一直挠门，叫得特别惨，它家是独居的老太太",
]
CALM = [
    "孩子打游戏一直喊着火了快跑，邻居以为真着火了，说明一下没事",
    "楼上天天晚上剁馅，跟砍人似的",
    "楼顶边上站着个人，原来是修避雷针的师傅，系着安全绳",
    "电梯里贴的困人请拨打的电话是空号，能不能换个真的",
    "照顾的失能老人想申请长期护理险，不知道去哪办",
    "楼下一阵尖叫，还以为出什么事了，原来是万圣节活动",
    "隔壁半夜摔东西喊叫，问了是鹦鹉学的电视剧台词",
    "市场门口搞密室逃脱的宣传，演员喊救命",
    "广场搞消防宣传，拿喇叭喊着火了快跑，演习嘛",
    "孩子们玩抓坏人的游戏，喊救命啊，路过的阿姨还当真了",
    "楼上炒菜炒糊了，整层都是烟，烟感也不响",
    "两个男的打起来了，现在都被家里人拉回去了",
    "电梯今天卡了一下，我在里面，好在自己又好了，这正常吗",
    "上礼拜那场火灭了以后，楼道到现在一股烟味",
]
# Switches of rounds U–AF narrowed on review to the calm thing itself: the danger beside the
# broader word still fires.
NOT_HIDDEN: dict[str, list[str]] = {
    "fire": [
        "炒菜的时候油锅着火了，火苗窜得老高",
        "屋里没电了，厨房着火了",
        "电视音量很大，突然电视冒烟着火了",
        "那场火还在烧，火越来越大",
    ],
    "collapse": ["铁架子生锈了，随时要塌下来砸到人"],
    "gas": [
        "闻到一股煤气味，不知道有没有漏",
        "闻到煤气味，也不知道有没有漏气，头有点晕",
        "刷短视频的时候闻到一股煤气味",
    ],
    "fallen": ["邻居外放音乐声太大，我去敲门发现他倒在地上叫不醒"],
    "medical": ["睡着觉突然抽搐，口吐白沫"],
    "missing": ["孩子提前放学，到现在还没回家，电话也打不通"],
    "live_wire": ["墙上标着高压危险，电线掉在地上了"],
}

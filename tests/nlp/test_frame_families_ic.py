"""Urgency frames, ninety-fourth round: blind sets IC (electricians, appliance repairmen and
installers writing about the flats they visit), ID (Beijing and Tianjin speech mixed into
Mandarin), IE (cooks and owners of small restaurants and canteens) and IF (scrap collectors and
small recycling stations).

ID, IE and IF caught every urgent complaint on the first pass; IC missed metal mailboxes that
light a tester (电笔一碰就亮: 一碰就 read as "whenever", a hypothesis) and a balcony beam cut out
below, its floor tilting and a crack a finger wider in a morning. IC's false alarms were mostly
a tradesman's idioms and asides: an open-air film's firemen shouting fire, a throat "smoking"
with worry, a head "about to explode", tile dust like smoke, a wet motion-sensor switch, an
outdoor unit buried in shrubs, a request for a leaflet on carbon monoxide; elsewhere a dish
called 爆炸辣子鸡, warnings that batteries charged indoors will catch fire, a crooked willow
that has leaned for ten years, a film about a falling lift (的电影 is now another place for
every frame), a newspaper story (报纸上看到)."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "live_wire": [
        "单元门口的铁门电笔一碰就亮，老人天天扶着进出",
        "楼道扶手拿试电笔一测就亮，小孩放学都摸着上楼",
    ],
    "collapse": [
        "楼下把承重墙拆了，我家地面已经往下沉，门都关不上了",
        "客厅墙上的裂缝一下午宽了一指多，还在响",
        "楼下那户把阳台梁切了，我们家阳台地面往外斜",
        "我在楼上干活，墙角的缝一上午宽了一指",
    ],
    # read back after the round: clusters of urgent texts only the model had asked about
    "gas": [
        "装修工人拿电锤把燃气管打穿了，呼呼往外冒气",
        "收废品的拿锯子把煤气管子锯断了，一直往外喷",
        "燃气管子被打穿了往外冒气，已经关阀了还是有很大的味",
    ],
    "animal": ["收废品那家的大狼狗把一个小孩扑在地上咬"],
    "medical": ["压面机把师傅的手卷进去了，拔不出来"],
    "violence": ["两个人打起来了，一个抄起铁棍往对方头上砸"],
}
CALM = [
    "广场放露天电影，演的是消防员救火，喇叭开得太大",
    "师傅等了一天停水也没来，我急得嗓子冒烟，能不能贴个通知",
    "物业电话打不通，脑子都要爆炸了，就想问问装空调找谁",
    "楼上干切瓷砖，粉尘满楼道跟冒烟似的，呛得人直咳",
    "楼道的感应开关进水了不亮，物业说配件要等半个月",
    "绿化带灌木太高，空调外机被埋在里面散不了热",
    "想请社区讲讲一氧化碳中毒，好多人把热水器装在卫生间",
    "上次冒火花的插座换好了，今天回访一切正常，单子可以结了",
    "我们店新出了道菜叫爆炸鸡排，想报名美食节",
    "宿舍几个小伙子把电瓶拎进屋充电，我说了好多回会出事，他们不听",
    "门口那棵歪脖子树看着要倒，其实歪了十来年了，就是挡车",
    "看了个讲电梯坠落的电影，孩子不敢坐电梯了，想问年检做没做",
    "在报纸上看到有人拆承重墙楼塌了，我们楼上也在装修，心里发毛",
    "后厨烟感炒个辣椒就响，没着火，能不能请人调一调",
    "燃气管道改造，把旧管子切断了，往外冒了点气，师傅已经关阀了",
    "小时候被邻居家的大狗扑倒咬过，现在看见狗就怕",
]

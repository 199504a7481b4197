"""Urgency frames, ninety-fifth round: blind sets IG (Shaanxi and Gansu speech mixed into
Mandarin), IH (taxi and ride-hailing drivers), II (hourly cleaners and home-care aides) and IJ
(sarcastic residents who bury the matter in irony).

IH and IJ caught every urgent complaint on the first pass; IG and II each missed two scams going
on as they were told (a wife still paying a "brushing orders" scam, health-product sellers
taking an old woman's savings book, a caller's app sharing an old man's screen, two men from
"the social security bureau" asking for a bank card's PIN in the living room). The scam frame
knew only the bank counter and the "safe account"; it now also knows screen sharing, a PIN
asked for on the spot, money still going out, a caller keeping the line open on the way to the
bank, and a salesman sending an old person for the savings book. Shaanxi and Gansu speech
(婆姨, 碎娃, 尕娃, 阿达, a clause-final 咧 for 了) is folded like the other dialects.

The rules alone left many of the round's urgent texts to the model's question; families were
added where a cluster was plain: armed fights and beatings heard through the wall, window bars
forced, a lift shut with a relative inside or for a time still running, a vehicle or a barrier
arm that knocked someone down, a child on an air-conditioner bracket, a worker at a crane's
edge, water over a plugged-in heater or round lit lamps, an uprooted tree leaning onto things
or over people, a crack growing as it is watched, poison sprayed or dumped with someone sick,
someone clinging to a river bank, children inside an open transformer. The calm ones: a fire
put out long before a smell, the management likened to firemen, a price called robbery, a
disaster film, a smoke alarm's flat battery, a search for someone to mediate."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "scam": [
        "我爸正在跟一个自称客服的人打电话，对方让他开了屏幕共享，现在手机还亮着",
        "这会儿我妈在跟人视频，那边叫她打开屏幕共享看银行卡",
        "骗子让老太太下了个会议软件，屏幕共享已经开了",
        "门口有两个人说是银行的，正在让老人把验证码念出来",
        "我婆婆这会儿在手机上做兼职刷单，已经转了三万了，还在转",
        "他已经转了八千块了，对方说再转两万就能提现，劝不住",
        "有人冒充快递员说包裹丢了要退款，我爸现在正在按他说的点手机转账",
        "两个卖保健品的现在就在我奶奶家，正让她拿存折去取钱",
        "我姑这会儿在跟一个说是警察的人打电话，要她往安全账户打钱",
        "对方一直不让挂电话，让老人马上去柜台把钱取出来",
        "我爷爷这会儿在取款机前面转账，电话里有人一直教他怎么按",
    ],
    "lift_trapped": [
        "电梯停在五楼不动了，里面还有我妈",
        "电梯卡住了，里面还有她儿子，按铃没人应",
        "电梯把我困了快半个小时了，喊也没人",
        "这破电梯又坏了，把我家老爷子和一车菜一起关在里面了",
    ],
    "violence": [
        "楼下几个人拿着棍子在打，已经有人倒在地上了",
        "有个人拎着砍刀在追一个小伙子",
        "楼上又在打老婆了，女的一直在哭喊，砸东西的声音没停",
        "隔壁男的正在打孩子，孩子一直尖叫求饶",
        "有个陌生人正在撬一楼老太太家的防盗窗",
        "两伙人在停车场互殴，有人头破血流",
    ],
    "fallen": [
        "一辆快递三轮把个老太太撞倒了，人躺地上没起来",
        "道闸杆落下来把一个骑车的大爷砸倒了",
        "有个小孩被倒车的车子碰倒了，头上在流血",
    ],
    "medical": [
        "对面楼窗户外面的空调台上坐着个小孩，家里没人",
        "讨薪的工人说不给钱就往下跳，有一个已经站在楼顶边上了",
        "小区刚打过农药，几个小孩在草里玩，现在有个孩子吐了",
        "垃圾站有人倒了化工废液，冒着黄烟，有个老人已经晕倒了",
        "一个老人钓鱼滑下去了，抓着岸边的树枝上不来",
    ],
    "animal": [
        "那条黑背正咬着一个老人的腿不松口",
        "几条野狗围着一个小男孩，已经扑上去咬他衣服了",
    ],
    "water_electric": [
        "水管爆了，水往屋里灌，电暖器还插着",
        "地下室进水淹到膝盖了，里面的灯都还亮着",
        "配电箱里面泡着水，还在滋滋打火",
    ],
    "trapped": [
        "车库进水了，有辆车里还坐着人，车门打不开",
    ],
    "live_wire": [
        "小区那个变压器的门开着，几个小孩钻进去玩了",
    ],
    "collapse": [
        "楼下那棵大槐树根都翘起来了，树下面还有人在下棋",
        "那棵大柳树连根拔起，斜靠在三楼阳台上",
        "三楼窗户的玻璃松了，风一吹往外晃，下面就是小学生放学的路",
        "卧室墙上的裂缝还在变宽，天花板直掉渣",
        "吊顶刚掉了一大块，剩下的还在往下鼓，老人就睡在下面",
        "河边的护栏撞断了，几个孩子正趴在断口上看鱼",
    ],
    "missing": [
        "我家碎娃在院里耍，一转眼就不见咧",
        "我妈有点糊涂，刚才坐地铁坐丢了",
        "小孙子中午出去玩，到现在没见人",
        "我爸有老年痴呆，自己开门出去了，找了一个钟头哪都没有",
    ],
    "fire": [
        "有人在楼顶电焊，火星掉下来，晾的被子已经烧着一块了",
    ],
}
CALM = [
    "昨晚的火消防早扑灭了，今天楼道还是一股焦味，麻烦安排保洁",
    "物业跟消防员似的，哪里着火了才去哪里，平时报修没人理",
    "这小区停车费贵得离谱，抢钱都没这么狠",
    "昨晚看了部灾难片，片里的人被困电梯，吓得我今天走楼梯",
    "楼道烟感一直滴滴叫，估计没电了，麻烦来换个电池",
    "跟对门因为堆杂物吵了几回，想寻人来调解一下",
    "提醒大家，骗子会让老人开屏幕共享，千万别开",
    "去年我妈被卖保健品的骗了两万，现在还在跟他们打官司",
    "上个月电梯把人关了二十分钟，维保到现在没个说法",
    "前年那棵树被风刮得根都翘起来了，后来园林扶正加固了",
    "楼上装修砸墙，我家墙上裂了条缝，想请人来评估一下",
]

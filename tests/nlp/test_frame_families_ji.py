"""Urgency frames, hundred-and-second round: blind sets JI (Minnan speakers from southern
Fujian), JJ (scrap collectors going door to door), JK (a spring dust storm and its gale) and
JL (residents watching the building opposite from their windows).

JJ, JK and JL met every target on the first pass; JI caught 98.8 % at precision 91.9 %. Its
Minnan (囝仔, 厝, 袂, 拢, 无人应, 查某) was folded only in texts with a Taiwanese marker phrase;
the fold now knows southern Fujian's words and markers. The false alarms: a gas smell already
put right (无代志), a dog sick after sniffing pesticide, a news story "said online" (网上讲),
a drill "loud enough to burst a head" and a charging lead hung from a window."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "lift_trapped": [
        "电梯停在两层中间半小时了，里面一个坐轮椅的阿伯",
        "外挂电梯的轿厢卡在五楼和六楼中间",
        "电梯停在两层中间，内面一个阿伯，伊讲胸口闷",
    ],
    "violence": [
        "有个陌生男人拉着一个小孩的手要带出去，孩子一直哭",
        "一个男的捂着孩子的嘴往面包车上抱",
        "对门那家去旅游了，现在屋里有手电的光在晃",
        "楼梯口躺着个年轻人，身上有刀口在流血",
        "阳台上有个男的拿着东西在砸她",
        "六楼那户又在打某，查某人一直哭叫",
    ],
    "collapse": [
        "大榕树根断了，整棵斜靠在人家屋顶上",
        "外墙瓷砖一片一片在掉，下面就是单元门",
        "屋顶让风掀了半边，老人还在屋里出不来",
        "公交站的棚子往下塌了，里面还有几个学生",
        "树根底下的土都裂开了，下面好几个老人在锻炼",
        "一楼把柱子凿断了，上面几层的阳台都歪了",
        "树干快锯断了，下面一群老人坐着乘凉",
        "粗树枝劈裂了，就吊在头顶上晃",
        "那排杨树有一棵已经斜靠在围墙上了，孩子们还在上课",
    ],
    "fire": ["烧荒的火被大风一吹跑起来了，离柴火垛就几十米"],
    "trapped": [
        "孩子被锁在教室里了，老师都走了，他在电话里哭",
        "小伙子爬到窗外的空调架上，上不去也下不来",
        "一个老人摔下去了，人在沟里喊，自己上不来",
    ],
    "live_wire": [
        "灯杆倒了，线还带着电，几个学生正想去抬",
        "大爷扶了下栏杆就被弹开了",
    ],
    "water_electric": [
        "一楼进水了，水快到插座了，老两口还在屋里",
        "屋里插着电的电暖气泡在水里",
    ],
    "medical": [
        "池塘有人落水，在水里扑腾",
        "对面阳台一个老爷爷坐在地上捂着胸口，脸色发白",
        "有个女的站在窗户外面的空调台上，屋里喊她回来她不理",
        "掏粪的工人下去就倒在化粪池里了",
        "老人电话里说喘不上气，家里没人",
    ],
    "missing": ["一个老太太光着脚穿着睡衣在路边走，问她家在哪说不上来"],
    "fallen": [
        "阿嬷跌倒了头撞到桌角一直流血，叫她都没应",
        "隔壁阿嬷跌倒撞到头，讲话不清楚",
        "瘫痪的老太太没吃没喝两天了，自己挪不动",
    ],
    "scam": [
        "阿公现在跟人讲电话，对方讲伊中奖要先转手续费，伊拿卡要出门去提款机",
        "阿伯提一袋现金在楼下等人来收，讲是投资公司",
        "上门推销净化器的人围着老师，这会儿正逼着他扫码付钱",
        "她跟自称孙子的人视频，已经取了钱，正在门口等人来拿",
        "老大爷开着视频对着手机念银行卡密码，对方一直催他转到安全账户",
        "那两人说奶奶中奖了要先交税，她跟着陌生人往小区外走了",
        "老太太一直哭着说别抓我儿子，现在拿着存折出门了",
    ],
}
CALM = [
    # put right, a pet, a news story, a figure of speech, a charging lead
    "早上家里有瓦斯味，燃气公司来换过管子已经无代志了",
    "绿化带喷农药没贴告示，我家的狗去闻了一下就吐了",
    "网上讲北方有人烧炭取暖中毒了，村里能不能挨家讲一讲",
    "楼上装修电钻从早钻到暗，吵甲阮头壳要爆炸",
    "有人从三楼窗仔吊一条电线落来充电动车",
    # over, supposed, habitual
    "两个人抢车位打起来了，民警已经把人拉开带走了",
    "支架都锈了，万一哪天刮大风吹下来，砸到人可不是小事",
    "棚子看着摇摇欲坠，现在倒还没事，要是刮大风砸下来就麻烦了",
    "有个人倒在地上，我正要打电话，他自己爬起来了，是喝多了",
    "孩子站在阳台上说要跳下去，后来才知道是在拍短视频",
    "对面楼顶冒了一股黑烟，后来才知道是熬沥青做防水，已经弄完了",
    "对面那户天天在院子里烧塑料垃圾，黑烟往我家飘",
    "接了个电话说我孙子出车祸要钱，我差点就去银行了，还好先问了闺女",
]

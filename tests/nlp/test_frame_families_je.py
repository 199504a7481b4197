"""Urgency frames, hundred-and-first round: blind sets JE (emoji, kaomoji and pinyin initials
standing for words), JF (residents writing to their grid worker by name), JG (a night of
freezing rain) and JH (Hong Kong vocabulary in standard written Chinese).

JF and JH caught every urgent text on the first pass, JE missed two and JG one. JE's texts
lost their meaning in the fold: emoji were dropped (油锅🔥了 read as 油锅了, 浓💨往外滚 as
浓往外滚) and pinyin initials were left as Latin letters (dt卡住了, 一股mq味). Both are read as
words now. The rules alone missed what the ice brought (trees, wires and shelters loaded
with ice, cars sliding, people pinned) and Hong Kong words (升降机, 脑退化, 冲凉)."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "fire": [
        "楼下饭馆后厨的火窜进烟道了",
        "村口的荒草地着火了，风往住家那边刮",
        "厨房油锅🔥了，锅盖盖不住",
        "6号楼hz了，浓💨从窗户往外滚",
        "车棚里电瓶鼓包了，还在冒白烟",
    ],
    "gas": [
        "一进单元门一股mq味，越来越浓",
        "楼道里rq味好重，敲门没人应",
        "饭馆门口的液化气罐冻住了，他们正拿喷枪对着罐子烤",
    ],
    "lift_trapped": [
        "我们单元dt卡住了，里面有个婴儿",
        "电梯卡在五楼和六楼中间，孩子在里头哭",
        "电梯里有个老人，现在卡在顶楼不动了",
        "大厦的升降机困住了一个孕妇",
        "电梯门夹住小朋友的手，拉不出来",
    ],
    "trapped": [
        "大树倒了压在车上，车里的人卡着出不来",
        "三轮车翻到沟里，大爷被扣在车底下",
        "一个老太太一条腿陷在井盖里拔不出来",
        "水越涨越高，隔壁阿婆还在屋里出不来",
        "地库进水了，有个大爷还坐在车里",
        "冰坡上那辆车还在一点点往下滑，车里有老人",
        "几个小学生跑到冰面上玩，冰面在咔咔响",
    ],
    "collapse": [
        "公交站棚顶压满了冰，铁架子已经弯了，底下还站着好几个人",
        "大杨树劈开半边，就吊在单元门正上方",
        "外墙保温板掉了半边，在风里一扇一扇的",
        "一大块水泥松动了，悬在单元门上方",
        "雨棚的玻璃裂了，随时会掉，下面就是进出的通道",
        "挡土墙在往外鼓，又掉了一块石头",
        "铁门的铰链断了，几个小朋友还在推着玩",
        "有人从楼上往下扔冰块，刚砸在车上",
        "装修把支柱凿掉了，今天墙一直掉灰",
        "楼下在砸墙，我家地板裂了，快让他们停下",
        "违建的小楼墙已经歪了，一家人还住在里面",
    ],
    "live_wire": [
        "电线挂满了冰，一直冒蓝光",
        "刚碰了下铁门就被电麻了",
        "变压器一直打火，底下一堆人坐着乘凉",
        "水坑里泡着一根断电线",
        "⚡线耷拉在外面泡着水",
    ],
    "water_electric": ["楼上热水器爆了，水顺着电线流进我家电箱"],
    "animal": [
        "一条蛇正往沙坑那边爬，有个小孩伸手要去抓",
        "马蜂炸窝了，追着人蜇",
        "一群野狗🐕🐕把个小姑娘堵在墙角了",
    ],
    "violence": [
        "有个男人揪着女人的头发往地上撞",
        "醉汉拿碎玻璃指着保安",
        "两个人撬开了货车的门在搬东西",
    ],
    "scam": [
        "奶奶这会儿在村口信用社取钱，说是公安让她转，拉都拉不住",
        "我爸刚接了个电话就在往一个账户转钱，说我出车祸了",
        "对方让她买购物卡把卡号念过去，她正在小卖部打电话",
        "我奶奶这会儿在银行排队，说热力公司让她转到指定账户",
        "婆婆要把十万现金交给一个说能摆平官司的人，那人就在旁边等",
        "我妈正在跟一个自称检察院的视频，让她把钱全转到安全账户",
    ],
    "missing": [
        "我妈有脑退化，趁我冲凉自己开门走了",
        "孩子放学没到家，学校说四点就走了",
    ],
    "medical": [
        "弟弟把药瓶里的药全吃了",
        "小朋友爬出窗外，站在空调架上",
        "楼上老人心脏病发，正在等担架",
        "外卖小哥摔了，骨头都戳出来了",
        "井盖被水顶开了，路上全是水看不见洞",
    ],
    "fallen": [
        "敲门里面只听见有人在呻吟",
        "老爷子从台阶上摔下来，腿好像断了",
        "送外卖的滑倒撞在墙上，人趴着一动不动",
    ],
}
CALM = [
    # emoji and initials in ordinary talk
    "我们网格员简直是救火队员🚒，啥事都秒回yyds",
    "dt又坏了，天天爬楼梯，wy什么时候修",
    "这天气冷得像住在冰箱里🥶，暖气能不能烧热点",
    # a risk named, a rule asked about, a quake supposed
    "管理处说单位里放液化气罐有爆炸风险，想问合不合规",
    "电池可以拿上楼充电吗？管理处说会起火要罚款",
    "要是地震了，村里那些土坯房肯定要塌，有没有加固补贴",
    # help already given, a wall talked about, a bracelet asked for
    "谢谢你那天帮着找我家老爷子，人找回来了，想问能不能办个防走丢手环",
    "大爷在门口摔倒了，路人已经把他扶起来送回家了，门口的冰一直没人铲",
    "楼下想把承重墙打掉开店，还没动手，能不能去制止",
]

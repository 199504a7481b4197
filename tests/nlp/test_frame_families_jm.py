"""Urgency frames, hundred-and-third round: blind sets JM (Yunnan and Guizhou speech), JN (the
village's market day), JO (families of people on medical equipment at home) and JP (foreign
students and expatriates mixing English words into simple Chinese).

JN met every target on the first pass; JM and JO caught 98.8 %, JP 95.0 %. JP's English words
among Chinese ones (黑色的 smoke 从窗户出来, lift 卡住了, my friend 在里面) were left as
Latin letters, and their spaces read as pauses; they are read as the Chinese words now, the
spaces taken with them. JM's 么得 arrives as 幺得 after the script conversion, and its Yunnan
and Guizhou words (老倌, 娃娃, 遭 for 被, 关到) are folded with the Sichuan ones."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "missing": [
        "我孙子在楼下玩，一下就看不见了",
        "我儿子5岁，在游乐场不见了",
        "我家老倌有老年痴呆，早上出去买菜到现在还么得回来，天要黑了",
    ],
    "violence": [
        "有个男的揪着一个女孩子往外拖，孩子一直喊不认得他",
        "赶集的小伙子被那伙人围住了，现在正挨打",
        "有人在打我爸，那人还在踹",
    ],
    "animal": ["大狼狗挣脱了绳子，追着小孩子咬"],
    "gas": [
        "燃气灶打不着火，一直在放气，满屋子都是味道",
        "液化气罐阀门坏了一直在漏，满院子都是味道",
    ],
    "collapse": [
        "大杨树歪倒在楼上了，树干还在往下滑",
        "天花板鼓起一个大包，正在往下掉灰",
        "路面在往下塌，坑越来越大",
        "公交站的玻璃碎了一半挂在上面，下面很多学生在等车",
    ],
    "trapped": [
        "脚手架歪了，上面还站着两个工人下不来",
        "轮椅卡在桥边，半个轮子悬在河上面",
        "院子进水了，水还在涨，屋里的老人出不来",
    ],
    "lift_trapped": [
        "电梯里头关着人了，灯也熄了",
        "电梯停在半空，门打不开，我爸坐着轮椅",
        "lift 卡住了，my friend 在里面，她 pregnant",
    ],
    "fire": [
        "卖鞭炮的摊子着了，好几个人被崩着了",
        "楼道里一股焦味，烟正往楼上窜",
        "外婆打电话说闻到被子烧焦了，她下不了床",
        "充电插座烧得黑黢黢的，还在冒火星",
        "五楼有黑色的 smoke 从窗户出来",
    ],
    "medical": [
        "停电了，我妈的呼吸机电池电量已经掉了一半",
        "停电了，奶奶喉咙里痰卡着，吸痰机用不了，怎么也抽不出来",
        "孩子发烧40度，刚才抽了一下",
        "刚打完药，孩子在草地上玩了一会，现在吐了好几次",
        "有人倒了几桶化学的东西，两个小孩说眼睛疼头晕",
        "我爸爸心脏很疼，等不了",
    ],
    "live_wire": ["高压线断了挂在树上，一直啪啪响有蓝色的火"],
    "water_electric": ["水到我的脚踝了，插座就在下面，冰箱还插着电"],
    "fallen": [
        "我爸摔在楼下花坛边，腿不敢动，我一个人扶不起来",
        "摄像头看到奶奶在卫生间门口倒下了，半天没动弹",
        "她的防摔手环发消息说她摔倒了，打电话一直没人接",
        "老伴在卫生间摔倒了，头磕出血了",
    ],
    "traffic": ["大马路中间有个穿病号服的老爷爷光着脚在走"],
    "help": ["help!! elevator stuck 在7楼和8楼中间"],
    "scam": [
        "取款机那有个老头一边打电话一边取钱，电话那头一直催他快点转",
        "老大爷举着电话往银行里走，说要给孙子汇保释金",
        "有个公安让他把存折上的钱全取出来，这会儿人正往信用社走",
        "卖假药的正拉着几个老人掏钱",
        "推销保健床垫的这会儿在我爸家，逼着他用手机转钱",
        "穿制服的人带着我爸取钱，说要先交押金，这会儿还在取款机那",
        "说他孙子被抓了要五万块，他已经出门去银行了",
        "那人让阿姨把养老钱取出来交给楼下的人，那个人已经在楼下等了",
    ],
}
CALM = [
    # elsewhere, put right, a question, a threat never carried out
    "我妹在曲靖那边的小区被电梯困了一个钟头，想问我们这电梯多久检一回",
    "楼道里有股煤气味，燃气公司已经来处理了，现在么得味道了",
    "家里有人用制氧机的，是不是可以去供电公司登记，停电优先通知",
    "上回停电我才发现制氧机没有备用电池，吓出一身汗，有没有补贴",
    "那老倌天天喝醉了说要拿刀砍人，倒是从来么得真动过手",
    "上集我家小孙子在集上跟丢了，自己摸到村委会，谢谢值班的大姐",
    # English among Chinese, calm
    "my mom 在美国说她那边 wildfire 烟很大，我很担心她睡不着",
    "楼上 每天 晚上 十二点 还在 跳，我的头 要 爆炸了 please",
    "半小时前这里有人打架，现在警察已经带走了，地上都是碎玻璃",
    # a thing not found is no missing person
    "我家老头想关水，总阀门找不到，物业能不能来指一下",
]

"""Urgency frames, eighty-third round: blind sets GK (parcels, couriers and parcel lockers), GL
(pet owners and neighbours of animals), GM (people away from home writing about the ones they
left behind) and GN (very short messages typed fast with a thumb).

The misses of the round: a flooded flat with a mother still inside, seen in a neighbour's video
from afar (邻居发的视频: the video is live, not another place's story), and a pressure cooker that
burst with a neighbour's face cut (满脸是伤). The false alarms and questions: sparks of summers
past that are quiet now (现在倒没事), fires that come with the fireworks every year (每年…都),
bird droppings landing on people (鸟屎…砸人) and stray cats fighting under cars. The rules alone
missed many terse messages the model asked about; patterns now read a stuck lift with someone
inside who bangs on the door, a house fallen in with people inside, something falling with
people or a way in below it, someone pinned under a wheel or a rack, a child dragged towards a
car, a threat to open the gas, dogs holding someone at bay, a wasp swarm that stings (蜇 was read
only as the misspelling 蛰), a burst heating pipe that scalds, a child locked in a car. A narrower
plaster exclusion (墙皮起泡, not any 墙皮) lets chunks of a facade falling over children count.
Two first forms were too wide and earlier sets caught them: 老板 as someone who may have fallen
read every unpaid wage as a question (老板电话打不通), and 朋友圈说 as a distance marker hid a
young man's post that he had taken pills."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "lift_trapped": [
        "3号楼电梯停了 里面有个大爷一直在拍门喊",
        "电梯突然冲到顶层 里头两个孩子吓得直哭",
        "电梯一会儿上一会儿下停不住，我妈在里面",
        "狗绳被电梯门夹住了，电梯往下走，我儿子手上还缠着绳",
    ],
    "collapse": [
        "村东头那间土坯房塌了 老太太还在里面",
        "楼顶广告牌的铁皮砸下来一块 底下全是等车的人",
        "阳台的砖往下掉 楼下有人在走",
        "棚子倒了，把一个收废品的压在底下了",
        "墙根那歪得厉害，几个小孩还在墙根底下玩",
        "卧室天花板刚掉下来一大块，灰还在往下落",
        "后院那面墙往外歪了，里面还住着两户人",
    ],
    "fallen": [
        "路口电动车撞了人，人躺地上不动",
        "隔壁老太太倒在厨房，怎么叫都叫不醒",
        "楼下保安大爷坐在岗亭里只哼哼，头上有血",
        "面包车倒车，一个老人被压在车轮底下了",
    ],
    "medical": [
        "村西头鱼塘里掉进去个孩子，还在水里扑腾",
        "锅炉房的蒸汽管裂了，烫着两个工人，里面还有人没出来",
        "工地的沟没盖，一个大姐掉进去了，爬不上来",
        "有个人坐在楼顶天台边沿上，腿悬在外面",
    ],
    "violence": [
        "楼上又在打，女的哭着喊别打了",
        "有个男的把放学的孩子往车里塞",
        "楼下那个男的喝多了，喊要开煤气同归于尽",
        "有个人一路跟着我到单元门口，现在我不敢开门",
        "陌生女人抱走了小区滑梯边的一个小男孩",
        "两个人堵在我妈屋里，不让她打电话",
    ],
    "animal": [
        "马蜂窝捅破了，一群马蜂追着孩子蜇",
        "几条野狗把送奶的大姐围在墙角",
        "谁家的牛跑出来了，在菜市场横冲直撞",
        "大狗把老头扑倒了，狗还在咬他胳膊",
    ],
    "trapped": [
        "大树砸在车上，车里还有人出不来",
        "小孙子还锁在车里，车停在太阳底下",
    ],
    "water_electric": ["屋里进水到小腿了，还通着电，老人在床上"],
    "fire": ["刚看家里摄像头，客厅全是黑烟"],
}
# a thing that only wobbles over people is asked about, as a flowerpot is (test_frames)
ASK = ["楼顶的广告牌一直在晃 底下全是等车的人"]
CALM = [
    "小区门口那个变压器去年老冒火花，现在倒没事，能不能加个护栏",
    "每年过年放鞭炮车棚都有着火的，今年能不能划个燃放点",
    "楼上阳台养了好多鸽子，鸟屎掉下来砸人身上，管管吧",
    "流浪猫总在车底下打架，车漆都刮花了",
    "听说隔壁区暖气管爆了烫伤了人，我们这的管子什么时候换",
    "推销保险的进了门就不走，以后别让他们进小区",
    "干了三个月，老板电话打不通，工资一分没给",
    "墙皮起泡掉渣，楼下小孩老在那玩，找人来刷一下",
]

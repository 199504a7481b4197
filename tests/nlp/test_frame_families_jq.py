"""Urgency frames, hundred-and-fourth round: blind sets JQ (Jin speech of Shanxi and western
Inner Mongolia), JR (phrases separated by spaces, no punctuation), JS (leisure near danger:
kites, ponds, fireworks, climbing) and JT (visitors at the village's farm stays and ponds).

JQ, JS and JT caught every urgent text on the first pass; JR missed one (an old man led off by
a stranger to withdraw money for a "rebate", told in phrases separated by spaces). The rules
alone missed what these places bring: kites near transformers, children on roof parapets and
sculptures, swimmers who went under, dams and boardwalks giving way, a tractor driven into a
market crowd, a greenhouse crushed by snow."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "live_wire": [
        "施工把电缆挖出来了，皮都破了，一帮孩子在坑边玩",
        "刚才有人扶了一下车棚铁杆子被麻得直哆嗦",
        "有个小孩爬到配电房的铁门上面去了",
        "风筝挂在变压器上，一个孩子翻过护栏正往上爬",
        "路灯底下的电线露在外面，地上全是雨水，几个孩子在踩水",
    ],
    "violence": [
        "有个贼这会儿就在楼下那户屋里翻东西",
        "几个人抡起啤酒瓶子干起来了，还在打",
        "有个男的一直跟着我到楼下，现在在单元门外面使劲拽门",
        "一个男的把小姑娘往面包车里拽",
    ],
    "animal": [
        "几条野狗围着一个放学的小女孩咬",
        "一条大狗冲过去追着咬最小的那个孩子",
        "大狼狗把铁链挣断了，在院子里扑人",
    ],
    "water_electric": ["景观池边的灯倒了，灯头泡在水里还亮着"],
    "collapse": [
        "路面塌了个大窟窿，还在往外扩",
        "戏台架子歪了，台底下挤满了看戏的老人",
        "鱼塘的土坝冲开个口子，水往人家院里灌",
    ],
    "trapped": [
        "一个小孩爬到雕塑最上面下不来了",
        "有个大姐陷到腰了，越挣越往下",
        "大棚让雪压塌了半边，里面还有两个游客没出来",
    ],
    "lift_trapped": ["电梯突然往下一沉停住了，门扒不开"],
    "fire": [
        "燃气灶关了火还在烧，火苗越来越高",
        "烧秸秆的火头往村里窜",
        "礼花筒倒了，横着往人堆里打，草坪已经着了",
        "农家乐的凉亭顶上在冒烟，烧烤炉挨着柱子",
    ],
    "gas": ["民宿厨房的瓦斯桶接口在喷气"],
    "medical": [
        "大棚里刚喷药，孩子都说头晕眼睛疼",
        "一桌八个人全在吐，有两个已经站不住了",
        "暖气管子爆了，滚水顺着天花板往下浇",
        "两个孩子在天台边上的矮墙上跑，半个身子都探出来了",
        "一个孩子游到深的地方沉下去了，到现在没冒头",
        "儿子去河沟游泳，别的孩子都回来了就他没回",
    ],
    "missing": [
        "一个小女孩让个不认识的男人领走了",
        "同学说看见他上了一辆面包车",
    ],
    "fallen": ["瘫在床上的老婆婆在屋里喊饿喊疼，门锁着进不去"],
    "traffic": ["喝醉的人开着拖拉机在集市里乱冲，还在往人堆里开"],
    "scam": [
        "我妈正跟个穿警服的视频，让她把存折上的钱都转过去，我劝不住",
        "刘奶奶这会儿被两个生人带着去银行取钱",
        "两个人挨家敲门说换燃气表先交钱，已经收了好几家",
        "卖保健品的开讲座，几十个老人排队交钱，还在收钱",
    ],
}
CALM = [
    # habits, questions, a fright past
    "电梯下行的时候会突然往下一沉，好几次了，麻烦检修一下",
    "有条大黄狗一看到三轮车就追着咬轮胎",
    "周末总有年轻人上楼顶放风筝，在女儿墙边跑来跑去，能不能锁门",
    "天天有人遛狗不拴绳，狗追着风筝跑把孩子撞倒好几回了",
    "电梯困人了到底该打物业电话还是打119",
    "上回地下室淹水差点泡了配电箱，排水泵修好没有",
    "老板欠着工钱不给，逼得人要跳楼的心都有了",
    "昨天晚上停了一宿电，今早来了，以后能不能提前说一声，家里有制氧机",
    "电梯困人的事已经过去一周了，维保公司查出原因没有",
]

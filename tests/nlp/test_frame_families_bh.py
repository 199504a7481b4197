"""Urgency frames, forty-first round: blind sets BH (formal petitions and guards' duty logs)
and BI (Sichuan, Chongqing and Northeastern dialect; migrant workers).

BH missed two urgent complaints on its first pass: a gas meter still hissing after the valve
was shut (已经关了阀门但是还在响: a `still` phrase, the danger going on, now undoes the
resolution) and people trapped in a lift's car told in a guard's log (轿厢内…被困). BI missed
none. Between them they raised six false alarms and a question: a figure of speech
(电表转得跟要着火似的: a danger closed by 似的 or 一样 with 跟 or 像 before it), a joke
(笑称家里快着火了), an office that says nothing back (物业也不吱声), a stench said to knock
one out, a child's parent out of reach while the child is looked after, an oxygen machine
useless whenever the power goes (停电后), and water dripping from an absent neighbour's flat.
Each is written many ways, none a sentence of the sets."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "gas": [
        "厨房一股臭鸡蛋味，我已经把阀门关了，但是表那里还在嘶嘶响",
        "燃气味特别冲，总阀关上了可还是有味，老人说头晕",
        "家里煤气味很重，关了灶台开关，却还是一直有味道往外冒",
    ],
    "medical": [
        "今天停电了，我爸的制氧机用不了，他喘得厉害",
        "刚才突然断电了，家里老人靠呼吸机，现在机器停了",
    ],
    "lift_trapped": [
        "巡查记录：电梯停在两层之间，轿厢内一名老人和孩子被困，按铃无人应答",
        "电梯门开了一半又关上，梯厢里的两位住户被困在里面出不来",
        "电梯停了，有人关里头了，里面在拍门",
        "电梯坏在五楼，我妈困里面了，按铃没人应",
        "单元电梯卡了，两个娃儿关里头出不来",
    ],
}
NOT_HIDDEN: dict[str, list[str]] = {
    "fire": [
        "屋里跟着火了似的，全是烟，呛得喘不上气",
        "楼下好像着火了，全是烟，像要烧上来一样",
    ],
    "fallen": [
        "楼道里有人躺着，喊了半天都不吱声",
        "我妈摔在地上，叫她也不吱声",
    ],
}
CALM = [
    # the person found or freed, something else still going on
    "老人走丢了，已经找到了，但是还在医院检查",
    "电梯困人，已经救出来了，但是电梯还在坏着，什么时候修",
    "厨房着火了，已经扑灭了，但是还有点烟味，墙熏黑了",
    # jokes
    "暖气烧得太热了，屋里快三十度，老伴笑称家里快着火了，能不能调低点",
    "孩子说作业多得要爆炸了，戏称脑袋要冒烟了，学校能不能减点负",
    # whenever the power goes: a request for notice
    "我们楼这个月停了好几次电，楼里有老人在家吸氧，停电后制氧机就用不了，请供电所提前通知",
    "明天停电检修，家里有老人用呼吸机，能不能给安排个备用电源",
    # a child's parent out of reach, the child looked after
    "孩子跟着奶奶生活，奶奶住院了，孩子的母亲联系不上，请社区帮忙关照一下",
    "楼下那户孩子的父亲常年在外打工失联了，孩子由外婆带，能不能申请点补助",
    # water from an absent neighbour's flat
    "楼上住户去外地了，他家水管漏水往我家滴了好几天，联系不上人，请物业帮忙关阀门",
    # figures of speech
    "这个月电费也太离谱了，电表转得跟要着火似的，是不是表坏了",
    "楼上两口子吵得跟打架似的，天天这样，能不能管管",
    "隔壁装修砸墙，整栋楼晃得跟要塌了一样",
    "夏天宿舍热得跟要着火一样，能不能给装个风扇",
    "楼下烧烤店吵到半夜，吼得像杀人似的",
    # offices that say nothing back
    "有人拿地锁占了公共车位，说是他家的，物业也不吱声",
    "楼道里堆满了杂物，反映了好几次，社区也不吱声",
    "广场舞音响开到半夜，找了城管也不吱声",
    # a stench or a noise said to knock one out
    "楼下那堆垃圾臭得能把人熏晕过去，麻烦赶紧拉走",
    "化粪池冒出来的味要把人熏晕了，啥时候来抽",
    # a lift's emergency phone broken, a worry
    "电梯应急电话坏了，万一有人关里头喊都喊不着人",
]

"""Urgency frames, twenty-first round: families found missing on blind sets W and X — ash or a
cigarette end that set something beside it alight, heatstroke in an old person who stopped
sweating, dogs chasing and biting someone now, a tree leaning further toward people, a hissing
cylinder beside a fire; and the calm ones (跳楼 and 救命 said in jest, a warning printed on a
product, a stove whose flame leaps whenever it is lit, alarms and call buttons asked for) —
each written many ways, none a sentence of the sets."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "fire_spread": [
        "有人在楼下烧纸，纸灰飘到旁边的纸箱上，已经冒烟了",
        "不知道谁扔的烟头，草坪烧起来了，火已经舔到停着的电动车了",
        "烧秸秆的火星子落到柴火垛上，柴火垛冒火了",
    ],
    "medical": [
        "停电一整天了，天这么热，我爷爷一直出汗，现在突然不出汗了，人也迷迷糊糊的",
        "高温天家里没空调，老人热得说胡话，叫他也不怎么答应",
    ],
    "fallen": [
        "我爸躺在床上，叫他也不怎么应，眼睛也睁不开",
        "奶奶坐在沙发上，喊她不太答应了",
    ],
    "animal": [
        "几条大狗从屋里扑出来，现在在楼道里追着人咬",
        "那条狼狗挣脱了绳子，正追着一个小孩咬",
        "流浪狗扑向放学的孩子，咬住裤腿不松口",
    ],
    "collapse": [
        "公交站后面那棵大树根都翘起来了，树干正一点点往站台这边歪，站台里全是等车的人",
        "工地的围墙正慢慢往人行道那边倒，底下有人走",
        "广告牌一点一点朝马路这边歪，下面站着好几个人",
    ],
    "gas": [
        "液化气罐的阀门坏了，一直嘶嘶往外喷气，旁边还在生火",
        "烧烤摊的煤气罐嘶嘶地漏气，老板还在旁边烤串",
    ],
}
CALM = [
    # 跳楼 and 救命 said in jest
    "网速卡到我想跳楼😅 到底谁来管管宽带",
    "打个游戏卡得我想跳楼，运营商能不能修一下",
    "救命😭 楼下的猫天天半夜叫春，叫了一个礼拜了",
    "救命，隔壁的狗每天早上五点就开始叫",
    # a warning printed on a product
    "买的电热毯说明书上印着有触电危险，用了两天就坏了，店家不给退",
    "插线板包装上标着小心触电，结果质量太差，插头都插不紧",
    # a stove whose flame leaps whenever it is lit
    "新买的燃气灶一点火火苗就窜老高，吓得我把总阀关了不敢用",
    "这个灶一开火火苗就往上蹿，店家说是气压问题，到底找谁",
    # alarms and call buttons asked for
    "独居老人能不能申请免费安装烟感报警器和燃气泄漏报警器，去哪里报名",
    "能不能给老人装一键呼救的紧急按钮，万一摔倒了也能叫到人",
    "社区有没有呼救按钮可以申请，我妈一个人住",
]

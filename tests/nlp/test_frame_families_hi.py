"""Urgency frames, eighty-ninth round: blind sets HI (residents who write like a witness
statement), HJ (factory and warehouse workers in the dormitories), HK (grandparents minding
grandchildren in the school holidays) and HL (residents back after years away, mixing in words
from elsewhere).

The miss of the round, HK's: an e-bike battery hissing white smoke in the stairwell while the
children watch cartoons (看动画片 read as a fiction source: watching cartoons is not where the
danger is). The false alarms and questions: a polluted stream smelling of rotten eggs (河沟里), a
noisy neighbour dragging chairs who does not answer the door (拖椅子), a refund line nobody answers
(退款电话), a hose gone from a hydrant box (水带…不见了), a lamp post's wires with the power
already cut (已经断了电), a roof "with a risk of collapse" (坍塌风险), a smoke alarm that went off
for nothing (屁事没有), "if a spark really caught" (真有点火星). The rules now also read: an open
flame by its size, clothes or a bin burning now, smoke in puffs, a gas pipe dug through or a
cylinder's hose off, a smell growing with a headache, a lift moving with its doors open or stuck
halfway or holding someone, a wire sparking or a lead in a puddle, an animal felled by a live pole,
a heater still plugged in as water rises, a missing person described like a notice (the clothes
between who and since when), a family already searching, blood drawn and still fighting, bottles
swung, a child or a woman carried or dragged away, a neighbour's door forced, a stove or a water
heater and someone dizzy, a shower nobody comes out of, gone under while swimming, clinging at the
water's edge, water swirling into an open drain by children, bleeding and barely answering,
scalding water spraying in a stairwell, a load-bearing wall removed and the ceiling bulging, ground
opening wider or hollow beneath, a wall bulging and shedding, something loose high up with people
below, a pack of dogs of any number, a snake heading into a bedroom. First forms too wide, caught
by earlier sets: any damage word after 承重墙 (nine worries about walls taken out, AZ, CX, CZ, D,
EP, FS, FY, GJ, I), fallen, leaning or broken things over people without a sign of now (a railing
broken for half a year, a tree leaning for years, CL, CW, DI, FO, holdout), 停在半层 (a lift that
keeps stopping between floors, BA, GG), 现在烧 read as 在烧 (a shed burnt last week, ES)."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "fire": [
        "对面五楼窗户里有明火，火苗一米多高",
        "楼下垃圾箱里有东西在烧，塑料都烧化变形了",
        "配电间门缝冒出一股股黑烟",
    ],
    "gas": [
        "修路的把一根燃气管挖断了，呼呼往外冒",
        "烧烤摊的液化气罐管子脱了，嘶嘶往外喷",
        "屋里有股怪味，越来越冲，我妈说头晕",
    ],
    "lift_trapped": [
        "电梯门还开着就往上走了，我差点被夹住",
        "电梯卡在半层，我儿子一个人在里面",
    ],
    "live_wire": [
        "路口那根线头在打火，地上全是积水",
        "充电的插线板掉进水坑里了，还通着电",
        "路灯杆漏电，邻居家的狗蹭了一下就倒地上抽抽",
    ],
    "water_electric": ["地下室淹到膝盖了，电暖器还插着电"],
    "missing": [
        "我女儿六岁，穿红色外套、白裤子，下午三点在楼下玩，现在找不到了",
        "我姥爷有点糊涂，早上自己出门了，我们一家人分头找了一上午",
    ],
    "violence": [
        "两个人打得头破血流了还在打",
        "一帮喝多的拿酒瓶子互砸",
        "有个陌生男的拽着一个小女孩往面包车那边走，孩子哭着喊妈妈",
        "对门有人正在撬他家门锁，我从猫眼看见的",
    ],
    "medical": [
        "我爸洗澡半个小时没出来，卫生间是燃气热水器，敲门没反应",
        "村里池塘有个孩子下去游泳没上来",
        "小孩滑到河边坡底下了，抓着草，我们够不着",
        "骑车的人摔了，头上流了好多血，叫他没反应",
    ],
    "collapse": [
        "隔壁拆承重墙，我家天花板往下鼓，墙角咔咔响",
        "路边那道裂缝越裂越宽，车轮都陷进去了",
        "单元门口的雨棚玻璃脱了一个角，底下进出的人很多",
    ],
    "animal": ["三条野狗围着一个放学的小孩扑"],
}
CALM = [
    "小河沟里的水发绿，一股臭鸡蛋味，好几个月了",
    "楼上天天夜里拖椅子，敲门也没人应",
    "充电桩扣了钱没充上电，退款电话也没人接",
    "消防栓箱子里的水带不见了，请补上",
    "路灯杆检修门丢了，物业说已经断了电",
    "想在楼顶装太阳能板，物业说有坍塌风险",
    "烟感半夜乱叫，大家跑下楼，结果屁事没有",
    "灭火器都是空的，真有点火星子拿什么灭",
    "楼上想拆承重墙开店，还没动工，请住建部门管管",
]

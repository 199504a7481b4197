"""Urgency frames, seventy-sixth round: blind sets FI (relatives writing from hospital waiting
rooms and pharmacies), FJ (deaf and hard-of-hearing residents and their families), FK (northern
winter in old courtyards) and FL (a complaint buried in chat: greetings, thanks, afterthoughts).

The misses of the round: a carer told by a video call that her employer has chest pain (视频里说
read as a video seen somewhere else: a video call is a live source now), and bare wires beside a
puddle children walk through (线头都露着，下雨积了一汪水). The false alarms: a gas poisoning told
from the ward, the patient out of danger (脱离危险); a leaflet's advice on smelling gas; what to
do first when a hob catches fire, asked at leisure (闲着问…是先关阀门还是); stamping upstairs said
to bring the building down; hollow tiles tapped and to be mended in good time (空鼓…敲着咚咚响…
趁早修), written independently in two sets; homework "on fire"; a child freed from a lift and
fine since; a cry for help about a barking dog. The questions: a meter box with no fire seen
(倒是没见冒火), a queue an old man cannot stand in, stray cats fighting, a lift's alarm button
deaf people cannot use (没法求救), and the model on a door intercom with no light, a deaf child
not at school and a question about help at home before any fall (calm phrasings added). A lift
named as the topic before who is shut in it (…的电梯，我爸…困在里面) is certain now."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "medical": [
        "我在医院陪床，我妈刚视频里说心口疼得厉害，喘不上气，家里就她一个人",
        "护工刚才视频通话时看到老爷子脸发紫，说不出话，人倒在沙发上",
    ],
    "live_wire": [
        "小区路灯底下的电线都露着，下雨积了一滩水，孩子们踩着水过去",
        "配电箱的盖子没了，里面线头裸露在外，旁边积了一汪水",
    ],
    "lift_trapped": [
        "3号楼的电梯，我奶奶一个人困在里面快二十分钟了，警铃按了没人应",
        "咱们单元那部电梯，有个孕妇关在里面出不来，物业电话打不通",
    ],
}
CALM = [
    "我爸上周在家煤气中毒送进医院，现在已经脱离危险了，想问热水器改装找谁",
    "药店门口发的宣传单上写着闻到燃气味不要开灯，那应该打哪个电话",
    "排队挂号闲着问一句：锅里着火了是先关火还是先盖锅盖",
    "楼上小孩每天跺脚跟打雷一样，我妈说楼都要塌了，能不能让他家铺地垫",
    "单元门口外墙瓷砖有两块空鼓，敲着咚咚响，还没掉，趁早修一下吧",
    "孩子说期末作业多得要“着火”了，社区寒假有没有托管班",
    "谢谢你们上次来得快，电梯里关着的孩子已经没事了，就是电梯啥时候能修好",
    "救命啊，楼下那条狗叫了一宿，我被吵醒好几回",
    "楼道那个电表箱门一直开着，线乱七八糟的，倒是没见冒火，能不能锁上",
    "交暖气费得去营业厅排队，老人站不住，能不能在手机上交",
    "小区有人喂野猫，晚上一群猫打架叫，吵得睡不着",
    "电梯的紧急按钮只能说话，聋人困在里面没法求救，能不能改成能按的",
]

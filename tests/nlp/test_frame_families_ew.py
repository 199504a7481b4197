"""Urgency frames, seventy-third round: blind sets EW (building-manager shorthand: 3#2-301,
13-2-502, clock times), EX (summer nights outdoors), EY (rough sleepers and the people who worry
about them) and EZ (incense, paper burning and firecrackers).

EW, EX and EZ caught every urgent complaint on their first pass; EY missed three: someone asleep
on a bench in the frost who does not wake (喊了好几声不醒，手摸着跟冰一样), a man with stomach
pain all night, sweating and curled up, and a group kicking a rough sleeper (三四个人围着
那个天天睡长椅的踢, where 天天 named the man, not a habit: 那个天天 is `not_hypothetical`). EW's
place was 92.5 % on both engines: a building and unit written 济东16-3 right after the
community's name were not read; they are now (not 3-5天, a range). The false alarms: 救命 about
square dancing's speakers, and one sent by a child pressing buttons; heat and spice said as fire
(暖气烧得屋里要着火了, 辣得要着火了); fogging against mosquitoes (灭蚊车); rust flaking off a
bracket (锈得都掉渣了); a bare wire referred to as a matter since taped up (那事…已经包好了);
and a dog that does not bite (狗倒不咬人…还追电动车). The questions: a roof door children keep
going up to, "I know to call 110 for a fight", and a missing-person appeal to withdraw."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "medical": [
        "桥洞底下躺着个人，推了半天没反应，脸冻得发紫",
        "楼道里有个大爷说胸口疼，现在满头大汗，直不起腰",
    ],
    "violence": ["小区门口好几个人按着一个人打，那人已经不动了"],
}
CALM = [
    "救命，楼下广场舞的音响又开到最大了，天天这样",
    "刚才那条救命是孩子拿我手机乱按的，没事没事，打扰了",
    "暖气烧得屋里都要着火了，三十度，能不能调低一点",
    "灭蚊车开过去以后整条路都是烟，能不能提前通知关窗",
    "阳台那个晾衣架的铁杆锈得都掉渣了，想换个新的",
    "路口电线露出来那事已经包好了，谢谢师傅",
    "邻居家的狗倒不咬人，就是老追着电动车跑",
    "网格群里那条寻人启事人已经找到了，麻烦撤一下",
]

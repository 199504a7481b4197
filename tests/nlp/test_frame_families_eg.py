"""Urgency frames, sixty-ninth round: blind sets EG (what a phone or a device tells residents:
smart-home alerts, smart locks, fall-detection watches), EH (Henan, Hubei and Shaanxi dialect),
EI (bathrooms and household appliances) and EJ (balconies and windows).

EG, EI and EJ met every target on their first pass. EH missed one: a dead tree creaking and
about to fall over the parents at the school gate (眼看着要倒), where 看着要 is a hypothetical
marker; 眼看着要, 眼看就要 and 眼瞅着要 say it is about to happen and are `not_hypothetical`
now. The false alarms: strangers leaving cards and chalk marks
(陌生人塞小卡片，还在门框上画记号), a stove that will not light and smells of nothing (没有味
matched 有味), a school task asking how to escape a fire (咋逃生), a snore that would bring the
house down "haha, joking" (哈哈开玩笑的), a leak that nearly reached a light, since mended (以经
is folded to 已经; 差点 was tried as a negation and hid AH's bridge, where a near fall leaves
the danger in place), and a heater that smoked and was unplugged at once (赶紧拔了). The
questions: the model on a flat smart lock and an extinguisher emptied by children (calm
phrasings added). An earlier round's calm text with an English sentence (please put a no smoking
sign) was asked about again after retraining, on letter pairs: the model now reads a run of
letters as one word."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "collapse": ["小区门口那棵老树嘎吱嘎吱响，眼瞅着要倒了，树下一排孩子在等车"],
}
CALM = [
    "燃气灶一直打不着，闻着也没有味，应该是阀门的问题，麻烦来看看",
    "最近楼道老有陌生人塞小卡片，还在门上画记号，心里发毛",
    "孩子作业要问着火了咋逃生，能不能请消防的同志来讲讲",
    "老公打呼噜像打雷，房子都要塌了，哈哈开玩笑的，社区有没有鼾症义诊",
    "楼上漏水把我家吊顶泡坏了，差点漏进电灯里，现在以经修好了，就是赔偿没谈拢",
    "新买的电暖器用了一天就冒烟，我赶紧拔了，商家不给退",
]

"""Urgency frames, seventy-fourth round: blind sets FA (families caring for a dying relative at
home), FB (parents of teenagers), FC (lorries, forklifts and unloading in the estate) and FD
(people who find someone or something).

FA, FB and FC met every target on their first pass; FD missed one: a gas smell after the valve
was shut, 阀门我已经关了，味道还在 — 味道还在 is a `still` phrase now, so the shut valve does not
end the danger. The false alarms: a power cut that stops an oxygen machine every winter (一到冬天
就老停电: a seasonal habit), cold hands at homework (手都冻僵了), a quarrel brought for
mediation, a smoking e-bike since towed away, a poisoning of years ago (中毒过), noise said to
kill (简直要杀人), and a joke owned up to (堆得快塌了哈哈，开个玩笑). The questions: a carer owed
wages by a family after the old man died (丧事, 去世 exclude the missing and fallen frames), water
on a basement floor with the box hung high (还好配电箱挂得高), and the model on a lift still
stopped after the child was got out, a found card with an old woman's photo and a flickering
supply after a cut (calm phrasings added)."""

from __future__ import annotations

NOT_HIDDEN: dict[str, list[str]] = {
    "gas": ["厨房一股煤气味，总阀已经关了，可是味儿还在，越来越呛"],
}
CALM = [
    "我们村一到冬天就老停电，家里老人用制氧机，能不能把线路修一修",
    "教室暖气不热，孩子写字手都冻僵了",
    "两家孩子在学校打了一架，对方家长到我家门口吵了半天，想请社区出面调解",
    "楼下那辆一直冒烟的电动车已经被物业拖走了，谢谢",
    "装修的电钻声简直要杀人，天天早上七点就开始",
    "快递柜旁边的箱子堆得快塌了哈哈，开个玩笑，就是想问驿站几点关门",
    "地下室又渗水了，还好配电箱挂得高，暂时没事，请尽快来堵",
]

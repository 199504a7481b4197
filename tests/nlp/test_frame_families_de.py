"""Urgency frames, sixty-second round: blind sets DE (pregnant women, new mothers and their
families), DF (messages pasted from the building's group chat, with senders and times), DG
(the elderly day-care centre and canteen) and DH (the winter heating season).

DH caught every urgent complaint on its first pass. DE missed a woman in labour who could not
be taken to hospital (车过不去，救护车也进不来); DF a worker on a crane threatening to jump, read as
a rumour (群里都在传视频) though he was still up there (人还在上面, now a `live` phrase); DG an old
man alone who did not answer the door after a thud in the night (按门铃送饭没人开), and a
wheelchair overturned in the road, the man's head striking the ground (头着地). A chat line
pasted with its sender and time (楼长 22:10:) is now an item under its header, so a header's
date (群里昨晚的:) dates what the lines say. The false alarms: a crack unchanged for months (没见
变大), tiles falling for a year behind a cordon (拉了根警戒绳), a question about charcoal and
ventilation (才不会中毒), a forwarded appeal of unknown truth (不知道真假), whom to call first and
how long to wait before reporting someone missing. Questions: domestic violence asked about (家暴
可以找社区吗), alarms to be paid for or compulsory (谁出钱装, 必须装), water not yet at a socket
(还没流到), an article about lifts (一篇文章), and the model on sprayed lawns, a lift that stopped,
wasps (calm phrasings added)."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "medical": [
        "老婆羊水破了，村口的路被水冲断了，车过不去",
        "孕妇要生了，楼下全是车，救护车进不来也出不去",
        "我爸在小区门口被电动车撞倒了，头着地，现在叫不醒",
    ],
    "fallen": ["楼上独居的李奶奶，我们按门铃好几分钟都没人开，昨天还好好的"],
    "fire": [
        "群里刚才的消息：\n王哥 20:15：三楼楼道着火了，烟好大",
    ],
}
NOT_HIDDEN: dict[str, list[str]] = {
    # a rumour's words beside someone still up there
    "violence": ["有人拿着刀站在楼顶 群里都在传视频 人还在上面"],
}
CALM = [
    # dated chat lines, months of a crack, a cordon, precautions and questions, rumours
    "昨晚群里的消息：\n楼长 21:30：二楼楼道着火了，大家别下来\n"
    "楼长 21:50：火灭了，没事了\n今天楼道墙还是黑的，谁来刷一下",
    "前天晚上群里：\n小李 19:05：谁家有煤气味？\n小李 19:30：找到了，燃气公司修好了\n"
    "我们想问一下管道多久检查一次",
    "围墙上那道缝好几个月了，一直没见变大，能不能找人来看看",
    "楼后面的外墙砖一直往下掉，快一年了，物业拉了根警戒绳就不管了",
    "村里有人问烧炭取暖要开多大的窗才不会中毒，能不能来讲一讲",
    "群里转了个寻人启事，说是外地走丢的孩子，也不知道真假",
    "想问一下老人走丢了是先报警还是先找社区",
    "请问孩子走失多长时间可以报警，是不是要等24小时",
    "请问孕妇被家暴可以找社区帮忙吗？我一个朋友一直被打",
    "燃气报警器是谁出钱装？物业说强制要装",
    "燃气报警器是必须装的吗？物业在推销",
    "天花板渗水一个月了，旁边有个插座，现在还没流到那",
    "群里有人转了一篇文章，说电梯坠落的事，我们楼的电梯也老了，能不能检查",
]

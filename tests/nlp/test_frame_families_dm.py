"""Urgency frames, sixty-fourth round: blind sets DM (complaints pasted from a city app's form,
【诉求类型】…【问题描述】…), DN (people ill at home writing for themselves), DO (estate agents,
landlords and owners of empty flats) and DP (weddings, funerals and banquets in tents).

DM and DO caught every urgent complaint on their first pass. DN missed a bedridden man whose
carer had not come since the day before, without water for a day (瘫痪在床…一天没喝上水); DP a
fire from firecrackers in dry grass spreading toward ground-floor windows (火往一楼窗户那边烧).
The false alarms: plaster flaking off a wall (墙皮…掉渣, twice: a habit 一碰就, and a damp wall).
Questions: a form's category field (【诉求类型】寻人), a tree that could fall onto a bike shed
(砸车棚), whom else to call with an ambulance (打120的同时还能找谁), and a smell of smoke whenever
neighbours cook (一做饭)."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "medical": [
        "我妈卧床好几年了，保姆两天没来，她两天没吃饭了，电话里声音都弱了",
        "我瘫在床上下不来，儿子出差了，从早上到现在没喝水",
    ],
    "fire": ["放完鞭炮草坪着起来了，火正往停车棚那边烧"],
}
CALM = [
    # plaster, a form's field, a shed, another number, cooking smells
    "卫生间墙皮一碰就掉渣，返潮好几年了，物业说等维修基金",
    "【诉求类型】寻人\n【问题描述】老人以前走丢过，想问能不能办防走失手环",
    "小区那棵歪脖子树要是倒了正好砸车棚，能不能修剪一下",
    "想问问要是家里老人半夜不舒服，打120的同时还能找谁帮忙",
    "楼下饭店一做饭我家屋里就往里窜油烟味，烟道是不是没装好",
]

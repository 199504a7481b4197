"""Urgency frames, seventy-eighth round: blind sets FQ (new parents, confinement, babies and
toddlers), FR (farming life in and around the village), FS (messages full of numbers: times,
floors, depths, counts) and FT (wheelchair users, people with disabilities and their carers).

The misses of the round: an outsider from another village threatening people with an iron bar
at the village gate (外村人 read as another village's story: a `not_distance` phrase now), and a
man with the mind of a child gone since last night and found missing this morning (昨晚没回家，
今早6点家里才发现: the missing frame's `lasting` states — 没回, 不见了, 找不到 — are dated, not
ended, by a past marker when a `today` marker follows them closely). The false alarms: a shed
roof "about to collapse" for half a year (已经这样半年了), a lead run from a window to charge a
wheelchair (拖根电线…拉下来充), and slurred speech that is someone's disability (我这种说话不清楚
的残疾人). The questions: a child with autism who screams whenever he hears piling (一听到…就),
and the model on flowerpots outside a railing, straw smoke in autumn and geese that chase
people (calm phrasings added)."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "violence": [
        "村口有个外村人喝多了拿着镰刀乱挥，谁靠近就砍谁",
        "有个外村来的在超市门口抡着棍子打人，现在还没走",
    ],
    "missing": [
        "我弟弟智力有问题，昨天下午出去就没回来，今早才发现床是空的",
        "奶奶有老年痴呆，昨晚出门遛弯就没回家，现在天都亮了还找不到",
        "昨晚我妈出去就没回来，到现在一宿了，电话也打不通",
    ],
}
CALM = [
    "去年我爸走丢过一次，今天邻居还提起这事，想给他办个定位手环",
    "上个月孩子走丢了半天，现在想起来还后怕，社区能不能多装几个监控",
    "车棚顶的铁皮锈穿了，风一吹哗哗响，看着快塌了，已经这样好几个月了",
    "楼下充电桩坏了，只能拖根电线从窗户拉下来充电动车，能不能修一下",
    "我这种说话不清楚的残疾人打电话别人听不懂，能不能加个文字报警",
    "孩子有自闭症，一听到装修电钻声就尖叫，能不能让楼上别在午休时间干",
]

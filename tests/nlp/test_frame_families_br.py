"""Urgency frames, forty-sixth round: blind sets BR (shopkeepers and small businesses) and BS
(conversations forwarded from WeChat groups).

BR missed one urgent complaint on its first pass: a gas cylinder alight in a noodle shop that
two extinguishers could not put out (煤气罐着了…喷了两瓶还是灭不了). A cylinder alight, and a fire
that water or an extinguisher did not put out, are now fires. Its false alarm: a fire somewhere
else that "someone said" (刚才有人说…那边一家饭馆着火了) in a message asking for a lesson on
extinguishers; 有人说 is now hearsay, like 听说.

BS caught every urgent complaint. Its questions: two families who fought the day before now
quarrelling again (前天打架那两家今天又骂上了: the ones who fought, named as a party), a pothole
growing wider, cold radiators with the heating company's line busy, a rattling lift. Each is
written many ways, none a sentence of the sets."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "fire": [
        "楼下烧烤店的液化气罐着了，老板在门口喊人",
        "隔壁早餐店煤气瓶冒火了，火苗往上窜",
        "厨房油锅起火，灭火器喷了一瓶还是灭不了",
        "仓库里的纸箱烧起来了，我们拿水浇也浇不灭，火越来越大",
    ],
}
CALM = [
    # hearsay about a fire elsewhere, in a request for a lesson
    "有人说隔壁小区前几天饭馆着火了，我们商户想请社区组织一次消防培训",
    "店里有人说别的街道有家超市着火了，想问问咱们这边的消防通道谁来查",
    # the ones who fought, named as a party
    "上周打架那两家又在楼道里吵起来了，麻烦社区再调解一次",
    "打过架的那两户现在见面还互相骂，能不能让网格员去说说",
]

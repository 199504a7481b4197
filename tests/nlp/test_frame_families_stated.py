"""Stated switches reviewed: phrases that turned a danger off as told (elsewhere, put right)
but have a second, common sense in which the danger is here and now. The model stays silent
over a stated switch, so such a phrase loses the complaint outright.

Found after CJ's and CT's misses by trying the writers' own words against the lists: footage
the writer took or is sending (我刚拍的视频, 发了段视频给你们, 现场的视频) read as a clip seen
online (的视频, 段视频, 一个视频), and self-doubt after 其实 (其实我鼻子不太灵) read as someone's
words put right. Then the `resolved` lists, the same way: someone else leaving (儿子自己走了) read
as the fallen person walking off, and a crowd leaving (围观的人都散了) as a fight over, though
the beating went on (那人还在打)."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "fire": [
        "我刚拍的视频，3号楼楼道着火了，烟很大",
        "给你们发个现场的视频，5号楼有人家窗户往外冒黑烟",
        "隔壁好像着火了，其实我也没看清，反正烟往我家飘",
    ],
    "violence": [
        "我发了段视频给你们，楼下有人在打人，已经倒地上了",
        "小区门口有人在打人，看热闹的都散了，那个男的还在踢",
    ],
    "fallen": ["我妈摔在厨房起不来，保姆自己走了，家里就她一个"],
    "lift_trapped": ["这是我刚录的一个视频，电梯卡住了，我和孩子在里面"],
    "gas": ["好像闻到煤气味，其实我鼻子不太灵，但是味越来越大了"],
}
CALM = [
    # a clip online, an old video, an impression put right
    "我刷到一个视频，外地小区电动车着火了，咱们车棚也得管管",
    "这是我上个月拍的视频，那次楼道着过火，到现在墙还是黑的",
    "抖音上有个视频说燃气管老化会爆炸，咱们小区的管子多少年了",
    "楼上好像在打架，其实是在装修，就是太吵了",
    "楼下有个老太太摔了一跤，歇了一会儿她自己走了，那块地砖该修了",
    "前天楼下两个人打架，警察来了就散了",
]

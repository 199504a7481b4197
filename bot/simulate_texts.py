"""Complaint texts for `griddesk simulate`: varied templates per category, composed with places.

A text is an opener, a place (community and building in one of several spellings, sometimes
none when the resident shares a GPS point instead), the problem, how long it has lasted and a
closing ask. Some texts are converted to Traditional script, as some residents write.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from models.config.schema import Community, Grid, GridDeskConfig
from nlp.normalize import to_script

PROBLEMS: dict[str, list[str]] = {
    "water_leak": [
        "楼上卫生间漏水，我家天花板都泡了",
        "厨房墙面往外渗水，墙皮一块块往下掉",
        "楼顶防水坏了，一下雨顶层就漏",
        "地下室进水了，积了一层水",
        "楼道里的水管爆了一直在滴水",
        "阳台顶上渗水，晾的衣服都湿了",
        "外墙渗水到卧室，墙角发霉了",
    ],
    "utilities": [
        "停水一整天了也没有通知",
        "自来水发黄有异味，不敢喝",
        "暖气片一点都不热，屋里才十几度",
        "水压太低，楼上根本用不上水",
        "家里经常跳闸停电",
        "燃气表走字不正常，燃气公司联系不上",
    ],
    "elevator": [
        "电梯又坏了，老人上下楼太难了",
        "电梯运行的时候咣当咣当响，晃得厉害",
        "电梯门关不严，开开关关好几次",
        "电梯年检合格证过期了还在用",
        "电梯按钮失灵，按了不亮",
    ],
    "property_service": [
        "楼道灯坏了好几天了，晚上黑漆漆的",
        "单元门禁坏了，谁都能进来",
        "物业保安晚上不巡逻",
        "单元门关不上，物业一直不来修",
        "物业收了费不干活，公共区域没人管",
        "小区监控坏了物业说没钱修",
    ],
    "sanitation": [
        "垃圾桶满了好几天没人清运，臭气熏天",
        "装修垃圾堆在楼下没人清理",
        "楼道里的垃圾好几天没人打扫",
        "垃圾房附近老鼠蟑螂很多",
        "绿化带里到处是垃圾和狗屎",
    ],
    "ev_charging": [
        "电动车充电桩不够用，晚上排队都排不上",
        "有人从楼上拉电线飞线给电动车充电",
        "楼道里停满了电动车还在充电",
        "充电桩坏了一半了没人修",
        "有人把电瓶拎上楼在家里充电",
    ],
    "street_light": [
        "小区路灯坏了一排，晚上走路看不见",
        "门口那盏路灯一闪一闪的",
        "路灯白天也一直亮着",
        "新修的路一直没装路灯",
        "路灯杆歪了灯也不亮",
    ],
    "road_facility": [
        "路面坑坑洼洼，下雨全是积水",
        "井盖松动，车一压就响",
        "人行道地砖翘起来了绊倒过老人",
        "地下车库坡道太滑，下雨骑电动车容易摔",
        "路边护栏断了一截",
        "雨水口堵了一下雨就淹",
    ],
    "parking": [
        "僵尸车占着车位好几个月没动过",
        "车乱停堵住了单元出口",
        "小区车位太少，天天抢车位",
        "外来车辆随便进小区乱停",
        "有车长期堵着小区大门口",
    ],
    "fire_safety": [
        "楼道里堆满杂物，消防通道都堵了",
        "消防栓被撞坏了一直没人修",
        "灭火器过期好久了",
        "消防通道被车占满了",
        "安全出口的门被锁死了",
    ],
    "illegal_construction": [
        "一楼住户私搭乱建，圈占了公共绿地",
        "楼顶有人加盖了一间房",
        "有人封闭了公共走廊当储物间",
        "邻居装修在拆承重墙",
        "有人在楼下搭了个铁皮棚子",
    ],
    "noise": [
        "广场舞音响声音太大，晚上十点还在跳",
        "楼上装修中午和晚上也在砸墙",
        "工地夜里施工吵得睡不着",
        "楼下烧烤店半夜还很吵",
        "邻居家半夜打麻将声音很大",
    ],
    "neighbor_dispute": [
        "楼上漏水泡了我家，他们不肯赔偿，想请社区调解",
        "对门在楼道放鞋柜堆杂物，说了还吵架",
        "邻居家空调外机对着我家窗户，协商不成",
        "楼上水管爆裂淹了我家，物业和楼上互相推，想找人调解",
        "邻居占用公共车位不让别人停，起了争执",
    ],
    "labor_dispute": [
        "在工地干了三个月，老板拖欠工资不给",
        "干活回来路上摔断了手指，雇我的人不肯赔",
        "公司不签劳动合同还拖欠工资",
        "装修队干完活包工头跑了，工钱没结",
    ],
    "pets": [
        "楼上的狗整天叫，吵得人没法休息",
        "有人遛狗不拴绳，吓到小孩了",
        "小区里流浪狗越来越多",
        "狗屎到处都是没人清理",
        "邻居在家里养了很多猫，臭味很大",
    ],
    "greenery": [
        "楼前的树枝挡住窗户，屋里一点光都没有",
        "小区里有棵枯树随时可能倒",
        "绿化带杂草长得比人还高",
        "树枝把路灯都挡住了",
        "草坪没人浇水全黄了",
    ],
    "public_security": [
        "车棚里电动车电瓶被偷了",
        "小区里有陌生人挨家挨户敲门推销",
        "接到诈骗电话冒充社区要钱",
        "楼下有人聚众赌博",
        "家门口监控拍到有人撬锁",
    ],
    "social_assistance": [
        "楼里有位独居老人行动不便，想申请上门照顾",
        "家里困难，想咨询低保怎么申请",
        "残疾人补贴一直没到账",
        "孩子上学有困难，想申请救助",
    ],
    "other": [
        "想咨询一下社区办居住证要带什么材料",
        "建议小区多装几个休息座椅",
        "想表扬一下网格员工作很负责",
        "社区什么时候组织老年人体检",
    ],
}
URGENT: list[tuple[str, str]] = [
    ("elevator", "电梯困人了，里面有老人出不来，快来人"),
    ("utilities", "楼道里燃气味很浓，正在往外冒"),
    ("fire_safety", "楼下车棚着火了，冒黑烟"),
    ("water_leak", "家里水管爆了，水已经漫到插座了"),
]
OPENERS = ["", "", "你好，", "您好，", "麻烦问一下，", "反映个问题：", "网格员你好，", "投诉："]
DURATIONS = [
    "",
    "",
    "好几天了，",
    "一个多星期了，",
    "反映过好几次了，",
    "从昨天开始，",
    "半个月了，",
]
TAILS = [
    "",
    "请尽快处理。",
    "麻烦派人来看看。",
    "希望尽快解决！",
    "谢谢！",
    "到底有没有人管？",
    "麻烦网格员帮忙协调一下。",
]
POLITE = {"other", "social_assistance"}
POLITE_TAILS = ["", "谢谢！", "麻烦了。"]
BUILDING_FORMS = ["{n}号楼", "{n}栋", "{n}幢", "{n}号楼{u}单元", "{n}栋{u}单元{r}"]
VILLAGE_SPOTS = ["东头", "西头", "南边的路上", "小广场旁边", "3组"]
RESOLUTIONS: dict[str, list[str]] = {
    "default": [
        "已联系相关方现场处理完毕，居民确认。",
        "已协调物业整改到位。",
        "已上门查看并处理，问题已解决。",
        "已吹哨相关部门现场处置完成。",
    ],
    "neighbor_dispute": ["经明理议事厅调解，双方达成赔偿协议。", "已组织双方协商，达成一致。"],
    "labor_dispute": ["经司法所调解，工资已结清。", "已协调双方和解，赔偿到位。"],
    "sanitation": ["已安排清运，并新增了垃圾集中点。", "已清理完毕，加强了保洁频次。"],
    "street_light": ["已更换损坏灯具，路灯恢复正常。"],
    "road_facility": ["已修补路面、填平积水坑。", "已加铺防滑垫，坡道不再湿滑。"],
}
ESCALATION_REASONS = [
    "涉及多个部门，网格无法独立解决，请上级协调。",
    "物业拒不整改，需要社区出面协调。",
    "需要街道协调住建、城管等部门。",
    "涉及资金和产权问题，需上级研究。",
]
REJECT_REASONS = [
    "经核实不属于受理范围，已向居民解释说明。",
    "属于民事纠纷，已引导通过法律途径解决。",
    "重复反映，已并入原工单办理。",
]


@dataclass(frozen=True)
class Complaint:
    """A simulated complaint with where it really is (the simulator's ground truth)."""

    text: str
    category: str
    community: str
    grid: str
    building: int | None
    location: tuple[float, float] | None
    urgent: bool


def _place_text(rng: random.Random, community: Community, grid: Grid, building: int | None) -> str:
    if building is None:  # a village: no buildings
        return community.name.removesuffix("村") + "村" + rng.choice(VILLAGE_SPOTS)
    name = rng.choice([community.name.removesuffix("社区"), *community.aliases])
    form = rng.choice(BUILDING_FORMS)
    return name + form.format(
        n=building, u=rng.randint(1, 3), r=f"{rng.randint(1, 6)}0{rng.randint(1, 2)}"
    )


def _point(rng: random.Random, grid: Grid) -> tuple[float, float] | None:
    if grid.box is None:
        return None
    (south, west), (north, east) = grid.box
    pad_lat, pad_lon = (north - south) * 0.1, (east - west) * 0.1
    return (
        round(rng.uniform(south + pad_lat, north - pad_lat), 6),
        round(rng.uniform(west + pad_lon, east - pad_lon), 6),
    )


def compose(
    rng: random.Random,
    config: GridDeskConfig,
    category: str,
    grid_code: str,
    building: int | None,
    *,
    urgent: bool = False,
) -> Complaint:
    """One complaint of `category` about `building` of `grid_code`."""
    _, community, grid = config.grid(grid_code)
    problem = rng.choice(PROBLEMS.get(category) or PROBLEMS["other"])
    if urgent:
        category, problem = rng.choice(URGENT)
    location = None
    roll = rng.random()
    if roll < 0.15:
        location = _point(rng, grid)
        place = ""
    elif roll < 0.22:
        place = community.name  # no building: the router cannot tell the grid
    else:
        place = _place_text(rng, community, grid, building)
    joiner = "" if not place else rng.choice(["", "的", "，"])
    polite = category in POLITE
    if polite and place:
        place, joiner = f"我是{community.name}的居民", "，"
    parts = [rng.choice(OPENERS), place, joiner, problem, "，"]
    if not urgent and not polite:
        parts.append(rng.choice(DURATIONS))
    text = "".join(parts).rstrip("，") + "。" + rng.choice(POLITE_TAILS if polite else TAILS)
    if rng.random() < 0.08:
        text = to_script(text, "hant")
    return Complaint(text.strip(), category, community.code, grid.code, building, location, urgent)


def resolution_note(rng: random.Random, category: str) -> str:
    return rng.choice(RESOLUTIONS.get(category, []) + RESOLUTIONS["default"])

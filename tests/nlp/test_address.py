"""Addresses: community names and aliases, building forms, GPS, text-vs-GPS precedence."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest

from models.config.schema import GridDeskConfig
from nlp.address import AddressParser, chinese_number
from nlp.geo import GridLocator, point_in_polygon, valid_point
from nlp.normalize import normalize
from nlp.router import Router

# Grid centres of the demo district (boxes in config/demo/district.yaml).
CENTRES = {
    "MDHY-01": (35.3720, 116.6010),
    "MDHY-02": (35.3720, 116.6030),
    "MDHY-03": (35.3720, 116.6050),
    "SYST-01": (35.3670, 116.6115),
    "SYST-02": (35.3670, 116.6145),
    "GXSH-01": (35.3565, 116.5950),
    "GXSH-02": (35.3595, 116.5950),
    "JDXC-01": (35.3425, 116.6320),
    "JDXC-02": (35.3425, 116.6360),
    "NXZ-01": (35.3330, 116.6250),
}
OUTSIDE = (35.3512, 116.6215)


@pytest.mark.parametrize(
    ("text", "building", "unit", "room", "grid"),
    [
        ("明德花园5号楼楼道灯坏了", 5, None, None, "MDHY-01"),
        ("明德花园5栋漏水", 5, None, None, "MDHY-01"),
        ("颂运水庭5幢顶楼加盖", 5, None, None, "SYST-01"),
        ("颂运水庭第5幢", 5, None, None, "SYST-01"),
        ("明德花园五号楼停水", 5, None, None, "MDHY-01"),
        ("明德花园十二号楼停水", 12, None, None, "MDHY-02"),
        ("明德小区十四号楼", 14, None, None, "MDHY-03"),
        ("颂运水庭九栋门前积水", 9, None, None, "SYST-02"),
        ("济东新村3#楼暖气不热", 3, None, None, "JDXC-01"),
        ("济东新村14#一楼打麻将", 14, None, None, "JDXC-02"),
        ("颂运水庭7-1-502业主", 7, 1, "502", "SYST-02"),
        ("高校园区12-3-402漏水", 12, 3, "402", "GXSH-02"),
        # building-unit shorthand right after the community's name
        ("济东16-3 五楼往上全是烟", 16, 3, None, "JDXC-02"),
        ("颂运8-1大堂信报箱被撬了", 8, 1, None, "SYST-02"),
        ("明德花园5号楼602的业主", 5, None, "602", "MDHY-01"),
        ("颂运水庭3号楼1单元101", 3, 1, "101", "SYST-01"),
        ("明德花园3栋2单元楼道灯", 3, 2, None, "MDHY-01"),
        ("明德花园5号2单元301", 5, 2, "301", "MDHY-01"),
        ("济东新村5号的垃圾没人收", 5, None, None, "JDXC-01"),
        ("明德花園15號樓電梯卡在8樓和9樓中間", 15, None, None, "MDHY-03"),
        ("頌運水庭8棟頂樓漏雨", 8, None, None, "SYST-02"),
        ("濟東新村第二十棟的電梯", 20, None, None, "JDXC-02"),
        ("高校园区十六栋楼道灯坏了", 16, None, None, "GXSH-02"),
        ("颂运水庭 3 号楼的路灯", 3, None, None, "SYST-01"),
        ("济东新村11好楼 有人家里着火了", 11, None, None, "JDXC-02"),  # 号 typed as 好
        # a community named, then corrected to another with its building
        ("刚才说成明德花园了，不对，是颂运水庭5号楼后面", 5, None, None, "SYST-01"),
        ("明德花园的事说错了，应该是济东新村12号楼", 12, None, None, "JDXC-02"),
        # a guessed building checked against the door plate
        ("明德花园，我以为是9号楼，刚下楼看了门牌，是3号楼", 3, None, None, "MDHY-01"),
        ("颂运水庭，我一直当是12号楼，一看门牌才知道是2号楼", 2, None, None, "SYST-01"),
        ("济东新村那栋灰楼，说是15号，其实是5号楼", 5, None, None, "JDXC-01"),
    ],
)
def test_building_forms(
    router: Router, text: str, building: int, unit: int | None, room: str | None, grid: str
) -> None:
    match = router.resolve_address(text, None)
    assert (match.building, match.unit, match.room, match.grid) == (building, unit, room, grid)


@pytest.mark.parametrize(
    ("text", "community"),
    [
        ("明德花园", "MDHY"),
        ("明德花园小区", "MDHY"),
        ("明德小区", "MDHY"),
        ("明德", "MDHY"),
        ("明德花園", "MDHY"),
        ("明德花园社区", "MDHY"),
        ("颂运水庭", "SYST"),
        ("頌運水庭", "SYST"),
        ("颂运", "SYST"),
        ("高校生活园区", "GXSH"),
        ("高校園區", "GXSH"),
        ("教師公寓", "GXSH"),
        ("济东新村", "JDXC"),
        ("濟東", "JDXC"),
        ("南辛庄", "NXZ"),
        ("南辛莊村委", "NXZ"),
    ],
)
def test_community_names_and_aliases_in_both_scripts(
    router: Router, text: str, community: str
) -> None:
    assert router.resolve_address(f"{text}门口的垃圾没人收", None).community == community


@pytest.mark.parametrize(
    ("text", "community"),
    [
        ("颂运水庭12号楼的车位费太贵", "SYST"),  # SYST has buildings 1-10
        ("济东新村22号楼有位老人", "JDXC"),  # JDXC has buildings 1-20
        ("高校园区18号楼单元门锁坏了", "GXSH"),
        ("颂运水庭小区中间那条路", "SYST"),  # no building at all
    ],
)
def test_community_known_grid_unknown(router: Router, text: str, community: str) -> None:
    match = router.resolve_address(text, None)
    assert (match.community, match.grid) == (community, None)


@pytest.mark.parametrize(
    ("text", "grid"),
    [
        ("我替我奶奶谢谢明德花园第一网格的王晓东", "MDHY-01"),  # the grid's name
        ("明德花園第三網格的網格員，我家樓上漏水", "MDHY-03"),  # Traditional
        ("想表扬颂运水庭第二网格的网格员", "SYST-02"),
        ("高校园区第一网格有个井盖没了", "GXSH-01"),  # an alias before the ordinal
        ("明德花园5号楼，第三网格的网格员没来过", "MDHY-01"),  # a building says otherwise
    ],
)
def test_a_named_grid_is_the_grid(router: Router, text: str, grid: str) -> None:
    match = router.resolve_address(text, None)
    assert match.grid == grid, match.explanation


def test_a_named_grid_wins_over_gps_in_another_community(router: Router) -> None:
    match = router.resolve_address("颂运水庭第二网格门口井盖没了", CENTRES["MDHY-02"])
    assert (match.community, match.grid) == ("SYST", "SYST-02"), match.explanation


def test_an_ordinal_alone_names_no_grid(router: Router) -> None:
    """Every community has a 第一网格: without a community it is no place."""
    assert router.resolve_address("第一网格的网格员电话是多少", None).grid is None


@pytest.mark.parametrize("text", ["南辛庄村东头停电", "南辛庄村3号楼门口", "南辛莊村裡"])
def test_village_with_one_grid(router: Router, text: str) -> None:
    assert router.resolve_address(text, None).grid == "NXZ-01"


@pytest.mark.parametrize(
    "text",
    [
        "这两栋楼都停水",
        "这三栋楼都停水了",
        "整栋楼都是臭味",
        "我住18楼",
        "5号那天漏水",
        "电话13800000101号楼",
        "2023-10-15那天",
        "南门3号门口",
        "坐3号线",
        "明德花园3-5天没人收垃圾",
        "比分3-2赢了",
        "说好10-11点来修",
    ],
)
def test_counts_floors_dates_are_not_buildings(router: Router, text: str) -> None:
    assert router.resolve_address(text, None).building is None


@pytest.mark.parametrize(("grid", "point"), sorted(CENTRES.items()))
def test_gps_point_in_grid(router: Router, grid: str, point: tuple[float, float]) -> None:
    assert router.resolve_address(None, point).grid == grid


@pytest.mark.parametrize(
    "point", [OUTSIDE, (999.0, 116.6), (35.37, 999.0), (math.nan, 116.6), (math.inf, 116.6)]
)
def test_gps_outside_or_invalid(router: Router, point: tuple[float, float]) -> None:
    match = router.resolve_address(None, point)
    assert (match.community, match.grid) == (None, None)


def test_text_with_building_wins_over_disagreeing_gps(router: Router) -> None:
    match = router.resolve_address("明德花园2号楼", CENTRES["SYST-02"])
    assert (match.community, match.grid) == ("MDHY", "MDHY-01")


def test_gps_wins_when_text_names_no_building(router: Router) -> None:
    match = router.resolve_address("明德花园的电梯又坏了", CENTRES["JDXC-01"])
    assert (match.community, match.grid) == ("JDXC", "JDXC-01")


def test_gps_refines_a_community_only_text(router: Router) -> None:
    match = router.resolve_address("颂运水庭小区的消防栓", CENTRES["SYST-02"])
    assert (match.community, match.grid) == ("SYST", "SYST-02")


def test_building_without_community_uses_the_gps_community(router: Router) -> None:
    match = router.resolve_address("14#楼下遛狗不牵绳", CENTRES["JDXC-01"])
    assert (match.community, match.grid, match.building) == ("JDXC", "JDXC-02", 14)


def test_out_of_range_building_falls_back_to_gps_of_the_same_community(router: Router) -> None:
    match = router.resolve_address("颂运水庭12号楼", CENTRES["SYST-02"])
    assert (match.community, match.grid) == ("SYST", "SYST-02")


def test_no_address_and_no_point(router: Router) -> None:
    match = router.resolve_address("楼道灯坏了", None)
    assert (match.community, match.grid, match.building) == (None, None, None)
    assert router.resolve_address(None, None).grid is None


def test_point_in_real_polygons() -> None:
    concave = [(0.0, 0.0), (0.0, 4.0), (4.0, 4.0), (4.0, 0.0), (2.0, 2.0)]  # a notch
    assert point_in_polygon(1.0, 3.0, concave)
    assert not point_in_polygon(2.0, 0.5, concave)  # inside the bounding box, in the notch
    assert point_in_polygon(0.0, 2.0, concave)  # on the outline counts as inside
    triangle = [(0.0, 0.0), (0.0, 2.0), (2.0, 0.0)]
    assert point_in_polygon(0.5, 0.5, triangle)
    assert not point_in_polygon(1.5, 1.5, triangle)


def test_grid_polygons_in_configuration(demo_config: GridDeskConfig) -> None:
    data = demo_config.model_dump(mode="json")
    grid = data["district"]["streets"][1]["communities"][1]["grids"][0]  # the village
    grid["box"] = None
    grid["polygon"] = [[35.330, 116.620], [35.336, 116.620], [35.330, 116.630]]  # a triangle
    config = GridDeskConfig.model_validate(data)
    locator = GridLocator(config.district)
    assert locator.locate((35.331, 116.621)) == ("NXZ", "NXZ-01")
    assert locator.locate((35.3355, 116.629)) is None  # inside the old box, outside the triangle


def test_shared_edge_goes_to_the_first_grid(demo_config: GridDeskConfig) -> None:
    locator = GridLocator(demo_config.district)
    assert locator.locate((35.3720, 116.6020)) == ("MDHY", "MDHY-01")


def test_valid_point() -> None:
    assert valid_point((35.0, 116.0))
    assert not valid_point((True, 116.0))
    assert not valid_point(("35", 116.0))
    assert not valid_point((35.0,))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("五", 5),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("二十一", 21),
        ("一百零八", 108),
        ("15", 15),
        ("两", 2),
        ("几", None),
        ("", None),
    ],
)
def test_chinese_numbers(text: str, value: int | None) -> None:
    assert chinese_number(text) == value


def test_parser_reports_what_it_read(demo_config: GridDeskConfig) -> None:
    parsed = AddressParser(demo_config.district).parse(normalize("我住明德花园4号楼").text)
    assert (parsed.community, parsed.community_text, parsed.building_text) == (
        "MDHY",
        "明德花园",
        "4号楼",
    )


@pytest.mark.parametrize(
    ("text", "community", "grid"),
    [
        ("[语音转文字]喂你好 明的花园七号楼 煤气味很大", "MDHY", "MDHY-02"),
        ("我是鸡东新村十五号楼的 楼道里冒烟了", "JDXC", "JDXC-02"),
        ("济东心村3号楼门口的路灯坏了", "JDXC", "JDXC-01"),
        ("高效园区1号楼楼下有人摔倒了", "GXSH", "GXSH-01"),
        ("南新庄村口的桥塌了一半", "NXZ", "NXZ-01"),
    ],
)
def test_a_name_written_with_homophones_is_heard(
    router: Router, text: str, community: str, grid: str
) -> None:
    match = router.resolve_address(text, None)
    assert (match.community, match.grid) == (community, grid), match.explanation


@pytest.mark.parametrize(
    "text", ["小区花园里的长椅坏了", "新村那边的路灯不亮", "明天能不能派人来看看水管"]
)
def test_words_of_a_name_alone_are_no_name(router: Router, text: str) -> None:
    assert router.resolve_address(text, None).community is None


def test_a_written_name_wins_over_one_that_sounds_alike(router: Router) -> None:
    match = router.resolve_address("我是颂运水庭的，上次去明的花园7号楼看亲戚", None)
    assert match.community == "SYST"


def test_the_sound_classes_are_built_once_and_read_from_the_cache(tmp_path: Path) -> None:
    """The first process builds the classes with pypinyin and keeps them with their regex's
    compiled program; the next one reads both, never imports pypinyin and parses no long regex
    (other modules' short ones aside)."""
    probe = (
        "import sys; from pathlib import Path; from nlp.sounds import SoundedNames; "
        "import re._parser as p; parsed = []; parse = p.parse; "
        "p.parse = lambda s, *a: (len(s) > 99 and parsed.append(1)) or parse(s, *a); "
        "names = SoundedNames({'明德花园': 'MDHY'}, Path(sys.argv[1])); "
        "print('pypinyin' in sys.modules, bool(parsed), names.find('明的花园5号楼'))"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", probe, str(tmp_path)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for _ in range(2)
    ]
    assert runs == ["True True [(0, 4, 'MDHY')]\n", "False False [(0, 4, 'MDHY')]\n"]
    assert len(list(tmp_path.glob("sounds-*.cache"))) == 1

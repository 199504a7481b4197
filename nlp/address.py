"""Addresses in complaint text: community names/aliases, building, unit, room → community, grid.

Building forms: 5号楼 5栋 5幢 第5幢 5座 五号楼 十二号楼 5# 5#楼 5-2-301 (building-unit-room), 11好楼
(a typo of 号楼),
5号2单元 / 5号301 (号 followed by a unit or room), and 明德花园5号 (号 right after a community).
Traditional forms (號樓, 棟) arrive already converted by normalisation. 18楼 / 8层 are floors.
A grid named by its name (明德花园第一网格, or 第一网格 after any name of its community) is the
grid, when no building says otherwise. Where no community's name is written, one written with
homophones (明的花园, 鸡东新村: nlp/sounds.py) names the community.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.config.schema import Community, District, Grid
from nlp.context import alternation
from nlp.normalize import normalize
from nlp.sounds import SoundedNames

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_NUMBER = "[零〇一二两三四五六七八九十百]{1,4}"
_NUM = rf"(?:\d{{1,3}}|{_CN_NUMBER})"
# Words after a pair of numbers that make it a range or a score, not building-unit (3-5天);
# a pair with no room (16-3) is a building and unit only right after a community's name
_MEASURES = "天|个|次|年|月|日|点|小时|分|秒|岁|斤|米|块|元|层|人|户|家|辆|只|条|度|周|号|比"
_ADDRESS_RE = re.compile(
    rf"(?<![\d-])(?:"
    rf"(?P<tnum>\d{{1,3}})-(?P<tunit>\d{{1,2}})"
    rf"(?:-(?P<troom>\d{{3,4}})(?![\d-])|(?![\d-]|\s*(?:{_MEASURES})))"
    rf"|(?P<ordinal>第)?(?P<num>{_NUM})\s*"
    rf"(?:(?P<suffix>号楼|好楼|号栋|栋楼|幢楼|号院|栋|幢|座|#楼?)"
    rf"|(?P<hao>号)(?=\s*(?:{_NUM}\s*单元|\d{{3,4}}(?!\d)))"
    rf"|(?P<bare>号)(?!楼|线|门|口|车|位|桩|院|\d)))"
)
_UNIT_RE = re.compile(r"\s*(?P<unit>\d{1,2}|[一二三四五六七八九十]{1,2})\s*单元")
_ROOM_RE = re.compile(
    r"\s*(?P<room>\d{3,4})(?!\d)(?!\s*(?:号楼|栋|幢|元|块|米|斤|年|个|平|多|万|天|户人))"
)
_MASK = "□"
_AFTER_COMMUNITY = 14  # characters between a community name and its building


def _anchored(text: str, start: int, name_ends: list[int]) -> bool:
    """True when position `start` follows a community name (spaces allowed in between)."""
    return any(end <= start <= end + 2 and not text[end:start].strip() for end in name_ends)


def chinese_number(text: str) -> int | None:
    """Parse 五, 十二, 二十, 二十一, 一百零八, or digits; None when it is not a number."""
    if text.isdigit():
        return int(text)
    if not text or any(ch not in _CN_DIGITS and ch not in "十百" for ch in text):
        return None
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = current * 10 + _CN_DIGITS[ch] if current else _CN_DIGITS[ch]
    return total + current


@dataclass(frozen=True)
class TextAddress:
    """What the text itself says about the address."""

    community: str | None = None
    building: int | None = None
    unit: int | None = None
    room: str | None = None
    community_text: str | None = None
    building_text: str | None = None
    grid: str | None = None  # a grid the text names (明德花园第一网格)
    grid_text: str | None = None


@dataclass(slots=True)
class _Building:
    start: int
    end: int
    number: int
    unit: int | None
    room: str | None
    text: str


class AddressParser:
    """Finds community names/aliases and building references in normalised text."""

    def __init__(self, district: District) -> None:
        names: dict[str, str] = {}
        grids: dict[str, tuple[str, str]] = {}
        for _, community in district.communities():
            own = self._names(community)
            for name in own:
                names.setdefault(name, community.code)
            for grid in community.grids:
                for name in self._grid_names(grid, own):
                    grids.setdefault(name, (community.code, grid.code))
        self.names, self.grid_names = names, grids
        self.sounded = SoundedNames(names)
        self.name_re = re.compile(alternation(names)) if names else None
        self.grid_re = re.compile(alternation(grids)) if grids else None

    @staticmethod
    def _names(community: Community) -> list[str]:
        raw = [community.name, *community.aliases]
        for suffix in ("社区居委会", "社区", "村委会", "居委会"):
            if community.name.endswith(suffix) and len(community.name) > len(suffix) + 1:
                raw.append(community.name[: -len(suffix)])
        return [n for n in (normalize(name).text for name in raw) if len(n) >= 2]

    @staticmethod
    def _grid_names(grid: Grid, community_names: list[str]) -> list[str]:
        """The grid's name, and its ordinal (第一网格) after each name of its community."""
        name = normalize(grid.name).text
        ordinal = name[name.rfind("第") :] if "第" in name and name.endswith("网格") else None
        return [name, *(f"{n}{ordinal}" for n in community_names if ordinal)]

    def mask(self, text: str) -> str:
        """`text` with every community name blanked out (same length), so 颂运水庭 is no 水."""
        if self.name_re is None:
            return text
        return self.name_re.sub(lambda m: _MASK * len(m.group()), text)

    def place_words(self) -> list[str]:
        """Names and aliases for the jieba user dictionary."""
        return sorted(self.names)

    def parse(self, text: str) -> TextAddress:
        mentions = (
            [(m.start(), m.end(), self.names[m.group()]) for m in self.name_re.finditer(text)]
            if self.name_re
            else []
        ) or self.sounded.find(text)  # no name written as it is: one written as it sounds
        buildings = self._buildings(text, [end for _, end, _ in mentions])
        chosen = mentions[0] if mentions else None
        building = buildings[0] if buildings else None
        for start, end, code in mentions:
            # not past another community's name (刚才说成明德花园了，不对，是颂运水庭5号楼)
            near = [
                b for b in buildings
                if end <= b.start <= end + _AFTER_COMMUNITY
                and not any(end <= other < b.start for other, _, _ in mentions)
            ]
            if near:
                chosen, building = (start, end, code), near[0]
                break
        pointed = _elsewhere(text, buildings, _corrected(text, buildings, building))
        if pointed is not building and pointed is not None:  # its community: the last named
            building = pointed
            chosen = next((m for m in reversed(mentions) if m[1] <= pointed.start), chosen)
        named = self._named_grid(text, chosen[2] if chosen else None)
        return TextAddress(
            community=chosen[2] if chosen else (named[0] if named else None),
            building=building.number if building else None,
            unit=building.unit if building else None,
            room=building.room if building else None,
            community_text=text[chosen[0] : chosen[1]] if chosen else None,
            building_text=building.text if building else None,
            grid=named[1] if named else None,
            grid_text=named[2] if named else None,
        )

    def _named_grid(self, text: str, community: str | None) -> tuple[str, str, str] | None:
        """The first grid named in the text, of `community` when one was chosen."""
        for match in self.grid_re.finditer(text) if self.grid_re else ():
            owner, grid = self.grid_names[match.group()]
            if community is None or owner == community:
                return owner, grid, match.group()
        return None

    def _buildings(self, text: str, name_ends: list[int]) -> list[_Building]:
        found: list[_Building] = []
        for match in _ADDRESS_RE.finditer(text):
            if match.group("tnum"):
                room = match.group("troom")
                if room is None and not _anchored(text, match.start(), name_ends):
                    continue  # 3-5 alone is a range or a score; 济东16-3 is building 16, unit 3
                number, unit = int(match.group("tnum")), int(match.group("tunit"))
                found.append(
                    _Building(match.start(), match.end(), number, unit, room, match.group())
                )
                continue
            if match.group("bare") and not _anchored(text, match.start(), name_ends):
                continue  # 5号 alone is a date or a number, unless it follows a community name
            item = self._building(text, match, name_ends)
            if item is not None:
                found.append(item)
        return found

    def _building(self, text: str, match: re.Match[str], name_ends: list[int]) -> _Building | None:
        raw = match.group("num")
        number = chinese_number(raw)
        if number is None or number <= 0 or number > 999:
            return None
        anchored = bool(match.group("ordinal")) or _anchored(text, match.start(), name_ends)
        suffix = match.group("suffix") or "号"
        if (
            not raw.isdigit()
            and not anchored
            and not suffix.startswith("号")
            and (raw in ("一", "两") or suffix.endswith("楼"))
        ):
            return None  # 一栋楼 / 两栋楼 / 三栋楼都… are counts, not building numbers
        end = match.end()
        unit = room = None
        unit_match = _UNIT_RE.match(text, end)
        if unit_match:
            unit = chinese_number(unit_match.group("unit"))
            end = unit_match.end()
        room_match = _ROOM_RE.match(text, end)
        if room_match:
            room = room_match.group("room")
            end = room_match.end()
            if end < len(text) and text[end] in "室号户":
                end += 1
        return _Building(match.start(), end, number, unit, room, text[match.start() : end])


# a slip put right, or a guess checked (以为是9号楼，刚下楼看了门牌，是3号楼)
_CORRECTION_RE = re.compile(
    "不对|说错了|搞错了|打错了|写错了|更正一下|纠正一下|看了门牌|一看门牌|其实是"
)


def _corrected(text: str, buildings: list[_Building], building: _Building | None
               ) -> _Building | None:
    """A building named again after a correction replaces the first (6号楼…不对，是16号楼)."""
    if building is None:
        return None
    for correction in _CORRECTION_RE.finditer(text, building.end):
        later = [b for b in buildings if b.start >= correction.end()]
        if later:
            building = later[0]
    return building


_SELF_RE = re.compile("我在|我现在在|我住|我家在|我家住|我家是|住在")


def _elsewhere(text: str, buildings: list[_Building], building: _Building | None
               ) -> _Building | None:
    """The building of the trouble when the writer first says where they are (我在4号楼等电梯，
    隔壁17号楼的电梯卡住了): the next building named after their own."""
    if building is None or not _SELF_RE.search(text, max(0, building.start - 12), building.start):
        return building
    return next((b for b in buildings if b.start > building.end), building)

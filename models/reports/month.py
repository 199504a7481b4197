"""Calendar months in the district's time zone, and which grids a scope code covers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from models.config.schema import GridDeskConfig, Role

_MONTH_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")

SCOPE_LEVELS = {"grid": 0, "community": 2, "street": 3, "district": 4}
ROLE_SCOPE_KIND = {
    Role.GRID_WORKER: "grid",
    Role.BRANCH_SECRETARY: "grid",
    Role.COMMUNITY_SECRETARY: "community",
    Role.STREET_COMMITTEE: "street",
    Role.DISTRICT_TASK_FORCE: "district",
    Role.ADMIN: "district",
}


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"month must be 1..12, got {self.month}")

    @classmethod
    def parse(cls, text: str) -> Month:
        """`2026-10` → Month(2026, 10)."""
        match = _MONTH_RE.match(text)
        if not match:
            raise ValueError(f"bad month {text!r}: use YYYY-MM, e.g. 2026-10")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)

    @classmethod
    def containing(cls, at: datetime, tz: str) -> Month:
        return cls.of(at.astimezone(ZoneInfo(tz)).date())

    def shift(self, months: int) -> Month:
        index = self.year * 12 + (self.month - 1) + months
        return Month(index // 12, index % 12 + 1)

    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    def start(self, tz: str) -> datetime:
        """Local midnight of the first day, aware."""
        return datetime.combine(self.first_day(), time(0), tzinfo=ZoneInfo(tz))

    def end(self, tz: str) -> datetime:
        return self.shift(1).start(tz)

    @property
    def key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def label(self) -> str:
        return f"{self.year}年{self.month}月"

    @property
    def short_label(self) -> str:
        return f"{self.year % 100:02d}年{self.month}月"

    def __str__(self) -> str:
        return self.key


def scope_kind(config: GridDeskConfig, code: str) -> str | None:
    """grid, community, street or district; None for an unknown code."""
    district = config.district
    if code == district.code:
        return "district"
    if any(street.code == code for street in district.streets):
        return "street"
    if any(community.code == code for _, community in district.communities()):
        return "community"
    if any(grid.code == code for _, _, grid in district.grids()):
        return "grid"
    return None


def scope_grids(config: GridDeskConfig, kind: str, code: str) -> list[str]:
    """Grid codes inside a scope, in configuration order."""
    return [
        grid.code
        for street, community, grid in config.district.grids()
        if kind == "district"
        or (kind == "street" and street.code == code)
        or (kind == "community" and community.code == code)
        or (kind == "grid" and grid.code == code)
    ]


def scope_path(config: GridDeskConfig, code: str) -> list[str]:
    """The scope and every scope above it: grid, community, street, district."""
    district = config.district
    for street, community, grid in district.grids():
        if grid.code == code:
            return [grid.code, community.code, street.code, district.code]
    for street, community in district.communities():
        if community.code == code:
            return [community.code, street.code, district.code]
    for street in district.streets:
        if street.code == code:
            return [street.code, district.code]
    return [district.code] if code == district.code else []


def scope_contains(config: GridDeskConfig, outer: str, inner: str) -> bool:
    """True when `inner` lies within `outer` (or is it)."""
    return outer in scope_path(config, inner)

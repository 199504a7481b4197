"""Typed schema of a GridDesk configuration directory (district, categories, calendar).

The schema is pure pydantic: no database and no Telegram imports, so `nlp` may use it too.
See `docs/config-format.md` for the file format.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, time, timedelta
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer

DISTRICT_FILE = "district.yaml"
CATEGORIES_FILE = "categories.yaml"
RULES_FILE = "rules.yaml"
BUNDLED_DEMO = Path(__file__).resolve().parents[2] / "config" / "demo"


@dataclass(frozen=True)
class ConfigProblem:
    """One reason a configuration or rules file cannot be used: file, path in it, reason."""

    file: str
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.path or '(top)'}: {self.reason}"


_DURATION_RE = re.compile(r"^\s*(\d+)\s*([smhdw])\s*$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_duration(value: object) -> timedelta:
    """Parse `10m`, `2h`, `1d`, `1w` (or a number of seconds) into a timedelta."""
    if isinstance(value, timedelta):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return timedelta(seconds=value)
    if isinstance(value, str):
        match = _DURATION_RE.match(value)
        if match and int(match.group(1)) > 0:
            return timedelta(seconds=int(match.group(1)) * _UNIT_SECONDS[match.group(2)])
    raise ValueError(f"bad duration {value!r}: use a positive number with s, m, h, d or w, e.g. 2h")


def format_duration(value: timedelta) -> str:
    """Inverse of `parse_duration` for whole units."""
    seconds = int(value.total_seconds())
    for unit in ("w", "d", "h", "m"):
        if seconds % _UNIT_SECONDS[unit] == 0:
            return f"{seconds // _UNIT_SECONDS[unit]}{unit}"
    return f"{seconds}s"


Duration = Annotated[
    timedelta,
    BeforeValidator(parse_duration),
    PlainSerializer(format_duration, return_type=str),
]


class Level(IntEnum):
    """Escalation levels, lowest first (逐级上报)."""

    GRID_WORKER = 0
    GRID_BRANCH = 1
    COMMUNITY = 2
    STREET = 3
    DISTRICT = 4


class Role(StrEnum):
    GRID_WORKER = "grid_worker"
    BRANCH_SECRETARY = "branch_secretary"
    COMMUNITY_SECRETARY = "community_secretary"
    STREET_COMMITTEE = "street_committee"
    DISTRICT_TASK_FORCE = "district_task_force"
    ADMIN = "admin"


ROLE_LEVEL: dict[Role, Level] = {
    Role.GRID_WORKER: Level.GRID_WORKER,
    Role.BRANCH_SECRETARY: Level.GRID_BRANCH,
    Role.COMMUNITY_SECRETARY: Level.COMMUNITY,
    Role.STREET_COMMITTEE: Level.STREET,
    Role.DISTRICT_TASK_FORCE: Level.DISTRICT,
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Person(_Strict):
    """Someone who acts in the bot; `telegram_chat_id` is for a group that stands for a unit."""

    code: str = Field(pattern=r"^[A-Z0-9][A-Z0-9-]*$")
    name: str = Field(min_length=1)
    phone: str | None = None
    telegram_user_id: int | None = Field(default=None, gt=0)
    telegram_chat_id: int | None = None

    @property
    def chat_id(self) -> int | None:
        """Where notifications for this person go."""
        return self.telegram_chat_id if self.telegram_chat_id is not None else self.telegram_user_id


class Unit(_Strict):
    """An organisational unit of one escalation level, with the person who acts for it."""

    name: str = Field(min_length=1)
    head: Person


LatLon = tuple[float, float]


class Grid(_Strict):
    code: str = Field(pattern=r"^[A-Z0-9][A-Z0-9-]*$")
    name: str = Field(min_length=1)
    buildings: tuple[int, int] | None = None
    households: int = Field(default=0, ge=0)
    # households of each building, where known (optional; checked by `griddesk config check`)
    building_households: dict[int, Annotated[int, Field(gt=0)]] = Field(default_factory=dict)
    box: tuple[LatLon, LatLon] | None = None
    polygon: list[LatLon] | None = None
    branch: Unit
    workers: list[Person] = Field(min_length=1)

    def outline(self) -> list[LatLon]:
        """The grid's area as a closed-ring polygon (box corners expanded when no polygon)."""
        if self.polygon:
            return list(self.polygon)
        if self.box is None:
            return []
        (south, west), (north, east) = self.box
        return [(south, west), (south, east), (north, east), (north, west)]

    def covered_households(self) -> int:
        """Households the grid's workers visit: the buildings' counts where known, else the
        grid's `households`."""
        return sum(self.building_households.values()) or self.households


class Community(_Strict):
    code: str = Field(pattern=r"^[A-Z0-9][A-Z0-9-]*$")
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    party_org: Unit
    grids: list[Grid] = Field(min_length=1)


class Street(_Strict):
    code: str = Field(pattern=r"^[A-Z0-9][A-Z0-9-]*$")
    name: str = Field(min_length=1)
    kind: Literal["street", "town"]
    committee: Unit
    communities: list[Community] = Field(min_length=1)


class Calendar(_Strict):
    """Working calendar: non-urgent cases count service levels in it when `working_hours` is on
    (a category's own `working_calendar` overrides the district's choice)."""

    working_hours: bool = False
    work_start: time = time(9, 0)
    work_end: time = time(17, 30)
    weekend: list[int] = Field(default_factory=lambda: [6, 7])  # ISO weekdays
    holidays: list[date] = Field(default_factory=list)
    workdays: list[date] = Field(default_factory=list)  # weekend days worked (调休)


class QuietHours(_Strict):
    """Residents' status messages wait until `end` when they fall between `start` and `end`
    (district time); urgent cases and answers to what the resident just did are not held."""

    start: time = time(21, 30)
    end: time = time(7, 30)


class Department(_Strict):
    """A functional department a case can summon (吹哨报到), with an optional liaison."""

    name: str = Field(min_length=1)
    liaison: Person | None = None
    report_within: Duration = timedelta(hours=2)


class AssessmentWeights(_Strict):
    """Weights of the monthly assessment score (考核); each weighs a rate between 0 and 1.
    The residents' satisfaction weight has no default: a configuration states it."""

    satisfaction: float = Field(ge=0)
    accepted_on_time: float = Field(default=0.15, ge=0)
    resolved_on_time: float = Field(default=0.20, ge=0)
    no_missed_deadline: float = Field(default=0.10, ge=0)
    no_reopen: float = Field(default=0.10, ge=0)
    visit_coverage: float = Field(default=0.15, ge=0)

    def items(self) -> list[tuple[str, float]]:
        return [(name, float(getattr(self, name))) for name in type(self).model_fields]


class District(_Strict):
    code: str = Field(pattern=r"^[A-Z0-9]+$")
    name: str = Field(min_length=1)
    ticket_prefix: str = Field(pattern=r"^[A-Z]{2,8}$")
    timezone: str = "Asia/Shanghai"
    daily_report_at: time = time(8, 0)
    calendar: Calendar = Field(default_factory=Calendar)
    quiet_hours: QuietHours | None = None
    departments: list[Department] = Field(default_factory=list)
    task_force: Unit
    gas_hotline: str | None = Field(default=None, pattern=r"^[0-9][0-9-]{2,19}$")
    streets: list[Street] = Field(min_length=1)
    admins: list[Person] = Field(default_factory=list)
    assessment: AssessmentWeights = Field(
        default_factory=lambda: AssessmentWeights(satisfaction=0.30))

    def communities(self) -> Iterator[tuple[Street, Community]]:
        for street in self.streets:
            for community in street.communities:
                yield street, community

    def grids(self) -> Iterator[tuple[Street, Community, Grid]]:
        for street, community in self.communities():
            for grid in community.grids:
                yield street, community, grid

    def department(self, name: str) -> Department:
        """The configured department, or one without a liaison and the default 报到时限."""
        for department in self.departments:
            if department.name == name:
                return department
        return Department(name=name)


class Category(_Strict):
    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str = Field(min_length=1)
    name_hant: str = Field(min_length=1)
    accept_within: Duration | None = None
    resolve_within: Duration
    working_calendar: bool | None = None  # None: the district calendar's `working_hours`
    departments: list[str] = Field(min_length=1)
    guide: str = ""


class Taxonomy(_Strict):
    default_accept_within: Duration
    urgent_accept_within: Duration
    urgent_resolve_within: Duration | None = None
    urgent_guide: str = ""
    categories: list[Category] = Field(min_length=1)

    def get(self, code: str) -> Category:
        for category in self.categories:
            if category.code == code:
                return category
        raise KeyError(code)

    def accept_within(self, code: str, urgent: bool) -> timedelta:
        if urgent:
            return self.urgent_accept_within
        return self.get(code).accept_within or self.default_accept_within


class GridDeskConfig(_Strict):
    """A whole validated configuration: the district and the category taxonomy."""

    district: District
    taxonomy: Taxonomy

    def grid(self, code: str) -> tuple[Street, Community, Grid]:
        for street, community, grid in self.district.grids():
            if grid.code == code:
                return street, community, grid
        raise KeyError(code)

    def community(self, code: str) -> tuple[Street, Community]:
        for street, community in self.district.communities():
            if community.code == code:
                return street, community
        raise KeyError(code)


class Appointment(_Strict):
    """A person in a role over a scope (a grid, community, street or district code)."""

    person: Person
    role: Role
    scope: str


def appointments(district: District) -> Iterator[Appointment]:
    """Every person of the district with their role and scope, top level first."""
    yield Appointment(person=district.task_force.head, role=Role.DISTRICT_TASK_FORCE,
                      scope=district.code)
    for admin in district.admins:
        yield Appointment(person=admin, role=Role.ADMIN, scope=district.code)
    for street in district.streets:
        yield Appointment(person=street.committee.head, role=Role.STREET_COMMITTEE,
                          scope=street.code)
        for community in street.communities:
            yield Appointment(person=community.party_org.head, role=Role.COMMUNITY_SECRETARY,
                              scope=community.code)
            for grid in community.grids:
                yield Appointment(person=grid.branch.head, role=Role.BRANCH_SECRETARY,
                                  scope=grid.code)
                for worker in grid.workers:
                    yield Appointment(person=worker, role=Role.GRID_WORKER, scope=grid.code)

"""每月群众诉求情况分析: the monthly figures of a scope (grid, community, street, district).

The month is a calendar month in the district's time zone. Its tickets are those *received*
in the month (the grid ledger's "这个月搜集了44条，解决了43条，剩下1条"); their outcome is read as
of `as_of`, the end of the month (or now, for the running month), so a report of a past month
does not change afterwards. Definitions:

- resolved (办结): resolved or closed at `as_of`; open (在办): triage, assigned or accepted;
- resolved on time (按期办结): resolved no later than the category's service level counted from
  receipt (the promise made to the resident, 小事一天办), `models.sla`;
- escalated (上报): reached a level above the grid worker (by 上报, the sweeper or a reopen);
- acceptance time: receipt to first acceptance; resolution time: receipt to the resolution
  standing at `as_of`; both as median and 90th percentile (linear interpolation);
- satisfaction: shares of all ratings given by `as_of` to the month's tickets; the reopen rate
  is the share of tickets ever resolved that a 不满意 rating reopened.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import ColumnElement

from models.config.schema import GridDeskConfig
from models.escalation import category_for
from models.reports.assessment import Assessment, assess
from models.reports.coverage import month_coverage
from models.reports.daily import scope_of
from models.reports.month import Month, scope_grids
from models.reports.queries import (
    TicketFacts,
    category_counts,
    latest_ratings,
    month_cohort,
    monthly_trend,
    rating_counts,
    ticket_facts,
)
from models.sla import compute_deadlines
from models.uow import UnitOfWork

NO_GRID = "-"
NO_GRID_NAME = "未分网格"
TREND_MONTHS = 13
TOP_SLOWEST = 5
REPEAT_MIN = 2
MAX_REPEAT = 10


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0..100) with linear interpolation between closest ranks."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100.0
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass
class Figures:
    """Counts and times of one row of the report (the total, a category or a grid)."""

    key: str
    name: str
    received: int = 0
    resolved: int = 0
    on_time: int = 0
    open: int = 0
    rejected: int = 0
    escalated: int = 0
    escalated_to: dict[int, int] = field(default_factory=dict)  # highest level reached
    urgent: int = 0
    ever_resolved: int = 0
    reopened: int = 0
    open_levels: dict[int, int] = field(default_factory=dict)  # where open tickets stand
    ratings: dict[str, int] = field(default_factory=dict)
    accept_seconds: list[float] = field(default_factory=list, repr=False)
    resolve_seconds: list[float] = field(default_factory=list, repr=False)

    def add(self, fact: TicketFacts, on_time: bool) -> None:
        self.received += 1
        self.urgent += fact.urgent
        if fact.finished:
            self.resolved += 1
            self.on_time += on_time
            if fact.resolved_at is not None:
                self.resolve_seconds.append((fact.resolved_at - fact.created_at).total_seconds())
        elif fact.status == "rejected":
            self.rejected += 1
        else:
            self.open += 1
            self.open_levels[fact.level] = self.open_levels.get(fact.level, 0) + 1
        if fact.max_level > 0:
            self.escalated += 1
            self.escalated_to[fact.max_level] = self.escalated_to.get(fact.max_level, 0) + 1
        self.ever_resolved += fact.ever_resolved
        self.reopened += fact.reopens > 0
        if fact.accepted_at is not None:
            self.accept_seconds.append((fact.accepted_at - fact.created_at).total_seconds())

    @property
    def rated(self) -> int:
        return sum(self.ratings.values())

    @property
    def accept_median(self) -> float | None:
        return percentile(self.accept_seconds, 50)

    @property
    def accept_p90(self) -> float | None:
        return percentile(self.accept_seconds, 90)

    @property
    def resolve_median(self) -> float | None:
        return percentile(self.resolve_seconds, 50)

    @property
    def resolve_p90(self) -> float | None:
        return percentile(self.resolve_seconds, 90)


@dataclass(frozen=True)
class Change:
    """Received tickets of a category (or all) this month, a month ago and a year ago."""

    key: str
    name: str
    current: int
    month_ago: int
    year_ago: int


@dataclass(frozen=True)
class TrendPoint:
    month: Month
    received: int
    resolved: int


@dataclass(frozen=True)
class RepeatAddress:
    community_code: str
    community_name: str
    building: int
    grid_code: str | None
    count: int
    categories: list[tuple[str, int]]  # category names with counts, most first
    numbers: list[str]


@dataclass
class MonthlyReport:
    scope_code: str
    scope_kind: str
    scope_name: str
    month: Month
    as_of: datetime
    timezone: str
    total: Figures
    by_category: list[Figures]
    by_grid: list[Figures]
    changes: list[Change]
    total_change: Change
    trend: list[TrendPoint]
    repeat_addresses: list[RepeatAddress]
    slowest_grids: list[Figures]
    urgent_cases: list[TicketFacts]
    facts: list[TicketFacts] = field(repr=False)
    on_time_ids: frozenset[int] = field(default_factory=frozenset, repr=False)
    assessment: Assessment | None = None  # 考核 of the scope's workers and grids, with coverage

    @property
    def empty(self) -> bool:
        return self.total.received == 0

    @property
    def by_channel(self) -> list[tuple[str, int]]:
        """Tickets received per channel (`tickets.source`: telegram, open311:<client>), most
        first."""
        counts = Counter(fact.source for fact in self.facts)
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


async def monthly_report(
    uow: UnitOfWork,
    config: GridDeskConfig,
    scope_code: str,
    month: Month,
    *,
    as_of: datetime | None = None,
) -> MonthlyReport:
    """The figures of `scope_code` for `month` (raises models.reports.daily.UnknownScope)."""
    tz = config.district.timezone
    kind, name, in_scope = await scope_of(uow, scope_code)
    start, end = month.start(tz), month.end(tz)
    as_of = as_of or min(uow.now(), end)
    cohort = month_cohort(in_scope, start, end)
    facts = await ticket_facts(uow, cohort, as_of)
    ratings = await rating_counts(uow, cohort, as_of)
    on_time = frozenset(fact.id for fact in facts if resolved_on_time(config, fact))
    total, by_category, by_grid = _tabulate(config, kind, scope_code, facts, on_time, ratings)
    changes, total_change = await _changes(uow, config, in_scope, month, by_category)
    bounds = [month.shift(offset - TREND_MONTHS + 1).start(tz) for offset in range(TREND_MONTHS)]
    bounds.append(end)
    counts = await monthly_trend(uow, in_scope, bounds, as_of)
    trend = [
        TrendPoint(month.shift(index - TREND_MONTHS + 1), received, resolved)
        for index, (received, resolved) in enumerate(counts)
    ]
    grid_coverage, worker_coverage = await month_coverage(
        uow, config, month, scope_grids(config, kind, scope_code))
    latest = await latest_ratings(uow, [fact.id for fact in facts], as_of)
    assessment = assess(config, facts, on_time, latest, grid_coverage, worker_coverage)
    slowest = sorted(
        (row for row in by_grid if row.resolve_seconds and row.key != NO_GRID),
        key=lambda row: (-(row.resolve_median or 0), row.key),
    )[:TOP_SLOWEST]
    return MonthlyReport(
        scope_code=scope_code,
        scope_kind=kind,
        scope_name=name,
        month=month,
        as_of=as_of,
        timezone=tz,
        total=total,
        by_category=by_category,
        by_grid=by_grid,
        changes=changes,
        total_change=total_change,
        trend=trend,
        repeat_addresses=repeat_addresses(config, facts),
        slowest_grids=slowest,
        urgent_cases=[fact for fact in facts if fact.urgent],
        facts=facts,
        on_time_ids=on_time,
        assessment=assessment,
    )


def resolved_on_time(config: GridDeskConfig, fact: TicketFacts) -> bool:
    """Resolved at `as_of`, no later than the service level counted from receipt."""
    if not fact.finished or fact.resolved_at is None:
        return False
    district = config.district
    due = compute_deadlines(
        category_for(config, fact.category_code),
        config.taxonomy,
        district.calendar,
        district.timezone,
        fact.created_at,
        fact.urgent,
    ).resolve_due
    return fact.resolved_at <= due


def category_name(config: GridDeskConfig, code: str) -> str:
    try:
        return config.taxonomy.get(code).name
    except KeyError:
        return code


def grid_name(config: GridDeskConfig, code: str | None) -> str:
    if code is None or code == NO_GRID:
        return NO_GRID_NAME
    try:
        return config.grid(code)[2].name
    except KeyError:
        return code


def _tabulate(
    config: GridDeskConfig,
    kind: str,
    scope_code: str,
    facts: Iterable[TicketFacts],
    on_time: frozenset[int],
    ratings: Iterable[tuple[str | None, str, str, int]],
) -> tuple[Figures, list[Figures], list[Figures]]:
    total = Figures(scope_code, "合计")
    categories = {c.code: Figures(c.code, c.name) for c in config.taxonomy.categories}
    grids = {
        code: Figures(code, grid_name(config, code))
        for code in scope_grids(config, kind, scope_code)
    }
    for fact in facts:
        grid_key = fact.grid_code or NO_GRID
        for row in (
            total,
            _row(categories, fact.category_code, config),
            _grid_row(grids, grid_key, config),
        ):
            row.add(fact, fact.id in on_time)
    for grid, category, score, count in ratings:
        for row in (
            total,
            _row(categories, category, config),
            _grid_row(grids, grid or NO_GRID, config),
        ):
            row.ratings[score] = row.ratings.get(score, 0) + count
    return total, list(categories.values()), list(grids.values())


def _row(rows: dict[str, Figures], code: str, config: GridDeskConfig) -> Figures:
    if code not in rows:
        rows[code] = Figures(code, category_name(config, code))
    return rows[code]


def _grid_row(rows: dict[str, Figures], code: str, config: GridDeskConfig) -> Figures:
    if code not in rows:
        rows[code] = Figures(code, grid_name(config, code))
    return rows[code]


async def _changes(
    uow: UnitOfWork,
    config: GridDeskConfig,
    in_scope: ColumnElement[bool],
    month: Month,
    by_category: list[Figures],
) -> tuple[list[Change], Change]:
    tz = config.district.timezone
    current = {row.key: row.received for row in by_category}
    previous = month.shift(-1)
    last_year = month.shift(-12)
    month_ago = await category_counts(
        uow, month_cohort(in_scope, previous.start(tz), previous.end(tz))
    )
    year_ago = await category_counts(
        uow, month_cohort(in_scope, last_year.start(tz), last_year.end(tz))
    )
    names = {row.key: row.name for row in by_category}
    codes = [row.key for row in by_category]
    codes += sorted((set(month_ago) | set(year_ago)) - set(codes))
    changes = [
        Change(
            code,
            names.get(code) or category_name(config, code),
            current.get(code, 0),
            month_ago.get(code, 0),
            year_ago.get(code, 0),
        )
        for code in codes
        if current.get(code) or month_ago.get(code) or year_ago.get(code)
    ]
    total = Change(
        "total", "合计", sum(current.values()), sum(month_ago.values()), sum(year_ago.values())
    )
    return changes, total


def repeat_addresses(config: GridDeskConfig, facts: Iterable[TicketFacts]) -> list[RepeatAddress]:
    """Buildings with at least REPEAT_MIN tickets this month, most first."""
    groups: dict[tuple[str, int], list[TicketFacts]] = defaultdict(list)
    for fact in facts:
        if fact.community_code is not None and fact.building is not None:
            groups[(fact.community_code, fact.building)].append(fact)
    result = []
    for (community, building), items in groups.items():
        if len(items) < REPEAT_MIN:
            continue
        kinds = Counter(category_name(config, item.category_code) for item in items)
        try:
            community_name = config.community(community)[1].name
        except KeyError:
            community_name = community
        grids = Counter(item.grid_code for item in items if item.grid_code)
        result.append(
            RepeatAddress(
                community,
                community_name,
                building,
                grids.most_common(1)[0][0] if grids else None,
                len(items),
                sorted(kinds.items(), key=lambda pair: (-pair[1], pair[0])),
                [item.number for item in items],
            )
        )
    result.sort(key=lambda item: (-item.count, item.community_code, item.building))
    return result[:MAX_REPEAT]


async def month_assessment(
    uow: UnitOfWork,
    config: GridDeskConfig,
    scope_code: str,
    month: Month,
    *,
    as_of: datetime | None = None,
) -> Assessment:
    """考核 of a scope's month: its workers and grids ranked (for a dashboard; the monthly
    analysis and `/report` read the same figures from `MonthlyReport.assessment`)."""
    report = await monthly_report(uow, config, scope_code, month, as_of=as_of)
    assert report.assessment is not None
    return report.assessment

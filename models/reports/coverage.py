"""Visit coverage (包网联户): households visited in a month against the households covered.

A household is a building, unit and room of a grid; a visit logged without a room counts as a
household of its own. A grid covers its buildings' households where the configuration gives them
(`building_households`), else its `households`; a worker covers an equal share of each grid they
work in (all of it when they are its only worker)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from models.config.schema import GridDeskConfig
from models.orm import CommunityRow, GridRow
from models.reports.month import Month
from models.repos.visits import VisitFact
from models.uow import UnitOfWork


@dataclass
class Coverage:
    """One worker's or grid's visits of a month."""

    key: str
    name: str
    households: int = 0  # covered (0: not known)
    visits: int = 0
    filed: int = 0  # tickets filed on the visits (代报)
    homes: set[str] = field(default_factory=set, repr=False)

    @property
    def visited(self) -> int:
        return len(self.homes)

    @property
    def rate(self) -> float | None:
        """Visited / covered, at most 1; None when the households are not known."""
        return min(1.0, self.visited / self.households) if self.households else None

    def add(self, fact: VisitFact) -> None:
        self.visits += 1
        self.filed += fact.filed
        self.homes.add(fact.household)


def worker_households(config: GridDeskConfig) -> dict[str, int]:
    """Households each grid worker covers (person code → count)."""
    covered: dict[str, int] = {}
    for _, _, grid in config.district.grids():
        share = -(-grid.covered_households() // len(grid.workers))  # rounded up
        for worker in grid.workers:
            covered[worker.code] = covered.get(worker.code, 0) + share
    return covered


def worker_names(config: GridDeskConfig) -> dict[str, tuple[str, str]]:
    """Person code → (name, first grid code) of every grid worker."""
    names: dict[str, tuple[str, str]] = {}
    for _, _, grid in config.district.grids():
        for worker in grid.workers:
            names.setdefault(worker.code, (worker.name, grid.code))
    return names


def tabulate(config: GridDeskConfig, facts: Iterable[VisitFact], grids: list[str]
             ) -> tuple[dict[str, Coverage], dict[str, Coverage]]:
    """(per grid, per worker) coverage of the grids `grids` (every one listed, visited or not)."""
    by_grid = {}
    for code in grids:
        grid = config.grid(code)[2]
        by_grid[code] = Coverage(code, grid.name, grid.covered_households())
    households = worker_households(config)
    names = worker_names(config)
    by_worker = {
        code: Coverage(code, name, households.get(code, 0))
        for code, (name, grid) in names.items() if grid in by_grid
    }
    for fact in facts:
        if fact.grid_code in by_grid:
            by_grid[fact.grid_code].add(fact)
        if fact.person_code not in by_worker:
            by_worker[fact.person_code] = Coverage(fact.person_code, fact.person_code,
                                                   households.get(fact.person_code, 0))
        by_worker[fact.person_code].add(fact)
    return by_grid, by_worker


async def month_coverage(uow: UnitOfWork, config: GridDeskConfig, month: Month,
                         grids: list[str]) -> tuple[dict[str, Coverage], dict[str, Coverage]]:
    tz = config.district.timezone
    facts = await uow.visits.month(month.start(tz), month.end(tz), grids)
    return tabulate(config, facts, grids)


async def worker_coverage(uow: UnitOfWork, config: GridDeskConfig, person_code: str,
                          grids: list[str], now: datetime) -> tuple[int, int]:
    """(households visited, households covered) of one worker in the month of `now`."""
    month = Month.containing(now, config.district.timezone)
    _, by_worker = await month_coverage(uow, config, month, grids)
    row = by_worker.get(person_code)
    households = worker_households(config).get(person_code, 0)
    return (row.visited if row else 0), households


async def scope_coverage(uow: UnitOfWork, kind: str, code: str, start: datetime,
                         end: datetime) -> list[tuple[str, int, int]]:
    """(grid name, households visited in [start, end), households covered) of each grid of a
    scope, from the organisation rows (the daily report knows no configuration)."""
    statement = select(GridRow.code, GridRow.name, GridRow.households)
    if kind == "grid":
        statement = statement.where(GridRow.code == code)
    elif kind == "community":
        statement = statement.where(GridRow.community_code == code)
    elif kind == "street":
        communities = select(CommunityRow.code).where(CommunityRow.street_code == code)
        statement = statement.where(GridRow.community_code.in_(communities))
    grids = (await uow.session.execute(statement.order_by(GridRow.code))).all()
    facts = await uow.visits.month(start, end, [grid for grid, _, _ in grids])
    homes: dict[str, set[str]] = {grid: set() for grid, _, _ in grids}
    for fact in facts:
        homes[fact.grid_code].add(fact.household)
    return [(name, len(homes[grid]), int(count)) for grid, name, count in grids]

"""考核 of a hand-built October 2026 (tests/reports/fixture_month.py plus two filings on visits,
phone ratings and the visits themselves), every figure of two workers worked out by hand.

Beyond fixture_month's T1–T9:
- V1 MDHY-01 b4 water_leak (1d), filed on a visit by W1 10-20 09:00, accepted 09:20, resolved
  15:00, 基本满意 by phone.
- V2 MDHY-02 b8 noise (1d), filed on a visit by W2 10-22 10:00, accepted 13:00 (3 h: late),
  resolved 18:00, 满意 by phone.
- Visits of W1: 10-05 1-1-101 无诉求, 10-20 4-2-402 (V1), 10-25 1-1-101 again; 09-30 and
  11-01 00:30 fall outside October. Visits of W2: 10-22 b8 without a room (V2), 10-23 9-1-901.

W1 (MDHY-01, 198 households): T1 T2 T3 by residents, V1 on a visit; accepted on time T1 T2 T3
V1 (all within 2 h); resolved on time T1, T3 (+48 h of 3 d, after its reopening), V1 — T2 took
48 h of 1 d; no missed deadline; T3 reopened; latest ratings 满意 T1 T3, 基本满意 T2 V1: 4 of 4
satisfied; 2 households of 3 visits.
W2 (MDHY-02, 204 households): T4 T5 by residents (T4 counts for W2: its first acceptor is the
branch secretary), V2 on a visit; accepted on time T5 only (T4 3 h, V2 3 h); resolved on time
T5, V2 (T4 still open); T4 escalated by the sweeper; nothing reopened; 满意 T5 V2; 2 households
(one without a room counts as its own).
W3 (MDHY-03, 186 households): T6 rejected, T7 accepted only after the month's end; no rating,
no visit.

Scores with the demo weights (satisfaction .30, accepted .15, resolved .20, no missed deadline
.10, no reopen .10, coverage .15):
W1 = 100 × (.30 + .15 + .20×3/4 + .10 + .10×3/4 + .15×2/198) = 77.65… → 77.7
W2 = 100 × (.30 + .15/3 + .20×2/3 + .10×2/3 + .10 + .15×2/204) = 65.15… → 65.1
W3 = 100 × (.10 + .10) / .70 (no rating: satisfaction is left out) = 28.57… → 28.6
"""

from __future__ import annotations

import pytest

from models import lifecycle
from models.config.schema import GridDeskConfig
from models.orm import RatingRow, TicketRow, VisitRow
from models.reports.assessment import Score
from models.reports.month import Month
from models.reports.monthly import month_assessment, monthly_report
from models.uow import UnitOfWork, UnitOfWorkFactory
from tests.reports.fixture_month import W1, W2, W3, Builder, at, october

OCTOBER = Month(2026, 10)


def _visit(who: str, grid: str, when: object, building: int | None, unit: str | None,
           room: str | None, tickets: list[int] | None = None) -> VisitRow:
    return VisitRow(at=when, person_code=who, grid_code=grid, building=building, unit=unit,
                    room=room, outcome="filed" if tickets else "none", ticket_ids=tickets or [])


def _on_visit(b: Builder, grid: str, category: str, building: int, created: object,
              worker: str) -> TicketRow:
    ticket = b.ticket(grid, category, building, created, worker)  # type: ignore[arg-type]
    ticket.source, ticket.filed_by = "visit", worker
    return ticket


async def _build(uow: UnitOfWork, config: GridDeskConfig) -> None:
    b = Builder(uow, config)
    october(b)
    v1 = _on_visit(b, "MDHY-01", "water_leak", 4, at(10, 20, 9), W1)
    b.accept(v1, at(10, 20, 9, 20), W1)
    b.resolve(v1, at(10, 20, 15), W1)
    b.events.append(lifecycle.close(
        v1, now=at(10, 21, 10), rating="basically"))
    v2 = _on_visit(b, "MDHY-02", "noise", 8, at(10, 22, 10), W2)
    b.accept(v2, at(10, 22, 13), W2)
    b.resolve(v2, at(10, 22, 18), W2)
    b.events.append(lifecycle.close(
        v2, now=at(10, 23, 9), rating="satisfied"))
    await uow.session.flush()
    uow.session.add_all([
        RatingRow(ticket_id=v1.id, score="basically", at=at(10, 21, 10), via="phone"),
        RatingRow(ticket_id=v2.id, score="satisfied", at=at(10, 23, 9), via="phone"),
        _visit(W1, "MDHY-01", at(10, 5, 10), 1, "1", "101"),
        _visit(W1, "MDHY-01", at(10, 20, 9), 4, "2", "402", [v1.id]),
        _visit(W1, "MDHY-01", at(10, 25, 15), 1, "1", "101"),
        _visit(W1, "MDHY-01", at(9, 30, 15), 2, None, "201"),
        _visit(W1, "MDHY-01", at(11, 1, 0, 30), 3, None, "301"),
        _visit(W2, "MDHY-02", at(10, 22, 10), 8, None, None, [v2.id]),
        _visit(W2, "MDHY-02", at(10, 23, 11), 9, "1", "901"),
    ])
    await b.save()


def _figures(row: Score) -> tuple[object, ...]:
    return (row.from_residents, row.from_visits, row.collected, row.accepted_on_time,
            row.resolved_on_time, row.missed_deadline, row.reopened, row.rated, row.satisfied,
            dict(row.ratings), row.households, row.visits, row.visited, row.score, row.rank)


@pytest.fixture
async def community_month(uow_factory: UnitOfWorkFactory, demo_config: GridDeskConfig
                          ) -> list[Score]:
    async with uow_factory() as uow:
        await _build(uow, demo_config)
    async with uow_factory() as uow:
        report = await monthly_report(uow, demo_config, "MDHY", OCTOBER)
    assert report.assessment is not None
    return report.assessment.workers


async def test_every_figure_of_two_workers(community_month: list[Score]) -> None:
    rows = {row.key: row for row in community_month}
    assert _figures(rows[W1]) == (3, 1, 4, 4, 3, 0, 1, 4, 4, {"satisfied": 2, "basically": 2},
                                  198, 3, 2, 77.7, 1)
    assert _figures(rows[W2]) == (2, 1, 3, 1, 2, 1, 0, 2, 2, {"satisfied": 2},
                                  204, 2, 2, 65.1, 2)
    assert _figures(rows[W3])[:9] == (2, 0, 2, 0, 0, 0, 0, 0, 0)
    assert (rows[W3].score, rows[W3].rank) == (28.6, 3)
    assert [row.key for row in community_month] == [W1, W2, W3]


async def test_a_grid_counts_its_tickets_and_visits(uow_factory: UnitOfWorkFactory,
                                                    demo_config: GridDeskConfig) -> None:
    async with uow_factory() as uow:
        await _build(uow, demo_config)
    async with uow_factory() as uow:
        ranked = await month_assessment(uow, demo_config, "XZ", OCTOBER)
    grids = {row.key: row for row in ranked.grids}
    workers = {row.key: row for row in ranked.workers}
    assert _figures(grids["MDHY-01"])[:-1] == _figures(workers[W1])[:-1]
    syst = grids["SYST-01"]  # T9 never accepted, nobody visited: 100 × (.10 + .10) / .70
    assert (syst.collected, syst.accepted_on_time, syst.visited, syst.score) == (1, 0, 0, 28.6)

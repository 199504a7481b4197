"""`griddesk simulate`: realistic, varied history through the real engine, same seed same data."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from bot.demo.simulate import SimOptions, SimStats, Simulator
from models.clock import FixedClock
from models.config.schema import GridDeskConfig
from models.config.sync import sync_config
from models.orm import CallbackTokenRow, OutboxRow, RatingRow, TicketEventRow, TicketRow
from models.reports.month import Month
from models.reports.monthly import monthly_report
from models.uow import UnitOfWorkFactory
from nlp.router import Router
from tests.conftest import clear_tables

END = date(2026, 11, 1)
COLUMNS = (
    "category_code",
    "original_text",
    "grid_code",
    "script",
    "latitude",
    "status",
    "max_level",
    "reopen_count",
    "created_at",
)
TZ = ZoneInfo("Asia/Shanghai")


@pytest.fixture(scope="module")
def router(demo_config: GridDeskConfig) -> Router:
    return Router.from_config(demo_config)


async def simulate(
    factory: UnitOfWorkFactory,
    config: GridDeskConfig,
    router: Router,
    seed: int,
    days: int = 20,
    per_day: float = 8,
) -> SimStats:
    clock = FixedClock(datetime(2026, 1, 1, tzinfo=UTC))
    sim_factory = UnitOfWorkFactory(factory.sessions, clock)
    async with sim_factory() as uow:
        options = SimOptions(days=days, per_day=per_day, seed=seed, end=END)
        stats = await Simulator(uow, clock, config, router, options).run()
        await uow.commit()
    return stats


async def digest(factory: UnitOfWorkFactory) -> str:
    """A fingerprint of every ticket, event and rating."""
    async with factory() as uow:
        rows = await uow.session.execute(
            select(
                TicketRow.number,
                TicketRow.original_text,
                TicketRow.category_code,
                TicketRow.grid_code,
                TicketRow.status,
                TicketRow.level,
            ).order_by(TicketRow.id)
        )
        events = await uow.session.execute(
            select(
                TicketEventRow.ticket_id,
                TicketEventRow.action,
                TicketEventRow.at,
                TicketEventRow.actor,
            ).order_by(TicketEventRow.id)
        )
        ratings = await uow.session.execute(
            select(RatingRow.ticket_id, RatingRow.score, RatingRow.at).order_by(RatingRow.id)
        )
        text = repr([list(rows), list(events), list(ratings)])
    return hashlib.sha256(text.encode()).hexdigest()


async def test_history_is_realistic(
    uow_factory: UnitOfWorkFactory, demo_config: GridDeskConfig, router: Router
) -> None:
    stats = await simulate(uow_factory, demo_config, router, seed=5)
    assert 100 < stats.tickets < 240
    async with uow_factory() as uow:
        tickets = [
            SimpleNamespace(**{c: getattr(t, c) for c in COLUMNS})
            for t in (await uow.session.execute(select(TicketRow))).scalars()
        ]
        actions = dict(
            (
                await uow.session.execute(
                    select(TicketEventRow.action, func.count()).group_by(TicketEventRow.action)
                )
            ).all()
        )
        outbox = await uow.session.scalar(select(func.count()).select_from(OutboxRow))
        tokens = await uow.session.scalar(select(func.count()).select_from(CallbackTokenRow))
    assert len(tickets) == stats.tickets
    assert len({t.category_code for t in tickets}) >= 10
    assert len({t.original_text for t in tickets}) > 0.9 * len(tickets)
    # every grid gets complaints; a complaint rejected in triage keeps no grid
    assert len({t.grid_code for t in tickets} - {None}) == 10
    assert any(t.script == "hant" for t in tickets)
    assert any(t.latitude is not None for t in tickets)
    assert {"closed", "resolved", "accepted"} <= {t.status for t in tickets}
    assert any(t.max_level >= 1 for t in tickets) and any(t.reopen_count for t in tickets)
    start = datetime(2026, 10, 12, tzinfo=TZ)
    assert all(start <= t.created_at < datetime(2026, 11, 1, tzinfo=TZ) for t in tickets)
    for action in ("created", "accepted", "resolved", "closed", "escalated", "whistle"):
        assert actions.get(action, 0) > 0, action
    assert actions["created"] == stats.tickets and actions["reopened"] == stats.reopened
    assert outbox == 0 and tokens == 0  # simulated history never messages anyone


async def test_same_seed_same_history(
    uow_factory: UnitOfWorkFactory, db_url: str, demo_config: GridDeskConfig, router: Router
) -> None:
    await simulate(uow_factory, demo_config, router, seed=11, days=8)
    first = await digest(uow_factory)
    await clear_tables(db_url)
    async with uow_factory() as uow:
        await sync_config(uow, demo_config)
        await uow.commit()
    await simulate(uow_factory, demo_config, router, seed=11, days=8)
    assert await digest(uow_factory) == first
    await clear_tables(db_url)
    async with uow_factory() as uow:
        await sync_config(uow, demo_config)
        await uow.commit()
    await simulate(uow_factory, demo_config, router, seed=12, days=8)
    assert await digest(uow_factory) != first


async def test_report_over_simulated_month_adds_up(
    uow_factory: UnitOfWorkFactory, demo_config: GridDeskConfig, router: Router
) -> None:
    await simulate(uow_factory, demo_config, router, seed=3, days=45, per_day=6)
    async with uow_factory() as uow:
        report = await monthly_report(uow, demo_config, "TBH", Month(2026, 10))
        october = await uow.session.scalar(
            select(func.count())
            .select_from(TicketRow)
            .where(
                TicketRow.created_at >= datetime(2026, 10, 1, tzinfo=TZ),
                TicketRow.created_at < datetime(2026, 11, 1, tzinfo=TZ),
            )
        )
    total = report.total
    assert october is not None and total.received == october > 0
    assert total.resolved + total.open + total.rejected == total.received
    assert sum(row.received for row in report.by_grid) == total.received
    assert sum(row.received for row in report.by_category) == total.received
    assert sum(row.rated for row in report.by_grid) == total.rated > 0
    assert 0 < total.on_time <= total.resolved
    assert report.trend[-2].received > 0  # September was simulated too

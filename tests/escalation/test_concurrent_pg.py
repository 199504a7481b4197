"""Several sweepers over one PostgreSQL database act on each breach exactly once."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.workers.sweeper import sweep
from models.clock import FixedClock
from models.config.schema import GridDeskConfig
from models.config.sync import sync_config
from models.db import create_engine, session_factory
from models.escalation import REMINDER_ACTION
from models.orm import TicketEventRow, TicketRow
from models.uow import UnitOfWorkFactory
from tests.escalation.helpers import HOUR, make_ticket, outbox

TICKETS = 500
GRIDS = ["MDHY-01", "MDHY-02", "MDHY-03", "SYST-01", "SYST-02", "GXSH-01", "GXSH-02"]

pytestmark = [pytest.mark.pg, pytest.mark.slow]


@pytest.fixture
async def two_instances(
    pg_url: str, demo_config: GridDeskConfig, clock: FixedClock
) -> AsyncIterator[list[UnitOfWorkFactory]]:
    """Two "bot instances": separate engines (connection pools) on one database."""
    engines = [create_engine(pg_url), create_engine(pg_url)]
    factories = [UnitOfWorkFactory(session_factory(engine), clock) for engine in engines]
    async with factories[0]() as uow:
        await sync_config(uow, demo_config)
        await uow.commit()
    yield factories
    for engine in engines:
        await engine.dispose()


async def file_tickets(
    factory: UnitOfWorkFactory, config: GridDeskConfig, clock: FixedClock, count: int
) -> None:
    async with factory() as uow:
        for i in range(count):
            grid = GRIDS[i % len(GRIDS)]
            await make_ticket(uow, config, at=clock.now(), grid=grid, community=grid.split("-")[0])
        await uow.commit()


async def sweeper(
    factory: UnitOfWorkFactory,
    clock: FixedClock,
    config: GridDeskConfig,
    name: str,
    tally: Counter[str],
) -> None:
    """Sweep in small batches until a pass finds nothing left to act on."""
    while True:
        async with factory() as uow:
            result = await sweep(uow, clock, config, limit=25)
            await uow.commit()
        tally[name] += result.acted
        if result.acted == 0:
            return
        await asyncio.sleep(0)


async def run_two(
    factories: list[UnitOfWorkFactory], clock: FixedClock, config: GridDeskConfig
) -> Counter[str]:
    tally: Counter[str] = Counter()
    started = time.perf_counter()
    await asyncio.gather(
        sweeper(factories[0], clock, config, "a", tally),
        sweeper(factories[1], clock, config, "b", tally),
    )
    print(
        f"\n{sum(tally.values())} actions by two sweepers in "
        f"{time.perf_counter() - started:.2f}s, split {dict(tally)}"
    )
    return tally


async def action_counts(factory: UnitOfWorkFactory, action: str) -> Counter[int]:
    async with factory() as uow:
        statement = select(TicketEventRow.ticket_id).where(TicketEventRow.action == action)
        return Counter((await uow.session.execute(statement)).scalars())


async def test_two_sweepers_escalate_each_of_500_breaches_once(
    two_instances: list[UnitOfWorkFactory], demo_config: GridDeskConfig, clock: FixedClock
) -> None:
    await file_tickets(two_instances[0], demo_config, clock, TICKETS)
    clock.advance(3 * HOUR)
    tally = await run_two(two_instances, clock, demo_config)

    per_ticket = await action_counts(two_instances[0], "escalated")
    assert len(per_ticket) == TICKETS
    assert set(per_ticket.values()) == {1}
    async with two_instances[0]() as uow:
        levels = Counter((await uow.session.execute(select(TicketRow.level))).scalars())
        branch_cards = Counter(
            row.ticket_number for row in await outbox(uow, "escalated") if row.person_code
        )
    assert levels == Counter({1: TICKETS})
    assert len(branch_cards) == TICKETS and set(branch_cards.values()) == {1}
    assert sum(tally.values()) == TICKETS


async def test_two_sweepers_send_each_reminder_once(
    two_instances: list[UnitOfWorkFactory], demo_config: GridDeskConfig, clock: FixedClock
) -> None:
    await file_tickets(two_instances[0], demo_config, clock, 200)
    clock.advance(timedelta(minutes=100))  # past 75% of the 2h accept deadline
    await run_two(two_instances, clock, demo_config)
    per_ticket = await action_counts(two_instances[0], REMINDER_ACTION)
    assert len(per_ticket) == 200 and set(per_ticket.values()) == {1}

"""Several sweepers over one PostgreSQL database escalate each breach exactly once."""

from __future__ import annotations

import asyncio
import time
from collections import Counter

import pytest
from sqlalchemy import select

from models.clock import FixedClock
from models.config.schema import GridDeskConfig
from models.config.sync import sync_config
from models.db import create_engine, session_factory
from models.escalation import sweep
from models.orm import TicketEventRow, TicketRow
from models.uow import UnitOfWorkFactory
from tests.escalation.helpers import HOUR, OutboxNotifier, make_ticket

TICKETS = 500
GRIDS = ["MDHY-01", "MDHY-02", "MDHY-03", "SYST-01", "SYST-02", "GXSH-01", "GXSH-02"]

pytestmark = [pytest.mark.pg, pytest.mark.slow]


async def sweeper(factory: UnitOfWorkFactory, clock: FixedClock, config: GridDeskConfig,
                  name: str, tally: Counter[str]) -> None:
    """Sweep in batches until a pass finds nothing left to claim."""
    while True:
        async with factory() as uow:
            result = await sweep(uow, clock, config, limit=25, notifier=OutboxNotifier())
            await uow.commit()
        tally[name] += len(result.escalated)
        if result.claimed == 0:
            return
        await asyncio.sleep(0)


async def test_two_sweepers_escalate_each_of_500_breaches_once(
    pg_url: str, demo_config: GridDeskConfig, clock: FixedClock
) -> None:
    engines = [create_engine(pg_url), create_engine(pg_url)]
    try:
        factories = [UnitOfWorkFactory(session_factory(engine), clock) for engine in engines]
        async with factories[0]() as uow:
            await sync_config(uow, demo_config)
            for i in range(TICKETS):
                community = GRIDS[i % len(GRIDS)].split("-")[0]
                await make_ticket(uow, demo_config, at=clock.now(), grid=GRIDS[i % len(GRIDS)],
                                  community=community)
            await uow.commit()
        clock.advance(3 * HOUR)

        tally: Counter[str] = Counter()
        started = time.perf_counter()
        await asyncio.gather(
            sweeper(factories[0], clock, demo_config, "a", tally),
            sweeper(factories[1], clock, demo_config, "b", tally),
        )
        print(f"\n500 escalations by two sweepers in {time.perf_counter() - started:.2f}s, "
              f"split {dict(tally)}")

        async with factories[0]() as uow:
            per_ticket = Counter(
                (await uow.session.execute(
                    select(TicketEventRow.ticket_id).where(TicketEventRow.action == "escalated")
                )).scalars()
            )
            levels = Counter((await uow.session.execute(select(TicketRow.level))).scalars())
        assert len(per_ticket) == TICKETS
        assert set(per_ticket.values()) == {1}
        assert levels == Counter({1: TICKETS})
        assert sum(tally.values()) == TICKETS
    finally:
        for engine in engines:
            await engine.dispose()

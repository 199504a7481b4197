"""`griddesk worker`: the standalone sweeper process acts on a breach and stops on SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.cli.commands.worker_cmd import run_worker
from models.config.schema import GridDeskConfig
from models.orm import OutboxRow, TicketEventRow
from models.uow import UnitOfWorkFactory
from tests.escalation.helpers import make_ticket


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_worker_escalates_under_time_scale_and_stops_on_sigterm(
    db_url: str,
    uow_factory: UnitOfWorkFactory,
    demo_config: GridDeskConfig,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    monkeypatch.setenv("GRIDDESK_DATABASE_URL", db_url)
    monkeypatch.setenv("GRIDDESK_TIME_SCALE", "3600")
    monkeypatch.setenv("GRIDDESK_CONFIG", "")
    async with uow_factory() as uow:  # filed now: its 2h accept deadline is 2 s of wall time
        ticket = await make_ticket(uow, demo_config, at=datetime.now(UTC))
        await uow.commit()
        number = ticket.number

    worker = asyncio.create_task(run_worker(timedelta(minutes=1), daily_reports=False))
    escalations: list[tuple[int | None, int | None]] = []
    cards: list[str | None] = []
    for _ in range(300):  # generous: 30 s of wall time
        await asyncio.sleep(0.1)
        assert not worker.done(), worker
        async with uow_factory() as uow:
            rows = (await uow.session.execute(select(TicketEventRow))).scalars()
            escalations = [(r.from_level, r.to_level) for r in rows if r.action == "escalated"]
            outbox = (await uow.session.execute(select(OutboxRow))).scalars()
            cards = [row.person_code for row in outbox if row.ticket_number == number]
        if escalations:
            break
    assert escalations[:1] == [(0, 1)]
    assert "MDHY-01-B" in cards

    assert signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL  # the worker's handler
    os.kill(os.getpid(), signal.SIGTERM)
    await asyncio.wait_for(worker, timeout=30)
    assert worker.exception() is None
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # handler removed again

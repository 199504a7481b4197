"""`griddesk simulate --bulk`: many tickets written in batches, each with a consistent life."""

from __future__ import annotations

import itertools
from collections import defaultdict
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.pool import NullPool

from bot.cli.commands.simulate_cmd import simulate_bulk_into, simulate_into
from models import lifecycle
from models.db import create_engine
from models.orm import RatingRow, TicketCounterRow, TicketEventRow, TicketRow
from models.search_words import search_words

END = date(2026, 11, 1)
TZ = ZoneInfo("Asia/Shanghai")
TICKETS = 1500


async def rows(url: str, *columns: Any) -> list[Any]:
    engine = create_engine(url, poolclass=NullPool)
    try:
        async with engine.connect() as connection:
            return list((await connection.execute(select(*columns))).all())
    finally:
        await engine.dispose()


async def test_bulk_history_has_every_ticket_with_a_consistent_life(db_url: str) -> None:
    await simulate_bulk_into(db_url, None, TICKETS, 60, 3, END, progress=False)
    tickets = {r.id: r for r in await rows(db_url, TicketRow)}
    events = await rows(db_url, TicketEventRow)
    ratings = await rows(db_url, RatingRow.ticket_id, RatingRow.score, RatingRow.at)
    end = datetime.combine(END, time(0), TZ)

    assert len(tickets) == TICKETS
    assert len({t.number for t in tickets.values()}) == TICKETS
    lives: dict[int, list[Any]] = defaultdict(list)
    for event in sorted(events, key=lambda e: e.id):
        lives[event.ticket_id].append(event)
    assert set(lives) == set(tickets)
    for ticket_id, life in lives.items():
        ticket = tickets[ticket_id]
        assert life[0].action == lifecycle.Action.CREATE
        assert life[0].at == ticket.created_at
        assert [e.at for e in life] == sorted(e.at for e in life)
        assert life[-1].at < end
        assert (life[-1].to_status, life[-1].to_level) == (ticket.status, ticket.level)
        for before, after in itertools.pairwise(life):
            assert after.from_status == before.to_status
        assert ticket.max_level == max(e.to_level for e in life)
        assert ticket.reopen_count == sum(e.action == lifecycle.Action.REOPEN for e in life)
    for ticket_id, _score, at in ratings:
        assert any(e.action == lifecycle.Action.RESOLVE and e.at <= at for e in lives[ticket_id])
    unhappy = {key for key, score, _ in ratings if score == lifecycle.Rating.UNSATISFIED}
    assert unhappy and {t.id for t in tickets.values() if t.unsatisfied} == unhappy
    assert all(set(t.search_words) == set(search_words(t.original_text))
               for t in tickets.values())

    statuses = {t.status for t in tickets.values()}
    assert {"closed", "resolved", "rejected"} <= statuses
    assert statuses & {"assigned", "accepted"}  # the last days are still being handled
    assert any(t.max_level >= 2 for t in tickets.values())
    assert len(ratings) > TICKETS / 2
    assert len({t.grid_code for t in tickets.values()}) > 5
    assert len({t.category_code for t in tickets.values()}) > 10
    filed = [t.created_at for t in tickets.values()]
    assert (max(filed) - min(filed)).days >= 55


async def test_the_ordinary_simulator_continues_after_a_bulk_load(db_url: str) -> None:
    await simulate_bulk_into(db_url, None, 300, 10, 1, END, progress=False)
    await simulate_into(db_url, None, 2, 5, 1, END, progress=False)
    numbers = await rows(db_url, TicketRow.number)
    assert len(numbers) > 300
    assert len({n for (n,) in numbers}) == len(numbers)
    counters = dict(await rows(db_url, TicketCounterRow.day, TicketCounterRow.last))
    last_seen: dict[date, int] = {}
    for (number,) in numbers:
        day = datetime.strptime(number.split("-")[1], "%Y%m%d").date()
        last_seen[day] = max(last_seen.get(day, 0), int(number.split("-")[2]))
    assert counters == last_seen

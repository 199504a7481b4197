"""The escalation sweep on both databases (bot.workers.sweeper; rules in models.escalation)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.workers.sweeper import sweep
from handlers.notify import Notifier
from handlers.tickets import TicketService
from models import lifecycle
from models.clock import FixedClock
from models.config.schema import GridDeskConfig, Level
from models.escalation import (
    REMINDER_ACTION,
    TOP_OVERDUE_ACTION,
    Breach,
    SweepResult,
)
from models.orm import TicketRow
from models.uow import UnitOfWork, UnitOfWorkFactory
from tests.escalation.helpers import (
    DAY,
    HOUR,
    accept,
    events,
    make_ticket,
    outbox,
)

MINUTE = timedelta(minutes=1)


async def file_ticket(
    uow_factory: UnitOfWorkFactory, config: GridDeskConfig, at: datetime, **kwargs: object
) -> str:
    async with uow_factory() as uow:
        ticket = await make_ticket(uow, config, at=at, **kwargs)  # type: ignore[arg-type]
        await uow.commit()
        return ticket.number


async def run_sweep(
    uow_factory: UnitOfWorkFactory,
    clock: FixedClock,
    config: GridDeskConfig,
    limit: int = 200,
) -> SweepResult:
    async with uow_factory() as uow:
        result = await sweep(uow, clock, config, limit)
        await uow.commit()
        return result


async def get(uow: UnitOfWork, number: str) -> TicketRow:
    ticket = await uow.tickets.by_number(number)
    assert ticket is not None
    return ticket


async def test_accept_breach_escalates_one_level_and_keeps_the_filing_deadline(
    uow_factory: UnitOfWorkFactory, clock: FixedClock, demo_config: GridDeskConfig
) -> None:
    filed = clock.now()
    number = await file_ticket(uow_factory, demo_config, filed)
    clock.advance(2 * HOUR - MINUTE)
    assert (await run_sweep(uow_factory, clock, demo_config)).escalated == []

    clock.advance(2 * MINUTE)
    result = await run_sweep(uow_factory, clock, demo_config)
    assert [
        (e.ticket_number, e.from_level, e.to_level, e.assignee_code, e.breach)
        for e in result.escalated
    ] == [(number, Level.GRID_WORKER, Level.GRID_BRANCH, "MDHY-01-B", Breach.ACCEPT)]
    async with uow_factory() as uow:
        ticket = await get(uow, number)
        assert (ticket.status, ticket.level, ticket.assignee_code) == (
            "assigned",
            Level.GRID_BRANCH,
            "MDHY-01-B",
        )
        assert ticket.accept_due_at == clock.now() + 2 * HOUR  # the level's own window
        assert ticket.resolve_due_at == filed + DAY  # 首接负责制: runs from filing
        assert ticket.level_due_at is None
        [event] = await events(uow, number, "escalated")
        assert (event.actor, event.from_level, event.to_level) == ("system", 0, 1)
        assert event.data["breach"] == "accept"
        sent = {
            (kind, row.person_code)
            for kind in ("escalated", "escalated_reporter")
            for row in await outbox(uow, kind)
        }
        assert ("escalated", "MDHY-01-B") in sent
        assert ("escalated_reporter", None) in sent

    again = await run_sweep(uow_factory, clock, demo_config)
    assert again.escalated == [] and again.claimed == 0


async def test_walks_the_whole_chain_then_repeats_a_daily_reminder_at_the_top(
    uow_factory: UnitOfWorkFactory, clock: FixedClock, demo_config: GridDeskConfig
) -> None:
    number = await file_ticket(uow_factory, demo_config, clock.now())
    reached = []
    for _ in range(4):
        clock.advance(2 * HOUR + MINUTE)
        result = await run_sweep(uow_factory, clock, demo_config)
        reached += [(e.to_level, e.assignee_code) for e in result.escalated]
    assert reached == [
        (Level.GRID_BRANCH, "MDHY-01-B"),
        (Level.COMMUNITY, "MDHY-S"),
        (Level.STREET, "XZ-C"),
        (Level.DISTRICT, "TBH-TF"),
    ]
    clock.advance(2 * HOUR + MINUTE)  # the district misses its accept deadline too
    first = await run_sweep(uow_factory, clock, demo_config)
    assert first.escalated == [] and [t.ticket_number for t in first.top_level] == [number]
    clock.advance(HOUR)
    assert (await run_sweep(uow_factory, clock, demo_config)).top_level == []
    clock.advance(DAY - HOUR)
    assert len((await run_sweep(uow_factory, clock, demo_config)).top_level) == 1
    clock.advance(DAY - MINUTE)
    assert (await run_sweep(uow_factory, clock, demo_config)).top_level == []
    async with uow_factory() as uow:
        ticket = await get(uow, number)
        assert (ticket.level, ticket.status, ticket.assignee_code) == (4, "assigned", "TBH-TF")
        assert len(await events(uow, number, "escalated")) == 4
        assert len(await events(uow, number, TOP_OVERDUE_ACTION)) == 2
        assert [row.person_code for row in await outbox(uow, "top_overdue")] == ["TBH-TF"] * 2


async def test_resolve_breach_keeps_the_first_receiver_informed(
    uow_factory: UnitOfWorkFactory, clock: FixedClock, demo_config: GridDeskConfig
) -> None:
    number = await file_ticket(uow_factory, demo_config, clock.now())
    async with uow_factory() as uow:
        await accept(uow, number, "MDHY-01-W1", clock.now() + HOUR)
        await uow.commit()
    clock.advance(DAY + MINUTE)
    result = await run_sweep(uow_factory, clock, demo_config)
    assert [(e.breach, e.to_level) for e in result.escalated] == [
        (Breach.RESOLVE, Level.GRID_BRANCH)
    ]
    async with uow_factory() as uow:
        ticket = await get(uow, number)
        assert ticket.first_receiver_code == "MDHY-01-W1"
        assert (ticket.status, ticket.assignee_code) == ("assigned", "MDHY-01-B")
        # The branch accepts, misses the new resolve deadline: the first receiver still hears.
        await accept(uow, number, "MDHY-01-B", clock.now() + MINUTE)
        await uow.commit()
    clock.advance(DAY + MINUTE)
    result = await run_sweep(uow_factory, clock, demo_config)
    assert [e.to_level for e in result.escalated] == [Level.COMMUNITY]
    async with uow_factory() as uow:
        assert (await get(uow, number)).first_receiver_code == "MDHY-01-W1"
        told = [row.person_code for row in await outbox(uow, "escalated_first_receiver")]
        assert told == ["MDHY-01-W1", "MDHY-01-W1"]


async def test_triage_tickets_escalate_from_the_community_upwards(
    uow_factory: UnitOfWorkFactory, clock: FixedClock, demo_config: GridDeskConfig
) -> None:
    no_grid = await file_ticket(uow_factory, demo_config, clock.now(), grid=None)
    review = await file_ticket(uow_factory, demo_config, clock.now(), triage=True)
    nowhere = await file_ticket(uow_factory, demo_config, clock.now(), grid=None, community=None)
    clock.advance(2 * HOUR + MINUTE)
    result = await run_sweep(uow_factory, clock, demo_config)
    assert {
        e.ticket_number: (e.from_level, e.to_level, e.assignee_code) for e in result.escalated
    } == {
        no_grid: (Level.GRID_WORKER, Level.COMMUNITY, "MDHY-S"),
        review: (Level.GRID_WORKER, Level.COMMUNITY, "MDHY-S"),
        nowhere: (Level.GRID_WORKER, Level.DISTRICT, "TBH-TF"),
    }
    clock.advance(2 * HOUR + MINUTE)
    result = await run_sweep(uow_factory, clock, demo_config)
    assert {e.ticket_number: e.to_level for e in result.escalated} == {
        no_grid: Level.STREET,
        review: Level.STREET,
    }
    assert [t.ticket_number for t in result.top_level] == [nowhere]
    async with uow_factory() as uow:
        first, second = await events(uow, no_grid, "escalated")
        assert (first.from_level, first.to_level) == (0, 2)
        assert (second.from_level, second.to_level) == (2, 3)
        assert (await get(uow, no_grid)).max_level == Level.STREET


async def test_finished_and_in_time_tickets_are_left_alone(
    uow_factory: UnitOfWorkFactory, clock: FixedClock, demo_config: GridDeskConfig
) -> None:
    start = clock.now()
    resolved = await file_ticket(uow_factory, demo_config, start)
    late_filed = await file_ticket(uow_factory, demo_config, start + 3 * HOUR)
    async with uow_factory() as uow:
        await accept(uow, resolved, "MDHY-01-W1", start + HOUR)
        ticket = await uow.tickets.by_number(resolved, for_update=True)
        assert ticket is not None
        uow.events.add(
            lifecycle.resolve(ticket, now=start + HOUR, actor="MDHY-01-W1", note="已修好")
        )
        await uow.commit()
    clock.set(start + 3 * DAY)
    result = await run_sweep(uow_factory, clock, demo_config)
    assert [e.ticket_number for e in result.escalated] == [late_filed]


async def test_limit_bounds_one_sweep(
    uow_factory: UnitOfWorkFactory, clock: FixedClock, demo_config: GridDeskConfig
) -> None:
    numbers = [
        await file_ticket(uow_factory, demo_config, clock.now() + i * MINUTE) for i in range(5)
    ]
    clock.advance(3 * HOUR)
    seen: list[str] = []
    for expected in (2, 2, 1, 0):
        result = await run_sweep(uow_factory, clock, demo_config, limit=2)
        assert result.claimed == expected
        seen += [e.ticket_number for e in result.escalated]
    assert seen == numbers  # most overdue first


async def test_reminder_at_75_percent_once_per_deadline(
    uow_factory: UnitOfWorkFactory, clock: FixedClock, demo_config: GridDeskConfig
) -> None:
    start = clock.now()
    number = await file_ticket(uow_factory, demo_config, start)
    clock.set(start + 89 * MINUTE)  # 75% of the 2h accept deadline is 90 minutes
    assert (await run_sweep(uow_factory, clock, demo_config)).reminders == []
    clock.set(start + 90 * MINUTE)
    result = await run_sweep(uow_factory, clock, demo_config)
    assert [(r.ticket_number, r.kind, r.recipient_code) for r in result.reminders] == [
        (number, Breach.ACCEPT, "MDHY-01-W1")
    ]
    clock.advance(10 * MINUTE)
    assert (await run_sweep(uow_factory, clock, demo_config)).reminders == []

    async with uow_factory() as uow:  # accepting starts the resolve stage: its own reminder
        await accept(uow, number, "MDHY-01-W1", clock.now())
        await uow.commit()
    clock.set(start + 18 * HOUR - MINUTE)
    assert (await run_sweep(uow_factory, clock, demo_config)).reminders == []
    clock.set(start + 18 * HOUR)
    result = await run_sweep(uow_factory, clock, demo_config)
    assert [(r.kind, r.due) for r in result.reminders] == [(Breach.RESOLVE, start + DAY)]
    clock.advance(HOUR)
    assert (await run_sweep(uow_factory, clock, demo_config)).reminders == []

    clock.set(start + DAY + MINUTE)  # escalation restarts the clock: a new reminder later
    escalated_at = clock.now()
    assert len((await run_sweep(uow_factory, clock, demo_config)).escalated) == 1
    clock.set(escalated_at + 90 * MINUTE)
    result = await run_sweep(uow_factory, clock, demo_config)
    assert [(r.kind, r.recipient_code) for r in result.reminders] == [(Breach.ACCEPT, "MDHY-01-B")]
    async with uow_factory() as uow:
        assert len(await events(uow, number, REMINDER_ACTION)) == 3
        assert [row.person_code for row in await outbox(uow, "reminder")] == [
            "MDHY-01-W1",
            "MDHY-01-W1",
            "MDHY-01-B",
        ]


async def test_triage_reminder_goes_to_the_community(
    uow_factory: UnitOfWorkFactory, clock: FixedClock, demo_config: GridDeskConfig
) -> None:
    await file_ticket(uow_factory, demo_config, clock.now(), grid=None)
    clock.advance(100 * MINUTE)
    result = await run_sweep(uow_factory, clock, demo_config)
    assert [r.recipient_code for r in result.reminders] == ["MDHY-S"]


async def test_a_failing_ticket_does_not_block_the_others(
    uow_factory: UnitOfWorkFactory,
    clock: FixedClock,
    demo_config: GridDeskConfig,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bad = await file_ticket(uow_factory, demo_config, clock.now())
    good = await file_ticket(uow_factory, demo_config, clock.now() + MINUTE)
    escalated = Notifier.escalated

    async def failing(self: Notifier, ticket: TicketRow, *args: object) -> None:
        if ticket.number == bad:
            raise RuntimeError("notifier broke")
        await escalated(self, ticket, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Notifier, "escalated", failing)
    clock.advance(3 * HOUR)
    result = await run_sweep(uow_factory, clock, demo_config)
    assert result.failed == [bad]
    assert [e.ticket_number for e in result.escalated] == [good]
    async with uow_factory() as uow:
        assert (await get(uow, bad)).level == 0
        assert await events(uow, bad, "escalated") == []
        assert (await get(uow, good)).level == 1
    monkeypatch.setattr(Notifier, "escalated", escalated)
    retry = await run_sweep(uow_factory, clock, demo_config)
    assert [e.ticket_number for e in retry.escalated] == [bad]


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_a_breach_and_a_hand_escalation_move_and_tell_alike(
    uow_factory: UnitOfWorkFactory, clock: FixedClock, demo_config: GridDeskConfig
) -> None:
    """One transition: the same level, deadlines and recipients; only actor and reason differ."""
    by_hand = await file_ticket(uow_factory, demo_config, clock.now())
    on_breach = await file_ticket(uow_factory, demo_config, clock.now())
    clock.advance(2 * HOUR + MINUTE)
    async with uow_factory() as uow:
        ticket = await get(uow, by_hand)
        level = await TicketService(uow, clock, demo_config).escalate(ticket, "MDHY-01-W1", "太难")
        await uow.commit()
    assert level == Level.GRID_BRANCH
    [escalation] = (await run_sweep(uow_factory, clock, demo_config)).escalated
    assert escalation.ticket_number == on_breach

    async with uow_factory() as uow:
        moved = [await get(uow, number) for number in (by_hand, on_breach)]
        states = {(t.level, t.assignee_code, t.accept_due_at, t.resolve_due_at) for t in moved}
        assert len(states) == 1
        [hand] = await events(uow, by_hand, "escalated")
        [breach] = await events(uow, on_breach, "escalated")
        assert (hand.actor, hand.note, breach.actor) == ("MDHY-01-W1", "太难", "system")
        assert breach.data["breach"] == "accept" and "breach" not in hand.data
        rows = await outbox(uow, "escalated") + await outbox(uow, "escalated_reporter")
        told = {(row.ticket_number, row.person_code) for row in rows}
        assert told == {(n, who) for n in (by_hand, on_breach) for who in ("MDHY-01-B", None)}


def with_working_calendar(config: GridDeskConfig, code: str) -> GridDeskConfig:
    categories = [
        c.model_copy(update={"working_calendar": True}) if c.code == code else c
        for c in config.taxonomy.categories
    ]
    taxonomy = config.taxonomy.model_copy(update={"categories": categories})
    return config.model_copy(update={"taxonomy": taxonomy})


async def test_working_calendar_category_waits_for_monday_and_restarts_in_working_time(
    uow_factory: UnitOfWorkFactory, clock: FixedClock, demo_config: GridDeskConfig
) -> None:
    config = with_working_calendar(demo_config, "water_leak")
    sh = ZoneInfo("Asia/Shanghai")
    friday = datetime(2026, 11, 20, 16, 30, tzinfo=sh)
    number = await file_ticket(uow_factory, config, friday)  # 1h Friday + 1h Monday
    clock.set(datetime(2026, 11, 22, 20, 0, tzinfo=sh))  # Sunday evening: nothing yet
    assert (await run_sweep(uow_factory, clock, config)).escalated == []
    clock.set(datetime(2026, 11, 23, 10, 1, tzinfo=sh))
    result = await run_sweep(uow_factory, clock, config)
    assert [e.ticket_number for e in result.escalated] == [number]
    async with uow_factory() as uow:
        ticket = await get(uow, number)
        assert ticket.accept_due_at == datetime(2026, 11, 23, 12, 1, tzinfo=sh)
        assert ticket.resolve_due_at == datetime(2026, 11, 23, 16, 30, tzinfo=sh)  # from filing

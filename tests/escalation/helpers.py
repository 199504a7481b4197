"""Shared helpers of the escalation tests: ticket factory, outbox rows by kind, a plain
daily-report notifier."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.workers.sweeper import PlainDailyReports
from handlers.messages import REPORT
from models import lifecycle
from models.config.schema import GridDeskConfig
from models.orm import OutboxRow, TicketEventRow, TicketRow
from models.sla import compute_deadlines
from models.uow import UnitOfWork

_counter = iter(range(1, 10_000_000))


async def make_ticket(
    uow: UnitOfWork,
    config: GridDeskConfig,
    *,
    at: datetime,
    grid: str | None = "MDHY-01",
    community: str | None = "MDHY",
    category: str = "water_leak",
    urgent: bool = False,
    triage: bool = False,
    reporter_chat: int | None = 5550001,
) -> TicketRow:
    """A ticket filed at `at`: assigned to the grid's first worker, or in triage."""
    number = f"TBH-T-{next(_counter):07d}"
    ticket = TicketRow(
        number=number,
        original_text="楼上漏水",
        normalized_text="楼上漏水",
        category_code=category,
        community_code=community,
        street_code=config.community(community)[0].code if community else None,  # as filing
        grid_code=grid,
        urgent=urgent,
        reporter_channel="telegram" if reporter_chat is not None else None,
        reporter_user_id=reporter_chat,
        reporter_chat_id=reporter_chat,
        updated_at=at,
    )
    district = config.district
    deadlines = compute_deadlines(
        config.taxonomy.get(category),
        config.taxonomy,
        district.calendar,
        district.timezone,
        at,
        urgent,
    )
    assignee = None if triage or grid is None else config.grid(grid)[2].workers[0].code
    event = lifecycle.create(
        ticket,
        now=at,
        assignee_code=assignee,
        accept_due=deadlines.accept_due,
        resolve_due=deadlines.resolve_due,
    )
    uow.tickets.add(ticket, event)
    await uow.flush()
    return ticket


async def accept(uow: UnitOfWork, number: str, actor: str, at: datetime) -> None:
    ticket = await uow.tickets.by_number(number, for_update=True)
    assert ticket is not None
    uow.events.add(lifecycle.accept(ticket, now=at, actor=actor))
    await uow.flush()


async def events(uow: UnitOfWork, number: str, action: str | None = None) -> list[TicketEventRow]:
    ticket = await uow.tickets.by_number(number)
    assert ticket is not None
    rows = await uow.events.for_ticket(ticket.id)
    return [row for row in rows if action is None or row.action == action]


KINDS = {"escalated": "escalated", "reminder": "reminder", "overdue_reminder": "top_overdue"}


async def outbox(uow: UnitOfWork, kind: str | None = None) -> list[OutboxRow]:
    """Outbox rows, of one kind: what the event of the row's key did ("escalated",
    "reminder", "top_overdue"), with "_reporter" / "_first_receiver" for the resident's and
    the first receiver's copy; an edit of a card is "edit"; a daily report is "daily_report"."""
    rows = await uow.outbox.rows()
    if kind is None:
        return rows
    actions: dict[str, str] = {}
    for number in {row.ticket_number for row in rows if row.ticket_number}:
        ticket = await uow.tickets.by_number(number)
        assert ticket is not None
        for event in await uow.events.for_ticket(ticket.id):
            actions[f"e{event.id}"] = event.action
    return [row for row in rows if kind_of(row, actions) == kind]


def kind_of(row: OutboxRow, actions: dict[str, str]) -> str:
    if row.kind == REPORT:
        return "daily_report"
    _, tag, *rest = row.key.split(":")
    if "edit" in rest:
        return "edit"
    what = KINDS.get(actions.get(tag, ""), actions.get(tag, ""))
    if rest == ["reporter"]:
        return what + "_reporter"
    return what + "_first_receiver" if rest[:1] == ["fr"] else what


class ReportNotifier(PlainDailyReports):
    """Daily reports as the bot writes them: one outbox row of the `report` kind per
    recipient, its snapshot the report's figures."""

    def __init__(self) -> None:
        super().__init__("Asia/Shanghai")


HOUR = timedelta(hours=1)
DAY = timedelta(days=1)

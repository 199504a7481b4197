"""Shared helpers of the escalation tests: ticket factory and a plain outbox notifier."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from models import lifecycle
from models.config.schema import GridDeskConfig, Level
from models.orm import OutboxRow, PersonRow, TicketEventRow, TicketRow
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
        grid_code=grid,
        urgent=urgent,
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


async def outbox(uow: UnitOfWork, kind: str | None = None) -> list[OutboxRow]:
    rows = list((await uow.session.execute(select(OutboxRow).order_by(OutboxRow.id))).scalars())
    return [row for row in rows if kind is None or row.payload.get("kind") == kind]


class OutboxNotifier:
    """Writes one outbox row per recipient with a recognisable payload {"kind": ..., ...}."""

    async def _to(
        self,
        uow: UnitOfWork,
        code: str | None,
        key: str,
        ticket: TicketRow | None,
        payload: dict[str, Any],
    ) -> None:
        person = await uow.org.person(code) if code else None
        if person is None or person.chat_id is None:
            return
        await uow.outbox.add(
            key=f"{key}:{person.code}",
            chat_id=person.chat_id,
            payload={**payload, "to": person.code},
            person_code=person.code,
            ticket_number=ticket.number if ticket else None,
        )

    async def escalated(
        self,
        uow: UnitOfWork,
        ticket: TicketRow,
        from_level: Level,
        to_level: Level,
        *,
        reason: str,
        tag: str,
    ) -> None:
        payload = {
            "kind": "escalated",
            "number": ticket.number,
            "from": int(from_level),
            "to": int(to_level),
            "reason": reason,
        }
        key = f"{ticket.number}:{tag}"
        await self._to(uow, ticket.assignee_code, key, ticket, payload)
        if ticket.first_receiver_code != ticket.assignee_code:
            await self._to(
                uow,
                ticket.first_receiver_code,
                key,
                ticket,
                {**payload, "kind": "escalated_first_receiver"},
            )
        if ticket.reporter_chat_id is not None:
            await uow.outbox.add(
                key=f"{key}:reporter",
                chat_id=ticket.reporter_chat_id,
                payload={
                    **payload,
                    "kind": "escalated_reporter",
                    "text": f"您的诉求 {ticket.number} 已上报",
                },
                ticket_number=ticket.number,
            )

    async def reminder(
        self,
        uow: UnitOfWork,
        ticket: TicketRow,
        kind: str,
        *,
        due: datetime,
        recipient_code: str | None,
        tag: str,
    ) -> None:
        await self._to(
            uow,
            recipient_code,
            f"{ticket.number}:{tag}",
            ticket,
            {"kind": "reminder", "number": ticket.number, "which": kind, "due": due.isoformat()},
        )

    async def top_level_overdue(
        self, uow: UnitOfWork, ticket: TicketRow, *, kind: str, due: datetime, tag: str
    ) -> None:
        await self._to(
            uow,
            ticket.assignee_code,
            f"{ticket.number}:{tag}",
            ticket,
            {"kind": "top_overdue", "number": ticket.number, "which": kind, "due": due.isoformat()},
        )

    async def daily_report(
        self, uow: UnitOfWork, person: PersonRow, report: Any, *, tag: str
    ) -> None:
        if person.chat_id is None:
            return
        await uow.outbox.add(
            key=f"{tag}:{person.code}",
            chat_id=person.chat_id,
            payload={
                "kind": "daily_report",
                "scope": report.scope_code,
                "new": report.new,
                "open": report.open,
                "overdue": report.overdue,
                "resolved": report.resolved_yesterday,
                "numbers": [item.number for item in report.overdue_items],
            },
            person_code=person.code,
        )


HOUR = timedelta(hours=1)
DAY = timedelta(days=1)

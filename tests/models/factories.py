"""Builders of tickets in any lifecycle state, for pure and database tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from models import lifecycle as lc
from models.orm import TELEGRAM, PersonRow, TicketEventRow, TicketRow
from models.uow import UnitOfWork

T0 = datetime(2026, 11, 21, 2, 0, tzinfo=UTC)
WORKER, BRANCH, SECRETARY = "MDHY-01-W1", "MDHY-01-B", "MDHY-S"


def due(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


def new_ticket(number: str = "TBH-20261121-0001", **fields: object) -> TicketRow:
    values: dict[str, object] = {
        "number": number,
        "reporter_channel": "telegram",
        "reporter_user_id": 5550001,
        "reporter_chat_id": 5550001,
        "original_text": "3号楼楼道灯坏了",
        "normalized_text": "3号楼楼道灯坏了",
        "category_code": "other",
        "community_code": "MDHY",
        "grid_code": "MDHY-01",
    }
    values.update(fields)
    return TicketRow(**values)


def in_status(status: str, level: int = 0, number: str = "TBH-20261121-0001") -> TicketRow:
    """A ticket that reached `status` (at `level` for open statuses) the ordinary way."""
    ticket, _ = walk_to(status, level, number)
    return ticket


def walk_to(
    status: str, level: int = 0, number: str = "TBH-20261121-0001"
) -> tuple[TicketRow, list[TicketEventRow]]:
    ticket = new_ticket(number)
    events = [lc.create(ticket, now=T0, assignee_code=None if status == "triage" else WORKER)]
    for step in range(level):
        events.append(
            lc.escalate(
                ticket,
                now=due(step + 1),
                actor="system",
                assignee_code=f"L{step + 1}",
                accept_due=due(step + 2),
                resolve_due=due(step + 24),
            )
        )
    if status in ("triage", "assigned"):
        return ticket, events
    if status == "rejected":
        events.append(lc.reject(ticket, now=due(30), actor=WORKER, reason="不属于受理范围"))
        return ticket, events
    events.append(lc.accept(ticket, now=due(30), actor=ticket.assignee_code or WORKER))
    if status == "accepted":
        return ticket, events
    events.append(lc.resolve(ticket, now=due(31), actor=WORKER, note="已更换灯泡"))
    if status == "resolved":
        return ticket, events
    events.append(lc.close(ticket, now=due(32), rating="satisfied"))
    assert status == "closed", status
    return ticket, events


async def account_holder(uow: UnitOfWork, user_id: int) -> PersonRow | None:
    """The active person whose Telegram account is `user_id`."""
    return next((person for person in await uow.org.all_people()
                 if any((a.channel, a.user_id) == (TELEGRAM, user_id) for a in person.accounts)),
                None)

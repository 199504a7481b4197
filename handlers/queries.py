"""Read-only views: a resident's tickets, one ticket's history, a worker's tasks."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from handlers import texts
from handlers.context import Ctx, clip, escape
from handlers.supervision import scope_tickets
from handlers.types import Keyboard
from models import lifecycle
from models.orm import TicketRow

# One message shows 4096 characters at most: the newest history lines, notes cut short, and
# the most urgent tasks.
MAX_HISTORY = 20
MAX_NOTE = 120
MAX_TASKS = 30

HISTORY_ACTIONS = {
    "created": "提交",
    "assigned": "分派",
    "accepted": "受理",
    "resolved": "办结",
    "closed": "关闭",
    "reopened": "重新打开",
    "escalated": "上报",
    "rejected": "驳回",
    "transferred": "转派",
    "whistle": "吹哨报到",
    "whistle_reported": "部门报到",
    "recategorised": "更正类别",
    "referred": "转社区确定负责网格",
}
# The notes written for the resident (the result, the reason for a rejection); every other note
# (escalation reasons, transfer requests) is internal and shown to staff only.
RESIDENT_NOTES = frozenset({"resolved", "rejected"})


def _local(ctx: Ctx, at: datetime | None) -> str:
    if at is None:
        return "—"
    return at.astimezone(ZoneInfo(ctx.config.district.timezone)).strftime("%m-%d %H:%M")


def _status_line(ctx: Ctx, ticket: TicketRow) -> str:
    category = escape(ctx.config.taxonomy.get(ticket.category_code).name)
    status = texts.STATUS_NAMES.get(ticket.status, ticket.status)
    summary = escape(ticket.original_text[:24]) + ("…" if len(ticket.original_text) > 24 else "")
    return f"<b>{ticket.number}</b> {category} 【{status}】\n{summary}"


async def my_tickets(ctx: Ctx) -> None:
    tickets = await ctx.uow.tickets.for_reporter(ctx.user_id, limit=10)
    if not tickets:
        ctx.say(texts.MY_TICKETS_EMPTY)
        return
    lines = [texts.MY_TICKETS_HEAD.format(count=len(tickets))]
    lines += [_status_line(ctx, ticket) for ticket in tickets]
    lines.append(texts.MY_TICKETS_PICK)
    buttons = [[await ctx.button(f"{ticket.number} {clip(ticket.original_text, 12)}",
                                 "status_of", ticket=ticket.id)] for ticket in tickets]
    ctx.say("\n\n".join(lines), Keyboard.inline(*buttons))


async def status(ctx: Ctx, number: str | None) -> None:
    """One ticket's history, shown only to its reporter (and to staff in its chain)."""
    if not number:
        ctx.say(texts.STATUS_USAGE)
        return
    ticket = await ctx.uow.tickets.by_number(number[:32])
    if ticket is None or not await _may_view(ctx, ticket):
        ctx.say(texts.STATUS_NOT_FOUND.format(number=escape(number[:32])))
        return
    events = [e for e in await ctx.uow.events.for_ticket(ticket.id)
              if e.action in HISTORY_ACTIONS]  # not the sweeper's internal reminders
    lines = [_status_line(ctx, ticket)]
    if len(events) > MAX_HISTORY:
        lines.append("……")
    staff = await _in_chain(ctx, ticket)
    for event in events[-MAX_HISTORY:]:
        what = HISTORY_ACTIONS[event.action]
        level = texts.LEVEL_NAMES.get(event.to_level or 0, "")
        extra = f"（{level}）" if event.action in ("escalated", "reopened") else ""
        shown = event.note if staff or event.action in RESIDENT_NOTES else None
        note = f"：{escape(clip(shown, MAX_NOTE))}" if shown else ""
        lines.append(f"{_local(ctx, event.at)} {what}{extra}{note}")
    ctx.say("\n".join(lines))


async def _may_view(ctx: Ctx, ticket: TicketRow) -> bool:
    return ticket.reported_by(ctx.user_id) or await _in_chain(ctx, ticket)


async def _in_chain(ctx: Ctx, ticket: TicketRow) -> bool:
    """Staff of the ticket's chain; they see the internal notes (escalation reasons)."""
    if ctx.person is None:
        return False
    from handlers.org import OrgDirectory

    return await OrgDirectory(ctx.uow).level_of(ticket, ctx.person.code) is not None


async def tasks(ctx: Ctx) -> None:
    """The person's open tickets by deadline, overdue ones marked."""
    if ctx.person is None:
        ctx.say(texts.NO_TASKS)
        return
    tickets = await ctx.uow.tickets.assigned_to(ctx.person.code)
    held = {ticket.id for ticket in tickets}
    tickets += [t for t in await scope_tickets(ctx) if t.id not in held]  # supervised scope
    if not tickets:
        ctx.say(texts.NO_TASKS)
        return
    now = ctx.now()

    def due(ticket: TicketRow) -> datetime | None:
        if ticket.status == lifecycle.Status.ACCEPTED:
            return ticket.resolve_due_at
        return ticket.accept_due_at

    tickets.sort(key=lambda t: due(t) or now)
    overdue_count = sum(1 for t in tickets if (due(t) or now) < now)
    head = texts.TASKS_HEAD.format(count=len(tickets))
    if overdue_count:
        head = head.rstrip("：") + texts.TASKS_OVERDUE.format(count=overdue_count)
    lines = [head]
    for ticket in tickets[:MAX_TASKS]:
        deadline = due(ticket)
        overdue = f" {texts.OVERDUE_MARK}" if deadline is not None and deadline < now else ""
        lines.append(f"{_status_line(ctx, ticket)}\n时限 {_local(ctx, deadline)}{overdue}")
    if len(tickets) > MAX_TASKS:
        lines.append(texts.TASKS_MORE.format(count=len(tickets) - MAX_TASKS))
    ctx.say("\n\n".join(lines))

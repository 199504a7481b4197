"""吹哨报到 reaches the department: its liaison gets a card with a reporting deadline (报到时限)
and a 已报到 button; the summons and the report are events on the ticket's timeline."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from handlers import texts
from handlers.context import Ctx, clip, escape
from handlers.messages import LIAISON, message, say
from handlers.notify import Notifier
from handlers.org import people
from handlers.types import Keyboard
from models import domain_events as ev
from models import lifecycle
from models.config.schema import Department, GridDeskConfig
from models.escalation import category_for
from models.orm import CallbackTokenRow, TicketRow
from models.sla import add_duration, working_time

REPORTED = "whistle_reported"


def report_due(
    config: GridDeskConfig, ticket: TicketRow, department: Department, now: datetime
) -> datetime:
    """报到时限: the department's window from now (working time like the case's own)."""
    district = config.district
    category = category_for(config, ticket.category_code)
    working = not ticket.urgent and working_time(category, district.calendar)
    return add_duration(
        now, department.report_within, district.timezone, district.calendar if working else None
    )


async def liaison_card(
    notify: Notifier, ticket: TicketRow, department: Department, due: datetime, actor: str, tag: str
) -> None:
    """The summons to the department's liaison (no resident contact data in it)."""
    liaison = department.liaison
    if liaison is None or liaison.chat_id is None:
        return
    summoner = (await people(notify.uow, [actor])).get(actor)
    text = say(
        "texts.WHISTLE_CARD",
        ["text"],
        number=ticket.number,
        category=escape(notify.category_name(ticket.category_code)),
        place=escape(notify.place(ticket)),
        text=escape(clip(ticket.original_text, 1500)),
        summoner=escape(summoner.name if summoner else actor),
        department=escape(department.name),
        due=notify.local_time(due),
    )
    button = await notify._button(
        liaison.chat_id,
        texts.BTN_REPORTED,
        "whistle_report",
        ticket=ticket.id,
        department=department.name,
    )
    snapshot = message(text, Keyboard.inline([button]), tuple(ticket.attachments or ()))
    await notify._send(
        liaison.chat_id, LIAISON, snapshot, f"{ticket.number}:{tag}:{liaison.code}", ticket=ticket
    )


async def on_report(ctx: Ctx, token: CallbackTokenRow, args: dict[str, Any]) -> None:
    """已报到 from the liaison's chat (the token was issued to it alone)."""
    from handlers.tickets import TicketService  # tickets builds on this module

    service = TicketService(ctx.uow, ctx.services.clock, ctx.config)
    ticket = await service.get(int(args.get("ticket", 0)), for_update=True)
    department = ctx.config.district.department(str(args.get("department", "")))
    if ticket is None or ticket.status not in lifecycle.OPEN:
        ctx.refuse_stale(f"whistle report on a closed ticket {args}")
        return
    now = ctx.now()
    actor = department.liaison.code if department.liaison else "department"
    event = lifecycle.record(
        ticket,
        now=now,
        actor=actor,
        action=REPORTED,
        note=department.name,
        data={"department": department.name},
    )
    tag = await service._record(event)
    token.used_at = now
    told = {ticket.assignee_code, _summoner(await ctx.uow.events.for_ticket(ticket.id))}
    chain = {person.code for person in await service.org.members(ticket)}
    codes = tuple(code for code in told if code in chain)  # a summoner moved away hears nothing
    await service._announce(ev.DepartmentReported(ticket, tag, department.name, codes))
    local = now.astimezone(ZoneInfo(ctx.config.district.timezone))
    ctx.answer(texts.WHISTLE_REPORTED_OK.format(time=f"{local:%H:%M}"))
    ctx.say(texts.WHISTLE_REPORTED_OK.format(time=f"{local:%H:%M}") + f" {ticket.number}")


def _summoner(events: list[Any]) -> str | None:
    whistles = [event.actor for event in events if event.action == "whistle"]
    return whistles[-1] if whistles else None

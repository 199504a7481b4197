"""Domain events become notifications here, and only here: each event recorded by the ticket
service is handed to its handler, which writes outbox rows (and edits the ticket's cards) in the
transaction that recorded it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from handlers import texts
from handlers.card_desk import refresh_cards
from handlers.context import clip, escape
from handlers.messages import say
from handlers.notify import Notifier
from handlers.open311_view import from_open311, request_view
from handlers.service_levels import local_date
from handlers.transfers import reason_line, sent_by
from handlers.triage import street_named
from handlers.whistle import liaison_card
from models import domain_events as ev
from models import lifecycle
from models.config.schema import GridDeskConfig, Level
from models.orm import TicketRow
from models.uow import UnitOfWork

Handler = Callable[[Notifier, Any], Awaitable[None]]
CARDS_UNCHANGED = (ev.HandedIn, ev.Referred, ev.Reminded, ev.OverdueAtTop)


# What changes a ticket's Open311 view (status, notes, agency, deadline): its client hears.
CALLBACK_EVENTS = (ev.Accepted, ev.Resolved, ev.Rejected, ev.Closed, ev.Reopened, ev.Escalated,
                   ev.Routed, ev.Referred)


async def publish(uow: UnitOfWork, notify: Notifier) -> None:
    """Turn the unit of work's new events into notifications, written by `notify`."""
    for event in uow.collect_new_events():
        await HANDLERS[type(event)](notify, event)
        if not isinstance(event, CARDS_UNCHANGED):
            await refresh_cards(notify, event.ticket, event.tag)
        if isinstance(event, CALLBACK_EVENTS) and from_open311(event.ticket):
            await _callback(uow, notify.config, event)


async def _callback(uow: UnitOfWork, config: GridDeskConfig, event: ev.TicketEvent) -> None:
    """The filing client's callback URL gets the request as it is now (an outbox row of HTTP
    deliveries, sent by `bot/workers/callbacks.py`)."""
    ticket = event.ticket
    client = await uow.open311.filer_of(ticket.id)
    if client is None or client.callback_url is None or client.revoked_at is not None:
        return
    payload = {"event": type(event).__name__.lower(), "service_request": request_view(config,
                                                                                       ticket)}
    await uow.open311.add_callback(f"{ticket.number}:{event.tag}:{client.id}", client.id,
                                   client.callback_url, payload)


def handler_name(config: GridDeskConfig, ticket: TicketRow) -> str:
    """Who handles the ticket, in words for the resident."""
    if ticket.grid_code is None or ticket.status == lifecycle.Status.TRIAGE:
        street = street_named(config, ticket.street_code)
        if ticket.community_code is None and street is not None:
            return texts.HANDLER_STREET_TRIAGE.format(street=escape(street.name))
        if ticket.community_code is None:
            return texts.HANDLER_DISTRICT_TRIAGE.format(
                unit=escape(config.district.task_force.name))
        community = config.community(ticket.community_code)[1]
        return texts.HANDLER_TRIAGE.format(community=escape(community.name))
    _, _, grid = config.grid(ticket.grid_code)
    if ticket.level == Level.GRID_WORKER:
        return texts.HANDLER_GRID.format(
            grid=escape(grid.name), worker=escape(grid.workers[0].name)
        )
    return texts.LEVEL_NAMES[ticket.level]


async def _accepted(notify: Notifier, event: ev.Accepted) -> None:
    ticket = event.ticket
    who = handler_name(notify.config, ticket)
    due = local_date(notify.config, ticket.resolve_due_at or notify.clock.now())
    await notify.reporter(ticket, say("texts.REPORTER_ACCEPTED", number=ticket.number, who=who,
                                      due=due), event.tag)


async def _resolved(notify: Notifier, event: ev.Resolved) -> None:
    ticket, tag = event.ticket, event.tag
    await notify.rating_request(ticket, tag, event.photos)
    await notify.first_receiver(ticket, texts.STATUS_NAMES["resolved"], tag)


async def _handed_in(notify: Notifier, event: ev.HandedIn) -> None:
    ticket, holder = event.ticket, event.holder
    text = say("texts.HANDED_IN", ["note"], number=ticket.number,
               note=escape(clip(event.note, 1500)))
    await notify.staff_text(holder, text, f"{ticket.number}:{event.tag}:{holder}", ticket)


async def _escalated(notify: Notifier, event: ev.Escalated) -> None:
    await notify.escalated(event.ticket, event.from_level, event.to_level, event.reason,
                           event.tag)


async def _rejected(notify: Notifier, event: ev.Rejected) -> None:
    ticket = event.ticket
    text = say("texts.REPORTER_REJECTED", number=ticket.number,
               reason=escape(clip(event.reason, 3000)))
    await notify.reporter(ticket, text, event.tag)
    await notify.first_receiver(ticket, texts.STATUS_NAMES["rejected"], event.tag)


async def _routed(notify: Notifier, event: ev.Routed) -> None:
    ticket = event.ticket
    badge = texts.CARD_BADGE_NEW if event.new else texts.CARD_BADGE_TRANSFERRED
    await notify.card(ticket, event.target, badge, event.tag, sent_by(notify.config, event.actor))
    text = say("texts.REPORTER_TRANSFERRED", number=ticket.number,
               handler=handler_name(notify.config, ticket))
    await notify.reporter(ticket, text, event.tag)


async def _referred(notify: Notifier, event: ev.Referred) -> None:
    ticket, tag = event.ticket, event.tag
    await notify.triage_card(ticket, event.queue_holder, tag, event.note)
    await notify.first_receiver(ticket, texts.REFERRED_WHAT, tag)
    text = say("texts.REPORTER_TRANSFERRED", number=ticket.number,
               handler=handler_name(notify.config, ticket))
    await notify.reporter(ticket, text, tag)


async def _reported(notify: Notifier, event: ev.DepartmentReported) -> None:
    ticket = event.ticket
    note = say("texts.WHISTLE_REPORTED", department=escape(event.department),
               number=ticket.number)
    for code in event.told:
        await notify.staff_text(code, note, f"{ticket.number}:{event.tag}:{code}", ticket)


async def _changed(notify: Notifier, event: ev.Changed) -> None:
    return None  # the cards are refreshed after every event


async def _transfer_noted(notify: Notifier, event: ev.TransferNoted) -> None:
    ticket, holder = event.ticket, event.ticket.assignee_code
    if holder:
        text = reason_line(notify.config, event.actor, ticket.number, event.reason)
        await notify.staff_text(holder, text, f"{ticket.number}:{event.tag}:{holder}", ticket)


async def _whistled(notify: Notifier, event: ev.Whistled) -> None:
    ticket, unit = event.ticket, event.department
    await liaison_card(notify, ticket, unit, event.due, event.actor, event.tag)
    text = say("texts.REPORTER_WHISTLE", number=ticket.number, department=escape(unit.name),
               due=local_date(notify.config, event.due))
    await notify.reporter(ticket, text, event.tag)


async def _closed(notify: Notifier, event: ev.Closed) -> None:
    ticket, tag = event.ticket, event.tag
    if event.rated:
        text = say("texts.REPORTER_CLOSED", number=ticket.number)
        await notify.reporter(ticket, text, tag, answer=True)
    told = say("texts.FIRST_RECEIVER_CLOSED", number=ticket.number, score=event.label)
    await notify.first_receiver(ticket, "", tag, text=told)
    if event.auto_after_days is not None:
        text = say("texts.REPORTER_AUTO_CLOSED", number=ticket.number,
                   days=str(event.auto_after_days))
        await notify.reporter(ticket, text, tag)


async def _reopened(notify: Notifier, event: ev.Reopened) -> None:
    ticket, tag = event.ticket, event.tag
    note = say("texts.REOPENED_CARD_NOTE", ["reason", "result"], reason=event.reason,
               result=event.result)
    await notify.card_or_note(ticket, event.target, tag, note)
    level_name = texts.LEVEL_NAMES[ticket.level]
    told = say("texts.FIRST_RECEIVER_REOPENED", ["reason"], number=ticket.number,
               reason=escape(clip(event.reason, 500)), level=level_name)
    await notify.first_receiver(ticket, "", tag, text=told)
    text = say("texts.REPORTER_REOPENED", number=ticket.number, level=level_name)
    await notify.reporter(ticket, text, tag, answer=True)


async def _reminded(notify: Notifier, event: ev.Reminded) -> None:
    await notify.reminder(event.ticket, event.kind, event.due, event.tag, event.recipient)


async def _overdue_at_top(notify: Notifier, event: ev.OverdueAtTop) -> None:
    await notify.top_level_overdue(event.ticket, event.due, event.tag)


HANDLERS: dict[type[ev.TicketEvent], Handler] = {
    ev.Accepted: _accepted,
    ev.Resolved: _resolved,
    ev.HandedIn: _handed_in,
    ev.Escalated: _escalated,
    ev.Rejected: _rejected,
    ev.Routed: _routed,
    ev.Referred: _referred,
    ev.DepartmentReported: _reported,
    ev.Changed: _changed,
    ev.TransferNoted: _transfer_noted,
    ev.Whistled: _whistled,
    ev.Closed: _closed,
    ev.Reopened: _reopened,
    ev.Reminded: _reminded,
    ev.OverdueAtTop: _overdue_at_top,
}

"""/forget: erase a resident's personal data; the tickets stay for the figures, anonymised.

Structured personal fields are deleted (reporter ids, name, phone, the GPS point, a typed
address where the community is known); only free text keeps its content, with phone numbers,
ID numbers and self-introductions masked (`nlp.personal`). Stored notifications keep what
they say as fields (handlers/messages.py): a card's view is built again from the anonymised
ticket, so the contact it showed is gone with its fields, and the personal arguments of other
messages are deleted; nothing searches rendered text. What is kept and why: docs/privacy.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from handlers.card_desk import card_meta, card_view_now
from handlers.context import QUOTA_WINDOW, Ctx
from handlers.messages import forget_personal
from handlers.notify import Notifier
from handlers.org import people
from handlers.render import card_text, fit
from models.orm import OutboxRow, TicketEventRow, TicketRow
from models.outbox import CAPTION_LIMIT, LEGACY, edit_of, sent_as_caption
from models.search_words import search_words
from nlp.personal import mask_personal, names_given

CHUNK = 500


def known_names(tickets: Sequence[TicketRow]) -> list[str]:
    """Names the resident gave (我叫…, the contact's name): masked in every text of theirs."""
    names = [name for t in tickets for name in names_given(t.original_text, t.reporter_name)]
    return list(dict.fromkeys(names))


def anonymise_ticket(ticket: TicketRow, names: Sequence[str] = ()) -> None:
    """Unlink the reporter, coarsen the place to the grid, mask what the resident typed (the
    search words then come from the masked text: what was masked is no longer found)."""
    ticket.reporter_channel = ticket.reporter_user_id = ticket.reporter_chat_id = None
    ticket.reporter_name = ticket.reporter_phone = None
    ticket.follow_token = None
    ticket.anonymised = True
    ticket.latitude = ticket.longitude = None  # the grid, community and building remain
    if ticket.community_code is not None:
        ticket.address_text = None  # the structured place says where, at the grid's grain
    for name in (
        "original_text",
        "normalized_text",
        "address_text",
        "result_note",
        "reject_reason",
    ):
        setattr(ticket, name, mask_personal(getattr(ticket, name), names))
    ticket.search_words = search_words(ticket.original_text)


async def _scrub_related(ctx: Ctx, tickets: Sequence[TicketRow], names: Sequence[str]) -> None:
    """Staff notes and rating comments masked; the staff's stored messages of these tickets
    rewritten (after the notes, which their timelines show)."""
    accounts = ctx.uow.accounts
    ids = [t.id for t in tickets]
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        for event in await accounts.noted_events(chunk):
            event.note = mask_personal(event.note, names)
        for rating in await accounts.commented_ratings(chunk):
            rating.comment = mask_personal(rating.comment, names)
    tickets_by_number = {t.number: t for t in tickets}
    numbers = list(tickets_by_number)
    notify = Notifier(ctx.uow, ctx.services.clock, ctx.config)
    for start in range(0, len(numbers), CHUNK):
        rows = await accounts.cards_of(numbers[start : start + CHUNK])
        await _rewrite_stored(notify, tickets_by_number, rows, names)


async def _rewrite_stored(notify: Notifier, tickets: dict[str, TicketRow],
                          rows: Sequence[OutboxRow], names: Sequence[str]) -> None:
    """What the stored messages about these tickets say loses its personal parts: a card and
    its edits get their view built again from the anonymised ticket (its buttons stay: staff
    keep working on the case), and every personal argument of a message (a resident's detail,
    a reopening reason, a staff note) is deleted. Nothing reads rendered text, except rows of
    the `legacy` kind, written before the outbox was semantic."""
    cards = {row.key: row for row in rows if card_meta(row) is not None}
    recipients = await people(notify.uow, sorted({r.person_code for r in rows if r.person_code}))
    events: dict[int, list[TicketEventRow]] = {}
    for row in rows:
        card = cards.get(edit_of(row.kind, row.snapshot) or row.key)
        recipient = recipients.get(row.person_code or "")
        ticket = tickets.get(row.ticket_number or "")
        view = None
        if card is not None and recipient is not None and ticket is not None:
            if ticket.id not in events:
                events[ticket.id] = await notify.uow.events.for_ticket(ticket.id)
            view = await card_view_now(notify, ticket, card, recipient, events[ticket.id])
        row.snapshot = _forgotten(row, view, names)


def _forgotten(row: OutboxRow, view: dict[str, Any] | None,
               names: Sequence[str]) -> dict[str, Any]:
    snapshot = forget_personal(row.snapshot or {})
    view = forget_personal(view)
    if row.kind != LEGACY:
        return {**snapshot, "view": view} if view is not None else snapshot
    payload = dict(snapshot.get("payload") or {})
    if view is not None:
        text = card_text(view)
        payload["text"] = fit(text, CAPTION_LIMIT) if sent_as_caption(payload) else text
    elif isinstance(payload.get("text"), str):
        payload["text"] = mask_personal(payload["text"], names) or ""
    return {**snapshot, "payload": payload}


def blur_filings(ctx: Ctx) -> None:
    """The chat's filing times (kept for the hourly quota) would join to the tickets' times:
    the filings still inside the quota window count as made now, older ones are dropped."""
    now = ctx.now()
    since = (now - QUOTA_WINDOW).timestamp()
    recent = [at for at in ctx.meta.get("_filed", []) if at >= since]
    if recent:
        ctx.meta["_filed"] = [now.timestamp()] * len(recent)
    else:
        ctx.meta.pop("_filed", None)
    if "_burst" in ctx.meta:  # the burst count stays, its start moves to now
        ctx.meta["_burst"] = [now.timestamp(), ctx.meta["_burst"][1]]


async def forget(ctx: Ctx) -> None:
    """Everything of the resident's in one transaction (the update's own)."""
    accounts = ctx.uow.accounts
    tickets = await accounts.tickets_of(ctx.user_id)
    names = known_names(tickets)
    for ticket in tickets:
        anonymise_ticket(ticket, names)
    await accounts.drop_chat(ctx.chat_id)
    await _scrub_related(ctx, tickets, names)
    for visit in await ctx.uow.visits.of_tickets(tickets):  # the household and what was noted
        visit.unit = visit.room = visit.note = None
    blur_filings(ctx)
    ctx.set_state(None)

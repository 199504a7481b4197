"""/forget: erase a resident's personal data; the tickets stay for the figures, anonymised.

Structured personal fields are deleted (reporter ids, name, phone, the GPS point, a typed
address where the community is known); only free text keeps its content, with phone numbers,
ID numbers and self-introductions masked (`nlp.personal`). What is kept and why: docs/privacy.md.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from handlers import texts
from handlers.context import QUOTA_WINDOW, Ctx
from models.orm import TicketRow
from nlp.personal import mask_personal, names_given

CHUNK = 500
_CONTACT_LINE = re.compile(re.escape(texts.CARD_CONTACT.split("{")[0]) + r"[^\n]*")


def known_names(tickets: Sequence[TicketRow]) -> list[str]:
    """Names the resident gave (我叫…, the contact's name): masked in every text of theirs."""
    names = [name for t in tickets for name in names_given(t.original_text, t.reporter_name)]
    return list(dict.fromkeys(names))


def anonymise_ticket(ticket: TicketRow, names: Sequence[str] = ()) -> None:
    """Unlink the reporter, coarsen the place to the grid, mask what the resident typed."""
    ticket.reporter_user_id = ticket.reporter_chat_id = None
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


def scrub_card(payload: dict[str, Any], names: Sequence[str] = ()) -> dict[str, Any]:
    """A stored notification without the contact line and with personal data masked."""
    text = payload.get("text")
    if not isinstance(text, str):
        return payload
    return {**payload, "text": mask_personal(_CONTACT_LINE.sub("", text), names)}


async def _scrub_related(ctx: Ctx, tickets: Sequence[TicketRow], names: Sequence[str]) -> None:
    """Staff notes, rating comments and the staff's stored cards of these tickets."""
    accounts = ctx.uow.accounts
    ids, numbers = [t.id for t in tickets], [t.number for t in tickets]
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        for event in await accounts.noted_events(chunk):
            event.note = mask_personal(event.note, names)
        for rating in await accounts.commented_ratings(chunk):
            rating.comment = mask_personal(rating.comment, names)
    for start in range(0, len(numbers), CHUNK):
        for card in await accounts.cards_of(numbers[start : start + CHUNK]):
            scrubbed = scrub_card(card.payload, names)
            if scrubbed != card.payload:
                card.payload = scrubbed


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

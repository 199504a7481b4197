"""Cards are a workspace: after every action each card of the ticket is edited in place.

A card not yet delivered gets its view rewritten in the outbox; a delivered one gets an edit
row (`card_edit`, `edit_of`: the card's key) that the sender renders into editMessageText /
editMessageCaption of the message the card became (`outbox.message_id`). Only a recipient's
newest card of a ticket keeps buttons, and only the actions possible now. Whether a card
changed is judged on what the recipient sees: the rendered text and the button labels.
"""

from __future__ import annotations

from typing import Any

from handlers.messages import buttons_of
from handlers.notify import Notifier
from handlers.org import people
from handlers.render import render, render_row
from handlers.types import Keyboard
from models.orm import OutboxRow, PersonRow, TicketRow
from models.outbox import CARD_EDIT, CARD_KINDS, DEAD, LEGACY, PENDING, edit_of


def card_meta(row: OutboxRow) -> dict[str, Any] | None:
    """Whom a card row is for and what it is (`to`, `kind`, `badge`, `note`); None: no card."""
    snapshot = row.snapshot or {}
    if row.kind in CARD_KINDS:
        return dict(snapshot.get("card") or {})
    if row.kind == LEGACY:
        meta = (snapshot.get("payload") or {}).get("card")
        return dict(meta) if isinstance(meta, dict) else None
    return None


async def refresh_cards(notify: Notifier, ticket: TicketRow, tag: str) -> None:
    """Build every card of `ticket` again and edit those whose text or buttons changed."""
    uow = notify.uow
    rows = await uow.outbox.to_staff(ticket.number)
    cards = [row for row in rows if card_meta(row) is not None and row.status != DEAD]
    if not cards:
        return
    shown = {row.key: render_row(row) for row in cards}
    for row in rows:
        key = edit_of(row.kind, row.snapshot)
        if key in shown:
            shown[key] = render_row(row)  # the newest edit is what the recipient sees
    newest = {row.person_code: row.id for row in cards}
    events = await uow.events.for_ticket(ticket.id)
    recipients = await people(uow, sorted({row.person_code for row in cards if row.person_code}))
    for row in cards:
        recipient = recipients.get(row.person_code or "")
        if recipient is None:
            continue
        if await notify.org.level_of(ticket, recipient.code) is None:
            await _close_departed(notify, ticket, row, shown[row.key], tag)
            continue  # moved out of their chain: they hear nothing more of it
        active = newest[row.person_code] == row.id
        meta = card_meta(row) or {}
        view, keyboard = await notify.build_card(ticket, meta, recipient, active, events)
        if _looks(shown[row.key]) == _looks(_edit_payload(view, keyboard)):
            continue
        await _edit(notify, row, view, keyboard, tag)


async def _close_departed(
    notify: Notifier, ticket: TicketRow, row: OutboxRow, shown: dict[str, Any], tag: str
) -> None:
    """A card whose recipient left the ticket's chain (转派): one last edit, without the
    resident's contact or the new holders' progress, and no buttons."""
    if not _looks(shown)[1]:
        return  # already closed, or it never had buttons
    await _edit(notify, row, departed_view(notify, ticket), None, tag)


def departed_view(notify: Notifier, ticket: TicketRow) -> dict[str, Any]:
    return {
        "departed": True,
        "number": ticket.number,
        "category": notify.category_name(ticket.category_code),
        "place": notify.place(ticket),
    }


async def card_view_now(notify: Notifier, ticket: TicketRow, card: OutboxRow,
                        recipient: PersonRow, events: list[Any]) -> dict[str, Any]:
    """The view of `card` (and of its edits) as a refresh would build it now, from the
    ticket's fields: what was deleted from the ticket is not in it."""
    if await notify.org.level_of(ticket, recipient.code) is None:
        return departed_view(notify, ticket)
    view, _ = await notify.build_card(ticket, card_meta(card) or {}, recipient, False, events)
    return view


async def _edit(
    notify: Notifier, row: OutboxRow, view: dict[str, Any], keyboard: Keyboard | None, tag: str
) -> None:
    """Rewrite a card still waiting in the outbox; queue an edit of a delivered one."""
    buttons = buttons_of(keyboard)
    if row.status == PENDING and row.kind in CARD_KINDS:
        snapshot = {**row.snapshot, "view": view, "buttons": buttons}
        if await notify.uow.outbox.rewrite_pending(row.id, snapshot):
            return
    await notify.uow.outbox.add(
        key=f"{row.key}:edit:{tag}",
        chat_id=row.chat_id,
        kind=CARD_EDIT,
        snapshot={"edit_of": row.key, "view": view, "buttons": buttons},
        person_code=row.person_code,
        ticket_number=row.ticket_number,
        ticket_id=row.ticket_id,
    )


def _edit_payload(view: dict[str, Any], keyboard: Keyboard | None) -> dict[str, Any]:
    return render(CARD_EDIT, {"view": view, "buttons": buttons_of(keyboard)})


def _looks(payload: dict[str, Any]) -> tuple[str, list[list[str]]]:
    """What the recipient sees: the text and the button labels (tokens differ every time)."""
    markup = payload.get("reply_markup") or {}
    labels = [
        [button.get("text", "") for button in row] for row in markup.get("inline_keyboard", [])
    ]
    return str(payload.get("text") or ""), labels

"""Cards are a workspace: after every action each card of the ticket is edited in place.

A card not yet delivered is rewritten in the outbox; a delivered one gets an edit row
(`edit_of`: the card's key) that the sender turns into editMessageText / editMessageCaption of
the message the card became (`outbox.message_id`). Only a recipient's newest card of a ticket
keeps buttons, and only the actions possible now.
"""

from __future__ import annotations

from typing import Any

from handlers import texts
from handlers.context import escape
from handlers.notify import Notifier
from handlers.org import people
from handlers.types import Keyboard
from models.orm import OutboxRow, PersonRow, TicketRow
from models.outbox import CAPTION_LIMIT, DEAD, PENDING, sent_as_caption


async def refresh_cards(notify: Notifier, ticket: TicketRow, tag: str) -> None:
    """Re-render every card of `ticket` and edit those whose text or buttons changed."""
    uow = notify.uow
    rows = await uow.outbox.to_staff(ticket.number)
    cards = [row for row in rows if (row.payload or {}).get("card") and row.status != DEAD]
    if not cards:
        return
    shown = {row.key: row.payload for row in cards}
    for row in rows:
        edit_of = (row.payload or {}).get("edit_of")
        if edit_of in shown:
            shown[edit_of] = row.payload  # the newest edit is what the recipient sees
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
        text, keyboard = await notify.render_card(
            ticket, row.payload["card"], recipient, active, events
        )
        if sent_as_caption(row.payload):
            text = fit(text, CAPTION_LIMIT)
        if _looks(shown[row.key]) == _looks(_visible(text, keyboard)):
            continue
        await _edit(notify, row, text, keyboard, tag)


async def _close_departed(
    notify: Notifier, ticket: TicketRow, row: OutboxRow, shown: dict[str, Any], tag: str
) -> None:
    """A card whose recipient left the ticket's chain (转派): one last edit, without the
    resident's contact or the new holders' progress, and no buttons."""
    if not _looks(shown)[1]:
        return  # already closed, or it never had buttons
    await _edit(notify, row, departed_text(notify, ticket), None, tag)


def departed_text(notify: Notifier, ticket: TicketRow) -> str:
    return texts.CARD_DEPARTED.format(
        number=ticket.number,
        category=escape(notify.category_name(ticket.category_code)),
        place=escape(notify.place(ticket)),
    )


async def card_text_now(notify: Notifier, ticket: TicketRow, card: OutboxRow,
                        recipient: PersonRow, events: list[Any]) -> str:
    """The text of `card` (and of its edits) as a refresh would show it now, rendered from the
    ticket's fields: what was deleted from the ticket is not in it."""
    if await notify.org.level_of(ticket, recipient.code) is None:
        return departed_text(notify, ticket)
    text, _ = await notify.render_card(ticket, card.payload["card"], recipient, False, events)
    return fit(text, CAPTION_LIMIT) if sent_as_caption(card.payload) else text


async def _edit(
    notify: Notifier, row: OutboxRow, text: str, keyboard: Keyboard | None, tag: str
) -> None:
    """Rewrite a card still waiting in the outbox; queue an edit of a delivered one."""
    visible = _visible(text, keyboard)
    if row.status == PENDING:
        payload = {key: value for key, value in row.payload.items() if key != "reply_markup"}
        if await notify.uow.outbox.rewrite_pending(row.id, {**payload, **visible}):
            return
    await notify.uow.outbox.add(
        key=f"{row.key}:edit:{tag}",
        chat_id=row.chat_id,
        payload={**visible, "edit_of": row.key},
        person_code=row.person_code,
        ticket_number=row.ticket_number,
    )


def _visible(text: str, keyboard: Keyboard | None) -> dict[str, Any]:
    visible: dict[str, Any] = {"text": text, "parse_mode": "HTML"}
    if keyboard is not None:
        visible["reply_markup"] = keyboard.to_api()
    return visible


def _looks(payload: dict[str, Any]) -> tuple[str, list[list[str]]]:
    """What the recipient sees: the text and the button labels (tokens differ every time)."""
    markup = payload.get("reply_markup") or {}
    labels = [
        [button.get("text", "") for button in row] for row in markup.get("inline_keyboard", [])
    ]
    return str(payload.get("text") or ""), labels


def fit(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a line end (HTML tags and entities stay whole)."""
    if len(text) <= limit:
        return text
    cut = text.rfind("\n", 0, limit - 1)
    return text[: cut if cut > 0 else limit - 1] + "…"

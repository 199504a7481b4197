"""Notifications: every message to someone other than the current chat goes to the outbox,
in the transaction of the change that caused it."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from handlers import texts
from handlers.buttons import make_button
from handlers.card_actions import WORK_ROWS, triage_open, work_actions
from handlers.context import clip, escape
from handlers.messages import (
    NOTE,
    PHONE_RATING,
    RATING,
    REMINDER,
    STATUS,
    Say,
    buttons_of,
    message,
    say,
)
from handlers.org import OrgDirectory, person
from handlers.render import render_row
from handlers.service_levels import held_until
from handlers.triage import queue_grids, street_named
from handlers.types import Button, Keyboard
from models.clock import Clock
from models.config.schema import GridDeskConfig, Level, appointments
from models.orm import PersonRow, TicketRow
from models.outbox import CARD, TRIAGE_CARD
from models.reports.summary import TELEGRAM, channel_name
from models.uow import UnitOfWork
from nlp.normalize import to_script
from nlp.personal import mask_personal, names_given


def urgent_badge(ticket: TicketRow) -> str:
    """🚨 紧急, with the danger frame when known (🚨 紧急·燃气泄漏)."""
    if not ticket.urgent_frame:
        return texts.CARD_BADGE_URGENT
    return texts.CARD_BADGE_URGENT.rstrip() + "·" + escape(ticket.urgent_frame) + " "


class Notifier:
    """Writes outbox rows for ticket events."""

    def __init__(self, uow: UnitOfWork, clock: Clock, config: GridDeskConfig) -> None:
        self.uow = uow
        self.clock = clock
        self.config = config
        self.org = OrgDirectory(uow)

    # --- helpers ------------------------------------------------------------------------

    def local_time(self, at: datetime | None) -> str:
        if at is None:
            return "—"
        local = at.astimezone(ZoneInfo(self.config.district.timezone))
        return local.strftime("%m-%d %H:%M")

    def place(self, ticket: TicketRow, script: str = "hans") -> str:
        """Community, grid and building of a ticket in words (待确认 where unknown)."""
        if not ticket.community_code and (street := street_named(self.config,
                                                                  ticket.street_code)):
            place = f"{street.name}（{ticket.address_text or '社区' + texts.PENDING}）"
            return to_script(place, script)
        return describe_place(self.config, ticket.community_code, ticket.grid_code,
                              ticket.building, ticket.address_text, script)

    def category_name(self, code: str, script: str = "hans") -> str:
        category = self.config.taxonomy.get(code)
        return category.name_hant if script == "hant" else category.name

    async def _send(self, chat_id: int | None, kind: str, snapshot: dict[str, Any], key: str,
                    person_code: str | None = None, ticket: TicketRow | None = None,
                    delay: timedelta | None = None) -> None:
        """Queue what is to be said (handlers/messages.py); rendered when it is sent."""
        if chat_id is None:
            return
        now = self.clock.now()
        await self.uow.outbox.add(
            key=key, chat_id=chat_id, kind=kind, snapshot=snapshot, person_code=person_code,
            ticket_number=ticket.number if ticket else None,
            ticket_id=ticket.id if ticket else None,
            available_at=now + (delay or timedelta(0)),
        )

    async def _button(self, chat_id: int, label: str, action: str, **args: Any) -> Button:
        return make_button(self.uow, self.clock.now(), chat_id, label, action, **args)

    # --- to staff -----------------------------------------------------------------------

    async def card(self, ticket: TicketRow, recipient_code: str, badge: str, tag: str,
                   note: Say | str | None = None) -> None:
        """The work card: only the actions possible now (接单, 上报, 吹哨, 转派, …)."""
        meta = {"kind": "work", "badge": badge, "note": note}
        await self._card(ticket, recipient_code, CARD, meta, tag)

    async def triage_card(self, ticket: TicketRow, recipient_code: str, tag: str,
                          note: Say | str | None = None) -> None:
        """Community triage: pick the grid, fix the category, or reject."""
        meta = {"kind": "triage", "badge": texts.CARD_BADGE_TRIAGE, "note": note}
        await self._card(ticket, recipient_code, TRIAGE_CARD, meta, tag)

    async def _card(self, ticket: TicketRow, recipient_code: str, kind: str,
                    meta: dict[str, Any], tag: str) -> None:
        recipient = await person(self.uow, recipient_code)
        if recipient is None or recipient.chat_id is None:
            return
        meta = {"to": recipient.code, **meta}
        view, keyboard = await self.build_card(ticket, meta, recipient)
        snapshot = {"card": meta, "view": view, "buttons": buttons_of(keyboard),
                    "photos": list(ticket.attachments or ())}
        await self._send(recipient.chat_id, kind, snapshot,
                         f"{ticket.number}:{tag}:{recipient.code}", recipient.code, ticket)

    async def build_card(self, ticket: TicketRow, meta: dict[str, Any], recipient: PersonRow,
                          active: bool = True, events: list[Any] | None = None,
                          ) -> tuple[dict[str, Any], Keyboard | None]:
        """A card's view (what its text shows, `handlers.render.card_text`) and the buttons
        still possible for its recipient (`active`: the recipient's newest card of the
        ticket; older ones keep no buttons)."""
        view = await self.card_view(ticket, meta.get("badge") or "", recipient, meta.get("note"))
        triage = meta.get("kind") == "triage"
        if triage and triage_open(ticket):
            view["hint"] = self.triage_hint(ticket)
        if events:
            view["timeline"] = timeline(self.config, events)
        if not active or recipient.chat_id is None:
            return view, None
        if triage:
            rows = await self._triage_rows(ticket, recipient.chat_id) if triage_open(ticket) else []
        else:
            level = await self.org.level_of(ticket, recipient.code)
            actions = work_actions(ticket, level, recipient.code, events)
            rows = await self._work_rows(ticket, recipient.chat_id, actions)
        return view, Keyboard.inline(*rows) if rows else None

    def triage_hint(self, ticket: TicketRow) -> str | None:
        """The recognised grid's name the triage hint names (None: none recognised)."""
        if ticket.grid_code is None:
            return None
        return self.config.grid(ticket.grid_code)[2].name

    async def _work_rows(self, ticket: TicketRow, chat: int, actions: list[str]
                         ) -> list[list[Button]]:
        return [[await self._button(chat, texts.ACTION_LABELS[action], action, ticket=ticket.id)
                 for action in row if action in actions] for row in WORK_ROWS]

    async def _triage_rows(self, ticket: TicketRow, chat: int) -> list[list[Button]]:
        grids = triage_grids(self.config, ticket)
        grid_buttons = [
            await self._button(chat, grid.name, "triage_grid", ticket=ticket.id, grid=grid.code)
            for grid in grids
        ]
        rows = [grid_buttons[i:i + 2] for i in range(0, len(grid_buttons), 2)]
        rows.append([await self._button(chat, texts.BTN_CHANGE_CATEGORY, "pick_category",
                                        ticket=ticket.id),
                     await self._button(chat, texts.BTN_REJECT, "reject", ticket=ticket.id)])
        chain = await self.org.chain(ticket)
        if chain and chain[0][0] < Level.DISTRICT:  # somebody above
            rows.append([await self._button(chat, texts.BTN_ESCALATE, "escalate",
                                            ticket=ticket.id)])
        return rows

    async def card_view(self, ticket: TicketRow, badge: str, recipient: PersonRow,
                        note: Say | str | None = None) -> dict[str, Any]:
        """The fields of the ticket a card shows; the resident's contact only for a level
        that may act on it, and never in a group chat."""
        contact: dict[str, Any] = {}
        text = clip(ticket.original_text, 1800)
        level = await self.org.level_of(ticket, recipient.code)
        below = level is not None and level < ticket.level
        if in_group(recipient.chat_id):  # never a resident's contact data in a group chat
            text = mask_personal(text, names_given(text, ticket.reporter_name)) or ""
            if ticket.reporter_phone or ticket.reporter_name:
                contact["hidden"] = True
        elif (ticket.reporter_phone or ticket.reporter_name) and not below:
            contact.update(name=ticket.reporter_name, phone=ticket.reporter_phone,
                           consent=bool(ticket.filed_by))
        if ticket.filed_by:
            worker = await person(self.uow, ticket.filed_by)
            contact["filed_by"] = worker.name if worker else ticket.filed_by
        elif (ticket.source or TELEGRAM) != TELEGRAM:  # nobody to answer in the chat
            contact["channel"] = channel_name(ticket.source)
        return {
            "badge": urgent_badge(ticket) if ticket.urgent else badge,
            "number": ticket.number, "category": self.category_name(ticket.category_code),
            "place": self.place(ticket), "text": text,
            "accept_due": self.local_time(ticket.accept_due_at),
            "resolve_due": self.local_time(ticket.resolve_due_at),
            "level_due": self.local_time(ticket.level_due_at) if ticket.level_due_at else None,
            "keywords": list(ticket.keywords or []), "contact": contact, "note": note,
        }

    async def card_or_note(self, ticket: TicketRow, code: str, tag: str, note: Say) -> None:
        """A ticket moved up to `code`: the ⬆️ card, or only the note when `code` holds the
        urgent card already."""
        if ticket.urgent and await self.has_card(ticket, code):
            await self.staff_text(code, {**note, "escape": True},
                                  f"{ticket.number}:{tag}:{code}", ticket)
        else:
            await self.card(ticket, code, texts.CARD_BADGE_ESCALATED, tag, note)

    async def has_card(self, ticket: TicketRow, code: str) -> bool:
        """Whether `code` already got a card with buttons for this ticket (an urgent ticket's
        whole chain gets one at filing: escalating it adds a note, not a second card)."""
        rows = await self.uow.outbox.to_staff(ticket.number)
        return any("inline_keyboard" in str(render_row(row).get("reply_markup", ""))
                   for row in rows if row.person_code == code)

    async def whole_chain(self, ticket: TicketRow, tag: str) -> None:
        """Urgent: every level of the chain gets the card at once."""
        for member in await self.org.members(ticket):
            await self.card(ticket, member.code, texts.CARD_BADGE_URGENT, tag)

    async def first_receiver(self, ticket: TicketRow, what: Say | str, tag: str,
                             text: Say | None = None) -> None:
        """首接负责制: the first receiver keeps hearing about the ticket (`text`: the whole
        message in plain words instead of 有新进展：`what`)."""
        code = ticket.first_receiver_code
        if code is None or code == ticket.assignee_code:
            return
        if await self.org.level_of(ticket, code) is None:
            return  # transferred away from their grid: the old grid hears nothing more
        row = await person(self.uow, code)
        if row is None:
            return
        if isinstance(what, str):
            what = say("texts.PLAIN", text=what)
        text = text or say("texts.FIRST_RECEIVER_UPDATE", number=ticket.number,
                           what={**what, "clip": 3000, "escape": True})
        await self._send(row.chat_id, NOTE, message(text), f"{ticket.number}:{tag}:fr:{code}",
                         person_code=code, ticket=ticket)

    async def staff_text(self, code: str, text: Say, key: str,
                         ticket: TicketRow | None = None, photos: tuple[str, ...] = (),
                         kind: str = NOTE) -> None:
        """A plain message to a member of staff."""
        row = await person(self.uow, code)
        if row is not None:
            await self._send(row.chat_id, kind, message(text, photos=photos), key,
                             person_code=code, ticket=ticket)

    # --- to the reporter ----------------------------------------------------------------

    async def reporter(self, ticket: TicketRow, text: Say, tag: str,
                       keyboard: Keyboard | None = None, answer: bool = False,
                       photos: tuple[str, ...] = (), kind: str = STATUS) -> None:
        """A status message to the resident, in the script they wrote in. In the district's
        quiet hours it waits until morning, unless the case is urgent or the message answers
        what the resident just did (`answer`)."""
        chat = ticket.reporter_chat()
        if chat is None:
            return
        delay = None
        held = None if ticket.urgent or answer else held_until(self.config, self.clock.now())
        if held is not None:
            delay = held - self.clock.now()
        snapshot = message(text, keyboard, photos, ticket.script or "hans")
        await self._send(chat, kind, snapshot, f"{ticket.number}:{tag}:reporter",
                         ticket=ticket, delay=delay)

    async def rating_request(self, ticket: TicketRow, tag: str,
                             photos: tuple[str, ...] = ()) -> None:
        """办结: the result (with its photos) and the rating buttons."""
        chat = ticket.reporter_chat()
        if chat is None:
            await self._phone_rating(ticket, tag)
            return
        round_ = ticket.reopen_count or 0  # the buttons judge this resolution only
        buttons = [await self._button(chat, label, "rate", ticket=ticket.id, score=score,
                                      round=round_)
                   for score, label in texts.RATING_LABELS.items()]
        text = say("texts.REPORTER_RESOLVED", ["note"], number=ticket.number,
                   note=escape(clip(ticket.result_note, 3000)))
        await self.reporter(ticket, text, tag, Keyboard.inline(buttons), photos=photos,
                            kind=RATING)

    async def _phone_rating(self, ticket: TicketRow, tag: str) -> None:
        """A ticket filed on a visit that no resident follows: the worker who filed it calls
        the resident back and records the rating (电话回访)."""
        code = ticket.filed_by
        worker = await person(self.uow, code) if code else None
        if worker is None or worker.chat_id is None:
            return
        round_ = ticket.reopen_count or 0
        buttons = [await self._button(worker.chat_id, label, "phone_rate", ticket=ticket.id,
                                      score=score, round=round_)
                   for score, label in texts.RATING_LABELS.items()]
        text = say("visit_texts.PHONE_RATE", ["note"], number=ticket.number,
                   note=escape(clip(ticket.result_note, 3000)))
        await self._send(worker.chat_id, PHONE_RATING, message(text, Keyboard.inline(buttons)),
                         f"{ticket.number}:{tag}:phone:{code}", person_code=code, ticket=ticket)

    # --- escalations and reminders ------------------------------------------------------

    async def escalated(self, ticket: TicketRow, from_level: int, to_level: int,
                        reason: str, tag: str) -> None:
        """A ticket moved up: card to the new level, word to the first receiver and reporter."""
        level_name = texts.LEVEL_NAMES[to_level]
        note = say("texts.ESCALATION_NOTICE", ["reason"], number=ticket.number,
                   from_level=texts.LEVEL_NAMES[from_level], to_level=level_name,
                   reason=reason)
        if ticket.assignee_code:
            await self.card_or_note(ticket, ticket.assignee_code, tag, note)
        await self.first_receiver(ticket, note, tag)
        await self.reporter(ticket, say("texts.REPORTER_ESCALATED", number=ticket.number,
                                        level=level_name), tag)

    async def reminder(self, ticket: TicketRow, kind: str, due: datetime, tag: str,
                       recipient_code: str | None = None) -> None:
        """75% of a deadline has passed: remind whoever holds the ticket."""
        code = recipient_code or ticket.assignee_code
        if code:
            text = say("texts.REMINDER", number=ticket.number,
                       kind=texts.REMINDER_KINDS.get(kind, kind), due=self.local_time(due))
            await self.staff_text(code, text, f"{ticket.number}:{tag}:{code}", ticket,
                                  kind=REMINDER)

    async def top_level_overdue(self, ticket: TicketRow, due: datetime, tag: str) -> None:
        if ticket.assignee_code:
            text = say("texts.TOP_OVERDUE", number=ticket.number, due=self.local_time(due))
            await self.staff_text(ticket.assignee_code, text,
                                  f"{ticket.number}:{tag}:{ticket.assignee_code}", ticket,
                                  kind=REMINDER)


def in_group(chat_id: int | None) -> bool:
    """Group and channel chats have negative ids in the Bot API; people's chats positive ones."""
    return chat_id is not None and chat_id < 0


def triage_grids(config: GridDeskConfig, ticket: TicketRow) -> list[Any]:
    """The grids a triage card offers (the queue's: community, street or district), the
    recognised grid first."""
    grids = queue_grids(config, ticket)
    return sorted(grids, key=lambda grid: grid.code != ticket.grid_code)


def timeline(config: GridDeskConfig, events: list[Any], limit: int = 6
             ) -> list[dict[str, Any]]:
    """Who did what, when: the card's last lines (rendered by `handlers.render`)."""
    names = {item.person.code: item.person.name for item in appointments(config.district)}
    names.update({"system": "系统", "resident": "居民"})
    zone = ZoneInfo(config.district.timezone)
    lines = []
    for event in events:
        what = texts.TIMELINE_ACTIONS.get(event.action)
        if what is None:
            continue
        if event.action in ("escalated", "reopened"):
            what += texts.LEVEL_NAMES.get(event.to_level or 0, "")
        when = event.at.astimezone(zone).strftime("%m-%d %H:%M")
        lines.append({"at": when, "who": names.get(event.actor, event.actor), "what": what,
                      "detail": event.note or None})
    return lines[-limit:]


def describe_place(config: GridDeskConfig, community_code: str | None, grid_code: str | None,
                   building: int | None, address_text: str | None = None,
                   script: str = "hans") -> str:
    parts: list[str] = []
    if community_code:
        parts.append(config.community(community_code)[1].name)
    if grid_code:
        parts.append(config.grid(grid_code)[2].name)
    else:
        parts.append(f"网格{texts.PENDING}")
    if building:
        parts.append(f"{building}号楼")
    if not community_code:
        parts = [address_text or texts.PENDING]
    return to_script(" ".join(parts), script)

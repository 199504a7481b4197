"""Notifications: every message to someone other than the current chat goes to the outbox,
in the transaction of the change that caused it."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from handlers import texts
from handlers.buttons import make_button
from handlers.context import clip, escape
from handlers.org import people, person, ticket_chain
from handlers.types import Button, Keyboard, Reply
from models.clock import Clock
from models.config.schema import GridDeskConfig, Level
from models.orm import PersonRow, TicketRow
from models.uow import UnitOfWork
from nlp.normalize import to_script


def urgent_badge(ticket: TicketRow) -> str:
    """🚨 紧急, with the danger frame when known (🚨 紧急·燃气泄漏)."""
    if not ticket.urgent_frame:
        return texts.CARD_BADGE_URGENT
    return texts.CARD_BADGE_URGENT.rstrip() + "·" + escape(ticket.urgent_frame) + " "


class Notifier:
    """Writes outbox rows for ticket events; also serves the escalation sweeper."""

    def __init__(self, uow: UnitOfWork, clock: Clock, config: GridDeskConfig) -> None:
        self.uow = uow
        self.clock = clock
        self.config = config

    # --- helpers ------------------------------------------------------------------------

    def local_time(self, at: datetime | None) -> str:
        if at is None:
            return "—"
        local = at.astimezone(ZoneInfo(self.config.district.timezone))
        return local.strftime("%m-%d %H:%M")

    def place(self, ticket: TicketRow, script: str = "hans") -> str:
        """Community, grid and building of a ticket in words (待确认 where unknown)."""
        return describe_place(self.config, ticket.community_code, ticket.grid_code,
                              ticket.building, ticket.address_text, script)

    def category_name(self, code: str, script: str = "hans") -> str:
        category = self.config.taxonomy.get(code)
        return category.name_hant if script == "hant" else category.name

    async def _send(self, chat_id: int | None, reply_text: str, key: str,
                    keyboard: Keyboard | None = None, photos: tuple[str, ...] = (),
                    person_code: str | None = None, ticket: TicketRow | None = None,
                    delay: timedelta | None = None) -> None:
        if chat_id is None:
            return
        payload = Reply(chat_id, reply_text, keyboard, photos).to_payload()
        now = self.clock.now()
        await self.uow.outbox.add(
            key=key, chat_id=chat_id, payload=payload, person_code=person_code,
            ticket_number=ticket.number if ticket else None,
            available_at=now + (delay or timedelta(0)),
        )

    async def _button(self, chat_id: int, label: str, action: str, **args: Any) -> Button:
        return make_button(self.uow, self.clock.now(), chat_id, label, action, **args)

    # --- to staff -----------------------------------------------------------------------

    async def card(self, ticket: TicketRow, recipient_code: str, badge: str, tag: str,
                   note: str | None = None) -> None:
        """The work card with 接单 / 办结 / 上报 / 吹哨 / 转派 buttons."""
        recipient = await person(self.uow, recipient_code)
        if recipient is None or recipient.chat_id is None:
            return
        chat = recipient.chat_id
        args = {"ticket": ticket.id}
        rows = [
            [await self._button(chat, texts.BTN_ACCEPT, "accept", **args),
             await self._button(chat, texts.BTN_RESOLVE, "resolve", **args)],
            [await self._button(chat, texts.BTN_ESCALATE, "escalate", **args),
             await self._button(chat, texts.BTN_WHISTLE, "whistle", **args),
             await self._button(chat, texts.BTN_TRANSFER, "transfer", **args)],
        ]
        if ticket.level >= Level.COMMUNITY or ticket.grid_code is None:
            rows.append([await self._button(chat, texts.BTN_REJECT, "reject", **args)])
        text = await self.card_text(ticket, badge, recipient, note)
        await self._send(chat, text, f"{ticket.number}:{tag}:{recipient.code}",
                         Keyboard.inline(*rows), tuple(ticket.photo_file_ids or ()),
                         recipient.code, ticket)

    async def triage_card(self, ticket: TicketRow, recipient_code: str, tag: str) -> None:
        """Community triage: pick the grid, fix the category, or reject."""
        recipient = await person(self.uow, recipient_code)
        if recipient is None or recipient.chat_id is None:
            return
        chat = recipient.chat_id
        _, community = self.config.community(ticket.community_code or "")
        grid_buttons = [
            await self._button(chat, grid.name, "triage_grid", ticket=ticket.id, grid=grid.code)
            for grid in community.grids
        ]
        rows = [grid_buttons[i:i + 2] for i in range(0, len(grid_buttons), 2)]
        rows.append([await self._button(chat, texts.BTN_CHANGE_CATEGORY, "pick_category",
                                        ticket=ticket.id),
                     await self._button(chat, texts.BTN_REJECT, "reject", ticket=ticket.id)])
        rows.append([await self._button(chat, texts.BTN_ESCALATE, "escalate", ticket=ticket.id)])
        text = await self.card_text(ticket, texts.CARD_BADGE_TRIAGE, recipient) + texts.TRIAGE_HINT
        await self._send(chat, text, f"{ticket.number}:{tag}:{recipient.code}",
                         Keyboard.inline(*rows), tuple(ticket.photo_file_ids or ()),
                         recipient.code, ticket)

    async def card_text(self, ticket: TicketRow, badge: str, recipient: PersonRow,
                        note: str | None = None) -> str:
        contact = ""
        if ticket.reporter_phone or ticket.reporter_name:
            contact = texts.CARD_CONTACT.format(name=escape(ticket.reporter_name or "居民"),
                                                phone=escape(ticket.reporter_phone or ""))
        return texts.CARD.format(
            badge=urgent_badge(ticket) if ticket.urgent else badge,
            number=ticket.number, category=escape(self.category_name(ticket.category_code)),
            place=escape(self.place(ticket)), text=escape(clip(ticket.original_text, 1800)),
            accept_due=self.local_time(ticket.accept_due_at),
            resolve_due=self.local_time(ticket.resolve_due_at),
            keywords=escape("、".join(ticket.keywords or []) or "—"),
            contact=contact,
            note=texts.CARD_NOTE.format(note=escape(clip(note, 1200))) if note else "",
        )

    async def whole_chain(self, ticket: TicketRow, tag: str) -> None:
        """Urgent: every level of the chain gets the card at once."""
        for _, code in ticket_chain(self.config, ticket):
            await self.card(ticket, code, texts.CARD_BADGE_URGENT, tag)

    async def first_receiver(self, ticket: TicketRow, what: str, tag: str) -> None:
        """首接负责制: the first receiver keeps hearing about the ticket."""
        code = ticket.first_receiver_code
        if code is None or code == ticket.assignee_code:
            return
        if code not in {member for _, member in ticket_chain(self.config, ticket)}:
            return  # transferred away from their grid: the old grid hears nothing more
        row = await person(self.uow, code)
        if row is None:
            return
        text = texts.FIRST_RECEIVER_UPDATE.format(number=ticket.number,
                                                  what=escape(clip(what, 3000)))
        await self._send(row.chat_id, text, f"{ticket.number}:{tag}:fr:{code}",
                         person_code=code, ticket=ticket)

    async def staff_text(self, code: str, text: str, key: str,
                         ticket: TicketRow | None = None, photos: tuple[str, ...] = ()) -> None:
        row = await person(self.uow, code)
        if row is not None:
            await self._send(row.chat_id, text, key, photos=photos, person_code=code,
                             ticket=ticket)

    # --- to the reporter ----------------------------------------------------------------

    async def reporter(self, ticket: TicketRow, text: str, tag: str,
                       keyboard: Keyboard | None = None) -> None:
        """A status message to the resident, in the script they wrote in."""
        if ticket.reporter_chat_id is None:
            return
        script = ticket.script or "hans"
        if keyboard is not None and script == "hant":
            keyboard = Keyboard(keyboard.kind, tuple(
                tuple(Button(to_script(b.text, script), b.data) for b in row)
                for row in keyboard.rows))
        await self._send(ticket.reporter_chat_id, to_script(text, script),
                         f"{ticket.number}:{tag}:reporter", keyboard, ticket=ticket)

    async def rating_request(self, ticket: TicketRow, tag: str) -> None:
        chat = ticket.reporter_chat_id
        if chat is None:
            return
        round_ = ticket.reopen_count or 0  # the buttons judge this resolution only
        buttons = [await self._button(chat, label, "rate", ticket=ticket.id, score=score,
                                      round=round_)
                   for score, label in texts.RATING_LABELS.items()]
        text = texts.REPORTER_RESOLVED.format(number=ticket.number,
                                              note=escape(clip(ticket.result_note, 3000)))
        await self.reporter(ticket, text, tag, Keyboard.inline(buttons))

    # --- escalation sweeper protocol ----------------------------------------------------

    async def escalated(self, ticket: TicketRow, from_level: int, to_level: int,
                        reason: str, tag: str) -> None:
        """A ticket moved up: card to the new level, word to the first receiver and reporter."""
        level_name = texts.LEVEL_NAMES[to_level]
        note = texts.ESCALATION_NOTICE.format(number=ticket.number,
                                              from_level=texts.LEVEL_NAMES[from_level],
                                              to_level=level_name, reason=reason)
        if ticket.assignee_code:
            await self.card(ticket, ticket.assignee_code, texts.CARD_BADGE_ESCALATED, tag, note)
        await self.first_receiver(ticket, note, tag)
        await self.reporter(ticket, texts.REPORTER_ESCALATED.format(
            number=ticket.number, level=level_name), tag)

    async def reminder(self, ticket: TicketRow, kind: str, due: datetime, tag: str,
                       recipient_code: str | None = None) -> None:
        """75% of a deadline has passed: remind whoever holds the ticket."""
        code = recipient_code or ticket.assignee_code
        if code:
            text = texts.REMINDER.format(number=ticket.number,
                                         kind=texts.REMINDER_KINDS.get(kind, kind),
                                         due=self.local_time(due))
            await self.staff_text(code, text, f"{ticket.number}:{tag}:{code}", ticket)

    async def top_level_overdue(self, ticket: TicketRow, due: datetime, tag: str) -> None:
        if ticket.assignee_code:
            text = texts.TOP_OVERDUE.format(number=ticket.number, due=self.local_time(due))
            await self.staff_text(ticket.assignee_code, text,
                                  f"{ticket.number}:{tag}:{ticket.assignee_code}", ticket)

    async def chain_people(self, ticket: TicketRow) -> dict[str, PersonRow]:
        return await people(self.uow, [code for _, code in ticket_chain(self.config, ticket)])


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


class SweepNotifier:
    """The escalation sweeper's notifier: Chinese texts to the outbox via `Notifier`."""

    def __init__(self, clock: Clock, config: GridDeskConfig) -> None:
        self.clock = clock
        self.config = config

    def _for(self, uow: UnitOfWork) -> Notifier:
        return Notifier(uow, self.clock, self.config)

    async def escalated(self, uow: UnitOfWork, ticket: TicketRow, from_level: Level,
                        to_level: Level, *, reason: str, tag: str) -> None:
        await self._for(uow).escalated(ticket, from_level, to_level, reason, tag)

    async def reminder(self, uow: UnitOfWork, ticket: TicketRow, kind: str, *, due: datetime,
                       recipient_code: str | None, tag: str) -> None:
        await self._for(uow).reminder(ticket, kind, due, tag, recipient_code)

    async def top_level_overdue(self, uow: UnitOfWork, ticket: TicketRow, *, kind: str,
                                due: datetime, tag: str) -> None:
        await self._for(uow).top_level_overdue(ticket, due, tag)

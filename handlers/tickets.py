"""Ticket application services: filing and the staff actions, each with its notifications."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from handlers import texts
from handlers.context import clip, escape
from handlers.notify import Notifier
from handlers.org import entry_point, people, person_at_level, ticket_chain
from models import lifecycle
from models.clock import Clock
from models.config.schema import GridDeskConfig, Level
from models.numbering import local_day, number_ticket, provisional_number
from models.orm import RatingRow, TicketEventRow, TicketRow
from models.sla import Deadlines, compute_deadlines
from models.uow import UnitOfWork


class TicketService:
    """Domain commands run inside the caller's unit of work."""

    def __init__(self, uow: UnitOfWork, clock: Clock, config: GridDeskConfig) -> None:
        self.uow = uow
        self.clock = clock
        self.config = config
        self.notify = Notifier(uow, clock, config)

    def deadlines(self, ticket: TicketRow, start: datetime) -> Deadlines:
        district = self.config.district
        category = self.config.taxonomy.get(ticket.category_code)
        return compute_deadlines(
            category,
            self.config.taxonomy,
            district.calendar,
            district.timezone,
            start,
            bool(ticket.urgent),
        )

    async def _record(self, event: TicketEventRow) -> str:
        """Persist an event; its id makes the outbox keys of its notifications stable."""
        self.uow.session.add(event)
        await self.uow.session.flush()
        return f"e{event.id}"

    async def get(self, ticket_id: int, for_update: bool = False) -> TicketRow | None:
        query = select(TicketRow).where(TicketRow.id == ticket_id)
        if for_update:
            query = query.with_for_update()
        return await self.uow.session.scalar(query)

    async def file(self, draft: dict[str, Any], reporter: dict[str, Any]) -> TicketRow:
        """Store a confirmed complaint, route it, and notify whoever must act."""
        now = self.clock.now()
        district = self.config.district
        day = local_day(now, district.timezone)
        location = draft.get("location")
        ticket = TicketRow(
            number=provisional_number(district.ticket_prefix, day),
            original_text=draft["text"],
            normalized_text=draft["normalized"],
            script=draft.get("script", "hans"),
            category_code=draft["category"],
            community_code=draft.get("community"),
            grid_code=draft.get("grid"),
            building=draft.get("building"),
            address_text=draft.get("address_text"),
            urgent=bool(draft.get("urgent")),
            urgent_frame=draft.get("urgent_frame") if draft.get("urgent") else None,
            confidence=float(draft.get("confidence", 0.0)),
            keywords=list(draft.get("keywords", [])),
            photo_file_ids=list(draft.get("photos", [])),
            latitude=location[0] if location else None,
            longitude=location[1] if location else None,
            reporter_user_id=reporter["user_id"],
            reporter_chat_id=reporter["chat_id"],
            reporter_name=draft.get("contact_name"),
            reporter_phone=draft.get("phone"),
            updated_at=now,
        )
        deadlines = self.deadlines(ticket, now)
        triage = ticket.grid_code is None or bool(draft.get("needs_review"))
        _, entry_code = entry_point(self.config, ticket)
        event = lifecycle.create(
            ticket,
            now=now,
            assignee_code=None if triage else entry_code,
            accept_due=deadlines.accept_due,
            resolve_due=deadlines.resolve_due,
        )
        if ticket.urgent:
            recipients = [code for _, code in ticket_chain(self.config, ticket)]
        else:
            recipients = [self._triage_person(ticket) if triage else entry_code]
        loaded = await people(self.uow, recipients)  # held: the cards find them in the session
        self.uow.session.add(ticket)
        tag = await self._record(event)
        # PostgreSQL: the number is taken at COMMIT, the cards carry the provisional one till
        # then. SQLite: the day's counter stays locked from here until commit, so only the
        # cards and the commit come after it (docs/performance.md, "Number at commit").
        await number_ticket(self.uow.session, ticket, district.ticket_prefix, day)
        if ticket.urgent:
            await self.notify.whole_chain(ticket, tag)
        elif triage:
            await self.notify.triage_card(ticket, recipients[0], tag)
        else:
            await self.notify.card(ticket, entry_code, texts.CARD_BADGE_NEW, tag)
        del loaded
        return ticket

    def _triage_person(self, ticket: TicketRow) -> str:
        if ticket.community_code is None:
            return self.config.district.task_force.head.code
        return self.config.community(ticket.community_code)[1].party_org.head.code

    def handler_name(self, ticket: TicketRow) -> str:
        """Who handles the ticket, in words for the resident."""
        if ticket.grid_code is None or ticket.status == lifecycle.Status.TRIAGE:
            if ticket.community_code is None:
                return escape(self.config.district.task_force.name)
            community = self.config.community(ticket.community_code)[1]
            return texts.HANDLER_TRIAGE.format(community=escape(community.name))
        _, _, grid = self.config.grid(ticket.grid_code)
        if ticket.level == Level.GRID_WORKER:
            return texts.HANDLER_GRID.format(
                grid=escape(grid.name), worker=escape(grid.workers[0].name)
            )
        return texts.LEVEL_NAMES[ticket.level]

    async def accept(self, ticket: TicketRow, actor: str) -> None:
        tag = await self._record(lifecycle.accept(ticket, now=self.clock.now(), actor=actor))
        who = self.handler_name(ticket)
        await self.notify.reporter(
            ticket, texts.REPORTER_ACCEPTED.format(number=ticket.number, who=who), tag
        )

    async def resolve(
        self, ticket: TicketRow, actor: str, note: str, photos: list[str] | None = None
    ) -> None:
        event = lifecycle.resolve(ticket, now=self.clock.now(), actor=actor, note=note)
        if photos:
            event.data = {**event.data, "photos": photos}
        tag = await self._record(event)
        await self.notify.rating_request(ticket, tag)
        await self.notify.first_receiver(ticket, texts.STATUS_NAMES["resolved"], tag)

    async def escalate(self, ticket: TicketRow, actor: str, reason: str) -> Level:
        """上报 one level up the ticket's chain (a triage ticket is held by its community)."""
        now = self.clock.now()
        from_level = Level(ticket.level)
        chain = ticket_chain(self.config, ticket)
        held_at = max(ticket.level, chain[0][0])
        if ticket.status == lifecycle.Status.TRIAGE:
            held_at = max(held_at, Level.COMMUNITY)  # the triage queue is the community's
        above = [(level, code) for level, code in chain if level > held_at]
        if not above:
            raise lifecycle.TicketError(ticket, "escalate", "already at the top level")
        target_level, target = above[0]
        deadlines = self.deadlines(ticket, now)
        event = lifecycle.escalate(
            ticket,
            now=now,
            actor=actor,
            assignee_code=target,
            accept_due=deadlines.accept_due,
            resolve_due=deadlines.resolve_due,
            reason=reason,
            to_level=target_level,
        )
        tag = await self._record(event)
        await self.notify.escalated(ticket, from_level, Level(ticket.level), reason, tag)
        return Level(ticket.level)

    async def reject(self, ticket: TicketRow, actor: str, reason: str) -> None:
        tag = await self._record(
            lifecycle.reject(ticket, now=self.clock.now(), actor=actor, reason=reason)
        )
        await self.notify.reporter(
            ticket,
            texts.REPORTER_REJECTED.format(number=ticket.number, reason=escape(clip(reason, 3000))),
            tag,
        )
        await self.notify.first_receiver(ticket, texts.STATUS_NAMES["rejected"], tag)

    async def route_to(
        self,
        ticket: TicketRow,
        actor: str,
        grid_code: str | None = None,
        category_code: str | None = None,
    ) -> None:
        """Triage assignment or 转派: new grid and/or category, card to the new assignee."""
        now = self.clock.now()
        if ticket.status == lifecycle.Status.TRIAGE and grid_code is None:
            await self._recategorise_triage(ticket, actor, category_code)
            return
        community_code = self.config.grid(grid_code)[1].code if grid_code else None
        probe = TicketRow(
            grid_code=grid_code or ticket.grid_code,
            community_code=community_code or ticket.community_code,
            category_code=category_code or ticket.category_code,
            urgent=ticket.urgent,
        )
        deadlines = self.deadlines(probe, now)
        _, target = entry_point(self.config, probe)
        triage = ticket.status == lifecycle.Status.TRIAGE
        change = lifecycle.assign if triage else lifecycle.transfer
        event = change(
            ticket,
            now=now,
            actor=actor,
            assignee_code=target,
            accept_due=deadlines.accept_due,
            resolve_due=deadlines.resolve_due,
            grid_code=grid_code,
            community_code=community_code,
            category_code=category_code,
        )
        tag = await self._record(event)
        badge = texts.CARD_BADGE_NEW if change is lifecycle.assign else texts.CARD_BADGE_TRANSFERRED
        await self.notify.card(ticket, target, badge, tag)
        await self.notify.reporter(
            ticket,
            texts.REPORTER_TRANSFERRED.format(
                number=ticket.number, handler=self.handler_name(ticket)
            ),
            tag,
        )

    async def _recategorise_triage(
        self, ticket: TicketRow, actor: str, category_code: str | None
    ) -> None:
        """A triage ticket keeps waiting for its grid; only the category changes."""
        if category_code is None or category_code == ticket.category_code:
            return
        event = lifecycle.record(
            ticket,
            now=self.clock.now(),
            actor=actor,
            action="recategorised",
            data={"category_code": [ticket.category_code, category_code]},
        )
        ticket.category_code = category_code
        tag = await self._record(event)
        await self.notify.triage_card(ticket, self._triage_person(ticket), tag)

    async def whistle(self, ticket: TicketRow, actor: str, department: str) -> None:
        """吹哨报到: record the summons of a functional department."""
        event = lifecycle.record(
            ticket,
            now=self.clock.now(),
            actor=actor,
            action="whistle",
            note=department,
            data={"department": department},
        )
        await self._record(event)

    async def rate(self, ticket: TicketRow, score: str) -> None:
        """群众评单: 满意/基本满意 close; 不满意 reopens one level up."""
        now = self.clock.now()
        self.uow.session.add(RatingRow(ticket_id=ticket.id, score=score, at=now))
        if score != lifecycle.Rating.UNSATISFIED:
            tag = await self._record(lifecycle.close(ticket, now=now, rating=score))
            await self.notify.reporter(
                ticket, texts.REPORTER_CLOSED.format(number=ticket.number), tag
            )
            await self.notify.first_receiver(ticket, texts.STATUS_NAMES["closed"], tag)
            return
        level = min(ticket.level + 1, lifecycle.TOP_LEVEL)
        target_level, target = person_at_level(self.config, ticket, level)
        deadlines = self.deadlines(ticket, now)
        event = lifecycle.reopen(
            ticket,
            now=now,
            assignee_code=target,
            accept_due=deadlines.accept_due,
            resolve_due=deadlines.resolve_due,
            to_level=target_level,
        )
        tag = await self._record(event)
        await self.notify.card(
            ticket,
            target,
            texts.CARD_BADGE_ESCALATED,
            tag,
            texts.REPORTER_REOPENED.format(
                number=ticket.number, level=texts.LEVEL_NAMES[ticket.level]
            ),
        )
        await self.notify.first_receiver(ticket, texts.STATUS_NAMES["assigned"], tag)
        await self.notify.reporter(
            ticket,
            texts.REPORTER_REOPENED.format(
                number=ticket.number, level=texts.LEVEL_NAMES[ticket.level]
            ),
            tag,
        )

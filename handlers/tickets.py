"""Ticket application services: filing and the staff actions, each with its notifications."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from handlers import texts
from handlers.card_desk import refresh_cards
from handlers.context import clip, escape
from handlers.conversation import Draft, Reporter
from handlers.notify import Notifier
from handlers.org import entry_point, people, person_at_level, ticket_chain
from handlers.service_levels import local_date
from handlers.transfers import reason_line, rebuilt_building, sent_by
from handlers.triage import queue_holder, street_named, street_of
from handlers.whistle import liaison_card, report_due
from models import lifecycle
from models.clock import Clock
from models.config.schema import Department, GridDeskConfig, Level
from models.escalation import moved_deadlines
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

    async def file(self, draft: Draft, reporter: Reporter) -> TicketRow:
        """Store a confirmed complaint, route it, and notify whoever must act."""
        now = self.clock.now()
        district = self.config.district
        day = local_day(now, district.timezone)
        location = draft.location
        ticket = TicketRow(
            number=provisional_number(district.ticket_prefix, day),
            original_text=draft.text,
            normalized_text=draft.normalized,
            script=draft.script,
            category_code=draft.category,
            community_code=draft.community,
            grid_code=draft.grid,
            building=draft.building,
            address_text=draft.address_text,
            urgent=draft.urgent,
            urgent_frame=draft.urgent_frame if draft.urgent else None,
            confidence=draft.confidence,
            keywords=list(draft.keywords),
            photo_file_ids=list(draft.photos),
            latitude=location[0] if location else None,
            longitude=location[1] if location else None,
            reporter_user_id=reporter.user_id,
            reporter_chat_id=reporter.chat_id,
            reporter_name=draft.contact_name,
            reporter_phone=draft.phone,
            updated_at=now,
        )
        ticket.street_code = self._street(ticket)
        deadlines = self.deadlines(ticket, now)
        triage = ticket.grid_code is None or draft.needs_review
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

    def _street(self, ticket: TicketRow) -> str | None:
        if ticket.community_code:
            return self.config.community(ticket.community_code)[0].code
        location = None
        if ticket.latitude is not None and ticket.longitude is not None:
            location = (ticket.latitude, ticket.longitude)
        return street_of(self.config, (ticket.original_text, ticket.address_text), location)

    def _triage_person(self, ticket: TicketRow) -> str:
        return queue_holder(self.config, ticket)

    def handler_name(self, ticket: TicketRow) -> str:
        """Who handles the ticket, in words for the resident."""
        if ticket.grid_code is None or ticket.status == lifecycle.Status.TRIAGE:
            street = street_named(self.config, ticket.street_code)
            if ticket.community_code is None and street is not None:
                return texts.HANDLER_STREET_TRIAGE.format(street=escape(street.name))
            if ticket.community_code is None:
                return texts.HANDLER_DISTRICT_TRIAGE.format(
                    unit=escape(self.config.district.task_force.name))
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
        due = local_date(self.config, ticket.resolve_due_at or self.clock.now())
        await self.notify.reporter(
            ticket, texts.REPORTER_ACCEPTED.format(number=ticket.number, who=who, due=due), tag
        )
        await refresh_cards(self.notify, ticket, tag)

    async def resolve(
        self, ticket: TicketRow, actor: str, note: str, photos: list[str] | None = None
    ) -> None:
        """办结 with the result (and its photos, which the resident sees with it)."""
        event = lifecycle.resolve(ticket, now=self.clock.now(), actor=actor, note=note)
        await self._resolved(ticket, event, photos)

    async def hand_in(
        self, ticket: TicketRow, actor: str, note: str, photos: list[str] | None = None
    ) -> None:
        """A result from the level the case was escalated away from automatically."""
        holder = ticket.assignee_code
        event = lifecycle.hand_in(ticket, now=self.clock.now(), actor=actor, note=note)
        tag = await self._resolved(ticket, event, photos)
        if holder and holder != actor:
            text = texts.HANDED_IN.format(number=ticket.number, note=escape(clip(note, 1500)))
            await self.notify.staff_text(holder, text, f"{ticket.number}:{tag}:{holder}", ticket)

    async def _resolved(
        self, ticket: TicketRow, event: TicketEventRow, photos: list[str] | None
    ) -> str:
        if photos:
            event.data = {**event.data, "photos": list(photos)}
        tag = await self._record(event)
        await self.notify.rating_request(ticket, tag, tuple(photos or ()))
        await self.notify.first_receiver(ticket, texts.STATUS_NAMES["resolved"], tag)
        await refresh_cards(self.notify, ticket, tag)
        return tag

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
        deadlines = moved_deadlines(self.config, ticket, now)
        event = lifecycle.escalate(
            ticket,
            now=now,
            actor=actor,
            assignee_code=target,
            accept_due=deadlines.accept_due,
            resolve_due=deadlines.resolve_due,
            level_due=deadlines.level_due,
            reason=reason,
            to_level=target_level,
        )
        tag = await self._record(event)
        await self.notify.escalated(ticket, from_level, Level(ticket.level), reason, tag)
        await refresh_cards(self.notify, ticket, tag)
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
        await refresh_cards(self.notify, ticket, tag)

    async def route_to(
        self,
        ticket: TicketRow,
        actor: str,
        grid_code: str | None = None,
        category_code: str | None = None,
    ) -> None:
        """Triage assignment or 转派 to another grid, card to the new assignee; a category
        correction alone keeps the ticket where it is (its cards are updated in place)."""
        now = self.clock.now()
        triage = ticket.status == lifecycle.Status.TRIAGE
        if grid_code is None or (grid_code == ticket.grid_code and not triage):
            await self._recategorise(ticket, actor, category_code)
            return
        community_code = self.config.grid(grid_code)[1].code
        building = rebuilt_building(self.config, ticket, grid_code)
        probe = TicketRow(grid_code=grid_code, community_code=community_code)
        deadlines = moved_deadlines(self.config, ticket, now, category_code)
        _, target = entry_point(self.config, probe)
        change = lifecycle.assign if triage else lifecycle.transfer
        before = ticket.building
        event = change(
            ticket,
            now=now,
            actor=actor,
            assignee_code=target,
            accept_due=deadlines.accept_due,
            resolve_due=deadlines.resolve_due,
            level_due=deadlines.level_due,
            grid_code=grid_code,
            community_code=community_code,
            category_code=category_code,
        )
        if building != before:
            ticket.building = building
            event.data = {**event.data, "building": [before, building]}
        tag = await self._record(event)
        badge = texts.CARD_BADGE_NEW if triage else texts.CARD_BADGE_TRANSFERRED
        await self.notify.card(ticket, target, badge, tag, sent_by(self.config, actor))
        await self.notify.reporter(
            ticket,
            texts.REPORTER_TRANSFERRED.format(
                number=ticket.number, handler=self.handler_name(ticket)
            ),
            tag,
        )
        await refresh_cards(self.notify, ticket, tag)

    async def _recategorise(self, ticket: TicketRow, actor: str, category_code: str | None) -> None:
        """Only the category changes: the resolve deadline is counted again from filing in
        the new category's service level; nobody gets a second card, the resident no 已转由."""
        if category_code is None or category_code == ticket.category_code:
            return
        event = lifecycle.record(
            ticket,
            now=self.clock.now(),
            actor=actor,
            action="recategorised",
            data={"category_code": [ticket.category_code, category_code]},
        )
        deadlines = moved_deadlines(self.config, ticket, self.clock.now(), category_code)
        ticket.category_code = category_code
        ticket.resolve_due_at = deadlines.resolve_due
        tag = await self._record(event)
        await refresh_cards(self.notify, ticket, tag)

    async def set_grid(self, ticket: TicketRow, actor: str, grid_code: str) -> None:
        """A level above the grid that holds a case without one records its grid (the case
        stays with that level)."""
        _, community, _ = self.config.grid(grid_code)
        building = rebuilt_building(self.config, ticket, grid_code)
        data = {
            "grid_code": [ticket.grid_code, grid_code],
            "community_code": [ticket.community_code, community.code],
            "building": [ticket.building, building],
        }
        event = lifecycle.record(
            ticket,
            now=self.clock.now(),
            actor=actor,
            action="grid_set",
            note=self.config.grid(grid_code)[2].name,
            data=data,
        )
        ticket.grid_code, ticket.community_code, ticket.building = (
            grid_code,
            community.code,
            building,
        )
        tag = await self._record(event)
        await refresh_cards(self.notify, ticket, tag)

    async def transfer_reason(self, ticket: TicketRow, actor: str, reason: str) -> None:
        """Why the case was transferred, told after the transfer to whoever holds it now."""
        event = lifecycle.record(
            ticket, now=self.clock.now(), actor=actor, action="transfer_note", note=reason
        )
        tag = await self._record(event)
        if ticket.assignee_code:
            await self.notify.staff_text(
                ticket.assignee_code,
                reason_line(self.config, actor, ticket.number, reason),
                f"{ticket.number}:{tag}:{ticket.assignee_code}",
                ticket,
            )
        await refresh_cards(self.notify, ticket, tag)

    async def whistle(self, ticket: TicketRow, actor: str, department: str) -> Department:
        """吹哨报到: summon a functional department (its liaison gets a card with the
        报到时限), tell the resident, put it on the ticket's timeline."""
        now = self.clock.now()
        unit = self.config.district.department(department)
        due = report_due(self.config, ticket, unit, now)
        liaison = unit.liaison.code if unit.liaison else None
        event = lifecycle.record(
            ticket,
            now=now,
            actor=actor,
            action="whistle",
            note=department,
            data={"department": department, "report_due": due.isoformat(), "liaison": liaison},
        )
        tag = await self._record(event)
        await liaison_card(self.notify, ticket, unit, due, actor, tag)
        await self.notify.reporter(
            ticket,
            texts.REPORTER_WHISTLE.format(
                number=ticket.number,
                department=escape(department),
                due=local_date(self.config, due),
            ),
            tag,
        )
        await refresh_cards(self.notify, ticket, tag)
        return unit

    async def rate(self, ticket: TicketRow, score: str, reason: str | None = None) -> None:
        """群众评单: 满意/基本满意 close; 不满意 reopens one level up with its reason."""
        now = self.clock.now()
        self.uow.session.add(RatingRow(ticket_id=ticket.id, score=score, at=now, comment=reason))
        if score != lifecycle.Rating.UNSATISFIED:
            tag = await self._record(lifecycle.close(ticket, now=now, rating=score))
            await self.notify.reporter(
                ticket, texts.REPORTER_CLOSED.format(number=ticket.number), tag, answer=True
            )
            await self._closed_to_first_receiver(ticket, texts.RATING_LABELS.get(score, score),
                                                 tag)
            await refresh_cards(self.notify, ticket, tag)
            return
        result = ticket.result_note or "—"
        reason = reason or texts.UNRATED_REASON
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
            reason=reason,
        )
        tag = await self._record(event)
        level_name = texts.LEVEL_NAMES[ticket.level]
        await self.notify.card_or_note(
            ticket, target, tag, texts.REOPENED_CARD_NOTE.format(reason=reason, result=result))
        told = texts.FIRST_RECEIVER_REOPENED.format(
            number=ticket.number, reason=escape(clip(reason, 500)), level=level_name)
        await self.notify.first_receiver(ticket, "", tag, text=told)
        await self.notify.reporter(
            ticket,
            texts.REPORTER_REOPENED.format(number=ticket.number, level=level_name),
            tag,
            answer=True,
        )
        await refresh_cards(self.notify, ticket, tag)

    async def close_unrated(self, ticket: TicketRow, actor: str = "system") -> str:
        """A resolved case nobody rated is closed as 未评价 (no rating row: nobody judged it)."""
        event = lifecycle.close(ticket, now=self.clock.now(), rating=None, actor=actor,
                                comment=texts.UNRATED)
        tag = await self._record(event)
        await self._closed_to_first_receiver(ticket, texts.UNRATED, tag)
        await refresh_cards(self.notify, ticket, tag)
        return tag

    async def _closed_to_first_receiver(self, ticket: TicketRow, score: str, tag: str) -> None:
        text = texts.FIRST_RECEIVER_CLOSED.format(number=ticket.number, score=score)
        await self.notify.first_receiver(ticket, "", tag, text=text)

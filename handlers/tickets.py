"""Ticket application services: filing and the staff actions, each with its notifications."""

from __future__ import annotations

from datetime import datetime

from handlers import texts
from handlers.conversation import Draft, Reporter
from handlers.notifications import handler_name, publish
from handlers.notify import Notifier
from handlers.org import Member, OrgDirectory
from handlers.transfers import rebuilt_building
from handlers.triage import street_of
from handlers.whistle import report_due
from models import domain_events as ev
from models import lifecycle
from models.clock import Clock
from models.config.schema import Department, GridDeskConfig, Level
from models.escalation import (
    REASONS,
    REMINDER_ACTION,
    SYSTEM_ACTOR,
    TOP_OVERDUE_ACTION,
    Escalation,
    Overdue,
    Reminder,
    Stage,
    TopLevelOverdue,
    moved_deadlines,
)
from models.numbering import local_day, provisional_number
from models.orm import TicketEventRow, TicketRow
from models.sla import Deadlines, compute_deadlines
from models.uow import UnitOfWork

NOTE_ACTION = "note"


class TicketService:
    """Domain commands run inside the caller's unit of work."""

    def __init__(self, uow: UnitOfWork, clock: Clock, config: GridDeskConfig,
                 via: str | None = None) -> None:
        self.uow = uow
        self.clock = clock
        self.config = config
        self.via = via  # the client an action came through when not the chat (e.g. "console")
        self.notify = Notifier(uow, clock, config)
        self.org = OrgDirectory(uow)

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
        if self.via is not None:
            event.data = {**(event.data or {}), "via": self.via}
        self.uow.events.add(event)
        await self.uow.flush()
        return f"e{event.id}"

    async def get(self, ticket_id: int, for_update: bool = False) -> TicketRow | None:
        return await self.uow.tickets.get(ticket_id, for_update)

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
            attachments=list(draft.photos),
            media_url=draft.media_url,
            latitude=location[0] if location else None,
            longitude=location[1] if location else None,
            reporter_channel=reporter.channel,
            reporter_user_id=reporter.user_id,
            reporter_chat_id=reporter.chat_id,
            reporter_name=draft.contact_name,
            reporter_phone=draft.phone,
            source=reporter.source,
            filed_by=reporter.filed_by,
            follow_token=reporter.follow_token,
            updated_at=now,
        )
        ticket.street_code = self._street(ticket)
        deadlines = self.deadlines(ticket, now)
        triage = ticket.grid_code is None or draft.needs_review
        if triage:
            entry = await self.queue_holder(ticket)
        else:
            entry = (await self.org.chain(ticket))[0][1].code  # the grid's first active worker
        event = lifecycle.create(
            ticket,
            now=now,
            assignee_code=None if triage else entry,
            accept_due=deadlines.accept_due,
            resolve_due=deadlines.resolve_due,
        )
        self.uow.tickets.add(ticket)
        tag = await self._record(event)
        # PostgreSQL: the number is taken at COMMIT, the cards carry the provisional one till
        # then. SQLite: the day's counter stays locked from here until commit, so only the
        # cards and the commit come after it (docs/performance.md, "Number at commit").
        await self.uow.tickets.number(ticket, district.ticket_prefix, day)
        if ticket.urgent:
            await self.notify.whole_chain(ticket, tag)
        elif triage:
            await self.notify.triage_card(ticket, entry, tag)
        else:
            await self.notify.card(ticket, entry, texts.CARD_BADGE_NEW, tag)
        return ticket

    def _street(self, ticket: TicketRow) -> str | None:
        if ticket.community_code:
            return self.config.community(ticket.community_code)[0].code
        location = None
        if ticket.latitude is not None and ticket.longitude is not None:
            location = (ticket.latitude, ticket.longitude)
        return street_of(self.config, (ticket.original_text, ticket.address_text), location)

    async def queue_holder(self, ticket: TicketRow) -> str:
        """Who holds a triage ticket's queue: the lowest level of its chain."""
        holder = await self.org.holder(ticket)
        if holder is None:
            raise LookupError("no organisation loaded (griddesk config load)")
        return holder

    def handler_name(self, ticket: TicketRow) -> str:
        """Who handles the ticket, in words for the resident."""
        return handler_name(self.config, ticket)

    async def _announce(self, event: ev.TicketEvent) -> None:
        """Record a domain event; its notifications are written now, in this transaction."""
        self.uow.announce(event)
        await publish(self.uow, self.notify)

    async def accept(self, ticket: TicketRow, actor: str) -> None:
        tag = await self._record(lifecycle.accept(ticket, now=self.clock.now(), actor=actor))
        await self._announce(ev.Accepted(ticket, tag))

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
            await self._announce(ev.HandedIn(ticket, tag, holder, note))

    async def _resolved(
        self, ticket: TicketRow, event: TicketEventRow, photos: list[str] | None
    ) -> str:
        if photos:
            event.data = {**event.data, "photos": list(photos)}
        tag = await self._record(event)
        await self._announce(ev.Resolved(ticket, tag, tuple(photos or ())))
        return tag

    async def escalate(self, ticket: TicketRow, actor: str, reason: str) -> Level:
        """上报 by hand: to the next active person above whoever holds the ticket."""
        target = await self.org.above(ticket, await self.org.held_level(ticket))
        if target is None:
            raise lifecycle.TicketError(ticket, "escalate", "already at the top level")
        await self._move_up(ticket, actor, reason, target)
        return Level(ticket.level)

    async def escalate_overdue(self, overdue: Overdue) -> Escalation | TopLevelOverdue | None:
        """A breached deadline found by the sweeper: up to the next active person above the
        ticket's level; at the top, the daily reminder when it is due."""
        ticket = overdue.ticket
        target = await self.org.above(ticket, ticket.level)
        if target is None:
            return await self._top_level_overdue(overdue) if overdue.top_reminder_due else None
        from_level = Level(ticket.level)
        breach = {"breach": str(overdue.breach), "due": overdue.due.isoformat()}
        reason = REASONS[overdue.breach]
        event = await self._move_up(ticket, SYSTEM_ACTOR, reason, target, breach)
        return Escalation(ticket.number, from_level, target[0], target[1].code, overdue.breach,
                          event.id)

    async def _move_up(self, ticket: TicketRow, actor: str, reason: str, target: Member,
                       data: dict[str, str] | None = None) -> TicketEventRow:
        """The one escalation transition: the new level's own acceptance window from now, the
        filing's resolve deadline; the card to the new level, word to the others."""
        now = self.clock.now()
        from_level = Level(ticket.level)
        to_level, person = target
        deadlines = moved_deadlines(self.config, ticket, now)
        event = lifecycle.escalate(
            ticket,
            now=now,
            actor=actor,
            assignee_code=person.code,
            accept_due=deadlines.accept_due,
            resolve_due=deadlines.resolve_due,
            level_due=deadlines.level_due,
            reason=reason,
            to_level=to_level,
        )
        event.data = {**event.data, **(data or {})}
        tag = await self._record(event)
        await self._announce(ev.Escalated(ticket, tag, from_level, to_level, reason))
        return event

    async def _top_level_overdue(self, overdue: Overdue) -> TopLevelOverdue:
        """Overdue at the district, the top level: a reminder a day to whoever holds it."""
        ticket, kind, due = overdue.ticket, overdue.breach, overdue.due
        ticket.reminded_at = self.clock.now()
        event = lifecycle.record(
            ticket, now=self.clock.now(), actor=SYSTEM_ACTOR, action=TOP_OVERDUE_ACTION,
            note=REASONS[kind], data={"kind": str(kind), "due": due.isoformat()},
        )
        tag = await self._record(event)
        await self._announce(ev.OverdueAtTop(ticket, tag, due))
        return TopLevelOverdue(ticket.number, kind, due, event.id)

    async def remind(self, stage: Stage) -> Reminder:
        """75% of the current stage's deadline has passed: remind whoever holds the ticket."""
        ticket, kind, due = stage.ticket, stage.kind, stage.due
        recipient = ticket.assignee_code or await self.org.holder(ticket)
        ticket.reminded_at = self.clock.now()
        event = lifecycle.record(
            ticket, now=self.clock.now(), actor=SYSTEM_ACTOR, action=REMINDER_ACTION, note=None,
            data={"kind": str(kind), "due": due.isoformat(), "recipient": recipient},
        )
        tag = await self._record(event)
        await self._announce(ev.Reminded(ticket, tag, str(kind), due, recipient))
        return Reminder(ticket.number, kind, due, recipient, event.id)

    async def reject(self, ticket: TicketRow, actor: str, reason: str) -> None:
        tag = await self._record(
            lifecycle.reject(ticket, now=self.clock.now(), actor=actor, reason=reason)
        )
        await self._announce(ev.Rejected(ticket, tag, reason))

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
        deadlines = moved_deadlines(self.config, ticket, now, category_code)
        chain = await self.org.chain_at(grid_code, community_code, ticket.street_code)
        target = chain[0][1].code
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
        self._move_street(ticket, event)
        tag = await self._record(event)
        await self._announce(ev.Routed(ticket, tag, target, triage, actor))

    def _move_street(self, ticket: TicketRow, event: TicketEventRow) -> None:
        """A ticket moved to a community of another street belongs to that street now (its
        scope: the old street's officials no longer see it)."""
        street = self._street(ticket)
        if street != ticket.street_code:
            event.data = {**event.data, "street_code": [ticket.street_code, street]}
            ticket.street_code = street

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
        await self._announce(ev.Changed(ticket, tag))

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
        self._move_street(ticket, event)
        tag = await self._record(event)
        await self._announce(ev.Changed(ticket, tag))

    async def transfer_reason(self, ticket: TicketRow, actor: str, reason: str) -> None:
        """Why the case was transferred, told after the transfer to whoever holds it now."""
        event = lifecycle.record(
            ticket, now=self.clock.now(), actor=actor, action="transfer_note", note=reason
        )
        tag = await self._record(event)
        await self._announce(ev.TransferNoted(ticket, tag, actor, reason))

    async def note(self, ticket: TicketRow, actor: str, text: str) -> None:
        """An internal note on the timeline (the console's 备注): staff read it, nobody is told."""
        await self._record(lifecycle.record(ticket, now=self.clock.now(), actor=actor,
                                            action=NOTE_ACTION, note=text))

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
        await self._announce(ev.Whistled(ticket, tag, unit, due, actor))
        return unit

    async def rate(self, ticket: TicketRow, score: str, reason: str | None = None,
                   via: str = "chat") -> None:
        """群众评单: 满意/基本满意 close; 不满意 reopens one level up with its reason. `via`:
        "phone" when the worker records what the resident said on a call-back (电话回访)."""
        now = self.clock.now()
        await self.uow.tickets.add_rating(ticket, score, reason, now, via=via)
        if score != lifecycle.Rating.UNSATISFIED:
            tag = await self._record(lifecycle.close(ticket, now=now, rating=score))
            await self._announce(ev.Closed(ticket, tag, texts.RATING_LABELS.get(score, score),
                                           rated=True))
            return
        result = ticket.result_note or "—"
        reason = reason or texts.UNRATED_REASON
        member = await self.org.at_or_above(ticket, min(ticket.level + 1, lifecycle.TOP_LEVEL))
        if member is None:
            raise lifecycle.TicketError(ticket, "reopen", "nobody in its chain")
        deadlines = self.deadlines(ticket, now)
        event = lifecycle.reopen(
            ticket,
            now=now,
            assignee_code=member[1].code,
            accept_due=deadlines.accept_due,
            resolve_due=deadlines.resolve_due,
            to_level=member[0],
            reason=reason,
        )
        tag = await self._record(event)
        await self._announce(ev.Reopened(ticket, tag, member[1].code, reason, result))

    async def close_unrated(
        self, ticket: TicketRow, actor: str = "system", after_days: int | None = None
    ) -> str:
        """A resolved case nobody rated is closed as 未评价 (no rating row: nobody judged it);
        `after_days`: closed by the sweeper after so many days, which the resident is told."""
        event = lifecycle.close(ticket, now=self.clock.now(), rating=None, actor=actor,
                                comment=texts.UNRATED)
        tag = await self._record(event)
        await self._announce(ev.Closed(ticket, tag, texts.UNRATED, rated=False,
                                       auto_after_days=after_days))
        return tag

"""`griddesk simulate --bulk`: a city's worth of history, fast.

The event-by-event simulator (`bot.demo.simulate`) runs every complaint through the router and
the ticket service at about 8 ms a ticket; a million would take two days. This one composes the
same kind of complaints (`bot.demo.simulate_texts`, the same category, grid and building
weights), lives each ticket's whole life at once through the pure lifecycle transitions
(`models.lifecycle`, deadlines from `models.sla`) — triage, acceptance, missed deadlines
escalated by the sweeper, escalations by hand, rejections, resolution, ratings, reopening — and
writes tickets, events and ratings in large batches (`models.repos.bulk`). What would happen
after the end of the history does not: recent tickets stay open, some of them overdue.

Nothing is queued for delivery. One seeded `random.Random` draws everything in a fixed order.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import random
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.demo import simulate_texts as st
from bot.demo.simulate import (
    CATEGORY_WEIGHTS,
    HARD,
    HOUR_WEIGHTS,
    RESIDENT_ID_BASE,
    SEASONAL,
    URGENT_SHARE,
    hash_int,
)
from models import lifecycle
from models.config.schema import Category, GridDeskConfig, Level
from models.escalation import REASONS, moved_deadlines
from models.lifecycle import Status
from models.numbering import format_number
from models.orm import TELEGRAM, TicketEventRow, TicketRow
from models.search_words import search_words
from models.sla import compute_deadlines

TRIAGE_SHARE = 0.04
RATE_SHARE = 0.88


@dataclass
class BulkOptions:
    tickets: int
    days: int = 365
    seed: int = 1
    end: date | None = None  # first day after the history (default: today)
    batch: int = 20_000


@dataclass
class Batch:
    """A batch of finished lives: tickets, their events, their ratings (ticket id, score, at)."""

    tickets: list[TicketRow] = field(default_factory=list)
    events: list[TicketEventRow] = field(default_factory=list)
    ratings: list[tuple[int, str, datetime]] = field(default_factory=list)


@dataclass
class BulkStats:
    tickets: int = 0
    events: int = 0
    ratings: int = 0
    open: int = 0
    escalations: int = 0
    reopened: int = 0
    rejected: int = 0
    seconds: float = 0.0

    def add(self, batch: Batch) -> None:
        self.tickets += len(batch.tickets)
        self.events += len(batch.events)
        self.ratings += len(batch.ratings)
        self.open += sum(t.status in lifecycle.OPEN for t in batch.tickets)
        self.escalations += sum(e.action == lifecycle.Action.ESCALATE for e in batch.events)
        self.reopened += sum(e.action == lifecycle.Action.REOPEN for e in batch.events)
        self.rejected += sum(t.status == Status.REJECTED for t in batch.tickets)

    def lines(self) -> list[str]:
        rate = self.tickets / self.seconds if self.seconds else 0.0
        return [
            f"工单 {self.tickets} 件（仍在办理 {self.open} 件），事件 {self.events} 条，"
            f"评价 {self.ratings} 条",
            f"上报 {self.escalations} 次，不满意重新办理 {self.reopened} 次，"
            f"驳回 {self.rejected} 件",
            f"批量写入用时 {self.seconds:.1f} 秒（每秒 {rate:.0f} 件）",
        ]


async def ahead(batches: Iterator[Batch]) -> AsyncIterator[Batch]:
    """Compose the next batch in a thread while the caller writes this one (the database's
    work overlaps the composing)."""
    coming = asyncio.ensure_future(asyncio.to_thread(next, batches, None))
    while (batch := await coming) is not None:
        coming = asyncio.ensure_future(asyncio.to_thread(next, batches, None))
        yield batch


class Stop(Exception):
    """The next step of a life would fall after the end of the history."""


class BulkHistory:
    """Composes tickets day by day; `batches` yields them with their whole lives."""

    def __init__(self, config: GridDeskConfig, options: BulkOptions, first_id: int,
                 counters: dict[date, int]) -> None:
        self.config, self.options = config, options
        self.rng = random.Random(options.seed)
        self.tz = ZoneInfo(config.district.timezone)
        self.next_id = first_id
        self.counters = counters  # last sequence number used per local day
        places = list(config.district.grids())
        self.grids = [grid.code for _, _, grid in places]
        self.grid_weights = [max(grid.households, 60) for _, _, grid in places]
        self.places = {grid.code: (street, community, grid) for street, community, grid in places}
        self.speed = {code: self.rng.choice([0.7, 0.85, 1.0, 1.0, 1.2, 1.6]) for code in self.grids}
        self.categories: dict[str, Category] = {c.code: c for c in config.taxonomy.categories}
        self.codes = [code for code in CATEGORY_WEIGHTS if code in self.categories]
        end = options.end or datetime.now(self.tz).date()
        self.end_at = datetime.combine(end, time(0), tzinfo=self.tz)
        self.first_day = end - timedelta(days=options.days)

    # --- the days -----------------------------------------------------------------------

    def day_counts(self) -> list[tuple[date, int]]:
        """How many tickets each day gets: trend, weekday and season, summing to the total."""
        days = [self.first_day + timedelta(days=n) for n in range(self.options.days)]
        weights = []
        for index, day in enumerate(days):
            trend = 1.1 - 0.2 * index / len(days)
            weekday = 0.8 if day.isoweekday() >= 6 else 1.08
            season = 1 + 0.12 * math.sin(2 * math.pi * (day.timetuple().tm_yday - 100) / 365)
            weights.append(trend * weekday * season * self.rng.uniform(0.9, 1.1))
        total, scale = self.options.tickets, self.options.tickets / sum(weights)
        counts, given, running = [], 0, 0.0
        for day, weight in zip(days, weights, strict=True):
            running += weight * scale
            count = min(round(running), total) - given
            counts.append((day, count))
            given += count
        return counts

    def batches(self) -> Iterator[Batch]:
        batch = Batch()
        for day, count in self.day_counts():
            start = datetime.combine(day, time(0), tzinfo=self.tz)
            moments = sorted(start + timedelta(hours=hour, seconds=self.rng.randrange(3600))
                             for hour in self.rng.choices(range(24), HOUR_WEIGHTS, k=count))
            for at in moments:
                self.live(at, batch)
                if len(batch.tickets) >= self.options.batch:
                    yield batch
                    batch = Batch()
        if batch.tickets:
            yield batch

    # --- one ticket ---------------------------------------------------------------------

    def number(self, at: datetime) -> str:
        day = at.astimezone(self.tz).date()
        self.counters[day] = self.counters.get(day, 0) + 1
        return format_number(self.config.district.ticket_prefix, day, self.counters[day])

    def compose(self, at: datetime) -> tuple[TicketRow, st.Complaint]:
        month = at.astimezone(self.tz).month
        weights = [CATEGORY_WEIGHTS[c] * (1.7 if month in SEASONAL.get(c, ()) else 1)
                   for c in self.codes]
        category = self.rng.choices(self.codes, weights)[0]
        grid_code = self.rng.choices(self.grids, self.grid_weights)[0]
        grid = self.places[grid_code][2]
        building = None
        if grid.buildings is not None:
            low, high = grid.buildings
            hot = low + hash_int(grid_code) % (high - low + 1)
            building = hot if self.rng.random() < 0.15 else self.rng.randint(low, high)
        urgent = self.rng.random() < URGENT_SHARE
        complaint = st.compose(self.rng, self.config, category, grid_code, building, urgent=urgent)
        household = self.rng.randint(1, 40) if self.rng.random() < 0.7 else self.rng.randint(1, 400)
        resident = RESIDENT_ID_BASE + hash_int(f"{grid_code}:{building}:{household}")
        location = complaint.location
        ticket = TicketRow(
            id=self.next_id, number=self.number(at), reporter_user_id=resident,
            reporter_chat_id=resident, reporter_channel=TELEGRAM, anonymised=False, script="hans",
            original_text=complaint.text, normalized_text=complaint.text,
            search_words=search_words(complaint.text), unsatisfied=False,
            category_code=category, urgent=urgent, urgent_frame="紧急" if urgent else None,
            source="telegram", confidence=round(self.rng.uniform(0.55, 0.98), 2),
            keywords=[], attachments=[], building=building,
            latitude=location[0] if location else None,
            longitude=location[1] if location else None,
        )
        self.next_id += 1
        return ticket, complaint

    def live(self, filed: datetime, batch: Batch) -> None:
        ticket, complaint = self.compose(filed)
        life = Life(self, ticket, complaint, filed)
        with contextlib.suppress(Stop):
            life.run()
        batch.tickets.append(ticket)
        batch.events += life.events
        batch.ratings += life.ratings

    def holder(self, ticket: TicketRow, level: int) -> str:
        """Who holds a ticket at `level` in its grid's chain."""
        street, community, grid = self.places[ticket.grid_code or self.grids[0]]
        return {
            Level.GRID_WORKER: grid.workers[0].code,
            Level.GRID_BRANCH: grid.branch.head.code,
            Level.COMMUNITY: community.party_org.head.code,
            Level.STREET: street.committee.head.code,
        }.get(Level(level), self.config.district.task_force.head.code)


class Life:
    """One ticket from filing to its end (or to the end of the history)."""

    def __init__(self, history: BulkHistory, ticket: TicketRow, complaint: st.Complaint,
                 filed: datetime) -> None:
        self.h, self.ticket, self.complaint = history, ticket, complaint
        self.rng = history.rng
        self.at = filed
        self.speed = history.speed[complaint.grid]
        self.events: list[TicketEventRow] = []
        self.ratings: list[tuple[int, str, datetime]] = []
        self.overdue = self.rng.random() < 0.05 * self.speed
        self.escalates = self.rng.random() < (0.15 if complaint.category in HARD else 0.03)
        self.rejects = self.rng.random() < 0.03

    def minutes(self, median: float, spread: float = 0.8) -> timedelta:
        return timedelta(minutes=median * math.exp(self.rng.gauss(0, spread)))

    def at_time(self, moment: datetime, change: Callable[..., TicketEventRow],
                **args: Any) -> None:
        """Apply a lifecycle transition at `moment`, unless it falls after the history."""
        if moment >= self.h.end_at:
            raise Stop
        self.at = moment
        self.events.append(change(self.ticket, now=moment, **args))

    def run(self) -> None:
        ticket, complaint, filed = self.ticket, self.complaint, self.at
        category = self.h.categories[ticket.category_code]
        district = self.h.config.district
        due = compute_deadlines(category, self.h.config.taxonomy, district.calendar,
                                district.timezone, filed, bool(ticket.urgent))
        triage = self.rng.random() < TRIAGE_SHARE and not ticket.urgent
        if not triage:
            ticket.grid_code, ticket.community_code = complaint.grid, complaint.community
            ticket.street_code = self.h.places[complaint.grid][0].code
        assignee = None if triage else self.h.holder(ticket, 0)
        self.events.append(lifecycle.create(ticket, now=filed, assignee_code=assignee,
                                            accept_due=due.accept_due, resolve_due=due.resolve_due))
        if triage:
            self.route_by_hand()
        while True:
            self.accept_stage()
            self.work_stage()
            if not self.rated():
                return

    def route_by_hand(self) -> None:
        ticket, actor = self.ticket, self.h.config.district.task_force.head.code
        moment = self.at + self.minutes(35, 0.5)
        if self.rng.random() < 0.06:
            reason = self.rng.choice(st.REJECT_REASONS)
            self.at_time(moment, lifecycle.reject, actor=actor, reason=reason)
            raise Stop
        due = moved_deadlines(self.h.config, ticket, moment)
        grid = self.h.places[self.complaint.grid][2]
        self.at_time(moment, lifecycle.assign, actor=actor, assignee_code=grid.workers[0].code,
                     accept_due=due.accept_due, resolve_due=due.resolve_due,
                     level_due=due.level_due, grid_code=self.complaint.grid,
                     community_code=self.complaint.community)
        ticket.street_code = self.h.places[self.complaint.grid][0].code

    def escalate(self, moment: datetime, actor: str, reason: str,
                 reopen: bool = False) -> None:
        ticket = self.ticket
        level = min(ticket.level + 1, lifecycle.TOP_LEVEL)
        due = moved_deadlines(self.h.config, ticket, moment)
        holder = self.h.holder(ticket, level)
        if reopen:
            self.at_time(moment, lifecycle.reopen, assignee_code=holder,
                         accept_due=due.accept_due, resolve_due=due.resolve_due, to_level=level,
                         reason=reason)
        else:
            self.at_time(moment, lifecycle.escalate, actor=actor, assignee_code=holder,
                         accept_due=due.accept_due, resolve_due=due.resolve_due,
                         level_due=due.level_due, reason=reason)

    def accept_stage(self) -> None:
        """Accept in time, or miss the deadline and be escalated by the sweeper first."""
        ticket = self.ticket
        while True:
            if ticket.urgent:
                delay = self.minutes(4, 0.5)
            elif self.rng.random() < 0.04 * self.speed:
                delay = timedelta(hours=self.rng.uniform(2.2, 4))
            else:
                delay = self.minutes(20 * self.speed)
            moment = self.at + delay
            missed = ticket.accept_due_at is not None and moment > ticket.accept_due_at
            if missed and ticket.level < lifecycle.TOP_LEVEL:
                self.escalate(max(ticket.accept_due_at or moment, self.at), "system",
                              REASONS["accept"])
                continue
            actor = ticket.assignee_code or "system"
            if ticket.level >= Level.COMMUNITY and self.rejects:
                reason = self.rng.choice(st.REJECT_REASONS)
                self.at_time(moment, lifecycle.reject, actor=actor, reason=reason)
                raise Stop
            self.at_time(moment, lifecycle.accept, actor=actor)
            return

    def work_stage(self) -> None:
        """Resolve before the deadline, or run over it (the sweeper escalates), or hand up."""
        ticket = self.ticket
        while True:
            due = ticket.level_due_at or ticket.resolve_due_at or self.at + timedelta(days=1)
            left = max(due - self.at, timedelta(minutes=30))
            actor = ticket.assignee_code or "system"
            if self.escalates and ticket.level < lifecycle.TOP_LEVEL:
                self.escalates = False
                self.escalate(self.at + left * self.rng.uniform(0.1, 0.5), actor,
                              self.rng.choice(st.ESCALATION_REASONS))
                self.accept_stage()
                continue
            if self.overdue:
                self.overdue = False
                moment = self.at + left * self.rng.uniform(1.2, 2.5)
            else:
                moment = self.at + max(left * min(0.95, self.rng.betavariate(1.3, 4) * self.speed),
                                       timedelta(minutes=10))
            if moment > due and ticket.level < lifecycle.TOP_LEVEL:
                self.escalate(max(due, self.at), "system", REASONS["resolve"])
                self.accept_stage()
                continue
            note = st.resolution_note(self.rng, ticket.category_code)
            self.at_time(moment, lifecycle.resolve, actor=actor, note=note)
            return

    def rated(self) -> bool:
        """The resident's rating; True when an unsatisfied one reopens the ticket."""
        if self.rng.random() >= RATE_SHARE:
            return False
        ticket = self.ticket
        moment = self.at + self.minutes(240, 1.2)
        unhappy = 0.05 if ticket.reopen_count else (0.16 if ticket.level else 0.07)
        score = self.rng.choices(["satisfied", "basically", "unsatisfied"],
                                 [0.93 - unhappy - 0.2, 0.2, unhappy])[0]
        if moment >= self.h.end_at:
            raise Stop
        self.ratings.append((ticket.id, score, moment))
        ticket.unsatisfied = ticket.unsatisfied or score == lifecycle.Rating.UNSATISFIED
        if score != lifecycle.Rating.UNSATISFIED:
            self.at_time(moment, lifecycle.close, rating=score)
            return False
        if ticket.level >= lifecycle.TOP_LEVEL:  # nobody above: the system closes it unrated
            self.at_time(moment, lifecycle.close, rating=None, actor="system")
            return False
        self.escalate(moment, "resident", "居民不满意", reopen=True)
        return True

"""`griddesk simulate`: fill a database with realistic history through the real engine.

Complaints composed from templates (`bot.demo.simulate_texts`) go through the routing engine
(`nlp.router.Router`), are filed, accepted, resolved, escalated, rejected and rated through the
real `TicketService` and lifecycle, with the real escalation sweeper running every simulated hour,
on a `FixedClock` moved forward event by event. Staff act with realistic delays (slower in some
grids), a few cases run overdue and are escalated by the sweeper, residents rate most results.

Notifications are composed but not queued: simulated history must not message real chats, so the
notifier's outbox writes and button tokens are switched off. Everything is drawn from one seeded
`random.Random` in a fixed order, so a seed gives the same database every time (on an empty one).
"""

from __future__ import annotations

import heapq
import math
import random
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from tqdm import tqdm

from bot.demo import simulate_texts as st
from bot.workers.sweeper import sweep
from handlers.conversation import Draft, Reporter
from handlers.notify import Notifier
from handlers.tickets import TicketService
from handlers.types import Button
from models import lifecycle
from models.clock import FixedClock
from models.config.schema import GridDeskConfig
from models.orm import TicketEventRow, TicketRow
from models.uow import UnitOfWork
from nlp.router import Router

CATEGORY_WEIGHTS = {
    "property_service": 14,
    "sanitation": 12,
    "water_leak": 10,
    "noise": 8,
    "parking": 8,
    "utilities": 7,
    "neighbor_dispute": 6,
    "elevator": 5,
    "ev_charging": 5,
    "street_light": 4,
    "road_facility": 4,
    "fire_safety": 3,
    "greenery": 3,
    "pets": 3,
    "illegal_construction": 3,
    "public_security": 2,
    "labor_dispute": 1.5,
    "social_assistance": 1.5,
    "other": 3,
}
SEASONAL = {"utilities": (12, 1, 2), "water_leak": (6, 7, 8), "noise": (5, 6, 7, 8, 9)}
HARD = {"neighbor_dispute", "labor_dispute", "illegal_construction"}
URGENT_SHARE = 0.012
RESIDENT_ID_BASE = 7_000_000_000
FILE, STEP, SWEEP = 0, 1, 2
VACUUM_EVERY_DAYS = 10


@dataclass
class SimOptions:
    days: int
    per_day: float
    seed: int = 1
    end: date | None = None  # first day after the history (default: today)
    sweep_every: timedelta = timedelta(hours=1)
    batch: int = 2000


@dataclass
class SimStats:
    tickets: int = 0
    urgent: int = 0
    triage: int = 0
    accepted: int = 0
    resolved: int = 0
    rejected: int = 0
    manual_escalations: int = 0
    sweeper_escalations: int = 0
    reopened: int = 0
    ratings: int = 0
    whistles: int = 0
    seconds: float = 0.0

    def lines(self) -> list[str]:
        return [
            f"工单 {self.tickets} 件（紧急 {self.urgent}，进入人工分派 {self.triage}）",
            f"受理 {self.accepted} 次，办结 {self.resolved} 次，驳回 {self.rejected} 件",
            f"主动上报 {self.manual_escalations} 次，超时自动上报 {self.sweeper_escalations} 次，"
            f"不满意重新办理 {self.reopened} 次，吹哨 {self.whistles} 次",
            f"居民评价 {self.ratings} 条；用时 {self.seconds:.1f} 秒",
        ]


class QuietNotifier(Notifier):
    """Composes every notification like the real one but queues nothing."""

    async def _send(self, *args: Any, **kwargs: Any) -> None:
        return None

    async def _button(self, chat_id: int, label: str, action: str, **args: Any) -> Button:
        return Button(label, data="sim")


class SimTicketService(TicketService):
    """The real service; events are flushed in batches instead of one by one."""

    def __init__(self, uow: UnitOfWork, clock: FixedClock, config: GridDeskConfig) -> None:
        super().__init__(uow, clock, config)
        self.notify = QuietNotifier(uow, clock, config)

    async def _record(self, event: TicketEventRow) -> str:
        self.uow.events.add(event)
        return "sim"


@dataclass
class Plan:
    """What the people around one ticket will do."""

    ticket: TicketRow
    complaint: st.Complaint
    speed: float  # the grid's slowness factor (1 = typical)
    overdue: bool
    escalate: bool
    whistle: bool
    reject: bool
    rates: bool
    version: int = 0
    done: set[str] = field(default_factory=set)


class Simulator:
    def __init__(
        self,
        uow: UnitOfWork,
        clock: FixedClock,
        config: GridDeskConfig,
        router: Router,
        options: SimOptions,
    ) -> None:
        self.uow, self.clock, self.config, self.router = uow, clock, config, router
        self.options = options
        self.rng = random.Random(options.seed)
        self.service = SimTicketService(uow, clock, config)
        self.tz = ZoneInfo(config.district.timezone)
        self.stats = SimStats()
        self.queue: list[tuple[datetime, int, int, Any]] = []
        self.sequence = 0
        self.plans: dict[str, Plan] = {}
        grids = [grid for _, _, grid in config.district.grids()]
        self.grids = [grid.code for grid in grids]
        self.grid_weights = [max(grid.households, 60) for grid in grids]
        self.speed = {code: self.rng.choice([0.7, 0.85, 1.0, 1.0, 1.2, 1.6]) for code in self.grids}
        self.pending = 0

    # --- scheduling ---------------------------------------------------------------------

    def push(self, at: datetime, kind: int, payload: Any) -> None:
        self.sequence += 1
        heapq.heappush(self.queue, (at, self.sequence, kind, payload))

    def step_at(self, plan: Plan, at: datetime) -> None:
        plan.version += 1
        self.push(at, STEP, (plan.ticket.number, plan.version))

    def minutes(self, median: float, spread: float = 0.8) -> timedelta:
        return timedelta(minutes=median * math.exp(self.rng.gauss(0, spread)))

    async def run(self, progress: bool = False) -> SimStats:
        started = datetime.now()
        people = await self.uow.org.all_people(active_only=False)  # kept: identity-map hits
        end = self.options.end or datetime.now(self.tz).date()
        first = end - timedelta(days=self.options.days)
        days = [first + timedelta(days=n) for n in range(self.options.days)]
        for index, day in enumerate(
            tqdm(days, desc="模拟", unit="天", disable=not progress, file=sys.stderr)
        ):
            start = datetime.combine(day, time(0), tzinfo=self.tz)
            self.plan_day(day, start, index / max(len(days), 1))
            await self.drain(start + timedelta(days=1))
            await self.uow.commit()
            if index % VACUUM_EVERY_DAYS == VACUUM_EVERY_DAYS - 1:
                await self.vacuum()
        self.clock.set(datetime.combine(end, time(0), tzinfo=self.tz))
        del people
        self.stats.seconds = (datetime.now() - started).total_seconds()
        return self.stats

    async def vacuum(self) -> None:
        """PostgreSQL: clear the dead row versions every ticket update leaves in the status
        indexes, which the sweeper's queries would otherwise wade through (a bulk load outruns
        autovacuum, and some servers run without it)."""
        await self.uow.vacuum("tickets", "ticket_events", "ratings", "ticket_counters")

    def plan_day(self, day: date, start: datetime, elapsed: float) -> None:
        """Queue the day's complaints and sweeps; `elapsed` is the share of history behind."""
        trend = 1.1 - 0.2 * elapsed  # demand slowly falls
        weekday = 0.8 if day.isoweekday() >= 6 else 1.08  # averages 1 over a week
        season = 1 + 0.12 * math.sin(2 * math.pi * (day.timetuple().tm_yday - 100) / 365)
        mean = self.options.per_day * trend * weekday * season
        count = max(0, round(self.rng.gauss(mean, math.sqrt(max(mean, 1)))))
        for _ in range(count):
            hour = self.rng.choices(range(24), weights=HOUR_WEIGHTS)[0]
            at = start + timedelta(hours=hour, seconds=self.rng.randrange(3600))
            self.push(at, FILE, day.month)
        every = self.options.sweep_every
        at = start + every
        while at <= start + timedelta(days=1):
            self.push(at, SWEEP, None)
            at += every

    async def drain(self, until: datetime) -> None:
        while self.queue and self.queue[0][0] < until:
            at, _, kind, payload = heapq.heappop(self.queue)
            self.clock.set(at)
            if kind == FILE:
                await self.file(payload)
            elif kind == SWEEP:
                await self.sweep()
            else:
                await self.step(*payload)
            self.pending += 1
            if self.pending >= self.options.batch:
                await self.uow.commit()
                self.pending = 0

    # --- residents ----------------------------------------------------------------------

    def pick_category(self, month: int) -> str:
        codes = [code for code in CATEGORY_WEIGHTS if code in self.router.category_names]
        weights = [
            CATEGORY_WEIGHTS[code] * (1.7 if month in SEASONAL.get(code, ()) else 1)
            for code in codes
        ]
        return self.rng.choices(codes, weights=weights)[0]

    def pick_place(self) -> tuple[str, int | None]:
        grid_code = self.rng.choices(self.grids, weights=self.grid_weights)[0]
        grid = self.config.grid(grid_code)[2]
        if grid.buildings is None:
            return grid_code, None
        low, high = grid.buildings
        hot = low + (hash_int(grid_code) % (high - low + 1))  # one building complains more
        building = hot if self.rng.random() < 0.15 else self.rng.randint(low, high)
        return grid_code, building

    async def file(self, month: int) -> None:
        grid_code, building = self.pick_place()
        urgent = self.rng.random() < URGENT_SHARE
        complaint = st.compose(
            self.rng, self.config, self.pick_category(month), grid_code, building, urgent=urgent
        )
        draft = self.draft(complaint)
        household = self.rng.randint(1, 40) if self.rng.random() < 0.7 else self.rng.randint(1, 400)
        reporter = Reporter(RESIDENT_ID_BASE + hash_int(f"{grid_code}:{building}:{household}"),
                            None)
        with self.uow.no_autoflush():  # new rows are flushed in batches, not one by one
            ticket = await self.service.file(Draft.model_validate(draft), reporter)
        speed = self.speed[grid_code]
        plan = Plan(
            ticket=ticket,
            complaint=complaint,
            speed=speed,
            overdue=self.rng.random() < 0.05 * speed,
            escalate=self.rng.random() < (0.15 if complaint.category in HARD else 0.03),
            whistle=self.rng.random() < 0.12,
            reject=self.rng.random() < 0.03,
            rates=self.rng.random() < 0.88,
        )
        self.plans[ticket.number] = plan
        self.stats.tickets += 1
        self.stats.urgent += bool(ticket.urgent)
        if ticket.status == lifecycle.Status.TRIAGE:
            self.stats.triage += 1
            self.step_at(plan, self.clock.now() + self.minutes(35, 0.5))
        else:
            self.schedule_accept(plan)

    def draft(self, complaint: st.Complaint) -> dict[str, Any]:
        decision = self.router.route(complaint.text, complaint.location)
        draft: dict[str, Any] = {
            "text": complaint.text,
            "normalized": decision.normalized_text,
            "script": decision.script,
            "category": decision.category,
            "community": decision.community,
            "grid": decision.grid,
            "building": decision.building,
            "urgent": decision.urgent,
            "confidence": decision.confidence,
            "needs_review": decision.needs_review,
            "keywords": list(decision.keywords),
            "photos": [],
            "location": list(complaint.location) if complaint.location else None,
        }
        if (
            decision.grid is None
            and not decision.urgent
            and complaint.building is not None
            and self.rng.random() < 0.6
        ):
            community = self.config.community(complaint.community)[1]
            answer = f"{community.name.removesuffix('社区')}{complaint.building}号楼"
            match = self.router.resolve_address(answer, None)
            if match.community is not None:
                draft.update(
                    community=match.community,
                    grid=match.grid,
                    building=match.building,
                    address_text=answer,
                )
        return draft

    async def rate(self, plan: Plan) -> None:
        ticket = plan.ticket
        if ticket.id is None:
            await self.uow.flush()
        unhappy = 0.05 if "reopened" in plan.done else (0.16 if "late" in plan.done else 0.07)
        score = self.rng.choices(
            ["satisfied", "basically", "unsatisfied"], weights=[0.93 - unhappy - 0.2, 0.2, unhappy]
        )[0]
        await self.service.rate(ticket, score)
        plan.done.add("rated")
        self.stats.ratings += 1
        if score == "unsatisfied":
            plan.done.add("reopened")
            self.stats.reopened += 1
            self.schedule_accept(plan)
        else:
            self.plans.pop(ticket.number, None)

    # --- staff --------------------------------------------------------------------------

    def schedule_accept(self, plan: Plan) -> None:
        if plan.ticket.urgent:
            delay = self.minutes(4, 0.5)
        elif self.rng.random() < 0.04 * plan.speed:
            delay = timedelta(hours=self.rng.uniform(2.2, 4))  # missed: the sweeper escalates
        else:
            delay = self.minutes(20 * plan.speed)
        self.step_at(plan, self.clock.now() + delay)

    def schedule_work(self, plan: Plan) -> None:
        """Next step after acceptance: resolve before (or, for an overdue case, after) the due."""
        now = self.clock.now()
        due = plan.ticket.resolve_due_at or now + timedelta(days=1)
        left = max(due - now, timedelta(minutes=30))
        if plan.overdue and "late" not in plan.done:
            plan.done.add("late")
            delay = left * self.rng.uniform(1.2, 2.5)
        else:
            delay = left * min(0.95, self.rng.betavariate(1.3, 4) * plan.speed)
        self.step_at(plan, now + max(delay, timedelta(minutes=10)))

    async def step(self, number: str, version: int) -> None:
        plan = self.plans.get(number)
        if plan is None or plan.version != version:
            return
        ticket = plan.ticket
        status = ticket.status
        if status == lifecycle.Status.TRIAGE:
            await self.triage(plan)
        elif status == lifecycle.Status.ASSIGNED:
            await self.accept(plan)
        elif status == lifecycle.Status.ACCEPTED:
            await self.work(plan)
        elif status == lifecycle.Status.RESOLVED:
            await self.rate(plan)
        else:
            self.plans.pop(number, None)

    async def triage(self, plan: Plan) -> None:
        ticket, complaint = plan.ticket, plan.complaint
        actor = triage_person(self.config, ticket)
        if self.rng.random() < 0.06:
            await self.reject(plan, actor)
            return
        category = complaint.category if ticket.category_code != complaint.category else None
        await self.service.route_to(ticket, actor, grid_code=complaint.grid, category_code=category)
        self.schedule_accept(plan)

    async def accept(self, plan: Plan) -> None:
        ticket = plan.ticket
        actor = ticket.assignee_code or triage_person(self.config, ticket)
        if ticket.level >= 2 and plan.reject and "reject" not in plan.done:
            await self.reject(plan, actor)
            return
        await self.service.accept(ticket, actor)
        self.stats.accepted += 1
        self.schedule_work(plan)

    async def work(self, plan: Plan) -> None:
        ticket = plan.ticket
        actor = ticket.assignee_code or "system"
        if plan.whistle and "whistle" not in plan.done:
            plan.done.add("whistle")
            department = self.rng.choice(self.config.taxonomy.get(ticket.category_code).departments)
            await self.service.whistle(ticket, actor, department)
            self.stats.whistles += 1
            self.schedule_work(plan)
        elif plan.escalate and "escalate" not in plan.done and ticket.level < lifecycle.TOP_LEVEL:
            plan.done.add("escalate")
            await self.service.escalate(ticket, actor, self.rng.choice(st.ESCALATION_REASONS))
            self.stats.manual_escalations += 1
            self.schedule_accept(plan)
        else:
            note = st.resolution_note(self.rng, ticket.category_code)
            await self.service.resolve(ticket, actor, note)
            self.stats.resolved += 1
            if plan.rates:
                self.step_at(plan, self.clock.now() + self.minutes(240, 1.2))
            else:
                self.plans.pop(ticket.number, None)

    async def reject(self, plan: Plan, actor: str) -> None:
        plan.done.add("reject")
        await self.service.reject(plan.ticket, actor, self.rng.choice(st.REJECT_REASONS))
        self.stats.rejected += 1
        self.plans.pop(plan.ticket.number, None)

    async def sweep(self) -> None:
        limit = 500
        while True:
            result = await sweep(self.uow, self.clock, self.config, limit, self.service)
            for escalation in result.escalated:
                self.stats.sweeper_escalations += 1
                plan = self.plans.get(escalation.ticket_number)
                if plan is not None:
                    self.schedule_accept(plan)
            if result.claimed < limit:
                return


HOUR_WEIGHTS = [1, 1, 0.5, 0.5, 0.5, 1, 3, 6, 9, 10, 10, 8, 6, 6, 7, 7, 7, 6, 7, 8, 8, 6, 4, 2]


def triage_person(config: GridDeskConfig, ticket: TicketRow) -> str:
    """Who routes a ticket by hand: its community's secretary, else the district task force."""
    if ticket.community_code is None:
        return config.district.task_force.head.code
    return config.community(ticket.community_code)[1].party_org.head.code


def hash_int(text: str) -> int:
    """A stable small hash (Python's own `hash` is salted per process)."""
    value = 2166136261
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 16777619) & 0xFFFFFFFF
    return value % 1_000_000

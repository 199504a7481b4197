"""A hand-built October 2026 in 明德花园社区 (MDHY), every figure of which is worked out by hand.

Local times (Asia/Shanghai). `as_of` of the October report is 2026-11-01 00:00.

- T1 MDHY-01 b3 water_leak (1d): 10-01 00:10 filed, +30m accepted, +6h resolved, 满意.
- T2 MDHY-01 b3 water_leak: 10-10 10:00, +60m accepted, +48h resolved (late), 基本满意.
- T3 MDHY-01 b5 property_service (3d): 10-12 08:00, +10m accepted, +24h resolved, 不满意 →
  reopened to the branch, accepted 10-13 13:00, resolved 10-14 08:00 (+48h), 满意.
- T4 MDHY-02 b8 sanitation (1d): 10-15 20:00, escalated by the sweeper 22:00 to the branch,
  accepted 23:00 (+3h), escalated 10-16 09:00 to the community, accepted 10:00; still open.
- T5 MDHY-02 b9 elevator, urgent: 10-20 21:00, +5m accepted, +45m resolved, 满意.
- T6 MDHY-03 b14 noise: 10-25 23:00, rejected 10-26 09:00.
- T7 MDHY-03 b14 noise: 10-31 22:00; accepted 11-01 01:00 and resolved 03:00, after as_of.
- T8 MDHY-01 b2 water_leak: 11-01 00:30, November, not October.
- T9 SYST-01 b1 property_service: 10-08 09:00, never accepted; outside the community.

September 2026 (MDHY): water_leak 3, property 2, sanitation 4, elevator 1, noise 1 = 11.
October 2025 (MDHY): water_leak 5, property 2, noise 1 = 8.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from models import lifecycle
from models.config.schema import GridDeskConfig
from models.orm import RatingRow, TicketEventRow, TicketRow
from models.sla import compute_deadlines
from models.uow import UnitOfWork

TZ = ZoneInfo("Asia/Shanghai")
W1, B1 = "MDHY-01-W1", "MDHY-01-B"
W2, B2 = "MDHY-02-W1", "MDHY-02-B"
W3 = "MDHY-03-W1"
SEC = "MDHY-S"


def at(month: int, day: int, hour: int, minute: int = 0, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=TZ)


class _Events:
    """Adds each event to the session as soon as a transition returns it."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    def append(self, event: TicketEventRow) -> None:
        self.uow.session.add(event)


class Builder:
    """Creates tickets through the lifecycle functions, with explicit times."""

    def __init__(self, uow: UnitOfWork, config: GridDeskConfig) -> None:
        self.uow = uow
        self.config = config
        self.count = 0
        self.events = _Events(uow)
        self.ratings: list[tuple[TicketRow, str, datetime]] = []

    def _due(self, ticket: TicketRow, start: datetime) -> tuple[datetime, datetime]:
        deadlines = compute_deadlines(
            self.config.taxonomy.get(ticket.category_code),
            self.config.taxonomy,
            self.config.district.calendar,
            "Asia/Shanghai",
            start,
            bool(ticket.urgent),
        )
        return deadlines.accept_due, deadlines.resolve_due

    def ticket(
        self,
        grid: str,
        category: str,
        building: int,
        created: datetime,
        worker: str,
        urgent: bool = False,
    ) -> TicketRow:
        self.count += 1
        street, community = (unit.code for unit in self.config.grid(grid)[:2])
        ticket = TicketRow(
            number=f"TBH-T{self.count:04d}",
            original_text=f"测试诉求{self.count}",
            normalized_text=f"测试诉求{self.count}",
            category_code=category,
            community_code=community,
            street_code=street,  # as filing sets it
            grid_code=grid,
            building=building,
            urgent=urgent,
            updated_at=created,
        )
        accept_due, resolve_due = self._due(ticket, created)
        self.uow.session.add(ticket)
        self.events.append(
            lifecycle.create(
                ticket,
                now=created,
                assignee_code=worker,
                accept_due=accept_due,
                resolve_due=resolve_due,
            )
        )
        return ticket

    def accept(self, ticket: TicketRow, when: datetime, actor: str) -> None:
        self.events.append(lifecycle.accept(ticket, now=when, actor=actor))

    def resolve(self, ticket: TicketRow, when: datetime, actor: str) -> None:
        self.events.append(lifecycle.resolve(ticket, now=when, actor=actor, note="已处理"))

    def rate(self, ticket: TicketRow, when: datetime, score: str, reopen_to: str = "") -> None:
        self.ratings.append((ticket, score, when))
        if score == "unsatisfied":
            accept_due, resolve_due = self._due(ticket, when)
            self.events.append(
                lifecycle.reopen(
                    ticket,
                    now=when,
                    assignee_code=reopen_to,
                    accept_due=accept_due,
                    resolve_due=resolve_due,
                )
            )
        else:
            self.events.append(lifecycle.close(ticket, now=when, rating=score))

    def escalate(self, ticket: TicketRow, when: datetime, actor: str, to: str) -> None:
        accept_due, resolve_due = self._due(ticket, when)
        self.events.append(
            lifecycle.escalate(
                ticket,
                now=when,
                actor=actor,
                assignee_code=to,
                accept_due=accept_due,
                resolve_due=resolve_due,
                reason="测试上报",
            )
        )

    async def save(self) -> None:
        await self.uow.session.flush()
        for ticket, score, when in self.ratings:
            self.uow.session.add(RatingRow(ticket_id=ticket.id, score=score, at=when))
        await self.uow.commit()


def october(b: Builder) -> dict[str, TicketRow]:
    t: dict[str, TicketRow] = {}
    t["T1"] = x = b.ticket("MDHY-01", "water_leak", 3, at(10, 1, 0, 10), W1)
    b.accept(x, at(10, 1, 0, 40), W1)
    b.resolve(x, at(10, 1, 6, 10), W1)
    b.rate(x, at(10, 1, 9), "satisfied")

    t["T2"] = x = b.ticket("MDHY-01", "water_leak", 3, at(10, 10, 10), W1)
    b.accept(x, at(10, 10, 11), W1)
    b.resolve(x, at(10, 12, 10), W1)
    b.rate(x, at(10, 12, 12), "basically")

    t["T3"] = x = b.ticket("MDHY-01", "property_service", 5, at(10, 12, 8), W1)
    b.accept(x, at(10, 12, 8, 10), W1)
    b.resolve(x, at(10, 13, 8), W1)
    b.rate(x, at(10, 13, 12), "unsatisfied", reopen_to=B1)
    b.accept(x, at(10, 13, 13), B1)
    b.resolve(x, at(10, 14, 8), B1)
    b.rate(x, at(10, 14, 10), "satisfied")

    t["T4"] = x = b.ticket("MDHY-02", "sanitation", 8, at(10, 15, 20), W2)
    b.escalate(x, at(10, 15, 22), "system", B2)
    b.accept(x, at(10, 15, 23), B2)
    b.escalate(x, at(10, 16, 9), B2, SEC)
    b.accept(x, at(10, 16, 10), SEC)

    t["T5"] = x = b.ticket("MDHY-02", "elevator", 9, at(10, 20, 21), W2, urgent=True)
    b.accept(x, at(10, 20, 21, 5), W2)
    b.resolve(x, at(10, 20, 21, 45), W2)
    b.rate(x, at(10, 20, 22), "satisfied")

    t["T6"] = x = b.ticket("MDHY-03", "noise", 14, at(10, 25, 23), W3)
    b.events.append(lifecycle.reject(x, now=at(10, 26, 9), actor=W3, reason="不属于受理范围"))

    t["T7"] = x = b.ticket("MDHY-03", "noise", 14, at(10, 31, 22), W3)
    b.accept(x, at(11, 1, 1), W3)
    b.resolve(x, at(11, 1, 3), W3)

    t["T8"] = b.ticket("MDHY-01", "water_leak", 2, at(11, 1, 0, 30), W1)
    t["T9"] = b.ticket("SYST-01", "property_service", 1, at(10, 8, 9), "SYST-01-W1")
    return t


def other_months(b: Builder) -> None:
    september = {"water_leak": 3, "property_service": 2, "sanitation": 4, "elevator": 1, "noise": 1}
    last_year = {"water_leak": 5, "property_service": 2, "noise": 1}
    for when, counts in ((at(9, 3, 10), september), (at(10, 3, 10, year=2025), last_year)):
        n = 0
        for category, count in counts.items():
            for _ in range(count):
                b.ticket("MDHY-02", category, 10, when + timedelta(hours=n), W2)
                n += 1


async def build(uow: UnitOfWork, config: GridDeskConfig) -> dict[str, TicketRow]:
    builder = Builder(uow, config)
    tickets = october(builder)
    other_months(builder)
    await builder.save()
    return tickets

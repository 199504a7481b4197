"""民情日报告: each scope's new, open, overdue and resolved-yesterday tickets for one day.

The report of day D counts tickets created and resolved during D-1 ("yesterday", local time of
the district) and lists what is open and overdue at `as_of` (by default the end of D, or now when
that is earlier; the morning scheduler passes the moment it runs). Open and overdue at a past
instant are reconstructed from the tickets' timestamps against their current deadlines.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, Protocol, runtime_checkable
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, distinct, func, or_, select, true

from models.config.schema import Role
from models.lifecycle import Action
from models.orm import (
    AppointmentRow,
    CategoryRow,
    PersonRow,
    TicketEventRow,
    TicketRow,
)
from models.reports.coverage import scope_coverage
from models.reports.phrasing import STATUS_LABELS, percent
from models.uow import UnitOfWork

PRE_ACCEPT = ("triage", "assigned")
RECIPIENT_ROLES = (str(Role.GRID_WORKER), str(Role.COMMUNITY_SECRETARY))
LEVEL_LABELS = {0: "网格员", 1: "网格党支部", 2: "社区", 3: "街道（镇）", 4: "区专班"}
KIND_LABELS = {"accept": "受理", "resolve": "办结"}
MAX_LISTED = 30


@dataclass(frozen=True)
class OverdueItem:
    number: str
    category_code: str
    category_name: str
    level: int
    assignee_code: str | None
    kind: str  # "accept" or "resolve": which deadline has passed
    due: datetime


@dataclass(frozen=True)
class UrgentItem:
    """An urgent ticket received yesterday, with its danger frame."""

    number: str
    category_name: str
    frame: str | None
    status: str


@dataclass(frozen=True)
class DailyReport:
    scope_code: str
    scope_kind: str  # grid | community | street | district
    scope_name: str
    day: date
    as_of: datetime
    new: int
    open: int
    overdue: int
    resolved_yesterday: int
    overdue_items: list[OverdueItem] = field(default_factory=list)
    urgent_items: list[UrgentItem] = field(default_factory=list)
    visited: int = 0  # households visited this month (走访), up to as_of
    households: int = 0  # households the scope's grids cover
    coverage: list[tuple[str, int, int]] = field(default_factory=list)  # per grid: the same


@runtime_checkable
class DailyReportNotifier(Protocol):
    async def daily_report(
        self, uow: UnitOfWork, person: PersonRow, report: DailyReport, *, tag: str
    ) -> None:
        """Send `report` to `person` (outbox, same unit of work); `tag` is stable per day."""
        ...


class UnknownScope(LookupError):
    """No grid, community, street or district has this code."""


def _zone(tz: str | ZoneInfo) -> ZoneInfo:
    return tz if isinstance(tz, ZoneInfo) else ZoneInfo(tz)


def day_start(day: date, tz: str | ZoneInfo) -> datetime:
    """Local midnight at the start of `day`, as an aware datetime."""
    return datetime.combine(day, time(0), tzinfo=_zone(tz))


async def scope_of(uow: UnitOfWork, code: str) -> tuple[str, str, ColumnElement[bool]]:
    """Kind, name and ticket filter of a scope code."""
    grid = await uow.org.grid(code)
    if grid is not None:
        return "grid", grid.name, TicketRow.grid_code == code
    community = await uow.org.community(code)
    if community is not None:
        return "community", community.name, TicketRow.community_code == code
    street = await uow.org.street(code)
    if street is not None:
        return "street", street.name, TicketRow.street_code == code  # as the console's scope
    district = await uow.org.district()
    if district is not None and district.code == code:
        return "district", district.name, true()
    raise UnknownScope(code)


def _open_at(at: datetime) -> ColumnElement[bool]:
    finished = func.coalesce(TicketRow.resolved_at, TicketRow.closed_at)
    return and_(TicketRow.created_at <= at, or_(finished.is_(None), finished > at))


def _accept_overdue_at(at: datetime) -> ColumnElement[bool]:
    not_accepted = or_(
        TicketRow.status.in_(PRE_ACCEPT),
        TicketRow.accepted_at.is_(None),
        TicketRow.accepted_at > at,
    )
    return and_(TicketRow.accept_due_at <= at, not_accepted)


def _overdue_at(at: datetime) -> ColumnElement[bool]:
    return and_(_open_at(at), or_(_accept_overdue_at(at), TicketRow.resolve_due_at <= at))


async def _count(uow: UnitOfWork, *conditions: ColumnElement[bool]) -> int:
    statement = select(func.count(TicketRow.id)).where(*conditions)
    return int((await uow.session.execute(statement)).scalar_one())


async def daily_report(
    uow: UnitOfWork,
    scope_code: str,
    day: date,
    tz: str | ZoneInfo,
    *,
    as_of: datetime | None = None,
) -> DailyReport:
    """The 民情日报告 of `scope_code` for `day` (raises UnknownScope)."""
    kind, name, in_scope = await scope_of(uow, scope_code)
    today = day_start(day, tz)
    yesterday = today - timedelta(days=1)
    as_of = as_of or min(uow.now(), day_start(day + timedelta(days=1), tz))
    new = await _count(
        uow, in_scope, TicketRow.created_at >= yesterday, TicketRow.created_at < today
    )
    open_ = await _count(uow, in_scope, _open_at(as_of))
    resolved_statement = (
        select(func.count(distinct(TicketEventRow.ticket_id)))
        .join(TicketRow, TicketRow.id == TicketEventRow.ticket_id)
        .where(in_scope, TicketEventRow.action == str(Action.RESOLVE))
        .where(TicketEventRow.at >= yesterday, TicketEventRow.at < today)
    )
    resolved = int((await uow.session.execute(resolved_statement)).scalar_one())
    items = await _overdue_items(uow, in_scope, as_of)
    urgent = await _urgent_items(
        uow, in_scope, TicketRow.created_at >= yesterday, TicketRow.created_at < today
    )
    month_start = day_start((day - timedelta(days=1)).replace(day=1), tz)
    coverage = await scope_coverage(uow, kind, scope_code, month_start, as_of)
    return DailyReport(
        scope_code=scope_code,
        scope_kind=kind,
        scope_name=name,
        day=day,
        as_of=as_of,
        new=new,
        open=open_,
        overdue=len(items),
        resolved_yesterday=resolved,
        overdue_items=items,
        urgent_items=urgent,
        visited=sum(visited for _, visited, _ in coverage),
        households=sum(households for _, _, households in coverage),
        coverage=coverage if len(coverage) > 1 else [],
    )


async def _urgent_items(
    uow: UnitOfWork, in_scope: ColumnElement[bool], *window: ColumnElement[bool]
) -> list[UrgentItem]:
    statement = (
        select(TicketRow.number, TicketRow.urgent_frame, TicketRow.status, CategoryRow.name)
        .outerjoin(CategoryRow, CategoryRow.code == TicketRow.category_code)
        .where(in_scope, TicketRow.urgent.is_(True), *window)
        .order_by(TicketRow.created_at, TicketRow.id)
    )
    return [
        UrgentItem(row.number, row.name or "", row.urgent_frame, row.status)
        for row in (await uow.session.execute(statement)).all()
    ]


async def _overdue_items(
    uow: UnitOfWork, in_scope: ColumnElement[bool], at: datetime
) -> list[OverdueItem]:
    statement = (
        select(TicketRow, CategoryRow.name)
        .outerjoin(CategoryRow, CategoryRow.code == TicketRow.category_code)
        .where(in_scope, _overdue_at(at))
    )
    items = []
    for ticket, category_name in (await uow.session.execute(statement)).all():
        accept_late = (
            ticket.accept_due_at is not None
            and ticket.accept_due_at <= at
            and (
                ticket.status in PRE_ACCEPT or ticket.accepted_at is None or ticket.accepted_at > at
            )
        )
        due = ticket.accept_due_at if accept_late else ticket.resolve_due_at
        assert due is not None
        items.append(
            OverdueItem(
                number=ticket.number,
                category_code=ticket.category_code,
                category_name=category_name or ticket.category_code,
                level=ticket.level,
                assignee_code=ticket.assignee_code,
                kind="accept" if accept_late else "resolve",
                due=due,
            )
        )
    return sorted(items, key=lambda item: (item.due, item.number))


async def report_recipients(uow: UnitOfWork) -> list[tuple[PersonRow, str]]:
    """Every active grid worker and community secretary with the scope they report on."""
    statement = (
        select(PersonRow, AppointmentRow.scope_code)
        .join(AppointmentRow, AppointmentRow.person_code == PersonRow.code)
        .where(AppointmentRow.role.in_(RECIPIENT_ROLES), PersonRow.active.is_(True))
        .order_by(AppointmentRow.scope_code, PersonRow.code)
    )
    return [(person, scope) for person, scope in (await uow.session.execute(statement)).all()]


def report_snapshot(report: DailyReport) -> dict[str, Any]:
    """The report as JSON (an outbox row's snapshot); `report_from_snapshot` reads it back."""
    value = asdict(report)
    value["day"] = report.day.isoformat()
    value["as_of"] = report.as_of.isoformat()
    value["overdue_items"] = [{**asdict(item), "due": item.due.isoformat()}
                              for item in report.overdue_items]
    value["urgent_items"] = [asdict(item) for item in report.urgent_items]
    value["coverage"] = [list(entry) for entry in report.coverage]
    return value


def report_from_snapshot(value: dict[str, Any]) -> DailyReport:
    return DailyReport(**{
        **value,
        "day": date.fromisoformat(value["day"]),
        "as_of": datetime.fromisoformat(value["as_of"]),
        "overdue_items": [OverdueItem(**{**item, "due": datetime.fromisoformat(item["due"])})
                          for item in value.get("overdue_items") or []],
        "urgent_items": [UrgentItem(**item) for item in value.get("urgent_items") or []],
        "coverage": [tuple(entry) for entry in value.get("coverage") or []],
    })


def render_report(report: DailyReport, tz: str | ZoneInfo) -> str:
    """The report as plain Chinese text (for the CLI and as a notification body)."""
    zone = _zone(tz)
    yesterday = report.day - timedelta(days=1)
    lines = [
        f"民情日报告 · {report.scope_name}（{report.scope_code}）",
        f"{report.day.year}年{report.day.month}月{report.day.day}日"
        f"（统计 {yesterday.month}月{yesterday.day}日，"
        f"截至 {report.as_of.astimezone(zone):%m-%d %H:%M}）",
        f"昨日新增：{report.new} 件",
        f"在办：{report.open} 件",
        f"超期：{report.overdue} 件",
        f"昨日办结：{report.resolved_yesterday} 件",
    ]
    if report.overdue_items:
        lines.append("超期清单：")
        for index, item in enumerate(report.overdue_items[:MAX_LISTED], start=1):
            lines.append(
                f"{index}. {item.number} {item.category_name} · "
                f"{KIND_LABELS.get(item.kind, item.kind)}时限 "
                f"{item.due.astimezone(zone):%m-%d %H:%M} · "
                f"{LEVEL_LABELS.get(item.level, str(item.level))}"
            )
        hidden = len(report.overdue_items) - MAX_LISTED
        if hidden > 0:
            lines.append(f"……另有 {hidden} 件超期工单未列出")
    else:
        lines.append("无超期工单。")
    if report.visited or report.households:
        month = (report.day - timedelta(days=1)).month
        share = percent(report.visited, report.households)
        share = f"（覆盖率 {share}）" if report.households else ""
        lines.append(f"{month}月入户走访：{report.visited} 户 / 共 {report.households} 户{share}")
        lines += [f"  · {name}：{visited}/{households} 户"
                  for name, visited, households in report.coverage[:MAX_LISTED]]
    if report.urgent_items:
        lines.append(f"昨日紧急诉求：{len(report.urgent_items)} 件")
        for index, urgent in enumerate(report.urgent_items[:MAX_LISTED], start=1):
            frame = f"紧急·{urgent.frame}" if urgent.frame else "紧急"
            lines.append(
                f"{index}. {urgent.number} {frame} · {urgent.category_name} · "
                f"{STATUS_LABELS.get(urgent.status, urgent.status)}"
            )
    return "\n".join(lines)

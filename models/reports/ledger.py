"""网格事务台账: every ticket of a month with its whole path, as it stood at `as_of`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import select

from models.config.schema import GridDeskConfig, appointments
from models.orm import TicketEventRow, TicketRow
from models.reports.monthly import MonthlyReport, category_name
from models.reports.phrasing import LEVEL_LABELS, RATING_LABELS, STATUS_LABELS
from models.reports.queries import TicketFacts, latest_ratings, ticket_events
from models.uow import UnitOfWork

SKIPPED_ACTIONS = frozenset({"reminder"})
NOTE_CHARS = 40


@dataclass(frozen=True)
class LedgerEntry:
    fact: TicketFacts
    text: str
    on_time: bool
    rating: str | None  # latest rating score by as_of
    path: list[str]  # one line per step, oldest first

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.fact.status, self.fact.status)


async def ledger(
    uow: UnitOfWork, config: GridDeskConfig, report: MonthlyReport, grid_code: str | None = None
) -> list[LedgerEntry]:
    """Ledger entries of the report's tickets (of one grid when `grid_code` is given)."""
    facts = [
        fact for fact in report.facts if grid_code is None or (fact.grid_code or "-") == grid_code
    ]
    ids = [fact.id for fact in facts]
    events = await ticket_events(uow, ids, report.as_of)
    ratings = await latest_ratings(uow, ids, report.as_of)
    texts = await _texts(uow, ids)
    names = person_names(config)
    tz = ZoneInfo(report.timezone)
    return [
        LedgerEntry(
            fact=fact,
            text=texts.get(fact.id, ""),
            on_time=fact.id in report.on_time_ids,
            rating=ratings.get(fact.id),
            path=[
                line
                for event in events.get(fact.id, [])
                if (line := step(config, event, names, tz))
            ],
        )
        for fact in facts
    ]


async def _texts(uow: UnitOfWork, ids: list[int], chunk: int = 2000) -> dict[int, str]:
    result: dict[int, str] = {}
    for offset in range(0, len(ids), chunk):
        statement = select(TicketRow.id, TicketRow.original_text).where(
            TicketRow.id.in_(ids[offset : offset + chunk])
        )
        result.update({row.id: row.original_text for row in await uow.session.execute(statement)})
    return result


def person_names(config: GridDeskConfig) -> dict[str, str]:
    names = {item.person.code: item.person.name for item in appointments(config.district)}
    names.update(system="系统", resident="居民")
    return names


def _short(text: str | None) -> str:
    text = (text or "").replace("\n", " ").strip()
    return text if len(text) <= NOTE_CHARS else text[:NOTE_CHARS] + "…"


def step(config: GridDeskConfig, event: TicketEventRow, names: dict[str, str], tz: ZoneInfo) -> str:
    """One line of a ticket's path, e.g. `10-03 09:12 王晓东接单`; empty for skipped events."""
    if event.action in SKIPPED_ACTIONS:
        return ""
    what = describe(config, event, names)
    return f"{event.at.astimezone(tz):%m-%d %H:%M} {what}" if what else ""


def describe(config: GridDeskConfig, event: TicketEventRow, names: dict[str, str]) -> str:
    actor = names.get(event.actor, event.actor)
    data = event.data or {}
    assignee = names.get(str(data.get("assignee", "")), "")
    level = LEVEL_LABELS.get(event.to_level or 0, "")
    action = event.action
    if action == "created":
        if event.to_status == "triage":
            return "登记，待社区分派"
        return "登记，派至网格员"
    if action == "assigned":
        return f"分派至{_grid(config, data) or assignee}"
    if action == "accepted":
        return f"{actor}接单"
    if action == "resolved":
        return f"{actor}办结：{_short(event.note)}"
    if action == "closed":
        rating = RATING_LABELS.get(str(data.get("rating")), "")
        return f"居民评价“{rating}”，结案" if rating else "结案"
    if action == "reopened":
        return f"居民评价“不满意”，重新办理，转{level}"
    if action == "escalated":
        how = "超时自动上报" if event.actor == "system" else f"{actor}上报"
        return f"{how}至{level}（{_short(event.note)}）"
    if action == "rejected":
        return f"{actor}驳回：{_short(event.note)}"
    if action == "transferred":
        return f"{actor}转派至{_grid(config, data) or assignee}"
    if action == "referred":
        return f"{actor}{_short(event.note)}，因多次转派转社区确定负责网格"
    if action == "whistle":
        return f"吹哨报到：{event.note or data.get('department', '')}"
    if action == "overdue_reminder":
        return "区级超期督办提醒"
    if action == "recategorised":
        codes = data.get("category_code") or ["", ""]
        return f"{actor}更正类别为{category_name(config, str(codes[-1]))}"
    return _short(event.note) or action


def _grid(config: GridDeskConfig, data: dict[str, object]) -> str:
    change = data.get("grid_code")
    if isinstance(change, list) and change:
        try:
            return config.grid(str(change[-1]))[2].name
        except KeyError:
            return str(change[-1])
    return ""


def ledger_summary(entries: Iterable[LedgerEntry]) -> tuple[int, int, int, int]:
    """(collected, resolved, rejected, remaining) — 这个月搜集了44条，解决了43条，剩下1条."""
    collected = resolved = rejected = 0
    for entry in entries:
        collected += 1
        resolved += entry.fact.finished
        rejected += entry.fact.status == "rejected"
    return collected, resolved, rejected, collected - resolved - rejected

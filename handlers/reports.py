"""`/report`: last month's analysis for supervisors, the grid ledger for grid workers.

Community secretaries and above (by configured role) get the summary of their own scope and the
charts as photos; grid workers and grid branch secretaries get their grid's ledger (网格事务台账)
and the ledger workbook. `/report CODE` or `/report 2026-09` picks a scope inside one's own or
another month; nobody sees a scope above their own.

Charts and workbooks are drawn by a `ReportRenderer` the bot layer gives the core at start-up
(`Services.reports`; handlers never import `bot`). The files join the update's outcome as local
files to upload; the text goes out with `ctx.say`.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path
from typing import Protocol

from handlers.context import Ctx, escape
from handlers.types import LocalFile
from models.config.schema import GridDeskConfig, Role
from models.reports.assessment import own_lines
from models.reports.ledger import LedgerEntry, ledger, ledger_summary
from models.reports.month import ROLE_SCOPE_KIND, SCOPE_LEVELS, Month, scope_contains, scope_kind
from models.reports.monthly import MonthlyReport, monthly_report
from models.reports.phrasing import LEVEL_LABELS, STATUS_LABELS, duration, percent
from models.reports.summary import headline, title

SUPERVISOR_ROLES = frozenset(
    {Role.COMMUNITY_SECRETARY, Role.STREET_COMMITTEE, Role.DISTRICT_TASK_FORCE, Role.ADMIN}
)
LEDGER_ROLES = frozenset({Role.GRID_WORKER, Role.BRANCH_SECRETARY})
MAX_OPEN_LISTED = 10
MAX_GRID_LINES = 12

NOT_STAFF = "月度报告只对网格工作人员开放。"
NO_ROLE = "您的账号没有可查看报告的职务，请联系管理员。"
FORBIDDEN = "您只能查看自己负责范围内的报告（{scope}）。"
UNKNOWN = "没有找到范围代码 {code}。"
BAD_MONTH = "月份格式不对，请写成 2026-10 这样。"
USAGE_HINT = ("\n\n可用 /report 范围代码 或 /report 2026-09 查看下级范围或其他月份"
              "（本月：/report 本月）。")
THIS_MONTH = ("本月", "这个月", "這個月")


class ReportRenderer(Protocol):
    """Draws a report's files (blocking; run in a thread): charts and the ledger workbook."""

    def charts(self, report: MonthlyReport, out_dir: Path) -> list[Path]:
        """Every chart of `report` as PNG files in `out_dir`."""
        ...

    def ledger(self, report: MonthlyReport, entries: list[LedgerEntry], config: GridDeskConfig,
               out_dir: Path) -> Path:
        """The ledger workbook (XLSX) of `report` in `out_dir`."""
        ...


def own_scopes(ctx: Ctx) -> list[tuple[Role, str]]:
    """(role, scope) of the person's report-giving appointments, widest scope first."""
    if ctx.person is None:
        return []
    scopes = []
    for item in ctx.person.appointments:
        try:
            role = Role(item.role)
        except ValueError:
            continue
        if role in SUPERVISOR_ROLES | LEDGER_ROLES:
            scopes.append((role, item.scope_code))
    return sorted(scopes, key=lambda pair: -SCOPE_LEVELS[ROLE_SCOPE_KIND[pair[0]]])


def parse_args(text: str) -> tuple[str | None, Month | None, bool]:
    """(scope code, month, ok) from `/report` arguments in any order."""
    code, month = None, None
    for token in text.split():
        if token[:1].isdigit():
            try:
                month = Month.parse(token)
            except ValueError:
                return None, None, False
        else:
            code = token.upper()
    return code, month, True


async def report_command(ctx: Ctx) -> None:
    """Answer `/report` (text via `ctx.say`, files in `ctx.outcome.files`)."""
    if ctx.person is None:
        ctx.say(NOT_STAFF)
        return
    scopes = own_scopes(ctx)
    if not scopes:
        ctx.say(NO_ROLE)
        return
    tz = ctx.config.district.timezone
    args = ctx.incoming.text or ""
    for word in THIS_MONTH:  # the running month, as far as it has gone
        args = args.replace(word, f" {Month.containing(ctx.now(), tz).key} ")
    code, month, ok = parse_args(args)
    if not ok:
        ctx.say(BAD_MONTH)
        return
    month = month or Month.containing(ctx.now(), tz).shift(-1)
    role, scope = scopes[0]
    if code is not None:
        if scope_kind(ctx.config, code) is None:
            ctx.say(UNKNOWN.format(code=escape(code)))
            return
        allowed = [pair for pair in scopes if scope_contains(ctx.config, pair[1], code)]
        if not allowed:
            ctx.say(FORBIDDEN.format(scope="、".join(escape(s) for _, s in scopes)))
            return
        role, scope = allowed[0][0], code
    report = await monthly_report(ctx.uow, ctx.config, scope, month)
    if role in SUPERVISOR_ROLES and scope_kind(ctx.config, scope) != "grid":
        await _summary(ctx, report)
    else:
        await _ledger(ctx, report)


def _out_dir(report: MonthlyReport) -> Path:
    return Path(tempfile.mkdtemp(prefix=f"griddesk-{report.scope_code}-{report.month.key}-"))


async def _summary(ctx: Ctx, report: MonthlyReport) -> None:
    lines = [f"<b>{escape(title(report))}</b>", *(escape(line) for line in headline(report))]
    if not report.empty:
        lines.append("")
        lines.append("各网格：")
        for row in [r for r in report.by_grid if r.received][:MAX_GRID_LINES]:
            lines.append(
                f"• {escape(row.name)}：受理{row.received}件，办结{row.resolved}件，"
                f"按期办结率{percent(row.on_time, row.resolved)}，"
                f"办结用时中位数{duration(row.resolve_median)}"
            )
    ctx.say("\n".join(lines) + USAGE_HINT)
    renderer = ctx.services.reports
    if renderer is not None:
        paths = await asyncio.to_thread(renderer.charts, report, _out_dir(report))
        ctx.outcome.files += [LocalFile(ctx.chat_id, path, "photo") for path in paths]


async def _ledger(ctx: Ctx, report: MonthlyReport) -> None:
    entries = await ledger(ctx.uow, ctx.config, report)
    collected, resolved, rejected, remaining = ledger_summary(entries)
    where = "、".join(
        f"{LEVEL_LABELS.get(level, level)}{count}条"
        for level, count in sorted(report.total.open_levels.items())
    )
    lines = [
        f"<b>网格事务台账 · {escape(report.scope_name)} · {report.month.label}</b>",
        f"这个月搜集了{collected}条，解决了{resolved}条"
        + (f"，驳回{rejected}条" if rejected else "")
        + f"，剩下{remaining}条"
        + (f"（{where}）" if where else "")
        + "。",
    ]
    still_open = [e for e in entries if e.fact.status in ("triage", "assigned", "accepted")]
    for entry in still_open[:MAX_OPEN_LISTED]:
        fact = entry.fact
        lines.append(
            f"• {fact.number} {escape(_category(ctx, fact.category_code))} · "
            f"{STATUS_LABELS.get(fact.status, fact.status)} · "
            f"{LEVEL_LABELS.get(fact.level, '')}"
        )
    if report.total.rated:
        lines.append(
            f"群众评价{report.total.rated}条，满意"
            f"{percent(report.total.ratings.get('satisfied', 0), report.total.rated)}。"
        )
    lines += _own_assessment(ctx, report)
    ctx.say("\n".join(lines))
    renderer = ctx.services.reports
    if renderer is not None and entries:
        path = await asyncio.to_thread(renderer.ledger, report, entries, ctx.config,
                                       _out_dir(report))
        ctx.outcome.files.append(LocalFile(ctx.chat_id, path, "document"))


def _own_assessment(ctx: Ctx, report: MonthlyReport) -> list[str]:
    """考核: the worker's own figures (a branch secretary: the grid's)."""
    ranked = report.assessment
    if ranked is None or ctx.person is None:
        return []
    row = ranked.worker(ctx.person.code) or next(
        (grid for grid in ranked.grids if grid.key == report.scope_code), None)
    if row is None:
        return []
    title = f"<b>{'本人' if row.key == ctx.person.code else escape(row.name)}考核</b>"
    return ["", title, *(escape(line) for line in own_lines(row, ranked.weights))]


def _category(ctx: Ctx, code: str) -> str:
    try:
        return ctx.config.taxonomy.get(code).name
    except KeyError:
        return code

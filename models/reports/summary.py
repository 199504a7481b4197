"""The headline paragraph of the monthly analysis, in the reports' own phrasing.

Used by the Markdown/HTML report and by the bot's `/report` summary alike.
"""

from __future__ import annotations

from collections import Counter

from models.reports.monthly import Change, Figures, MonthlyReport
from models.reports.phrasing import (
    LEVEL_LABELS,
    change_percent,
    duration,
    percent,
    respectively,
    yoy_mom_sentence,
)
from models.reports.queries import TicketFacts

TOP_MOVERS = 3


def title(report: MonthlyReport) -> str:
    return f"{report.scope_name}{report.month.label}群众诉求情况分析报告"


def empty_line(report: MonthlyReport) -> str:
    return f"{report.scope_name}{report.month.label}没有收到群众诉求，本月无工单。"


def totals_line(report: MonthlyReport) -> str:
    t = report.total
    return (
        f"{report.scope_name}{report.month.label}共受理群众诉求{t.received}件，"
        f"已办结{t.resolved}件（办结率{percent(t.resolved, t.received)}），"
        f"其中按期办结{t.on_time}件（按期办结率{percent(t.on_time, t.resolved)}），"
        f"在办{t.open}件，驳回{t.rejected}件。"
    )


def change_line(report: MonthlyReport) -> str:
    c = report.total_change
    return yoy_mom_sentence("工单数量", c.current, c.month_ago, c.year_ago) + "。"


def movers(changes: list[Change], falling: bool) -> tuple[list[str], list[float]]:
    """Categories with the largest month-on-month fall (or rise), biggest first."""
    moved = []
    for change in changes:
        pct = change_percent(change.current, change.month_ago)
        if pct is None or pct == 0 or (pct < 0) != falling:
            continue
        moved.append((-abs(pct), change.name, pct))
    moved.sort()
    top = moved[:TOP_MOVERS]
    return [name for _, name, _ in top], [pct for _, _, pct in top]


def movers_line(report: MonthlyReport) -> str:
    """`环比看，物业服务、环境卫生分别减少22.77%、21.54%；电梯故障增加50%。`"""
    parts = []
    names, pcts = movers(report.changes, falling=True)
    if names:
        parts.append(respectively(names, pcts, "减少"))
    names, pcts = movers(report.changes, falling=False)
    if names:
        parts.append(respectively(names, pcts, "增加"))
    return f"环比看，{'；'.join(parts)}。" if parts else ""


def times_line(total: Figures) -> str:
    return (
        f"受理用时中位数{duration(total.accept_median)}、90%分位{duration(total.accept_p90)}；"
        f"办结用时中位数{duration(total.resolve_median)}、90%分位{duration(total.resolve_p90)}。"
    )


def satisfaction_line(total: Figures) -> str:
    rated = total.rated
    if not rated:
        return "本月暂无居民评价。"
    r = total.ratings
    return (
        f"收到居民评价{rated}条，满意{percent(r.get('satisfied', 0), rated)}、"
        f"基本满意{percent(r.get('basically', 0), rated)}、"
        f"不满意{percent(r.get('unsatisfied', 0), rated)}；"
        f"因不满意重新办理{total.reopened}件，重新办理率"
        f"{percent(total.reopened, total.ever_resolved)}。"
    )


def escalation_line(total: Figures) -> str:
    if not total.escalated:
        return "本月没有逐级上报的诉求。"
    levels = "、".join(
        f"{LEVEL_LABELS[level]}{count}件" for level, count in sorted(total.escalated_to.items())
    )
    return f"逐级上报{total.escalated}件（最高上报至{levels}）。"


def urgent_line(count: int, cases: list[TicketFacts]) -> str:
    """紧急诉求N件, by danger frame when the tickets carry one (走失2件、燃气泄漏1件)."""
    frames = Counter(case.urgent_frame for case in cases if case.urgent_frame)
    if not frames:
        return f"紧急诉求{count}件。"
    parts = "、".join(f"{frame}{n}件" for frame, n in frames.most_common())
    return f"紧急诉求{count}件（{parts}）。"


def headline(report: MonthlyReport) -> list[str]:
    """The summary paragraph as lines; one line saying so for an empty month."""
    if report.empty:
        lines = [empty_line(report)]
        if report.total_change.month_ago or report.total_change.year_ago:
            lines.append(change_line(report))
        return lines
    lines = [totals_line(report), change_line(report)]
    if any(channel != TELEGRAM for channel, _ in report.by_channel):
        lines.insert(1, channels_line(report))
    if movers_line(report):
        lines.append(movers_line(report))
    lines += [
        times_line(report.total),
        satisfaction_line(report.total),
        escalation_line(report.total),
    ]
    if report.total.urgent:
        lines.append(urgent_line(report.total.urgent, report.urgent_cases))
    return lines


TELEGRAM = "telegram"
OPEN311 = "open311:"


def channel_name(source: str) -> str:
    """A channel as the report names it: Telegram, or the Open311 client's name."""
    if source == TELEGRAM:
        return "Telegram"
    if source.startswith(OPEN311):
        return f"Open311接入（{source.removeprefix(OPEN311)}）"
    return source


def channels_line(report: MonthlyReport) -> str:
    """受理渠道：Telegram 40件，Open311接入（hotline）4件。"""
    parts = "，".join(f"{channel_name(channel)}{count}件" for channel, count in report.by_channel)
    return f"受理渠道：{parts}。"

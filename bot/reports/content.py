"""The monthly analysis as a `Document`: every section of 群众诉求情况分析报告, in Chinese."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.reports.document import Bullets, Document, Heading, Image, Paragraph, Table
from models.reports import assessment
from models.reports.monthly import Figures, MonthlyReport
from models.reports.phrasing import (
    NO_DATA,
    STATUS_LABELS,
    change_phrase,
    duration,
    percent,
)
from models.reports.summary import headline, title

LEVEL_SHORT = {1: "支部", 2: "社区", 3: "镇街", 4: "区"}
COUNT_HEADERS = [
    "受理",
    "办结",
    "按期办结",
    "在办",
    "驳回",
    "上报（支部/社区/镇街/区）",
    "办结率",
    "按期办结率",
]


def escalated_cell(row: Figures) -> str:
    if not row.escalated:
        return "0"
    split = "/".join(str(row.escalated_to.get(level, 0)) for level in LEVEL_SHORT)
    return f"{row.escalated}（{split}）"


def count_cells(row: Figures) -> list[str]:
    return [
        str(row.received),
        str(row.resolved),
        str(row.on_time),
        str(row.open),
        str(row.rejected),
        escalated_cell(row),
        percent(row.resolved, row.received),
        percent(row.on_time, row.resolved),
    ]


def satisfaction_cells(row: Figures) -> list[str]:
    rated = row.rated
    return [
        str(rated),
        percent(row.ratings.get("satisfied", 0), rated),
        percent(row.ratings.get("basically", 0), rated),
        percent(row.ratings.get("unsatisfied", 0), rated),
        percent(row.reopened, row.ever_resolved),
    ]


def time_cells(row: Figures) -> list[str]:
    return [
        duration(row.accept_median),
        duration(row.accept_p90),
        duration(row.resolve_median),
        duration(row.resolve_p90),
    ]


def build_document(report: MonthlyReport, charts: dict[str, str] | None = None) -> Document:
    """The whole report; `charts` maps chart names to image paths relative to the report."""
    charts = charts or {}
    doc = Document(title(report))
    as_of = report.as_of.astimezone(ZoneInfo(report.timezone))
    doc.add(
        Paragraph(
            f"统计范围：{report.scope_name}（{report.scope_code}）；"
            f"统计口径：{report.month.label}受理的诉求，办理情况截至"
            f"{as_of:%Y年%m月%d日 %H:%M}。"
        )
    )
    doc.add(doc.section("总体情况"), *[Paragraph(line) for line in headline(report)])
    if report.empty:
        _trend(doc, report, charts)
        return doc
    _categories(doc, report, charts)
    _changes(doc, report)
    _grids(doc, report, charts)
    _times(doc, report)
    _satisfaction(doc, report, charts)
    _slowest(doc, report)
    _repeats(doc, report)
    _urgent(doc, report)
    _assessment(doc, report)
    _trend(doc, report, charts)
    doc.add(
        Heading("附：统计口径"),
        Bullets(
            [
                "办结：截至统计时点已办结（含待评价）；在办：待分派、待受理、办理中。",
                "按期办结：在类别办理时限内（自受理登记起算）办结；按期办结率＝按期办结件数÷办结件数。",
                "上报：曾逐级上报至网格员以上层级（含超时自动上报、不满意重新办理），按最高层级计。",
                "满意度：本月诉求收到的全部评价中各档占比；重新办理率＝因不满意重新办理件数÷曾办结件数。",
                "用时：中位数与90%分位（线性插值）。",
                "考核：本月受理的诉求计入代报的网格员，否则计入首先接单的网格员，再否则计入所在网格的"
                "网格员；按时受理、按期办结均自受理登记起算；超时上报指因超过时限被自动上报；满意率＝"
                "（满意＋基本满意）÷评价数（含电话回访）；走访覆盖＝本月走访户数÷负责户数；得分为各项"
                "比率按配置权重的加权平均（没有数据的项不计入），满分100。",
            ]
        ),
    )
    return doc


def _categories(doc: Document, report: MonthlyReport, charts: dict[str, str]) -> None:
    rows = [[row.name, *count_cells(row)] for row in report.by_category if row.received]
    rows.append(["合计", *count_cells(report.total)])
    doc.add(doc.section("分类别情况"), Table(["类别", *COUNT_HEADERS], rows))
    if "categories" in charts:
        doc.add(Image(charts["categories"], "诉求类别分布"))


def _changes(doc: Document, report: MonthlyReport) -> None:
    rows = [
        [
            c.name,
            str(c.current),
            str(c.month_ago),
            change_phrase(c.current, c.month_ago),
            str(c.year_ago),
            change_phrase(c.current, c.year_ago),
        ]
        for c in [*report.changes, report.total_change]
    ]
    doc.add(
        doc.section("同比环比变化"),
        Table(["类别", "本月", "上月", "环比", "去年同月", "同比"], rows),
    )


def _grids(doc: Document, report: MonthlyReport, charts: dict[str, str]) -> None:
    rows = [[row.name, *count_cells(row), duration(row.resolve_median)] for row in report.by_grid]
    doc.add(doc.section("分网格情况"), Table(["网格", *COUNT_HEADERS, "办结用时中位数"], rows))
    if "on_time_by_grid" in charts:
        doc.add(Image(charts["on_time_by_grid"], "各网格按期办结率"))


def _times(doc: Document, report: MonthlyReport) -> None:
    rows = [["合计", *time_cells(report.total)]]
    rows += [[row.name, *time_cells(row)] for row in report.by_category if row.received]
    doc.add(
        doc.section("办理时效"),
        Table(
            ["类别", "受理用时中位数", "受理用时90%分位", "办结用时中位数", "办结用时90%分位"], rows
        ),
    )


def _satisfaction(doc: Document, report: MonthlyReport, charts: dict[str, str]) -> None:
    rows = [["合计", *satisfaction_cells(report.total)]]
    rows += [[row.name, *satisfaction_cells(row)] for row in report.by_grid if row.received]
    doc.add(
        doc.section("群众满意度"),
        Table(["网格", "评价数", "满意", "基本满意", "不满意", "重新办理率"], rows),
    )
    if "satisfaction_by_grid" in charts:
        doc.add(Image(charts["satisfaction_by_grid"], "各网格群众满意度"))


def _slowest(doc: Document, report: MonthlyReport) -> None:
    doc.add(doc.section("办结用时最长的网格"))
    if not report.slowest_grids:
        doc.add(Paragraph("本月没有已办结的诉求。"))
        return
    doc.add(
        Table(
            ["网格", "办结件数", "办结用时中位数", "办结用时90%分位", "按期办结率"],
            [
                [
                    row.name,
                    str(row.resolved),
                    duration(row.resolve_median),
                    duration(row.resolve_p90),
                    percent(row.on_time, row.resolved),
                ]
                for row in report.slowest_grids
            ],
        )
    )


def _repeats(doc: Document, report: MonthlyReport) -> None:
    doc.add(doc.section("重复反映的地址"))
    if not report.repeat_addresses:
        doc.add(Paragraph("本月没有同一楼栋重复反映的情况。"))
        return
    doc.add(
        Table(
            ["地址", "所属网格", "件数", "类别", "工单编号"],
            [
                [
                    f"{item.community_name}{item.building}号楼",
                    grid_name_or(report, item.grid_code),
                    str(item.count),
                    "、".join(f"{name}{count}件" for name, count in item.categories),
                    "、".join(item.numbers),
                ]
                for item in report.repeat_addresses
            ],
        )
    )


def grid_name_or(report: MonthlyReport, code: str | None) -> str:
    for row in report.by_grid:
        if row.key == code:
            return row.name
    return NO_DATA if code is None else code


def _urgent(doc: Document, report: MonthlyReport) -> None:
    doc.add(doc.section("紧急诉求"))
    if not report.urgent_cases:
        doc.add(Paragraph("本月没有紧急诉求。"))
        return
    tz = ZoneInfo(report.timezone)
    rows = []
    for fact in report.urgent_cases:
        accept = (fact.accepted_at - fact.created_at).total_seconds() if fact.accepted_at else None
        rows.append(
            [
                fact.number,
                f"{fact.created_at.astimezone(tz):%m-%d %H:%M}",
                fact.urgent_frame or "—",
                _category(report, fact.category_code),
                grid_name_or(report, fact.grid_code),
                STATUS_LABELS.get(fact.status, fact.status),
                duration(accept),
            ]
        )
    doc.add(Table(["工单编号", "受理登记", "险情", "类别", "网格", "状态", "受理用时"], rows))


def _category(report: MonthlyReport, code: str) -> str:
    for row in report.by_category:
        if row.key == code:
            return row.name
    return code


def _trend(doc: Document, report: MonthlyReport, charts: dict[str, str]) -> None:
    rows = [[point.month.label, str(point.received), str(point.resolved)] for point in report.trend]
    doc.add(doc.section("近13个月趋势"), Table(["月份", "受理", "已办结"], rows))
    if "trend" in charts:
        doc.add(Image(charts["trend"], "近13个月诉求趋势"))


def _assessment(doc: Document, report: MonthlyReport) -> None:
    """考核: the ranked tables of the scope's grid workers and grids."""
    ranked = report.assessment
    if ranked is None or not (ranked.workers or ranked.grids):
        return
    doc.add(doc.section("网格员考核"), Paragraph(assessment.weights_phrase(ranked.weights)))
    doc.add(Table(["网格员", "网格", *assessment.HEADERS],
                  [[row.name, grid_name_or(report, row.grid), *assessment.cells(row)]
                   for row in ranked.workers], "网格员排名"))
    doc.add(Table(["网格", *assessment.HEADERS],
                  [[row.name, *assessment.cells(row)] for row in ranked.grids], "网格排名"))

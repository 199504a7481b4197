"""PNG charts of the monthly analysis, with Chinese labels in the bundled CJK font."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from bot.reports.fonts import cjk_font
from models.reports.monthly import NO_GRID, Figures, MonthlyReport

COLORS = {
    "received": "#3b6fb6",
    "resolved": "#5aa469",
    "on_time": "#e0a526",
    "satisfied": "#5aa469",
    "basically": "#9cc5a1",
    "unsatisfied": "#d9534f",
}
DPI = 110
NO_DATA = "暂无数据"


def _figure(width: float, height: float) -> tuple[Figure, Axes]:
    cjk_font()
    figure = Figure(figsize=(width, height), dpi=DPI)
    axes = figure.add_subplot()
    return figure, axes


def _no_data(axes: Axes, text: str) -> None:
    axes.text(
        0.5,
        0.5,
        text,
        ha="center",
        va="center",
        fontsize=16,
        color="#666666",
        transform=axes.transAxes,
    )
    axes.set_xticks([])
    axes.set_yticks([])


def _grids(report: MonthlyReport) -> list[Figures]:
    return [row for row in report.by_grid if row.received or row.key != NO_GRID]


def categories_chart(report: MonthlyReport) -> Figure:
    """诉求类别分布: received tickets per category, most first."""
    rows = sorted(
        (row for row in report.by_category if row.received),
        key=lambda row: (row.received, row.name),
    )
    figure, axes = _figure(8, max(3.0, 0.42 * len(rows) + 1.4))
    axes.set_title(f"{report.scope_name}{report.month.label}诉求类别分布")
    if not rows:
        _no_data(axes, "本月无工单")
        return figure
    bars = axes.barh(
        [row.name for row in rows], [row.received for row in rows], color=COLORS["received"]
    )
    axes.bar_label(bars, labels=[f"{row.received}件" for row in rows], padding=3)
    axes.set_xlabel("受理件数")
    axes.margins(x=0.15)
    figure.tight_layout()
    return figure


def trend_chart(report: MonthlyReport) -> Figure:
    """近13个月诉求趋势: received and resolved per month."""
    figure, axes = _figure(9, 4.2)
    axes.set_title(f"{report.scope_name}近13个月诉求趋势")
    labels = [point.month.short_label for point in report.trend]
    positions = list(range(len(labels)))
    received = [p.received for p in report.trend]
    bars = axes.bar(positions, received, color=COLORS["received"], label="受理")
    axes.bar_label(bars, labels=[str(n) if n else "" for n in received], fontsize=8, padding=2)
    axes.margins(y=0.12)
    axes.plot(
        positions,
        [p.resolved for p in report.trend],
        color=COLORS["resolved"],
        marker="o",
        label="已办结",
    )
    axes.set_xticks(positions, labels, rotation=45, ha="right")
    axes.set_ylabel("件数")
    axes.legend()
    figure.tight_layout()
    return figure


def on_time_chart(report: MonthlyReport) -> Figure:
    """各网格按期办结率."""
    rows = _grids(report)
    figure, axes = _figure(8, max(3.0, 0.42 * len(rows) + 1.4))
    axes.set_title(f"{report.month.label}各网格按期办结率")
    rated = [row for row in rows if row.resolved]
    if not rated:
        _no_data(axes, NO_DATA)
        return figure
    values = [100.0 * row.on_time / row.resolved for row in rated]
    bars = axes.barh([row.name for row in rated], values, color=COLORS["on_time"])
    axes.bar_label(bars, labels=[f"{value:.1f}%" for value in values], padding=3)
    axes.set_xlim(0, 115)
    axes.set_xlabel("按期办结率（%）")
    axes.invert_yaxis()
    figure.tight_layout()
    return figure


def satisfaction_chart(report: MonthlyReport) -> Figure:
    """各网格满意度: shares of 满意 / 基本满意 / 不满意 ratings."""
    rows = [row for row in _grids(report) if row.rated]
    figure, axes = _figure(8, max(3.2, 0.42 * len(rows) + 2.0))
    axes.set_title(f"{report.month.label}各网格群众满意度")
    if not rows:
        _no_data(axes, NO_DATA)
        return figure
    names = [row.name for row in rows]
    left = [0.0] * len(rows)
    for score, label in (
        ("satisfied", "满意"),
        ("basically", "基本满意"),
        ("unsatisfied", "不满意"),
    ):
        shares = [100.0 * row.ratings.get(score, 0) / row.rated for row in rows]
        axes.barh(names, shares, left=left, color=COLORS[score], label=label)
        left = [a + b for a, b in zip(left, shares, strict=True)]
    axes.set_xlim(0, 100)
    axes.set_xlabel("评价占比（%）")
    axes.invert_yaxis()
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=3, frameon=False)
    figure.tight_layout()
    return figure


CHARTS: dict[str, Callable[[MonthlyReport], Figure]] = {
    "categories": categories_chart,
    "trend": trend_chart,
    "on_time_by_grid": on_time_chart,
    "satisfaction_by_grid": satisfaction_chart,
}
def render_charts(report: MonthlyReport, out_dir: Path, prefix: str = "") -> dict[str, Path]:
    """Write every chart as `<prefix><name>.png` into `out_dir`; returns name -> path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, build in CHARTS.items():
        figure = build(report)
        path = out_dir / f"{prefix}{name}.png"
        figure.savefig(path)
        paths[name] = path
    return paths

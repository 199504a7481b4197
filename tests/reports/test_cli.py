"""`griddesk report monthly`, `simulate` and `bench report` on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from models.orm import TicketRow

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


def test_report_monthly_writes_every_file(
    month_tickets: dict[str, TicketRow], db_url: str, tmp_path: Path
) -> None:
    result = CliRunner().invoke(
        main,
        [
            "report",
            "monthly",
            "--month",
            "2026-10",
            "--scope",
            "MDHY",
            "--out",
            str(tmp_path),
            "--url",
            db_url,
            "--no-progress",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("明德花园社区2026年10月共受理群众诉求7件")
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == [
        "monthly-MDHY-2026-10-categories.png",
        "monthly-MDHY-2026-10-on_time_by_grid.png",
        "monthly-MDHY-2026-10-satisfaction_by_grid.png",
        "monthly-MDHY-2026-10-trend.png",
        "monthly-MDHY-2026-10.html",
        "monthly-MDHY-2026-10.md",
        "monthly-MDHY-2026-10.xlsx",
    ]


def test_report_monthly_rejects_bad_input(db_url: str, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        main,
        [
            "report",
            "monthly",
            "--month",
            "2026-10",
            "--scope",
            "NOPE",
            "--out",
            str(tmp_path),
            "--url",
            db_url,
            "--no-progress",
        ],
    )
    assert result.exit_code == 1 and "未知的范围代码 NOPE" in result.output
    result = runner.invoke(main, ["report", "monthly", "--month", "10/2026", "--url", db_url])
    assert result.exit_code == 2 and "YYYY-MM" in result.output


def test_simulate_command(db_url: str) -> None:
    result = CliRunner().invoke(
        main,
        [
            "simulate",
            "--days",
            "3",
            "--per-day",
            "6",
            "--seed",
            "2",
            "--end",
            "2026-11-01",
            "--database",
            db_url,
            "--no-progress",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "模拟完成" in result.output and "工单" in result.output


def test_bench_report_needs_postgresql(db_url: str) -> None:
    result = CliRunner().invoke(main, ["bench", "report", "--database", db_url])
    assert result.exit_code == 2 and "PostgreSQL" in result.output

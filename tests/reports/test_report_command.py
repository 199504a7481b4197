"""`/report` in the bot: supervisors get their scope's summary and charts, grid workers the
ledger; nobody sees a scope above (or beside) their own."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

import bot.reports
from handlers.context import Ctx, Services
from handlers.reports import ReportRenderer, report_command
from handlers.types import Incoming, Kind, Sender
from models.clock import FixedClock
from models.config.schema import GridDeskConfig
from models.orm import TicketRow
from models.uow import UnitOfWorkFactory

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


@pytest.fixture
def renderers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ReportRenderer]:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # the report's files land here
    yield bot.reports.FileRenderer()


async def run(
    factory: UnitOfWorkFactory,
    config: GridDeskConfig,
    clock: FixedClock,
    person: str | None,
    args: str = "",
    renderer: ReportRenderer | None = None,
) -> tuple[str, list[Path], list[Path]]:
    services = Services(config=config, router=None, clock=clock, uow_factory=factory,  # type: ignore[arg-type]
                        reports=renderer)
    incoming = Incoming(
        update_id=1,
        kind=Kind.COMMAND,
        chat_id=42,
        sender=Sender(42, "测试"),
        text=args,
        command="report",
    )
    async with factory() as uow:
        ctx = Ctx(services, uow, incoming)
        ctx.person = await uow.org.person(person) if person else None
        await report_command(ctx)
        files = ctx.outcome.files
        assert all(file.chat_id == 42 for file in files)
        text = "\n".join(reply.text for reply in ctx.outcome.replies)
        return (text, [file.path for file in files if file.kind == "photo"],
                [file.path for file in files if file.kind == "document"])


async def test_community_secretary_gets_summary_and_charts(
    month_tickets: dict[str, TicketRow],
    uow_factory: UnitOfWorkFactory,
    demo_config: GridDeskConfig,
    clock: FixedClock,
    renderers: ReportRenderer,
) -> None:
    text, photos, documents = await run(
        uow_factory, demo_config, clock, "MDHY-S", renderer=renderers
    )
    assert "<b>明德花园社区2026年10月群众诉求情况分析报告</b>" in text
    assert "共受理群众诉求7件，已办结4件" in text
    assert "工单数量同比下降12.5%，环比下降36.36%。" in text
    assert "• 明德花园第一网格：受理3件，办结3件，按期办结率66.67%" in text
    assert [p.suffix for p in photos] == [".png"] * 4 and documents == []
    assert all(p.is_file() and p.stat().st_size > 10_000 for p in photos)


async def test_grid_worker_gets_the_ledger(
    month_tickets: dict[str, TicketRow],
    uow_factory: UnitOfWorkFactory,
    demo_config: GridDeskConfig,
    clock: FixedClock,
    renderers: ReportRenderer,
) -> None:
    text, photos, documents = await run(
        uow_factory, demo_config, clock, "MDHY-03-W1", renderer=renderers
    )
    assert "<b>网格事务台账 · 明德花园第三网格 · 2026年10月</b>" in text
    assert "这个月搜集了2条，解决了0条，驳回1条，剩下1条（网格员1条）。" in text
    assert f"• {month_tickets['T7'].number} 噪音扰民 · 待受理 · 网格员" in text
    assert photos == [] and len(documents) == 1
    book = load_workbook(documents[0])
    assert book.sheetnames == ["汇总", "明德花园第三网格"]

    text, _, _ = await run(uow_factory, demo_config, clock, "MDHY-01-W1", renderer=renderers)
    assert "这个月搜集了3条，解决了3条，剩下0条。" in text
    assert "<b>本人考核</b>" in text  # the worker's own 考核 (tests/reports/test_outputs.py)
    assert ("收集诉求3件（群众反映3件，走访代报0件）；按时受理3件，按期办结2件，超时被上报0件，"
            "不满意重新办理1件。") in text
    assert "群众评价3条，满意率100%；入户走访0户 / 负责198户（0%）。" in text
    assert "考核得分：75.0（得分权重：群众满意率30%" in text


async def test_nobody_sees_above_or_beside_their_scope(
    month_tickets: dict[str, TicketRow],
    uow_factory: UnitOfWorkFactory,
    demo_config: GridDeskConfig,
    clock: FixedClock,
) -> None:
    text, _, _ = await run(uow_factory, demo_config, clock, "MDHY-01-W1", "MDHY")
    assert text == "您只能查看自己负责范围内的报告（MDHY-01）。"
    text, _, _ = await run(uow_factory, demo_config, clock, "MDHY-S", "SYST")
    assert text == "您只能查看自己负责范围内的报告（MDHY）。"
    text, _, _ = await run(uow_factory, demo_config, clock, "XZ-C", "TBH")
    assert text.startswith("您只能查看自己负责范围内的报告")
    text, _, _ = await run(uow_factory, demo_config, clock, None)
    assert text == "月度报告只对网格工作人员开放。"


async def test_scope_and_month_arguments(
    month_tickets: dict[str, TicketRow],
    uow_factory: UnitOfWorkFactory,
    demo_config: GridDeskConfig,
    clock: FixedClock,
) -> None:
    text, photos, documents = await run(uow_factory, demo_config, clock, "MDHY-S", "mdhy-02")
    assert "网格事务台账 · 明德花园第二网格" in text and "这个月搜集了2条" in text
    assert photos == [] and documents == []  # no renderers installed: text only
    text, _, _ = await run(uow_factory, demo_config, clock, "XZ-C")
    assert "许庄街道2026年10月" in text and "共受理群众诉求8件" in text
    text, _, _ = await run(uow_factory, demo_config, clock, "TBH-TF", "2026-09")
    assert "太白湖新区2026年9月" in text and "共受理群众诉求11件" in text
    text, _, _ = await run(uow_factory, demo_config, clock, "MDHY-S", "2026-13")
    assert text == "月份格式不对，请写成 2026-10 这样。"
    text, _, _ = await run(uow_factory, demo_config, clock, "MDHY-S", "NOWHERE")
    assert text == "没有找到范围代码 NOWHERE。"

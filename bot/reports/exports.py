"""Exports are data, never code: the one way every XLSX or CSV export writes a cell.

Text from residents or staff may begin with `=`, `+`, `-`, `@` or a tab, which a spreadsheet
would take for a formula (`=HYPERLINK(…)`, DDE payloads). In XLSX every text is written as a
string cell (openpyxl would otherwise store a leading `=` as a formula); in CSV, which has no
cell types, such a text gets a leading apostrophe (the OWASP advice for CSV injection).
Numbers, dates and empty cells keep their types.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

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


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> Path:
    """A UTF-8 (with BOM, for Excel) CSV file whose every field went through `csv_field`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([csv_field(name) for name in header])
        for values in rows:
            writer.writerow([csv_field(value) for value in values])
    return path

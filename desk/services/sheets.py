"""Rows written to CSV and XLSX files that people open in Excel or LibreOffice. Text beginning
with = + - @, a tab or a carriage return would be taken for a formula there (OWASP's "CSV
injection"): such text goes out as text — with a leading apostrophe in CSV, as an explicit
string cell in XLSX. Numbers and dates stay real values. Reading our own files back drops the
apostrophe again."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def risky(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_START)


def csv_row(values: Iterable[Any]) -> list[Any]:
    return ["'" + v if risky(v) else v for v in values]


def write_csv(writer: csv.writer, values: Iterable[Any]) -> None:
    writer.writerow(csv_row(values))


def append_xlsx(sheet, values: Sequence[Any]) -> None:
    """``sheet.append`` with risky text kept as text (a write-only sheet or a normal one)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    if isinstance(sheet, WriteOnlyWorksheet):
        row = []
        for value in values:
            if risky(value):
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"
                row.append(cell)
            else:
                row.append(value)
        sheet.append(row)
        return
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        if risky(cell.value):
            cell.data_type = "s"


def unguard(text: str) -> str:
    """A cell read from a file: "'=x" written by ``csv_row`` is "=x" again."""
    if len(text) > 1 and text[0] == "'" and text[1:].startswith(FORMULA_START):
        return text[1:]
    return text

"""Tables people exchange with Excel or LibreOffice, CSV or XLSX.

Writing: text beginning with = + - @, a tab or a carriage return would be taken for a formula
there (OWASP's "CSV injection"): such text goes out as text — with a leading apostrophe in CSV,
as an explicit string cell in XLSX. Numbers and dates stay real values.

Reading: CSV in UTF-8 (with or without BOM) or Windows-1251 (Excel's default on Russian
Windows), comma or semicolon; XLSX. A damaged file or a broken line is an ImportFailed with
the line, never a traceback; the apostrophe our own exports add is dropped again."""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import datetime as dt
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from desk.services.store import errors

MAX_FIELD = 10_000  # characters in one cell: longer is a row error
_ENCODINGS = ("utf-8-sig", "cp1251")


@dataclasses.dataclass(frozen=True)
class RowError:
    """A row of an imported file that cannot be taken as it is."""

    line: int
    reason: str  # in English, for the command line
    code: str = ""  # for the UI's words: phone_invalid, too_long, control, …
    value: str = ""  # the cell or the column it is about

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def risky(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_START)


def csv_row(values: Iterable[Any]) -> list[Any]:
    return ["'" + v if risky(v) else v for v in values]


def write_csv(writer: csv.writer, values: Iterable[Any]) -> None:
    writer.writerow(csv_row(values))


def append_xlsx(sheet, values: Sequence[Any]) -> None:
    """``sheet.append`` with risky text kept as text (a write-only sheet or a normal one), and
    the control characters XML cannot hold (a Word line break, say) as spaces."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    values = [ILLEGAL_CHARACTERS_RE.sub(" ", v) if isinstance(v, str) else v for v in values]
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


@contextlib.contextmanager
def atomic_write(path: Path) -> Iterator[Path]:
    """Write to ``path.partial`` then rename: a failed or cancelled export leaves nothing. A
    folder that cannot be written (missing, read-only, a full disk) is an ExportFailed."""
    path = Path(path)
    tmp = path.with_name(path.name + ".partial")
    try:
        tmp.open("wb").close()  # a folder that cannot be written fails here, before any work
        yield tmp
        tmp.replace(path)
    except OSError as exc:
        raise errors.ExportFailed(f"{path}: cannot write it ({exc.strerror or exc})",
                                  path=str(path), detail=exc.strerror or "") from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def header_key(name: str) -> str:
    """"Birth date", " BIRTH_DATE ", "birth-date" → "birth date"; ё = е."""
    return re.sub(r"[\s_\-]+", " ", name.strip().casefold().replace("ё", "е")).strip()


def columns(header: Sequence[str], accepted: dict[str, Iterable[str]]) -> dict[str, int]:
    """Which column holds each key: the first header cell matching one of its names."""
    names = [header_key(h) for h in header]
    found = {}
    for key, options in accepted.items():
        wanted = {header_key(o) for o in options}
        for i, name in enumerate(names):
            if name in wanted:
                found[key] = i
                break
    return found


def read_rows(path: Path) -> Iterator[list[str]]:
    """Every row of a CSV or XLSX file as text cells (the header first)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        yield from _xlsx_rows(path)
    elif suffix == ".csv":
        yield from _csv_rows(path)
    else:
        raise errors.ImportFailed(f"{path.name}: choose a .csv or .xlsx file", reason="format")


def _xlsx_rows(path: Path) -> Iterator[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # a damaged or renamed file: zip, XML or openpyxl's own errors
        raise errors.ImportFailed(f"{path.name} is not a readable XLSX file ({exc})",
                                  reason="damaged") from None
    try:
        try:
            for values in book.active.iter_rows(values_only=True):
                yield [cell_text(v) for v in values]
        except Exception as exc:
            raise errors.ImportFailed(f"{path.name} is damaged ({exc})",
                                      reason="damaged") from None
    finally:
        book.close()


def _csv_rows(path: Path) -> Iterator[list[str]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise errors.ImportFailed(f"{path.name}: cannot read it ({exc.strerror})",
                                  reason="unreadable") from None
    for encoding in _ENCODINGS:
        try:
            content = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise errors.ImportFailed(f"{path.name} is neither UTF-8 nor Windows-1251 text",
                                  reason="encoding")
    first = content.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, 64 * 1024 * 1024))  # a long cell is a row error below
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise errors.ImportFailed(f"line {reader.line_num}: {exc}", reason="broken",
                                      line=reader.line_num) from None
        yield row


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # tab, LF and CR are text


def bad_text(value: str) -> str | None:
    """Why a cell cannot be stored as it is: "too_long" or "control"; None when it can."""
    if len(value) > MAX_FIELD:
        return "too_long"
    if _CONTROL.search(value):
        return "control"
    return None

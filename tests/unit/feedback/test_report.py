"""The register's exports: the XLSX has every item with every field (formula-like words kept
as text), the PDF is read back with its Cyrillic text, counts and items; the command line."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desk.models.enums import FeedbackTone, ItemStatus
from desk.services.crm import families
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft
from desk.services.feedback import register, report
from desk.services.store import errors

MSK = dt.timezone(dt.timedelta(hours=3))


@pytest.fixture
def items(store, actor, clock):
    fid = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера"),), children=(ChildDraft("Ёлкин Саша"),)))
    prices = next(t.id for t in register.tags(store) if t.name == "Цены")
    made = []
    for day, quote, tone in ((1, "Дороговато для двоих детей", FeedbackTone.NEGATIVE),
                             (2, "=HYPERLINK(\"http://x\")", FeedbackTone.NEUTRAL),
                             (3, "Спасибо за выставку ☺", FeedbackTone.POSITIVE)):
        clock.now = dt.datetime(2026, 3, day, 12, tzinfo=MSK).astimezone(dt.timezone.utc)
        made.append(register.record(store, actor, register.ItemDraft(
            quote=quote, tone=tone, family_id=fid,
            tag_ids=(prices,) if tone is FeedbackTone.NEGATIVE else ())))
    clock.now = dt.datetime(2026, 3, 4, 12, tzinfo=MSK).astimezone(dt.timezone.utc)
    register.set_status(store, actor, made[0], ItemStatus.ACCEPTED)
    return made


def test_the_xlsx_has_every_item_with_every_field(store, items, tmp_path):
    out = tmp_path / "реестр.xlsx"
    n = report.export(store, report.Period(dt.date(2026, 3, 1), dt.date(2026, 3, 3)), out)
    assert n == 3
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == report.HEADER
    by_quote = {r[6]: r for r in rows[1:]}
    first = by_quote["Дороговато для двоих детей"]
    assert (first[2], first[7], first[8], first[13], first[16]) == (
        "Ёлкина Вера", "негативный", "Цены", "принят", "открыт")
    assert first[1] == dt.datetime(2026, 3, 1, 12)  # the studio's time
    formula = [c for c in sheet.iter_rows(min_row=2) if c[6].value.startswith("=")][0][6]
    assert formula.data_type == "s"  # text, not a formula


def test_the_pdf_report_reads_back_in_russian_with_the_counts_and_items(store, items, tmp_path):
    out = tmp_path / "реестр.pdf"
    report.export(store, report.Period(dt.date(2026, 3, 2), dt.date(2026, 3, 3)), out)
    text = " ".join("".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert "Реестр обратной связи" in text and "02.03.2026 — 03.03.2026" in text
    assert "Отзывов: 2" in text and "позитивный: 1" in text
    assert "Спасибо за выставку" in text and "Дороговато" not in text  # 1 March: outside
    assert "Ответили вовремя" in text


def test_a_bad_period_or_file_type_is_refused(store, tmp_path):
    with pytest.raises(errors.ValidationFailed):
        report.export(store, report.Period(dt.date(2026, 3, 3), dt.date(2026, 3, 1)),
                      tmp_path / "x.pdf")
    with pytest.raises(errors.ValidationFailed):
        report.export(store, report.Period(dt.date(2026, 3, 1), dt.date(2026, 3, 3)),
                      tmp_path / "x.docx")

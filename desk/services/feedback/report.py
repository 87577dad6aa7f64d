"""The register for the improvements department's meeting: an XLSX with one row per item and
every field, and a PDF report for a period (counts by tag and tone, the items, the loop's
figures). Dates are the studio's; both days of the period are included."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from pathlib import Path

from desk.models.enums import FeedbackTone
from desk.services.docs import pdf
from desk.services.feedback import loop, register
from desk.services.staff import studio
from desk.services.store import errors, sheets, texts
from desk.services.store.db import Store

TONES = {"positive": "позитивный", "negative": "негативный", "neutral": "нейтральный",
         "suggestion": "предложение"}
STATUSES = {"new": "новый", "accepted": "принят", "rejected": "отклонён", "in_work": "в работе",
            "done": "сделано", "told": "клиентам сообщили"}
SOURCES = {"message": "сообщение", "call": "звонок", "script": "звонок по скрипту",
           "note": "заметка в карточке", "request": "обратная связь педагога",
           "survey": "опрос", "other": "вписано вручную"}
LOOP = {"open": "открыт", "in_progress": "в работе", "informed": "клиенту сообщили",
        "closed": "закрыт"}
HEADER = ("№", "Дата", "Семья", "Ребёнок", "Источник", "Ссылка на источник", "Слова клиента",
          "Тон", "Теги", "О педагоге", "О сотруднике", "Направление", "Ждёт ответа", "Статус",
          "Причина отказа", "Связан с №", "Ответ клиенту", "Ответить до", "Первый шаг",
          "Клиенту сообщили", "Закрыт", "Причина закрытия", "Комментарий",
          "Сообщили об изменениях", "Внёс(ла)")


@dataclasses.dataclass(frozen=True)
class Period:
    first: dt.date
    last: dt.date  # included


def _bounds(store: Store, period: Period) -> tuple[dt.datetime, dt.datetime]:
    if period.last < period.first:
        raise errors.ValidationFailed({"period": "period_reversed"})
    return studio.local_period_bounds(period.first, period.last, studio.info(store).tz)


def export(store: Store, period: Period, path: Path) -> int:
    """Write the period's register to ``path`` (.xlsx or .pdf); returns the items."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise errors.ValidationFailed({"path": "export_type"})
    since, until = _bounds(store, period)
    rows = register.listing(store, register.Filters(since=since, until=until), None).rows
    cases = {c.item_id: c for c in loop.cases(store, open_only=False)}
    info = studio.info(store)
    with sheets.atomic_write(path) as tmp:
        if suffix == ".xlsx":
            _xlsx(rows, cases, info.tz, tmp)
        else:
            figures = loop.figures(store, since, until)
            tmp.write_bytes(render_pdf(info.name, period, store.now().astimezone(info.tz),
                                       rows, figures, info.tz))
    return len(rows)


def _when(at: dt.datetime | None, tz) -> str:
    return at.astimezone(tz).strftime("%d.%m.%Y %H:%M") if at else ""


def _xlsx(rows, cases, tz, path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Реестр обратной связи")
    sheets.append_xlsx(sheet, HEADER)
    for r in rows:
        c = cases.get(r.id)
        sheets.append_xlsx(sheet, [
            r.id, r.created_at.astimezone(tz).replace(tzinfo=None), r.family, r.child,
            SOURCES[r.source.value], f"{r.source.value}:{r.source_id}" if r.source_id else "",
            r.quote, TONES[r.tone.value], ", ".join(r.tags), r.teacher, r.staff, r.direction,
            "да" if r.needs_answer else "", STATUSES[r.status.value], r.reason,
            r.linked_to or "", LOOP[c.status.value] if c else "", _when(c.due_at, tz) if c else "",
            _when(c.first_action_at, tz) if c else "", _when(c.informed_at, tz) if c else "",
            _when(c.closed_at, tz) if c else "",
            loop_reason(c.close_reason) if c else "", c.comment if c else "",
            _when(r.told_at, tz), r.created_by])
    book.save(path)


def loop_reason(code: str) -> str:
    return texts.LOOP_REASONS.get(code, code)


def _span(value: dt.timedelta | None) -> str:
    if value is None:
        return "—"
    hours = value.total_seconds() / 3600
    return f"{hours:.1f} ч" if hours < 48 else f"{hours / 24:.1f} дн."


def render_pdf(studio_name: str, period: Period, printed: dt.datetime,
               rows: tuple[register.ItemRow, ...], figures: loop.Figures, tz) -> bytes:
    """The period's report: counts by tag and tone, the loop's figures, then every item."""
    tones = Counter(r.tone for r in rows)
    by_tag: dict[str, Counter] = {}
    for r in rows:
        for tag in r.tags or ("(без тега)",):
            by_tag.setdefault(tag, Counter())[r.tone] += 1
    order = list(FeedbackTone)
    flow = [pdf.text("Итого", "h2"), pdf.text(
        f"Отзывов: {len(rows)} — " + ", ".join(f"{TONES[t.value]}: {tones.get(t, 0)}"
                                             for t in order))]
    flow.append(pdf.text("По тегам и тону", "h2"))
    flow.append(pdf.table(
        ["Тег"] + [TONES[t.value] for t in order] + ["Всего"],
        [[tag] + [str(c.get(t, 0)) for t in order] + [str(sum(c.values()))]
         for tag, c in sorted(by_tag.items(), key=lambda kv: -sum(kv[1].values()))],
        [0.28, 0.15, 0.15, 0.15, 0.15, 0.12]))
    share = "—" if figures.share_in_time is None else f"{round(100 * figures.share_in_time)}%"
    ages = figures.open_by_age
    flow += [pdf.text("Ответы клиентам (замкнутый цикл)", "h2"), pdf.table(
        ["Показатель", "Значение", "Как считается"],
        [["Ответили вовремя", share,
          f"негативные отзывы периода с первым шагом до срока, из тех, с кем связались или "
          f"чей срок прошёл: {figures.in_time} из {figures.judged}"],
         ["Первый шаг", _span(figures.median_first_action),
          "медиана времени от отзыва до первого шага"],
         ["До закрытия", _span(figures.median_close), "медиана времени от отзыва до закрытия"],
         ["Открыто сейчас", str(sum(ages.values())),
          f"до 24 ч: {ages['under_24h']}; 24–48 ч: {ages['24_48h']}; 2–7 дней: "
          f"{ages['2_7d']}; больше 7 дней: {ages['over_7d']}"]],
        [0.25, 0.15, 0.60])]
    flow += [pdf.text("Отзывы", "h2"), pdf.table(
        ["№", "Дата", "Семья", "Слова клиента", "Тон", "Теги", "Статус"],
        [[str(r.id), r.created_at.astimezone(tz).strftime("%d.%m.%Y"), r.family, r.quote,
          TONES[r.tone.value], ", ".join(r.tags), STATUSES[r.status.value]] for r in rows],
        [0.05, 0.12, 0.15, 0.30, 0.13, 0.13, 0.12], wrap=(2, 3, 5, 6))]
    return pdf.render(pdf.Heading(
        "Реестр обратной связи", studio_name,
        f"{period.first:%d.%m.%Y} — {period.last:%d.%m.%Y}",
        f"Сформировано {printed:%d.%m.%Y %H:%M}"), flow)

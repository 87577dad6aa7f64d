"""The monthly report for marketing, one PDF or XLSX for a month: every index with its trend
over twelve months, the satisfaction items, the sources of new families, loyalty signals,
reasons for leaving and the feedback register's counts; the definitions at the end. The words
are the studio's (Russian), as in every document the desk prints."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from pathlib import Path

from desk.services.docs import pdf
from desk.services.feedback import register, report
from desk.services.insights import retention, rollup, trend
from desk.services.staff import studio
from desk.services.store import errors, sheets, texts
from desk.services.store.db import Store

MONTHS = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
          "октябрь", "ноябрь", "декабрь")
SHORT = ("янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")
LOYALTY = {"referral": "привели новую семью", "review": "отзыв", "mention": "упоминание",
           "recommends": "«рекомендуем»"}
DEFINITIONS = (
    ("NPS", "% промоутеров (9–10) − % критиков (0–6) по последнему ответу каждой семьи за месяц "
            "(опросы и звонки по скрипту; братья и сёстры — одна семья); ответ без семьи "
            "считается отдельно. ± — погрешность с доверием 95%: 1,96 · 100 · √(((p + d) − "
            "(p − d)²) / n). Меньше 30 ответов — «мало ответов»."),
    ("CSAT", "доля ответов 4–5 на вопрос об удовлетворённости (шкала 1–5), каждый ответ."),
    ("CSI", "Σ wᵢ · (среднееᵢ − мин) / (макс − мин) · 100, wᵢ = важностьᵢ / Σ важности по "
            "показателям, оценённым за месяц."),
    ("FCR при закрытии", "доля диалогов, закрытых с отметкой «решено в этом обращении: да», "
                         "среди закрытых с отметкой."),
    ("FCR без повторного обращения", "доля обращений клиента, закрытых за месяц, после "
                                     "которых семья не обращалась 72 часа."),
    ("Первый ответ", "время первого ответа клиенту в рабочих секундах: медиана, и доля "
                     "ответов за 60 секунд."),
    ("Пришли снова", "доля детей с первым занятием в месяце, вернувшихся в течение 30 дней."),
    ("Отток", "доля семей, ходивших в прошлом месяце и не пришедших в этом."),
)
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


@dataclasses.dataclass(frozen=True)
class Report:
    month: str
    studio: str
    printed: dt.datetime
    months: list[trend.Month]
    kept: list[retention.Month]
    items: list[register.ItemRow]  # the month's feedback items


def month_title(key: str) -> str:
    return f"{MONTHS[int(key[5:7]) - 1]} {key[:4]}"


def gather(store: Store, month: str) -> Report:
    if not _MONTH.fullmatch(month):
        raise errors.ValidationFailed({"month": "month_invalid"})
    info = studio.info(store)
    since, until = rollup.bounds(month, info.tz)
    return Report(month, info.name, store.now().astimezone(info.tz),
                  trend.trend(store, month, 12), retention.months(store, month, 12),
                  list(register.listing(store, register.Filters(since=since, until=until),
                                        None).rows))


def export(store: Store, month: str, path: Path) -> Report:
    """Write the month's report to ``path`` (.pdf or .xlsx)."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise errors.ValidationFailed({"path": "export_type"})
    r = gather(store, month)
    with sheets.atomic_write(path) as tmp:
        if suffix == ".pdf":
            tmp.write_bytes(render_pdf(r))
        else:
            _xlsx(r, tmp)
    return r


# the figures as words --------------------------------------------------------------------

def _num(x: float | None, sign: bool = False) -> str:
    if x is None:
        return "—"
    return (f"{x:+.1f}" if sign else f"{x:.1f}").replace(".", ",")


def _pct(x: float | None) -> str:
    return "—" if x is None else _num(x) + "%"


def _secs(x: float | None) -> str:
    if x is None:
        return "—"
    minutes, seconds = divmod(round(x), 60)
    return f"{minutes}:{seconds:02d}"


def rows_of(r: Report) -> list[tuple[str, list[str]]]:
    """Each index's name and its figure per month (the last is the report's month)."""
    kept = r.kept[-len(r.months):]
    return [
        ("NPS", [_num(m.indices.nps.score, sign=True) for m in r.months]),
        ("NPS: ответов", [str(m.indices.nps.n) for m in r.months]),
        ("NPS: погрешность ±", [_num(m.indices.nps.moe95) for m in r.months]),
        ("CSAT", [_pct(m.indices.csat.score) for m in r.months]),
        ("CSI", [_pct(m.indices.csi.score) for m in r.months]),
        ("FCR при закрытии", [_pct(m.indices.fcr_at_close.score) for m in r.months]),
        ("FCR без повторного обращения", [_pct(m.indices.fcr_no_recontact.score)
                                          for m in r.months]),
        ("Первый ответ, медиана", [_secs(m.indices.response.median_s) for m in r.months]),
        ("Ответ за 60 с", [_pct(m.indices.response.within_60s_pct) for m in r.months]),
        ("Пришли снова", [_pct(k.conversion) for k in kept]),
        ("Отток", [_pct(k.churn) for k in kept]),
        ("Новые семьи", [str(sum(k.sources.values())) for k in kept]),
        ("Признаки лояльности", [str(sum(k.loyalty.values())) for k in kept]),
    ]


SOURCES = {"website": "сайт", "call": "звонок", "phone": "звонок", "telegram": "Telegram",
           "whatsapp": "WhatsApp", "vk": "ВКонтакте", "instagram": "Instagram",
           "email": "e-mail"}


def _source(code: str) -> str:
    """A family's source as stored: our code in words, the studio's own words as typed."""
    return SOURCES.get(code, code)


def render_pdf(r: Report) -> bytes:
    now, before = r.months[-1], r.months[-2] if len(r.months) > 1 else None
    x = now.indices
    labels = [SHORT[int(m.month[5:7]) - 1] for m in r.months]
    flow = [pdf.text("Главное за месяц", "h2")]
    nps = x.nps
    lines = [f"NPS {_num(nps.score, sign=True)} (n = {nps.n}: промоутеры {nps.promoters}, "
             f"нейтральные {nps.passives}, критики {nps.detractors}; ± {_num(nps.moe95)})"
             + (" — мало ответов" if nps.too_few else "")]
    if before is not None and nps.score is not None and before.indices.nps.score is not None:
        lines.append(f"К прошлому месяцу: {_num(nps.score - before.indices.nps.score, True)} "
                     f"пункта")
    lines.append(f"CSI {_pct(x.csi.score)} (n = {x.csi.n}), CSAT {_pct(x.csat.score)} "
                 f"(n = {x.csat.n}), FCR {_pct(x.fcr_at_close.score)} при закрытии и "
                 f"{_pct(x.fcr_no_recontact.score)} без повторного обращения")
    flow += [pdf.text(line) for line in lines]
    flow += [pdf.text("Показатели за 12 месяцев", "h2"), pdf.table(
        ["Показатель"] + labels, [[name] + values for name, values in rows_of(r)],
        [0.22] + [0.065] * len(labels), wrap=(0,))]
    items = [(name, value, n) for name, value, n in x.csi.items.values()]
    flow += [pdf.text("Удовлетворённость по показателям", "h2"), pdf.table(
        ["Показатель", "Оценка, %", "Ответов"],
        [[name, _pct(value) if n else "нет ответов", str(n)] for name, value, n in items],
        [0.5, 0.25, 0.25])]
    k = r.kept[-1]
    flow += [pdf.text("Откуда пришли новые семьи", "h2"), _counts(
        "Источник", {(_source(s) if s else "не указан"): n for s, n in k.sources.items()})]
    flow += [pdf.text("Признаки лояльности", "h2"), _counts(
        "Что", {LOYALTY.get(s, s): n for s, n in k.loyalty.items()})]
    flow += [pdf.text("Почему уходят (звонки ушедшим)", "h2"), _counts(
        "Причина", {texts.LAPSE_REASONS.get(s, s): n for s, n in k.reasons.items()})]
    tones = Counter(report.TONES[i.tone.value] for i in r.items)
    tags = Counter(tag for i in r.items for tag in (i.tags or ("без тега",)))
    flow += [pdf.text("Реестр обратной связи", "h2"),
             pdf.text(f"Отзывов за месяц: {len(r.items)}. По тону:"),
             _counts("Тон", dict(tones)), pdf.text("По тегам:"), _counts("Тег", dict(tags))]
    flow += [pdf.text("Как считаются показатели", "h2")]
    flow += [pdf.text(f"{name} — {words}", "small") for name, words in DEFINITIONS]
    return pdf.render(pdf.Heading(
        "Отчёт для маркетинга", r.studio, month_title(r.month).capitalize()
        + (" (месяц ещё идёт)" if now.partial else ""),
        f"Сформировано {r.printed:%d.%m.%Y %H:%M}"), flow)


def _counts(what: str, counts: dict[str, int]):
    if not counts:
        return pdf.text("Нет данных за месяц.")
    return pdf.table([what, "Количество"], [[k, str(v)] for k, v in
                                            sorted(counts.items(), key=lambda kv: -kv[1])],
                     [0.7, 0.3])


def _xlsx(r: Report, path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Показатели")
    sheets.append_xlsx(sheet, ["Показатель"] + [month_title(m.month) for m in r.months])
    for name, values in rows_of(r):
        sheets.append_xlsx(sheet, [name] + values)
    x = r.months[-1].indices
    sheet = book.create_sheet("Пункты CSI")
    sheets.append_xlsx(sheet, ["Показатель", "Оценка, %", "Ответов"])
    for name, value, n in x.csi.items.values():
        sheets.append_xlsx(sheet, [name, round(value, 1) if value is not None else None, n])
    k = r.kept[-1]
    for title, counts in (
            ("Источники", {(_source(s) if s else "не указан"): n for s, n in k.sources.items()}),
            ("Лояльность", {LOYALTY.get(s, s): n for s, n in k.loyalty.items()}),
            ("Причины ухода", {texts.LAPSE_REASONS.get(s, s): n for s, n in k.reasons.items()})):
        sheet = book.create_sheet(title)
        sheets.append_xlsx(sheet, ["Что", "Количество"])
        for name, n in sorted(counts.items(), key=lambda kv: -kv[1]):
            sheets.append_xlsx(sheet, [name, n])
    sheet = book.create_sheet("Реестр")
    sheets.append_xlsx(sheet, ["Дата", "Слова клиента", "Тон", "Теги", "Статус"])
    for i in r.items:
        sheets.append_xlsx(sheet, [i.created_at.astimezone(r.printed.tzinfo).replace(
            tzinfo=None), i.quote, report.TONES[i.tone.value], ", ".join(i.tags),
            report.STATUSES[i.status.value]])
    sheet = book.create_sheet("Как считается")
    for name, words in DEFINITIONS:
        sheets.append_xlsx(sheet, [name, words])
    book.save(path)


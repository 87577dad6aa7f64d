"""Supervisors' daily checklists, per role, from the database at the moment of printing: each
line a question the regulation asks of the role, with the live count and the items behind it,
and a box to tick. The words are the studio's (Russian), as in every document the desk prints.

- The System person's: every ended lesson marked? every debit once? payments posted? wallets
  short for next week? channels sending? feedback requests recorded? the register triaged?
- The Communicator's: conversations answered within a minute (the day's figures)? call-backs
  within 30 minutes? applications answered in time? no-shows called? birthdays greeted?
  surveys sent? mailings within the contact budget?"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

from sqlalchemy import func, select

from desk.models.checklists import ChecklistCopy
from desk.models.comms import Call, InboxMessage, Mailing, MailingRecipient
from desk.models.enums import (
    CallDirection, EntryKind, FeedbackKind, ItemStatus, Mark, OutboxStatus, RecipientStatus,
    Role,
)
from desk.models.feedback import FeedbackItem
from desk.models.surveys import SurveyInvite
from desk.models.wallet import LedgerEntry
from desk.services.calls import lapsed
from desk.services.comms import greetings, inbox, leads
from desk.services.docs import pdf
from desk.services.feedback import requests
from desk.services.money import amounts, finance
from desk.services.schedule import attendance, lessons
from desk.services.staff import studio
from desk.services.store import errors
from desk.services.store.db import Actor, Store

SHOWN = 8  # items listed under a line; the rest counted
CALL_BACK = dt.timedelta(minutes=30)
STUCK = dt.timedelta(minutes=10)  # a message waiting longer than this in the outbox
TITLES = {Role.SYSTEM: "Чек-лист дня: Человек-Система",
          Role.COMMUNICATOR: "Чек-лист дня: Человек-Коммуникатор"}


@dataclasses.dataclass(frozen=True)
class Line:
    question: str
    figure: str  # the live count, in words
    ok: bool  # nothing to chase
    items: tuple[str, ...] = ()  # what is behind the figure, the first SHOWN of them
    more: int = 0  # items not listed
    families: tuple[int, ...] = ()  # whom the items name (an erase removes a kept copy)
    contacts: tuple[str, ...] = ()  # phones and e-mails the items show


@dataclasses.dataclass(frozen=True)
class Checklist:
    role: Role
    day: dt.date
    studio: str
    printed: dt.datetime  # studio time
    lines: tuple[Line, ...]

    @property
    def title(self) -> str:
        return TITLES[self.role]

    @property
    def kind(self) -> str:
        return f"daily:{self.role.value}"

    @property
    def mentions(self) -> str:
        """" 12 45 +79161112233 " — the families and contacts it names, for an erase."""
        words = sorted({str(f) for line in self.lines for f in line.families}) + sorted(
            {c for line in self.lines for c in line.contacts})
        return f" {' '.join(words)} " if words else ""


def _line(question: str, figure: str, items: list[str], ok: bool | None = None, *,
          families=(), contacts=()) -> Line:
    return Line(question, figure, not items if ok is None else ok, tuple(items[:SHOWN]),
                max(0, len(items) - SHOWN), tuple(f for f in families if f is not None),
                tuple(c for c in contacts if c))


def _time(at: dt.datetime, tz) -> str:
    return at.astimezone(tz).strftime("%H:%M")


def daily(store: Store, role: Role, day: dt.date | None = None) -> Checklist:
    """The role's checklist for ``day`` (today by default), counted now."""
    if role not in TITLES:
        raise errors.ValidationFailed({"role": "role_invalid"})
    info = studio.info(store)
    now = store.now()
    day = day or now.astimezone(info.tz).date()
    since, until = studio.local_day_bounds(day, info.tz)
    lines = (_system if role is Role.SYSTEM else _communicator)(store, info.tz, since,
                                                                 min(until, now))
    return Checklist(role, day, info.name, now.astimezone(info.tz), tuple(lines))


def _system(store: Store, tz, since: dt.datetime, until: dt.datetime) -> list[Line]:
    checks = [c for c in attendance.to_check(store, since) if c.lesson.starts_at < until]

    def lesson(c) -> str:
        return f"{_time(c.lesson.starts_at, tz)} {c.lesson.direction}" + (
            f" ({c.lesson.teacher})" if c.lesson.teacher else "")

    unmarked = [f"{lesson(c)}: без отметки — {c.unmarked}" for c in checks if c.unmarked]
    named = [r.family_id for c in checks for r in c.roster]
    mismatched = [f"{lesson(c)}: списание не по отметке — {c.mismatches}" for c in checks
                  if c.mismatches]
    lines = [
        _line("Все прошедшие занятия отмечены?", f"без отметки: {len(unmarked)} занятий",
              unmarked, families=named),
        _line("Каждое занятие списано один раз и по отметке?",
              f"расхождений: {len(mismatched)} занятий", mismatched, families=named),
    ]
    with store.read() as s:
        posted, total = s.execute(
            select(func.count(), func.coalesce(func.sum(LedgerEntry.amount), 0))
            .where(LedgerEntry.kind == EntryKind.TOPUP, LedgerEntry.at >= since,
                   LedgerEntry.at < until)).one()
        stuck = s.execute(
            select(InboxMessage.channel, func.count(), func.min(InboxMessage.at))
            .where(InboxMessage.status.in_([OutboxStatus.QUEUED, OutboxStatus.SENDING]),
                   InboxMessage.send_after <= until - STUCK)
            .group_by(InboxMessage.channel)).all()
        failed = s.execute(
            select(InboxMessage.channel, func.count())
            .where(InboxMessage.status.in_([OutboxStatus.FAILED, OutboxStatus.UNCERTAIN]))
            .group_by(InboxMessage.channel)).all()
        untriaged = s.scalar(select(func.count()).select_from(FeedbackItem).where(
            FeedbackItem.status == ItemStatus.NEW, FeedbackItem.created_at < until))
    lines.append(_line("Платежи за день разнесены?",
                       f"разнесено: {posted} на {amounts.format_rub(total)}", [], ok=True))
    short = finance.control(store, days=7)
    lines.append(_line("Кошельки на следующую неделю пополнены?",
                       f"не хватает: {len(short)} семьям",
                       [f"{a.title}: на счёте {amounts.format_rub(a.balance)}, впереди "
                        f"{amounts.format_rub(a.upcoming)}" for a in short],
                       families=[a.family_id for a in short]))
    channel_items = [f"{c.value}: ждут отправки {n} (с {_time(at, tz)})" for c, n, at in stuck]
    channel_items += [f"{c.value}: не доставлено {n}" for c, n in failed]
    lines.append(_line("Боты и почта работают, исходящие уходят?",
                       f"застряло: {sum(n for _c, n, _a in stuck)}, не доставлено: "
                       f"{sum(n for _c, n in failed)}", channel_items))
    late = [r for r in requests.due(store) if r.late]
    lines.append(_line("Обратная связь педагогов записана в срок?",
                       f"просрочено: {len(late)}",
                       [" — ".join(x for x in (r.child, r.direction) if x)
                        + (f" ({r.teacher})" if r.teacher else "") for r in late],
                       families=[r.family_id for r in late]))
    lines.append(_line("Новые отзывы разобраны в реестре?",
                       f"ждут разбора: {untriaged}", [], ok=not untriaged))
    return lines


def _communicator(store: Store, tz, since: dt.datetime, until: dt.datetime) -> list[Line]:
    day = since.astimezone(tz).date()
    figures = inbox.stats(store, day, day).total
    share = figures.promise_share
    lines = [_line(
        "На сообщения ответили в течение минуты?",
        f"ответов: {figures.responses}; за минуту: "
        + ("—" if share is None else f"{round(100 * share)}%")
        + f"; первый ответ в среднем {figures.first_response_avg_s} с", [],
        ok=share is None or share >= 0.95)]
    with store.read() as s:
        calls = s.execute(select(Call.phone, Call.at, Call.direction, Call.missed)
                          .where(Call.at >= since, Call.at < until + CALL_BACK)
                          .order_by(Call.at)).all()
        invited = s.scalar(select(func.count()).select_from(SurveyInvite).where(
            SurveyInvite.sent_at >= since, SurveyInvite.sent_at < until))
        reminded = s.scalar(select(func.count()).select_from(SurveyInvite).where(
            SurveyInvite.reminded_at >= since, SurveyInvite.reminded_at < until))
        mailed = s.execute(select(Mailing.name, func.count())
                           .join(MailingRecipient, MailingRecipient.mailing_id == Mailing.id)
                           .where(Mailing.created_at >= since, Mailing.created_at < until,
                                  MailingRecipient.status == RecipientStatus.SKIPPED,
                                  MailingRecipient.reason == "over_budget")
                           .group_by(Mailing.name)).all()
        started = s.scalar(select(func.count()).select_from(Mailing).where(
            Mailing.created_at >= since, Mailing.created_at < until))
    missed = [(phone, at) for phone, at, direction, was_missed in calls
              if direction is CallDirection.INCOMING and was_missed and at < until]
    not_called = [f"{_time(at, tz)} {phone or 'номер скрыт'}" for phone, at in missed
                  if not any(p == phone and d is CallDirection.OUTGOING and at < when
                             <= at + CALL_BACK for p, when, d, _m in calls)]
    lines.append(_line("Пропущенным перезвонили в течение 30 минут?",
                       f"пропущено: {len(missed)}, не перезвонили вовремя: {len(not_called)}",
                       not_called, contacts=[phone for phone, _at in missed]))
    applied = [r for r in leads.listing(store, open_only=False)
               if since <= r.created_at < until]
    late = [r for r in applied if r.late or (r.responded_at is not None
                                             and r.responded_at > r.respond_by)]
    lines.append(_line("На заявки ответили вовремя?",
                       f"заявок: {len(applied)}, с опозданием или без ответа: {len(late)}",
                       [f"{_time(r.created_at, tz)} {r.name or r.phone or r.email}"
                        for r in late], families=[r.family_id for r in late],
                       contacts=[x for r in late for x in (r.phone, r.email)]))
    absent = [n for n in lapsed.no_shows(store) if since <= n.lesson_at < until]
    lines.append(_line("Не пришедшим позвонили?", f"ждут звонка: {len(absent)}",
                       [f"{n.family_title}: {n.child}, {n.direction}" for n in absent],
                       families=[n.family_id for n in absent]))
    birthdays = [g for g in greetings.upcoming(store, days=1) if g.birthday == day]
    waiting = [g for g in birthdays if not g.done]
    lines.append(_line("С днём рождения поздравили?",
                       f"именинников: {len(birthdays)}, не поздравлены: {len(waiting)}",
                       [", ".join(g.children) or g.parent for g in waiting],
                       families=[g.family_id for g in waiting]))
    lines.append(_line("Опросы отправлены?", f"приглашений: {invited}, напоминаний: "
                                              f"{reminded}", [], ok=True))
    lines.append(_line("Рассылки в пределах лимита контактов?",
                       f"рассылок: {started}; пропущено из-за лимита: "
                       f"{sum(n for _name, n in mailed)}",
                       [f"{name}: пропущено {n}" for name, n in mailed], ok=True))
    return lines


# the PDF -----------------------------------------------------------------------------------

BOX = "☐"


def render_pdf(c: Checklist, person: str = "") -> bytes:
    rows = []
    for line in c.lines:
        behind = "\n".join(line.items) + (f"\nи ещё {line.more}" if line.more else "")
        rows.append([BOX, line.question, line.figure + ("" if line.ok else " — проверить"),
                     behind or ("всё в порядке" if line.ok else "")])
    flow = [pdf.table(["", "Вопрос", "Сейчас", "Что за этим"], rows,
                      [0.05, 0.30, 0.25, 0.40], wrap=(1, 2, 3)),
            pdf.gap(6),
            pdf.text("Замечания: ______________________________________________________"),
            pdf.gap(4),
            pdf.text("______________________________________________________________"),
            pdf.gap(10),
            pdf.text(f"Проверил(а): {person or '________________________'}     "
                     "Подпись: ____________     Время: ________")]
    return pdf.render(pdf.Heading(
        TITLES[c.role], c.studio, f"{c.day:%d.%m.%Y}" + (f" · {person}" if person else ""),
        f"Сформировано из базы {c.printed:%d.%m.%Y %H:%M}"), flow)


def export(store: Store, role: Role, day: dt.date | None, path: Path,
           person: str = "") -> Checklist:
    """Write the role's checklist for the day to ``path`` (.pdf)."""
    return pdf.export(path, lambda: daily(store, role, day),
                      lambda found: render_pdf(found, person))


# the kept copies ---------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class CopyRow:
    id: int
    title: str
    day: dt.date
    printed_at: dt.datetime
    person: str


def keep(store: Store, actor: Actor, c: Checklist | LessonSheet, pdf_bytes: bytes) -> int:
    """Keep the copy printed (or saved) in the database, so every desk sees it and a
    supervisor can reopen it; a supervisor may keep one too."""
    with store.write(actor, looking_may=True) as uow:
        row = ChecklistCopy(kind=c.kind, day=c.day, title=c.title,
                            printed_at=uow.now, staff_id=actor.staff_id, person=actor.name,
                            pdf=pdf_bytes, mentions=c.mentions)
        uow.session.add(row)
        uow.session.flush()
        uow.audit("checklist.keep", entity_id=row.id, after=json.dumps(
            {"checklist": c.title, "day": c.day.isoformat()}, ensure_ascii=False))
        uow.commit()
        return row.id


def copies(store: Store, limit: int = 500) -> list[CopyRow]:
    """The kept copies, the newest first."""
    with store.read() as s:
        return [CopyRow(*r) for r in s.execute(
            select(ChecklistCopy.id, ChecklistCopy.title, ChecklistCopy.day,
                   ChecklistCopy.printed_at, ChecklistCopy.person)
            .order_by(ChecklistCopy.printed_at.desc(), ChecklistCopy.id.desc()).limit(limit))]


def copy_pdf(store: Store, copy_id: int) -> bytes:
    with store.read() as s:
        found = s.scalar(select(ChecklistCopy.pdf).where(ChecklistCopy.id == copy_id))
    if found is None:
        raise errors.NotFound(f"no kept checklist {copy_id}")
    return found


def forget_in(s, family_id: int, contacts: list[str]) -> int:
    """An erase: the kept copies that name the family (or show its phones or e-mails) go."""
    marks = [f" {family_id} "] + [f" {c} " for c in contacts if c]
    found = [row for row in s.scalars(select(ChecklistCopy))
             if any(m in row.mentions for m in marks)]
    for row in found:
        s.delete(row)
    return len(found)


# the lesson sheet --------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class SheetLine:
    child: str
    first_time: bool
    family_id: int


@dataclasses.dataclass(frozen=True)
class LessonSheet:
    lesson: lessons.LessonRow
    studio: str
    printed: dt.datetime  # studio time
    roster: tuple[SheetLine, ...]
    feedback: tuple[str, ...]  # the children whose teacher's feedback is due after it
    tz: object

    @property
    def day(self) -> dt.date:
        return self.lesson.starts_at.astimezone(self.tz).date()

    @property
    def title(self) -> str:
        return f"Лист занятия: {self.lesson.direction}"

    @property
    def kind(self) -> str:
        return "lesson"

    @property
    def mentions(self) -> str:
        ids = sorted({str(r.family_id) for r in self.roster})
        return f" {' '.join(ids)} " if ids else ""


def lesson_sheet(store: Store, lesson_id: int) -> LessonSheet:
    """The sheet a teacher takes to a lesson: the roster with first-timers marked, room for
    marks and notes, the children whose feedback is due after it."""
    info = studio.info(store)
    check = attendance.check(store, lesson_id)
    roster = tuple(SheetLine(r.child, r.first_time, r.family_id) for r in check.roster
                   if r.mark is not Mark.CANCELLED)
    children = {r.child_id for r in check.roster}
    due = [r.child for r in requests.open_requests(store)
           if r.child_id in children and r.kind is FeedbackKind.FIRST]
    return LessonSheet(check.lesson, info.name, store.now().astimezone(info.tz), roster,
                       tuple(due), info.tz)


def render_sheet(sheet: LessonSheet) -> bytes:
    lesson, tz = sheet.lesson, sheet.tz
    rows = [[str(n), line.child, "впервые ★" if line.first_time else "",
             f"{BOX} был   {BOX} не был", ""] for n, line in enumerate(sheet.roster, 1)]
    flow = [pdf.text(f"Педагог: {lesson.teacher or '—'} · помещение: {lesson.room or '—'} · "
                     f"мест занято: {len(sheet.roster)} из {lesson.capacity}"),
            pdf.gap(3),
            pdf.table(["№", "Ребёнок", "", "Отметка", "Заметки педагога"], rows,
                      [0.05, 0.30, 0.12, 0.20, 0.33], wrap=(1,), row_mm=11) if rows
            else pdf.text("На занятие никто не записан.")]
    if sheet.feedback:
        flow += [pdf.gap(4), pdf.text("Обратная связь нужна после занятия: "
                                      + ", ".join(sheet.feedback))]
    flow += [pdf.gap(10), pdf.text("Педагог: ________________________     Подпись: "
                                   "____________")]
    start = lesson.starts_at.astimezone(tz)
    return pdf.render(pdf.Heading(
        sheet.title, sheet.studio,
        f"{start:%d.%m.%Y %H:%M}–{lesson.ends_at.astimezone(tz):%H:%M}",
        f"Сформировано из базы {sheet.printed:%d.%m.%Y %H:%M}"), flow)


def export_sheet(store: Store, lesson_id: int, path: Path) -> LessonSheet:
    return pdf.export(path, lambda: lesson_sheet(store, lesson_id), render_sheet)

"""Money views: wallet control (who is short for the coming week) and the finance report by
day, method and direction, on screen and as XLSX."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from pathlib import Path

from sqlalchemy import func, literal, or_, select, union_all

from desk.models.enums import EntryKind, Mark, PaymentMethod, Role
from desk.models.family import Family
from desk.models.schedule import Direction, Enrolment, Lesson
from desk.models.task import WALLET_REMINDER
from desk.models.wallet import LedgerEntry, Wallet
from desk.services.crm import families
from desk.services.money import amounts
from desk.services.staff import studio
from desk.services.store import errors, sheets
from desk.services.tasks import tasks
from desk.services.store.db import Actor, Store

REMINDER = "Напомнить о пополнении кошелька: баланс {balance}, на ближайшую неделю нужно {need}"


@dataclasses.dataclass(frozen=True)
class WalletAlert:
    family_id: int
    title: str
    balance: int  # kopecks
    upcoming: int  # kopecks for enrolments in the coming days

    @property
    def shortfall(self) -> int:
        return max(self.upcoming - self.balance, -self.balance, 0)


def control(store: Store, days: int = 7) -> list[WalletAlert]:
    """Families whose balance is negative or below the cost of their coming enrolments."""
    with store.read() as s:
        now = store.now()
        coming = (select(Enrolment.family_id.label("fid"),
                         func.sum(Enrolment.price + Enrolment.adults_price).label("due"))
                  .join(Lesson, Lesson.id == Enrolment.lesson_id)
                  .where(Lesson.starts_at >= now,
                         Lesson.starts_at < now + dt.timedelta(days=days),
                         Lesson.cancelled_at.is_(None), Enrolment.mark == Mark.NONE)
                  .group_by(Enrolment.family_id).subquery())
        due = func.coalesce(coming.c.due, 0)
        # the database picks the short ones: those with a wallet, and those without one yet
        short = s.execute(union_all(
            select(Wallet.family_id, Wallet.balance, due)
            .outerjoin(coming, coming.c.fid == Wallet.family_id)
            .where(or_(Wallet.balance < 0, Wallet.balance < due)),
            select(coming.c.fid, literal(0), coming.c.due)
            .where(coming.c.due > 0, coming.c.fid.not_in(select(Wallet.family_id))))).all()
        balances = {fid: balance for fid, balance, _due in short}
        upcoming = {fid: owed for fid, _balance, owed in short}
        erased = set(s.scalars(select(Family.id).where(Family.erased.is_(True))))
        ids = sorted(fid for fid in balances if fid not in erased)
        titles = families.titles(s, ids)
        alerts = [WalletAlert(fid, titles.get(fid, str(fid)), balances.get(fid, 0),
                              upcoming.get(fid, 0)) for fid in ids]
        return sorted(alerts, key=lambda a: -a.shortfall)


@dataclasses.dataclass(frozen=True)
class Reminded:
    created: int
    already: int  # families that have an open reminder of this week already


def remind(store: Store, actor: Actor, alerts: list[WalletAlert]) -> Reminded:
    """A reminder task for the Communicator per family, unless the family has an open one
    from this week (pressing the button twice makes no second task)."""
    with store.write(actor) as uow:
        year, week, _ = uow.now.astimezone(studio.load_info(uow.session).tz).isocalendar()
        origin = f"{WALLET_REMINDER}{year}-W{week:02d}"
        created = 0
        for a in alerts:  # a family's second open one is refused by ux_task_wallet_reminder
            task_id = tasks.save_once(uow, tasks.TaskDraft(
                title=REMINDER.format(balance=amounts.format_rub(a.balance),
                                      need=amounts.format_rub(a.upcoming)),
                due_at=uow.now, family_id=a.family_id, assignee_role=Role.COMMUNICATOR,
                origin=origin))
            created += task_id is not None
        uow.commit()
        return Reminded(created, len(alerts) - created)


@dataclasses.dataclass(frozen=True)
class ReportRow:
    day: dt.date
    kind: EntryKind
    group: str  # a payment method's value for top-ups, a direction's name for debits
    amount: int  # kopecks, signed as in the ledger
    count: int


@dataclasses.dataclass(frozen=True)
class Report:
    since: dt.date
    until: dt.date
    rows: tuple[ReportRow, ...]

    def total(self, kind: EntryKind) -> int:
        return sum(r.amount for r in self.rows if r.kind is kind)


def report(store: Store, since: dt.date, until: dt.date) -> Report:
    """Ledger entries from ``since`` to ``until`` inclusive (studio days), grouped by day,
    kind and method (top-ups) or direction (debits and their corrections)."""
    if until < since:
        raise errors.ValidationFailed({"until": "last_date_before_first"})
    with store.read() as s:
        tz = studio.load_info(s).tz
        start, _ = studio.local_day_bounds(since, tz)
        _, end = studio.local_day_bounds(until, tz)
        rows = s.execute(
            select(LedgerEntry.at, LedgerEntry.kind, LedgerEntry.amount, LedgerEntry.method,
                   Direction.name)
            .outerjoin(Enrolment, Enrolment.id == LedgerEntry.enrolment_id)
            .outerjoin(Lesson, Lesson.id == Enrolment.lesson_id)
            .outerjoin(Direction, Direction.id == Lesson.direction_id)
            .where(LedgerEntry.at >= start, LedgerEntry.at < end)).all()
    grouped: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    for at, kind, amount, method, direction in rows:
        group = direction or (method.value if isinstance(method, PaymentMethod) else "")
        key = (at.astimezone(tz).date(), kind, group)
        grouped[key][0] += amount
        grouped[key][1] += 1
    out = [ReportRow(day, kind, group, v[0], v[1])
           for (day, kind, group), v in sorted(grouped.items(),
                                               key=lambda kv: (kv[0][0], kv[0][1].value,
                                                               kv[0][2]))]
    return Report(since, until, tuple(out))


def export_xlsx(rep: Report, path: Path, labels: dict[str, str] | None = None) -> None:
    """Two sheets: every row, and totals by kind and group. ``labels`` words kinds and methods
    (the command line leaves them as codes)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    labels = labels or {}
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise errors.WrongFileType(f"{path.name}: choose a .xlsx file", allowed=".xlsx")
    book = Workbook()
    sheet = book.active
    sheet.title = labels.get("sheet.rows", "rows")
    header = [labels.get(h, h) for h in ("day", "kind", "method_or_direction", "amount_rub",
                                         "entries")]
    sheet.append(header)
    for r in rep.rows:
        sheets.append_xlsx(sheet, [r.day, labels.get(r.kind.value, r.kind.value),
                                   labels.get(r.group, r.group), r.amount / 100, r.count])
    totals = book.create_sheet(labels.get("sheet.totals", "totals"))
    totals.append([labels.get(h, h) for h in ("kind", "method_or_direction", "amount_rub")])
    sums: dict[tuple, int] = defaultdict(int)
    for r in rep.rows:
        sums[(r.kind.value, r.group)] += r.amount
    for (kind, group), amount in sorted(sums.items()):
        sheets.append_xlsx(totals, [labels.get(kind, kind), labels.get(group, group),
                                    amount / 100])
    for ws in (sheet, totals):
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for column in ws.columns:
            ws.column_dimensions[column[0].column_letter].width = 22
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, float):
                    cell.number_format = "#,##0.00"
    with sheets.atomic_write(path) as tmp:
        book.save(tmp)

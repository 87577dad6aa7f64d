"""The demo studio's year: teachers, rooms, weekly lessons, regular groups of children,
marks, payments and the debits they call for — plus three deliberate slips for the attendance
check to find (an unmarked past lesson, an attended child never debited, a lesson debited
twice). The ledger is chained exactly as wallet.append chains it."""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models.enums import EntryKind, Mark, PaymentMethod
from desk.models.schedule import Direction, Enrolment, Lesson, Room, Series, Teacher
from desk.models.wallet import GENESIS, LedgerEntry, Wallet
from desk.services.money import wallet
from desk.services.store import bulk

TEACHERS = [("Ирина Глинина", True), ("Павел Стружкин", False), ("Ольга Нитина", False),
            ("Сергей Тропин", False), ("Дарья Лепкова", False)]
ROOMS = ["Столярка", "Гончарная", "Светлый зал"]
SLOTS = [(0, 17), (1, 17), (2, 16), (3, 17), (4, 18), (5, 11), (5, 14), (6, 12), (1, 10),
         (3, 10)]
WEEKS_BACK, WEEKS_AHEAD = 39, 13


def generate(s: Session, rng: random.Random, today: dt.date, tz: ZoneInfo,
             children: list[tuple[int, int, str]],
             money: dict[int, list[tuple]]) -> None:
    """``children``: (child id, family id, name). ``money``: family id → list of
    (at, kind, amount, method, note, enrolment id), top-ups already in it; debits are added."""
    teachers = [Teacher(name=n, head=h, phone=f"+7903{1000000 + i:07d}")
                for i, (n, h) in enumerate(TEACHERS)]
    rooms = [Room(name=n) for n in ROOMS]
    s.add_all(teachers + rooms)
    s.flush()
    directions = list(s.scalars(select(Direction).where(Direction.duration_min <= 120)))
    series_count = max(8, min(130, len(children) // 900))
    first_day = today - dt.timedelta(weeks=WEEKS_BACK)
    next_lesson = (s.scalar(select(Lesson.id).order_by(Lesson.id.desc()).limit(1)) or 0) + 1
    next_enrolment = (s.scalar(select(Enrolment.id).order_by(Enrolment.id.desc())
                               .limit(1)) or 0) + 1
    now = dt.datetime.combine(today, dt.time(12), tz).astimezone(dt.timezone.utc)
    lessons, enrolments = [], []
    past: list[list[dict]] = []  # the enrolments of each past lesson
    for n in range(series_count):
        direction = rng.choice(directions)
        weekday, hour = SLOTS[n % len(SLOTS)]
        minute = 30 if n // len(SLOTS) % 2 else 0
        start = first_day + dt.timedelta(days=(weekday - first_day.weekday()) % 7)
        series = Series(direction_id=direction.id, teacher_id=rng.choice(teachers).id,
                        room_id=rng.choice(rooms).id, weekday=weekday,
                        start_time=dt.time(hour, minute), duration_min=direction.duration_min,
                        first_date=start,
                        last_date=start + dt.timedelta(weeks=WEEKS_BACK + WEEKS_AHEAD))
        s.add(series)
        s.flush()
        discount = rng.random() < 0.5
        group = rng.sample(children, min(len(children), direction.capacity - rng.randint(0, 2)))
        day = start
        while day <= series.last_date:
            starts = dt.datetime.combine(day, series.start_time, tz).astimezone(dt.timezone.utc)
            lesson_id = next_lesson
            next_lesson += 1
            lessons.append(dict(id=lesson_id, series_id=series.id, direction_id=direction.id,
                                teacher_id=series.teacher_id, room_id=series.room_id,
                                starts_at=starts,
                                ends_at=starts + dt.timedelta(minutes=direction.duration_min),
                                capacity=direction.capacity, price=direction.price,
                                sibling_discount=discount, adults_allowed=False, adult_price=0,
                                cancelled_at=None, note=""))
            ended = starts + dt.timedelta(minutes=direction.duration_min) < now
            order: dict[int, int] = {}
            this_lesson = []
            for child_id, family_id, name in group:
                if rng.random() < 0.15:
                    continue  # not every regular comes every week
                k = order.get(family_id, 0)
                order[family_id] = k + 1
                price = (direction.price * 90 + 50) // 100 if discount and k else direction.price
                mark = Mark.NONE
                if ended:
                    mark = rng.choices([Mark.ATTENDED, Mark.ABSENT, Mark.CANCELLED],
                                       [85, 10, 5])[0]
                e = dict(id=next_enrolment, lesson_id=lesson_id, family_id=family_id,
                         child_id=child_id, price=price, adults=0, adults_price=0,
                         first_time=False, mark=mark, marked_at=starts if ended else None,
                         marked_by=None, created_at=starts - dt.timedelta(days=3), name=name,
                         direction=direction.name)
                next_enrolment += 1
                enrolments.append(e)
                this_lesson.append(e)
            if ended and this_lesson:
                past.append(this_lesson)
            day += dt.timedelta(days=7)
    _slips_and_debits(rng, past, enrolments, money)
    seen: set[int] = set()
    for e in sorted(enrolments, key=lambda e: (e["created_at"], e["id"])):
        if e["mark"] is not Mark.CANCELLED and e["child_id"] not in seen:
            e["first_time"] = True
            seen.add(e["child_id"])
    bulk.insert_rows(s, Lesson.__table__, lessons)
    bulk.insert_rows(s, Enrolment.__table__, [
        {k: v for k, v in e.items() if k not in ("name", "direction")} for e in enrolments])


def _slips_and_debits(rng: random.Random, past: list[list[dict]], enrolments: list[dict],
                      money: dict[int, list[tuple]]) -> None:
    unmarked = past[-1] if past else []
    for e in unmarked:  # slip 1: the newest ended lesson is not marked at all
        e["mark"], e["marked_at"] = Mark.NONE, None
    attended = [e for lesson in past[:-1] for e in lesson if e["mark"] is Mark.ATTENDED]
    never_debited = attended[-1]["id"] if attended else None  # slip 2
    twice = attended[-7]["id"] if len(attended) > 7 else None  # slip 3
    for e in enrolments:
        if e["mark"] is not Mark.ATTENDED or e["id"] == never_debited:
            continue
        event = (e["marked_at"], EntryKind.DEBIT, -e["price"], None,
                 f"{e['direction']}: {e['name']}", e["id"])
        money.setdefault(e["family_id"], []).append(event)
        if e["id"] == twice:
            money[e["family_id"]].append(event)
    _top_ups_for_lessons(rng, money)


def _top_ups_for_lessons(rng: random.Random, money: dict[int, list[tuple]]) -> None:
    """Families pay ahead for about four lessons at a time; a few fall behind lately."""
    for family_id, events in money.items():
        debits = sorted(ev for ev in events if ev[1] is EntryKind.DEBIT)
        late = rng.random() < 0.15
        for i in range(0, len(debits), 4):
            group = debits[i:i + 4]
            if late and i + 4 >= len(debits):
                break
            amount = -sum(ev[2] for ev in group)
            amount = (amount + 9999) // 10000 * 10000
            at = group[0][0] - dt.timedelta(days=rng.randint(1, 3), hours=rng.randint(0, 5))
            events.append((at, EntryKind.TOPUP, amount, rng.choice(list(PaymentMethod)),
                           f"{amount // 100} оплата за занятия", None))


def ledger_rows(money: dict[int, list[tuple]]) -> tuple[list[dict], list[dict]]:
    """Wallet and ledger rows from each family's money events, chained in time order."""
    wallets, entries = [], []
    for family_id in sorted(money):
        head, total = GENESIS, 0
        events = sorted(money[family_id], key=lambda ev: (ev[0], ev[1] is EntryKind.DEBIT))
        for seq, (at, kind, amount, method, note, enrolment_id) in enumerate(events, start=1):
            digest = wallet.entry_hash(head, family_id, seq, at, kind, amount, method, None,
                                       note, None, enrolment_id)
            entries.append(dict(family_id=family_id, seq=seq, at=at, kind=kind, amount=amount,
                                method=method, reverses_id=None, note=note,
                                idempotency_key=None, staff_id=None, prev_hash=head,
                                hash=digest, enrolment_id=enrolment_id))
            head, total = digest, total + amount
        wallets.append(dict(family_id=family_id, balance=total, entries=len(events), head=head))
    return wallets, entries


def insert_ledger(s: Session, money: dict[int, list[tuple]]) -> None:
    wallets, entries = ledger_rows(money)
    bulk.insert_rows(s, Wallet.__table__, wallets)
    bulk.insert_rows(s, LedgerEntry.__table__, entries)



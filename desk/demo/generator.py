"""A realistic demo studio: Russian names, families with 1–3 children, contacts typed in mixed
formats, staff, tasks and months of history. The same seed gives the same studio (for the same
``today``); bulk inserts keep 100,000 families fast."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from sqlalchemy import insert, text

from desk.models.enums import Channel, EntryKind, PaymentMethod, Role, TaskStatus, TimelineKind
from desk.models.family import Child, Family, Guardian, TimelineEntry
from desk.models.schema import Base
from desk.models.task import Task
from desk.demo import calls, feedback, handovers, inbox, quality, schedule, surveys
from desk.services.crm import contacts, search
from desk.services.staff import studio
from desk.services.store.db import SYSTEM_ACTOR, Store
from desk.services.store.dialect import dialect_of

SURNAMES = [
    ("Иванов", "Иванова"), ("Смирнов", "Смирнова"), ("Кузнецов", "Кузнецова"),
    ("Попов", "Попова"), ("Васильев", "Васильева"), ("Петров", "Петрова"),
    ("Соколов", "Соколова"), ("Михайлов", "Михайлова"), ("Новиков", "Новикова"),
    ("Фёдоров", "Фёдорова"), ("Морозов", "Морозова"), ("Волков", "Волкова"),
    ("Алексеев", "Алексеева"), ("Лебедев", "Лебедева"), ("Семёнов", "Семёнова"),
    ("Егоров", "Егорова"), ("Павлов", "Павлова"), ("Козлов", "Козлова"),
    ("Степанов", "Степанова"), ("Николаев", "Николаева"), ("Орлов", "Орлова"),
    ("Андреев", "Андреева"), ("Макаров", "Макарова"), ("Никитин", "Никитина"),
    ("Захаров", "Захарова"), ("Зайцев", "Зайцева"), ("Соловьёв", "Соловьёва"),
    ("Борисов", "Борисова"), ("Ёлкин", "Ёлкина"), ("Демин", "Демина"),
    ("Королёв", "Королёва"), ("Гусев", "Гусева"), ("Киселёв", "Киселёва"),
    ("Белов", "Белова"), ("Тарасов", "Тарасова"), ("Виноградов", "Виноградова"),
]
MOTHERS = ["Анна", "Мария", "Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана",
           "Юлия", "Екатерина", "Вера", "Дарья", "Ксения", "Алёна", "Марина", "Людмила"]
FATHERS = ["Александр", "Сергей", "Дмитрий", "Андрей", "Алексей", "Максим", "Иван",
           "Михаил", "Артём", "Николай", "Павел", "Роман"]
BOYS = ["Саша", "Миша", "Ваня", "Артём", "Матвей", "Тимофей", "Лев", "Марк", "Егор",
        "Фёдор", "Даниил", "Кирилл", "Гоша", "Савва", "Петя"]
GIRLS = ["Саша", "Маша", "Аня", "Соня", "Алиса", "Ева", "Варя", "Полина", "Вера",
         "Василиса", "Лиза", "Даша", "Ульяна", "Настя", "Милана"]
SOURCES = ["сарафанное радио", "Яндекс.Карты", "ВКонтакте", "Telegram-канал", "сайт",
           "вывеска у входа", "ярмарка выходного дня", "школа по соседству", ""]
LEGENDS = [
    "Ищут занятие руками вместо планшета; мама сама когда-то лепила.",
    "Переехали в район весной, ребёнок стеснительный — важно мягкое начало.",
    "Папа столяр-любитель, хочет, чтобы сын попробовал настоящий инструмент.",
    "Пришли по совету подруги, ценят маленькие группы.",
    "Готовят подарки бабушке своими руками, любят праздничные мастер-классы.",
    "Ребёнок после кружка рисования, хочет объёмные работы.",
    "",
]
NOTES = [
    "Просили напоминать о занятиях за день.",
    "Аллергия на латекс — предупредить педагога.",
    "Удобнее писать в Telegram, звонить после 18:00.",
    "Хотят на летний лагерь, уточнить даты в апреле.",
    "Понравилась керамика, спрашивали про обжиг работ.",
]
TASK_TITLES = [
    "Перезвонить по поводу расписания", "Уточнить дату рождения ребёнка",
    "Напомнить о мастер-классе в субботу", "Отправить фото работ с занятия",
    "Согласовать пробное занятие", "Спросить, как понравилось первое занятие",
]


MOBILE_CODES = [f"9{c:02d}" for c in (*range(0, 30), *range(31, 40), 50, 51, 52, 53, *range(60, 70),
                                     *range(77, 90), *range(91, 100))]


def _phone_typed(rng: random.Random, n: int) -> tuple[str, str]:
    """A unique Russian mobile number written the way people type it; returns (typed, e164)."""
    k = (n * 48271 + 123_456_789) % (len(MOBILE_CODES) * 10_000_000)
    digits = MOBILE_CODES[k // 10_000_000] + f"{k % 10_000_000:07d}"
    e164 = "+7" + digits
    style = rng.randrange(5)
    typed = [
        f"+7 ({digits[:3]}) {digits[3:6]}-{digits[6:8]}-{digits[8:]}",
        f"8{digits}",
        f"8 {digits[:3]} {digits[3:6]} {digits[6:8]} {digits[8:]}",
        f"+7{digits}",
        f"7-{digits[:3]}-{digits[3:6]}-{digits[6:]}",
    ][style]
    return typed, e164


def _demo_top_ups(rng: random.Random, created: dt.datetime, payer: str) -> list[tuple]:
    """One to three top-ups as money events for schedule.ledger_rows."""
    surname, first = (payer.split() + [""])[:2]
    events, at = [], created
    for _ in range(rng.randint(1, 3)):
        at += dt.timedelta(days=rng.randint(3, 30), hours=rng.randint(1, 8))
        amount = rng.choice([120000, 150000, 250000, 300000, 480000, 600000])
        events.append((at, EntryKind.TOPUP, amount, rng.choice(list(PaymentMethod)),
                       f"{amount // 100} {surname} {first}".strip(), None))
    return events


def generate(
    store: Store,
    families: int = 200,
    seed: int = 1,
    today: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> None:
    """Fill an empty, migrated store with a demo studio."""
    rng = random.Random(seed)
    if not studio.is_set_up(store):
        studio.setup(store, "ДетиЛюбят", studio.DEFAULT_TIMEZONE, [
            studio.StaffDraft("Анна Соколова", Role.SYSTEM),
            studio.StaffDraft("Мария Лебедева", Role.COMMUNICATOR),
            studio.StaffDraft("Ирина Павловна", Role.SUPERVISOR),
        ], SYSTEM_ACTOR)
    info = studio.info(store)
    staff = studio.staff(store)
    today = today or store.now().astimezone(info.tz).date()
    noon = dt.datetime.combine(today, dt.time(12), info.tz).astimezone(dt.timezone.utc)
    batch = 5000
    with store.write(SYSTEM_ACTOR) as uow:
        s = uow.session
        first_id = (s.execute(text("SELECT coalesce(max(id), 0) FROM family")).scalar() or 0) + 1
        next_child = (s.execute(text("SELECT coalesce(max(id), 0) FROM child")).scalar() or 0) + 1
        all_children: list[tuple[int, int, str]] = []
        money: dict[int, list[tuple]] = {}
        for start in range(0, families, batch):
            if cancelled():
                return  # rolled back: nothing half-written
            fam_rows, g_rows, c_rows, t_rows, search_rows, task_rows = [], [], [], [], [], []
            for i in range(start, min(start + batch, families)):
                fid = first_id + i
                male, female = rng.choice(SURNAMES)
                created = noon - dt.timedelta(days=rng.randrange(1, 400), minutes=rng.randrange(600))
                fam_rows.append(dict(
                    id=fid, source=rng.choice(SOURCES),
                    preferred_channel=rng.choice(list(Channel)), legend=rng.choice(LEGENDS),
                    consent_messages=rng.random() < 0.85, consent_marketing=rng.random() < 0.6,
                    consent_date=created.date(), consent_purposes="обучение, уведомления",
                    erased=False, created_at=created, updated_at=created,
                ))
                names, phones, extras = [], [], []
                for pos in range(1 if rng.random() < 0.7 else 2):
                    if pos == 0 and rng.random() < 0.85:
                        name, relation = f"{female} {rng.choice(MOTHERS)}", "mother"
                    else:
                        name, relation = f"{male} {rng.choice(FATHERS)}", "father"
                    typed, _ = _phone_typed(rng, fid * 2 + pos)
                    e164 = contacts.normalize_phone(typed)
                    email = f"parent{fid}_{pos}@example.ru" if rng.random() < 0.4 else ""
                    tg = f"parent_{fid}_{pos}" if rng.random() < 0.5 else ""
                    g_rows.append(dict(family_id=fid, position=pos, name=name, phone=e164,
                                       relation=relation,
                                       email=email, telegram=tg, vk="", whatsapp=""))
                    names.append(name)
                    phones.append(e164)
                    extras += [email, tg]
                for pos in range(rng.choice([1, 1, 1, 2, 2, 3])):
                    boy = rng.random() < 0.5
                    first = rng.choice(BOYS if boy else GIRLS)
                    name = f"{male if boy else female} {first}"
                    age_days = rng.randrange(4 * 365, 15 * 365)
                    notes = rng.choice(NOTES) if rng.random() < 0.2 else ""
                    c_rows.append(dict(id=next_child, family_id=fid, position=pos, name=name,
                                       notes=notes,
                                       birth_date=today - dt.timedelta(days=age_days)))
                    all_children.append((next_child, fid, name))
                    next_child += 1
                    names.append(name)
                t_rows.append(dict(family_id=fid, at=created, kind=TimelineKind.CREATED, text=""))
                if rng.random() < 0.3:
                    t_rows.append(dict(family_id=fid, kind=TimelineKind.NOTE,
                                       at=created + dt.timedelta(days=rng.randrange(1, 60)),
                                       text=rng.choice(NOTES), staff_id=rng.choice(staff).id))
                if i < 40 or rng.random() < 0.02:
                    member = rng.choice([m for m in staff if m.role is not Role.SUPERVISOR])
                    by_role = rng.random() < 0.5
                    task_rows.append(dict(
                        title=rng.choice(TASK_TITLES), details="", family_id=fid,
                        due_at=noon + dt.timedelta(days=rng.randrange(-3, 4),
                                                   hours=rng.randrange(-3, 8),
                                                   minutes=rng.choice((0, 15, 30, 45))),
                        assignee_staff_id=None if by_role else member.id,
                        assignee_role=member.role if by_role else None,
                        status=TaskStatus.OPEN if rng.random() < 0.8 else TaskStatus.DONE,
                        origin="manual", created_at=created, created_by=member.id,
                    ))
                search_rows.append({"id": fid, "body": search.document(names, phones, extras)})
                if rng.random() < 0.6:
                    money[fid] = _demo_top_ups(rng, created, names[0])
            s.execute(insert(Family), fam_rows)
            s.execute(insert(Guardian), g_rows)
            s.execute(insert(Child), c_rows)
            s.execute(insert(TimelineEntry), t_rows)
            if task_rows:
                s.execute(insert(Task), task_rows)
            dialect_of(s).index_add_many(s, [(r["id"], r["body"]) for r in search_rows])
            if progress:
                progress(min(start + batch, families), families)
        if all_children:
            schedule.generate(s, rng, today, info.tz, all_children, money)
        schedule.insert_ledger(s, money)
        parents = [(r["family_id"], r["name"].split()[-1]) for r in g_rows[:20]
                   if r["position"] == 0] if families else []
        desk_staff = [m.id for m in staff if m.role is not Role.SUPERVISOR]
        inbox.generate(s, rng, store.now(), info.tz, parents, desk_staff)
        calls.generate(s, rng, store.now(), [fid for fid, _ in parents[:12]], desk_staff)
        supervisors = [m.id for m in staff if m.role is Role.SUPERVISOR]
        quality.generate(s, rng, store.now(), desk_staff, supervisors + desk_staff[:1])
        handovers.generate(s, store.now(), today)
        if all_children:
            feedback.generate(s, rng, store.now(), info.name)
        dialect_of(s).after_copy(s.connection(), [  # rows went in with their ids
            t.name for t in Base.metadata.sorted_tables if "id" in t.columns])
        if families:
            surveys.generate(s, rng, store.now())  # after the ids: its rows take their own
        uow.audit("demo.generate", after=f'{{"families": {families}, "seed": {seed}}}')
        uow.commit()

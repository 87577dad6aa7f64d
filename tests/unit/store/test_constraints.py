"""The database itself refuses what the schema does not allow: amounts, counts and the sign of
a ledger entry (CHECK), enum columns held to their values, the tasks the desk creates once only
(partial UNIQUE indexes), and deletes that would lose history (ON DELETE RESTRICT)."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from sqlalchemy import delete, select, text
from sqlalchemy.exc import IntegrityError

from desk.models.comms import CallScript
from desk.models.enums import EntryKind, PaymentMethod, Role, ScriptPurpose, TaskStatus
from desk.models.family import Child
from desk.models.schedule import Direction, Lesson, WaitlistEntry
from desk.models.schema import Base
from desk.models.task import Task
from desk.services.crm import families
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft
from desk.services.money import wallet
from desk.services.schedule import enrolment, lessons
from desk.services.store import migrate, rules
from desk.services.store.db import SYSTEM_ACTOR
from desk.services.tasks import tasks

MSK = dt.timezone(dt.timedelta(hours=3))
T0 = dt.datetime(2026, 3, 2, 17, tzinfo=MSK)


def refused(store, write) -> str:
    """Run ``write(uow)`` in one transaction; the rule the database refused it by (nothing is
    kept), in the same words on either engine: "CHECK <name>", "UNIQUE <index>",
    "FOREIGN KEY"."""
    with pytest.raises(IntegrityError) as caught:
        with store.write(SYSTEM_ACTOR) as uow:
            write(uow)
            uow.session.flush()
    orig = caught.value.orig
    diag = getattr(orig, "diag", None)
    if diag is not None:  # PostgreSQL names the rule
        kind = {"23514": "CHECK", "23505": "UNIQUE", "23503": "FOREIGN KEY"}[orig.sqlstate]
        return kind if kind == "FOREIGN KEY" else f"{kind} {diag.constraint_name}"
    text_ = str(orig)
    if text_.startswith("CHECK constraint failed: "):
        return "CHECK " + text_.removeprefix("CHECK constraint failed: ")
    if text_.startswith("UNIQUE constraint failed: "):  # SQLite names the columns
        columns = [c.split(".") for c in text_.removeprefix("UNIQUE constraint failed: ")
                   .split(", ")]
        table = Base.metadata.tables[columns[0][0]]
        (index,) = [i.name for i in table.indexes
                    if i.unique and [c.name for c in i.columns] == [c for _, c in columns]]
        return f"UNIQUE {index}"
    assert text_ == "FOREIGN KEY constraint failed", text_
    return "FOREIGN KEY"


def adding(*rows):
    return lambda uow: uow.session.add_all(rows)


def running(sql: str, **params):
    return lambda uow: uow.session.execute(text(sql), params)


@pytest.fixture
def fam(store, actor):
    return families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера"),), children=(ChildDraft("Ёлкин Саша"),)))


@pytest.fixture
def lesson(store, actor):
    ceramics = next(d for d in lessons.directions(store) if d.name == "Керамика")
    return lessons.save_lesson(store, actor, lessons.LessonDraft(ceramics.id, T0, price=120000))


def _lesson(**kw) -> Lesson:
    values = dict(direction_id=1, starts_at=T0, ends_at=T0 + dt.timedelta(hours=1),
                  capacity=8, price=100000)
    return Lesson(**(values | kw))


@pytest.mark.parametrize("row, rule", [
    (Direction(name="Лепка", capacity=0, price=0, duration_min=60),
     "ck_direction_capacity_positive"),
    (Direction(name="Лепка", capacity=8, price=-1, duration_min=60),
     "ck_direction_price_range"),
    (Direction(name="Лепка", capacity=8, price=0, duration_min=0),
     "ck_direction_duration_positive"),
    (Direction(name="  ", capacity=8, price=0, duration_min=60), "ck_direction_name_present"),
    (_lesson(capacity=0), "ck_lesson_capacity_positive"),
    (_lesson(price=-100), "ck_lesson_price_range"),
    (_lesson(adult_price=1_000_000_001), "ck_lesson_adult_price_range"),
    (_lesson(ends_at=T0), "ck_lesson_ends_after_start"),
    (Task(title="", due_at=T0, assignee_role=Role.SYSTEM), "ck_task_title_present"),
])
def test_counts_amounts_and_blank_names_are_refused(store, row, rule):
    assert refused(store, adding(row)) == f"CHECK {rule}"


@pytest.mark.parametrize("kind, amount, reverses, rule", [
    (EntryKind.DEBIT, 5000, None, "ck_ledger_entry_debit_negative"),
    (EntryKind.TOPUP, -5000, None, "ck_ledger_entry_topup_positive"),
    (EntryKind.REFUND, 5000, None, "ck_ledger_entry_refund_negative"),
    (EntryKind.TOPUP, 0, None, "ck_ledger_entry_amount_nonzero"),
    (EntryKind.CORRECTION, -5000, None, "ck_ledger_entry_correction_reverses"),
    (EntryKind.DEBIT, -5000, "first", "ck_ledger_entry_correction_reverses"),
])
def test_a_ledger_entry_has_the_sign_of_its_kind(store, actor, fam, kind, amount, reverses,
                                                 rule):
    first = wallet.top_up(store, actor, fam, 100000, PaymentMethod.CASH)
    reverses_id = first if reverses == "first" else None
    assert refused(store, lambda uow: wallet.append(
        uow, fam, kind, amount, reverses_id=reverses_id)) == f"CHECK {rule}"
    assert wallet.balance(store, fam) == 100000  # nothing of the refused entry was kept


def test_an_entry_is_reversed_once_only(store, actor, fam):
    first = wallet.top_up(store, actor, fam, 100000, PaymentMethod.CASH)
    wallet.reverse(store, actor, first, "ошибка")

    def again(uow):  # behind reverse_in's own check, as a second desk would be
        wallet.append(uow, fam, EntryKind.CORRECTION, -100000, reverses_id=first)

    assert refused(store, again) == "UNIQUE ux_ledger_reverses"


def test_the_kinds_the_desk_posts_pass(store, actor, fam):
    entry = wallet.top_up(store, actor, fam, 100000, PaymentMethod.CASH)
    wallet.reverse(store, actor, entry, "не та семья")
    with store.write(actor) as uow:
        wallet.append(uow, fam, EntryKind.DEBIT, -50000)
        wallet.append(uow, fam, EntryKind.REFUND, -10000)
        uow.commit()
    assert wallet.balance(store, fam) == -60000


@pytest.mark.parametrize("sql, rule", [
    ("UPDATE task SET status = 'WEIRD'", "ck_task_status"),
    ("UPDATE family SET preferred_channel = 'FAX'", "ck_family_preferred_channel"),
    ("UPDATE guardian SET relation = 'aunt'", "ck_guardian_relation"),
    ("UPDATE guardian SET relation = 'MOTHER'", "ck_guardian_relation"),  # values, not names
    ("UPDATE staff SET role = 'communicator'", "ck_staff_role"),  # names, not values
    ("UPDATE enrolment SET mark = 'LATE'", "ck_enrolment_mark"),
    ("UPDATE ledger_entry SET method = 'BITCOIN'", "ck_ledger_entry_method"),
])
def test_an_enum_column_holds_only_its_values(store, actor, fam, lesson, sql, rule):
    wallet.top_up(store, actor, fam, 100000, PaymentMethod.CASH)
    enrolment.enrol(store, actor, lesson, fam, [c.id for c in families.card(store, fam)
                                                .draft.children])
    tasks.save(store, actor, tasks.TaskDraft("Позвонить", T0, assignee_role=Role.SYSTEM))
    assert refused(store, running(sql)) == f"CHECK {rule}"


def test_a_nullable_enum_column_may_be_empty(store, actor, fam):
    with store.write(actor) as uow:
        uow.session.add(Task(title="Кому-нибудь", due_at=T0, assignee_role=None,
                             assignee_staff_id=None))
        uow.commit()


def _task(origin: str, family_id: int | None = None, status=TaskStatus.OPEN) -> Task:
    return Task(title="Обратная связь", due_at=T0, assignee_role=Role.SYSTEM, origin=origin,
                family_id=family_id, status=status)


def test_a_second_feedback_task_exists_once_per_child_and_stage(store):
    with store.write(SYSTEM_ACTOR) as uow:
        uow.session.add_all([_task("second_feedback:1:8"), _task("second_feedback:1:20"),
                             _task("manual"), _task("manual")])  # other origins: any number
        uow.commit()
    assert refused(store, adding(_task("second_feedback:1:8", status=TaskStatus.DONE))) == \
        "UNIQUE ux_task_second_feedback"


def test_one_open_wallet_reminder_per_family_and_week(store, fam, actor):
    other = families.save(store, actor, FamilyDraft(guardians=(GuardianDraft("Иванова"),)))
    week = "wallet_reminder:2026-W10"
    with store.write(SYSTEM_ACTOR) as uow:
        uow.session.add_all([_task(week, fam, TaskStatus.DONE), _task(week, fam),
                             _task(week, other), _task("wallet_reminder:2026-W11", fam)])
        uow.commit()
    assert refused(store, adding(_task(week, fam))) == \
        "UNIQUE ux_task_wallet_reminder"


def test_save_once_keeps_the_transaction_and_says_when_the_task_was_there(store, fam):
    draft = tasks.TaskDraft("Обратная связь", T0, fam, assignee_role=Role.SYSTEM,
                            origin="second_feedback:7:8")
    with store.write(SYSTEM_ACTOR) as uow:
        first = tasks.save_once(uow, draft)
        assert tasks.save_once(uow, draft) is None
        tasks.save_in(uow, tasks.TaskDraft("Позвонить", T0, fam, assignee_role=Role.SYSTEM))
        uow.commit()
    with store.read() as s:
        assert s.scalars(select(Task.origin).order_by(Task.id)).all() == [
            "second_feedback:7:8", "manual"]
        assert s.get(Task, first) is not None


def test_one_lapsed_client_and_one_nps_script_in_use(store):
    def script(purpose, active=True):
        return CallScript(name="Скрипт", purpose=purpose, body="{}", active=active)

    with store.write(SYSTEM_ACTOR) as uow:
        uow.session.add_all([script(ScriptPurpose.NPS), script(ScriptPurpose.NPS, False),
                             script(ScriptPurpose.GENERAL), script(ScriptPurpose.GENERAL)])
        uow.commit()
    assert refused(store, adding(script(ScriptPurpose.NPS))) == \
        "UNIQUE ux_call_script_purpose"


def test_history_cannot_be_deleted_but_a_waitlist_place_goes_with_its_child(
        store, actor, fam, lesson):
    (child,) = [c.id for c in families.card(store, fam).draft.children]
    enrolment.enrol(store, actor, lesson, fam, [child])
    assert refused(store, running("DELETE FROM lesson WHERE id = :id", id=lesson)) == "FOREIGN KEY"
    assert refused(store, running("DELETE FROM direction")) == "FOREIGN KEY"
    other = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Петрова"),), children=(ChildDraft("Петя"),)))
    (pete,) = [c.id for c in families.card(store, other).draft.children]
    enrolment.add_to_waitlist(store, actor, lesson, other, [pete])
    with store.write(actor) as uow:
        uow.session.execute(delete(Child).where(Child.id == pete))
        uow.commit()
    with store.read() as s:
        assert s.scalars(select(WaitlistEntry.id)).all() == []


def test_violations_name_table_row_and_rule_and_stop_at_the_limit(store, actor):
    for n in range(5):
        tasks.save(store, actor, tasks.TaskDraft(f"Задача {n}", T0, assignee_role=Role.SYSTEM))
    with store.engine.connect() as conn:
        ids = conn.execute(text("SELECT id FROM task WHERE origin = 'manual' ORDER BY id")
                           ).scalars().all()
        never = rules.Check("task", "ck_task_never", "origin <> 'manual'")
        assert rules.violations(conn, [never], limit=3) == [
            f"task {i}: breaks ck_task_never (origin <> 'manual')" for i in ids[:3]] + \
            ["… and more rows"]
        twice = rules.Unique("task", "ux_task_once", ("origin",), "origin = 'manual'")
        assert rules.violations(conn, [twice]) == [
            f"task {i}: the same origin as task {ids[0]} breaks ux_task_once "
            "(where origin = 'manual')" for i in ids[1:]]
        assert migrate.rule_problems(conn) == []


def test_every_rule_of_the_models_is_one_the_file_can_be_checked_for(store):
    """Each rule's query runs on the head schema (a typo in a rule would fail `desk check`)."""
    from desk.models.schema import Base

    every = rules.of_metadata(Base.metadata)
    with store.engine.connect() as conn:
        assert rules.applicable(conn, every) == every
        assert rules.violations(conn, every) == []


@pytest.mark.sqlite_only
def test_the_check_finds_a_row_the_database_was_told_to_let_through(store, db_path):
    """``ignore_check_constraints`` (or an older file) lets a bad row in: `desk check` says."""
    from desk.services.upkeep import check

    with sqlite3.connect(db_path) as db:
        db.execute("PRAGMA ignore_check_constraints = ON")
        db.execute("UPDATE direction SET capacity = 0 WHERE name = 'Керамика'")
        (did,) = db.execute("SELECT id FROM direction WHERE name = 'Керамика'").fetchone()
    db.close()
    store.dispose()
    faults = [f.text for f in check.run(db_path) if f.fault]
    assert faults == [f"direction {did}: breaks ck_direction_capacity_positive (capacity > 0)"]

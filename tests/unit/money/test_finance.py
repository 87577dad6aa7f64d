import datetime as dt

from openpyxl import load_workbook

from desk import cli
from desk.models.enums import EntryKind, Mark, PaymentMethod, TaskStatus
from desk.services.crm import families
from desk.services.money import finance, wallet
from desk.services.schedule import attendance, enrolment, lessons
from desk.services.tasks import tasks
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft

MSK = dt.timezone(dt.timedelta(hours=3))


def setup_money(store, actor):
    ceramics = next(d for d in lessons.directions(store) if d.name == "Керамика")
    past = lessons.save_lesson(store, actor, lessons.LessonDraft(
        ceramics.id, dt.datetime(2026, 3, 3, 17, tzinfo=MSK), price=120000))
    coming = lessons.save_lesson(store, actor, lessons.LessonDraft(
        ceramics.id, dt.datetime(2026, 3, 6, 17, tzinfo=MSK), price=120000))
    fam = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера"),), children=(ChildDraft("Ёлкин Саша"),)))
    rich = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Демина Ольга"),), children=(ChildDraft("Демин Петя"),)))
    for f in (fam, rich):
        child = families.card(store, f).draft.children[0].id
        (e,) = enrolment.enrol(store, actor, past, f, [child])
        attendance.mark(store, actor, e, Mark.ATTENDED)
        enrolment.enrol(store, actor, coming, f, [child])
    wallet.top_up(store, actor, fam, 100000, PaymentMethod.CASH)
    wallet.top_up(store, actor, rich, 1000000, PaymentMethod.CARD_TRANSFER)
    return fam, rich


def test_wallet_control_lists_who_is_short_and_reminds(store, actor):
    fam, rich = setup_money(store, actor)
    alerts = finance.control(store)
    assert [(a.family_id, a.balance, a.upcoming) for a in alerts] == [(fam, -20000, 120000)]
    assert finance.remind(store, actor, alerts) == finance.Reminded(1, 0)
    (task,) = [t for t in tasks.listing(store) if t.origin.startswith("wallet_reminder")]
    assert task.family_id == fam and "1\u00a0200\u00a0₽" in task.title


def test_one_open_reminder_per_family_and_week(store, actor, clock):
    fam, _ = setup_money(store, actor)
    alerts = finance.control(store)
    finance.remind(store, actor, alerts)
    assert finance.remind(store, actor, alerts + alerts) == finance.Reminded(0, 2)
    reminders = [t for t in tasks.listing(store) if t.origin.startswith("wallet_reminder")]
    assert len(reminders) == 1
    tasks.set_status(store, actor, reminders[0].id, TaskStatus.DONE)
    assert finance.remind(store, actor, alerts).created == 1  # the first one was done
    clock.advance(days=7)
    assert finance.remind(store, actor, alerts).created == 1  # a new week


def test_report_by_day_method_and_direction_to_xlsx(store, actor, tmp_path):
    setup_money(store, actor)
    rep = finance.report(store, dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert rep.total(EntryKind.TOPUP) == 1100000
    assert rep.total(EntryKind.DEBIT) == -240000
    groups = {(r.kind, r.group) for r in rep.rows}
    assert (EntryKind.DEBIT, "Керамика") in groups and (EntryKind.TOPUP, "cash") in groups
    out = tmp_path / "r.xlsx"
    finance.export_xlsx(rep, out)
    book = load_workbook(out)
    assert book.sheetnames == ["rows", "totals"]
    assert book["rows"].max_row == len(rep.rows) + 1


def test_finance_report_command(store, actor, where, tmp_path, capsys):
    setup_money(store, actor)
    store.dispose()
    out = tmp_path / "r.xlsx"
    assert cli.run(["finance", "report", "--from", "2026-03-01", "--to", "2026-03-31",
                    str(out), "--db", where]) == 0
    assert out.exists()
    assert cli.run(["finance", "report", "--from", "1 марта", "--to", "2026-03-31",
                    str(out), "--db", where]) == 1

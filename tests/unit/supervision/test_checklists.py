"""The supervisors' daily checklists from live data: each line's count equals what the database
holds (an unmarked lesson, a short wallet, a missed call without a call-back, a late
application, a birthday not greeted), the PDF reads back in Russian with its tick boxes and
signature line, and the command line writes it."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader

from desk import cli
from desk.models.enums import CallDirection, Role
from desk.services.calls import calls
from desk.services.comms import leads
from desk.services.crm import families
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft
from desk.services.schedule import enrolment, lessons
from desk.services.store import errors
from desk.services.supervision import checklists

MSK = dt.timezone(dt.timedelta(hours=3))


@pytest.fixture
def busy_day(store, actor, clock):
    """4 March, 15:00 in Moscow: a ceramics lesson at 10:00 not marked, with the Ёлкины (an
    empty wallet, another lesson tomorrow); a missed call at 11:00 nobody returned, one at
    12:00 returned at 12:10; an application at 13:00 not answered; Петя's birthday today."""
    clock.now = dt.datetime(2026, 3, 4, 12, tzinfo=dt.timezone.utc)
    elkiny = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера", "+7 912 345-67-89"),),
        children=(ChildDraft("Ёлкин Саша"), ChildDraft("Ёлкин Петя", dt.date(2019, 3, 4)))))
    kids = [c.id for c in families.card(store, elkiny).draft.children]
    ceramics = next(d for d in lessons.directions(store) if d.name == "Керамика")
    for when in (dt.datetime(2026, 3, 4, 10, tzinfo=MSK), dt.datetime(2026, 3, 5, 10,
                                                                       tzinfo=MSK)):
        lesson = lessons.save_lesson(store, actor, lessons.LessonDraft(ceramics.id, when))
        enrolment.enrol(store, actor, lesson, elkiny, kids[:1])
    for hour, minute, phone, direction, missed in (
            (11, 0, "+79161112233", CallDirection.INCOMING, True),
            (12, 0, "+79164445566", CallDirection.INCOMING, True),
            (12, 10, "+79164445566", CallDirection.OUTGOING, False)):
        clock.now = dt.datetime(2026, 3, 4, hour, minute, tzinfo=MSK)
        calls.log(store, actor, calls.CallDraft(phone, direction, missed=missed))
    clock.now = dt.datetime(2026, 3, 4, 13, tzinfo=MSK)
    leads.create(store, actor, leads.LeadDraft(name="Кузнецова Анна", phone="+79035550000"))
    clock.now = dt.datetime(2026, 3, 4, 15, tzinfo=MSK)
    return elkiny


def line(checklist, start):
    return next(x for x in checklist.lines if x.question.startswith(start))


def test_the_system_persons_checklist_counts_what_the_database_holds(store, busy_day):
    found = checklists.daily(store, Role.SYSTEM)
    assert found.day == dt.date(2026, 3, 4) and len(found.lines) == 7
    marks = line(found, "Все прошедшие занятия отмечены")
    assert (marks.figure, marks.ok) == ("без отметки: 1 занятий", False)
    assert marks.items == ("10:00 Керамика: без отметки — 1",)
    wallets = line(found, "Кошельки на следующую неделю")
    assert wallets.figure == "не хватает: 1 семьям"
    assert wallets.items == ("Ёлкина Вера: на счёте 0\xa0₽, впереди 1\xa0200\xa0₽",)
    assert line(found, "Платежи за день").ok


def test_the_communicators_checklist_counts_calls_applications_and_birthdays(store,
                                                                            busy_day):
    found = checklists.daily(store, Role.COMMUNICATOR)
    back = line(found, "Пропущенным перезвонили")
    assert back.figure == "пропущено: 2, не перезвонили вовремя: 1"
    assert back.items == ("11:00 +79161112233",) and not back.ok
    applied = line(found, "На заявки ответили")
    assert applied.figure == "заявок: 1, с опозданием или без ответа: 1"
    assert applied.items == ("13:00 Кузнецова Анна",)
    born = line(found, "С днём рождения")
    assert (born.figure, born.items) == ("именинников: 1, не поздравлены: 1", ("Петя",))
    yesterday = checklists.daily(store, Role.COMMUNICATOR, dt.date(2026, 3, 3))
    assert line(yesterday, "Пропущенным перезвонили").figure == (
        "пропущено: 0, не перезвонили вовремя: 0")
    with pytest.raises(errors.ValidationFailed):
        checklists.daily(store, Role.SUPERVISOR)


def test_the_pdf_reads_back_with_its_boxes_and_signature_and_the_command_writes_it(
        store, busy_day, tmp_path, where, capsys):
    path = tmp_path / "чек-лист.pdf"
    checklists.export(store, Role.SYSTEM, None, path, person="Анна Соколова")
    text = "".join(p.extract_text() for p in PdfReader(path).pages)
    assert "Чек-лист дня: Человек-Система" in text and "04.03.2026 · Анна Соколова" in text
    assert text.count("☐") == 7 and "Подпись:" in text and "Проверил(а): Анна Соколова" in text
    assert "без отметки: 1 занятий — проверить" in " ".join(text.split())
    with pytest.raises(errors.ValidationFailed):
        checklists.export(store, Role.SYSTEM, None, tmp_path / "x.docx")
    out = tmp_path / "c.pdf"
    code = cli.run(["checklist", "daily", "--role", "communicator", "--date", "2026-03-04",
                    str(out), "--db", where])
    printed = capsys.readouterr().out
    assert code == 0 and printed.startswith(f"{out}: the communicator checklist for 2026-03-04")
    assert "Чек-лист дня: Человек-Коммуникатор" in PdfReader(out).pages[0].extract_text()
    assert cli.run(["checklist", "daily", "--role", "system", str(tmp_path / "c.txt"),
                    "--db", where]) == 2
    assert cli.run(["staff", "list", "--json", "--db", where]) == 0
    assert '"role": "communicator"' in capsys.readouterr().out


def test_a_kept_copy_is_listed_reopened_kept_by_a_supervisor_and_erased_with_a_family(
        store, actor, busy_day):
    from desk.services.privacy import privacy
    from desk.services.staff import studio

    studio.update(store, actor, "ДетиЛюбят", "Europe/Moscow",
                  [studio.StaffEdit(m.name, m.role, True, m.id) for m in studio.staff(store)]
                  + [studio.StaffEdit("Ирина Петрова", Role.SUPERVISOR)])
    boss = next(m for m in studio.staff(store) if m.role is Role.SUPERVISOR).actor()
    system = checklists.daily(store, Role.SYSTEM)
    assert f" {busy_day} " in system.mentions
    first = checklists.keep(store, actor, system, checklists.render_pdf(system))
    talk = checklists.daily(store, Role.COMMUNICATOR)
    assert " +79161112233 " in talk.mentions and f" {busy_day} " in talk.mentions  # Петя
    quiet = checklists.daily(store, Role.COMMUNICATOR, dt.date(2026, 3, 3))
    assert quiet.mentions == ""
    second = checklists.keep(store, boss, quiet, b"%PDF-1.4 kept by the supervisor")
    rows = checklists.copies(store)
    assert [(r.id, r.person) for r in rows] == [(second, "Ирина Петрова"),
                                              (first, "Анна Соколова")]
    assert checklists.copy_pdf(store, second) == b"%PDF-1.4 kept by the supervisor"
    privacy.erase(store, actor, busy_day)
    assert [r.id for r in checklists.copies(store)] == [second]  # the one naming it went


def test_a_lesson_sheet_from_the_command_line_and_the_schedule_list(store, busy_day, tmp_path,
                                                                    where, capsys):
    import json

    assert cli.run(["schedule", "list", "--from", "2026-03-04", "--to", "2026-03-05",
                    "--json", "--db", where]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(x["direction"], x["enrolled"]) for x in listed] == [("Керамика", 1)] * 2
    out = tmp_path / "лист.pdf"
    assert cli.run(["checklist", "lesson", str(listed[0]["id"]), str(out), "--db", where]) == 0
    assert capsys.readouterr().out.startswith(f"{out}: the sheet of lesson")
    text = PdfReader(out).pages[0].extract_text()
    assert "Лист занятия: Керамика" in text and "Ёлкин Саша" in text and "☐ был" in text

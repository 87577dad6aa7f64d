"""The call and chat quality sheet: the studio's criteria (seeded, edited, removed ones kept
for past sheets), a sheet scored 0/1/2 with weights and an automatic fail, a supervisor
filling one in on a read-only desk, the month's summary per person, two supervisors' sheets
of the same call side by side, the PDFs read back, and an erase leaving no trace."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader

from desk.models.enums import CallDirection, ReviewKind, Role
from desk.models.quality import percent as raw_percent
from desk.services.calls import calls
from desk.services.crm import families
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft
from desk.services.staff import studio
from desk.services.store import errors
from desk.services.supervision import quality
from tests.chats import wrote_to_bot

MSK = dt.timezone(dt.timedelta(hours=3))


def text_of(path_or_stream) -> str:
    return " ".join("".join(p.extract_text() for p in PdfReader(path_or_stream).pages).split())


@pytest.fixture
def bosses(store, actor):
    """Two supervisors besides the desk: Ирина and Олег."""
    studio.update(store, actor, "ДетиЛюбят", "Europe/Moscow",
                  [studio.StaffEdit(m.name, m.role, True, m.id) for m in studio.staff(store)]
                  + [studio.StaffEdit("Ирина Петрова", Role.SUPERVISOR),
                     studio.StaffEdit("Олег Смирнов", Role.SUPERVISOR)])
    return [m for m in studio.staff(store) if m.role is Role.SUPERVISOR]


def all_two(store) -> dict[int, int]:
    return {c.id: 2 for c in quality.criteria(store)}


def at(day: int, hour: int = 11) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, tzinfo=MSK)


def test_a_new_studio_has_the_usual_criteria_with_weights_and_automatic_fails(store):
    found = quality.criteria(store)
    names = [c.name for c in found]
    assert names[0] == "Приветствие" and "Легенда клиента" in names and len(names) == 10
    assert {c.name for c in found if c.automatic_fail} == {"Верные сведения", "Тон разговора"}
    assert all(1 <= c.weight <= 5 and c.hint for c in found)


def test_the_score_is_the_weighted_share_in_whole_percent_and_an_automatic_fail_zeroes_it():
    assert raw_percent([(2, 3, False), (1, 1, False)]) == (88, False)  # 7/8 = 87.5 → 88
    assert raw_percent([(0, 1, False), (1, 2, False)]) == (33, False)  # 2/6
    assert raw_percent([(2, 5, False), (0, 1, True)]) == (0, True)
    assert raw_percent([(2, 5, False), (1, 1, True)]) == (92, False)  # 11/12


def test_criteria_are_edited_checked_and_a_removed_one_keeps_past_sheets(store, actor, staff,
                                                                         clock):
    clock.now = at(5, 12)
    person = staff[Role.COMMUNICATOR].id
    first = quality.record(store, actor, quality.ReviewDraft(
        person, ReviewKind.CALL, at(5), all_two(store)))
    found = quality.criteria(store)
    drafts = [quality.CriterionDraft(c.id, c.name, c.hint, c.weight, c.automatic_fail)
              for c in found[1:]]  # the greeting removed
    with pytest.raises(errors.ValidationFailed) as bad:
        quality.save_criteria(store, actor, drafts + [quality.CriterionDraft(None, "  ")])
    assert bad.value.fields == {"criterion.9.name": "name_empty"}
    with pytest.raises(errors.ValidationFailed) as bad:
        quality.save_criteria(store, actor, drafts + [quality.CriterionDraft(None, "Пауза", "",
                                                                             6)])
    assert bad.value.fields == {"criterion.9.weight": "weight_invalid"}
    with pytest.raises(errors.ValidationFailed) as bad:
        quality.save_criteria(store, actor, drafts + [quality.CriterionDraft(None, "прощание")])
    assert bad.value.fields == {"criterion.9.name": "name_taken"}
    quality.save_criteria(store, actor, drafts + [quality.CriterionDraft(
        None, " Паузы  без  молчания ", "Не оставлял клиента ждать", 2)])
    now = quality.criteria(store)
    assert now[-1].name == "Паузы без молчания" and now[0].name == "Имя клиента"
    assert "Приветствие" not in [c.name for c in now]
    assert [c.name for c in quality.criteria(store, active_only=False)][-1] == "Приветствие"
    kept = quality.review(store, first)
    assert kept.lines[0].name == "Приветствие" and kept.score == 100
    assert len(kept.lines) == 10


def test_every_active_criterion_must_be_scored_0_1_or_2(store, actor, staff):
    person = staff[Role.COMMUNICATOR].id
    scores = all_two(store)
    missing = dict(scores)
    gone = missing.popitem()[0]
    with pytest.raises(errors.ValidationFailed) as bad:
        quality.record(store, actor, quality.ReviewDraft(person, ReviewKind.CALL, at(1),
                                                         missing))
    assert bad.value.fields == {f"score.{gone}": "quality_score_missing"}
    with pytest.raises(errors.ValidationFailed) as bad:
        quality.record(store, actor, quality.ReviewDraft(person, ReviewKind.CALL, at(1),
                                                         {**scores, gone: 3}))
    assert bad.value.fields == {f"score.{gone}": "quality_score_invalid"}
    with pytest.raises(errors.ValidationFailed) as bad:
        quality.record(store, actor, quality.ReviewDraft(9999, ReviewKind.CALL, at(1), scores))
    assert bad.value.fields == {"person": "person_invalid"}
    with pytest.raises(errors.ValidationFailed) as bad:
        quality.record(store, actor, quality.ReviewDraft(person, ReviewKind.CALL, at(1),
                                                         scores, call_id=9999))
    assert bad.value.fields == {"reference": "reference_invalid"}


def test_a_supervisor_fills_a_sheet_but_may_not_edit_the_criteria(store, bosses, staff, clock):
    clock.now = at(4, 15)
    boss = bosses[0].actor()
    assert boss.looks_only
    scores = all_two(store)
    tone = next(c.id for c in quality.criteria(store) if c.name == "Тон разговора")
    legend = next(c.id for c in quality.criteria(store) if c.name == "Легенда клиента")
    person = staff[Role.COMMUNICATOR].id
    one = quality.record(store, boss, quality.ReviewDraft(
        person, ReviewKind.CHAT, at(4), {**scores, legend: 1}, note="Хорошо, но без легенды",
        from_paper=True))
    two = quality.record(store, boss, quality.ReviewDraft(
        person, ReviewKind.CALL, at(4, 12), {**scores, tone: 0}))
    first, second = quality.review(store, one), quality.review(store, two)
    assert (first.reviewer, first.person, first.from_paper) == (
        "Ирина Петрова", "Мария Лебедева", True)
    assert (first.score, first.failed) == (95, False)  # 2 of 40 weighted points lost
    assert (second.score, second.failed) == (0, True)
    with pytest.raises(errors.NotPermitted):
        quality.save_criteria(store, boss, [quality.CriterionDraft(None, "Своё")])


def test_the_month_summary_counts_averages_and_fails_per_person(store, actor, bosses, staff,
                                                                 clock):
    clock.now = dt.datetime(2026, 4, 2, tzinfo=MSK)
    person, other = staff[Role.COMMUNICATOR].id, staff[Role.SYSTEM].id
    found = quality.criteria(store)
    greeting, tone = found[0].id, next(c.id for c in found if c.automatic_fail)
    scores = all_two(store)
    for when, values, who in ((at(2), {**scores, greeting: 0}, person),
                              (at(9), scores, person),
                              (at(10), {**scores, tone: 0}, person),
                              (dt.datetime(2026, 2, 28, 22, 30, tzinfo=dt.timezone.utc),
                               scores, person),  # 1 March in Moscow
                              (dt.datetime(2026, 3, 31, 21, 30, tzinfo=dt.timezone.utc),
                               scores, person),  # 1 April in Moscow
                              (at(3), scores, other)):
        quality.record(store, bosses[0].actor(), quality.ReviewDraft(who, ReviewKind.CALL,
                                                                     when, values))
    month = quality.reviews(store, person, "2026-03")
    assert [r.at.astimezone(MSK).day for r in month] == [1, 2, 9, 10]
    summary = quality.summarize(month)
    assert (summary.count, summary.fails, summary.calls, summary.chats) == (4, 1, 4, 0)
    assert summary.average == (100 + 95 + 100 + 0 + 2) // 4  # 73.75 → 74
    first = summary.criteria[0]
    assert (first.name, first.average, first.zeros, first.n) == ("Приветствие", 75, 1, 4)
    with pytest.raises(errors.ValidationFailed) as bad:
        quality.reviews(store, person, "2026-13")
    assert bad.value.fields == {"month": "month_invalid"}


def test_two_supervisors_scores_of_one_call_side_by_side(store, actor, bosses, staff, clock):
    clock.now = at(6, 11)
    call = calls.log(store, actor, calls.CallDraft("+79161112233", CallDirection.INCOMING))
    clock.now = at(6, 18)
    assert [r.id for r in quality.references(store, ReviewKind.CALL)] == [call]
    person = staff[Role.COMMUNICATOR].id
    found = quality.criteria(store)
    scores = all_two(store)
    need = found[2].id
    for boss, values in ((bosses[0], scores), (bosses[1], {**scores, need: 0}),
                         (bosses[1], scores)):
        quality.record(store, boss.actor(), quality.ReviewDraft(
            person, ReviewKind.CALL, at(6, 11), values, call_id=call))
    pairs = quality.calibrations(store, person, "2026-03")
    assert len(pairs) == 1
    c = pairs[0]
    assert (c.first.reviewer, c.second.reviewer) == ("Ирина Петрова", "Олег Смирнов")
    assert c.reference.startswith(f"Звонок №{call} · 06.03 11:00")
    assert c.gap == -15 and c.disagreements == 1  # 34/40 → 85%
    diff = next(d for d in c.differences if d.delta)
    assert (diff.name, diff.first, diff.second, diff.delta) == ("Потребность выяснена", 2, 0,
                                                                -2)


def test_the_month_pdf_and_the_blank_form_read_back(store, actor, bosses, staff, clock,
                                                    tmp_path):
    clock.now = at(6, 18)
    person = staff[Role.COMMUNICATOR].id
    for n in range(14):  # enough sheets for several pages
        quality.record(store, bosses[n % 2].actor(), quality.ReviewDraft(
            person, ReviewKind.CHAT if n % 3 else ReviewKind.CALL, at(6, 9), all_two(store),
            note=f"Замечание {n}"))
    path = tmp_path / "оценка.pdf"
    sheet = quality.export(store, person, "2026-03", path)
    assert sheet.summary.count == 14
    reader = PdfReader(path)
    assert len(reader.pages) > 3
    text = text_of(path)
    assert "Оценка звонков и переписки" in text and "ДетиЛюбят · Мария Лебедева · март 2026" \
        in text
    assert "средний результат: 100%" in text and "Замечание 13" in text
    assert "Подпись:" in text and "Лист 14: переписка" in text
    assert "Критерий Вес Балл" in reader.pages[3].extract_text().replace("\n", " ")
    blank = tmp_path / "бланк.pdf"
    assert quality.export_blank(store, blank, person) == 10
    text = text_of(blank)
    assert "Лист оценки звонка или переписки" in text and "Мария Лебедева" in text
    assert text.count("☐") == 10 * 3 + 2 and "Подпись:" in text and "Легенда клиента" in text
    with pytest.raises(errors.ValidationFailed):
        quality.export(store, person, "2026-03", tmp_path / "x.docx")
    with pytest.raises(errors.ValidationFailed) as bad:
        quality.export(store, 9999, "2026-03", tmp_path / "y.pdf")
    assert bad.value.fields == {"person": "person_invalid"}


def test_an_erase_drops_the_reference_and_the_note_of_sheets_about_the_family(
        store, actor, bosses, staff, clock):
    from desk.services.privacy import privacy

    clock.now = at(6, 11)
    fid = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера", "+7 912 345-67-89"),),
        children=(ChildDraft("Ёлкин Саша"),)))
    call = calls.log(store, actor, calls.CallDraft("+79123456789", CallDirection.INCOMING))
    wrote_to_bot(store, fid, "5551234")
    talk = quality.references(store, ReviewKind.CHAT)[0].id
    person = staff[Role.COMMUNICATOR].id
    boss = bosses[0].actor()
    about_call = quality.record(store, boss, quality.ReviewDraft(
        person, ReviewKind.CALL, at(6, 11), all_two(store), call_id=call,
        note="Ёлкина спрашивала про Сашу"))
    about_chat = quality.record(store, boss, quality.ReviewDraft(
        person, ReviewKind.CHAT, at(6, 11), all_two(store), conversation_id=talk,
        note="Ёлкина в чате"))
    other = quality.record(store, boss, quality.ReviewDraft(
        person, ReviewKind.CALL, at(6, 11), all_two(store), note="Без семьи"))
    assert "+79123456789" in quality.review(store, about_call).reference
    privacy.erase(store, actor, fid)
    for review_id in (about_call, about_chat):
        r = quality.review(store, review_id)
        assert (r.call_id, r.conversation_id, r.note, r.reference, r.score) == (
            None, None, "", "", 100)
    assert quality.review(store, other).note == "Без семьи"


def test_the_command_writes_the_month_and_the_blank_form_and_refuses_bad_input(
        store, bosses, staff, clock, tmp_path, where, capsys):
    from desk import cli

    clock.now = at(6, 18)
    person = staff[Role.COMMUNICATOR].id
    scores = all_two(store)
    tone = next(c.id for c in quality.criteria(store) if c.automatic_fail)
    for values in (scores, {**scores, tone: 0}):
        quality.record(store, bosses[0].actor(), quality.ReviewDraft(
            person, ReviewKind.CALL, at(6, 9), values))
    out = tmp_path / "март.pdf"
    assert cli.run(["checklist", "quality", "--person", str(person), "--month", "2026-03",
                    str(out), "--db", where]) == 0
    assert capsys.readouterr().out == (
        f"{out}: Мария Лебедева, 2026-03: 2 sheets, average 50%, 1 failed\n")
    text = text_of(out)
    assert "Мария Лебедева · март 2026" in text and "не засчитано: 1" in text
    blank = tmp_path / "бланк.pdf"
    assert cli.run(["checklist", "quality", "--blank", str(blank), "--db", where]) == 0
    assert capsys.readouterr().out == f"{blank}: a blank quality sheet (10 criteria)\n"
    assert text_of(blank).count("☐") == 32
    for argv, said in (
            (["--person", str(person), str(out)], "give --person ID and --month"),
            (["--person", "9999", "--month", "2026-03", str(out)], "nobody on the staff"),
            (["--person", str(person), "--month", "2026-03", str(tmp_path / "a.txt")],
             "written to OUT.pdf"),
            (["--blank", str(tmp_path / "b.docx")], "written to OUT.pdf")):
        assert cli.run(["checklist", "quality", *argv, "--db", where]) == 2
        assert said in capsys.readouterr().err
    with pytest.raises(SystemExit) as bad:
        cli.run(["checklist", "quality", "--person", str(person), "--month", "2026-3",
                 str(out), "--db", where])
    assert bad.value.code == 2 and "YYYY-MM" in capsys.readouterr().err


def test_a_sheet_entered_by_mistake_is_removed_by_its_author_or_the_desk(store, actor, bosses,
                                                                        staff):
    person = staff[Role.COMMUNICATOR].id
    ira, oleg = (b.actor() for b in bosses)
    first, second = (quality.record(store, boss, quality.ReviewDraft(
        person, ReviewKind.CALL, at(1), all_two(store))) for boss in (ira, oleg))
    with pytest.raises(errors.NotPermitted):
        quality.remove(store, ira, second)
    quality.remove(store, ira, first)
    quality.remove(store, actor, second)  # a desk member may
    assert quality.reviews(store, person, "2026-03") == []
    with pytest.raises(errors.NotFound):
        quality.remove(store, actor, second)

import dataclasses
import datetime as dt
import json

import pytest

from desk.models.enums import LapseReason, Role, ScriptPurpose, StepKind
from desk.services.calls import calls, lapsed, scripts
from desk.services.crm import families
from desk.services.privacy import privacy
from desk.services.store import errors
from desk.services.tasks import tasks
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft
from desk.services.calls.scripts import END, STEP, Answer, Ending, Option, Outcome, Step

MSK = dt.timezone(dt.timedelta(hours=3))


@pytest.fixture
def elkina(store, actor):
    return families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вероника", "+7 912 345-67-89"),),
        children=(ChildDraft("Ёлкин Святослав"), ChildDraft("Ёлкина Варя"))))


def walk(script, *picks):
    """Answer the script step by step: each pick is (answer text, option index or score)."""
    answers = []
    for text, pick in picks:
        step = scripts.following(script, answers)
        assert isinstance(step, Step), step
        go, score = scripts.NEXT, None
        if step.kind is StepKind.CHOICE:
            go = step.options[pick].go
        elif step.kind is StepKind.SCORE:
            score = pick
        answers.append(Answer(step.key, step.text, text, score=score, go=go))
    return answers


def test_the_nps_script_asks_what_would_make_it_a_ten_only_from_seven():
    nps = scripts.default(ScriptPurpose.NPS)
    high = walk(nps, ("Да", 0), ("9", 9), ("педагоги", None))
    assert scripts.following(nps, high).key == "ten"
    low = walk(nps, ("Да", 0), ("6", 6), ("далеко", None))
    assert scripts.following(nps, low).key == "thanks"
    seven = walk(nps, ("Да", 0), ("7", 7), ("неплохо", None))
    assert scripts.following(nps, seven).key == "ten"


def test_a_branch_can_end_the_call_with_its_outcome():
    lapsed_script = scripts.default(ScriptPurpose.LAPSED)
    answers = walk(lapsed_script, ("Не взяли трубку", 2))
    assert scripts.following(lapsed_script, answers) == Ending("no_answer")
    answers = walk(lapsed_script, ("Да", 0))
    assert scripts.following(lapsed_script, answers).kind is StepKind.REASON


def test_a_jump_skips_the_steps_between():
    script = scripts.Script(None, "Свой", ScriptPurpose.GENERAL, (
        Step("a", StepKind.CHOICE, "Уже ходили к нам?",
             (Option("Да", STEP + "c"), Option("Нет"))),
        Step("b", StepKind.SAY, "Расскажу о студии"),
        Step("c", StepKind.QUESTION, "Что интересно ребёнку?"),
    ), (Outcome("ok", "Поговорили"),))
    scripts.check(script)
    assert scripts.following(script, walk(script, ("Да", 0))).key == "c"
    assert scripts.following(script, walk(script, ("Нет", 1))).key == "b"
    assert scripts.following(script, walk(script, ("Нет", 1), ("", None), ("лепка", None))) \
        == Ending(None)


@pytest.mark.parametrize("change, field, code", [
    (lambda s: dataclasses.replace(s, name=" "), "name", "name_empty"),
    (lambda s: dataclasses.replace(s, steps=()), "steps", "script_no_steps"),
    (lambda s: dataclasses.replace(s, outcomes=()), "outcomes", "script_no_outcomes"),
    (lambda s: dataclasses.replace(s, steps=(dataclasses.replace(s.steps[0], text=""),)
                                   + s.steps[1:]), "step.1.text", "script_step_empty"),
    (lambda s: dataclasses.replace(s, steps=(dataclasses.replace(s.steps[0], text="{nope}"),)
                                   + s.steps[1:]), "step.1.text", "script_placeholder"),
    (lambda s: dataclasses.replace(s, steps=(dataclasses.replace(
        s.steps[0], options=(Option("Да"),)),) + s.steps[1:]), "step.1.options",
     "script_options"),
    (lambda s: dataclasses.replace(s, steps=s.steps[:4] + (dataclasses.replace(
        s.steps[4], kind=StepKind.CHOICE, options=(Option("к началу", STEP + "hello"),
                                                    Option("дальше"))),)),
     "step.5.options", "script_jump_back"),
    (lambda s: dataclasses.replace(s, steps=(dataclasses.replace(
        s.steps[0], options=(Option("Да"), Option("Нет", END + "gone"))),) + s.steps[1:]),
     "step.1.options", "script_no_such_outcome"),
    (lambda s: dataclasses.replace(s, steps=(dataclasses.replace(s.steps[0], only_if=(7, 10)),)
                                   + s.steps[1:]), "step.1.only_if",
     "script_condition_no_score"),
    (lambda s: dataclasses.replace(s, steps=s.steps[:3] + (dataclasses.replace(
        s.steps[3], only_if=(9, 7)),) + s.steps[4:]), "step.4.only_if",
     "script_condition_range"),
    (lambda s: dataclasses.replace(s, steps=s.steps + (Step("again", StepKind.SCORE, "Ещё?"),)),
     "step.6.kind", "script_twice"),
    (lambda s: dataclasses.replace(s, steps=s.steps[:1] + (dataclasses.replace(
        s.steps[1], kind=StepKind.QUESTION),) + s.steps[2:]), "steps", "script_needs_score"),
    (lambda s: dataclasses.replace(s, outcomes=(dataclasses.replace(s.outcomes[0], name=""),)
                                   + s.outcomes[1:]), "outcome.1.name", "name_empty"),
    (lambda s: dataclasses.replace(s, outcomes=(dataclasses.replace(
        s.outcomes[0], task_days=400),) + s.outcomes[1:]), "outcome.1.task_days",
     "script_task_days"),
])
def test_a_broken_script_is_refused_with_the_place_named(store, actor, change, field, code):
    broken = change(scripts.default(ScriptPurpose.NPS))
    with pytest.raises(errors.ValidationFailed) as caught:
        scripts.save(store, actor, broken)
    assert caught.value.fields[field] == code
    assert scripts.for_purpose(store, ScriptPurpose.NPS).id is None  # nothing stored


def test_the_studio_edits_a_script_and_adds_its_own(store, actor):
    nps = scripts.for_purpose(store, ScriptPurpose.NPS)
    assert nps.id is None and nps.name == "Оценка NPS"
    edited = dataclasses.replace(nps, name="NPS осенью", steps=nps.steps[:2] + (
        dataclasses.replace(nps.steps[2], text="Почему {parent} ставит такую оценку?"),)
        + nps.steps[3:])
    nps_id = scripts.save(store, actor, edited)
    again = scripts.for_purpose(store, ScriptPurpose.NPS)
    assert (again.id, again.name, again.steps[2].text) == (
        nps_id, "NPS осенью", "Почему {parent} ставит такую оценку?")
    assert again.steps[3].only_if == (7, 10)
    own = scripts.save(store, actor, scripts.Script(
        None, "Приглашение на праздник", ScriptPurpose.GENERAL,
        (Step("a", StepKind.SAY, "Зовём на праздник"),), (Outcome("ok", "Придут"),)))
    assert [s.name for s in scripts.listing(store)] == [
        "Ушедший клиент", "NPS осенью", "Приглашение на праздник"]
    scripts.remove(store, actor, own)
    assert [s.name for s in scripts.listing(store)] == ["Ушедший клиент", "NPS осенью"]


def test_the_sheet_fills_the_placeholders(store, actor, elkina, staff):
    sheet = scripts.sheet(store, elkina, staff[Role.COMMUNICATOR].name)
    assert sheet.phones == ("+7 912 345-67-89 (Ёлкина Вероника)",)
    nps = scripts.default(ScriptPurpose.NPS)
    text = scripts.say(nps.steps[0].text, sheet.values)
    assert text.startswith("Здравствуйте, Вероника! Это Мария, студия «ДетиЛюбят».")
    assert scripts.say("Как {child}?", sheet.values) == "Как Святослав и Варя?"
    assert scripts.say("Как {child}?", {}) == "Как {child}?"


def test_an_nps_call_stores_the_answers_the_score_with_its_date_and_the_next_task(
        store, actor, elkina, clock):
    clock.now = dt.datetime(2026, 3, 4, 12, 0, tzinfo=MSK)  # Wednesday, open
    nps = scripts.default(ScriptPurpose.NPS)
    answers = walk(nps, ("Да", 0), ("8", 8), ("Нравятся педагоги", None),
                   ("Больше занятий по выходным", None), ("", None))
    assert scripts.following(nps, answers) == Ending(None)
    run_id = scripts.record(store, actor, scripts.RunDraft(
        elkina, nps, tuple(answers), "unhappy", note="просит перезвонить маме",
        duration_s=185))
    (run,) = scripts.runs(store, elkina)
    assert (run.id, run.score, run.outcome_name, run.duration_s) == (
        run_id, 8, "Недовольны: разобраться", 185)
    assert ("А почему именно такая оценка?", "Нравятся педагоги") in run.answers
    assert run.answers[3][1] == "Больше занятий по выходным"
    assert families.card(store, elkina).nps == (8, clock.now)
    (task,) = tasks.listing(store, status=None, family_id=elkina)
    assert task.title == "Разобраться с недовольством после звонка NPS"
    assert task.due_at == dt.datetime(2026, 3, 4, 12, 30, tzinfo=MSK)
    assert task.assignee_role is Role.COMMUNICATOR
    timeline = families.card(store, elkina).timeline[0].text
    assert timeline.startswith("Звонок по скрипту «Оценка NPS» · 3:05 · Недовольны")
    assert "оценка 8 из 10" in timeline
    (call,) = calls.recent(store, family_id=elkina)
    assert (call.topic, call.next_step) == ("Оценка NPS", task.title)


def test_an_outcome_days_ahead_lands_in_working_time(store, actor, elkina, clock):
    clock.now = dt.datetime(2026, 3, 4, 21, 30, tzinfo=MSK)  # Wednesday evening, closed
    lapsed_script = scripts.default(ScriptPurpose.LAPSED)
    answers = walk(lapsed_script, ("Не взяли трубку", 2))
    scripts.record(store, actor, scripts.RunDraft(elkina, lapsed_script, tuple(answers),
                                                  "no_answer"))
    (task,) = tasks.listing(store, status=None, family_id=elkina)
    assert task.title == "Позвонить ещё раз: не взяли трубку"
    assert task.due_at == dt.datetime(2026, 3, 6, 10, 0, tzinfo=MSK)  # Thursday 21:30 is closed: Friday's opening


def test_the_lapsed_script_stores_the_reason_code_counted_per_month(store, actor, elkina):
    lapsed_script = scripts.default(ScriptPurpose.LAPSED)
    answers = walk(lapsed_script, ("Да", 0))
    why = scripts.following(lapsed_script, answers)
    answers.append(Answer(why.key, why.text, "дорого стало", reason=LapseReason.PRICE))
    back = scripts.following(lapsed_script, answers)
    answers.append(Answer(back.key, back.text, "Нет", go=back.options[2].go))
    assert scripts.following(lapsed_script, answers) == Ending("declined")
    scripts.record(store, actor, scripts.RunDraft(elkina, lapsed_script, tuple(answers),
                                                  "declined"))
    (counts,) = lapsed.reasons_by_month(store).values()
    assert counts[LapseReason.PRICE] == 1
    assert tasks.listing(store, status=None, family_id=elkina) == []  # no task for "declined"


def test_a_run_is_refused_without_a_known_outcome_or_with_a_bad_score(store, actor, elkina):
    nps = scripts.default(ScriptPurpose.NPS)
    with pytest.raises(errors.ValidationFailed):
        scripts.record(store, actor, scripts.RunDraft(elkina, nps, (), "nope"))
    with pytest.raises(errors.ValidationFailed):
        scripts.record(store, actor, scripts.RunDraft(
            elkina, nps, (Answer("score", "?", "11", score=11),), "done"))
    assert scripts.runs(store, elkina) == []


@pytest.mark.sqlite_only  # reads the file's bytes
def test_erasing_the_family_erases_the_answers(store, actor, elkina, db_path):
    nps = scripts.default(ScriptPurpose.NPS)
    answers = walk(nps, ("Да", 0), ("10", 10), ("Святослав в восторге от керамики", None))
    scripts.record(store, actor, scripts.RunDraft(elkina, nps, tuple(answers), "done"))
    data = json.loads(privacy.export_json(store, elkina))
    assert data["nps_scores"][0]["score"] == 10
    assert "в восторге" in json.dumps(data["script_calls"], ensure_ascii=False)
    privacy.erase(store, actor, elkina)
    raw = b"".join(p.read_bytes() for p in db_path.parent.glob("desk.db*"))
    assert "в восторге".encode() not in raw
    assert scripts.runs(store, elkina)[0].score == 10  # the score stays for the indices

import datetime as dt
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk.services.comms import templates
from desk.services.comms import greetings
from desk.services.crm import families
from desk.services.store import errors
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft


def test_this_weeks_birthdays_with_twins_merged_and_marked_done(store, actor):
    # the test clock is 4 March 2026
    twins = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера"),),
        children=(ChildDraft("Ёлкин Саша", dt.date(2019, 3, 6)),
                  ChildDraft("Ёлкина Маша", dt.date(2019, 3, 6)),
                  ChildDraft("Ёлкин Лёва", dt.date(2021, 8, 1)))))
    families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Демина Ольга"),),
        children=(ChildDraft("Демин Петя", dt.date(2018, 3, 20)),)))
    (row,) = greetings.upcoming(store)
    assert (row.family_id, row.birthday, row.children, row.ages) == (
        twins, dt.date(2026, 3, 6), ("Саша", "Маша"), (7, 7))
    assert row.text.startswith("Вера, здравствуйте!") and "Саша и Маша" in row.text
    greetings.mark_done(store, actor, twins, row.birthday, row.text)
    greetings.mark_done(store, actor, twins, row.birthday, row.text)  # once only
    assert greetings.upcoming(store)[0].done


def test_a_leap_day_birthday_is_greeted_on_28_february(store, actor, clock):
    clock.now = dt.datetime(2026, 2, 27, 9, tzinfo=dt.timezone.utc)
    families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера"),),
        children=(ChildDraft("Ёлкин Саша", dt.date(2020, 2, 29)),)))
    assert greetings.upcoming(store)[0].birthday == dt.date(2026, 2, 28)


def test_the_studio_edits_its_template_and_unknown_placeholders_are_refused(store, actor):
    with pytest.raises(errors.ValidationFailed) as caught:
        templates.save(store, actor, "greeting", "{parent}, {nonsense}!", greetings.SAMPLE)
    assert caught.value.fields == {"body": "template_invalid"}
    assert caught.value.params["detail"] == "{nonsense}"
    templates.save(store, actor, "greeting", "С днём рождения, {child}!", greetings.SAMPLE)
    assert templates.get(store, "greeting") == "С днём рождения, {child}!"


def test_templates_cannot_reach_into_the_program():
    with pytest.raises(templates.TemplateProblem):
        templates.render("{{ ''.__class__.__mro__[1].__subclasses__() }}", {})


@pytest.mark.parametrize("body", [
    "{% for x in range(100000) %}{% for y in range(100000) %}{% endfor %}{% endfor %}",
    "{% for x in range(1000) %}{% for y in range(1000) %}{% endfor %}{% endfor %}",
    "{% set s = 'x' * 10000 %}{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}",
    "{{ 'x' * 10**9 }}", "{{ range(10**9) }}", "{{ 9 ** 64 ** 64 ** 64 }}",
    "{% set a = 'x' * 10000 %}{% set b = a ~ a %}{% set c = b ~ b %}{{ c }}",
    "{{ ('x' * 10000)|replace('x', 'y' * 10000) }}", "{{ '%999999999s' % 'x' }}",
    "{% for x in range(5000) %}{child} {{ x }} {% endfor %}",
    "{% set a = [] %}" + "{% set a = [a, a] %}" * 40 + "{{ a }}",
    "{% set a = [] %}" + "{% set a = [a, a] %}" * 40 + "{{ a|upper }}",
    "{% set a = [] %}" + "{% set a = [a, a] %}" * 40 + "{{ a ~ '' }}",
    "{{ ([[1] * 10000] * 10000)|join }}",
])
def test_a_template_that_does_too_much_is_refused_at_save_in_no_time(store, actor, body):
    started = time.monotonic()
    with pytest.raises(errors.ValidationFailed) as caught:
        templates.save(store, actor, "greeting", body, greetings.SAMPLE)
    assert caught.value.fields == {"body": "template_too_heavy"}
    assert time.monotonic() - started < 2  # refused by the limits, not by patience
    assert "for" not in templates.get(store, "greeting")


@pytest.mark.parametrize("body", ["{{ 'x'.center(10**9) }}", "{{ 'x'|center(10**9) }}",
                                  "{{ lipsum(10**9) }}", "{{ 1/0 }}",
                                  "{{ '{:>2999999999}'.format(1) }}",
                                  "{{ '{x:>999999999}'.format_map({'x': 1}) }}",
                                  "{% for x in range(3) recursive %}{{ loop(range(3)) }}"
                                  "{% endfor %}",
                                  "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}"])
def test_what_a_message_does_not_need_is_refused_as_invalid(store, actor, body):
    with pytest.raises(errors.ValidationFailed) as caught:
        templates.save(store, actor, "greeting", body, greetings.SAMPLE)
    assert caught.value.fields == {"body": "template_invalid"}


def test_an_ordinary_template_with_a_loop_and_filters_still_works():
    body = "{parent|upper}, {% for c in kids %}{{ c|lower }}{% if not loop.last %}, " \
           "{% endif %}{% endfor %} — {{ kids|join(' и ') }}"
    assert templates.render(body.replace("{parent|upper}", "{{ parent|upper }}"),
                            {"parent": "Вера", "kids": ["Саша", "Маша"]}) == \
        "ВЕРА, саша, маша — Саша и Маша"


@given(st.text(alphabet="абвгд {}xyz!.,", max_size=40))
def test_rendering_plain_text_never_crashes_unexpectedly(body):
    try:
        out = templates.render(body, {"x": "X"})
    except templates.TemplateProblem:
        return
    assert isinstance(out, str)


def test_a_parents_birthday_has_its_own_greeting_marked_apart_from_the_childs(store, actor):
    fid = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера", birth_date=dt.date(1990, 3, 6)),
                   GuardianDraft("Ёлкин Олег")),
        children=(ChildDraft("Ёлкин Саша", dt.date(2019, 3, 6)),)))
    child, mum = greetings.upcoming(store)
    assert (child.whom, child.children) == ("", ("Саша",))
    assert (mum.family_id, mum.birthday, mum.parent, mum.ages) == (
        fid, dt.date(2026, 3, 6), "Вера", (36,))
    assert mum.whom.startswith("parent:") and mum.children == ()
    assert mum.text.startswith("Вера, с днём рождения!")
    greetings.mark_done(store, actor, fid, mum.birthday, mum.text, mum.whom)
    child, mum = greetings.upcoming(store)
    assert mum.done and not child.done  # the same day, two people
    assert families.card(store, fid).draft.guardians[0].birth_date == dt.date(1990, 3, 6)


def test_a_parents_birth_date_is_checked(store, actor):
    for day, code in ((dt.date(2030, 1, 1), "birth_future"), (dt.date(1850, 1, 1),
                                                              "birth_invalid")):
        with pytest.raises(errors.ValidationFailed) as caught:
            families.save(store, actor, FamilyDraft(
                guardians=(GuardianDraft("Ёлкина Вера", birth_date=day),)))
        assert caught.value.fields["guardian.0.birth_date"] == code

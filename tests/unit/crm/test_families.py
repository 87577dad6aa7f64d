import dataclasses
import datetime as dt

import pytest
from sqlalchemy import func, select

from desk.models.audit import AuditEntry
from desk.models.enums import TimelineKind
from desk.models.family import Child, Family, Guardian
from desk.services.crm import families
from desk.services.store import errors
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft


def make(store, actor, parent="Ёлкина Вера", phone="8 (912) 345-67-89", children=("Ёлкин Саша",),
         **kw):
    draft = FamilyDraft(
        guardians=(GuardianDraft(parent, phone),),
        children=tuple(ChildDraft(c, dt.date(2018, 5, 1)) for c in children), **kw)
    return families.save(store, actor, draft)


def count(store, model):
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_phone_is_stored_in_e164(store, actor):
    fid = make(store, actor)
    assert families.card(store, fid).draft.guardians[0].phone == "+79123456789"


@pytest.mark.parametrize("query", ["елкин", "ЁЛКИНА", "Елкина вера", "9123456", "+7 (912) 345",
                                   "89123456789", "саша", "вер"])
def test_search_finds_family_by_names_and_phone_digits(store, actor, query):
    fid = make(store, actor)
    make(store, actor, parent="Демин Олег", phone="+7 903 111-22-33", children=("Демин Саша",))
    assert fid in [r.id for r in families.find(store, query)]


def test_every_word_must_match_somewhere_in_the_family(store, actor):
    elkin = make(store, actor)
    demin = make(store, actor, parent="Демин Олег", phone="+7 903 111-22-33",
                 children=("Демин Саша",))
    assert {r.id for r in families.find(store, "саша")} == {elkin, demin}
    assert [r.id for r in families.find(store, "саша олег")] == [demin]
    assert families.find(store, "елкин олег") == []


def test_short_words_narrow_the_search_too(store, actor):
    make(store, actor)
    assert families.find(store, "ве ел")
    assert families.find(store, "ве zz") == []


def test_edit_reindexes_search(store, actor):
    fid = make(store, actor)
    card = families.card(store, fid)
    g = dataclasses.replace(card.draft.guardians[0], name="Петрова Вера")
    families.save(store, actor, dataclasses.replace(card.draft, guardians=(g,)))
    assert families.find(store, "елкина вера") == []
    assert [r.id for r in families.find(store, "петрова")] == [fid]


@pytest.mark.parametrize("draft, field, code", [
    (FamilyDraft(guardians=(GuardianDraft("  "),)), "guardian.0.name", "name_empty"),
    (FamilyDraft(guardians=(GuardianDraft("Анна", "12345"),)), "guardian.0.phone", "phone_invalid"),
    (FamilyDraft(guardians=(GuardianDraft("Анна", email="anna@"),)), "guardian.0.email",
     "email_invalid"),
    (FamilyDraft(guardians=(GuardianDraft("Анна"),),
                 children=(ChildDraft("Петя", dt.date(2026, 3, 5)),)),
     "child.0.birth_date", "birth_future"),
    (FamilyDraft(guardians=(GuardianDraft("Анна"),),
                 children=(ChildDraft("Петя", dt.date(2007, 3, 3)),)),
     "child.0.birth_date", "child_too_old"),
    (FamilyDraft(guardians=(GuardianDraft("Анна"),), children=(ChildDraft(""),)),
     "child.0.name", "name_empty"),
    (FamilyDraft(guardians=(GuardianDraft("Анна\x00 Петрова"),)), "guardian.0.name",
     "name_control"),
    (FamilyDraft(guardians=(GuardianDraft("Анна"),), children=(ChildDraft("Петя\x1b[2J"),)),
     "child.0.name", "name_control"),
])
def test_invalid_input_names_the_field_and_saves_nothing(store, actor, draft, field, code):
    with pytest.raises(errors.ValidationFailed) as info:
        families.save(store, actor, draft)
    assert info.value.fields[field] == code
    assert count(store, Family) == 0
    assert count(store, Guardian) == 0
    assert count(store, AuditEntry) == 1  # only the studio setup


def test_a_seventeen_year_old_is_still_a_child(store, actor, clock):
    born = dt.date(2008, 3, 5)
    assert families.child_age(born, clock.now.date()) == 17  # 18 tomorrow
    fid = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Анна"),), children=(ChildDraft("Петя", born),)))
    children = families.card(store, fid).draft.children
    assert [(c.name, c.birth_date) for c in children] == [("Петя", born)]


def test_phone_of_another_family_is_refused_with_that_family(store, actor):
    first = make(store, actor)
    with pytest.raises(errors.ValidationFailed) as info:
        make(store, actor, parent="Другая Мама", phone="+79123456789", children=("Петя",))
    assert info.value.fields["guardian.0.phone"] == "phone_taken"
    assert info.value.params["conflicts"]["guardian.0.phone"] == first
    assert count(store, Family) == 1


def test_a_family_keeps_its_own_phone_on_edit(store, actor):
    fid = make(store, actor)
    card = families.card(store, fid)
    families.save(store, actor, dataclasses.replace(card.draft, legend="Любят глину"))
    assert families.card(store, fid).draft.legend == "Любят глину"


def test_edit_keeps_child_ids_and_removes_dropped_children(store, actor):
    fid = make(store, actor, children=("Саша", "Маша"))
    card = families.card(store, fid)
    sasha = card.draft.children[0]
    families.save(store, actor, dataclasses.replace(card.draft, children=(sasha,)))
    after = families.card(store, fid).draft.children
    assert [(c.id, c.name) for c in after] == [(sasha.id, "Саша")]
    assert count(store, Child) == 1


def test_changes_are_audited_with_who_before_and_after(store, actor):
    fid = make(store, actor)
    card = families.card(store, fid)
    families.save(store, actor, dataclasses.replace(card.draft, source="сайт"))
    history = families.history(store, fid)
    assert [h.kind for h in history] == ["family.update", "family.create"]
    assert history[0].staff_name == "Анна Соколова"
    assert '"source": ""' in history[0].before and '"source": "сайт"' in history[0].after


def test_saving_unchanged_family_writes_no_audit(store, actor):
    fid = make(store, actor)
    families.save(store, actor, families.card(store, fid).draft)
    assert len(families.history(store, fid)) == 1


def test_note_goes_to_the_timeline_in_one_step(store, actor, clock):
    fid = make(store, actor)
    clock.advance(minutes=5)
    families.add_note(store, actor, fid, "  Просили звонить после 18:00 ")
    timeline = families.card(store, fid).timeline
    assert (timeline[0].kind, timeline[0].text, timeline[0].staff_name) == (
        TimelineKind.NOTE, "Просили звонить после 18:00", "Анна Соколова")
    assert timeline[-1].kind is TimelineKind.CREATED


def test_empty_note_is_refused(store, actor):
    fid = make(store, actor)
    with pytest.raises(errors.ValidationFailed):
        families.add_note(store, actor, fid, "   ")


def test_removing_a_guardian_frees_the_phone_for_another_in_one_save(store, actor):
    fid = families.save(store, actor, FamilyDraft(guardians=(
        GuardianDraft("Мама", "+79123456789"), GuardianDraft("Папа", "+79031112233"))))
    card = families.card(store, fid)
    new = GuardianDraft("Бабушка", "+79123456789")
    families.save(store, actor, dataclasses.replace(
        card.draft, guardians=(card.draft.guardians[1], new)))
    names = [g.name for g in families.card(store, fid).draft.guardians]
    assert names == ["Папа", "Бабушка"]


def test_a_child_who_leaves_is_archived_with_the_history_and_can_come_back(store, actor):
    import dataclasses

    from desk.models.enums import Mark
    from desk.services.comms import mailings
    from desk.services.comms import greetings
    from desk.services.money import wallet
    from desk.services.schedule import attendance, enrolment, lessons

    MSK = dt.timezone(dt.timedelta(hours=3))
    fid = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера"),),
        children=(ChildDraft("Ёлкин Саша", dt.date(2019, 3, 6)), ChildDraft("Ёлкина Маша"))))
    sasha, masha = [c.id for c in families.card(store, fid).draft.children]
    ceramics = next(d for d in lessons.directions(store) if d.name == "Керамика")
    past = lessons.save_lesson(store, actor, lessons.LessonDraft(
        ceramics.id, dt.datetime(2026, 3, 2, 17, tzinfo=MSK), price=120000))
    coming = lessons.save_lesson(store, actor, lessons.LessonDraft(
        ceramics.id, dt.datetime(2026, 3, 9, 17, tzinfo=MSK), price=120000))
    (e,) = enrolment.enrol(store, actor, past, fid, [sasha])
    attendance.mark(store, actor, e, Mark.ATTENDED)
    enrolment.enrol(store, actor, coming, fid, [sasha])
    draft = families.card(store, fid).draft
    without = dataclasses.replace(draft, children=tuple(c for c in draft.children
                                                        if c.id != sasha))
    with pytest.raises(families.ChildHasLessons) as caught:
        families.save(store, actor, without)
    assert caught.value.params["lessons"] == ["Керамика, 09.03.2026 17:00"]
    families.save(store, actor, without, cancel_lessons=True)
    card = families.card(store, fid)
    assert [c.name for c in card.draft.children] == ["Ёлкина Маша"]
    assert [a.name for a in card.archived] == ["Ёлкин Саша"]
    assert attendance.check(store, past).roster[0].child == "Ёлкин Саша"  # history stays
    assert wallet.balance(store, fid) == -120000
    assert lessons.lesson(store, coming).enrolled == 0
    assert families.find(store, "елкин")[0].children == "Ёлкина Маша"
    assert [g.text for g in greetings.upcoming(store)] == []  # Sasha's birthday on 6 March
    assert all("Саша" not in r.text for r in mailings.preview(
        store, mailings.Filters(), "Привет, {child}").recipients)
    # a child without any history is simply deleted
    draft = families.card(store, fid).draft
    families.save(store, actor, dataclasses.replace(draft, children=()))
    assert [a.name for a in families.card(store, fid).archived] == ["Ёлкин Саша"]
    families.bring_back(store, actor, sasha)
    assert [c.name for c in families.card(store, fid).draft.children] == ["Ёлкин Саша"]
    enrolment.enrol(store, actor, coming, fid, [sasha])
    assert masha not in [c.id for c in families.card(store, fid).draft.children]

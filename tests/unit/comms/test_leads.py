import datetime as dt

import pytest
from sqlalchemy import func, select

from desk.models.audit import AuditEntry
from desk.models.enums import LeadStatus
from desk.models.family import Family, Guardian
from desk.services.comms import leads
from desk.services.crm import families
from desk.services.store import errors
from desk.services.tasks import tasks

MSK = dt.timezone(dt.timedelta(hours=3))


def test_a_website_application_gets_a_response_target(store, actor, clock):
    lead_id = leads.create(store, actor, leads.LeadDraft(
        "Анна Петрова", "8 912 000 11 22", child="Миша, 7 лет", message="Хотим на керамику"))
    row = leads.get(store, lead_id)
    assert row.phone == "+79120001122" and row.status is LeadStatus.NEW
    assert row.respond_by == clock.now + dt.timedelta(minutes=30)
    clock.advance(minutes=31)
    assert leads.get(store, lead_id).late


def test_thinking_comes_back_as_a_task_on_the_chosen_date(store, actor):
    lead_id = leads.create(store, actor, leads.LeadDraft("Анна", "+79120001122"))
    with pytest.raises(errors.ValidationFailed):
        leads.set_status(store, actor, lead_id, LeadStatus.THINKING)
    leads.set_status(store, actor, lead_id, LeadStatus.THINKING, think_until=dt.date(2026, 3, 20))
    (task,) = [t for t in tasks.listing(store) if t.origin.startswith("lead_thinking:")]
    assert task.due_at == dt.datetime(2026, 3, 20, 11, tzinfo=MSK)
    row = leads.get(store, lead_id)
    assert row.responded_at is not None and not row.late


def test_lost_needs_a_reason_and_leaves_the_open_list(store, actor):
    lead_id = leads.create(store, actor, leads.LeadDraft("Анна", email="anna@example.ru"))
    with pytest.raises(errors.ValidationFailed):
        leads.set_status(store, actor, lead_id, LeadStatus.LOST)
    leads.set_status(store, actor, lead_id, LeadStatus.LOST, lost_reason="далеко ездить")
    assert leads.listing(store) == []
    assert leads.listing(store, open_only=False)[0].lost_reason == "далеко ездить"


def test_a_lead_becomes_a_family_in_two_steps(store, actor):
    lead_id = leads.create(store, actor, leads.LeadDraft(
        "Анна Петрова", "+79120001122", child="Петров Миша", message="Хотим на керамику"))
    draft = leads.family_draft(leads.get(store, lead_id))
    family_id = families.save(store, actor, draft)
    leads.link(store, actor, lead_id, family_id)
    card = families.card(store, family_id)
    assert card.draft.guardians[0].phone == "+79120001122"
    assert card.draft.legend == "Хотим на керамику"
    assert leads.get(store, lead_id).family_id == family_id


def count(store, model) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def audit_kinds(store) -> list[str]:
    with store.read() as s:
        return list(s.scalars(select(AuditEntry.kind).order_by(AuditEntry.id)))


def test_a_lead_becomes_a_family_in_one_go(store, actor):
    lead_id = leads.create(store, actor, leads.LeadDraft(
        "Анна Петрова", "+79120001122", child="Петров Миша", message="Хотим на керамику"))
    draft = leads.family_draft(leads.get(store, lead_id))
    family_id = leads.make_family(store, actor, lead_id, draft)
    row = leads.get(store, lead_id)
    assert row.family_id == family_id and row.status is LeadStatus.CONTACTED
    assert row.responded_at is not None
    card = families.card(store, family_id)
    assert card.draft.guardians[0].phone == "+79120001122"
    assert card.draft.children[0].name == "Петров Миша"
    assert audit_kinds(store)[-2:] == ["family.create", "lead.link"]


def test_a_failed_link_leaves_no_family_behind(store, actor, monkeypatch):
    lead_id = leads.create(store, actor, leads.LeadDraft("Анна Петрова", "+79120001122",
                                                         child="Петров Миша"))
    draft = leads.family_draft(leads.get(store, lead_id))
    kinds = audit_kinds(store)
    with pytest.raises(errors.NotFound):  # the lead is gone
        leads.make_family(store, actor, lead_id + 1, draft)

    def refuse(uow, lead_id, family_id):
        raise errors.NotFound(f"lead {lead_id} not found")

    monkeypatch.setattr(leads, "link_in", refuse)  # the family is saved, then the link fails
    with pytest.raises(errors.NotFound):
        leads.make_family(store, actor, lead_id, draft)
    assert count(store, Family) == 0 and count(store, Guardian) == 0
    assert audit_kinds(store) == kinds
    row = leads.get(store, lead_id)
    assert row.family_id is None and row.status is LeadStatus.NEW


def test_csv_import_is_all_or_nothing_and_idempotent(store, actor, tmp_path):
    good = tmp_path / "leads.csv"
    good.write_text("Имя;Телефон;Ребёнок;Сообщение\nАнна;89120001122;Миша;керамика\n"
                    "Ольга;+79035550000;;\n", encoding="utf-8")
    assert leads.import_csv(store, actor, good) == (2, [])
    assert leads.import_csv(store, actor, good) == (0, [])
    bad = tmp_path / "bad.csv"
    bad.write_text("name,phone\nВера,12\n,\n", encoding="utf-8")
    added, problems = leads.import_csv(store, actor, bad)
    assert added == 0 and [str(p) for p in problems] == ["line 2: phone phone_invalid"]
    assert (problems[0].code, problems[0].value) == ("phone_invalid", "12")
    assert len(leads.listing(store)) == 2


def test_lead_import_reads_windows_1251_xlsx_and_refuses_control_characters(
        store, actor, tmp_path):
    from openpyxl import Workbook

    cp = tmp_path / "excel.csv"
    cp.write_bytes("Имя;Телефон\nВера;89120001133\n".encode("cp1251"))
    assert leads.import_csv(store, actor, cp) == (1, [])
    book = Workbook()
    book.active.append(["Name", "Phone Number", "Child"])
    book.active.append(["Анна", "+79120002244", "Миша"])
    book.save(tmp_path / "l.xlsx")
    assert leads.import_csv(store, actor, tmp_path / "l.xlsx") == (1, [])
    bad = tmp_path / "bad.csv"
    bad.write_text("name,phone\nВе\x00ра,89120001155\n", encoding="utf-8")
    added, problems = leads.import_csv(store, actor, bad)
    assert added == 0 and (problems[0].code, problems[0].value) == ("control", "name")

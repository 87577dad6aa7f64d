import datetime as dt
import json

from desk.models.studio import Role
from desk.services import families, privacy, tasks
from desk.services.families import ChildDraft, FamilyDraft, GuardianDraft


def seed(store, actor):
    fid = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вероника", "+7 912 345-67-89", "veronika@example.ru"),),
        children=(ChildDraft("Ёлкин Святослав", dt.date(2018, 1, 2), "аллергия на орехи"),),
        legend="Переехали из Казани"))
    other = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Демин Олег", "+7 903 111-22-33"),)))
    families.add_note(store, actor, fid, "Вероника просила звонить вечером")
    tasks.save(store, actor, tasks.TaskDraft("Позвонить Веронике", store.now(), fid,
                                             assignee_role=Role.COMMUNICATOR))
    return fid, other


def test_export_holds_everything_about_the_family_and_nothing_else(store, actor):
    fid, _ = seed(store, actor)
    data = json.loads(privacy.export_json(store, fid))
    assert data["guardians"][0]["phone"] == "+79123456789"
    assert data["children"][0]["notes"] == "аллергия на орехи"
    assert data["tasks"][0]["title"] == "Позвонить Веронике"
    assert any(t["text"] == "Вероника просила звонить вечером" for t in data["timeline"])
    assert "Демин" not in json.dumps(data, ensure_ascii=False)


def test_erase_removes_personal_data_from_every_table_and_the_file(store, actor, db_path):
    fid, other = seed(store, actor)
    privacy.erase(store, actor, fid)
    assert families.find(store, "елкина") == []
    card = families.card(store, fid)
    assert card.erased and card.draft.guardians[0].name == "#F" + str(fid)
    assert [h.kind for h in families.history(store, fid)][0] == "family.erase"
    raw = b"".join(p.read_bytes() for p in db_path.parent.glob("desk.db*"))
    for secret in ("Вероника", "вероника", "святослав", "Святослав", "79123456789", "veronika@example.ru",
                   "орехи", "Казани"):
        assert secret.encode() not in raw, secret
    assert "Демин Олег".encode() in raw  # the other family is untouched
    assert families.find(store, "демин")[0].id == other

"""The bulk import's short ways give what the full ways give: rows read by the fast reader,
values written many rows per statement, the search index, one transaction."""

import datetime as dt
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk.models.family import Family
from desk.services.crm import audit, families, search, transfer
from desk.services.store import errors
from desk.services.store.dialect import dialect_of

TODAY = dt.date(2025, 6, 1)
HEADER = ["parent", "phone", "email", "telegram", "child", "birth_date", "source", "notes"]
CELLS = st.sampled_from([
    "", " ", "  \t ", "Ёлкина Вера", "  ёлкина   вера ", "O'Brien", "'=1+2", "'x", "a\x07b",
    "\x0b", "x" * 10_001, "+7 912 345-67-89", "8 (912) 345 67 89", "89123456789", "12345",
    "8 000 000 00 00", "+375 29 123-45-67", "8\u00a0912\u00a0345\u00a067\u00a089",
    "vera@example.ru", "Vera@Example.RU", "not an email", "@vera_e", "https://t.me/vera_e",
    "t.me/", "@x", "01.02.2018", " 1.2.2018 ", "2020-05-06", "31.02.2019", "01.01.2099",
    "01.01.1990", "2018-02-01T00:00", "сайт", "  любит \t глину  ",
])


def _slow(line, cells, cols):
    try:
        return transfer._row(line, cells, cols, TODAY)
    except transfer._Bad as exc:
        return ("bad", exc.code, str(exc), exc.value)


def _fast(reader, line, cells):
    try:
        return reader.row(line, cells)
    except transfer._Bad as exc:
        return ("bad", exc.code, str(exc), exc.value)


@settings(max_examples=600, deadline=None)
@given(st.lists(CELLS, min_size=0, max_size=10),
       st.permutations(range(8)), st.integers(min_value=1, max_value=8))
def test_the_fast_reader_gives_the_rows_and_errors_of_the_full_checks(cells, order, width):
    """Any row, in any column layout (some columns missing, short rows, extra cells)."""
    header = [""] * 9
    for key, i in zip(HEADER[:width], order):
        header[i] = key
    cols = transfer._columns([h or "other" for h in header])
    reader = transfer._Reader(cols, TODAY)
    for _ in range(2):  # the second time from the reader's memory of birth dates
        assert _fast(reader, 7, list(cells)) == _slow(7, list(cells), cols)


def write(tmp_path, text, name="families.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def raw_rows(store, table):
    """The rows as the driver reads them back: the stored values, no type conversion."""
    with store.engine.connect() as conn:
        result = conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY id")
        return [{k: (v, type(v).__name__) for k, v in row._mapping.items()} for row in result]


def test_imported_rows_are_stored_as_the_orm_stores_them(store, actor, tmp_path):
    """Timestamps, dates, flags, enums: the same text and types as a family saved by hand."""
    by_hand = families.save(store, actor, families.FamilyDraft(
        guardians=(families.GuardianDraft("Демин Олег", phone="+7 903 111-22-33"),),
        children=(families.ChildDraft("Демин Петя", birth_date=dt.date(2018, 2, 1)),)))
    transfer.import_families(store, actor, write(
        tmp_path, "parent;phone;child;birth_date\nЁлкина Вера;+7 912 345-67-89;Ёлкин Саша;"
                  "01.02.2018\n"))
    made, imported = raw_rows(store, "family")
    assert made["id"][0] == by_hand
    assert {k: v for k, v in made.items() if k != "id"} == \
        {k: v for k, v in imported.items() if k != "id"}
    made, imported = raw_rows(store, "guardian")
    same = ("position", "email", "telegram", "vk", "whatsapp", "relation", "birth_date")
    assert {k: made[k] for k in same} == {k: imported[k] for k in same}
    assert {k: v[1] for k, v in made.items()} == {k: v[1] for k, v in imported.items()}
    made, imported = raw_rows(store, "child")
    same = ("position", "birth_date", "notes", "archived_at")
    assert {k: made[k] for k in same} == {k: imported[k] for k in same}
    entries = raw_rows(store, "timeline_entry")
    assert len({(e["at"], e["kind"], e["staff_id"]) for e in entries}) == 1


def test_a_big_import_is_found_by_search_and_audited_once(store, actor, tmp_path):
    lines = ["Родитель;Телефон;Ребёнок;Дата рождения"]
    for i in range(2600):  # more than a chunk, and more rows than one statement holds
        lines.append(f"Ёлкина Мария {i};+7 (916) 0{i // 100:02d}-{i % 100:02d}-00;"
                     f"Ёлкин Пётр {i};01.02.2018")
    lines.append("Иванова Анна;;Иванов Лёва;")  # no phone: a family by the parent's name
    _, result = transfer.import_families(store, actor, write(tmp_path, "\n".join(lines)))
    assert (result.families, result.children) == (2601, 2601)
    [found] = families.find(store, "ЕЛКИНА МАРИЯ 2599")
    assert found.children == "Ёлкин Пётр 2599"
    assert "Ёлкина Мария 1300" in [f.parents for f in families.find(store, "елкин петр 1300")]
    assert [f.parents for f in families.find(store, "9160130000")] == ["Ёлкина Мария 1300"]
    assert [f.parents for f in families.find(store, "89160130000")] == ["Ёлкина Мария 1300"]
    assert families.find(store, "лева")[0].parents == "Иванова Анна"
    with store.read() as s:
        assert len(search.matching_ids(s, "")) == 2601
        assert dialect_of(s).index_missing(s.connection()) == 0
    [entry] = audit.entries(store, kind_prefix="import.")
    assert '"families": 2601' in entry.after and '"children": 2601' in entry.after


def test_a_cancelled_import_writes_nothing(store, actor, tmp_path):
    lines = ["parent,phone,child"] + [f"Родитель {i},+7 916 0{i // 100:02d}-{i % 100:02d}-00,"
                                      f"Ребёнок {i}" for i in range(4500)]
    path = write(tmp_path, "\n".join(lines))
    the_plan = transfer.plan(store, path)
    seen = []
    with pytest.raises(errors.Cancelled):
        transfer.apply(store, actor, the_plan, progress=lambda n, total: seen.append(n),
                       cancelled=lambda: len(seen) >= 1)
    assert families.find(store, "") == []
    with store.read() as s:
        assert search.matching_ids(s, "родитель") == []
    _, result = transfer.import_families(store, actor, path)
    assert result.families == 4500


def test_a_failing_insert_rolls_the_whole_import_back(store, actor, tmp_path, monkeypatch):
    path = write(tmp_path, "parent,phone,child\n" + "\n".join(
        f"Родитель {i},+7 916 0{i // 100:02d}-{i % 100:02d}-00,Ребёнок {i}" for i in range(300)))
    the_plan = transfer.plan(store, path)
    sqlite_dialect = type(store.dialect)
    real = sqlite_dialect.index_add_many

    def broken(self, session, documents):
        real(self, session, documents[:10])
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(sqlite_dialect, "index_add_many", broken)
    with pytest.raises(Exception):
        transfer.apply(store, actor, the_plan)
    monkeypatch.undo()
    assert families.find(store, "") == []
    with store.read() as s:
        assert s.connection().exec_driver_sql("SELECT count(*) FROM guardian").scalar() == 0
        assert s.connection().exec_driver_sql(
            "SELECT count(*) FROM family_search").scalar() == 0


@pytest.mark.parametrize("count", [1, 2, 98, 99, 100, 198, 199, 250])
def test_insert_many_writes_every_row_once_whatever_the_count(store, actor, count):
    """99 rows of ten values fill one statement; the rest go in a last, shorter one."""
    with store.write(actor) as uow:
        s = uow.session
        columns = ["id", "source", "legend", "created_at", "updated_at", "consent_purposes",
                   "preferred_channel", "consent_messages", "consent_marketing", "erased"]
        when = dt.datetime(2025, 1, 1, 12, tzinfo=dt.timezone.utc)
        values = [None, None, "", when, when, "", "PHONE", False, False, False]
        processors = [Family.__table__.c[c].type.bind_processor(s.connection().dialect)
                      for c in columns]  # the driver's values, as the import makes them
        rows = [tuple(p(v) if p and v is not None else v for p, v in
                      zip(processors, [1000 + i, f"источник {i}", *values[2:]]))
                for i in range(count)]
        dialect_of(s).insert_many(s, "family", columns, iter(rows))
        got = s.connection().exec_driver_sql(
            "SELECT id, source FROM family WHERE id >= 1000 ORDER BY id").all()
        assert [tuple(r) for r in got] == [(r[0], r[1]) for r in rows]

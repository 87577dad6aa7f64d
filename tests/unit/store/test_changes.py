"""Typed changes: derived from what a transaction wrote, announced only after its commit."""

import pytest
from sqlalchemy import inspect, text

from desk.models.enums import PaymentMethod
from desk.services.crm import families
from desk.services.money import wallet
from desk.services.store import changes
from desk.services.store.changes import Change
from desk.services.crm.families import FamilyDraft, GuardianDraft


def test_every_table_of_the_schema_has_a_change_kind(store):
    with store.engine.connect() as conn:
        tables = {t for t in inspect(conn).get_table_names()
                  if not t.startswith("family_search_")}  # the search index's own storage
    assert "family_search" in tables  # the search index counts too
    assert tables <= set(changes.TABLES), tables - set(changes.TABLES)


@pytest.mark.parametrize("statement, table", [
    ("INSERT INTO family (name) VALUES (?)", "family"),
    ('INSERT OR IGNORE INTO "ledger_entry" (x) VALUES (1)', "ledger_entry"),
    ("  update wallet SET balance = balance + ?", "wallet"),
    ("DELETE FROM family_search WHERE rowid = ?", "family_search"),
    ("REPLACE INTO presence VALUES (1)", "presence"),
    ("SELECT * FROM family", None),
    ("PRAGMA wal_checkpoint(TRUNCATE)", None),
])
def test_the_written_table_is_read_from_the_statement(statement, table):
    assert changes.written_table(statement) == table


def test_a_top_up_announces_wallet_and_journal_after_its_commit(store, actor):
    fam = families.save(store, actor, FamilyDraft(guardians=(GuardianDraft("Ёлкина Вера"),)))
    heard = []
    stop = store.on_commit(heard.append)
    wallet.top_up(store, actor, fam, 50000, PaymentMethod.CASH)
    assert heard == [frozenset({Change.WALLET, Change.FAMILY, Change.AUDIT})]  # and the timeline
    stop()
    wallet.top_up(store, actor, fam, 50000, PaymentMethod.CASH)
    assert len(heard) == 1  # stopped listening


def test_raw_sql_counts_and_a_rollback_announces_nothing(store, actor):
    heard = []
    store.on_commit(heard.append)
    with store.write(actor) as uow:
        uow.session.execute(text("UPDATE studio SET name = name"))
        # not committed
    assert heard == []
    with store.write(actor) as uow:
        uow.session.execute(text("UPDATE studio SET name = name"))
        uow.commit()
    assert heard == [frozenset({Change.STUDIO})]
    with store.write(actor) as uow:
        uow.commit()  # wrote nothing
    assert len(heard) == 1

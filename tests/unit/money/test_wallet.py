import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from desk.models.enums import EntryKind, PaymentMethod
from desk.services.crm import families
from desk.services.money import amounts, wallet
from desk.services.store import errors
from desk.services.upkeep import check
from desk.services.crm.families import FamilyDraft, GuardianDraft


@pytest.fixture
def family(store, actor):
    return families.save(store, actor, FamilyDraft(guardians=(GuardianDraft("Ёлкина Вера"),)))


def test_balance_is_the_ledger_sum_and_corrections_reverse(store, actor, family):
    first = wallet.top_up(store, actor, family, 250000, PaymentMethod.CARD_TRANSFER)
    wallet.top_up(store, actor, family, 120050, PaymentMethod.CASH)
    wallet.reverse(store, actor, first, "ошибка в сумме")
    view = wallet.view(store, family)
    assert view.balance == 120050
    assert [(line.kind, line.amount) for line in view.lines] == [
        (EntryKind.CORRECTION, -250000), (EntryKind.TOPUP, 120050), (EntryKind.TOPUP, 250000)]
    assert view.lines[2].reversed_by == view.lines[0].id
    with pytest.raises(errors.DeskError):
        wallet.reverse(store, actor, first, "ещё раз")
    assert families.card(store, family).timeline[0].text.startswith("−2\u00a0500")


def test_float_amounts_are_a_bug(store, actor, family):
    from desk.services.store.db import SYSTEM_ACTOR

    with store.write(SYSTEM_ACTOR) as uow, pytest.raises(TypeError):
        wallet.append(uow, family, EntryKind.TOPUP, 25.5)


@pytest.mark.parametrize("tamper, words", [
    ("UPDATE ledger_entry SET amount = 999999 WHERE seq = 1", "edited"),
    ("DELETE FROM ledger_entry WHERE seq = 3", "newest entries are missing"),
    ("DELETE FROM ledger_entry WHERE seq = 2", "missing"),
    ("INSERT INTO ledger_entry(family_id, seq, at, kind, amount, note, prev_hash, hash) "
     "VALUES (1, 4, '2026-01-01', 'TOPUP', 100, '', 'x', 'y')", "does not follow"),
    ("UPDATE wallet SET balance = balance + 1", "differs from the ledger"),
])
def test_desk_check_finds_tampering_behind_the_apps_back(store, actor, family, where,
                                                         tamper, words):
    for amount in (1000, 2000, 3000):
        wallet.top_up(store, actor, family, amount, PaymentMethod.CASH)
    assert check.run(where) == []
    with store.engine.begin() as conn:  # behind the app's back
        conn.exec_driver_sql(tamper)
    found = check.run(where)
    assert found and found[0].fault and words in found[0].text


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["top_up", "reverse"]),
                          st.integers(min_value=1, max_value=10_000_000)), max_size=15))
def test_any_sequence_keeps_balance_equal_to_ledger_and_chain_valid(store, actor, family, ops):
    posted = []
    for op, amount in ops:
        if op == "top_up":
            posted.append(wallet.top_up(store, actor, family, amount, PaymentMethod.OTHER))
        elif posted:
            wallet.reverse(store, actor, posted.pop(), "ошибка")
    view = wallet.view(store, family)
    assert view.balance == sum(line.amount for line in view.lines)
    with store.read() as s:
        assert wallet.verify(s) == []


def test_a_reversal_needs_a_reason(store, actor, family):
    entry = wallet.top_up(store, actor, family, 250000, PaymentMethod.CASH)
    with pytest.raises(errors.ValidationFailed) as info:
        wallet.reverse(store, actor, entry, "  ")
    assert info.value.fields == {"reason": "reason_missing"}
    assert wallet.balance(store, family) == 250000


def test_an_entry_over_the_bound_never_reaches_the_store(store, actor, family, where):
    wallet.top_up(store, actor, family, amounts.MAX_KOPECKS, PaymentMethod.CASH)
    for amount in (amounts.MAX_KOPECKS + 1, 10**16):
        with pytest.raises(errors.ValidationFailed):
            wallet.top_up(store, actor, family, amount, PaymentMethod.CASH)
    wallet.top_up(store, actor, family, amounts.MAX_KOPECKS, PaymentMethod.CASH)
    assert wallet.balance(store, family) == 2 * amounts.MAX_KOPECKS
    assert isinstance(wallet.balance(store, family), int)
    assert [f for f in check.run(where) if f.fault] == []
    with pytest.raises(IntegrityError), store.engine.begin() as conn:  # the schema's own bound
        conn.execute(text("INSERT INTO ledger_entry(family_id, seq, at, kind, amount, note, "
                          "prev_hash, hash) VALUES (:family, 9, '2026-01-01', 'TOPUP', "
                          "10000000000000000, '', 'x', 'y')"), {"family": family})


def test_money_formatting():
    assert amounts.format_rub(250050) == "2\u00a0500,50\u00a0₽"
    assert amounts.format_rub(-100000) == "−1\u00a0000\u00a0₽"

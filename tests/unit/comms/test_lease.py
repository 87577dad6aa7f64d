"""One courier per studio: the courier lease is held by one desk, renewed by it, taken over
once it runs out or is let go, and a take-over is in the journal."""

from __future__ import annotations

from desk.services.comms import lease
from desk.services.crm import audit


def test_one_desk_holds_the_lease_and_another_takes_it_once_it_is_let_go(store):
    first = lease.take(store, "a" * 32, "office-pc (Мария)")
    assert first.mine and first.holder == "office-pc (Мария)"
    assert lease.take(store, "a" * 32, "office-pc (Мария)").mine  # renewed
    other = lease.take(store, "b" * 32, "reception (Анна)")
    assert not other.mine and other.holder == "office-pc (Мария)"
    lease.release(store, "b" * 32)  # not its lease: nothing happens
    assert not lease.take(store, "b" * 32, "reception (Анна)").mine
    lease.release(store, "a" * 32)  # the first desk quits
    assert lease.take(store, "b" * 32, "reception (Анна)").mine
    assert not lease.take(store, "a" * 32, "office-pc (Мария)").mine


def test_a_lease_that_ran_out_is_taken_over_and_the_journal_says_so(store, monkeypatch):
    monkeypatch.setattr(lease, "LEASE_S", -1.0)  # the first desk's lease is already over …
    assert lease.take(store, "a" * 32, "office-pc (Мария)").mine
    monkeypatch.setattr(lease, "LEASE_S", 45.0)  # … as if its PC had gone away
    taken = lease.take(store, "b" * 32, "reception (Анна)")
    assert taken.mine and taken.holder == "reception (Анна)"
    entry = audit.entries(store)[0]
    assert entry.kind == "courier.take_over"
    assert "office-pc (Мария)" in entry.before and "reception (Анна)" in entry.after

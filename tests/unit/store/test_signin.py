"""Signing in: a PIN or password kept only as a salted hash, wrong tries counted and then
waited out, a forgotten PIN reset by a colleague or a supervisor (in the journal, without the
secret)."""

from __future__ import annotations


import pytest
from sqlalchemy import select

from desk.models.audit import AuditEntry
from desk.models.enums import Role
from desk.models.studio import Staff
from desk.services.staff import signin, studio
from desk.services.store import errors


def test_a_pin_is_kept_hashed_and_signs_its_owner_in(store, staff):
    anna = staff[Role.SYSTEM]
    assert signin.with_secret(store) == set()
    for bad, code in (("12", "pin_invalid"), ("123456789", "pin_invalid"),
                      ("kot", "password_short")):
        with pytest.raises(errors.ValidationFailed) as caught:
            signin.set_secret(store, anna.actor(), anna.id, bad)
        assert caught.value.fields == {"secret": code}
    signin.set_secret(store, anna.actor(), anna.id, "4821")
    with store.read() as s:
        kept = s.scalar(select(Staff.secret).where(Staff.id == anna.id))
        journal = " ".join(s.scalars(select(AuditEntry.after).where(
            AuditEntry.kind == "staff.secret")))
    assert kept.startswith("scrypt$") and "4821" not in kept and "4821" not in journal
    assert signin.with_secret(store) == {anna.id}
    assert signin.sign_in(store, anna.id, "4821") == anna
    another = signin.hashed("4821")
    assert another != kept and signin.matches(another, "4821")  # salted


def test_wrong_tries_are_counted_then_waited_out(store, staff, clock):
    maria = staff[Role.COMMUNICATOR]
    signin.set_secret(store, maria.actor(), maria.id, "длинный пароль")
    for _ in range(signin.FREE_TRIES):
        with pytest.raises(signin.SignInRefused):
            signin.sign_in(store, maria.id, "0000")
    with pytest.raises(signin.SignInBlocked) as caught:
        signin.sign_in(store, maria.id, "длинный пароль")
    assert caught.value.params["seconds"] == 31
    clock.advance(seconds=31)
    assert signin.sign_in(store, maria.id, "длинный пароль") == maria


def test_a_forgotten_pin_is_reset_by_a_colleague_or_a_supervisor(store, staff, actor):
    studio.update(store, actor, "ДетиЛюбят", "Europe/Moscow",
                  [studio.StaffEdit(m.name, m.role, True, m.id) for m in studio.staff(store)]
                  + [studio.StaffEdit("Ирина Петрова", Role.SUPERVISOR)])
    boss = next(m for m in studio.staff(store) if m.role is Role.SUPERVISOR)
    maria, anna = staff[Role.COMMUNICATOR], staff[Role.SYSTEM]
    signin.set_secret(store, maria.actor(), maria.id, "1111")
    signin.set_secret(store, anna.actor(), maria.id, "2222")  # a colleague resets it
    signin.set_secret(store, boss.actor(), maria.id, "3333")  # so does a supervisor
    with pytest.raises(signin.SignInRefused):
        signin.sign_in(store, maria.id, "2222")
    assert signin.sign_in(store, maria.id, "3333") == maria
    with store.read() as s:
        resets = [a for a in s.scalars(select(AuditEntry.after).where(
            AuditEntry.kind == "staff.secret"))]
    assert [('"reset": true' in a) for a in resets] == [False, True, True]

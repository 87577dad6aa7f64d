"""Signing in: each person has a PIN (4–8 digits) or a password (8 characters or more), kept
only as a salted hash (scrypt, from the standard library), never plain. Wrong tries are
counted: after five the person waits, longer after each further one. A forgotten PIN is reset
by another member of the desk or a supervisor, and the reset is in the journal (the secret
never is)."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import os

from sqlalchemy import select

from desk.models.studio import Staff
from desk.services.staff import studio
from desk.services.store import errors
from desk.services.store.db import Actor, Store

N, R, P = 2 ** 14, 8, 1  # scrypt's cost: about 50 ms a try on the desk's PCs
FREE_TRIES = 5
FIRST_WAIT_S = 30
LONGEST_WAIT_S = 15 * 60


class SignInRefused(errors.DeskError):
    code = "sign_in_refused"


class SignInBlocked(errors.DeskError):
    """Too many wrong tries: params: seconds (to wait)."""

    code = "sign_in_blocked"


def hashed(secret: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(secret.encode(), salt=salt, n=N, r=R, p=P, dklen=32)
    return "$".join(("scrypt", str(N), str(R), str(P), base64.b64encode(salt).decode(),
                     base64.b64encode(digest).decode()))


def matches(stored: str, secret: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        tried = hashlib.scrypt(secret.encode(), salt=base64.b64decode(salt), n=int(n),
                               r=int(r), p=int(p), dklen=32)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(tried, base64.b64decode(digest))


def check(secret: str) -> None:
    """A PIN of 4–8 digits, or a password of 8 characters or more."""
    if secret.isdigit():
        if not 4 <= len(secret) <= 8:
            raise errors.ValidationFailed({"secret": "pin_invalid"})
    elif len(secret) < 8 or not secret.strip():
        raise errors.ValidationFailed({"secret": "password_short"})


def with_secret(store: Store) -> set[int]:
    """The people who have a PIN or password set."""
    with store.read() as s:
        return set(s.scalars(select(Staff.id).where(Staff.secret != "")))


def set_secret(store: Store, actor: Actor, staff_id: int, secret: str) -> None:
    """Set the person's PIN or password: their own, or (a forgotten one) reset by another
    member of the desk or a supervisor."""
    check(secret)
    with store.write(actor, looking_may=True) as uow:
        person = uow.session.get(Staff, staff_id)
        if person is None or not person.active:
            raise errors.NotFound(f"no active staff member {staff_id}")
        if actor.staff_id is not None and actor.staff_id != staff_id:
            by = uow.session.get(Staff, actor.staff_id)
            if by is None or not by.active:
                raise errors.NotPermitted("only the desk or a supervisor resets a PIN")
        had = bool(person.secret)
        person.secret, person.failed_tries, person.blocked_until = hashed(secret), 0, None
        uow.audit("staff.secret", entity_id=staff_id, after=json.dumps(
            {"name": person.name, "reset": actor.staff_id not in (None, staff_id),
             "changed": had}, ensure_ascii=False))
        uow.commit()


def sign_in(store: Store, staff_id: int, secret: str) -> studio.StaffMember:
    """The person, when the secret is theirs; a wrong one is counted (SignInRefused), and
    after five a wait is imposed (SignInBlocked, with the seconds to wait)."""
    now = store.now()
    if store.read_only:  # a copy looked at: checked, nothing counted
        with store.read() as s:
            person = s.get(Staff, staff_id)
            if person is None or not person.secret or not matches(person.secret, secret):
                raise SignInRefused("the PIN or password is not right")
            return studio.StaffMember(person.id, person.name, person.role, person.active)
    with store.write(Actor(staff_id, "", looks_only=False)) as uow:
        person = uow.session.get(Staff, staff_id)
        if person is None or not person.active:
            raise errors.NotFound(f"no active staff member {staff_id}")
        if person.blocked_until is not None and person.blocked_until > now:
            raise SignInBlocked("too many wrong tries",
                                seconds=int((person.blocked_until - now).total_seconds()) + 1)
        if not person.secret or not matches(person.secret, secret):
            person.failed_tries += 1
            if person.failed_tries >= FREE_TRIES:
                wait = min(LONGEST_WAIT_S,
                           FIRST_WAIT_S * 2 ** (person.failed_tries - FREE_TRIES))
                person.blocked_until = now + dt.timedelta(seconds=wait)
            uow.audit("staff.sign_in_refused", entity_id=staff_id,
                      after=json.dumps({"name": person.name, "tries": person.failed_tries},
                                       ensure_ascii=False))
            uow.commit()
            raise SignInRefused("the PIN or password is not right")
        person.failed_tries, person.blocked_until = 0, None
        uow.audit("staff.sign_in", entity_id=staff_id,
                  after=json.dumps({"name": person.name}, ensure_ascii=False))
        uow.commit()
        return studio.StaffMember(person.id, person.name, person.role, person.active)

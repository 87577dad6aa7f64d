"""Secrets (bot tokens, mail passwords) in the OS keyring — never in the database, settings or
logs. When no keyring backend exists a typed error says so; there is no plaintext fallback."""

from __future__ import annotations

import keyring
import keyring.errors

from desk.services.store import redact

SERVICE = "desk"


def _check_backend() -> None:
    backend = keyring.get_keyring()
    priority = getattr(backend, "priority", 1)
    if priority is not None and priority <= 0:
        raise _unavailable()


def _unavailable():
    from desk.services.store import errors

    return errors.SecretStoreUnavailable("no secret store (keyring backend) is available")


def get(name: str) -> str | None:
    _check_backend()
    try:
        secret = keyring.get_password(SERVICE, name)
    except keyring.errors.KeyringError as exc:
        raise _unavailable() from exc
    redact.remember(secret)
    return secret


def put(name: str, secret: str) -> None:
    redact.remember(secret)
    _check_backend()
    try:
        keyring.set_password(SERVICE, name, secret)
    except keyring.errors.KeyringError as exc:
        raise _unavailable() from exc


def delete(name: str) -> None:
    _check_backend()
    try:
        keyring.delete_password(SERVICE, name)
    except keyring.errors.PasswordDeleteError:
        pass
    except keyring.errors.KeyringError as exc:
        raise _unavailable() from exc

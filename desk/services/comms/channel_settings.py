"""Channel settings: what is not secret in the database, the bot token and the mail password
in the OS keyring; "test connection"; and the adapters the courier runs with.

A secret belongs to one studio database, not to the PC: its keyring name carries a random
reference kept in that database's channel settings, so a fresh demo file never sees the real
studio's token."""

from __future__ import annotations

import dataclasses
import json
import secrets

from desk.models.comms import ChannelConfig
from desk.models.enums import InboxChannel
from desk.services.store import credentials, errors, redact
from desk.services.comms.channels.base import Adapter
from desk.services.comms.channels.mail import EmailAdapter, MailSettings
from desk.services.comms.channels.telegram import DEFAULT_BASE_URL, TelegramAdapter
from desk.services.store.db import Actor, Store, UnitOfWork

SECRET_NAMES = {InboxChannel.TELEGRAM: "telegram.token", InboxChannel.EMAIL: "email.password"}
SECRET_REF = "secret_ref"  # the key in a channel's settings JSON


@dataclasses.dataclass(frozen=True)
class TelegramSettings:
    enabled: bool = False
    base_url: str = DEFAULT_BASE_URL


@dataclasses.dataclass(frozen=True)
class ChannelSetup:
    telegram: TelegramSettings
    email_enabled: bool
    email: MailSettings


def load(store: Store) -> ChannelSetup:
    with store.read() as s:
        rows = {c.channel: c for c in s.query(ChannelConfig)}
    tg, mail = rows.get(InboxChannel.TELEGRAM), rows.get(InboxChannel.EMAIL)
    tg_values = json.loads(tg.settings) if tg else {}
    mail_values = json.loads(mail.settings) if mail else {}
    mail_values.pop(SECRET_REF, None)
    return ChannelSetup(
        TelegramSettings(bool(tg and tg.enabled), tg_values.get("base_url", DEFAULT_BASE_URL)),
        bool(mail and mail.enabled),
        MailSettings(**mail_values) if mail_values else MailSettings("", ""))


def _secret_name(store: Store, channel: InboxChannel, *, create: bool = False) -> str | None:
    """The keyring name of this database's secret for ``channel`` (None: it has none). A
    channel set up by an older Desk kept its secret under the bare name: that one is this
    database's until the settings are saved again (a database without the channel never
    sees it)."""
    with store.read() as s:
        row = s.get(ChannelConfig, channel)
        values = json.loads(row.settings) if row and row.settings else {}
    ref = values.get(SECRET_REF)
    if ref is None and values and not create:
        return SECRET_NAMES[channel]  # set up before secrets were kept per database
    if ref is None and create:
        ref = secrets.token_hex(8)
    return f"{SECRET_NAMES[channel]}.{ref}" if ref else None


def _secret(store: Store, channel: InboxChannel) -> str | None:
    name = _secret_name(store, channel)
    return credentials.get(name) if name else None


def has_secret(store: Store, channel: InboxChannel) -> bool:
    return bool(_secret(store, channel))


def _validate_mail(m: MailSettings) -> None:
    fields = {}
    if "@" not in m.address:
        fields["email.address"] = "email_invalid"
    if not m.imap_host.strip():
        fields["email.imap_host"] = "host_missing"
    if not m.smtp_host.strip():
        fields["email.smtp_host"] = "host_missing"
    if fields:
        raise errors.ValidationFailed(fields)


def save_telegram(store: Store, actor: Actor, settings: TelegramSettings,
                  token: str | None) -> None:
    """``token`` None keeps the stored one; a new one goes to the keyring only."""
    with store.write(actor) as uow:
        _save_telegram(uow, store, settings, token)
        uow.commit()


def save_email(store: Store, actor: Actor, enabled: bool, settings: MailSettings,
               password: str | None) -> None:
    with store.write(actor) as uow:
        _save_email(uow, store, enabled, settings, password)
        uow.commit()


def save(store: Store, actor: Actor, telegram: TelegramSettings, token: str | None,
         email_enabled: bool, email: MailSettings, password: str | None) -> None:
    """Both channels as the settings dialog has them: both are saved, or (on a wrong value)
    neither."""
    with store.write(actor) as uow:
        _save_telegram(uow, store, telegram, token)
        _save_email(uow, store, email_enabled, email, password)
        uow.commit()


def _save_telegram(uow: UnitOfWork, store: Store, settings: TelegramSettings,
                   token: str | None) -> None:
    if settings.enabled and not token and not has_secret(store, InboxChannel.TELEGRAM):
        raise errors.ValidationFailed({"telegram.token": "token_missing"})
    token = token or _secret(store, InboxChannel.TELEGRAM)  # an older Desk's, carried over
    name = _secret_name(store, InboxChannel.TELEGRAM, create=True)
    if token:
        credentials.put(name, token.strip())
    _save(uow, InboxChannel.TELEGRAM, settings.enabled,
          {"base_url": settings.base_url.strip() or DEFAULT_BASE_URL}, name)


def _save_email(uow: UnitOfWork, store: Store, enabled: bool, settings: MailSettings,
                password: str | None) -> None:
    if enabled:
        _validate_mail(settings)
    password = password or _secret(store, InboxChannel.EMAIL)
    name = _secret_name(store, InboxChannel.EMAIL, create=True)
    if password:
        credentials.put(name, password)
    _save(uow, InboxChannel.EMAIL, enabled, dataclasses.asdict(settings), name)


def _save(uow: UnitOfWork, channel: InboxChannel, enabled: bool, values: dict,
          secret_name: str) -> None:
    row = uow.session.get(ChannelConfig, channel)
    if row is None:
        row = ChannelConfig(channel=channel, cursor="")
        uow.session.add(row)
    stored = {**values, SECRET_REF: secret_name.rsplit(".", 1)[1]}
    row.enabled, row.settings = enabled, json.dumps(stored, ensure_ascii=False)
    uow.audit("channel.save", after=json.dumps({"channel": channel.value,
                                                "enabled": enabled, **values}))


def telegram_adapter(store: Store, settings: TelegramSettings,
                     token: str | None = None) -> TelegramAdapter:
    token = token or _secret(store, InboxChannel.TELEGRAM) or ""
    redact.remember(token)  # typed for "test connection" and not stored yet, say
    return TelegramAdapter(token, settings.base_url)


def email_adapter(store: Store, settings: MailSettings,
                  password: str | None = None) -> EmailAdapter:
    password = password or _secret(store, InboxChannel.EMAIL) or ""
    redact.remember(password)
    return EmailAdapter(settings, password)


def test_connection(adapter: Adapter) -> str:
    """Who the desk is on the channel (the bot's name, the mailbox); raises ChannelDown."""
    try:
        return adapter.check()
    finally:
        adapter.close()


def adapters(store: Store) -> dict[InboxChannel, Adapter]:
    """An adapter for every channel that is switched on."""
    setup = load(store)
    found: dict[InboxChannel, Adapter] = {}
    if setup.telegram.enabled and has_secret(store, InboxChannel.TELEGRAM):
        found[InboxChannel.TELEGRAM] = telegram_adapter(store, setup.telegram)
    if setup.email_enabled:  # a mailbox may need no password (a local relay)
        found[InboxChannel.EMAIL] = email_adapter(store, setup.email)
    return found


def lacking(store: Store) -> tuple[InboxChannel, ...]:
    """Channels switched on for the studio whose secret this PC's keyring does not hold (the
    bot token entered on another desk): this desk cannot receive or send through them."""
    setup = load(store)
    if setup.telegram.enabled and not has_secret(store, InboxChannel.TELEGRAM):
        return (InboxChannel.TELEGRAM,)
    return ()


def cursor(store: Store, channel: InboxChannel, identity: str = "") -> str:
    """Where receiving stopped, for this bot or mailbox (``identity``): a cursor left by
    another one (a new token, another server) means nothing here, so it starts from zero."""
    with store.read() as s:
        row = s.get(ChannelConfig, channel)
    stored = row.cursor if row else ""
    if "|" not in stored:  # written by an older Desk: the account set up now goes on from it
        return stored
    owner, _, value = stored.rpartition("|")
    return value if owner == identity else ""

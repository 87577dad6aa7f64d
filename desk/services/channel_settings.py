"""Channel settings: what is not secret in the database, the bot token and the mail password
in the OS keyring; "test connection"; and the adapters the courier runs with."""

from __future__ import annotations

import dataclasses
import json

from desk.models.comms import ChannelConfig, InboxChannel
from desk.services import credentials, errors, redact
from desk.services.channels.base import Adapter
from desk.services.channels.mail import EmailAdapter, MailSettings
from desk.services.channels.telegram import DEFAULT_BASE_URL, TelegramAdapter
from desk.services.db import Actor, Store

SECRET_NAMES = {InboxChannel.TELEGRAM: "telegram.token", InboxChannel.EMAIL: "email.password"}


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
    return ChannelSetup(
        TelegramSettings(bool(tg and tg.enabled), tg_values.get("base_url", DEFAULT_BASE_URL)),
        bool(mail and mail.enabled),
        MailSettings(**mail_values) if mail_values else MailSettings("", ""))


def has_secret(channel: InboxChannel) -> bool:
    return bool(credentials.get(SECRET_NAMES[channel]))


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
    if settings.enabled and not token and not has_secret(InboxChannel.TELEGRAM):
        raise errors.ValidationFailed({"telegram.token": "token_missing"})
    if token:
        credentials.put(SECRET_NAMES[InboxChannel.TELEGRAM], token.strip())
    _save(store, actor, InboxChannel.TELEGRAM, settings.enabled,
          {"base_url": settings.base_url.strip() or DEFAULT_BASE_URL})


def save_email(store: Store, actor: Actor, enabled: bool, settings: MailSettings,
               password: str | None) -> None:
    if enabled:
        _validate_mail(settings)
    if password:
        credentials.put(SECRET_NAMES[InboxChannel.EMAIL], password)
    _save(store, actor, InboxChannel.EMAIL, enabled, dataclasses.asdict(settings))


def _save(store: Store, actor: Actor, channel: InboxChannel, enabled: bool,
          values: dict) -> None:
    with store.write(actor) as uow:
        row = uow.session.get(ChannelConfig, channel)
        if row is None:
            row = ChannelConfig(channel=channel, cursor="")
            uow.session.add(row)
        row.enabled, row.settings = enabled, json.dumps(values, ensure_ascii=False)
        uow.audit("channel.save", after=json.dumps({"channel": channel.value,
                                                    "enabled": enabled, **values}))
        uow.commit()


def telegram_adapter(settings: TelegramSettings, token: str | None = None) -> TelegramAdapter:
    token = token or credentials.get(SECRET_NAMES[InboxChannel.TELEGRAM]) or ""
    redact.remember(token)  # typed for "test connection" and not stored yet, say
    return TelegramAdapter(token, settings.base_url)


def email_adapter(settings: MailSettings, password: str | None = None) -> EmailAdapter:
    password = password or credentials.get(SECRET_NAMES[InboxChannel.EMAIL]) or ""
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
    if setup.telegram.enabled:
        found[InboxChannel.TELEGRAM] = telegram_adapter(setup.telegram)
    if setup.email_enabled:
        found[InboxChannel.EMAIL] = email_adapter(setup.email)
    return found


def cursor(store: Store, channel: InboxChannel) -> str:
    with store.read() as s:
        row = s.get(ChannelConfig, channel)
        return row.cursor if row else ""

"""E-mail in and out: Dovecot (IMAP) and aiosmtpd (SMTP) on loopback."""

from __future__ import annotations

import email
import email.policy

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from desk.models.enums import InboxChannel, OutboxStatus
from desk.services.comms import channel_settings, inbox, outbox
from desk.services.crm import families
from desk.services.comms.channels.base import ChannelDown
from desk.services.comms.channels.mail import EmailAdapter, MailSettings
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft
from tests.servers import free_port, imap

pytestmark = pytest.mark.skipif(not imap.available(), reason="dovecot-imapd is not installed")
MAIL = InboxChannel.EMAIL


class Collect:
    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.messages.append(email.message_from_bytes(envelope.content,
                                                      policy=email.policy.default))
        return "250 OK"


def password_check(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == imap.USER \
        and auth_data.password.decode() == imap.PASSWORD
    return AuthResult(success=ok)


@pytest.fixture(scope="module")
def dovecot():
    with imap.Dovecot() as server:
        yield server


@pytest.fixture
def smtp():
    handler = Collect()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port(),
                            authenticator=password_check, auth_require_tls=False)
    controller.start()
    yield controller, handler
    controller.stop()


@pytest.fixture
def mail(dovecot, smtp):
    dovecot.empty()  # the server lives for the module; its mailbox is the test's own
    controller, _ = smtp
    settings = MailSettings(address=imap.USER, imap_host="127.0.0.1", imap_port=dovecot.port,
                            imap_ssl=False, smtp_host="127.0.0.1",
                            smtp_port=controller.port,
                            smtp_security="none")
    return EmailAdapter(settings, imap.PASSWORD)


LETTER = ("From: =?utf-8?b?0JLQtdGA0LAg0IHQu9C60LjQvdCw?= <Vera@Example.ru>\r\n"
          "To: desk@studio.test\r\nSubject: =?utf-8?b?0JfQsNC/0LjRgdGM?=\r\n"
          "Message-ID: <{n}@example.ru>\r\nContent-Type: text/plain; charset=utf-8\r\n"
          "Content-Transfer-Encoding: 8bit\r\n\r\n{body}\r\n")


@pytest.mark.logs_warnings
def test_letters_arrive_once_match_the_family_and_the_answer_goes_by_smtp(
        store, actor, dovecot, smtp, mail):
    fid = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера", email="vera@example.ru"),),
        children=(ChildDraft("Саша"),)))
    dovecot.deliver(LETTER.format(n="a1", body="Здравствуйте, есть ли места?").encode())
    batch = mail.fetch(channel_settings.cursor(store, MAIL, mail.identity), 0)
    assert inbox.ingest(store, MAIL, batch) == 1
    again = mail.fetch(channel_settings.cursor(store, MAIL, mail.identity), 0)
    assert again.messages == ()  # the stored UID moved on
    [row] = inbox.queue(store)
    assert row.family_id == fid and row.name == "Вера Ёлкина"
    assert row.last_text == "Здравствуйте, есть ли места?"
    inbox.reply(store, actor, row.id, inbox.ReplyDraft("Да, в субботу в 12:00."))
    assert outbox.deliver(store, {MAIL: mail}) == (1, 0)
    _, handler = smtp
    [sent] = handler.messages
    assert sent["To"] == "vera@example.ru" and sent["Subject"] == "Re: Запись"
    assert sent.get_content().strip() == "Да, в субботу в 12:00."
    assert inbox.messages(store, row.id)[-1].status is OutboxStatus.SENT
    dovecot.deliver(LETTER.format(n="a2", body="Спасибо!").encode())
    inbox.ingest(store, MAIL, mail.fetch(channel_settings.cursor(store, MAIL, mail.identity), 0))
    assert [m.text for m in inbox.messages(store, row.id)][-1] == "Спасибо!"


@pytest.mark.logs_warnings
def test_a_wrong_password_or_a_dead_server_is_channel_down(dovecot, mail):
    wrong = EmailAdapter(mail.settings, "nope")
    with pytest.raises(ChannelDown):
        wrong.fetch("", 0)
    assert mail.check() == imap.USER
    dead = EmailAdapter(MailSettings(imap.USER, "127.0.0.1", 1, False, "127.0.0.1", 1, "none"),
                        imap.PASSWORD)
    with pytest.raises(ChannelDown):
        dead.check()


@pytest.mark.logs_warnings
def test_the_mailbox_is_checked_by_its_login_and_a_wrong_password_is_down(store, mail):
    from desk.models.enums import HealthState
    from desk.services.comms import health

    [ok] = health.run(store, {MAIL: mail}, {}, "office-pc")
    assert ok.state is HealthState.OK and ok.account == imap.USER and ok.me_ok
    assert ok.pending_updates is None and not ok.webhook  # a bot's figures only
    wrong = EmailAdapter(mail.settings, "nope")
    [down] = health.run(store, {MAIL: wrong}, {}, "office-pc")
    assert down.state is HealthState.DOWN and down.reason == "login_failed"
    assert "nope" not in down.last_error + down.reason
    assert [a.kind for a in health.alerts(store)] == [HealthState.DOWN]

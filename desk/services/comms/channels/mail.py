"""E-mail: IMAP to receive (new UIDs after the last one seen, per UIDVALIDITY), SMTP to send.
Passwords come from the keyring through the caller; they never reach a log."""

from __future__ import annotations

import dataclasses
import datetime as dt
import email.policy
import email.utils
import imaplib
import mimetypes
import smtplib
import socket
import ssl
from email.message import EmailMessage

from desk.models.enums import InboxChannel
from desk.services.comms.channels.base import (
    Batch, ChannelDown, ChannelRefused, DeliveryUnknown, Incoming, Outgoing, identity_of,
)

TIMEOUT_S = 20.0
MAX_PER_FETCH = 200


@dataclasses.dataclass(frozen=True)
class MailSettings:
    address: str  # the studio's address: From of every answer
    imap_host: str
    imap_port: int = 993
    imap_ssl: bool = True
    smtp_host: str = ""
    smtp_port: int = 465
    smtp_security: str = "ssl"  # ssl, starttls or none
    username: str = ""


class EmailAdapter:
    channel = InboxChannel.EMAIL

    def __init__(self, settings: MailSettings, password: str) -> None:
        self.settings = settings
        self._password = password
        self.identity = identity_of(settings.imap_host, settings.username or settings.address)

    # receiving -------------------------------------------------------------------------
    def _imap(self) -> imaplib.IMAP4:
        s = self.settings
        try:
            if s.imap_ssl:
                box = imaplib.IMAP4_SSL(s.imap_host, s.imap_port, timeout=TIMEOUT_S,
                                        ssl_context=ssl.create_default_context())
            else:
                box = imaplib.IMAP4(s.imap_host, s.imap_port, timeout=TIMEOUT_S)
            box.login(s.username or s.address, self._password)
        except imaplib.IMAP4.error as exc:
            raise ChannelDown(f"imap login: {_short(exc)}", reason="login_failed") from None
        except (OSError, ssl.SSLError) as exc:
            raise ChannelDown(f"imap: {type(exc).__name__}", reason=_why(exc)) from None
        return box

    def fetch(self, cursor: str, wait_s: float) -> Batch:
        box = self._imap()
        try:
            status, data = box.select("INBOX", readonly=True)
            if status != "OK":
                raise ChannelDown("imap: no INBOX", reason="INBOX")
            validity = _first(box.response("UIDVALIDITY")[1]) or "0"
            seen_validity, _, seen_uid = cursor.partition(":")
            last = int(seen_uid) if seen_validity == validity and seen_uid else 0
            status, data = box.uid("search", None, f"UID {last + 1}:*")
            uids = sorted(int(u) for u in (data[0] or b"").split() if int(u) > last)
            found = []
            for uid in uids[:MAX_PER_FETCH]:
                status, parts = box.uid("fetch", str(uid), "(RFC822)")
                raw = next((p[1] for p in parts if isinstance(p, tuple)), None)
                if raw is not None:
                    found.append(_incoming(raw, f"{validity}:{uid}"))
                last = uid
            return Batch(tuple(found), f"{validity}:{last}", self.identity)
        except (OSError, imaplib.IMAP4.error) as exc:
            raise ChannelDown(f"imap: {_short(exc)}", reason=_short(exc)) from None
        finally:
            try:
                box.logout()
            except (OSError, imaplib.IMAP4.error):
                pass

    # sending ---------------------------------------------------------------------------
    def _smtp(self) -> smtplib.SMTP:
        s = self.settings
        try:
            if s.smtp_security == "ssl":
                server = smtplib.SMTP_SSL(s.smtp_host, s.smtp_port, timeout=TIMEOUT_S,
                                          context=ssl.create_default_context())
            else:
                server = smtplib.SMTP(s.smtp_host, s.smtp_port, timeout=TIMEOUT_S)
                if s.smtp_security == "starttls":
                    server.starttls(context=ssl.create_default_context())
            if self._password:
                server.login(s.username or s.address, self._password)
        except smtplib.SMTPAuthenticationError as exc:
            raise ChannelDown(f"smtp login: {exc.smtp_code}", reason="login_failed") \
                from None
        except (OSError, smtplib.SMTPException) as exc:
            raise ChannelDown(f"smtp: {type(exc).__name__}", reason=_why(exc)) from None
        return server

    def send(self, message: Outgoing) -> str:
        mail = EmailMessage()
        mail["From"] = self.settings.address
        mail["To"] = message.address
        mail["Subject"] = message.subject or "—"
        mail["Date"] = email.utils.formatdate(localtime=True)
        msgid = email.utils.make_msgid(domain=self.settings.address.partition("@")[2] or None)
        mail["Message-ID"] = msgid
        mail.set_content(message.text)
        if message.attachment is not None:
            kind = mimetypes.guess_type(message.attachment.name)[0] or "application/octet-stream"
            main, _, sub = kind.partition("/")
            mail.add_attachment(message.attachment.data, maintype=main, subtype=sub,
                                filename=message.attachment.name)
        server = self._smtp()  # a failure to connect: nothing left, try again later
        try:
            server.send_message(mail)
        except smtplib.SMTPRecipientsRefused as exc:  # 5xx for good, 4xx (greylisting) later
            codes = [code for code, _ in exc.recipients.values()]
            if codes and all(code >= 500 for code in codes):
                raise ChannelRefused(f"smtp refused {message.address}", reason="recipient") \
                    from None
            raise ChannelDown(f"smtp: try later {codes}", reason="SMTP 4") from None
        except smtplib.SMTPNotSupportedError:  # e.g. a non-ASCII address: nothing left
            raise ChannelRefused(f"smtp cannot send to {message.address}",
                                 reason="recipient") from None
        except smtplib.SMTPResponseException as exc:  # the server answered: it did not take it
            if exc.smtp_code >= 500:
                raise ChannelRefused(f"smtp: {exc.smtp_code}", reason=f"SMTP {exc.smtp_code}") \
                    from None
            raise ChannelDown(f"smtp: {exc.smtp_code}", reason=f"SMTP {exc.smtp_code}") \
                from None
        except (OSError, smtplib.SMTPException) as exc:  # cut off while handing it over
            raise DeliveryUnknown(f"smtp: {type(exc).__name__}", reason="connection_lost") \
                from None
        finally:
            try:
                server.quit()
            except (OSError, smtplib.SMTPException):
                pass
        return msgid

    def check(self) -> str:
        self._imap().logout()
        if self.settings.smtp_host:
            self._smtp().quit()
        return self.settings.address

    def close(self) -> None:
        pass


def _first(values) -> str:
    for value in values or ():
        if value:
            return value.decode() if isinstance(value, bytes) else str(value)
    return ""


def _why(exc: BaseException) -> str:
    """A connection problem as a code the UI words (never an exception's name)."""
    if isinstance(exc, socket.gaierror):
        return "address_unknown"
    if isinstance(exc, TimeoutError | socket.timeout):
        return "no_answer"
    if isinstance(exc, ssl.SSLError):
        return "tls"
    if isinstance(exc, OSError):
        return "no_connection"
    return "connection_lost"


def _short(exc: BaseException) -> str:
    text = exc.args[0] if exc.args else type(exc).__name__
    if isinstance(text, bytes):
        text = text.decode(errors="replace")
    return str(text)[:200]


def _incoming(raw: bytes, fallback_id: str) -> Incoming:
    mail = email.message_from_bytes(raw, policy=email.policy.default)
    name, address = email.utils.parseaddr(str(mail.get("From", "")))
    body = mail.get_body(preferencelist=("plain", "html"))
    text = body.get_content() if body is not None else ""
    try:
        at = email.utils.parsedate_to_datetime(str(mail["Date"])) if mail["Date"] else None
    except (TypeError, ValueError):
        at = None
    if at is None or at.tzinfo is None:
        at = dt.datetime.now(dt.timezone.utc)
    files = [part.get_filename() for part in mail.iter_attachments() if part.get_filename()]
    return Incoming(
        external_id=str(mail.get("Message-ID") or fallback_id).strip()[:200],
        address=address.lower(), name=name, text=text.strip(), at=at,
        subject=str(mail.get("Subject", "")), attachment=", ".join(files))



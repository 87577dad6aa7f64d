"""Settings → Channels: the studio's Telegram bot and mailbox, each with "test connection".
The token and the password go to the OS keyring; the fields never show a stored secret."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from desk.models.enums import InboxChannel
from desk.services.comms import channel_settings
from desk.services.store import errors
from desk.ui import messages
from desk.ui.context import Context
from desk.ui.forms import FieldError, finish_form_dialog, submit

SECURITY = (("ssl", "SSL/TLS"), ("starttls", "STARTTLS"), ("none", "—"))


class ChannelsDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Channels"))
        self.setMinimumWidth(520)
        setup = channel_settings.ChannelSetup(channel_settings.TelegramSettings(), False,
                                              channel_settings.MailSettings("", ""))  # until the stored arrive

        self.tg_enabled = QCheckBox(self.tr("Receive and answer Telegram messages"))
        self.tg_url = QLineEdit(setup.telegram.base_url)
        self.tg_url.setToolTip(self.tr("Change only when the studio runs its own Bot API server"))
        self.tg_token = QLineEdit()
        self.tg_token.setEchoMode(QLineEdit.EchoMode.Password)
        self.tg_token.setPlaceholderText("123456:ABC…")
        self.tg_test = QPushButton(self.tr("Test connection"))
        self.tg_result = QLabel()
        self.tg_result.setWordWrap(True)
        tg_form = QFormLayout()
        tg_form.addRow(self.tg_enabled)
        tg_form.addRow(self.tr("Bot token:"), self.tg_token)
        tg_form.addRow(self.tr("API address:"), self.tg_url)
        tg_form.addRow(self._row(self.tg_test, self.tg_result))
        tg_box = QGroupBox(self.tr("Telegram bot"))
        tg_box.setLayout(tg_form)

        self.mail_enabled = QCheckBox(self.tr("Receive and answer e-mail"))
        self.mail_address = QLineEdit()
        self.mail_user = QLineEdit()
        self.mail_user.setPlaceholderText(self.tr("the same as the address"))
        self.mail_password = QLineEdit()
        self.mail_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.imap_host = QLineEdit()
        self.imap_port = QSpinBox()
        self.imap_port.setRange(1, 65535)
        self.imap_ssl = QCheckBox("SSL/TLS")
        self.smtp_host = QLineEdit()
        self.smtp_port = QSpinBox()
        self.smtp_port.setRange(1, 65535)
        self.smtp_security = QComboBox()
        for key, name in SECURITY:
            self.smtp_security.addItem(name, key)
        self._fill((setup, False, False))
        self.mail_test = QPushButton(self.tr("Test connection"))
        self.mail_result = QLabel()
        self.mail_result.setWordWrap(True)
        mail_form = QFormLayout()
        mail_form.addRow(self.mail_enabled)
        mail_form.addRow(self.tr("Studio's address:"), self.mail_address)
        mail_form.addRow(self.tr("Login:"), self.mail_user)
        mail_form.addRow(self.tr("Password:"), self.mail_password)
        mail_form.addRow(self.tr("IMAP server:"), self._row(self.imap_host, self.imap_port,
                                                           self.imap_ssl))
        mail_form.addRow(self.tr("SMTP server:"), self._row(self.smtp_host, self.smtp_port,
                                                           self.smtp_security))
        mail_form.addRow(self._row(self.mail_test, self.mail_result))
        mail_box = QGroupBox(self.tr("E-mail"))
        mail_box.setLayout(mail_form)

        self.error = FieldError()
        form = QVBoxLayout()
        form.addWidget(tg_box)
        form.addWidget(mail_box)
        form.addWidget(self.error)
        finish_form_dialog(self, form, self._on_accepted)
        self.tg_test.clicked.connect(self.test_telegram)
        self.mail_test.clicked.connect(self.test_mail)
        ctx.ops.query(self, lambda: _stored(ctx.store), self._fill)

    def _fill(self, found: tuple[channel_settings.ChannelSetup, bool, bool]) -> None:
        setup, has_token, has_password = found
        stored = self.tr("stored in the system keyring; type to replace")
        self.tg_enabled.setChecked(setup.telegram.enabled)
        self.tg_url.setText(setup.telegram.base_url)
        self.tg_token.setPlaceholderText(stored if has_token else "123456:ABC…")
        m = setup.email
        self.mail_enabled.setChecked(setup.email_enabled)
        self.mail_address.setText(m.address)
        self.mail_user.setText(m.username)
        self.mail_password.setPlaceholderText(stored if has_password else "")
        self.imap_host.setText(m.imap_host)
        self.imap_port.setValue(m.imap_port)
        self.imap_ssl.setChecked(m.imap_ssl)
        self.smtp_host.setText(m.smtp_host)
        self.smtp_port.setValue(m.smtp_port)
        self.smtp_security.setCurrentIndex(max(0, [k for k, _ in SECURITY].index(
            m.smtp_security) if m.smtp_security in dict(SECURITY) else 0))

    @staticmethod
    def _row(*widgets: QWidget) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for i, w in enumerate(widgets):
            layout.addWidget(w, 1 if i == 0 else 0)
        return row

    def mail_settings(self) -> channel_settings.MailSettings:
        return channel_settings.MailSettings(
            address=self.mail_address.text().strip(), imap_host=self.imap_host.text().strip(),
            imap_port=self.imap_port.value(), imap_ssl=self.imap_ssl.isChecked(),
            smtp_host=self.smtp_host.text().strip(), smtp_port=self.smtp_port.value(),
            smtp_security=self.smtp_security.currentData(),
            username=self.mail_user.text().strip())

    def telegram_settings(self) -> channel_settings.TelegramSettings:
        return channel_settings.TelegramSettings(self.tg_enabled.isChecked(),
                                                 self.tg_url.text().strip())

    def _test(self, make_adapter, button: QPushButton, result: QLabel) -> None:
        """Connect off the UI thread; the answer (or the reason) appears beside the button."""
        button.setEnabled(False)
        result.setStyleSheet("")
        result.setText(self.tr("Connecting…"))

        def done(who: str) -> None:
            button.setEnabled(True)
            result.setStyleSheet("color: #2e7d32;")
            result.setText(self.tr("Connected: {who}").format(who=who))

        def failed(exc: errors.DeskError) -> None:
            button.setEnabled(True)
            result.setStyleSheet("color: #c62828;")
            reason = exc.params.get("reason", "")
            result.setText(messages.error_message(exc) + (f" ({reason})" if reason else ""))

        self.ctx.ops.query(self, lambda: channel_settings.test_connection(make_adapter()), done,
                           key=button.text(), on_failure=failed)

    @Slot()
    def test_telegram(self) -> None:
        settings, token = self.telegram_settings(), self.tg_token.text().strip() or None
        self._test(lambda: channel_settings.telegram_adapter(self.ctx.store, settings, token),
                   self.tg_test, self.tg_result)

    @Slot()
    def test_mail(self) -> None:
        settings, password = self.mail_settings(), self.mail_password.text() or None
        self._test(lambda: channel_settings.email_adapter(self.ctx.store, settings, password),
                   self.mail_test, self.mail_result)

    @Slot()
    def _on_accepted(self) -> None:
        telegram, token = self.telegram_settings(), self.tg_token.text().strip() or None
        mail, password = self.mail_settings(), self.mail_password.text() or None
        enabled = self.mail_enabled.isChecked()
        submit(self.ctx.ops, self, self.error, lambda: channel_settings.save(
            self.ctx.store, self.ctx.actor, telegram, token, enabled, mail, password),
            lambda _r: self.accept())


def _stored(store) -> tuple[channel_settings.ChannelSetup, bool, bool]:
    """What is saved, and whether the keyring holds each secret (no keyring: it does not)."""
    setup = channel_settings.load(store)
    try:
        return (setup, channel_settings.has_secret(store, InboxChannel.TELEGRAM),
                channel_settings.has_secret(store, InboxChannel.EMAIL))
    except errors.DeskError:
        return setup, False, False

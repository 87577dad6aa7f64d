"""The channels' state through the real widgets: a card per channel with its figures and the
14-day strip, the webhook removed after confirming, a supervisor not offered it, and the
System person's Today line for an alert and its recovery."""

from __future__ import annotations

import os

import pytest

from desk import app
from desk.models.enums import HealthState, InboxChannel, Role
from desk.services.comms import channel_settings, health
from desk.services.staff import studio
from desk.ui.health_dialog import HealthAlerts, HealthDialog, Strip
from desk.ui.runner import SyncRunner

TG = InboxChannel.TELEGRAM
HOST = "office-pc (Анна Соколова)"


def check(store, adapter) -> health.Status:
    [status] = health.run(store, {TG: adapter}, {}, HOST)
    return status


def snapshot(qtbot, dialog, name: str) -> None:
    """Rendered for a person to look at (DESK_SHOTS=folder), once the cards are laid out."""
    folder = os.environ.get("DESK_SHOTS")
    if folder:
        qtbot.waitUntil(lambda: all(c.isVisible() for c in dialog.cards.values()))
        dialog.grab().save(os.path.join(folder, name))


def test_each_channel_has_a_card_with_its_figures_and_its_strip(qtbot, ctx, adapter, bot,
                                                                clock):
    check(store := ctx.store, adapter)  # 12:00 Moscow
    bot.fail["getMe"] = 1
    clock.advance(hours=1)
    check(store, adapter)  # 13:00: down
    dialog = HealthDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    fields = dialog.fields[TG]
    assert fields["state"].text().startswith("down: ")
    assert fields["me"].text().startswith("no: ")
    assert fields["host"].text() == HOST and fields["checked"].text() == "just now (13:00)"
    assert fields["pending"].text() == "—" and fields["outbox"].text() == "nothing waiting"
    assert fields["webhook"].text() == "none (Desk receives by polling)"
    assert dialog.summary.text() == "Needs attention: Telegram — down."
    [strip] = dialog.cards[TG].findChildren(Strip)
    today = strip.days[max(strip.days)]
    assert (today[12], today[13]) == (HealthState.OK, HealthState.DOWN)
    assert dialog.webhook_button.isHidden()
    clock.advance(minutes=5)
    check(store, adapter)  # a check on the courier desk: the open dialog follows it
    assert dialog.fields[TG]["state"].text() == "working"
    assert dialog.summary.text() == "All channels work."  # the alert closed on recovery
    assert dialog.fields[TG]["poll"].text() == "never"
    snapshot(qtbot, dialog, "health.png")


@pytest.fixture
def webhook(store, actor, bot):
    channel_settings.save_telegram(store, actor, channel_settings.TelegramSettings(
        True, bot.url), bot.token)
    bot.webhook = "https://hooks.example.org/s3cret/hook"
    adapter = channel_settings.adapters(store)[TG]
    try:
        assert check(store, adapter).state is HealthState.WEBHOOK
    finally:
        adapter.close()
    return bot


def test_a_webhook_is_named_and_removed_only_after_confirming(qtbot, ctx, webhook,
                                                              monkeypatch):
    answers = [False, True]
    monkeypatch.setattr(HealthDialog, "confirm_removal", lambda self: answers.pop(0))
    dialog = HealthDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.fields[TG]["state"].text() == "blocked by a webhook"
    assert "hooks.example.org" in dialog.fields[TG]["webhook"].text()
    assert "s3cret" not in dialog.fields[TG]["webhook"].text()
    assert not dialog.webhook_button.isHidden()
    snapshot(qtbot, dialog, "health-webhook.png")
    dialog.webhook_button.click()  # "no"
    assert webhook.webhook and "deleteWebhook" not in webhook.calls
    dialog.webhook_button.click()  # "yes"
    assert webhook.webhook == "" and webhook.calls.count("deleteWebhook") == 1
    assert dialog.fields[TG]["state"].text() == "working"
    assert dialog.webhook_button.isHidden()


def test_a_supervisor_sees_the_state_but_is_not_offered_to_remove_the_webhook(
        qtbot, store, actor, webhook, tmp_path, monkeypatch):
    assert "webhook_button" in HealthDialog.WRITES
    studio.update(store, actor, "ДетиЛюбят", "Europe/Moscow",
                  [studio.StaffEdit(m.name, m.role, True, m.id) for m in studio.staff(store)]
                  + [studio.StaffEdit("Ирина Петрова", Role.SUPERVISOR)])
    boss = next(m for m in studio.staff(store) if m.role is Role.SUPERVISOR)

    def fail(exc):
        raise exc

    window = app.build_window(store, boss, on_error=fail, runner=SyncRunner(fail),
                              backups_dir=tmp_path)
    qtbot.addWidget(window)
    window.show()
    opened = []
    monkeypatch.setattr(HealthDialog, "exec", lambda self: (self.show(), opened.append(self)))
    window.health_button.click()  # the status bar's channel indicator
    [dialog] = opened
    qtbot.addWidget(dialog)
    assert dialog.fields[TG]["state"].text() == "blocked by a webhook"
    assert dialog.webhook_button.isHidden()
    dialog.reload()  # a reload does not bring it back
    assert dialog.webhook_button.isHidden()
    webhook.fail["getMe"] = 1  # the courier desk's next check finds the bot down
    adapter = channel_settings.adapters(store)[TG]
    try:
        check(store, adapter)
    finally:
        adapter.close()
    assert "#c62828" in window.health_button.styleSheet()  # the indicator follows the check
    assert window.health_button.toolTip() == "Channels need attention: Telegram"
    assert dialog.fields[TG]["state"].text().startswith("down: ")
    adapter = channel_settings.adapters(store)[TG]
    webhook.webhook = ""  # whoever set it removed it: the next check finds the bot well
    try:
        check(store, adapter)
    finally:
        adapter.close()
    assert window.health_button.styleSheet() == ""
    assert dialog.fields[TG]["state"].text() == "working"


def test_the_system_persons_today_line_shows_an_alert_and_the_recovery(
        qtbot, ctx, adapter, bot, clock, monkeypatch):
    line = HealthAlerts(ctx)
    qtbot.addWidget(line)
    line.show()
    assert line.line.isHidden()
    bot.fail["getMe"] = 1
    check(ctx.store, adapter)
    assert line.line.isVisible() and "Telegram: down since 12:00" in line.line.text()
    assert "#b00020" in line.line.text()  # red while it is open
    clock.advance(minutes=5)
    check(ctx.store, adapter)
    assert "Telegram: working again" in line.line.text()
    assert "#b00020" not in line.line.text()
    opened = []
    monkeypatch.setattr(HealthDialog, "exec", lambda self: opened.append(self))
    line.line.linkActivated.emit("open")
    assert len(opened) == 1


def test_the_system_workspace_offers_the_channels_state(qtbot, store, staff, qapp,
                                                        monkeypatch):
    from desk.ui.context import Context, Notifier
    from desk.ui.workspaces import Workspace

    def fail(exc):
        raise exc

    ctx = Context(store=store, me=staff[Role.SYSTEM], studio=studio.info(store),
                  runner=SyncRunner(fail), notifier=Notifier())
    workspace = Workspace(ctx, Role.SYSTEM)
    qtbot.addWidget(workspace)
    opened = []
    monkeypatch.setattr(HealthDialog, "exec", lambda self: opened.append(self))
    workspace.health_button.click()
    assert len(opened) == 1

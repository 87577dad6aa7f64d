"""A desk left alone locks itself after the studio's minutes (or at once with Ctrl+L): the work
is hidden, a waiting client is shown without a name, the locked desk counts as away so the
colleague is alerted, only the person's own PIN unlocks, and someone else switches user."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtCore import QSettings, Qt

from desk import app
from desk.models.enums import InboxChannel, PresenceState, Role
from desk.services.calls import presence
from desk.services.comms import inbox
from desk.services.staff import signin, studio
from desk.services.store import errors
from desk.ui.runner import SyncRunner
from desk.ui.sign_in_dialog import SignInDialog
from desk.ui.studio_settings import StudioSettingsDialog


def fail(exc):
    raise exc


class Ticks:
    """The idle watch's clock, moved by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def window_for(qtbot, store, member, tmp_path):
    window = app.build_window(store, member, on_error=fail, runner=SyncRunner(fail),
                              backups_dir=tmp_path)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    ticks = Ticks()
    window.idle.clock, window.idle.last = ticks, ticks()
    return window, ticks


@pytest.fixture
def maria(store, staff):
    member = staff[Role.COMMUNICATOR]
    signin.set_secret(store, member.actor(), member.id, "4821")
    return member


def test_an_idle_desk_locks_shows_the_wait_without_names_and_the_colleague_is_alerted(
        qtbot, store, staff, maria, tmp_path, clock):
    window, ticks = window_for(qtbot, store, maria, tmp_path)
    assert window.idle.minutes == 15  # the studio's default
    ticks.now += 14 * 60
    qtbot.keyClick(window.tabs, Qt.Key.Key_Right)  # input: the idle time starts again
    assert window.idle.last == ticks.now
    ticks.now += 14 * 60
    window.idle.check()
    assert not window.locked
    inbox.log_incoming(store, staff[Role.SYSTEM].actor(), InboxChannel.WHATSAPP,
                       "+79161234567", "Здравствуйте, есть места?", name="Ёлкина Вера")
    clock.advance(seconds=45)
    ticks.now += 60
    window.idle.check()  # 15 minutes without input
    screen = window.lock_screen
    assert window.locked and screen.isVisible() and screen.isModal()
    assert window.stack.currentIndex() == 1 and not window.menuBar().isVisible()
    window.check_waiting()
    assert screen.waiting.text() == "A client is waiting for an answer: 0:45"
    assert "Ёлкина" not in screen.waiting.text() and "Ёлкина" not in screen.who.text()
    # the locked desk is away: the System person's desk asks her to answer at once
    assert presence.state_of(store, maria.id) is PresenceState.AWAY
    busy = presence.communicator_busy(store)
    assert busy is not None and busy.name == maria.name
    screen.reject()  # Esc does not unlock
    assert window.locked

    screen.secret.setText("1234")
    screen.secret.returnPressed.emit()
    assert window.locked and screen.error.text() == "The PIN or password is not right."
    assert screen.secret.text() == ""  # typed again
    screen.secret.setText("4821")
    screen.unlock_button.click()
    assert not window.locked and window.stack.currentIndex() == 0
    assert window.menuBar().isVisible()
    assert presence.state_of(store, maria.id) is PresenceState.AVAILABLE  # as before the lock


def test_a_dialog_left_open_is_covered_while_locked_and_keeps_what_was_typed(
        qtbot, store, staff, maria, tmp_path):
    from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout

    window, _ticks = window_for(qtbot, store, maria, tmp_path)
    dialog = QDialog(window)
    field = QLineEdit("Ёлкина Вера, +7 912 345-67-89")
    QVBoxLayout(dialog).addWidget(field)
    dialog.resize(400, 200)
    dialog.show()
    window.lock()
    veil = next(v for v in window.veils if v.parent() is dialog)
    assert veil.isVisible() and veil.geometry() == dialog.rect()
    dialog.resize(500, 300)
    assert veil.geometry() == dialog.rect()  # it follows the window
    window.lock_screen.secret.setText("4821")
    window.lock_screen.unlock_button.click()
    assert window.veils == [] and dialog.isVisible()
    assert field.text() == "Ёлкина Вера, +7 912 345-67-89"


def test_a_desk_locked_during_a_call_stays_on_the_call(qtbot, store, maria, tmp_path):
    window, _ticks = window_for(qtbot, store, maria, tmp_path)
    presence.set_state(store, maria.actor(), PresenceState.ON_CALL)
    assert window.presence is PresenceState.ON_CALL
    window.lock()
    assert presence.state_of(store, maria.id) is PresenceState.ON_CALL
    window.lock_screen.secret.setText("4821")
    window.lock_screen.unlock_button.click()
    assert presence.state_of(store, maria.id) is PresenceState.ON_CALL


def test_ctrl_l_locks_at_once_and_a_desk_already_away_stays_away(qtbot, store, maria,
                                                                   tmp_path):
    window, _ticks = window_for(qtbot, store, maria, tmp_path)
    window.away_button.setChecked(True)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked and window.lock_action.shortcut().toString() == "Ctrl+L"
    window.lock_screen.secret.setText("4821")
    window.lock_screen.unlock_button.click()
    assert not window.locked and window.away_button.isChecked()  # she had set it herself
    assert presence.state_of(store, maria.id) is PresenceState.AWAY


def test_a_person_without_a_pin_is_not_locked_out(qtbot, store, staff, tmp_path):
    window, ticks = window_for(qtbot, store, staff[Role.SYSTEM], tmp_path)
    ticks.now += 15 * 60
    window.idle.check()
    assert not window.locked
    assert window.statusBar().currentMessage().startswith("The desk is not locked: you have no")


def test_the_idle_minutes_are_the_studios_setting_zero_is_never(qtbot, ctx, store, actor,
                                                                tmp_path, maria):
    dialog = StudioSettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.idle.value() == 15
    dialog.idle.setValue(0)
    assert dialog.idle.text() == "never"
    dialog._on_accepted()
    assert studio.info(store).idle_lock_min == 0
    with pytest.raises(errors.ValidationFailed) as refused:
        studio.update(store, actor, "ДетиЛюбят", "Europe/Moscow",
                      [studio.StaffEdit(m.name, m.role, True, m.id)
                       for m in studio.staff(store)], idle_lock_min=241)
    assert refused.value.fields == {"idle_lock_min": "idle_lock_range"}
    window, ticks = window_for(qtbot, store, maria, tmp_path)
    ticks.now += 600 * 60
    window.idle.check()
    assert not window.locked


def test_switch_user_from_the_lock_screen_builds_the_desk_for_the_colleague(
        qtbot, store, staff, maria, tmp_path, monkeypatch, request):
    from desk.ui.shell import Shell

    anna = staff[Role.SYSTEM]
    signin.set_secret(store, anna.actor(), anna.id, "1357")
    shell = Shell()
    qtbot.addWidget(shell)
    windows = []
    start = app.Start(argparse.Namespace(demo=False, db=None), shell, QSettings(),
                      argparse.Namespace(handle=fail),
                      runner=SyncRunner(fail),
                      on_window=lambda w: (qtbot.addWidget(w), windows.append(w)),
                      on_exit=fail)
    request.addfinalizer(lambda: [w.courier.stop() for w in windows])  # each started one
    start.store, start.url, start.me, start.info = store, str(store.engine.url), maria, \
        studio.info(store)
    start._build(None)
    first = windows[-1]
    first.lock_action.trigger()
    assert first.locked
    studio.update(store, staff[Role.SYSTEM].actor(), "ДетиЛюбят", "Europe/Moscow",
                  [studio.StaffEdit(m.name, m.role, True, m.id) for m in studio.staff(store)],
                  idle_lock_min=5)  # changed meanwhile on the other desk

    def anna_signs_in(dialog):
        for row in range(dialog.list.count()):
            if dialog.list.item(row).data(Qt.ItemDataRole.UserRole) == anna.id:
                dialog.list.setCurrentRow(row)
        dialog.secret.setText("1357")
        dialog._on_sign_in()
        return dialog.result()

    monkeypatch.setattr(SignInDialog, "exec", anna_signs_in)
    first.lock_screen.switch_button.click()
    second = windows[-1]
    assert second is not first and second.ctx.me == anna and not second.locked
    assert second.idle.minutes == 5 and not first.idle.timer.isActive()
    assert second.tabs.currentIndex() == second.TAB_SYSTEM
    assert not first.isVisible()
    assert presence.state_of(store, maria.id) is PresenceState.AWAY  # she left it locked

    def anna_again(dialog):  # choosing oneself with the right PIN only unlocks
        for row in range(dialog.list.count()):
            if dialog.list.item(row).data(Qt.ItemDataRole.UserRole) == anna.id:
                dialog.list.setCurrentRow(row)
        dialog.secret.setText("1357")
        dialog._on_sign_in()
        return dialog.result()

    monkeypatch.setattr(SignInDialog, "exec", anna_again)
    second.lock()
    second.lock_screen.switch_button.click()
    assert windows[-1] is second and not second.locked

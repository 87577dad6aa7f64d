"""The inbox through its widgets, with Telegram served by the loopback Bot API."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from sqlalchemy import select

from desk.models.enums import InboxChannel, OutboxStatus, Role
from desk.services.comms import channel_settings, inbox, outbox
from desk.services.comms import leads
from desk.services.crm import families
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft
from desk.ui.channels_dialog import ChannelsDialog
from desk.ui.inbox_queue import AMBER, GREEN, RED, QueueModel
from desk.ui.inbox_view import LogMessageDialog
from desk.ui.main_window import MainWindow
from desk.ui.workspaces import Workspace
from tests.ui.typing import type_text

TG = InboxChannel.TELEGRAM


def receive(store, adapter) -> None:
    inbox.ingest(store, TG, adapter.fetch(channel_settings.cursor(store, TG, adapter.identity), 0))


def open_inbox(qtbot, ctx):
    space = Workspace(ctx, Role.COMMUNICATOR)
    qtbot.addWidget(space)
    space.show()
    space.sections.setCurrentWidget(space.inbox)
    return space.inbox


def wait_cell(view):
    index = view.model.index(0, QueueModel.COL_WAIT)
    return (view.model.data(index),
            view.model.data(index, Qt.ItemDataRole.ForegroundRole).color())


def test_a_telegram_message_is_answered_and_its_response_time_stored(
        qtbot, ctx, actor, bot, adapter, clock):
    fid = families.save(ctx.store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера", telegram="vera_e"),),
        children=(ChildDraft("Ёлкин Саша"),)))
    view = open_inbox(qtbot, ctx)
    bot.client_writes(501, "Есть места в субботу?", username="vera_e",
                      date=clock.now.timestamp())
    receive(ctx.store, adapter)
    assert view.model.rowCount() == 1
    assert "Ёлкина Вера" in view.title.text()
    clock.advance(seconds=12)
    view.tick()
    assert wait_cell(view) == ("0:12", GREEN)
    assert "Есть места в субботу?" in view.history.item(0).text()
    clock.advance(seconds=30)  # 42 s: the holding reply is offered
    view.tick()
    assert wait_cell(view) == ("0:42", AMBER)
    assert "font-weight" in view.holding_button.styleSheet()
    type_text(view.text, "Да, в 12:00 есть два места")
    view.send_button.click()
    assert view.text.toPlainText() == ""
    assert view.model.data(view.model.index(0, QueueModel.COL_WAIT)) == "✓"
    assert inbox.conversation(ctx.store, view.current.id).waiting_since is None
    assert outbox.deliver(ctx.store, {TG: adapter}) == (1, 0)
    assert bot.sent[0]["text"] == "Да, в 12:00 есть два места"
    assert "✓" in view.history.item(1).text()
    day = inbox.stats(ctx.store, clock.now.date(), clock.now.date()).days[0]
    assert (day.responses, day.first_response_avg_s, day.within_promise) == (1, 42, 1)
    with qtbot.waitSignal(view.family_requested) as opened:
        view.family_button.click()
    assert opened.args == [fid]


def test_the_holding_reply_is_one_click_and_red_after_a_minute(qtbot, ctx, bot, adapter,
                                                               clock):
    view = open_inbox(qtbot, ctx)
    bot.client_writes(501, "Здравствуйте", date=clock.now.timestamp())
    receive(ctx.store, adapter)
    clock.advance(seconds=61)
    view.tick()
    assert wait_cell(view)[1] == RED
    view.holding_button.click()
    outbox.deliver(ctx.store, {TG: adapter})
    assert bot.sent[0]["text"].startswith("Здравствуйте! Мы увидели")
    assert not view.holding_button.isEnabled()


def test_a_message_composed_at_23_says_when_it_goes_and_waits_for_8(qtbot, ctx, bot, adapter,
                                                                     clock):
    bot.client_writes(501, "Вопрос про оплату", date=clock.now.timestamp())
    receive(ctx.store, adapter)
    clock.now = dt.datetime(2026, 3, 4, 20, 0, tzinfo=dt.timezone.utc)  # 23:00 Moscow
    view = open_inbox(qtbot, ctx)
    assert not view.ongoing.isChecked()  # the client wrote hours ago
    assert view.when.text() == "Goes at 05.03.2026 08:00"
    type_text(view.text, "Оплатить можно картой на месте")
    view.send_button.click()
    assert outbox.deliver(ctx.store, {TG: adapter}) == (0, 0)
    assert "08:00" in view.history.item(1).text()
    assert "Waiting to go: 1" in view.status.text()
    clock.now = dt.datetime(2026, 3, 5, 5, 0, tzinfo=dt.timezone.utc)
    assert outbox.deliver(ctx.store, {TG: adapter}) == (1, 0)


def test_an_empty_answer_is_refused_beside_the_box(qtbot, ctx, bot, adapter, clock):
    view = open_inbox(qtbot, ctx)
    bot.client_writes(501, "?", date=clock.now.timestamp())
    receive(ctx.store, adapter)
    view.send_button.click()
    assert view.error.text() == "Write the message first."
    assert outbox.pending(ctx.store) == []


def test_a_file_too_big_is_refused_beside_the_box_and_the_answer_is_kept(
        qtbot, ctx, bot, adapter, clock, tmp_path, monkeypatch, russian):
    from desk.services.store import files

    monkeypatch.setattr(files, "MAX_BYTES", 1024)
    view = open_inbox(qtbot, ctx)
    bot.client_writes(501, "Пришлите видео", date=clock.now.timestamp())
    receive(ctx.store, adapter)
    film = tmp_path / "занятие.mp4"
    film.write_bytes(b"\0" * 4096)
    view.text.setPlainText("Вот видео с занятия")
    view.attach(film)
    view.send_button.click()
    assert view.error.text() == "Файл слишком большой: к сообщению можно приложить до 50 МБ."
    assert view.text.toPlainText() == "Вот видео с занятия" and view.attachment == film
    assert outbox.pending(ctx.store) == []


def test_a_canned_reply_asks_for_what_the_desk_cannot_know(qtbot, ctx, actor, bot, adapter,
                                                           clock, monkeypatch):
    families.save(ctx.store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера", telegram="vera_e"),),
        children=(ChildDraft("Ёлкин Саша"), ChildDraft("Ёлкина Маша"))))
    view = open_inbox(qtbot, ctx)
    bot.client_writes(501, "Хотим на пробное", username="vera_e", date=clock.now.timestamp())
    receive(ctx.store, adapter)
    asked = []
    answers = {"direction": "Керамика", "date": "в субботу в 12:00"}

    def ask(name):
        asked.append(name)
        return answers[name], True

    monkeypatch.setattr(view, "ask_value", ask)
    view.template.setCurrentIndex(view.template.findData("reply.trial"))
    view.template.activated.emit(view.template.currentIndex())
    assert asked == ["date", "direction"]
    assert view.text.toPlainText().startswith(
        "Вера, приглашаем на пробное занятие «Керамика» в субботу в 12:00: Саша и Маша.")


def test_close_asks_resolved_and_the_closed_list_keeps_it(qtbot, ctx, bot, adapter, clock,
                                                          monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    view = open_inbox(qtbot, ctx)
    bot.client_writes(501, "Вопрос", date=clock.now.timestamp())
    bot.client_writes(502, "Спасибо!", date=clock.now.timestamp())
    receive(ctx.store, adapter)
    view.select_conversation(inbox.queue(ctx.store)[0].id)
    type_text(view.text, "Ответ")
    view.send_button.click()
    view.close_conversation(resolved=True)
    # "Спасибо!" needs no answer: closing it asks why, and it is no response and not FCR
    asked = []
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: asked.append(a[3]) or (
        a[3][0], True))
    view.select_conversation(inbox.queue(ctx.store)[0].id)
    view._on_close()
    assert asked and view.model.rowCount() == 0
    view.show_box.setCurrentIndex(view.show_box.findData("closed"))
    assert view.model.rowCount() == 2
    day = inbox.stats(ctx.store, clock.now.date(), clock.now.date()).days[0]
    assert (day.closed, day.resolved, day.responses) == (1, 1, 1)


def test_a_message_written_down_by_hand_becomes_a_lead_then_a_family(qtbot, ctx, monkeypatch):
    view = open_inbox(qtbot, ctx)

    def fill(dialog):
        dialog.channel.setCurrentIndex(dialog.channel.findData(InboxChannel.WHATSAPP))
        type_text(dialog.address, "8 912 000-11-22")
        type_text(dialog.name, "Ольга")
        dialog._on_accepted()
        assert dialog.error.text() == "Write the message first."
        type_text(dialog.text, "Есть ли скидка для двоих?")
        dialog._on_accepted()
        return dialog.result()

    monkeypatch.setattr(LogMessageDialog, "exec", fill)
    view.log_button.click()
    assert view.current is not None and view.current.lead_id is not None
    assert leads.get(ctx.store, view.current.lead_id).phone == "+79120001122"
    assert view.new_family_button.isVisible() and not view.family_button.isVisible()
    fid = families.save(ctx.store, ctx.actor, FamilyDraft(
        guardians=(GuardianDraft("Ольга Петрова"),), children=(ChildDraft("Петя"),)))
    view.link(fid)
    assert view.current.family_id == fid and view.family_button.isVisible()


def test_a_new_family_from_a_conversation_is_saved_and_linked_in_one_transaction(
        qtbot, ctx, actor, monkeypatch):
    from desk.ui.family_editor import FamilyEditor

    cid = inbox.log_incoming(ctx.store, actor, InboxChannel.WHATSAPP, "8 912 000-11-22",
                             "Есть ли скидка для двоих?", name="Ольга Петрова")
    view = open_inbox(qtbot, ctx)
    view.select_conversation(cid)
    lead_id = view.current.lead_id
    assert lead_id is not None and view.new_family_button.isVisible()
    commits: list = []
    stop = ctx.store.on_commit(commits.append)

    def save(editor):
        assert editor.guardian_boxes[0].name.text() == "Ольга Петрова"  # filled from the lead
        type_text(editor.child_rows[0].name, "Петров Петя")
        editor._on_accepted()
        return editor.result()

    monkeypatch.setattr(FamilyEditor, "exec", save)
    view.new_family_button.click()
    stop()
    fid = inbox.conversation(ctx.store, cid).family_id
    assert fid is not None and leads.get(ctx.store, lead_id).family_id == fid
    assert families.card(ctx.store, fid).draft.children[0].name == "Петров Петя"
    assert len(commits) == 1  # saved and linked in one go
    assert view.current.family_id == fid and view.family_button.isVisible()


def test_the_window_shows_the_longest_wait_and_a_banner_from_40_seconds(
        qtbot, ctx, bot, adapter, clock):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    bot.client_writes(501, "Алло", first_name="Ольга", date=clock.now.timestamp())
    receive(ctx.store, adapter)
    clock.advance(seconds=20)
    window.check_waiting()
    assert window.windowTitle().startswith("⏱ 0:20")
    assert window.tabs.tabText(window.TAB_COMMUNICATOR).endswith("0:20")
    assert window.waiting.isHidden()
    clock.advance(seconds=25)
    window.check_waiting()
    assert not window.waiting.isHidden() and "0:45" in window.waiting.label.text()
    window.waiting.button.click()
    assert window.tabs.currentIndex() == window.TAB_COMMUNICATOR
    assert window.communicator.inbox.current.name == "Ольга"


def test_channel_settings_keep_the_token_in_the_keyring_and_test_the_bot(
        qtbot, ctx, bot, db_path, memory_keyring):
    dialog = ChannelsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.tg_enabled.setChecked(True)
    dialog._on_accepted()
    assert dialog.error.text() == "Paste the bot's token from @BotFather."
    dialog.tg_url.setText(bot.url)
    type_text(dialog.tg_token, bot.token)
    dialog.test_telegram()
    assert dialog.tg_result.text() == "Connected: @studio_bot"
    dialog._on_accepted()
    assert dialog.result() == 1
    [(service, name)] = memory_keyring.secrets
    assert name.startswith("telegram.token.") and memory_keyring.secrets[(service, name)] == \
        bot.token
    if ctx.store.path is not None:  # not in the file's bytes either
        raw = b"".join(p.read_bytes() for p in db_path.parent.glob("desk.db*"))
        assert bot.token.encode() not in raw
    assert set(channel_settings.adapters(ctx.store)) == {TG}
    from desk.models.schema import Base

    with ctx.store.engine.connect() as conn:  # in no row of any table
        everything = str([conn.execute(select(t)).all() for t in Base.metadata.sorted_tables])
    assert bot.token not in everything


def test_response_times_per_day_and_person(qtbot, ctx, actor, bot, adapter, clock):
    for chat, wait in ((1, 30), (2, 90)):
        bot.client_writes(chat, "Вопрос", date=clock.now.timestamp())
        receive(ctx.store, adapter)
        row = next(r for r in inbox.queue(ctx.store) if r.address == str(chat))
        clock.advance(seconds=wait)
        inbox.reply(ctx.store, actor, row.id, inbox.ReplyDraft("Ответ"))
        inbox.close(ctx.store, actor, row.id, resolved=chat == 1)
    space = Workspace(ctx, Role.COMMUNICATOR)
    qtbot.addWidget(space)
    space.show()
    space.sections.setCurrentWidget(space.responses)
    view = space.responses
    assert "50% of 2" in view.summary.text() and "FCR): 50%" in view.summary.text()
    day = view.days.topLevelItem(0)
    assert [day.text(i) for i in range(1, 7)] == ["2", "50%", "1:00", "1:00", "2", "50%"]
    assert view.people.topLevelItem(0).text(0) == "Анна Соколова"


def test_a_fresh_database_never_sees_another_studios_token(qtbot, ctx, bot, tmp_path,
                                                           memory_keyring, migrated_template):
    import shutil

    from desk.services.store import migrate

    channel_settings.save_telegram(ctx.store, ctx.me.actor(), channel_settings.TelegramSettings(
        True, bot.url), bot.token)
    # a fresh file: the run's template, an empty file that open_database just migrated
    shutil.copyfile(migrated_template, tmp_path / "demo.db")
    demo = migrate.open_database(tmp_path / "demo.db", None)
    try:
        assert not channel_settings.has_secret(demo, TG)
        assert channel_settings.adapters(demo) == {}
    finally:
        demo.dispose()
    assert channel_settings.has_secret(ctx.store, TG)


def test_a_message_not_confirmed_is_decided_by_the_person(qtbot, ctx, bot, clock,
                                                          monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desk.services.comms.channels.telegram import TelegramAdapter

    slow = TelegramAdapter(bot.token, bot.url, timeout_s=0.3)
    view = open_inbox(qtbot, ctx)
    bot.client_writes(501, "Есть места?", date=clock.now.timestamp())
    receive(ctx.store, slow)
    type_text(view.text, "Да, есть")
    view.send_button.click()
    bot.hang["sendMessage"] = 1.0
    outbox.deliver(ctx.store, {TG: slow})
    slow.close()
    mine = view.history.item(1)
    assert "delivery not confirmed: the server does not answer" in mine.text()
    chosen = []

    def answer(box):
        chosen.append(box.text())
        next(b for b in box.buttons() if b.text() == "It arrived").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    view.history.itemActivated.emit(mine)  # Enter or a double-click
    assert chosen and "second copy" in chosen[0]
    assert "✓" in view.history.item(1).text()
    assert len(bot.sent) <= 1  # the late copy at most, never a second one


def test_a_refresh_never_reticks_ongoing_conversation_in_quiet_hours(qtbot, ctx, bot, adapter,
                                                                     clock):
    clock.now = dt.datetime(2026, 3, 4, 19, 58, tzinfo=dt.timezone.utc)  # 22:58 Moscow
    view = open_inbox(qtbot, ctx)
    bot.client_writes(501, "Ещё не спите?", date=clock.now.timestamp())
    receive(ctx.store, adapter)
    assert view.ongoing.isChecked()  # the client wrote just now
    view.ongoing.setChecked(False)  # the person decides it can wait for the morning
    clock.advance(minutes=3)  # 23:01
    bot.client_writes(501, "Ау?", date=clock.now.timestamp())
    receive(ctx.store, adapter)
    assert not view.ongoing.isChecked()
    assert view.when.text() == "Goes at 05.03.2026 08:00"
    type_text(view.text, "Ответим утром")
    view.send_button.click()
    outbox.deliver(ctx.store, {TG: adapter})  # the after-hours auto-reply may go, not ours
    assert "Ответим утром" not in [m["text"] for m in bot.sent]


def test_the_outbox_screen_lists_what_has_not_gone_and_acts_on_it(
        qtbot, ctx, actor, bot, adapter, clock, monkeypatch, quit_without_asking):
    from PySide6.QtWidgets import QMessageBox

    from desk.models.comms import InboxMessage

    for chat in (501, 502, 503):
        bot.client_writes(chat, "Вопрос", date=clock.now.timestamp())
    receive(ctx.store, adapter)
    one, two, three = (r.id for r in inbox.queue(ctx.store))
    later = inbox.reply(ctx.store, actor, one, inbox.ReplyDraft(
        "Позже", send_at=clock.now + dt.timedelta(hours=2)))
    refused = inbox.reply(ctx.store, actor, two, inbox.ReplyDraft("Отказ"))
    unsure = inbox.reply(ctx.store, actor, three, inbox.ReplyDraft("Не знаем"))
    with ctx.store.write(actor) as uow:
        m = uow.session.get(InboxMessage, refused)
        m.status, m.last_error = OutboxStatus.FAILED, "Forbidden: bot was blocked by the user"
        m = uow.session.get(InboxMessage, unsure)
        m.status, m.last_error = OutboxStatus.UNCERTAIN, "no_answer"
        uow.commit()
    space = Workspace(ctx, Role.COMMUNICATOR)
    qtbot.addWidget(space)
    space.show()
    space.sections.setCurrentWidget(space.outbox)
    view = space.outbox
    states = {view.list.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole):
              view.list.topLevelItem(i).text(view.COL_STATE)
              for i in range(view.list.topLevelItemCount())}
    assert states == {later: "waits for its time",
                      refused: "not delivered: the client blocked the bot",
                      unsure: "delivery not confirmed: the server does not answer"}

    def pick(message_id):
        for i in range(view.list.topLevelItemCount()):
            if view.list.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == message_id:
                view.list.setCurrentItem(view.list.topLevelItem(i))

    pick(unsure)
    assert view.arrived_button.isEnabled() and view.send_button.text() == "Send again"
    view.arrived_button.click()
    pick(later)
    assert not view.arrived_button.isEnabled()
    view.cancel_button.click()
    pick(refused)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.send_button.click()
    assert outbox.deliver(ctx.store, {TG: adapter}) == (1, 0)
    assert view.list.topLevelItemCount() == 0
    assert inbox.messages(ctx.store, one)[-1].status is OutboxStatus.CANCELLED
    # quitting while something waits says so
    inbox.reply(ctx.store, actor, one, inbox.ReplyDraft(
        "Ещё позже", send_at=clock.now + dt.timedelta(hours=3)))
    window = MainWindow(ctx, None)
    qtbot.addWidget(window)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    assert quit_without_asking(window) is False
    assert "1 message(s) have not gone yet" in asked[0]


def test_a_token_kept_by_an_older_desk_is_carried_over(qtbot, ctx, bot, memory_keyring):
    import json

    from desk.models.comms import ChannelConfig
    from desk.services.store.db import SYSTEM_ACTOR

    memory_keyring.set_password("desk", "telegram.token", bot.token)
    with ctx.store.write(SYSTEM_ACTOR) as uow:
        uow.session.add(ChannelConfig(channel=TG, enabled=True, cursor="",
                                      settings=json.dumps({"base_url": bot.url})))
        uow.commit()
    assert channel_settings.has_secret(ctx.store, TG)
    assert set(channel_settings.adapters(ctx.store)) == {TG}
    channel_settings.save_telegram(ctx.store, ctx.me.actor(), channel_settings.TelegramSettings(
        True, bot.url), None)
    names = [name for _, name in memory_keyring.secrets]
    assert any(n.startswith("telegram.token.") for n in names)
    assert channel_settings.has_secret(ctx.store, TG)


def test_the_studio_writes_its_own_answers_and_a_date_is_picked_on_a_calendar(
        qtbot, ctx, actor, bot, adapter, clock, monkeypatch):
    from PySide6.QtWidgets import QDateTimeEdit

    from desk.services.comms import templates
    from desk.ui import fmt
    from desk.ui.inbox_view import InboxView
    from desk.ui.reply_templates import ReplyTemplatesDialog

    dialog = ReplyTemplatesDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.key == "holding"
    dialog.body.setPlainText("{parent}, секунду! {oops}")
    dialog.save()
    assert "{oops}" in dialog.error.text() and templates.get(ctx.store, "holding") != \
        dialog.body.toPlainText()
    dialog.body.setPlainText("Секунду, уже отвечаем!")
    dialog.save()
    assert templates.get(ctx.store, "holding") == "Секунду, уже отвечаем!"
    view = open_inbox(qtbot, ctx)
    bot.client_writes(501, "Когда занятие?", date=clock.now.timestamp())
    receive(ctx.store, adapter)
    view.holding_button.click()
    outbox.deliver(ctx.store, {TG: adapter})
    assert bot.sent[-1]["text"] == "Секунду, уже отвечаем!"

    def pick(self, chooser):
        when = dt.datetime(2026, 3, 14, 12, 0, tzinfo=ctx.studio.tz)
        chooser.findChild(QDateTimeEdit).setDateTime(fmt.to_qdatetime(when, ctx.studio.tz))
        return True

    monkeypatch.setattr(InboxView, "pick_date", pick)
    monkeypatch.setattr(view, "ask_value", lambda name: InboxView.ask_value(view, name)
                        if name == "date" else ("Керамика", True))
    view.template.setCurrentIndex(view.template.findData("reply.trial"))
    view.template.activated.emit(view.template.currentIndex())
    assert "«Керамика» 14.03 в 12:00" in view.text.toPlainText()

import dataclasses
import datetime as dt

from desk.models.enums import Role
from desk.services.comms import templates
from desk.services.comms import greetings
from desk.services.crm import families
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft
from desk.ui.greetings_view import TemplateDialog
from desk.ui.workspaces import Workspace


def test_greet_this_weeks_birthday_and_edit_the_template(qtbot, ctx, actor, monkeypatch):
    families.save(ctx.store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера"),),
        children=(ChildDraft("Ёлкин Саша", dt.date(2019, 3, 6)),)))
    space = Workspace(ctx, Role.COMMUNICATOR)
    qtbot.addWidget(space)
    space.show()
    space.sections.setCurrentWidget(space.greetings)
    view = space.greetings
    assert view.list.topLevelItemCount() == 1
    assert "Саша" in view.text.toPlainText()
    view.text.setPlainText("Вера, с днём рождения Саши!")
    view.done_button.click()
    assert view.list.topLevelItem(0).text(4) == "✓"
    assert not view.done_button.isEnabled()

    def edit(dialog):
        dialog.body.setPlainText("{parent}, {oops}")
        dialog._on_accepted()
        assert dialog.result() == 0 and dialog.body.toPlainText() == "{parent}, {oops}"
        assert "{oops}" in dialog.error.text()
        heavy = "{% for x in range(100000) %}{% for y in range(100000) %}{% endfor %}{% endfor %}"
        dialog.body.setPlainText(heavy)
        dialog._on_accepted()  # refused beside the field at once, the text kept
        assert dialog.result() == 0 and dialog.body.toPlainText() == heavy
        assert "too much work" in dialog.error.text()
        dialog.body.setPlainText("Поздравляем, {child}!")
        dialog._on_accepted()
        return dialog.result()

    monkeypatch.setattr(TemplateDialog, "exec", edit)
    for_children, _for_parents = view.template_button.menu().actions()
    for_children.trigger()
    assert templates.get(ctx.store, "greeting") == "Поздравляем, {child}!"
    assert greetings.upcoming(ctx.store)[0].text == "Поздравляем, Саша!"


def test_a_greeting_goes_through_the_familys_channel_and_counts_in_the_budget(
        qtbot, ctx, actor, clock, channels_on):
    from desk.services.comms import mailings, outbox

    families.save(ctx.store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера", email="vera@example.ru"),),
        children=(ChildDraft("Ёлкин Саша", dt.date(2019, 3, 6)),), consent_messages=False))
    space = Workspace(ctx, Role.COMMUNICATOR)
    qtbot.addWidget(space)
    space.show()
    space.sections.setCurrentWidget(space.greetings)
    view = space.greetings
    view.send_button.click()
    assert view.error.text() == "The family has not agreed to messages."
    draft = families.card(ctx.store, 1).draft
    families.save(ctx.store, actor, dataclasses.replace(draft, consent_messages=True))
    clock.now = dt.datetime(2026, 3, 5, 5, 30, tzinfo=dt.timezone.utc)  # 8:30: too early
    view.text.setPlainText("Вера, с днём рождения Саши!")
    view.send_button.click()
    [pending] = outbox.pending(ctx.store)
    assert pending.kind == "greeting" and pending.address == "vera@example.ru"
    assert pending.send_after == dt.datetime(2026, 3, 5, 7, 0, tzinfo=dt.timezone.utc)  # 10:00
    assert view.list.topLevelItem(0).text(4) == "✓"
    mailings.set_budget(ctx.store, actor, 1, 7)  # the greeting used this week's one message
    draft = families.card(ctx.store, 1).draft
    families.save(ctx.store, actor, dataclasses.replace(draft, consent_marketing=True))
    [recipient] = mailings.preview(ctx.store, mailings.Filters(), "Привет").recipients
    assert recipient.skip == "over_budget"


def test_a_parents_birthday_entered_in_the_editor_is_greeted_with_the_parents_template(
        qtbot, ctx, actor, monkeypatch):
    from desk.ui.family_editor import FamilyEditor

    editor = FamilyEditor(ctx)
    qtbot.addWidget(editor)
    box = editor.guardian_boxes[0]
    box.name.setText("Ёлкина Вера")
    box.birth.set_value(dt.date(2030, 3, 5))
    editor._on_accepted()
    assert box.errors["birth_date"].text() == "The birth date is in the future."
    box.birth.set_value(dt.date(1988, 3, 5))
    editor._on_accepted()
    assert editor.result() == 1
    space = Workspace(ctx, Role.COMMUNICATOR)
    qtbot.addWidget(space)
    space.show()
    space.sections.setCurrentWidget(space.greetings)
    view = space.greetings
    assert view.list.topLevelItem(0).text(1) == "Вера (parent)"
    assert view.list.topLevelItem(0).text(2) == "38"
    assert view.text.toPlainText().startswith("Вера, с днём рождения!")

    def edit(dialog):
        assert dialog.key == "greeting_parent"
        dialog.body.setPlainText("{parent}, поздравляем! Ваша «{studio}»")
        dialog._on_accepted()
        return dialog.result()

    monkeypatch.setattr(TemplateDialog, "exec", edit)
    view.template_button.menu().actions()[1].trigger()
    assert view.text.toPlainText() == "Вера, поздравляем! Ваша «ДетиЛюбят»"
    view.done_button.click()
    assert view.list.topLevelItem(0).text(4) == "✓"

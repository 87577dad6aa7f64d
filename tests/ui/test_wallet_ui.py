from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHeaderView, QMessageBox

from desk.models.enums import PaymentMethod
from desk.services.crm import families
from desk.services.money import wallet
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft
from desk.ui.family_card import FamilyCardView
from desk.ui.wallet_views import (
    NEGATIVE, LedgerModel, PaymentsDialog, ReverseDialog, TopUpDialog,
)


def seed(store, actor):
    def fam(parent, child):
        return families.save(store, actor, FamilyDraft(guardians=(GuardianDraft(parent),),
                                                       children=(ChildDraft(child),)))
    return fam("Демина Ольга", "Демин Саша"), fam("Ёлкина Вера", "Ёлкин Саша")


def test_paste_three_lines_choose_the_ambiguous_one_and_post(qtbot, ctx, actor, monkeypatch):
    demin, elkin = seed(ctx.store, actor)
    dialog = PaymentsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("2500 Демин Саша\n1 200,50 ₽ ёлкина вера\nСаша 700\n")
    dialog.check_button.click()
    assert dialog.table.rowCount() == 3
    combo = dialog.table.cellWidget(2, PaymentsDialog.COL_FAMILY)
    assert isinstance(combo, QComboBox) and combo.count() == 3
    assert "Ready to post: 2 line(s)" in dialog.summary.text()
    combo.setCurrentIndex(combo.findData(elkin))
    assert "Ready to post: 3 line(s)" in dialog.summary.text()
    dialog.method.setCurrentIndex(dialog.method.findData(PaymentMethod.CASH))
    dialog.post_button.click()
    assert wallet.balance(ctx.store, demin) == 250000
    assert wallet.balance(ctx.store, elkin) == 120050 + 70000
    assert "Posted: 3 payment(s)" in dialog.summary.text()

    # the same line again, written otherwise, plus a new one: only the new one is ready
    dialog.text.setPlainText("2 500 ₽ – саша демин\n3000 Демин Саша\n")
    dialog.check_button.click()
    box = dialog.repeat_boxes[1]
    assert dialog.table.cellWidget(0, PaymentsDialog.COL_CHECK) is not None
    assert 2 not in dialog.repeat_boxes
    assert "Ready to post: 1 line(s)" in dialog.summary.text()
    assert "1 repeat(s)" in dialog.summary.text()
    dialog.post_button.click()
    assert wallet.balance(ctx.store, demin) == 250000 + 300000
    # ticked as a real second payment, it is posted
    dialog.text.setPlainText("2500 Демин Саша\n")
    dialog.check_button.click()
    dialog.repeat_boxes[1].setChecked(True)
    assert "Ready to post: 1 line(s)" in dialog.summary.text()
    dialog.post_button.click()
    assert wallet.balance(ctx.store, demin) == 2 * 250000 + 300000
    assert box is not dialog.repeat_boxes.get(1)


def test_wrong_amounts_show_the_reason_and_a_large_one_waits_for_a_tick(qtbot, ctx, actor):
    demin, elkin = seed(ctx.store, actor)
    dialog = PaymentsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("-300 Демина Ольга\n2,500.500 Демин Саша\n"
                             "150 000 Ёлкин Саша\n12345678901234567 Демин Саша\n")
    dialog.check_button.click()
    reasons = [dialog.table.item(r, PaymentsDialog.COL_FAMILY).text() for r in range(4)]
    assert "sign" in reasons[0] and "two ways" in reasons[1] and "10 000 000" in reasons[3]
    assert not dialog.post_button.isEnabled()
    dialog.large_boxes[3].setChecked(True)
    assert dialog.post_button.isEnabled()
    dialog.post_button.click()
    assert wallet.balance(ctx.store, elkin) == 15_000_000
    assert wallet.balance(ctx.store, demin) == 0


def test_top_up_refuses_a_bad_amount_then_posts(qtbot, ctx, actor):
    demin, _ = seed(ctx.store, actor)
    dialog = TopUpDialog(ctx, demin)
    qtbot.addWidget(dialog)
    for bad, words in (("двести", "such as"), ("-200", "sign"), ("2,500.500", "two ways"),
                       ("0", "more than zero"), ("12345678901234567", "10 000 000")):
        dialog.amount.setText(bad)
        dialog._on_accepted()
        assert not dialog.amount_error.isHidden() and words in dialog.amount_error.text()
        assert wallet.balance(ctx.store, demin) == 0 and dialog.amount.text() == bad
    dialog.amount.setText("2 000,50")
    dialog._on_accepted()
    assert wallet.balance(ctx.store, demin) == 200050


def test_reversing_an_entry_on_the_card_adds_a_correction(qtbot, qtmodeltester, ctx, actor,
                                                          monkeypatch):
    demin, _ = seed(ctx.store, actor)
    wallet.top_up(ctx.store, actor, demin, 300000, PaymentMethod.CARD_TRANSFER)
    card = FamilyCardView(ctx)
    qtbot.addWidget(card)
    card.show_family(demin)
    panel = card.wallet
    model = panel.ledger.model()
    assert "3\u00a0000" in panel.balance.text()
    assert not panel.reverse_button.isEnabled()  # nothing chosen yet
    panel.ledger.setCurrentIndex(model.index(0, 0))
    assert panel._selected() == model.row_at(0) and panel._selected().amount == 300000
    assert panel.reverse_button.isEnabled()
    errors = []

    def answer(dialog):
        dialog._on_accepted()  # no reason: refused beside the field
        errors.append(dialog.reason_error.text())
        dialog.reason.setText("ошиблись семьёй")
        dialog._on_accepted()
        return dialog.result()

    monkeypatch.setattr(ReverseDialog, "exec", answer)
    panel.reverse_button.click()
    assert errors == ["Write the reason."]
    assert wallet.balance(ctx.store, demin) == 0
    assert model.rowCount() == 2
    assert "0\u00a0₽" in panel.balance.text()
    qtmodeltester.check(model)
    assert model.index(0, LedgerModel.COL_AMOUNT).data(Qt.ItemDataRole.ForegroundRole).color() \
        == NEGATIVE  # the correction takes the money back
    assert model.index(1, LedgerModel.COL_AMOUNT).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(1, LedgerModel.COL_COMMENT).data().endswith("(reversed)")
    panel.ledger.setCurrentIndex(model.index(1, 0))
    assert panel._selected() == model.row_at(1)
    assert not panel.reverse_button.isEnabled()  # already reversed
    panel.ledger.setCurrentIndex(model.index(0, 0))
    assert not panel.reverse_button.isEnabled()  # a correction is not reversed again


def test_top_up_over_the_large_threshold_asks_first(qtbot, ctx, actor, monkeypatch):
    demin, _ = seed(ctx.store, actor)
    dialog = TopUpDialog(ctx, demin)
    qtbot.addWidget(dialog)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    dialog.amount.setText("150 000")
    dialog._on_accepted()
    assert wallet.balance(ctx.store, demin) == 0 and dialog.amount.text() == "150 000"
    dialog._on_accepted()
    assert wallet.balance(ctx.store, demin) == 15_000_000


def test_the_studio_sets_its_large_payment_and_repeat_window(qtbot, ctx, actor):
    from desk.services.staff import studio
    from desk.ui.wallet_views import PaymentRulesDialog

    dialog = PaymentRulesDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.large.text() == "100\u00a0000" and dialog.repeat_days.value() == 7
    dialog.large.setText("-5")
    dialog._on_accepted()
    assert "sign" in dialog.large_error.text() and studio.info(ctx.store).large_payment == 10**7
    dialog.large.setText("50 000")
    dialog.repeat_days.setValue(3)
    dialog._on_accepted()
    info = studio.info(ctx.store)
    assert (info.large_payment, info.repeat_days) == (5_000_000, 3)
    assert dialog.result() == dialog.DialogCode.Accepted


def test_a_repeat_is_found_once_the_family_is_chosen_for_an_ambiguous_line(qtbot, ctx, actor):
    from desk.services.money import payments

    demin, _ = seed(ctx.store, actor)
    namesake = families.save(ctx.store, actor, FamilyDraft(
        guardians=(GuardianDraft("Демина Ирина"),), children=(ChildDraft("Демин Саша"),)))
    lines = payments.parse(ctx.store, "700 Демин Саша")
    payments.post(ctx.store, actor, lines, PaymentMethod.CASH, choices={1: demin})
    dialog = PaymentsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("700 Демин Саша\n")
    dialog.check_button.click()
    combo = dialog.table.cellWidget(0, PaymentsDialog.COL_FAMILY)
    combo.setCurrentIndex(combo.findData(namesake))
    assert 1 not in dialog.repeat_boxes  # the namesakes did not pay 700 lately
    combo.setCurrentIndex(combo.findData(demin))
    assert 1 in dialog.repeat_boxes and not dialog.post_button.isEnabled()
    dialog.repeat_boxes[1].setChecked(True)
    dialog.post_button.click()
    assert wallet.balance(ctx.store, demin) == 140000
    assert "Posted: 1 payment(s)" in dialog.summary.text()


def test_the_ledger_comment_gets_the_room_the_short_columns_leave(qtbot, ctx, actor):
    demin, _ = seed(ctx.store, actor)
    note = "Столярная мастерская: оплата за четыре занятия ноября, перевод от бабушки"
    wallet.top_up(ctx.store, actor, demin, 480000, PaymentMethod.CARD_TRANSFER, note)
    card = FamilyCardView(ctx)
    qtbot.addWidget(card)
    card.resize(700, 500)  # the card's share of the window
    card.show_family(demin)
    card.tabs.setCurrentWidget(card.wallet)
    card.show()
    ledger = card.wallet.ledger
    qtbot.waitUntil(lambda: ledger.viewport().width() > 0)
    comment, method = card.wallet.COL_COMMENT, 3
    assert ledger.columnWidth(comment) >= ledger.columnWidth(method)  # it was squeezed to "12…"
    assert ledger.model().index(0, comment).data(Qt.ItemDataRole.ToolTipRole) == note  # all of it
    header = ledger.header()
    assert header.sectionResizeMode(comment) == QHeaderView.ResizeMode.Stretch
    assert all(header.sectionResizeMode(c) == QHeaderView.ResizeMode.ResizeToContents
               for c in range(header.count()) if c != comment)


def test_the_ledger_sorts_amounts_by_the_kopecks_and_keeps_the_newest_first(qtbot, ctx, actor):
    demin, _ = seed(ctx.store, actor)
    for kopecks in (50000, 300000, 120050):  # 500 ₽, 3 000 ₽, 1 200,50 ₽
        wallet.top_up(ctx.store, actor, demin, kopecks, PaymentMethod.CASH)
    first = wallet.view(ctx.store, demin).lines[-1]
    wallet.reverse(ctx.store, actor, first.id, "ошиблись")  # −500 ₽
    card = FamilyCardView(ctx)
    qtbot.addWidget(card)
    card.show_family(demin)
    ledger = card.wallet.ledger
    model, header = ledger.model(), ledger.header()

    def kopecks():
        return [model.row_at(r).amount for r in range(model.rowCount())]

    assert kopecks() == [-50000, 120050, 300000, 50000]  # the newest entry first, as today
    assert [model.row_at(r).id for r in range(model.rowCount())] == [
        line.id for line in wallet.view(ctx.store, demin).lines]
    amount = LedgerModel.COL_AMOUNT
    assert model.index(0, amount).data(Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    header.setSortIndicator(amount, Qt.SortOrder.DescendingOrder)  # a click on "Amount"
    assert kopecks() == [300000, 120050, 50000, -50000]  # as text "500,00" would come first
    texts = [model.index(r, amount).data() for r in range(model.rowCount())]
    assert texts != sorted(texts, reverse=True)
    header.setSortIndicator(amount, Qt.SortOrder.AscendingOrder)
    assert kopecks() == [-50000, 50000, 120050, 300000]
    ledger.setCurrentIndex(model.index(3, 0))
    assert card.wallet._selected().amount == 300000  # the row shown, not the row it came as
    assert card.wallet.reverse_button.isEnabled()

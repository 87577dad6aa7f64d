from PySide6.QtWidgets import QComboBox, QInputDialog, QMessageBox

from desk.models.wallet import PaymentMethod
from desk.services import families, wallet
from desk.services.families import ChildDraft, FamilyDraft, GuardianDraft
from desk.ui.family_card import FamilyCardView
from desk.ui.wallet_views import PaymentsDialog, TopUpDialog


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

    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    dialog.text.setPlainText("2500 Демин Саша\n")
    dialog.check_button.click()
    dialog.post_button.click()
    assert asked and wallet.balance(ctx.store, demin) == 250000  # the same paste is refused


def test_top_up_refuses_a_bad_amount_then_posts(qtbot, ctx, actor):
    demin, _ = seed(ctx.store, actor)
    dialog = TopUpDialog(ctx, demin)
    qtbot.addWidget(dialog)
    dialog.amount.setText("двести")
    dialog._on_accepted()
    assert not dialog.amount_error.isHidden() and wallet.balance(ctx.store, demin) == 0
    dialog.amount.setText("2 000,50")
    dialog._on_accepted()
    assert wallet.balance(ctx.store, demin) == 200050


def test_reversing_an_entry_on_the_card_adds_a_correction(qtbot, ctx, actor, monkeypatch):
    demin, _ = seed(ctx.store, actor)
    wallet.top_up(ctx.store, actor, demin, 300000, PaymentMethod.CARD_TRANSFER)
    card = FamilyCardView(ctx)
    qtbot.addWidget(card)
    card.show_family(demin)
    panel = card.wallet
    assert "3\u00a0000" in panel.balance.text()
    panel.ledger.setCurrentItem(panel.ledger.topLevelItem(0))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("ошиблись семьёй", True))
    panel.reverse_button.click()
    assert wallet.balance(ctx.store, demin) == 0
    assert panel.ledger.topLevelItemCount() == 2
    assert "0\u00a0₽" in panel.balance.text()
    panel.ledger.setCurrentItem(panel.ledger.topLevelItem(1))
    assert not panel.reverse_button.isEnabled()  # already reversed

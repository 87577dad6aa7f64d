"""Signing in through the dialog: someone without a PIN sets one (typed twice), a wrong PIN is
said next to the field, too many wrong tries make one wait, the demo studio asks none."""

from __future__ import annotations

from desk.models.enums import Role
from desk.services.staff import signin, studio
from desk.ui.sign_in_dialog import SignInDialog


def dialog_for(qtbot, ctx, **kw):
    d = SignInDialog(studio.staff(ctx.store), ctx.ops, ctx.store,
                     with_secret=signin.with_secret(ctx.store), **kw)
    qtbot.addWidget(d)
    d.show()
    return d


def test_a_first_sign_in_sets_the_pin_then_a_wrong_one_is_refused_beside_the_field(
        qtbot, ctx, staff, clock):
    maria = staff[Role.COMMUNICATOR]
    d = dialog_for(qtbot, ctx, current=maria.id)
    assert d.chosen() == maria.id and d.again.isVisible()
    assert d.hint.text().startswith("No PIN yet: make one up")
    d.secret.setText("4821")
    d.again.setText("4812")
    d._on_sign_in()
    assert d.error.text() == "The two do not match: type them again." and d.member is None
    d.secret.setText("48")
    d.again.setText("48")
    d._on_sign_in()
    assert d.error.text() == "A PIN is 4 to 8 digits."
    d.secret.setText("4821")
    d.again.setText("4821")
    d._on_sign_in()
    assert d.member == maria and d.result() == d.DialogCode.Accepted

    again = dialog_for(qtbot, ctx, current=maria.id)
    assert not again.again.isVisible() and again.hint.isHidden()
    for _ in range(signin.FREE_TRIES):
        again.secret.setText("0000")
        again._on_sign_in()
    assert again.error.text() == "The PIN or password is not right."
    again.secret.setText("4821")
    again._on_sign_in()
    assert again.error.text() == "Too many wrong tries: wait 31 s and try again."
    clock.advance(seconds=31)
    again.secret.setText("4821")
    again.secret.returnPressed.emit()  # Enter signs in
    assert again.member == maria


def test_the_demo_studio_asks_no_pin(qtbot, ctx, staff):
    d = dialog_for(qtbot, ctx, demo=True)
    assert not d.secret.isVisible() and d.hint.text() == "Demo studio: no PIN is needed."
    d._on_sign_in()
    assert d.member == staff[Role.SYSTEM]


def test_a_colleague_resets_a_forgotten_pin_from_the_settings(qtbot, ctx, staff):
    from desk.ui.pin_dialog import PinDialog

    anna = staff[Role.SYSTEM]
    signin.set_secret(ctx.store, anna.actor(), anna.id, "1111")
    d = PinDialog(ctx)  # Мария's desk
    qtbot.addWidget(d)
    assert d.person.currentData() == staff[Role.COMMUNICATOR].id  # her own by default
    d.person.setCurrentIndex(d.person.findData(anna.id))
    d.secret.setText("2468")
    d.again.setText("2486")
    d._on_save()
    assert d.error.text() == "The two do not match: type them again."
    d.again.setText("2468")
    d._on_save()
    assert d.done_for == anna.id
    assert signin.sign_in(ctx.store, anna.id, "2468") == anna

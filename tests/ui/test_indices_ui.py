"""The "Показатели" tab through its widgets: the month's figures with n and their definitions,
twelve months of charts (a month without answers left blank), a click on a month's bar lists
its answers, an answer opens its family and its feedback item in the register, the filters."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCharts import QBarSeries

from desk.services.crm import families
from desk.services.crm.families import FamilyDraft, GuardianDraft
from desk.services.surveys import forms, paper
from desk.ui.indices_view import IndicesView
from desk.ui.main_window import MainWindow


def answered(ctx, actor):
    """Ёлкины and Демины answer the regular workshop survey in February, the Ёлкины a hike
    survey in March (today is 4 March)."""
    elkiny, deminy = [families.save(ctx.store, actor, FamilyDraft(
        guardians=(GuardianDraft(p),))) for p in ("Ёлкина Вера", "Демина Ольга")]
    surveys = {x.key: x.id for x in forms.surveys(ctx.store)}
    for key, fid, day, nps, comment in (
            ("workshop_regular", elkiny, dt.date(2026, 2, 10), 10, ""),
            ("workshop_regular", deminy, dt.date(2026, 2, 12), 3, "Шумно в раздевалке"),
            ("hike_review", elkiny, dt.date(2026, 3, 2), 9, "")):
        paper.record(ctx.store, actor, paper.PaperAnswer(surveys[key], fid, day, nps=nps,
                                                         csat=5 if nps > 6 else 2,
                                                         comment=comment))
    return elkiny, deminy, surveys


def bar_sets(view, name):
    [series] = [s for s in view.charts[name].chart.series() if isinstance(s, QBarSeries)]
    return series.barSets()


def test_the_months_figures_charts_and_drilling_down_to_an_answer(qtbot, ctx, actor, tmp_path,
                                                                  monkeypatch):
    elkiny, deminy, surveys = answered(ctx, actor)
    view = IndicesView(ctx)
    qtbot.addWidget(view)
    view.resize(1500, 900)
    view.show()
    view.refresh()
    assert view.month.currentData() == "2026-03"
    nps = view.cards["nps"]
    assert nps.value.text() == "+100,0"  # March: the Ёлкины' 9
    assert nps.details.text().startswith("n = 1: promoters 1, passives 0, detractors 0")
    assert "Too few answers" in nps.details.text()
    assert "latest answer in the month" in nps.definition.text()
    [bars] = bar_sets(view, "nps")
    assert bars.count() == 12
    assert view.charts["nps"].figure(0, 10) == 0.0  # February: +1 − 1 of 2
    assert view.charts["nps"].figure(0, 9) is None and bars.isBarSelected(9)  # no answers
    assert view.charts["nps"].notes[10] == "February 2026: NPS 0,0, n = 2, ± 138,6"
    assert view.answers_title.text() == "Answers in March 2026"
    assert view.answers_model.rowCount() == 1

    bars.clicked.emit(10)  # February's bar
    assert view.answers_title.text() == "Answers in February 2026"
    rows = [view.answers_model.row_at(i) for i in range(view.answers_model.rowCount())]
    assert [r.title for r in rows] == ["Демина Ольга", "Ёлкина Вера"]
    view.answers.setCurrentIndex(view.answers_model.index(0, 0))
    assert view.comment.text() == "Шумно в раздевалке"
    assert view.item_button.isEnabled() and view.family_button.isEnabled()
    with qtbot.waitSignal(view.family_requested) as opened:
        view.family_button.click()
    assert opened.args == [deminy]
    with qtbot.waitSignal(view.item_requested) as item:
        view.item_button.click()
    assert item.args == [rows[0].item_id]

    saved = tmp_path / "отчёт.pdf"
    monkeypatch.setattr(view, "save_path", lambda suffix: saved)
    view.report_button.menu().actions()[0].trigger()  # PDF…
    assert saved.stat().st_size > 0 and view.narrowed.text() == f"The report is saved: {saved}"

    view.survey.setCurrentIndex(view.survey.findData(surveys["workshop_regular"]))
    view.survey.activated.emit(view.survey.currentIndex())
    assert nps.value.text() == "—"  # no answers to it in March
    assert view.narrowed.text().startswith("Narrowed to: one survey's answers")
    assert view.answers_model.rowCount() == 0


def test_a_feedback_item_opens_in_the_register_from_the_indices_tab(qtbot, ctx, actor,
                                                                    tmp_path):
    answered(ctx, actor)
    window = MainWindow(ctx, tmp_path)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentIndex(window.TAB_INDICES)
    view = window.indices
    bar_sets(view, "nps")[0].clicked.emit(10)
    row = next(view.answers_model.row_at(i) for i in range(view.answers_model.rowCount())
               if view.answers_model.row_at(i).item_id is not None)
    window.open_item(row.item_id)
    assert window.tabs.currentIndex() == window.TAB_FEEDBACK
    register = window.feedback.register
    assert register.selected() is not None and register.selected().id == row.item_id


def test_loyalty_signals_are_logged_from_the_card_and_the_referrer_card_shows_them(
        qtbot, ctx, actor, monkeypatch):
    from desk.services.crm import loyalty
    from desk.ui import loyalty_dialog
    from desk.ui.family_card import FamilyCardView
    from desk.ui.loyalty_dialog import LoyaltyDialog

    elkiny, deminy = [families.save(ctx.store, actor, FamilyDraft(
        guardians=(GuardianDraft(p),))) for p in ("Ёлкина Вера", "Демина Ольга")]
    dialog = LoyaltyDialog(ctx, elkiny)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(dialog.kind.findData(loyalty.LoyaltyKind.REVIEW))
    assert dialog.link.isVisible() and not dialog.family_button.isVisible()
    dialog.link.setText("yandex.ru/maps")
    dialog.add_button.click()
    assert dialog.error.text() == "Paste the full link, starting with https://."
    dialog.link.setText("https://yandex.ru/maps/org/1/reviews")
    dialog.add_button.click()
    assert dialog.list.topLevelItemCount() == 1
    assert dialog.list.topLevelItem(0).text(2) == "https://yandex.ru/maps/org/1/reviews"

    class Picked:
        def __init__(self, *_a):
            self.chosen = deminy
            self.list = type("L", (), {"currentItem": lambda _s: None})()

        def exec(self):
            return True

    monkeypatch.setattr(loyalty_dialog, "FamilyPicker", Picked)
    dialog.kind.setCurrentIndex(dialog.kind.findData(loyalty.LoyaltyKind.REFERRAL))
    assert dialog.family_button.isVisible() and not dialog.link.isVisible()
    dialog.family_button.click()
    dialog.add_button.click()
    assert dialog.list.topLevelItem(0).text(2) == "brought Демина Ольга"

    card = FamilyCardView(ctx)
    qtbot.addWidget(card)
    card.show_family(elkiny)
    assert "Recommends us: brought Демина Ольга · review 1" in card.details.text()
    card.show_family(deminy)
    assert "Came on the word of: Ёлкина Вера" in card.details.text()

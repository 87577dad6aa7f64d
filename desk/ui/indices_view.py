"""The "Показатели" tab: NPS, CSI, CSAT, FCR, response times and retention for a month, each
with n, the margin of error and its definition under it; the twelve months before it as charts;
filters by survey, direction, teacher and channel. A click on a month's bar shows that month's
answers; an answer opens its family's card or its feedback item.

Signals:
    family_requested(int)
    item_requested(int): a feedback item to show in the register.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QMenu,
    QPushButton, QScrollArea, QSplitter, QTabWidget, QToolButton, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWidget,
)

from desk.models.enums import InboxChannel, LapseReason, LoyaltyKind
from desk.services.insights import monthly, retention, trend
from desk.services.schedule import lessons
from desk.services.store.changes import Change
from desk.services.surveys import forms
from desk.ui import fmt
from desk.ui.chart import MonthBars
from desk.ui.context import Context
from desk.ui.forms import FieldError, ask_save_path, report
from desk.ui.freshness import Freshness
from desk.ui.inbox_queue import wait_text
from desk.ui.labels import inbox_channel_name, lapse_reason_name, loyalty_kind_name
from desk.ui.table_model import RowsModel, sorted_view

KINDS = (Change.SURVEY, Change.CALL, Change.INBOX, Change.ENROLMENT, Change.FAMILY,
         Change.FEEDBACK, Change.STUDIO)
RED, GREY = QColor("#c62828"), QColor("#616161")
DEFINITIONS = {
    "nps": QT_TRANSLATE_NOOP(
        "Indices", "% promoters (9–10) − % detractors (0–6), over each family's latest answer "
        "in the month (surveys and script calls; siblings are one family); an answer matched to "
        "no family counts on its own. ± is the 95% margin of error."),
    "csi": QT_TRANSLATE_NOOP(
        "Indices", "Σ weight × (mean − lowest) / (highest − lowest) × 100 over the satisfaction "
        "items answered in the month; the weights come from the items' importance, an item "
        "without answers is left out."),
    "csat": QT_TRANSLATE_NOOP(
        "Indices", "Share of answers 4 or 5 to the 1–5 satisfaction question; every answer "
        "counts."),
    "fcr": QT_TRANSLATE_NOOP(
        "Indices", "At close: conversations closed with \"resolved in this contact: yes\" among "
        "those closed with an answer. No re-contact: contacts the client started, closed in "
        "the month, with no new contact from the family within 72 hours (younger ones are not "
        "counted yet)."),
    "response": QT_TRANSLATE_NOOP(
        "Indices", "The first answer to a client, in working time: the median and the 90th "
        "percentile, and the share answered within 60 seconds. The holding and after-hours "
        "replies do not stop the clock."),
    "retention": QT_TRANSLATE_NOOP(
        "Indices", "Came again: of the children whose first lesson fell in the month, the "
        "share back within 30 days. Churn: of the families who came the month before, the "
        "share who did not come in this month."),
}


WORDS = {
    "unsigned": QT_TRANSLATE_NOOP("Indices", "(not signed)"),
    "call": QT_TRANSLATE_NOOP("Indices", "script call"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("Indices", text)


def month_name(key: str, short: bool = False) -> str:
    """"Март 2026", or "мар" for a chart."""
    year, month = int(key[:4]), int(key[5:7])
    locale = QLocale()
    if short:  # three letters: twelve of them fit under a chart
        return locale.standaloneMonthName(month, QLocale.FormatType.ShortFormat)[:3]
    return f"{locale.standaloneMonthName(month).capitalize()} {year}"


def pct(x: float | None) -> str:
    return "—" if x is None else f"{x:.1f}%".replace(".", ",")


def points(x: float | None) -> str:
    return "—" if x is None else f"{x:+.1f}".replace(".", ",").replace("+0,0", "0,0")


class Card(QFrame):
    """One figure: its name, the value, a line of details, the definition."""

    def __init__(self, name: str, definition: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.name = QLabel(name)
        self.name.setStyleSheet("font-weight: 600;")
        self.value = QLabel("—")
        self.value.setStyleSheet("font-size: 18pt; font-weight: 600;")
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.definition = QLabel(definition)
        self.definition.setWordWrap(True)
        self.definition.setStyleSheet("color: #616161; font-size: 8pt;")
        layout = QVBoxLayout(self)
        for w in (self.name, self.value, self.details, self.definition):
            layout.addWidget(w)
        layout.addStretch(1)

    def show_figure(self, value: str, details: str, warn: bool = False) -> None:
        self.value.setText(value)
        self.details.setText(details)
        self.details.setStyleSheet("color: #c62828;" if warn else "")


class AnswersModel(RowsModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("AnswersModel", "Answered"),
        QT_TRANSLATE_NOOP("AnswersModel", "Family"),
        QT_TRANSLATE_NOOP("AnswersModel", "Survey"),
        QT_TRANSLATE_NOOP("AnswersModel", "NPS"),
        QT_TRANSLATE_NOOP("AnswersModel", "CSAT"),
        QT_TRANSLATE_NOOP("AnswersModel", "Comment"),
    )

    def __init__(self, ctx: Context, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def cell(self, row: trend.AnswerRow, column: int) -> str:
        if column == 0:
            return fmt.datetime_text(row.at, self.ctx.studio.tz)
        if column == 1:
            return row.title or _t(WORDS["unsigned"])
        if column == 2:
            return row.survey or _t(WORDS["call"])
        if column == 3:
            return "" if row.nps is None else str(row.nps)
        if column == 4:
            return "" if row.csat is None else str(row.csat)
        return row.comment

    def align_right(self, column: int) -> bool:
        return column in (3, 4)

    def foreground(self, row: trend.AnswerRow, column: int) -> QBrush | None:
        unhappy = (row.nps is not None and row.nps <= 6) or (row.csat is not None
                                                             and row.csat <= 2)
        return QBrush(RED) if unhappy and column in (3, 4) else None

    def sort_key(self, row: trend.AnswerRow, column: int):
        if column == 0:
            return row.at
        if column in (3, 4):
            value = row.nps if column == 3 else row.csat
            return -1 if value is None else value
        return self.cell(row, column)


class IndicesView(QWidget):
    family_requested = Signal(int)
    item_requested = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.months: list[trend.Month] = []
        self.kept: list[retention.Month] = []
        self.drilled: str | None = None  # the month whose answers are listed
        self.month = QComboBox()
        now = ctx.store.now().astimezone(ctx.studio.tz)
        current = f"{now.year:04d}-{now.month:02d}"
        for key in reversed(trend.months_until(current, 24)):
            self.month.addItem(month_name(key), key)
        self.survey = QComboBox()
        self.survey.addItem(self.tr("Every survey"), None)
        self.direction = QComboBox()
        self.direction.addItem(self.tr("Every direction"), None)
        self.teacher = QComboBox()
        self.teacher.addItem(self.tr("Every teacher"), None)
        self.channel = QComboBox()
        self.channel.addItem(self.tr("Every channel"), None)
        for channel in InboxChannel:
            self.channel.addItem(inbox_channel_name(channel), channel)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month:")))
        for box in (self.month, self.survey, self.direction, self.teacher, self.channel):
            top.addWidget(box)
        top.addStretch(1)
        self.report_button = QToolButton()
        self.report_button.setText(self.tr("Monthly report"))
        self.report_button.setToolTip(self.tr("The month's report for marketing: every index "
                                              "with its trend, sources, loyalty, reasons for "
                                              "leaving, the register"))
        self.report_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        report_menu = QMenu(self.report_button)
        report_menu.addAction(self.tr("PDF…"), lambda: self.export_to(".pdf"))
        report_menu.addAction(self.tr("Excel (XLSX)…"), lambda: self.export_to(".xlsx"))
        self.report_button.setMenu(report_menu)
        top.addWidget(self.report_button)
        self.narrowed = QLabel()
        self.narrowed.setWordWrap(True)
        self.narrowed.setStyleSheet("color: #616161;")
        self.error = FieldError()

        self.cards = {key: Card(name, _t(DEFINITIONS[key])) for key, name in (
            ("nps", "NPS"), ("csi", self.tr("CSI — satisfaction")),
            ("csat", self.tr("CSAT — satisfied")), ("fcr", self.tr("FCR — solved at once")),
            ("response", self.tr("First answer")), ("retention", self.tr("Retention")))}
        grid = QGridLayout()
        for n, card in enumerate(self.cards.values()):
            grid.addWidget(card, n // 3, n % 3)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        self.charts = {
            "nps": MonthBars("NPS", -100, 100),
            "satisfaction": MonthBars(self.tr("CSI and CSAT, %"), 0, 100),
            "fcr": MonthBars(self.tr("FCR, %"), 0, 100),
            "response": MonthBars(self.tr("Answered within 60 s, %"), 0, 100),
            "retention": MonthBars(self.tr("Came again and churn, %"), 0, 100),
        }
        charts = QGridLayout()
        for n, chart in enumerate(self.charts.values()):
            charts.addWidget(chart, n // 2, n % 2)
            chart.month_clicked.connect(self._on_month_clicked)
        page = QWidget()
        pl = QVBoxLayout(page)
        pl.addLayout(grid)
        pl.addLayout(charts, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)

        self.answers_title = QLabel()
        self.answers_title.setStyleSheet("font-weight: 600;")
        self.answers_model = AnswersModel(ctx, self)
        self.answers = sorted_view(self.answers_model, widths=(110, 140, 130, 35, 40))
        self.comment = QLabel()
        self.comment.setWordWrap(True)
        self.comment.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.family_button = QPushButton(self.tr("Family's card"))
        self.item_button = QPushButton(self.tr("Feedback item"))
        self.item_button.setToolTip(self.tr("The answer's item in the feedback register"))
        answers_page = QWidget()
        al = QVBoxLayout(answers_page)
        al.addWidget(self.answers_title)
        al.addWidget(self.answers, 1)
        al.addWidget(self.comment)
        buttons = QHBoxLayout()
        buttons.addWidget(self.family_button)
        buttons.addWidget(self.item_button)
        buttons.addStretch(1)
        al.addLayout(buttons)
        self.speed = QTreeWidget()
        self.speed.setRootIsDecorated(False)
        self.speed.setHeaderLabels([self.tr("Group"), self.tr("Answers"), self.tr("Median"),
                                    self.tr("90%"), self.tr("Within 60 s")])
        self.speed.setColumnWidth(0, 190)
        self.kept_tree = QTreeWidget()
        self.kept_tree.setRootIsDecorated(False)
        self.kept_tree.setHeaderLabels([self.tr("Month"), self.tr("Came again"),
                                        self.tr("Churn"), self.tr("Reasons for leaving"),
                                        self.tr("Loyalty signals"), self.tr("New families")])
        for col, width in enumerate((115, 95, 70, 230, 200)):
            self.kept_tree.setColumnWidth(col, width)
        self.side = QTabWidget()
        self.side.addTab(answers_page, self.tr("Answers"))
        self.side.addTab(self.speed, self.tr("Answer speed"))
        self.side.addTab(self.kept_tree, self.tr("Retention and loyalty"))

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addLayout(top)
        ll.addWidget(self.narrowed)
        ll.addWidget(self.error)
        ll.addWidget(scroll, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.side)
        splitter.setSizes([820, 460])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        for box in (self.month, self.survey, self.direction, self.teacher, self.channel):
            box.activated.connect(lambda _i: self._on_filters())
        self.answers.selectionModel().currentChanged.connect(lambda *_: self._show_answer())
        self.answers.doubleClicked.connect(lambda _i: self._on_family())
        self.family_button.clicked.connect(self._on_family)
        self.item_button.clicked.connect(self._on_item)
        self.choices_loaded = False
        self.freshness = Freshness(self, self.refresh, ctx.notifier, KINDS)
        self._show_answer()

    # loading ---------------------------------------------------------------------------------

    def filters(self) -> trend.Filters:
        return trend.Filters(self.survey.currentData(), self.direction.currentData(),
                             self.teacher.currentData(), self.channel.currentData())

    @Slot()
    def refresh(self) -> None:
        store = self.ctx.store
        if not self.choices_loaded:
            self.choices_loaded = True
            self.ctx.ops.query(self, lambda: (forms.surveys(store), lessons.directions(store),
                                              lessons.teachers(store)),
                               self._fill_choices, key="choices")
        last, f = self.month.currentData(), self.filters()
        self.ctx.ops.query(self, lambda: (trend.trend(store, last, 12, f),
                                          retention.months(store, last, 12)),
                           self._show_months, key="months")
        self._drill(self.drilled or last)

    def _fill_choices(self, found) -> None:
        surveys, directions, teachers = found
        for box, values in ((self.survey, [(x.id, x.name) for x in surveys]),
                            (self.direction, [(d.id, d.name) for d in directions]),
                            (self.teacher, [(t.id, t.name) for t in teachers])):
            for value, text in values:
                box.addItem(text, value)

    def _on_filters(self) -> None:
        self.drilled = None
        f = self.filters()
        parts = []
        if f.survey_id is not None:
            parts.append(self.tr("one survey's answers (script calls left out)"))
        if f.direction_id is not None or f.teacher_id is not None:
            parts.append(self.tr("families who came to its lessons in the 90 days up to the "
                                 "month's end"))
        if f.channel is not None:
            parts.append(self.tr("FCR and answer times in this channel only"))
        self.narrowed.setText(self.tr("Narrowed to: {what}.").format(what="; ".join(parts))
                              if parts else "")
        self.refresh()

    def _drill(self, month: str) -> None:
        self.drilled = month
        store, f = self.ctx.store, self.filters()
        self.answers_title.setText(self.tr("Answers in {month}").format(
            month=month_name(month)))
        self.ctx.ops.query(self, lambda: (trend.answers(store, month, f),
                                          trend.responses(store, month, f)),
                           self._show_drill, key="drill")

    # showing ---------------------------------------------------------------------------------

    def _show_months(self, found: tuple[list[trend.Month], list[retention.Month]]) -> None:
        self.months, self.kept = found
        if not self.months:
            return
        self._show_cards(self.months[-1], self.kept[-1])
        labels = [month_name(m.month, short=True) for m in self.months]
        kept = self.kept[-len(self.months):]
        names = [month_name(m.month) for m in self.months]
        self.charts["nps"].set_data(labels, [("NPS", [m.indices.nps.score for m in self.months])],
                                    [self.tr("{month}: NPS {score}, n = {n}, ± {moe}").format(
                                        month=name, score=points(m.indices.nps.score),
                                        n=m.indices.nps.n,
                                        moe=points(m.indices.nps.moe95).lstrip("+"))
                                     for name, m in zip(names, self.months)])
        self.charts["satisfaction"].set_data(labels, [
            ("CSI", [m.indices.csi.score for m in self.months]),
            ("CSAT", [m.indices.csat.score for m in self.months])],
            [self.tr("{month}: CSI {csi} (n = {a}), CSAT {csat} (n = {b})").format(
                month=name, csi=pct(m.indices.csi.score), a=m.indices.csi.n,
                csat=pct(m.indices.csat.score), b=m.indices.csat.n)
             for name, m in zip(names, self.months)])
        self.charts["fcr"].set_data(labels, [
            (self.tr("at close"), [m.indices.fcr_at_close.score for m in self.months]),
            (self.tr("no re-contact"), [m.indices.fcr_no_recontact.score for m in self.months])],
            [self.tr("{month}: at close {a} (n = {n}), no re-contact {b} (n = {m})").format(
                month=name, a=pct(m.indices.fcr_at_close.score), n=m.indices.fcr_at_close.n,
                b=pct(m.indices.fcr_no_recontact.score), m=m.indices.fcr_no_recontact.n)
             for name, m in zip(names, self.months)])
        self.charts["response"].set_data(labels, [
            (self.tr("within 60 s"), [m.indices.response.within_60s_pct for m in self.months])],
            [f"{name}: {pct(m.indices.response.within_60s_pct)}, n = {m.indices.response.n}"
             for name, m in zip(names, self.months)])
        self.charts["retention"].set_data(labels, [
            (self.tr("came again"), [k.conversion for k in kept]),
            (self.tr("churn"), [k.churn for k in kept])],
            [self.tr("{month}: came again {a} of {n}, churn {l} of {b}").format(
                month=name, a=k.came_again, n=k.first_timers, l=k.lapsed, b=k.active_before)
             for name, k in zip(names, kept)])
        self._show_kept()

    def _show_cards(self, m: trend.Month, k: retention.Month) -> None:
        x = m.indices
        nps = x.nps
        self.cards["nps"].show_figure(
            points(nps.score),
            self.tr("n = {n}: promoters {p}, passives {a}, detractors {d}; ± {moe}").format(
                n=nps.n, p=nps.promoters, a=nps.passives, d=nps.detractors,
                moe=points(nps.moe95).lstrip("+")) + (
                "\n" + self.tr("Too few answers (fewer than 30)") if nps.too_few else ""),
            warn=nps.too_few)
        items = " · ".join(f"{name} {pct(value)}" for name, value, n in x.csi.items.values()
                           if n) or self.tr("no answers")
        self.cards["csi"].show_figure(pct(x.csi.score), self.tr("n = {n}; {items}").format(
            n=x.csi.n, items=items))
        self.cards["csat"].show_figure(pct(x.csat.score), f"n = {x.csat.n}")
        self.cards["fcr"].show_figure(
            pct(x.fcr_at_close.score),
            self.tr("at close, n = {n}; no re-contact {b} (n = {m})").format(
                n=x.fcr_at_close.n, b=pct(x.fcr_no_recontact.score), m=x.fcr_no_recontact.n))
        r = x.response
        self.cards["response"].show_figure(
            wait_text(round(r.median_s)) if r.median_s is not None else "—",
            self.tr("median; 90%: {p90}; within 60 s: {share}; n = {n}").format(
                p90=wait_text(round(r.p90_s)) if r.p90_s is not None else "—",
                share=pct(r.within_60s_pct), n=r.n))
        self.cards["retention"].show_figure(
            pct(k.conversion),
            self.tr("came again: {a} of {n} (waiting: {w}); churn {c} ({l} of {b})").format(
                a=k.came_again, n=k.first_timers, w=k.pending, c=pct(k.churn), l=k.lapsed,
                b=k.active_before))
        if m.partial:
            for card in self.cards.values():
                card.name.setToolTip(self.tr("The month is not over yet"))

    def _show_kept(self) -> None:
        self.kept_tree.clear()
        for k in reversed(self.kept):
            reasons = ", ".join(f"{lapse_reason_name(LapseReason(r))} {n}"
                                for r, n in sorted(k.reasons.items(), key=lambda x: -x[1]))
            signals = ", ".join(f"{loyalty_kind_name(LoyaltyKind(s))} {n}"
                                for s, n in sorted(k.loyalty.items()))
            item = QTreeWidgetItem([month_name(k.month), pct(k.conversion), pct(k.churn),
                                    reasons, signals, str(sum(k.sources.values()))])
            item.setToolTip(3, reasons)
            item.setToolTip(4, signals)
            item.setToolTip(5, ", ".join(f"{s or '—'}: {n}" for s, n in
                                         sorted(k.sources.items(), key=lambda x: -x[1])))
            self.kept_tree.addTopLevelItem(item)

    def _show_drill(self, found) -> None:
        (rows, total), speed = found
        self.answers_model.set_rows(rows)
        if total > len(rows):
            self.answers_title.setText(self.answers_title.text() + " " + self.tr(
                "(the latest {n} of {total})").format(n=len(rows), total=total))
        self.speed.clear()
        for title, group, label in (
                (self.tr("By channel"), speed.channels,
                 lambda k: inbox_channel_name(InboxChannel(k))),
                (self.tr("By person"), speed.people, lambda k: k or self.tr("the desk")),
                (self.tr("By hour the client wrote"), speed.hours,
                 lambda k: f"{k:02d}:00–{k:02d}:59")):
            head = QTreeWidgetItem([title])
            head.setForeground(0, QBrush(GREY))
            self.speed.addTopLevelItem(head)
            for key, r in group:
                self.speed.addTopLevelItem(QTreeWidgetItem([
                    label(key), str(r.n), wait_text(round(r.median_s)),
                    wait_text(round(r.p90_s)), pct(r.within_60s_pct)]))
        self._show_answer()

    def selected_answer(self) -> trend.AnswerRow | None:
        index = self.answers.currentIndex()
        return self.answers_model.row_at(index.row()) if index.isValid() else None

    def _show_answer(self) -> None:
        row = self.selected_answer()
        self.comment.setText(row.comment if row else "")
        self.family_button.setEnabled(row is not None and row.family_id is not None)
        self.item_button.setEnabled(row is not None and row.item_id is not None)

    # acting ----------------------------------------------------------------------------------

    def save_path(self, suffix: str) -> Path | None:
        """Where to save the report (replaced in tests)."""
        name = self.tr("report {month}").format(month=self.month.currentData()) + suffix
        kind = self.tr("PDF document (*.pdf)") if suffix == ".pdf" \
            else self.tr("Excel workbook (*.xlsx)")
        return ask_save_path(self, self.tr("Monthly report"), str(Path.home() / name), kind,
                             suffix)

    def export_to(self, suffix: str) -> None:
        path = self.save_path(suffix)
        if path is None:
            return
        store, month = self.ctx.store, self.month.currentData()
        self.ctx.ops.query(
            self, lambda: monthly.export(store, month, path),
            lambda _r: self.narrowed.setText(self.tr("The report is saved: {path}").format(
                path=path)),
            on_failure=lambda exc: report(self, self.error, exc))

    @Slot(int)
    def _on_month_clicked(self, index: int) -> None:
        if 0 <= index < len(self.months):
            self.side.setCurrentIndex(0)
            self._drill(self.months[index].month)

    @Slot()
    def _on_family(self) -> None:
        row = self.selected_answer()
        if row is not None and row.family_id is not None:
            self.family_requested.emit(row.family_id)

    @Slot()
    def _on_item(self) -> None:
        row = self.selected_answer()
        if row is not None and row.item_id is not None:
            self.item_requested.emit(row.item_id)

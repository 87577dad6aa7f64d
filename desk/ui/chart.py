"""Our chart: figures by month as grouped bars, one colour per series, a missing figure (no
answers that month) left blank rather than drawn as a zero, a click on a month's bar reported
as the month's index. Qt Charts draws it today (cheap to load); the rest of the desk knows only
this widget, so the drawing can be swapped later."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QPainter
from PySide6.QtWidgets import QToolTip, QVBoxLayout, QWidget

COLOURS = ("#1565c0", "#ef6c00", "#2e7d32", "#6a1b9a")
CLEAR = QColor(0, 0, 0, 0)


class MonthBars(QWidget):
    """Signals:
        month_clicked(int): the index of the month whose bar was clicked.
    """

    month_clicked = Signal(int)

    def __init__(self, title: str, low: float, high: float, *, suffix: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.low, self.high, self.suffix = low, high, suffix
        self.values: list[tuple[str, list[float | None]]] = []
        self.notes: list[str] = []
        self.chart = QChart()
        self.chart.setTitle(title)
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(220)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def set_data(self, labels: list[str], series: list[tuple[str, list[float | None]]],
                 notes: list[str] | None = None) -> None:
        """``series``: (name, one figure per label, None where there is none); ``notes``: what
        a month's bars say when the pointer rests on them (its n, its margin of error)."""
        self.values = series
        self.notes = notes or []
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        bars = QBarSeries()
        for n, (name, figures) in enumerate(series):
            bar_set = QBarSet(name)
            bar_set.setColor(QColor(COLOURS[n % len(COLOURS)]))
            bar_set.setSelectedColor(CLEAR)  # a month without a figure: no bar at all
            for i, value in enumerate(figures):
                bar_set.append(0.0 if value is None else float(value))
                if value is None:
                    bar_set.selectBar(i)
            bar_set.clicked.connect(self.month_clicked)
            bar_set.hovered.connect(self._on_hovered)
            bars.append(bar_set)
        self.chart.addSeries(bars)
        months = QBarCategoryAxis()
        months.append(labels)
        months.setLabelsAngle(-90)  # upright, a category's width elides even three letters
        values = QValueAxis()
        values.setRange(self.low, self.high)
        values.setLabelFormat("%.0f" + self.suffix.replace("%", "%%"))
        self.chart.addAxis(months, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(months)
        bars.attachAxis(values)
        self.chart.legend().setVisible(len(series) > 1)

    def _on_hovered(self, over: bool, index: int) -> None:
        if over and 0 <= index < len(self.notes):
            QToolTip.showText(QCursor.pos(), self.notes[index], self.view)
        else:
            QToolTip.hideText()

    def figure(self, series: int, month: int) -> float | None:
        """The figure shown (None: left blank)."""
        return self.values[series][1][month]

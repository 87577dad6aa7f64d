"""Dates, times and numbers in the user's language and the studio's time zone."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit


def local(value: dt.datetime, tz: ZoneInfo) -> dt.datetime:
    return value.astimezone(tz)


def date_text(value: dt.date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), "d MMMM yyyy")


def short_date(value: dt.date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), "dd.MM.yyyy")


def datetime_text(value: dt.datetime | None, tz: ZoneInfo) -> str:
    if value is None:
        return ""
    v = value.astimezone(tz)
    return QLocale().toString(QDate(v.year, v.month, v.day), "dd.MM.yyyy") + v.strftime(" %H:%M")


WALL = QTimeZone(QTimeZone.Initialization.UTC)  # "no conversion": fields are studio wall time


def to_qdatetime(value: dt.datetime, tz: ZoneInfo) -> QDateTime:
    """The studio's wall-clock time of ``value``, in a QDateTime that Qt will not convert to
    the PC's own time zone (the PC may be set to another zone than the studio)."""
    v = value.astimezone(tz)
    return QDateTime(QDate(v.year, v.month, v.day), QTime(v.hour, v.minute), WALL)


def datetime_edit(value: dt.datetime, tz: ZoneInfo) -> QDateTimeEdit:
    edit = QDateTimeEdit()
    edit.setTimeZone(WALL)
    edit.setDateTime(to_qdatetime(value, tz))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy HH:mm")
    return edit


def from_qdatetime(value: QDateTime, tz: ZoneInfo) -> dt.datetime:
    d, t = value.date(), value.time()
    naive = dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
    return naive.replace(tzinfo=tz).astimezone(dt.timezone.utc)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def day_text(value: dt.date) -> str:
    """'пн, 2 мар.'"""
    return QLocale().toString(QDate(value.year, value.month, value.day), "ddd, d MMM")


def weekday_name(value: QDate) -> str:
    """'понедельник'."""
    return QLocale().dayName(value.dayOfWeek())

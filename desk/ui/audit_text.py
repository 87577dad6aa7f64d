"""Audit entries in words: which fields changed and how, instead of raw JSON."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

FIELDS = {
    "name": QT_TRANSLATE_NOOP("AuditText", "name"),
    "guardians": QT_TRANSLATE_NOOP("AuditText", "parents"),
    "children": QT_TRANSLATE_NOOP("AuditText", "children"),
    "legend": QT_TRANSLATE_NOOP("AuditText", "legend"),
    "source": QT_TRANSLATE_NOOP("AuditText", "source"),
    "preferred_channel": QT_TRANSLATE_NOOP("AuditText", "preferred channel"),
    "consent_messages": QT_TRANSLATE_NOOP("AuditText", "consent to messages"),
    "consent_marketing": QT_TRANSLATE_NOOP("AuditText", "consent to mailings"),
    "consent_date": QT_TRANSLATE_NOOP("AuditText", "consent date"),
    "consent_purposes": QT_TRANSLATE_NOOP("AuditText", "consent purposes"),
    "title": QT_TRANSLATE_NOOP("AuditText", "task"),
    "details": QT_TRANSLATE_NOOP("AuditText", "details"),
    "due_at": QT_TRANSLATE_NOOP("AuditText", "due"),
    "status": QT_TRANSLATE_NOOP("AuditText", "status"),
    "assignee_role": QT_TRANSLATE_NOOP("AuditText", "assignee role"),
    "assignee_staff_id": QT_TRANSLATE_NOOP("AuditText", "assignee"),
    "family_id": QT_TRANSLATE_NOOP("AuditText", "family"),
    "origin": QT_TRANSLATE_NOOP("AuditText", "origin"),
    "note": QT_TRANSLATE_NOOP("AuditText", "note"),
    "timezone": QT_TRANSLATE_NOOP("AuditText", "time zone"),
    "staff": QT_TRANSLATE_NOOP("AuditText", "staff"),
    "families": QT_TRANSLATE_NOOP("AuditText", "families"),
    "file": QT_TRANSLATE_NOOP("AuditText", "file"),
    "skipped": QT_TRANSLATE_NOOP("AuditText", "skipped rows"),
    "seed": QT_TRANSLATE_NOOP("AuditText", "seed"),
    "erased": QT_TRANSLATE_NOOP("AuditText", "erased, now"),
    "amount": QT_TRANSLATE_NOOP("AuditText", "amount, kopecks"),
    "method": QT_TRANSLATE_NOOP("AuditText", "method"),
    "lines": QT_TRANSLATE_NOOP("AuditText", "lines"),
    "total": QT_TRANSLATE_NOOP("AuditText", "total, kopecks"),
}
YES = QT_TRANSLATE_NOOP("AuditText", "yes")
NO = QT_TRANSLATE_NOOP("AuditText", "no")


def _t(text: str) -> str:
    return QCoreApplication.translate("AuditText", text)


def field_name(key: str) -> str:
    return _t(FIELDS[key]) if key in FIELDS else key


def value_text(value: object) -> str:
    if value is None or value == "":
        return "—"
    if value is True:
        return _t(YES)
    if value is False:
        return _t(NO)
    if isinstance(value, list):
        return ", ".join(value_text(v.get("name") if isinstance(v, dict) else v) for v in value)
    if isinstance(value, dict):
        return value_text(value.get("name", json.dumps(value, ensure_ascii=False)))
    return str(value)


def _load(text: str) -> dict:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {"": text}
    return value if isinstance(value, dict) else {"": value}


def changed_fields(before: str, after: str) -> list[str]:
    old, new = _load(before), _load(after)
    if not old:
        return []
    return [k for k in sorted(new) if old.get(k) != new.get(k)]


def describe(before: str, after: str) -> str:
    """"legend: — → Любят глину; source: сайт → ВКонтакте" for a change, the values otherwise."""
    old, new = _load(before), _load(after)
    if old:
        parts = [(k, f"{value_text(old.get(k))} → {value_text(new.get(k))}")
                 for k in changed_fields(before, after)]
    else:
        parts = [(k, value_text(v)) for k, v in sorted(new.items())
                 if v not in (None, "", [], False)]
    return "; ".join(f"{field_name(k)}: {text}" if k else text for k, text in parts)
